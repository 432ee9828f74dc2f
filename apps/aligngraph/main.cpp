// The aligngraph command-line tool: one small struct per subcommand (its options, and
// what it runs); main() only wires them. Every subcommand presents what the library
// returns and computes nothing of its own.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "aligngraph/aligngraph.hpp"
#include "aligngraph/detail/sha256.hpp"
#include "aligngraph/io/sample_portfolio.hpp"

namespace ag = aligngraph;

namespace cli {

enum class Format { text, json };

}  // namespace cli

template <>
struct aligngraph::EnumNames<cli::Format> {
    static constexpr std::string_view type = "Format";
    static constexpr std::array table{std::pair{cli::Format::text, std::string_view("text")},
                                      std::pair{cli::Format::json, std::string_view("json")}};
};

namespace cli {

/// An option taking one of an enum's names (from its one name table), shown by name in --help.
template <ag::NamedEnum E>
CLI::Option* add_enum_option(CLI::App& cmd, const std::string& flag, E& value, const std::string& help) {
    std::vector<std::string> names;
    for (const auto& [v, name] : ag::EnumNames<E>::table) names.emplace_back(name);
    return cmd
        .add_option_function<std::string>(
            flag, [&value](const std::string& name) { value = *ag::from_string<E>(name); },
            fmt::format("{}: {}", help, ag::names_of<E>(", ")))
        ->transform(CLI::IsMember(names, CLI::ignore_case).description(""))
        ->type_name("{" + ag::names_of<E>(",") + "}")
        ->default_str(std::string(ag::to_string(value)));
}

/// Ctrl-C: the first stops the running analysis, which prints its best answer so far and
/// exits 130; a second one ends the process at once (the default action again).
std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_interrupt(int) {
    interrupted.store(true);
    std::signal(SIGINT, SIG_DFL);
}

/// Progress of long work on stderr: a line rewritten in place when stderr is a terminal, or
/// one line per report when ALIGNGRAPH_PROGRESS=1 asks for it elsewhere (=0: never).
enum class ProgressMode { off, terminal, lines };
ProgressMode progress_mode = ProgressMode::off;
bool progress_shown = false;

void show_progress(const ag::Progress& p) {
    std::string what;
    if (p.task == "simulate")
        what = fmt::format("{} of {} samples ({:.0f}%)", p.done, p.total, p.total > 0 ? 100.0 * p.done / p.total : 0.0);
    else if (p.task == "frontier")
        what = fmt::format("{} of {} budget levels", p.done, p.total);
    else if (p.task == "selection_frequency")
        what = fmt::format("{} of {} scenarios", p.done, p.total);
    else
        what = fmt::format("{} nodes searched", p.done);
    const auto line = fmt::format("aligngraph: {}: {}, {:.1f} s", p.task, what, p.seconds);
    if (progress_mode == ProgressMode::terminal)
        std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    else
        std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
    progress_shown = true;
}

/// The line left clean once the command is done (a terminal's).
void end_progress() {
    if (progress_shown && progress_mode == ProgressMode::terminal) std::fputs("\r\x1b[K", stderr);
    progress_shown = false;
}

ag::Cancellation ctrl_c() {
    ag::Cancellation c;
    c.poll = [] { return interrupted.load(); };
    if (progress_mode != ProgressMode::off) c.progress = show_progress;
    return c;
}

/// Exit code of an analysis stopped by Ctrl-C (128 + SIGINT, as shells report it).
constexpr int exit_interrupted = 130;

int interrupted_exit(const char* what) {
    std::fprintf(stderr, "aligngraph: interrupted: %s\n", what);
    return exit_interrupted;
}

/// Seconds > 0, with a message that says so (CLI11's range check prints DBL_MAX).
const CLI::Validator seconds{[](std::string& s) -> std::string {
                                 double v = 0;
                                 try {
                                     std::size_t used = 0;
                                     v = std::stod(s, &used);
                                     if (used != s.size()) return fmt::format("'{}' is not a number of seconds", s);
                                 } catch (const std::exception&) {
                                     return fmt::format("'{}' is not a number of seconds", s);
                                 }
                                 if (!(std::isfinite(v) && v > 0))
                                     return fmt::format("time limit {} s: expected a number of seconds > 0", s);
                                 return {};
                             },
                             "SECONDS > 0"};

struct Output {
    Format format = Format::text;
    int width = 100;
    bool timings = false;

    void add_to(CLI::App& cmd) {
        add_enum_option(cmd, "--format", format, "Output format");
        cmd.add_option("--width", width, "Width of text output in columns")->check(CLI::Range(60, 400))->capture_default_str();
        cmd.add_flag("--timings", timings, "Keep how long each computation took (\"seconds\") and the node counts of a search on "
                                           "several threads in JSON output, which is then not byte-stable");
    }
    bool json() const { return format == Format::json; }
};

int print(const std::string& s) {
    std::fputs(s.c_str(), stdout);
    return 0;
}

/// Every "seconds" member taken out, at any depth, and the node counts of a search that ran
/// on several threads ("states" and "peak_states" beside "threads" > 1: RPM's), which vary
/// from run to run as timings do.
void drop_timings(nlohmann::ordered_json& j) {
    if (j.is_object()) {
        j.erase("seconds");
        if (j.contains("threads") && j["threads"].is_number_integer() && j["threads"].get<long long>() > 1 && j.contains("states"))
            j.erase("states"), j.erase("peak_states");
        for (auto& [key, value] : j.items()) drop_timings(value);
    } else if (j.is_array()) {
        for (auto& value : j) drop_timings(value);
    }
}

/// Prints what a presenter made; JSON without timings (so the same input gives the same
/// bytes) unless --timings.
int print(const Output& o, const std::string& s) {
    if (!o.json() || o.timings) return print(s);
    auto doc = nlohmann::ordered_json::parse(s);
    drop_timings(doc);
    return print(doc.dump(2) + "\n");
}

/// The exit codes, documented in docs/cli.md and kept.
enum Exit : int { ok = 0, model_fault = 1, usage = 2, internal = 3, out_of_memory = 4 };

/// Set from the command line before parsing: errors go to standard error as JSON too.
bool json_errors = false;

/// An error on standard error, as `aligngraph: message` or, under --format json, as
/// {"error": {"exit_code", "kind", "message"}}; returns the exit code.
int fail(int code, const std::string& message) {
    end_progress();
    if (json_errors) {
        static constexpr const char* kinds[] = {"ok", "model", "usage", "internal", "memory"};
        const nlohmann::json doc = {{"error", {{"exit_code", code}, {"kind", code >= 0 && code <= 4 ? kinds[code] : "interrupted"},
                                               {"message", message}}}};
        std::fprintf(stderr, "%s\n", doc.dump(2).c_str());
    } else {
        std::fprintf(stderr, "aligngraph: %s\n", message.c_str());
    }
    return code;
}

/// The SHA-256 of the bytes of the last model read (what `sha256sum FILE` prints), for the report.
std::string model_file_sha256;

/// The model named on the command line: a file, or standard input for "-".
ag::Portfolio read_model(const std::string& file) {
    if (file != "-") {
        auto p = ag::load_model(file);
        std::ifstream in(file, std::ios::binary);
        model_file_sha256 = ag::detail::sha256_hex(std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()});
        return p;
    }
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    model_file_sha256 = ag::detail::sha256_hex(text);
    return ag::model_from_json(text, "<stdin>");
}

/// Loads a model; on failure prints every problem (and exits 1). `report_valid`: print
/// "valid" (or the JSON verdict) too when there is none.
int with_model(const std::string& file, const Output& o, bool report_valid,
               const std::function<int(const ag::Portfolio&)>& then) {
    std::vector<ag::Problem> problems;
    std::optional<ag::Portfolio> p;
    try {
        p = read_model(file);
    } catch (const ag::ValidationError& e) {
        problems = e.problems();
        if (problems.empty()) problems.push_back({"", e.what(), {}});
    }
    if (p && report_valid) problems = ag::validate(*p);  // the warnings of a valid model
    if (!problems.empty() || report_valid) {
        const std::string name = file == "-" ? "<stdin>" : file;
        const auto s = o.json() ? ag::problems_json(problems, name) : ag::problems_text(problems, name);
        const bool invalid = !p;
        std::fputs(s.c_str(), invalid ? stderr : stdout);
        if (invalid) return 1;
    }
    return then(*p);
}

/// A subcommand: its options, and what it runs once they are parsed.
struct Command {
    CLI::App* app = nullptr;
    Output output;
    std::string file;
    virtual ~Command() = default;
    virtual int run() = 0;

    /// The model file (a missing one is the model's fault, exit 1, said by the reader), or "-".
    void add_file() { app->add_option("FILE", file, "Model file (JSON), or - to read it from standard input")->required(); }

    /// What-if options: --scenario, --force-in, --force-out, --budget-factor; the analysis
    /// then runs under the scenario apply_what_if() makes, whose id goes to `scenario`.
    void add_what_if(std::string& scenario, const std::string& scenario_help) {
        scenario_ = &scenario;
        app->add_option("--scenario", what_if_.scenario, scenario_help);
        app->add_option("--force-in", what_if_.force_in, "What if these initiatives are funded (ids, comma-separated)")
            ->delimiter(',')
            ->type_name("ID,...");
        app->add_option("--force-out", what_if_.force_out, "What if these initiatives are not funded (ids, comma-separated)")
            ->delimiter(',')
            ->type_name("ID,...");
        app->add_option_function<double>("--budget-factor", [this](double x) { what_if_.budget_factor = x; },
                                         "What if every budget is scaled by X (times the scenario's own factor)")
            ->check(CLI::Validator(
                [](std::string& v) -> std::string {
                    std::size_t used = 0;
                    double x = 0;
                    try {
                        x = std::stod(v, &used);
                    } catch (const std::exception&) {
                        used = 0;
                    }
                    if (used != v.size() || !(std::isfinite(x) && x > 0)) return fmt::format("'{}': expected a number > 0", v);
                    return {};
                },
                "X > 0"))
            ->type_name("X");
    }

    /// with_model() under the what-if: the model with its what-if scenario added (when it
    /// asks more than a scenario of the model), whose id the command's scenario becomes.
    int with_what_if(const std::function<int(const ag::Portfolio&)>& then) {
        return with_model(file, output, false, [&](const ag::Portfolio& p) {
            if (what_if_.only_scenario()) {
                if (scenario_) *scenario_ = what_if_.scenario;
                return then(p);
            }
            ag::Portfolio q = p;
            const std::string id = ag::apply_what_if(q, what_if_);
            if (scenario_) *scenario_ = id;
            return then(q);
        });
    }

private:
    ag::WhatIf what_if_;
    std::string* scenario_ = nullptr;
};

struct Validate : Command {
    Validate(CLI::App& parent) {
        app = parent.add_subcommand("validate", "Check a model file; print every problem found (exit 1 if any)");
        add_file();
        output.add_to(*app);
    }
    int run() override {
        return with_model(file, output, true, [](const ag::Portfolio&) { return 0; });
    }
};

int show(const ag::Portfolio& p, const Output& o) {
    return print(o, o.json() ? ag::summary_json(p) : ag::summary_text(p, o.width));
}

struct Show : Command {
    Show(CLI::App& parent) {
        app = parent.add_subcommand("show", "Goal tree with global weights, initiatives, budgets per period");
        add_file();
        output.add_to(*app);
    }
    int run() override {
        return with_model(file, output, false, [&](const ag::Portfolio& p) { return show(p, output); });
    }
};

int finance(const ag::Portfolio& p, const Output& o, const ag::FinanceOptions& fo) {
    const auto per_initiative = ag::initiative_financials(p, fo);
    std::vector<ag::Index> all(static_cast<std::size_t>(p.initiative_count()));
    for (ag::Index i = 0; i < p.initiative_count(); ++i) all[static_cast<std::size_t>(i)] = i;
    const auto total = ag::portfolio_financials(p, all, fo);
    return print(o, o.json() ? ag::financials_json(per_initiative, total) : ag::financials_text(per_initiative, total, o.width));
}

struct Finance : Command {
    ag::FinanceOptions options;
    Finance(CLI::App& parent) {
        app = parent.add_subcommand("finance", "NPV, IRR, MIRR, payback, ROI of every initiative and the portfolio");
        add_file();
        output.add_to(*app);
        app->add_option_function<std::string>(
               "--rate", [this](const std::string& s) { options.discount_rate = ag::parse_rate(s); },
               "Yearly discount rate, as a fraction (0.08) or a percentage (8%); default: the model's")
            ->type_name("RATE");
        add_enum_option(*app, "--npv-convention", options.convention,
                        "npv discounts the first period's flow by (1+r)^0, as numpy-financial; excel by (1+r)^1, as "
                        "Excel's NPV()");
    }
    int run() override {
        return with_model(file, output, false, [&](const ag::Portfolio& p) { return finance(p, output, options); });
    }
};

int rank(const ag::Portfolio& p, const Output& o, const ag::ScoreOptions& so, const std::string& explain, ag::Index top) {
    const auto t = ag::score(p, so);
    if (!explain.empty()) {
        const auto e = ag::explain_score(p, so, t, p.initiative_index(explain));
        return print(o, o.json() ? ag::explanation_json(e) : ag::explanation_text(e));
    }
    if (o.json()) return print(o, ag::ranking_json(p, t, top));
    return print(ag::ranking_text(p, t, top, o.width));
}

struct Rank : Command {
    ag::ScoreKind kind = ag::ScoreKind::alignment;
    std::string explain, scenario;
    ag::Index top = 0;
    Rank(CLI::App& parent) {
        app = parent.add_subcommand("rank", "Rank initiatives by alignment, WSJF, RICE, composite or weighted score");
        add_file();
        add_enum_option(*app, "--by", kind, "The score (score: weighted, every criterion)");
        app->add_option("--explain", explain, "Break one initiative's score into its parts");
        app->add_option("--top", top, "Show only the first K")->check(CLI::NonNegativeNumber);
        add_what_if(scenario, "Apply a scenario of the model (its goal weights, enabler share and criterion weights)");
        output.add_to(*app);
    }
    int run() override {
        return with_what_if([&](const ag::Portfolio& p) {
            ag::ScoreOptions so;
            so.kind = kind;
            if (!scenario.empty()) so = ag::ScoreOptions::from_scenario(p, scenario, kind);
            return rank(p, output, so, explain, top);
        });
    }
};

int optimize(const ag::Portfolio& p, const Output& o, ag::OptimizeOptions oo, bool displaced = true) {
    oo.cancel = ctrl_c();
    const auto r = ag::optimize(p, oo);
    const int rc = print(o, o.json() ? ag::selection_json(r) : ag::selection_text(r, o.width, displaced));
    if (r.stop_reason == ag::StopReason::interrupted) return interrupted_exit("the best selection found so far is shown, not proven");
    return rc;
}

struct Optimize : Command {
    ag::OptimizeOptions options;
    Optimize(CLI::App& parent) {
        app = parent.add_subcommand("optimize", "The optimal portfolio under every budget, exact with proof");
        add_file();
        add_enum_option(*app, "--objective", options.objective, "What to maximise");
        app->add_option("--time-limit", options.time_limit, "Seconds before returning the best found")
            ->check(seconds)
            ->capture_default_str();
        add_what_if(options.scenario, "Apply a scenario of the model (budget factor, forced decisions...)");
        output.add_to(*app);
    }
    int run() override {
        return with_what_if([&](const ag::Portfolio& p) { return optimize(p, output, options); });
    }
};

std::vector<double> levels(int k, double max_factor) {
    std::vector<double> f;
    for (int i = 1; i <= k; ++i) f.push_back(max_factor * i / k);
    return f;
}

int frontier(const ag::Portfolio& p, const Output& o, ag::OptimizeOptions oo, int k, double max_factor, ag::Sweep sweep) {
    oo.cancel = ctrl_c();
    const auto points = ag::frontier(p, levels(k, max_factor), sweep, oo);
    const int rc = print(o, o.json() ? ag::frontier_json(points) : ag::frontier_text(points));
    if (!points.empty() && points.back().result.stop_reason == ag::StopReason::interrupted)
        return interrupted_exit(fmt::format("the {} levels reached of {} are shown, the last not proven", points.size(), k).c_str());
    return rc;
}

struct Frontier : Command {
    ag::OptimizeOptions options;
    int count = 10;
    double max_factor = 2.0;
    ag::Sweep sweep = ag::Sweep::scale;
    Frontier(CLI::App& parent) {
        app = parent.add_subcommand("frontier", "The efficient frontier: the optimum at each budget level");
        add_file();
        app->add_option("--levels", count, "Number of budget levels")->check(CLI::Range(1, 1000))->capture_default_str();
        app->add_option("--max-factor", max_factor, "Largest budget factor; levels are evenly spaced up to it")
            ->check(CLI::PositiveNumber)
            ->capture_default_str();
        add_enum_option(*app, "--objective", options.objective, "What to maximise");
        add_enum_option(*app, "--sweep", sweep,
                        "scale: every budget scaled by each factor; total: one total budget (factors of the cost of all "
                        "initiatives), the per-period limits dropped");
        app->add_option("--time-limit", options.time_limit, "Seconds per level")->check(seconds)->capture_default_str();
        add_what_if(options.scenario, "Apply a scenario of the model (budget factor, forced decisions...)");
        output.add_to(*app);
    }
    int run() override {
        return with_what_if([&](const ag::Portfolio& p) { return frontier(p, output, options, count, max_factor, sweep); });
    }
};

int roadmap(const ag::Portfolio& p, const Output& o, ag::RoadmapOptions ro, bool together) {
    ro.cancel = ctrl_c();
    const auto r = together ? ag::plan(p, ro) : ag::roadmap(p, ro);
    const int rc = print(o, o.json() ? ag::schedule_json(r) : ag::schedule_text(r, o.width));
    if (r.stop_reason == ag::StopReason::interrupted) return interrupted_exit("the best schedule found so far is shown, not proven");
    return rc;
}

// A roadmap's or plan's JSON (`aligngraph roadmap --format json`) as starts by id: each
// job's "start" (null: left out).
std::map<std::string, ag::Period> read_start(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw ag::ValidationError(fmt::format("--start {}: cannot read the file ({})", path, std::strerror(errno)));
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw ag::ValidationError(fmt::format("--start {}: not JSON ({})", path, e.what()));
    }
    if (!doc.is_object() || !doc.contains("jobs") || !doc["jobs"].is_array())
        throw ag::ValidationError(fmt::format("--start {}: expected the JSON of `aligngraph roadmap --format json` (an object with \"jobs\")", path));
    std::map<std::string, ag::Period> start;
    for (std::size_t k = 0; k < doc["jobs"].size(); ++k) {
        const auto& job = doc["jobs"][k];
        const bool ok = job.is_object() && job.contains("id") && job["id"].is_string() && job.contains("start") &&
                        (job["start"].is_null() ||
                         (job["start"].is_number_integer() && job["start"].get<long long>() >= -1 &&
                          job["start"].get<long long>() <= std::numeric_limits<ag::Period>::max()));
        if (!ok) throw ag::ValidationError(fmt::format("--start {}: /jobs/{} needs an \"id\" and a whole \"start\" from -1 (or null)", path, k));
        start[job["id"].get<std::string>()] = job["start"].is_null() ? -1 : job["start"].get<ag::Period>();
    }
    return start;
}

struct Roadmap : Command {
    ag::RoadmapOptions options;
    bool together = false;
    std::vector<std::string> selection;
    std::string start;
    Roadmap(CLI::App& parent) {
        app = parent.add_subcommand("roadmap", "When each initiative starts under budgets per period and team capacity");
        add_file();
        add_enum_option(*app, "--objective", options.objective, "npv: the portfolio's NPV; delay: cost of delay; makespan: how soon all is done");
        app->add_flag("--plan", together, "Choose which initiatives and when in one optimisation (NPV)");
        app->add_option("--select", selection, "The initiatives to schedule (ids, comma-separated); default: the optimal portfolio")
            ->delimiter(',');
        app->add_option("--time-limit", options.time_limit, "Seconds before returning the best found")
            ->check(seconds)
            ->capture_default_str();
        app->add_option("--start", start,
                        "Begin from this roadmap or plan (the JSON of --format json): the result is never worse; without "
                        "--select a roadmap schedules its initiatives");
        add_what_if(options.scenario, "Apply a scenario of the model (budget factor, forced decisions...)");
        output.add_to(*app);
    }
    int run() override {
        if (!start.empty()) {
            options.start = read_start(start);
            if (selection.empty() && !together) {  // the start's initiatives
                std::vector<std::string> in;
                for (const auto& [id, period] : options.start)
                    if (period >= 0) in.push_back(id);
                options.selection = in;
            }
        }
        if (!selection.empty()) options.selection = selection;
        return with_what_if([&](const ag::Portfolio& p) { return roadmap(p, output, options, together); });
    }
};

int risk(const ag::Portfolio& p, const Output& o, ag::RiskOptions ro, int top) {
    ro.cancel = ctrl_c();
    const auto r = ag::simulate(p, ro);
    const int rc = print(o, o.json() ? ag::risk_json(r) : ag::risk_text(r, o.width, top));
    if (r.stop_reason == ag::StopReason::interrupted) return interrupted_exit("the samples done until then are shown");
    return rc;
}

struct Risk : Command {
    ag::RiskOptions options;
    std::vector<std::string> selection;
    int top = 10;
    Risk(CLI::App& parent) {
        options.samples = 100000;
        app = parent.add_subcommand("risk", "How sure the plan is: Monte Carlo of the portfolio's NPV, spend and team load");
        add_file();
        app->add_option("--samples", options.samples, "How many samples (at most, with --convergence)")
            ->check(CLI::Range(1LL, 1LL << 40))
            ->capture_default_str();
        app->add_option("--seed", options.seed, "Seed: the same seed gives the same samples on any thread count")->capture_default_str();
        app->add_option("--first", options.first, "Index of the first sample (chunks of one simulation join exactly)")
            ->check(CLI::NonNegativeNumber)
            ->capture_default_str();
        app->add_option("--threads", options.threads, "Threads (0: every hardware thread; the result does not depend on it)")
            ->check(CLI::Range(0, 4096))
            ->capture_default_str();
        app->add_option("--select", selection, "The initiatives to simulate (ids, comma-separated); default: the optimal portfolio")
            ->delimiter(',');
        app->add_flag("--roadmap", options.roadmap, "Start each initiative at its roadmap start instead of its planned start");
        add_what_if(options.scenario, "Apply a scenario of the model (rate, budget factor, cost overrun, forced decisions)");
        app->add_flag("--latin-hypercube", options.latin_hypercube, "Stratify each input within each block of 1024 samples");
        app->add_option("--convergence", options.convergence,
                        "Stop once the standard error of the mean NPV is below this share of it (checked every 4096 samples)")
            ->check(CLI::Range(0.0, 1.0));
        app->add_flag("--repair-correlations", options.repair_correlations,
                      "Repair a correlation matrix that is not positive semi-definite to the nearest one (said in a note)");
        app->add_option("--top", top, "Tornado bars and rank correlations shown")->check(CLI::Range(0, 1000))->capture_default_str();
        app->add_option("--time-limit", options.time_limit, "Seconds for choosing the portfolio (and its roadmap)")
            ->check(seconds)
            ->capture_default_str();
        output.add_to(*app);
    }
    int run() override {
        if (!selection.empty()) options.selection = selection;
        return with_what_if([&](const ag::Portfolio& p) { return risk(p, output, options, top); });
    }
};

int robust(const ag::Portfolio& p, const Output& o, ag::RobustOptions ro) {
    ro.cancel = ctrl_c();
    const auto f = ag::selection_frequency(p, ro);
    const int rc = print(o, o.json() ? ag::selection_frequency_json(f) : ag::selection_frequency_text(f, o.width));
    if (f.stop_reason == ag::StopReason::interrupted) return interrupted_exit("the scenarios done until then are shown");
    return rc;
}

int chance(const ag::Portfolio& p, const Output& o, ag::ChanceOptions co) {
    co.cancel = ctrl_c();
    const auto c = ag::chance_constrained(p, co);
    const int rc = print(o, o.json() ? ag::chance_json(c) : ag::chance_text(c, o.width));
    if (c.stop_reason == ag::StopReason::interrupted) return interrupted_exit("the best portfolio found until then is shown");
    return rc;
}

int rpm(const ag::Portfolio& p, const Output& o, ag::RpmOptions ro, int shown) {
    ro.cancel = ctrl_c();
    const auto r = ag::rpm(p, ro);
    return print(o, o.json() ? ag::rpm_json(r) : ag::rpm_text(r, o.width, shown));
}

struct Robust : Command {
    ag::RobustOptions options;
    bool use_rpm = false;
    std::vector<std::string> criteria;
    ag::RpmOptions rpm_options;
    int shown = 10;
    std::optional<double> alpha;
    bool joint = false;
    long long fresh = ag::ChanceOptions{}.fresh;
    Robust(CLI::App& parent) {
        app = parent.add_subcommand("robust", "Which initiatives belong in the portfolio whatever happens: selection frequency over "
                                              "sampled scenarios, (--chance) the best portfolio that breaks a budget rarely, or "
                                              "(--rpm) the portfolios worth choosing whatever the criterion weights");
        add_file();
        app->add_option("--scenarios", options.scenarios, "How many sampled scenarios (the Monte Carlo's samples)")
            ->check(CLI::Range(1LL, 1LL << 40))
            ->capture_default_str();
        app->add_option("--seed", options.seed, "Seed of the scenarios (the same as risk's)")->capture_default_str();
        app->add_option("--first", options.first, "Index of the first scenario")->check(CLI::NonNegativeNumber)->capture_default_str();
        add_what_if(options.scenario, "Apply a scenario of the model (rate, budget factor, cost overrun, forced decisions)");
        app->add_option("--time-limit", options.time_limit, "Seconds for the whole study")->check(seconds)->capture_default_str();
        app->add_option("--solve-time-limit", options.solve_time_limit,
                        "Seconds for each scenario's solve at most (a hard one gives its best found, unproven)")
            ->check(seconds)
            ->capture_default_str();
        auto* chance_option = app->add_option("--chance", alpha,
                        "Chance-constrained budgets instead: the highest expected NPV whose spend is over each budget in each period "
                        "in at most this share of the scenarios (e.g. 0.05)")
            ->check(CLI::Range(0.0, 0.999999));
        app->add_flag("--joint", joint, "With --chance: at most that share over any budget in any period (one joint constraint)")
            ->needs(chance_option);
        app->add_option("--fresh", fresh, "With --chance: fresh samples (after the scenarios) to check the answer on; 0 for none")
            ->check(CLI::Range(0LL, 1LL << 40))
            ->needs(chance_option)
            ->capture_default_str();
        auto* rpm_flag = app->add_flag("--rpm", use_rpm,
                      "Robust Portfolio Modeling instead: the non-dominated portfolios under incomplete criterion weights and "
                      "interval scores, and each initiative's core index")
                             ->excludes(chance_option);
        app->add_option("--criteria", criteria, "With --rpm: the criteria (comma-separated; default every criterion of the model)")
            ->delimiter(',')
            ->needs(rpm_flag);
        app->add_option("--rank-order", rpm_options.rank_order,
                        "With --rpm: criteria from the most important (w1 >= w2 >= ..., comma-separated); default none")
            ->delimiter(',')
            ->needs(rpm_flag);
        app->add_option("--spread", rpm_options.score_spread,
                        "With --rpm: each normalised score (0..1) is known only within +- this")
            ->check(CLI::Range(0.0, 1.0))
            ->needs(rpm_flag)
            ->capture_default_str();
        app->add_option("--state-limit", rpm_options.state_limit, "With --rpm: non-dominated portfolios kept at once at most")
            ->check(CLI::PositiveNumber)
            ->needs(rpm_flag)
            ->capture_default_str();
        app->add_option("--threads", rpm_options.threads,
                        "With --rpm: threads of the search (0: every hardware thread; the portfolios do not depend on it)")
            ->check(CLI::Range(0, 4096))
            ->needs(rpm_flag)
            ->capture_default_str();
        app->add_option("--portfolios", shown, "With --rpm: how many non-dominated portfolios to list")
            ->check(CLI::NonNegativeNumber)
            ->needs(rpm_flag)
            ->capture_default_str();
        output.add_to(*app);
    }
    int run() override {
        if (use_rpm) {
            for (const auto& c : criteria) rpm_options.criteria.push_back({c});
            rpm_options.time_limit = options.time_limit;
            return with_what_if([&](const ag::Portfolio& p) {
                rpm_options.scenario = options.scenario;
                return rpm(p, output, rpm_options, shown);
            });
        }
        if (alpha) {
            ag::ChanceOptions co;
            co.alpha = *alpha;
            co.joint = joint;
            co.fresh = fresh;
            co.scenarios = options.scenarios;
            co.seed = options.seed;
            co.first = options.first;
            co.time_limit = options.time_limit;
            return with_what_if([&](const ag::Portfolio& p) {
                co.scenario = options.scenario;
                return chance(p, output, co);
            });
        }
        return with_what_if([&](const ag::Portfolio& p) { return robust(p, output, options); });
    }
};

struct Compare : Command {
    std::vector<std::string> scenarios;
    ag::CompareOptions options;
    int rows = 15;
    Compare(CLI::App& parent) {
        app = parent.add_subcommand("compare", "Two scenarios side by side: optimal portfolios, values, rankings, Kendall's tau");
        add_file();
        app->add_option("--scenario", scenarios,
                        "A scenario of the model, twice (compare A with B), or once (the model as it is against it)")
            ->required()
            ->expected(1, 2);
        add_enum_option(*app, "--objective", options.objective, "What each optimal portfolio maximises");
        add_enum_option(*app, "--by", options.by, "The ranking compared");
        app->add_option("--time-limit", options.time_limit, "Seconds for each solve")->check(seconds)->capture_default_str();
        app->add_option("--rows", rows, "Initiatives listed at most (those that change most)")
            ->check(CLI::NonNegativeNumber)
            ->capture_default_str();
        output.add_to(*app);
    }
    int run() override {
        if (scenarios.size() > 2) return fail(usage, fmt::format("--scenario given {} times: compare one or two scenarios", scenarios.size()));
        return with_model(file, output, false, [&](const ag::Portfolio& p) {
            const std::string a = scenarios.size() == 2 ? scenarios[0] : "", b = scenarios.back();
            options.cancel = ctrl_c();
            const auto c = ag::compare_scenarios(p, a, b, options);
            return print(output, output.json() ? ag::compare_json(c) : ag::compare_text(c, output.width, rows));
        });
    }
};

/// The Python with the aligngraph package, for `import` and `export` (pandas reads the
/// tables): $ALIGNGRAPH_PYTHON; the python beside this program (a virtual environment's bin);
/// the environment's when this program sits in its site-packages (an installed wheel); python3
/// on the PATH. The first that imports aligngraph.tables.
std::optional<std::string> tables_python() {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("ALIGNGRAPH_PYTHON"); env && *env) candidates.emplace_back(env);
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto dir = self.parent_path();
        for (const auto& p : {dir / "python3", dir / "python", dir / "../../../../bin/python3"})
            if (std::filesystem::exists(p, ec)) candidates.push_back(p.lexically_normal().string());
    }
    candidates.emplace_back("python3");
    for (const auto& python : candidates) {
        const std::string check = "'" + python + "' -c 'import aligngraph.tables' >/dev/null 2>&1";
        if (python.find('\'') == std::string::npos && std::system(check.c_str()) == 0) return python;
    }
    return std::nullopt;
}

/// `aligngraph import` and `aligngraph export`: run by the Python package's aligngraph.tables
/// (reading and writing Excel takes pandas and openpyxl), with this program's exit codes.
struct TablesCommand : Command {
    std::string name, input, out;
    TablesCommand(CLI::App& parent, const std::string& command) : name(command) {
        if (command == "import") {
            app = parent.add_subcommand("import", "A model file from tables: an .xlsx workbook, a .zip of CSV files or a folder of them (docs/tables.md)");
            app->add_option("PATH", input, "The workbook, zip or folder")->required();
            app->add_option("-o,--output", out, "The model file to write (JSON, replaced atomically), or - for standard output")->required();
        } else {
            app = parent.add_subcommand("export", "A model's tables: an .xlsx workbook, a .zip of CSV files, or else a folder of CSV files, by -o");
            app->add_option("FILE", input, "Model file (JSON), or - to read it from standard input")->required();
            app->add_option("-o,--output", out, "The workbook (.xlsx), zip (.zip) or folder to write")->required();
        }
    }
    int run() override {
        const auto python = tables_python();
        if (!python)
            return fail(model_fault, fmt::format("'aligngraph {}' needs the aligngraph Python package (tables are read with pandas): "
                                                 "pip install 'aligngraph[excel]', or set ALIGNGRAPH_PYTHON to a Python that has it",
                                                 name));
        std::vector<std::string> args{*python, "-m", "aligngraph.tables", name, input, "-o", out};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::fflush(stdout);
        ::execvp(argv[0], argv.data());
        return fail(internal, fmt::format("cannot run {}: {}", *python, std::strerror(errno)));
    }
};

struct Report : Command {
    ag::ReportOptions options;
    std::string path;
    bool no_roadmap = false, no_risk = false;
    Report(CLI::App& parent) {
        app = parent.add_subcommand("report", "Write the steering committee's report: one self-contained HTML file (opens offline, prints to PDF)");
        add_file();
        app->add_option("-o,--output", path, "The HTML file to write (replaced atomically), or - for standard output")->required();
        add_what_if(options.scenario, "Apply a scenario of the model (rate, budget factor, cost overrun, forced decisions, goal weights)");
        add_enum_option(*app, "--by", options.ranking, "The score the ranking shows");
        app->add_option("--explained", options.explained, "How many of the first ranked initiatives are taken apart")
            ->check(CLI::Range(0, 1000000))
            ->capture_default_str();
        app->add_option("--samples", options.samples, "Monte Carlo samples")->check(CLI::Range(1LL, 1LL << 40))->capture_default_str();
        app->add_option("--seed", options.seed, "Monte Carlo seed: the same seed gives the same report")->capture_default_str();
        app->add_option("--threads", options.threads, "Threads of the Monte Carlo (0: every hardware thread; the report does not depend on it)")
            ->check(CLI::Range(0, 4096))
            ->capture_default_str();
        app->add_flag("--no-roadmap", no_roadmap, "Leave the roadmap out");
        app->add_flag("--no-risk", no_risk, "Leave the Monte Carlo out");
        app->add_option("--time-limit", options.time_limit, "Seconds for each exact analysis (the portfolio, each frontier level, the roadmap)")
            ->check(seconds)
            ->capture_default_str();
    }
    int run() override {
        options.roadmap = !no_roadmap;
        options.risk = !no_risk;
        options.cancel = ctrl_c();
        return with_what_if([&](const ag::Portfolio& p) {
            options.model_file = file == "-" ? "<stdin>" : file;
            options.model_file_sha256 = model_file_sha256;
            ag::Briefing b;
            try {
                b = ag::brief(p, options);
            } catch (const ag::NoSolutionError&) {
                if (interrupted.load()) return interrupted_exit("no report written");
                throw;
            }
            if (path == "-") return print(ag::report_html(p, b));
            ag::write_report(path, p, b);
            std::printf("%s: the report of %s (%d of %d initiatives funded)\n", path.c_str(), options.model_file.c_str(),
                        static_cast<int>(b.optimal.selected.size()), static_cast<int>(p.initiative_count()));
            return 0;
        });
    }
};

/// Sensitivity of the alignment ranking to the heaviest goal weights.
std::string top_goal_sensitivity(const ag::Portfolio& p, ag::Index k, std::size_t goals) {
    auto s = ag::goal_weight_sensitivity(p, k);
    std::stable_sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
    if (s.size() > goals) s.resize(goals);
    return fmt::format("How far each of the {} heaviest goal weights can move (the others rescaled) before the\n"
                       "alignment ranking changes:\n",
                       s.size()) +
           ag::sensitivity_text(s, "goal", k);
}

/// The same as JSON.
std::string top_goal_sensitivity_json(const ag::Portfolio& p, ag::Index k, std::size_t goals) {
    auto s = ag::goal_weight_sensitivity(p, k);
    std::stable_sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
    if (s.size() > goals) s.resize(goals);
    return ag::sensitivity_json(s, "goal", k);
}

/// The demo's Monte Carlo: the optimal portfolio at its roadmap's starts.
ag::RiskOptions demo_risk() {
    ag::RiskOptions ro;
    ro.samples = 20000;
    ro.roadmap = true;
    ro.time_limit = 30;
    return ro;
}

/// The demo's chance-constrained budgets.
ag::ChanceOptions demo_chance() {
    ag::ChanceOptions co;
    co.alpha = 0.05;
    co.time_limit = 30;
    return co;
}

/// The demo's Robust Portfolio Modeling: three criteria in the order of the sample's
/// scenario weights (3, 2, 1), each normalised score known within +- 0.05.
ag::RpmOptions demo_rpm() {
    ag::RpmOptions o;
    o.criteria = {{"risk_reduction"}, {"time_criticality"}, {"business_value"}};
    o.rank_order = {"risk_reduction", "time_criticality", "business_value"};
    o.score_spread = 0.05;
    o.time_limit = 30;
    return o;
}

/// The demo's selection frequency.
ag::RobustOptions demo_robust() {
    ag::RobustOptions ro;
    ro.scenarios = 200;
    ro.time_limit = 30;
    return ro;
}

struct Demo : Command {
    Demo(CLI::App& parent) {
        app = parent.add_subcommand("demo", "Show the sample portfolio shipped with aligngraph, with its analyses");
        output.add_to(*app);
    }
    int run() override {
        const auto p = ag::sample_portfolio();
        const ag::FinanceOptions fo;
        if (output.json()) {
            // One JSON document: the sections side by side.
            const auto per_initiative = ag::initiative_financials(p, fo);
            std::vector<ag::Index> all(static_cast<std::size_t>(p.initiative_count()));
            for (ag::Index i = 0; i < p.initiative_count(); ++i) all[static_cast<std::size_t>(i)] = i;
            const auto total = ag::portfolio_financials(p, all, fo);
            ag::RoadmapOptions ro;
            ro.time_limit = 30;
            ag::ScoreOptions so;
            const ag::OptimizeOptions npv{.objective = ag::Objective::npv, .time_limit = 30};
            const ag::OptimizeOptions alignment{.objective = ag::Objective::alignment, .time_limit = 10};
            const auto road = ag::roadmap(p, ro);
            const auto together = ag::plan(p, ro);
            const auto doc = fmt::format(
                "{{\"model\": {},\n\"finance\": {},\n\"ranking\": {},\n\"sensitivity\": {},\n\"optimal\": {},\n\"roadmap\": {},\n"
                "\"plan\": {},\n\"plan_comparison\": {},\n\"risk\": {},\n\"robust\": {},\n"
                "\"chance\": {},\n\"rpm\": {},\n\"frontier\": {}}}\n",
                ag::summary_json(p), ag::financials_json(per_initiative, total), ag::ranking_json(p, ag::score(p, so), 10),
                top_goal_sensitivity_json(p, 5, 5), ag::selection_json(ag::optimize(p, npv)), ag::schedule_json(road),
                ag::schedule_json(together), ag::plan_comparison_json(road, together),
                ag::risk_json(ag::simulate(p, demo_risk())), ag::selection_frequency_json(ag::selection_frequency(p, demo_robust())),
                ag::chance_json(ag::chance_constrained(p, demo_chance())), ag::rpm_json(ag::rpm(p, demo_rpm())),
                ag::frontier_json(ag::frontier(p, levels(6, 1.5), ag::Sweep::scale, alignment)));
            return print(output, doc);
        }
        show(p, output);
        std::fputs("\n", stdout);
        finance(p, output, fo);
        std::fputs("\n", stdout);
        rank(p, output, {}, "", 10);
        std::fputs("\n", stdout);
        print(top_goal_sensitivity(p, 5, 5));
        std::fputs("\n", stdout);
        optimize(p, output, {.objective = ag::Objective::npv, .time_limit = 30}, false);
        std::fputs("\n", stdout);
        {
            ag::RoadmapOptions ro;
            ro.time_limit = 30;
            ro.cancel = ctrl_c();
            const auto road = ag::roadmap(p, ro);
            print("The roadmap of the optimal portfolio:\n" + ag::schedule_text(road, output.width));
            std::fputs("\n", stdout);
            const auto together = ag::plan(p, ro);
            print(ag::plan_comparison_text(road, together, output.width));
        }
        std::fputs("\n", stdout);
        if (const int rc = risk(p, output, demo_risk(), 5); rc != 0) return rc;
        std::fputs("\n", stdout);
        if (const int rc = robust(p, output, demo_robust()); rc != 0) return rc;
        std::fputs("\n", stdout);
        if (const int rc = chance(p, output, demo_chance()); rc != 0) return rc;
        std::fputs("\n", stdout);
        if (const int rc = rpm(p, output, demo_rpm(), 5); rc != 0) return rc;
        std::fputs("\n", stdout);
        return frontier(p, output, {.objective = ag::Objective::alignment, .time_limit = 10}, 6, 1.5, ag::Sweep::scale);
    }
};

}  // namespace cli

namespace cli {

/// Edits (insert, delete, replace, swap of neighbours) from a to b.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

/// The message for a first word that is no command ("did you mean ...?"), or nothing.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
    const auto subcommands = app.get_subcommands([](CLI::App*) { return true; });
    for (int k = 1; k < argc; ++k) {
        const std::string word = argv[k];
        if (word == "--memory-limit") {  // the main options that take a value
            ++k;
            continue;
        }
        if (word.empty() || word[0] == '-') continue;
        std::vector<std::string> names;
        std::string best;
        std::size_t best_distance = 99;
        for (const CLI::App* c : subcommands) {
            if (c->get_name() == word) return std::nullopt;
            names.push_back(c->get_name());
            const std::size_t d = edit_distance(word, c->get_name());
            if (d < best_distance) {
                best_distance = d;
                best = c->get_name();
            }
        }
        std::string all;
        for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
        if (best_distance <= std::max<std::size_t>(2, word.size() / 3))
            return fmt::format("unknown command '{}'; did you mean '{}'? (commands: {})", word, best, all);
        return fmt::format("unknown command '{}' (commands: {})", word, all);
    }
    return std::nullopt;
}

}  // namespace cli

int main(int argc, char** argv) {
    CLI::App app{fmt::format("aligngraph {}: IT-business alignment and budget modelling", ag::version_string), "aligngraph"};
    app.set_version_flag("--version", ag::version_string);
    std::string memory_limit;
    app.add_option("--memory-limit", memory_limit,
                   "The most memory a model or analysis may ask for (bytes, or 512M, 64G; default: ALIGNGRAPH_MEMORY_LIMIT, "
                   "else 8G)")
        ->type_name("SIZE");
    app.require_subcommand(1);
    std::vector<std::unique_ptr<cli::Command>> commands;
    commands.push_back(std::make_unique<cli::Validate>(app));
    commands.push_back(std::make_unique<cli::Show>(app));
    commands.push_back(std::make_unique<cli::Finance>(app));
    commands.push_back(std::make_unique<cli::Rank>(app));
    commands.push_back(std::make_unique<cli::Optimize>(app));
    commands.push_back(std::make_unique<cli::Frontier>(app));
    commands.push_back(std::make_unique<cli::Roadmap>(app));
    commands.push_back(std::make_unique<cli::Risk>(app));
    commands.push_back(std::make_unique<cli::Robust>(app));
    commands.push_back(std::make_unique<cli::Compare>(app));
    commands.push_back(std::make_unique<cli::Report>(app));
    commands.push_back(std::make_unique<cli::TablesCommand>(app, "import"));
    commands.push_back(std::make_unique<cli::TablesCommand>(app, "export"));
    commands.push_back(std::make_unique<cli::Demo>(app));
    for (int k = 1; k < argc; ++k) {
        const std::string_view a = argv[k];
        if (a == "--format=json" || (a == "--format" && k + 1 < argc && std::string_view(argv[k + 1]) == "json")) cli::json_errors = true;
    }
    if (const auto wrong = cli::unknown_command(app, argc, argv)) return cli::fail(cli::usage, *wrong);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        return cli::fail(cli::usage, fmt::format("{} (run with --help for the options)", e.what()));
    } catch (const ag::Error& e) {  // an option's own check (a rate of 12)
        return cli::fail(cli::usage, e.what());
    }
    std::signal(SIGINT, cli::on_interrupt);
    try {
        if (!memory_limit.empty()) ag::set_memory_limit(ag::parse_memory_size(memory_limit));
    } catch (const ag::Error& e) {
        return cli::fail(cli::usage, fmt::format("--memory-limit: {}", e.what()));
    }
    if (const char* env = std::getenv("ALIGNGRAPH_PROGRESS"); env && std::string_view(env) == "1")
        cli::progress_mode = cli::ProgressMode::lines;
    else if (!(env && std::string_view(env) == "0") && ::isatty(STDERR_FILENO))
        cli::progress_mode = cli::ProgressMode::terminal;
    try {
        for (const auto& c : commands)
            if (*c->app) {
                const int rc = c->run();
                cli::end_progress();
                return rc;
            }
    } catch (const ag::ResourceError& e) {  // refused before allocating: too big for the memory cap
        return cli::fail(cli::out_of_memory, e.what());
    } catch (const ag::Error& e) {
        return cli::fail(cli::model_fault, e.what());
    } catch (const std::bad_alloc&) {
        return cli::fail(cli::out_of_memory, "out of memory: the model (or what was asked of it) is too large for this machine's memory");
    } catch (const std::exception& e) {
        return cli::fail(cli::internal, fmt::format("internal error: {}", e.what()));
    }
    return 0;
}
