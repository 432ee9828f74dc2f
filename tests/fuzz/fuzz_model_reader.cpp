// libFuzzer target: the model reader on any bytes.
//
// What must hold for every input:
//   - model_from_json either returns a model or throws aligngraph::Error (a located
//     message); any other exception, a crash, a hang or a sanitizer report is a finding;
//   - a model it returns survives the round trip: saved text read back is the same model,
//     and saving that again gives the same text;
//   - the analyses that take any valid model (validation, finance, alignment, ranking and
//     their reports) run on it without crashing, or throw aligngraph::Error.
// Built in header-only mode with clang's -fsanitize=fuzzer,address,undefined (tests/fuzz/CMakeLists.txt).
#include "aligngraph/aligngraph.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_model_reader: %s\n%s\n", what, detail.c_str());
    std::abort();
}

// The analyses, on a model small enough that each stays in the fuzzer's time budget.
void analyse(const aligngraph::Portfolio& p) {
    using namespace aligngraph;
    (void)validate(p);
    (void)summary_text(p);
    (void)summary_json(p);
    try {
        const auto f = initiative_financials(p);
        std::vector<Index> all(static_cast<std::size_t>(p.initiative_count()));
        for (Index i = 0; i < p.initiative_count(); ++i) all[static_cast<std::size_t>(i)] = i;
        const auto total = portfolio_financials(p, all);
        (void)financials_text(f, total);
        (void)financials_json(f, total);
    } catch (const Error&) {
    }
    try {
        const auto a = alignment(p);
        for (Index i = 0; i < p.initiative_count(); ++i) (void)explain_alignment(p, a, i);
        (void)goal_coverage(p, {});
        ScoreOptions options;
        const auto table = score(p, options);
        (void)ranking_text(p, table);
        (void)ranking_json(p, table);
        if (p.initiative_count() > 0) (void)explanation_json(explain_score(p, options, table, 0));
    } catch (const Error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    aligngraph::Portfolio p;
    try {
        p = aligngraph::model_from_json(text, "fuzz.json");
    } catch (const aligngraph::Error&) {
        return 0;  // a refused file: the error type every caller catches
    }
    const std::string saved = aligngraph::model_to_json(p);
    aligngraph::Portfolio again;
    try {
        again = aligngraph::model_from_json(saved, "saved.json");
    } catch (const aligngraph::Error& e) {
        finding("a model it read does not load again once saved", std::string(e.what()) + "\n" + saved);
    }
    if (!(again == p)) finding("the saved model reads back as a different model", saved);
    if (aligngraph::model_to_json(again) != saved) finding("saving the model read back gives a different text", saved);
    // Keep each run short: the analyses are linear or quadratic in these sizes.
    if (static_cast<double>(p.initiative_count()) * p.horizon().periods <= 20000 && p.initiative_count() <= 200)
        analyse(p);
    return 0;
}
