#pragma once
/// @file priority.hpp
/// Priority scores, each explained by parts that sum to it, ranks with deterministic
/// ties, the sensitivity of the ranking to each weight, and rank comparison.
///
/// - weighted score: sum_c omega_c * n_ic, omega normalised to sum 1, n_ic the criterion
///   normalised min-max over the initiatives ((x - min)/(max - min) for a benefit
///   criterion, (max - x)/(max - min) for a cost one; 1 for every initiative when all are equal).
/// - WSJF = (business value + time criticality + risk reduction) / job size (effort).
/// - RICE = reach * impact * confidence / effort.
/// - composite: omega_a * alignment / max alignment + omega_f * min-max(NPV / total cost)
///   + omega_c * weighted score, omegas normalised to sum 1.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_SCORING_PRIORITY
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/scoring/alignment.hpp"
#include "aligngraph/scoring/ranks.hpp"

namespace aligngraph {

/// Whether more of a criterion is better (benefit) or worse (cost).
enum class Direction { benefit, cost };

/// A criterion of weighted scoring: a name of the model's criteria, its weight (> 0), its direction.
struct Criterion {
    std::string name;
    double weight = 1;
    Direction direction = Direction::benefit;
};

/// Which score ranks the initiatives.
enum class ScoreKind { alignment, wsjf, rice, composite, score };

template <>
struct EnumNames<ScoreKind> {
    static constexpr std::string_view type = "ScoreKind";
    static constexpr std::array table{std::pair{ScoreKind::alignment, std::string_view("alignment")},
                                      std::pair{ScoreKind::wsjf, std::string_view("wsjf")},
                                      std::pair{ScoreKind::rice, std::string_view("rice")},
                                      std::pair{ScoreKind::composite, std::string_view("composite")},
                                      std::pair{ScoreKind::score, std::string_view("score")}};
};

/// A score per initiative and its parts: total(i) = parts.row(i).sum(), with the rank it gives.
struct ScoreTable {
    ScoreKind kind = ScoreKind::score;  ///< which score this is
    Eigen::VectorXd total;
    Eigen::MatrixXd parts;            ///< n x K
    std::vector<std::string> labels;  ///< the K part names
    Eigen::VectorXi rank;             ///< 1 = first: by descending total, ties by id

    /// The initiatives in rank order (the inverse of `rank`).
    std::vector<Index> order() const {
        std::vector<Index> out(static_cast<std::size_t>(rank.size()));
        for (Index i = 0; i < rank.size(); ++i) out[static_cast<std::size_t>(rank(i) - 1)] = i;
        return out;
    }
};

/// Weighted scoring. @throws ValidationError naming an unknown criterion, a non-positive
/// weight or an initiative without a score for a criterion.
ALIGNGRAPH_API ScoreTable weighted_score(const Portfolio& p, const std::vector<Criterion>& criteria);

/// Criterion names used by WSJF; job size is the initiative's effort.
struct WsjfOptions {
    std::string business_value = "business_value";
    std::string time_criticality = "time_criticality";
    std::string risk_reduction = "risk_reduction";
};

/// WSJF with parts business value / size, time criticality / size, risk reduction / size.
/// @throws ValidationError naming a missing criterion or an initiative with effort 0.
ALIGNGRAPH_API ScoreTable wsjf(const Portfolio& p, const WsjfOptions& options = {});

/// Criterion names used by RICE; effort is the initiative's effort.
struct RiceOptions {
    std::string reach = "reach";
    std::string impact = "impact";
    std::string confidence = "confidence";
};

/// RICE. Multiplicative, so its parts are not additive: one part, the score itself, and
/// the factors are the criteria (reported by the bindings and the CLI).
ALIGNGRAPH_API ScoreTable rice(const Portfolio& p, const RiceOptions& options = {});

/// Weights of the composite score (normalised to sum 1; each >= 0, not all 0).
struct CompositeWeights {
    double alignment = 0.5;
    double financial = 0.25;
    double criteria = 0.25;
};

/// Composite priority with parts alignment, financial, criteria. `criteria` as for
/// weighted_score (ignored when its weight is 0); NPV at the model's discount rate.
/// Without criteria (empty: a model that has none) the criteria part is 0 and alignment
/// and financial share the whole weight.
/// @throws ValidationError for a negative weight, or when no part with data has weight > 0.
ALIGNGRAPH_API ScoreTable composite_score(const Portfolio& p, const CompositeWeights& weights, const std::vector<Criterion>& criteria,
                      const AlignmentOptions& alignment_options = {});


/// Everything a score may take; only what the kind uses is read.
struct ALIGNGRAPH_API ScoreOptions {
    ScoreKind kind = ScoreKind::alignment;
    /// For `score` and `composite`: empty means every criterion of the model, weight 1, benefit.
    std::vector<Criterion> criteria;
    CompositeWeights composite;
    AlignmentOptions alignment;
    WsjfOptions wsjf;
    RiceOptions rice;
    /// `kind` scored under a scenario of the model: its goal weights and enabler share, and
    /// its criterion weights (each named criterion at the scenario's weight, benefit).
    static ScoreOptions from_scenario(const Portfolio& p, const std::string& scenario_id, ScoreKind kind);
};

/// The score `options.kind` with its parts. For alignment the parts are one column per
/// goal contributed to (s_ig w_g) and one for enabler credit; they sum to the total.
ALIGNGRAPH_API ScoreTable score(const Portfolio& p, const ScoreOptions& options);


/// How far one weight can move (the others rescaled proportionally so that all still sum
/// to 1) before the ranking changes.
struct WeightSensitivity {
    std::string item;          ///< goal or criterion id
    double weight = 0;         ///< its current (normalised) weight
    double top1_low = 0, top1_high = 1;   ///< the first-ranked initiative stays first for weights in [low, high]
    double topk_low = 0, topk_high = 1;   ///< the top-k set stays the same
};

/// Sensitivity of the alignment ranking (total, with enabler credit) to each global goal
/// weight; goals no initiative contributes to are left out.
ALIGNGRAPH_API std::vector<WeightSensitivity> goal_weight_sensitivity(const Portfolio& p, Index k,
                                                       const AlignmentOptions& options = {});

/// Sensitivity of the weighted-score ranking to each criterion weight.
ALIGNGRAPH_API std::vector<WeightSensitivity> criterion_weight_sensitivity(const Portfolio& p, const std::vector<Criterion>& criteria,
                                                            Index k);

/// How two rankings of the same initiatives differ.
struct RankComparison {
    Eigen::VectorXi rank_a, rank_b;  ///< per initiative
    Eigen::VectorXi change;          ///< rank_b - rank_a (negative: moved up)
    double kendall_tau = 1;          ///< tau-a over all pairs: 1 same order, -1 reversed
};

/// Compares two scores of the same initiatives.
ALIGNGRAPH_API RankComparison compare_rankings(const Eigen::VectorXd& a, const Eigen::VectorXd& b, const std::vector<std::string>& ids);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_SCORING_PRIORITY
#ifdef ALIGNGRAPH_OUTERMOST_SCORING_PRIORITY
#undef ALIGNGRAPH_OUTERMOST_SCORING_PRIORITY
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
