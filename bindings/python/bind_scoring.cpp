// Bindings of AHP, alignment, priority scores, ranks and sensitivity.

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <array>
#include <chrono>
#include <map>

#include "aligngraph/io/report.hpp"
#include "aligngraph/model/graph.hpp"
#include "aligngraph/weights/goal_weights.hpp"
#include "aligngraph/scoring/alignment.hpp"
#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/scoring/score_explanation.hpp"
#include "aligngraph/weights/ahp.hpp"
#include "bindings.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

std::vector<Index> indices(const Portfolio& p, const std::vector<std::string>& ids) {
    std::vector<Index> out;
    for (const auto& id : ids) out.push_back(p.initiative_index(id));
    return out;
}

std::vector<std::string> goal_ids_of(const Portfolio& p, const std::vector<Index>& g) {
    std::vector<std::string> out;
    for (Index x : g) out.push_back(p.goal(x).id);
    return out;
}

AlignmentOptions alignment_options(const Portfolio& p, std::optional<Weight> beta, std::map<std::string, Weight> roots,
                                   std::optional<std::string> scenario) {
    AlignmentOptions o = scenario ? AlignmentOptions::from_scenario(p, *scenario) : AlignmentOptions{};
    if (beta) o.enabler_share = beta;
    for (auto& [k, v] : roots) o.root_weights[k] = v;
    return o;
}

}  // namespace

void define_scoring(py::module_& m) {
    py::enum_<AhpMethod>(m, "AhpMethod", "How AHP weights are derived.")
        .value("eigenvector", AhpMethod::eigenvector)
        .value("geometric_mean", AhpMethod::geometric_mean);
    py::enum_<RandomIndex>(m, "RandomIndex", "Random-index table for the consistency ratio.")
        .value("donegan_dodd_1991", RandomIndex::donegan_dodd_1991)
        .value("saaty_2005", RandomIndex::saaty_2005)
        .value("saaty_1980", RandomIndex::saaty_1980);
    py::enum_<Direction>(m, "Direction", "Whether more of a criterion is better (benefit) or worse (cost).")
        .value("benefit", Direction::benefit)
        .value("cost", Direction::cost);
    bind_enum<ScoreKind>(m, "Which score ranks the initiatives.");
    bind_enum<ScorePartKind>(m, "Where one part of an explained score comes from.");

    py::class_<Alignment>(m, "Alignment", "Alignment of every initiative (model order), with its rank.")
        .def_readonly("goal_weights", &Alignment::goal_weights, "Global goal weights used (goal order).")
        .def_readonly("direct", &Alignment::direct)
        .def_readonly("by_goal", &Alignment::by_goal, "n x goals: strength x global goal weight (a row sums to direct).")
        .def_readonly("enabler", &Alignment::enabler, "Credit from dependants: total - direct.")
        .def_readonly("total", &Alignment::total)
        .def_readonly("rank", &Alignment::rank, "1 = first: by descending total, ties by id.")
        .def_readonly("enabler_share", &Alignment::enabler_share);
    py::class_<ScoreTable>(m, "ScoreTable", "A score per initiative (model order), its parts and its rank.")
        .def_readonly("kind", &ScoreTable::kind)
        .def_readonly("total", &ScoreTable::total)
        .def_readonly("parts", &ScoreTable::parts, "n x K; the rows sum to total.")
        .def_readonly("labels", &ScoreTable::labels, "The K part names.")
        .def_readonly("rank", &ScoreTable::rank, "1 = first: by descending total, ties by id.");
    py::class_<ScorePart>(m, "ScorePart", "One part of an explained score.")
        .def_readonly("kind", &ScorePart::kind)
        .def_readonly("source", &ScorePart::source, "The goal's id, the dependant's id, or the criterion's or component's name.")
        .def_readonly("name", &ScorePart::name, "The goal's or the dependant's name ('' otherwise).")
        .def_readonly("weight", &ScorePart::weight, "The goal's global weight (goal parts); NaN otherwise.")
        .def_readonly("value", &ScorePart::value);
    py::class_<ScoreExplanation>(m, "ScoreExplanation", "One initiative's score with its parts.")
        .def_readonly("initiative", &ScoreExplanation::initiative)
        .def_readonly("id", &ScoreExplanation::id)
        .def_readonly("name", &ScoreExplanation::name)
        .def_readonly("kind", &ScoreExplanation::kind)
        .def_readonly("score", &ScoreExplanation::score)
        .def_readonly("rank", &ScoreExplanation::rank)
        .def_readonly("parts", &ScoreExplanation::parts)
        .def_readonly("sum_of_parts", &ScoreExplanation::sum_of_parts);
    m.def("explanation_text", &explanation_text, py::arg("explanation"), "What `aligngraph rank --explain` prints.");
    m.def("explanation_json", &explanation_json, py::arg("explanation"));

    py::class_<Criterion>(m, "Criterion", "A criterion of weighted scoring.")
        .def(py::init([](std::string name, double weight, Direction direction) {
                 return Criterion{std::move(name), weight, direction};
             }),
             py::arg("name"), py::arg("weight") = 1.0, py::arg("direction") = Direction::benefit)
        .def_readwrite("name", &Criterion::name)
        .def_readwrite("weight", &Criterion::weight)
        .def_readwrite("direction", &Criterion::direction)
        .def("__repr__", [](const Criterion& c) {
            return "Criterion('" + c.name + "', " + std::to_string(c.weight) +
                   (c.direction == Direction::cost ? ", Direction.cost)" : ")");
        });
    py::class_<CompositeWeights>(m, "CompositeWeights", "Weights of the composite priority (normalised to sum 1).")
        .def(py::init([](double a, double f, double c) { return CompositeWeights{a, f, c}; }), py::arg("alignment") = 0.5,
             py::arg("financial") = 0.25, py::arg("criteria") = 0.25)
        .def_readwrite("alignment", &CompositeWeights::alignment)
        .def_readwrite("financial", &CompositeWeights::financial)
        .def_readwrite("criteria", &CompositeWeights::criteria);

    m.def("ahp_core", [](const Eigen::MatrixXd& matrix, AhpMethod method, RandomIndex ri, bool strict, double cr_threshold,
                         double reciprocal_tolerance) {
        AhpOptions o;
        o.method = method;
        o.random_index = ri;
        o.strict = strict;
        o.cr_threshold = cr_threshold;
        o.reciprocal_tolerance = reciprocal_tolerance;
        const auto r = ahp(matrix, o);
        py::dict d;
        d["weights"] = r.weights;
        d["lambda_max"] = r.lambda_max;
        d["ci"] = r.ci;
        d["cr"] = r.cr;
        d["random_index"] = r.random_index;
        d["worst_judgment"] = r.worst_judgment.row < 0
                                  ? py::object(py::none())
                                  : py::object(py::make_tuple(r.worst_judgment.row, r.worst_judgment.col, r.worst_judgment.value,
                                                              r.worst_judgment.consistent_value, r.worst_judgment.deviation));
        d["completed"] = r.completed;
        d["warnings"] = r.warnings;
        return d;
    }, py::arg("matrix"), py::arg("method"), py::arg("random_index"), py::arg("strict"), py::arg("cr_threshold"),
       py::arg("reciprocal_tolerance"));
    m.def("aggregate_judgments", &aggregate_judgments, py::arg("matrices"),
          "Group judgment: element-wise geometric mean of several people's matrices (NaN: that person skipped the cell).");
    m.def("random_index", &random_index, py::arg("table"), py::arg("n"), "RI(n) of a random-index table.");

    m.def("alignment_core", [](const Portfolio& p, std::optional<Weight> beta, std::map<std::string, Weight> roots,
                               std::optional<std::string> scenario) {
        auto o = alignment_options(p, beta, std::move(roots), std::move(scenario));
        o.rank = true;  // Portfolio.alignment() shows the rank
        return alignment(p, o);
    }, py::arg("portfolio"), py::arg("enabler_share"), py::arg("root_weights"), py::arg("scenario"));
    m.def("unserved_goals", [](const Portfolio& p, const std::vector<std::string>& selection) {
        return goal_ids_of(p, unserved_goals(p, indices(p, selection)));
    }, py::arg("portfolio"), py::arg("selection"));
    m.def("orphan_initiatives", [](const Portfolio& p) {
        std::vector<std::string> out;
        for (Index i : orphan_initiatives(p)) out.push_back(p.initiative_ids()[i]);
        return out;
    }, py::arg("portfolio"));
    m.def("goal_coverage", [](const Portfolio& p, const std::vector<std::string>& selection) {
        return goal_coverage(p, indices(p, selection));
    }, py::arg("portfolio"), py::arg("selection"));

    auto score_options = [](const Portfolio& p, ScoreKind kind, std::vector<Criterion> criteria, CompositeWeights cw,
                            std::optional<Weight> beta, std::map<std::string, Weight> roots, std::optional<std::string> scenario,
                            std::array<std::string, 3> wsjf_names, std::array<std::string, 3> rice_names) {
        ScoreOptions o = scenario ? ScoreOptions::from_scenario(p, *scenario, kind) : ScoreOptions{};
        o.kind = kind;
        if (!criteria.empty() || !scenario) o.criteria = std::move(criteria);
        o.composite = cw;
        o.alignment = alignment_options(p, beta, std::move(roots), std::move(scenario));
        o.wsjf = {wsjf_names[0], wsjf_names[1], wsjf_names[2]};
        o.rice = {rice_names[0], rice_names[1], rice_names[2]};
        return o;
    };
    m.def("score_core", [score_options](const Portfolio& p, ScoreKind kind, std::vector<Criterion> criteria, CompositeWeights cw,
                                        std::optional<Weight> beta, std::map<std::string, Weight> roots,
                                        std::optional<std::string> scenario, std::array<std::string, 3> wsjf_names,
                                        std::array<std::string, 3> rice_names) {
        return score(p, score_options(p, kind, std::move(criteria), cw, beta, std::move(roots), std::move(scenario), wsjf_names,
                                      rice_names));
    }, py::arg("portfolio"), py::arg("kind"), py::arg("criteria"), py::arg("composite"), py::arg("enabler_share"),
       py::arg("root_weights"), py::arg("scenario"), py::arg("wsjf_names"), py::arg("rice_names"));
    m.def("explain_score_core", [score_options](const Portfolio& p, const std::string& id, ScoreKind kind,
                                                std::vector<Criterion> criteria, CompositeWeights cw, std::optional<Weight> beta,
                                                std::map<std::string, Weight> roots, std::optional<std::string> scenario,
                                                std::array<std::string, 3> wsjf_names, std::array<std::string, 3> rice_names) {
        const Index i = p.initiative_index(id);
        const auto o = score_options(p, kind, std::move(criteria), cw, beta, std::move(roots), std::move(scenario), wsjf_names,
                                     rice_names);
        return explain_score(p, o, score(p, o), i);
    }, py::arg("portfolio"), py::arg("id"), py::arg("kind"), py::arg("criteria"), py::arg("composite"),
       py::arg("enabler_share"), py::arg("root_weights"), py::arg("scenario"), py::arg("wsjf_names"), py::arg("rice_names"));

    m.def("goal_weight_sensitivity_core", [](const Portfolio& p, Index k, std::optional<Weight> beta,
                                             std::map<std::string, Weight> roots, std::optional<std::string> scenario) {
        std::vector<std::tuple<std::string, double, double, double, double, double>> out;
        for (const auto& s : goal_weight_sensitivity(p, k, alignment_options(p, beta, std::move(roots), std::move(scenario))))
            out.emplace_back(s.item, s.weight, s.top1_low, s.top1_high, s.topk_low, s.topk_high);
        return out;
    }, py::arg("portfolio"), py::arg("k"), py::arg("enabler_share"), py::arg("root_weights"), py::arg("scenario"));
    m.def("criterion_weight_sensitivity_core", [](const Portfolio& p, const std::vector<Criterion>& criteria, Index k) {
        std::vector<std::tuple<std::string, double, double, double, double, double>> out;
        for (const auto& s : criterion_weight_sensitivity(p, criteria, k))
            out.emplace_back(s.item, s.weight, s.top1_low, s.top1_high, s.topk_low, s.topk_high);
        return out;
    }, py::arg("portfolio"), py::arg("criteria"), py::arg("k"));
    // For benchmarks/scoring: the pipeline run in C++ on this model, each stage timed, so the
    // Python overhead can be measured on the same model in the same process.
    m.def("_pipeline_seconds", [](const Portfolio& p, const std::vector<Criterion>& criteria) {
        using clock = std::chrono::steady_clock;
        const auto lock = reading(p);
        py::gil_scoped_release release;
        std::map<std::string, double> t;
        auto t0 = clock::now();
        auto lap = [&](const char* name) {
            const auto now = clock::now();
            t[name] = std::chrono::duration<double>(now - t0).count();
            t0 = now;
        };
        p.check();
        lap("validate");
        const auto w = goal_weights(p);
        lap("goal weights");
        const auto order = topological_order(p);
        lap("topological order");
        AlignmentOptions ranked;
        ranked.rank = true;
        const auto al = alignment(p, ranked);
        lap("alignment (with enabler credit)");
        const auto c = composite_score(p, {0.7, 0.0, 0.3}, criteria);  // ranked
        lap("composite score + rank");
        (void)w;
        (void)order;
        (void)al;
        (void)c;
        return t;
    }, py::arg("portfolio"), py::arg("criteria"));
    m.def("ranks", [](const Eigen::VectorXd& score, const std::vector<std::string>& ids) { return ranks(score, ids); },
          py::arg("score"), py::arg("ids"), "Rank (1 first) of every entry: descending score, ties by id.");
    m.def("kendall_tau", [](const Eigen::VectorXd& a, const Eigen::VectorXd& b, const std::vector<std::string>& ids) {
        const auto c = compare_rankings(a, b, ids);
        return py::make_tuple(c.rank_a, c.rank_b, c.kendall_tau);
    }, py::arg("a"), py::arg("b"), py::arg("ids"));
}

}  // namespace aligngraph::python
