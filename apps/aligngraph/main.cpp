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
            return finance(p, demo_opts, demo_fo);
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
