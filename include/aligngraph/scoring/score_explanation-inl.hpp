#pragma once
// One score taken apart (score_explanation.hpp).

#include "aligngraph/scoring/score_explanation.hpp"

#include "aligngraph/error.hpp"
#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/scoring/alignment.hpp"

#include <fmt/format.h>

namespace aligngraph {

ALIGNGRAPH_INLINE ScoreExplanation explain_score(const Portfolio& p, const ScoreOptions& o, const ScoreTable& t, Index i) {
    if (i < 0 || i >= p.initiative_count())
        throw ValidationError(fmt::format("explain_score(): initiative index {} out of range [0, {})", i, p.initiative_count()));
    if (t.total.size() != p.initiative_count() || t.rank.size() != p.initiative_count())
        throw ValidationError(fmt::format("explain_score(): the table scores {} initiatives, the model has {}", t.total.size(),
                                          p.initiative_count()));
    ScoreExplanation e{.initiative = i,
                       .id = p.initiative_ids()[static_cast<std::size_t>(i)],
                       .name = p.names()[static_cast<std::size_t>(i)],
                       .kind = t.kind,
                       .score = t.total(i),
                       .rank = t.rank(i)};
    if (t.kind == ScoreKind::alignment) {
        const auto al = alignment(p, o.alignment);
        for (const auto& part : explain_alignment(p, al, i)) {
            if (part.kind == AlignmentPart::Kind::goal)
                e.parts.push_back({ScorePartKind::goal, p.goal(part.source).id, p.goal(part.source).name,
                                   al.goal_weights(part.source), part.value});
            else
                e.parts.push_back({.kind = ScorePartKind::enabler,
                                   .source = p.initiative_ids()[static_cast<std::size_t>(part.source)],
                                   .name = p.names()[static_cast<std::size_t>(part.source)],
                                   .value = part.value});
        }
    } else {
        const auto kind = t.kind == ScoreKind::composite ? ScorePartKind::component : ScorePartKind::criterion;
        for (Index c = 0; c < t.parts.cols(); ++c)
            e.parts.push_back({.kind = kind, .source = t.labels[static_cast<std::size_t>(c)], .value = t.parts(i, c)});
    }
    for (const auto& part : e.parts) e.sum_of_parts += part.value;
    return e;
}

}  // namespace aligngraph
