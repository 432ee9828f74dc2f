// The aligngraph command-line tool: validate, show and demo a portfolio model.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <functional>
#include <optional>
#include <vector>
#include <map>
#include <string>

#include "aligngraph/aligngraph.hpp"

namespace {

enum class Format { text, json };

struct Options {
    Format format = Format::text;
    int width = 100;
};

void add_output_options(CLI::App& cmd, Options& o) {
    const std::map<std::string, Format> formats{{"text", Format::text}, {"json", Format::json}};
    cmd.add_option("--format", o.format, "Output format: text or json")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
        ->capture_default_str();
    cmd.add_option("--width", o.width, "Width of text output in columns")->check(CLI::Range(60, 400))->capture_default_str();
}

int print(const std::string& s) {
    std::fputs(s.c_str(), stdout);
    return 0;
}

int show(const aligngraph::Portfolio& p, const Options& o) {
    return print(o.format == Format::json ? aligngraph::summary_json(p) : aligngraph::summary_text(p, o.width));
}

int finance(const aligngraph::Portfolio& p, const Options& o, const aligngraph::FinanceOptions& fo) {
    const auto per_initiative = aligngraph::initiative_financials(p, fo);
    std::vector<aligngraph::Index> all(static_cast<std::size_t>(p.initiative_count()));
    for (aligngraph::Index i = 0; i < p.initiative_count(); ++i) all[static_cast<std::size_t>(i)] = i;
    const auto total = aligngraph::portfolio_financials(p, all, fo);
    return print(o.format == Format::json ? aligngraph::financials_json(p, per_initiative, total)
                                          : aligngraph::financials_text(p, per_initiative, total, fo, o.width));
}

struct RankOptions {
    aligngraph::ScoreOptions score;
    std::string explain;
    aligngraph::Index top = 0;
    aligngraph::Index k = 5;
};

const char* kind_name(aligngraph::ScoreKind k) {
    switch (k) {
        case aligngraph::ScoreKind::wsjf: return "WSJF";
        case aligngraph::ScoreKind::rice: return "RICE";
        case aligngraph::ScoreKind::composite: return "composite priority";
        case aligngraph::ScoreKind::score: return "weighted score";
        case aligngraph::ScoreKind::alignment: break;
    }
    return "alignment (with enabler credit)";
}

int rank(const aligngraph::Portfolio& p, const Options& o, const RankOptions& r) {
    const auto t = aligngraph::score(p, r.score);
    if (!r.explain.empty()) {
        const auto i = p.initiative_index(r.explain);
        return print(aligngraph::explanation_text(p, r.score, t, i));
    }
    if (o.format == Format::json) return print(aligngraph::ranking_json(p, t, r.top));
    return print(aligngraph::ranking_text(p, t, fmt::format("Ranking by {}", kind_name(r.score.kind)), r.top, o.width));
}

/// Sensitivity of the alignment ranking to the heaviest goal weights.
std::string top_goal_sensitivity(const aligngraph::Portfolio& p, aligngraph::Index k, std::size_t goals) {
    auto s = aligngraph::goal_weight_sensitivity(p, k);
    std::stable_sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
    if (s.size() > goals) s.resize(goals);
    return fmt::format("How far each of the {} heaviest goal weights can move (the others rescaled) before the\n"
                       "alignment ranking changes:\n",
                       s.size()) +
           aligngraph::sensitivity_text(s, "goal", k);
}

struct OptimizeCli {
    aligngraph::OptimizeOptions options;
};

const char* objective_name(aligngraph::Objective o) {
    switch (o) {
        case aligngraph::Objective::alignment: return "alignment";
        case aligngraph::Objective::composite: return "composite priority";
        case aligngraph::Objective::npv: break;
    }
    return "NPV";
}

int optimize(const aligngraph::Portfolio& p, const Options& o, const aligngraph::OptimizeOptions& oo, bool displaced = true) {
    const auto problem = aligngraph::selection_problem(p, oo);
    const auto r = aligngraph::select_portfolio(problem, {.time_limit = oo.time_limit, .node_limit = oo.node_limit});
    return print(o.format == Format::json
                     ? aligngraph::selection_json(p, problem, r)
                     : aligngraph::selection_text(p, problem, r, objective_name(oo.objective), o.width, displaced));
}

std::vector<double> levels(int k, double max_factor) {
    std::vector<double> f;
    for (int i = 1; i <= k; ++i) f.push_back(max_factor * i / k);
    return f;
}

int frontier(const aligngraph::Portfolio& p, const Options& o, const aligngraph::OptimizeOptions& oo, int k, double max_factor,
             aligngraph::Sweep sweep = aligngraph::Sweep::scale) {
    const auto points = aligngraph::frontier(p, levels(k, max_factor), sweep, oo);
    return print(o.format == Format::json ? aligngraph::frontier_json(p, points)
                                          : aligngraph::frontier_text(points, objective_name(oo.objective), sweep));
}

void add_finance_options(CLI::App& cmd, aligngraph::FinanceOptions& fo) {
    cmd.add_option("--rate", fo.discount_rate, "Yearly discount rate (default: the model's)");
    cmd.add_flag_callback("--excel-npv", [&fo] { fo.convention = aligngraph::NpvConvention::excel; },
                          "Discount the first period too, as Excel's NPV()");
}

// Loads a model; on failure prints every problem and returns the exit code.
int with_model(const std::string& file, const Options& o, bool report_valid,
               const std::function<int(const aligngraph::Portfolio&)>& then) {
    std::vector<aligngraph::Problem> problems;
    std::optional<aligngraph::Portfolio> p;
    try {
        p = aligngraph::load_model(file);
    } catch (const aligngraph::ValidationError& e) {
        problems = e.problems();
    }
    if (!problems.empty() || report_valid) {
        const auto s = o.format == Format::json ? aligngraph::problems_json(problems, file)
                                                : aligngraph::problems_text(problems, file);
        std::fputs(s.c_str(), problems.empty() ? stdout : stderr);
        if (!problems.empty()) return 1;
    }
    return then(*p);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{fmt::format("aligngraph {}: IT-business alignment and budget modelling", aligngraph::version_string),
                 "aligngraph"};
    app.set_version_flag("--version", aligngraph::version_string);
    app.require_subcommand(1);

    Options validate_opts, show_opts, demo_opts, finance_opts;
    aligngraph::FinanceOptions finance_fo, demo_fo;
    std::string validate_file, show_file, finance_file;
    auto* validate = app.add_subcommand("validate", "Check a model file; print every problem found (exit 1 if any)");
    validate->add_option("FILE", validate_file, "Model file (JSON)")->required()->check(CLI::ExistingFile);
    add_output_options(*validate, validate_opts);
    auto* show_cmd = app.add_subcommand("show", "Goal tree with global weights, initiatives, budgets per period");
    show_cmd->add_option("FILE", show_file, "Model file (JSON)")->required()->check(CLI::ExistingFile);
    add_output_options(*show_cmd, show_opts);
    auto* finance_cmd = app.add_subcommand("finance", "NPV, IRR, MIRR, payback, ROI of every initiative and the portfolio");
    finance_cmd->add_option("FILE", finance_file, "Model file (JSON)")->required()->check(CLI::ExistingFile);
    add_output_options(*finance_cmd, finance_opts);
    add_finance_options(*finance_cmd, finance_fo);
    Options rank_opts;
    RankOptions rank_ro;
    std::string rank_file;
    auto* rank_cmd = app.add_subcommand("rank", "Rank initiatives by alignment, WSJF, RICE, composite or weighted score");
    rank_cmd->add_option("FILE", rank_file, "Model file (JSON)")->required()->check(CLI::ExistingFile);
    const std::map<std::string, aligngraph::ScoreKind> kinds{{"alignment", aligngraph::ScoreKind::alignment},
                                                             {"wsjf", aligngraph::ScoreKind::wsjf},
                                                             {"rice", aligngraph::ScoreKind::rice},
                                                             {"composite", aligngraph::ScoreKind::composite},
                                                             {"score", aligngraph::ScoreKind::score}};
    rank_cmd->add_option("--by", rank_ro.score.kind, "alignment, wsjf, rice, composite or score (weighted, every criterion)")
        ->transform(CLI::CheckedTransformer(kinds, CLI::ignore_case))
        ->capture_default_str();
    rank_cmd->add_option("--explain", rank_ro.explain, "Break one initiative's score into its parts");
    rank_cmd->add_option("--top", rank_ro.top, "Show only the first K")->check(CLI::NonNegativeNumber);
    std::string rank_scenario;
    rank_cmd->add_option("--scenario", rank_scenario, "Apply a scenario of the model (its goal weights, enabler share and criterion weights)");
    add_output_options(*rank_cmd, rank_opts);
    Options optimize_opts;
    aligngraph::OptimizeOptions optimize_oo;
    std::string optimize_file;
    auto* optimize_cmd = app.add_subcommand("optimize", "The optimal portfolio under every budget, exact with proof");
    optimize_cmd->add_option("FILE", optimize_file, "Model file (JSON)")->required()->check(CLI::ExistingFile);
    const std::map<std::string, aligngraph::Objective> objectives{{"npv", aligngraph::Objective::npv},
                                                                  {"alignment", aligngraph::Objective::alignment},
                                                                  {"composite", aligngraph::Objective::composite}};
    optimize_cmd->add_option("--objective", optimize_oo.objective, "npv, alignment or composite")
        ->transform(CLI::CheckedTransformer(objectives, CLI::ignore_case))
        ->capture_default_str();
    optimize_cmd->add_option("--time-limit", optimize_oo.time_limit, "Seconds before returning the best found")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    optimize_cmd->add_option("--scenario", optimize_oo.scenario, "Apply a scenario (budget factor, forced decisions...)");
    add_output_options(*optimize_cmd, optimize_opts);
    Options frontier_opts;
    aligngraph::OptimizeOptions frontier_oo;
    std::string frontier_file;
    int frontier_levels = 10;
    double frontier_max = 2.0;
    aligngraph::Sweep frontier_sweep = aligngraph::Sweep::scale;
    auto* frontier_cmd = app.add_subcommand("frontier", "The efficient frontier: the optimum at each budget level");
    frontier_cmd->add_option("FILE", frontier_file, "Model file (JSON)")->required()->check(CLI::ExistingFile);
    frontier_cmd->add_option("--levels", frontier_levels, "Number of budget levels")->check(CLI::Range(1, 1000))->capture_default_str();
    frontier_cmd->add_option("--max-factor", frontier_max, "Largest budget factor; levels are evenly spaced up to it")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    frontier_cmd->add_option("--objective", frontier_oo.objective, "npv, alignment or composite")
        ->transform(CLI::CheckedTransformer(objectives, CLI::ignore_case))
        ->capture_default_str();
    const std::map<std::string, aligngraph::Sweep> sweeps{{"scale", aligngraph::Sweep::scale}, {"total", aligngraph::Sweep::total}};
    frontier_cmd->add_option("--sweep", frontier_sweep,
                             "scale: every budget scaled by each factor; total: one total budget (factors of the cost of "
                             "all initiatives), the per-period limits dropped")
        ->transform(CLI::CheckedTransformer(sweeps, CLI::ignore_case))
        ->capture_default_str();
    frontier_cmd->add_option("--time-limit", frontier_oo.time_limit, "Seconds per level")->check(CLI::PositiveNumber)->capture_default_str();
    add_output_options(*frontier_cmd, frontier_opts);
    auto* demo = app.add_subcommand("demo", "Show the sample portfolio shipped with aligngraph, with its analyses");
    add_output_options(*demo, demo_opts);

    CLI11_PARSE(app, argc, argv);
    try {
        if (*validate) return with_model(validate_file, validate_opts, true, [](const auto&) { return 0; });
        if (*show_cmd)
            return with_model(show_file, show_opts, false, [&](const auto& p) { return show(p, show_opts); });
        if (*finance_cmd)
            return with_model(finance_file, finance_opts, false,
                              [&](const auto& p) { return finance(p, finance_opts, finance_fo); });
        if (*rank_cmd)
            return with_model(rank_file, rank_opts, false, [&](const auto& p) {
                if (!rank_scenario.empty())
                    rank_ro.score = aligngraph::ScoreOptions::from_scenario(p, rank_scenario, rank_ro.score.kind);
                return rank(p, rank_opts, rank_ro);
            });
        if (*optimize_cmd)
            return with_model(optimize_file, optimize_opts, false,
                              [&](const auto& p) { return optimize(p, optimize_opts, optimize_oo); });
        if (*frontier_cmd)
            return with_model(frontier_file, frontier_opts, false, [&](const auto& p) {
                return frontier(p, frontier_opts, frontier_oo, frontier_levels, frontier_max, frontier_sweep);
            });
        if (*demo) {
            const auto p = aligngraph::sample_portfolio();
            if (demo_opts.format == Format::json) {
                // One JSON document: the sections side by side.
                const auto per_initiative = aligngraph::initiative_financials(p, demo_fo);
                std::vector<aligngraph::Index> all(static_cast<std::size_t>(p.initiative_count()));
                for (aligngraph::Index i = 0; i < p.initiative_count(); ++i) all[static_cast<std::size_t>(i)] = i;
                const auto total = aligngraph::portfolio_financials(p, all, demo_fo);
                return print(fmt::format("{{\"model\": {},\n\"finance\": {}}}\n", aligngraph::summary_json(p),
                                         aligngraph::financials_json(p, per_initiative, total)));
            }
            show(p, demo_opts);
            std::fputs("\n", stdout);
            finance(p, demo_opts, demo_fo);
            std::fputs("\n", stdout);
            RankOptions top10;
            top10.top = 10;
            rank(p, demo_opts, top10);
            std::fputs("\n", stdout);
            print(top_goal_sensitivity(p, 5, 5));
            std::fputs("\n", stdout);
            optimize(p, demo_opts, {.objective = aligngraph::Objective::npv, .time_limit = 30}, false);
            std::fputs("\n", stdout);
            return frontier(p, demo_opts, {.objective = aligngraph::Objective::alignment, .time_limit = 10}, 6, 1.5);
        }
    } catch (const aligngraph::Error& e) {
        std::fprintf(stderr, "aligngraph: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aligngraph: internal error: %s\n", e.what());
        return 3;
    }
    return 0;
}
