// The JSON model file: loading with located errors, compact form, exact round trips, atomic saves.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fmt/format.h>

#include <csignal>
#include <filesystem>
#include <limits>
#include <fstream>
#include <set>
#include <sstream>

#include "aligngraph/detail/layout.hpp"
#include "fixtures.hpp"

using namespace aligngraph;
namespace fs = std::filesystem;

namespace {

/// A minimal valid document with `initiatives` (a JSON array text) and 4 quarters.
std::string doc(const std::string& initiatives, const std::string& extra = "") {
    return R"({"horizon": {"periods": 4, "period_years": 0.25, "first": "2027Q1"},
               "goals": [{"id": "G1", "name": "Grow"}, {"id": "G2", "name": "Sub", "parents": [{"goal": "G1", "weight": 1}]}],
               "teams": [{"id": "dev", "name": "Developers", "capacity": 4}],
               "initiatives": )" +
           initiatives + extra + "}";
}

std::vector<Problem> problems_of(const std::string& text) {
    try {
        model_from_json(text, "m.json");
    } catch (const ValidationError& e) {
        return e.problems();
    }
    return {};
}

std::string error_of(const std::string& text) {
    try {
        model_from_json(text, "m.json");
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

struct TempDir {
    fs::path path;
    TempDir() : path(fs::temp_directory_path() / ("aligngraph-test-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("the sample portfolio is a realistic, valid model", "[model_file]") {
    auto p = load_model(ALIGNGRAPH_SAMPLE_FILE);
    CHECK(validate(p).empty());
    CHECK(p == sample_portfolio());  // the embedded copy is the file
    CHECK(p.horizon().periods == 12);
    CHECK(p.horizon().period_years == 0.25);
    CHECK(p.goal_count() >= 8);
    std::set<std::string> levels;
    for (const auto& g : p.goals()) levels.insert(g.level);
    CHECK(levels == std::set<std::string>{"enterprise", "business", "it"});
    CHECK(p.initiative_count() >= 30);
    std::set<std::string> departments(p.departments().begin(), p.departments().end());
    CHECK(departments.size() >= 4);
    CHECK(p.exclusions().size() >= 1);
    CHECK(p.team_count() >= 2);
    // An enabling platform that several others require.
    std::map<Index, int> required_by;
    for (const auto& r : p.requirements()) ++required_by[r.prerequisite];
    int most = 0;
    for (const auto& [i, k] : required_by) most = std::max(most, k);
    CHECK(most >= 3);
    // Budgets that cannot fund everything: some period's planned costs exceed the total budget.
    auto total = *p.find_budget("total");
    Eigen::VectorXd planned = p.budget_costs(total).colwise().sum();
    Eigen::VectorXd limit = p.budget_limits().row(total);
    CHECK((planned.array() > limit.array()).any());
    // Capex and opex are both present.
    CHECK(p.capex().sum() > 0);
    CHECK(p.opex().sum() > 0);
}

TEST_CASE("save then load gives back the same model, field by field", "[model_file]") {
    TempDir dir;
    SECTION("the sample") {
        auto p = sample_portfolio();
        save_model(p, dir.path / "copy.json");
        auto q = load_model(dir.path / "copy.json");
        CHECK(q == p);
        CHECK(model_to_json(q) == model_to_json(p));
    }
    SECTION("a model using every field") {
        auto p = fixtures::small_model();
        p.set_name("Every field");
        p.set_settings({.discount_rate = 0.0731, .enabler_share = 0.25, .currency = "CHF"});
        p.add_goal({.id = "G4",
                    .name = "Second root",
                    .level = "enterprise",
                    .owner = "Board",
                    .kpi = Kpi{"NPS", "points", 21.5, 35},
                    .weight = 0.3});
        Uncertainty u;
        u.cost = Estimate{Distribution::pert, 0.9, 1.0, 1.7};
        u.benefit = Estimate{Distribution::lognormal, 0.5, std::sqrt(0.5 * 1.2), 1.2};
        u.delay = Estimate{Distribution::triangular, 0, 1, 3};
        u.success_probability = 0.8;
        p.add_initiative({.id = "D/x~y",
                          .name = "Odd id",
                          .department = "IT",
                          .start = 2,
                          .duration = 2,
                          .effort = 12.5,
                          .capex = {0, 1.0 / 3, 2e-17},
                          .opex = {0, 0, 1e12},
                          .benefits = {0, 0, 0, 0.1},
                          .criteria = {{"fit", 7}, {"risk", -2.5}},
                          .uncertainty = u,
                          .flags = {.mandatory = true},
                          .status = Status::on_hold,
                          .demand = {{"dev", {1.5, 2}}}});
        p.add_initiative({.id = "E", .duration = 1, .flags = {.forced_out = true}, .status = Status::cancelled});
        p.add_initiative({.id = "F", .duration = 1, .flags = {.forced_in = true}});
        p.add_exclusion("alt", {"E", "F"});
        p.add_contribution("D/x~y", "G4", Strength::strong);
        p.add_requires("D/x~y", "A");
        p.add_requires("D/x~y", "C", 1);  // C finishes at 1; D starts at 2: with the lag, not before
        p.add_budget({.id = "it-opex", .department = "IT", .kind = CostKind::opex, .limits = {1, 2, 3, 4}});
        p.add_scenario({.id = "cut",
                        .name = "Cut",
                        .discount_rate = 0.1,
                        .budget_factor = 0.8,
                        .cost_overrun = 1.1,
                        .enabler_share = 0.0,
                        .goal_weights = {{"G1", 2}},
                        .criterion_weights = {{"fit", 2.5}},
                        .forced_in = {"C"},
                        .forced_out = {"B"}});
        p.add_correlation({{"D/x~y", "A"}, -0.25, CorrelationOn::cost});
        p.add_risk_event({.id = "R1", .name = "Strike", .probability = 0.05, .initiatives = {"D/x~y"},
                          .cost = Estimate{Distribution::uniform, 0.1, 0.2, 0.3}, .delay = Estimate{Distribution::pert, 0, 1, 4}});
        // 'A' has no cost estimate: a warning that its multiplier stays as planned, no error.
        REQUIRE(validate(p).size() == 1);
        for (const auto& e : validate_errors(p)) UNSCOPED_INFO(e.message);
        REQUIRE(validate_errors(p).empty());
        save_model(p, dir.path / "every.json");
        auto q = load_model(dir.path / "every.json");
        CHECK(q == p);
        CHECK(q.initiative(3).capex[1] == 1.0 / 3);  // exact, not rounded
        CHECK(q.initiative(3).uncertainty == u);
        CHECK(q.scenarios() == p.scenarios());
        CHECK(q.requirements().back().lag == 1);
        CHECK(model_to_json(q).find(R"({
          "id": "C",
          "lag": 1
        })") != std::string::npos);
    }
}

TEST_CASE("requires entries: an id, or an id with a lag, and anything else is refused where it is", "[model_file]") {
    auto doc = nlohmann::json::parse(model_to_json(fixtures::small_model()));
    auto& b = doc["initiatives"][1];
    b["requires"] = nlohmann::json::array({nlohmann::json{{"id", "A"}, {"lag", 2}}, "C"});
    const auto p = model_from_json(doc.dump());
    REQUIRE(p.requirements().size() == 2);
    CHECK(p.requirements()[0].lag == 2);
    CHECK(p.requirements()[1].lag == 0);
    for (const auto& [entry, message] : std::vector<std::pair<nlohmann::json, std::string>>{
             {nlohmann::json{{"id", "A"}, {"lag", -1}}, "/initiatives/1/requires/0/lag"},
             {nlohmann::json{{"id", "A"}, {"lag", 1.5}}, "/initiatives/1/requires/0/lag"},
             {nlohmann::json{{"id", "A"}, {"late", 1}}, "/initiatives/1/requires/0/late"},
             {nlohmann::json{{"lag", 1}}, "/initiatives/1/requires/0"},
             {nlohmann::json{{"id", "Z"}, {"lag", 1}}, "'B' requires unknown initiative 'Z'"},
             {nlohmann::json(7), "expected an id (a string) or {\"id\": ..., \"lag\": periods}, got 7"}}) {
        b["requires"] = nlohmann::json::array({entry});
        CHECK_THROWS_WITH(model_from_json(doc.dump()), Catch::Contains(message));
    }
}

TEST_CASE("saving is atomic", "[model_file]") {
    TempDir dir;
    const auto target = dir.path / "model.json";
    auto p = fixtures::small_model();
    save_model(p, target);
    const auto before = read(target);
    p.set_name("changed");
    save_model(p, target);  // replaces the file
    CHECK(read(target) != before);
    CHECK(load_model(target).name() == "changed");
    // No temporary file is left behind.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) files += e.is_regular_file();
    CHECK(files == 1);
    // A save that cannot happen names the file and leaves nothing behind.
    REQUIRE_THROWS_AS(save_model(p, dir.path / "missing" / "m.json"), Error);
    REQUIRE_THROWS_WITH(save_model(p, dir.path / "missing" / "m.json"), Catch::Contains("missing/m.json"));
    CHECK(load_model(target).name() == "changed");
}

TEST_CASE("saving through a link replaces its target, keeps the mode and cleans up after killed saves",
          "[model_file][reliability]") {
    // Regressions: a save replaced a symlink with a plain file (its target went stale), made a
    // 0600 file 0644, and a kill mid-save left a full-size temporary file forever.
    TempDir dir;
    auto p = fixtures::small_model();
    const auto real = dir.path / "real.json";
    save_model(p, real);
    fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write);  // 0600
    fs::create_symlink("real.json", dir.path / "link.json");                 // relative, as people make them
    fs::create_symlink(dir.path / "link.json", dir.path / "link2.json");     // a chain
    p.set_name("through the link");
    save_model(p, dir.path / "link2.json");
    CHECK(fs::is_symlink(dir.path / "link.json"));
    CHECK(fs::is_symlink(dir.path / "link2.json"));
    CHECK(load_model(real).name() == "through the link");
    CHECK((fs::status(real).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    // A dangling link: the save creates the file it points to.
    fs::create_symlink("new.json", dir.path / "dangling.json");
    save_model(p, dir.path / "dangling.json");
    CHECK(fs::is_symlink(dir.path / "dangling.json"));
    CHECK(load_model(dir.path / "new.json") == p);
    // A temporary of a writer that is gone is removed by the next save; a live writer's stays.
    int dead = 4'000'000;
    while (::kill(dead, 0) == 0 || errno == EPERM) ++dead;
    const auto stale = dir.path / (".real.json.tmp-" + std::to_string(dead) + "-1f");
    const auto live = dir.path / (".real.json.tmp-" + std::to_string(::getpid()) + "-2e");
    std::ofstream(stale) << "half a model";
    std::ofstream(live) << "being written";
    save_model(p, real);
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(live));
}

TEST_CASE("load errors name the file, the JSON pointer and what was expected", "[model_file][validation]") {
    SECTION("negative money") {
        auto text = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 2, "costs": {"capex": [10, -5]}}])");
        CHECK_THAT(error_of(text), Catch::Contains("m.json: /initiatives/0/costs/capex/1: 'A' has -5 in period 1, "
                                                   "expected a finite amount >= 0"));
    }
    SECTION("wrong types, missing and unknown keys") {
        auto text = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": "2", "costs": {"capex": [1, "x"]},
                             "colour": "red"}])");
        auto problems = problems_of(text);
        CHECK(fixtures::has_problem(problems, "/initiatives/0/duration: expected a whole number, got a string"));
        CHECK(fixtures::has_problem(problems, "/initiatives/0/costs/capex/1: expected a number, got a string"));
        CHECK(fixtures::has_problem(problems, "/initiatives/0/colour: unknown key 'colour'"));
        auto missing = problems_of(doc(R"([{"id": "A", "department": "IT", "duration": 1, "costs": {}}])"));
        CHECK(fixtures::has_problem(missing, "/initiatives/0: missing required key 'name'"));
        CHECK(fixtures::has_problem(problems_of(R"({"goals": [], "initiatives": []})"), "missing required key 'horizon'"));
    }
    SECTION("syntax errors give the line and column") {
        CHECK_THAT(error_of("{\n  \"horizon\": {,\n}"), Catch::Contains("m.json: parse error at line 2, column"));
    }
    SECTION("flows longer than the horizon") {
        auto text = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 1, "benefits": [1, 2, 3, 4, 5],
                             "costs": {}}])");
        CHECK_THAT(error_of(text),
                   Catch::Contains("/initiatives/0/benefits: has 5 values, expected at most one per period of the horizon (4)"));
    }
    SECTION("unknown ids in every kind of link") {
        auto text = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 1, "costs": {},
                              "contributes": {"G9": 0.5}, "requires": ["Z"], "demand": {"ops": 1}}],
                            "excludes": [{"id": "x", "members": ["A", "Y"]}],
                            "scenarios": [{"id": "s", "forced_in": ["Q"]}])",
                        R"(, "budgets": [])");
        auto problems = problems_of(text);
        CHECK(fixtures::has_problem(problems, "/initiatives/0/contributes/G9: 'A' contributes to unknown goal 'G9'"));
        CHECK(fixtures::has_problem(problems, "/initiatives/0/requires/0: 'A' requires unknown initiative 'Z'"));
        CHECK(fixtures::has_problem(problems, "/initiatives/0/demand/ops: 'A' demands unknown team 'ops'"));
        CHECK(fixtures::has_problem(problems, "/excludes/0/members/1: exclusion group 'x' names unknown initiative 'Y'"));
        CHECK(fixtures::has_problem(problems, "/scenarios/0/forced_in/0: scenario 's' names unknown initiative 'Q'"));
        auto parent = problems_of(R"({"horizon": {"periods": 4, "period_years": 0.25, "first": "2027Q1"},
            "goals": [{"id": "G2", "name": "Sub", "parents": [{"goal": "G0", "weight": 1}]}], "initiatives": []})");
        CHECK(fixtures::has_problem(parent, "/goals/0/parents/0/goal: goal 'G2' has unknown parent goal 'G0'"));
    }
    SECTION("duplicate ids") {
        auto text = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 1, "costs": {}},
                            {"id": "A", "name": "b", "department": "IT", "duration": 1, "costs": {}}])");
        CHECK_THAT(error_of(text), Catch::Contains("/initiatives/1/id: duplicate initiative id 'A'"));
        auto goals = problems_of(R"({"horizon": {"periods": 4, "period_years": 0.25, "first": "2027Q1"},
            "goals": [{"id": "G", "name": "a"}, {"id": "G", "name": "b"}], "initiatives": []})");
        CHECK(fixtures::has_problem(goals, "/goals/1/id: duplicate goal id 'G'"));
    }
    SECTION("a prerequisite may come later in the file") {
        auto text = doc(R"([{"id": "B", "name": "b", "department": "IT", "duration": 1, "costs": {}, "requires": ["A"]},
                            {"id": "A", "name": "a", "department": "IT", "duration": 1, "costs": {}}])");
        auto p = model_from_json(text);
        REQUIRE(p.requirements().size() == 1);
        CHECK(p.requirements()[0].dependant == 0);
        CHECK(p.requirements()[0].prerequisite == 1);
    }
    SECTION("a cycle in a file is a CycleError") {
        auto text = doc(R"([{"id": "I-3", "name": "a", "department": "IT", "duration": 1, "costs": {}, "requires": ["I-9"]},
                            {"id": "I-9", "name": "b", "department": "IT", "duration": 1, "costs": {}, "requires": ["I-3"]}])");
        try {
            model_from_json(text, "m.json");
            FAIL("a cycle was accepted");
        } catch (const CycleError& e) {
            CHECK(e.cycle() == std::vector<std::string>{"I-3", "I-9", "I-3"});
            CHECK_THAT(e.what(), Catch::Contains("m.json: /initiatives/0/requires: requires cycle: I-3 -> I-9 -> I-3"));
        }
    }
    SECTION("decisions that contradict each other") {
        auto text = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 1, "costs": {}, "forced_out": true},
                            {"id": "B", "name": "b", "department": "IT", "duration": 1, "costs": {}, "forced_in": true,
                             "requires": ["A"]},
                            {"id": "C", "name": "c", "department": "IT", "duration": 1, "costs": {}, "forced_in": true,
                             "forced_out": true},
                            {"id": "D", "name": "d", "department": "IT", "duration": 1, "costs": {}, "forced_in": true}],
                           "excludes": [{"id": "alt", "members": ["B", "D"]}])");
        auto problems = problems_of(text);
        CHECK(fixtures::has_problem(problems, "'B' is forced in but requires 'A', which is forced out"));
        CHECK(fixtures::has_problem(problems, "'C' is both forced in and forced out"));
        CHECK(fixtures::has_problem(problems, "exclusion group 'alt' has 2 members forced in or mandatory (B, D)"));
    }
    SECTION("named strengths and bad strengths") {
        auto text = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 1, "costs": {},
                             "contributes": {"G1": "strong", "G2": "huge"}}])");
        CHECK_THAT(error_of(text), Catch::Contains("/initiatives/0/contributes/G2: strength 'huge' is not one of none, weak"));
    }
    SECTION("the format version is checked") {
        CHECK_THAT(error_of(R"({"format_version": 2, "horizon": {"periods": 1, "period_years": 1, "first": "2027"},
                                "goals": [], "initiatives": []})"),
                   Catch::Contains("/format_version: format version 2, this library reads version 1"));
    }
    SECTION("unreadable file") {
        REQUIRE_THROWS_WITH(load_model("/nonexistent/model.json"), Catch::Contains("cannot open '/nonexistent/model.json'"));
    }
}

TEST_CASE("the compact form expands to flows by the documented rule", "[model_file]") {
    // 8 quarters; start 1, 2 periods; total cost 1000 with 60% capex: 300 capex + 200 opex per running period.
    // Yearly benefit 400 for 1 year from completion (periods 3..6): 100 per quarter; yearly run cost 40: 10 per quarter.
    const std::string text = R"({"horizon": {"periods": 8, "period_years": 0.25, "first": "2027Q1"},
        "goals": [], "initiatives": [
          {"id": "A", "name": "a", "department": "IT", "start": 1, "duration": 2,
           "compact": {"total_cost": 1000, "capex_share": 0.6, "yearly_benefit": 400, "lifetime_years": 1,
                       "yearly_run_cost": 40}},
          {"id": "B", "name": "b", "department": "IT", "start": 5, "duration": 2,
           "compact": {"total_cost": 100, "capex_share": 1, "yearly_benefit": 400, "lifetime_years": 1}}]})";
    auto p = model_from_json(text);
    auto a = p.initiative(0);
    CHECK(a.capex == std::vector<double>{0, 300, 300, 0, 0, 0, 0, 0});
    CHECK(a.opex == std::vector<double>{0, 200, 200, 10, 10, 10, 10, 0});
    CHECK(a.benefits == std::vector<double>{0, 0, 0, 100, 100, 100, 100, 0});
    // B completes after period 6: its benefits are cut at the horizon's end.
    auto b = p.initiative(1);
    CHECK(b.capex == std::vector<double>{0, 0, 0, 0, 0, 50, 50, 0});
    CHECK(b.benefits == std::vector<double>{0, 0, 0, 0, 0, 0, 0, 100});

    auto both = R"({"horizon": {"periods": 8, "period_years": 0.25, "first": "2027Q1"}, "goals": [], "initiatives": [
          {"id": "A", "name": "a", "department": "IT", "duration": 2, "costs": {},
           "compact": {"total_cost": 1000, "capex_share": 1.5}}]})";
    auto problems = problems_of(both);
    CHECK(fixtures::has_problem(problems, "'A' has both 'costs' and 'compact'"));
    auto bad = R"({"horizon": {"periods": 8, "period_years": 0.25, "first": "2027Q1"}, "goals": [], "initiatives": [
          {"id": "A", "name": "a", "department": "IT", "duration": 2,
           "compact": {"total_cost": 1000, "capex_share": 1.5, "yearly_benefit": 5}}]})";
    problems = problems_of(bad);
    CHECK(fixtures::has_problem(problems, "/initiatives/0/compact/capex_share: capex share 1.5"));
    CHECK(fixtures::has_problem(problems, "/initiatives/0/compact: missing required key 'lifetime_years'"));
}

TEST_CASE("goal weights from AHP judgments in the model file", "[model_file][weights]") {
    // E's children judged [[1, 3], [1/3, 1]]: AHP weights 0.75 and 0.25.
    const std::string text = R"({"horizon": {"periods": 1, "period_years": 1, "first": "2027"},
        "goals": [{"id": "E", "name": "root", "judgments": {"children": ["A", "B"], "matrix": [[1, 3], [0.3333333333333333, 1]]}},
                  {"id": "A", "name": "a", "parents": [{"goal": "E"}]},
                  {"id": "B", "name": "b", "parents": [{"goal": "E"}]}],
        "initiatives": []})";
    auto p = model_from_json(text);
    auto w = goal_weights(p);
    CHECK(w(1) == Approx(0.75).epsilon(1e-12));
    CHECK(w(2) == Approx(0.25).epsilon(1e-12));
    REQUIRE(p.goal(0).judgments);
    // Round trip: judgments kept, link weights derived again.
    CHECK(model_from_json(model_to_json(p)) == p);
    // A weight on a judged link, a missing weight elsewhere, a bad matrix: each named.
    auto both = text;
    both.replace(both.find(R"({"goal": "E"})"), 13, R"({"goal": "E", "weight": 2})");
    CHECK(fixtures::has_problem(problems_of(both), "/goals/1/parents/0/weight: link 'E' -> 'A' has a weight, but goal 'E' has judgments"));
    auto none = R"({"horizon": {"periods": 1, "period_years": 1, "first": "2027"},
        "goals": [{"id": "E", "name": "root"}, {"id": "A", "name": "a", "parents": [{"goal": "E"}]}], "initiatives": []})";
    CHECK(fixtures::has_problem(problems_of(none), "/goals/1/parents/0: link 'E' -> 'A' has no weight"));
    auto bad = text;
    bad.replace(bad.find("0.3333333333333333"), 18, "0.5");
    CHECK(fixtures::has_problem(problems_of(bad), "/goals/0/judgments: goal 'E': a(0, 1) = 3 and a(1, 0) = 0.5 are not reciprocal"));
    // Judgments that leave a child compared with nobody.
    const std::string three = R"({"horizon": {"periods": 1, "period_years": 1, "first": "2027"},
        "goals": [{"id": "E", "name": "root", "judgments": {"children": ["A", "B", "C"], "matrix": [[1, 2, null], [0.5, 1, null], [null, null, 1]]}},
                  {"id": "A", "name": "a", "parents": [{"goal": "E"}]},
                  {"id": "B", "name": "b", "parents": [{"goal": "E"}]},
                  {"id": "C", "name": "c", "parents": [{"goal": "E"}]}],
        "initiatives": []})";
    CHECK(fixtures::has_problem(problems_of(three), "/goals/0/judgments: goal 'E': element 2 is not compared with element 0"));
}

TEST_CASE("judgments are the model's data, and their weights are computed by the weights analysis", "[model][weights]") {
    Portfolio p{Horizon{1, 1.0, "2027"}};
    p.add_goal({.id = "E", .name = "root"});
    p.add_goal({.id = "A", .name = "a"});
    p.add_goal({.id = "B", .name = "b"});
    p.link_goals("E", "A", 3.0);
    p.link_goals("E", "B", 1.0);
    CHECK(local_goal_weights(p)(0) == 0.75);
    // A judged 4 times as important as B: AHP weights 4/5 and 1/5 (a consistent 2 x 2 matrix).
    p.set_goal_judgments("E", Judgments{{"A", "B"}, {{1.0, 4.0}, {0.25, 1.0}}});
    CHECK(p.goal_links()[0].weight == 1.0);  // not used: 1, as a file gives them
    CHECK(p.goal_links()[1].weight == 1.0);
    CHECK(model_from_json(model_to_json(p)) == p);
    const auto local = local_goal_weights(p);
    CHECK(local(0) == Approx(0.8).epsilon(1e-12));
    CHECK(local(1) == Approx(0.2).epsilon(1e-12));
    const auto w = goal_weights(p);
    CHECK(w(1) == Approx(0.8).epsilon(1e-12));
    CHECK(w(2) == Approx(0.2).epsilon(1e-12));
    // The builder checks judgments without computing weights, with the model's message.
    CHECK_THROWS_WITH(p.set_goal_judgments("E", Judgments{{"A", "B"}, {{1.0, 4.0}, {-1.0, 1.0}}}),
                      Catch::Contains("goal 'E': a(1, 0) = -1, expected a finite judgment > 0"));
}

TEST_CASE("whole numbers are range-checked where they are read, and nothing is cut to 32 bits", "[model_file][reliability]") {
    // Regressions: a start of 4294967296 was read as 0, a duration of 4294967298 as 2, and a compact
    // initiative with start 2147483647 overflowed int and wrote out of bounds.
    auto one = [](const std::string& fields) {
        return doc(R"([{"id": "A", "name": "a", "department": "IT", )" + fields + "}]");
    };
    CHECK(fixtures::has_problem(problems_of(one(R"("start": 4294967296, "duration": 1, "costs": {})")),
                                "/initiatives/0/start: start 4294967296 is out of range: expected a whole number from 0 to 100000"));
    CHECK(fixtures::has_problem(problems_of(one(R"("duration": 4294967298, "costs": {})")),
                                "/initiatives/0/duration: duration 4294967298 is out of range: expected a whole number from 1 to 100000"));
    CHECK(fixtures::has_problem(problems_of(one(R"("start": 18446744073709551615, "duration": 1, "costs": {})")),
                                "/initiatives/0/start: start 18446744073709551615 is out of range"));
    CHECK(fixtures::has_problem(problems_of(one(R"("start": 2147483647, "duration": 1, "compact": {"total_cost": 5, "capex_share": 1})")),
                                "/initiatives/0/start: start 2147483647 is out of range"));
    CHECK(fixtures::has_problem(problems_of(one(R"("start": 0, "duration": 2147483647, "compact": {"total_cost": 5, "capex_share": 1})")),
                                "/initiatives/0/duration: duration 2147483647 is out of range"));
    // Within the type's range but past the horizon: validation's message, no overflow.
    CHECK(fixtures::has_problem(problems_of(one(R"("start": 99999, "duration": 100000, "compact": {"total_cost": 5, "capex_share": 1})")),
                                "'A' runs from period 99999 for 100000 periods, past the horizon's 4 periods"));
    auto horizon = R"({"horizon": {"periods": 4294967296, "period_years": 1, "first": "2027"}, "goals": [], "initiatives": []})";
    CHECK(fixtures::has_problem(problems_of(horizon), "/horizon/periods: periods 4294967296 is out of range: expected a whole number from 1 to 100000"));
}

TEST_CASE("one set of limits for the builder and the file", "[model][reliability]") {
    // 200,000 periods passed the builder and failed to load once saved.
    CHECK_THROWS_WITH(Portfolio(Horizon{max_periods + 1, 0.25, "2027Q1"}), Catch::Contains("horizon has 100001 periods, expected 1 to 100000"));
    CHECK_NOTHROW(Portfolio(Horizon{max_periods, 1.0, "2027"}));
    // The builder's largest start: validation names it, with no int overflow in start + duration.
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    p.add_initiative({.id = "A", .name = "a", .department = "IT", .start = std::numeric_limits<int>::max(), .duration = 1});
    const auto problems = validate(p);
    CHECK(fixtures::has_problem(problems, "'A' runs from period 2147483647 for 1 periods, past the horizon's 4 periods"));
}

TEST_CASE("a compact lifetime past the horizon gives benefits to its end", "[model_file][reliability]") {
    // Regression: a lifetime of 1.8e19 years (or 1e300) overflowed the period count and gave no benefits.
    for (const char* life : {"1.8e19", "1e300"}) {
        const auto text = doc(R"([{"id": "A", "name": "a", "department": "IT", "start": 1, "duration": 1,
            "compact": {"total_cost": 8, "capex_share": 1, "yearly_benefit": 40, "lifetime_years": )" + std::string(life) + "}}]");
        const auto a = model_from_json(text).initiative(0);
        // Quarters: 40 a year is 10 a quarter, in periods 2 and 3 (the horizon ends after period 3).
        CHECK(a.benefits == std::vector<double>{0, 0, 10, 10});
        CHECK(a.capex == std::vector<double>{0, 8, 0, 0});
    }
}

TEST_CASE("a key given twice is refused, naming the pointer and both values", "[model_file][reliability]") {
    auto twice = R"({"horizon": {"periods": 4, "periods": 5, "period_years": 0.25, "first": "2027Q1"}, "goals": [], "initiatives": [
        {"id": "A", "name": "a", "id": "B", "department": "IT", "duration": 1, "costs": {"capex": [1, 2]}}]})";
    const auto problems = problems_of(twice);
    CHECK(fixtures::has_problem(problems, "/horizon/periods: key 'periods' is given twice in one object (first 4, then 5)"));
    CHECK(fixtures::has_problem(problems, "/initiatives/0/id: key 'id' is given twice in one object (first \"A\", then \"B\")"));
    // Long or nested values are named short.
    auto nested = R"({"horizon": {"periods": 4, "period_years": 0.25, "first": "2027Q1"}, "goals": [], "initiatives": [],
        "settings": {"currency": "EUR"}, "settings": {"currency": "USD"}})";
    CHECK(fixtures::has_problem(problems_of(nested), "/settings: key 'settings' is given twice in one object (first an object, then an object)"));
    // The same key in two objects is fine.
    CHECK(problems_of(doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 1, "costs": {}},
                             {"id": "B", "name": "b", "department": "IT", "duration": 1, "costs": {}}])")).empty());
}

TEST_CASE("numbers past a double's range are model errors with their place", "[model_file][reliability]") {
    // Regression: 1e400 and a 400-digit integer ended as an internal json.exception.out_of_range.406.
    for (const std::string& big : {std::string("1e400"), std::string("-1e400"), std::string(400, '9')}) {
        const auto text = doc("[\n  {\"id\": \"A\", \"name\": \"a\", \"department\": \"IT\", \"duration\": 1,\n   \"costs\": {\"capex\": [1, " + big + "]}}]");
        const auto problems = problems_of(text);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer == "/initiatives/0/costs/capex/1");
        // Line 6 is `   "costs": {"capex": [1, <big>]}}]}`: 3 spaces and 23 characters before the number.
        CHECK_THAT(problems[0].message, Catch::Contains("line 6, column 27: number") && Catch::Contains("is out of range"));
        CHECK_THAT(error_of(text), Catch::StartsWith("m.json: /initiatives/0/costs/capex/1: line 6, column 27: number"));
    }
}

TEST_CASE("text with control characters is refused where it enters, and shown escaped", "[model][reliability]") {
    // Regression: a crafted file printed a forged "model.json: valid" line and cleared the screen.
    const auto problems = problems_of(doc(R"([{"id": "A\u001b[2J", "name": "a\nmodel.json: valid", "department": "IT", "duration": 1, "costs": {}}])"));
    CHECK(fixtures::has_problem(problems, R"(/initiatives/0/id: text "A\x1b[2J" has a control character (\x1b) at position 1)"));
    CHECK(fixtures::has_problem(problems, R"(/initiatives/0/name: text "a\nmodel.json: valid" has a control character (\x0a))"));
    for (const auto& q : problems) CHECK(q.message.find('\x1b') == std::string::npos);
    // The builder: ids, names and labels alike.
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    CHECK_THROWS_WITH(p.add_goal({.id = "G\x07", .name = "g"}), Catch::Contains(R"(goal id "G\x07" has a control character)"));
    CHECK_THROWS_WITH(p.add_initiative({.id = "A", .name = "a\tb", .department = "IT", .duration = 1}),
                      Catch::Contains(R"(initiative name "a\tb")"));
    CHECK_THROWS_WITH(p.set_name("x\ry"), Catch::Contains(R"(model name "x\ry")"));
    CHECK_THROWS_WITH(p.initiative_index("I\x1b"), Catch::Contains(R"(unknown initiative 'I\x1b')"));
    // What the text reports print is escaped all the same.
    CHECK(aligngraph::detail::fit("a\x1b[2Jb", 20) == R"(a\x1b[2Jb)");
}

TEST_CASE("bytes that are not UTF-8 are shown escaped, so every message is UTF-8", "[model_file][reliability]") {
    // Regression (found by tests/fuzz/fuzz_python.py): the parser's "last read: '...'" quoted
    // half a UTF-8 sequence, and Python could not decode the message (UnicodeDecodeError).
    for (const std::string text : {"\xff", "{\"name\": 1\xf0}", "\xf0\x9f\x98"}) {
        try {
            (void)aligngraph::model_from_json(text, "bytes.json");
            FAIL("accepted bytes that are not JSON");
        } catch (const ValidationError& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find("parse error") != std::string::npos);
            for (unsigned char c : what) CHECK(c < 0x80);  // these bytes are escaped, not copied
            CHECK(what.find("\\x") != std::string::npos);
        }
    }
    // Well-formed UTF-8 is kept as it is; broken sequences are escaped byte by byte.
    CHECK(aligngraph::detail::escaped("caf\xc3\xa9 \xe2\x82\xac") == "caf\xc3\xa9 \xe2\x82\xac");
    CHECK(aligngraph::detail::escaped("a\xc3") == "a\\xc3");
    CHECK(aligngraph::detail::escaped("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate is not UTF-8
    CHECK(aligngraph::detail::escaped("\xc0\xaf") == "\\xc0\\xaf");              // an overlong '/'
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    CHECK_THROWS_WITH(p.add_goal({.id = "G\xff", .name = "g"}), Catch::Contains(R"(goal id "G\xff" is not UTF-8 at byte 1)"));
}

TEST_CASE("valid but extreme models: refused at validation with the field, or computed", "[model][reliability]") {
    // Regressions: period_years 60000 and a benefit of 1e308 failed in finance naming no field.
    auto years = R"({"horizon": {"periods": 4, "period_years": 60000, "first": "2027"}, "goals": [], "initiatives": []})";
    CHECK(fixtures::has_problem(problems_of(years), "/horizon/period_years: period length 60000 years, expected a number > 0 and at most 100"));
    CHECK_THROWS_WITH(Portfolio(Horizon{4, 60000, "2027"}), Catch::Contains("period length 60000 years, expected a number > 0 and at most 100"));
    const auto big = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 2, "costs": {"capex": [1]}, "benefits": [0, 0, 1e308]}])");
    CHECK(fixtures::has_problem(problems_of(big), "/initiatives/0/benefits/2: 'A' has 1e+308 in period 2, more than 1e+18, the largest amount"));
    // At the limits the measures are computed: a cost of 1e-320 against 1e18 gives infinite ratios, not an error.
    const auto tiny = doc(R"([{"id": "A", "name": "a", "department": "IT", "duration": 2, "costs": {"capex": [1e-320]}, "benefits": [0, 0, 1e18, 1e18]}])");
    const auto m = model_from_json(tiny);
    const auto f = initiative_financials(m);
    CHECK(std::isinf(f.roi(0)));
    // Quarters at the model's yearly rate R: 1e18 / (1+R)^(2/4) + 1e18 / (1+R)^(3/4).
    const double R = m.settings().discount_rate;
    CHECK(f.npv(0) == Approx(1e18 / std::pow(1 + R, 0.5) + 1e18 / std::pow(1 + R, 0.75)).epsilon(1e-12));
}

TEST_CASE("the memory cap: what grows with a model is refused before it is allocated", "[model_file][reliability]") {
    // Regression: a 1.5 MB file (20,000 initiatives x 100,000 periods) made the loader allocate
    // gigabytes; optimize on 34 initiatives x 100,000 periods asked for terabytes.
    CHECK(aligngraph::parse_memory_size("64G") == (64ull << 30));
    CHECK(aligngraph::parse_memory_size("512M") == (512ull << 20));
    CHECK(aligngraph::parse_memory_size("1.5k") == 1536);
    CHECK(aligngraph::parse_memory_size("4096") == 4096);
    for (const char* bad : {"", "abc", "-1", "0", "12X", "1e30G"})
        CHECK_THROWS_WITH(aligngraph::parse_memory_size(bad), Catch::Contains("expected a size in bytes"));
    struct Restore {
        ~Restore() { aligngraph::set_memory_limit(0); }
    } restore;
    aligngraph::set_memory_limit(1 << 20);  // 1 MiB
    CHECK(aligngraph::memory_limit() == (1u << 20));
    // The file: 100 initiatives x 10,000 periods x 3 flows x 8 bytes = 22.9 MiB.
    std::string text = R"({"format_version": 1, "horizon": {"periods": 10000, "period_years": 0.25, "first": "2027Q1"},
        "goals": [{"id": "G", "name": "g"}], "initiatives": [)";
    for (int i = 0; i < 100; ++i)
        text += fmt::format(R"({}{{"id": "I{}", "name": "x", "department": "IT", "duration": 1, "costs": {{"capex": [1]}}}})", i ? "," : "", i);
    text += "]}";
    CHECK_THROWS_MATCHES(aligngraph::model_from_json(text, "big.json"), aligngraph::ResourceError,
                         Catch::Matchers::Message("big.json: the flows of 100 initiatives x 10000 periods would need 22.9 MiB, "
                                                  "more than the memory limit of 1.0 MiB; raise the limit (ALIGNGRAPH_MEMORY_LIMIT=64G, "
                                                  "the command line's --memory-limit, Python's aligngraph.set_memory_limit()) if the "
                                                  "machine has the memory, or make the model smaller"));
    // The builder: the same cap, at the initiative that passes it.
    Portfolio p{Horizon{10000, 0.25, "2027Q1"}};
    CHECK_THROWS_AS([&] {
        for (int i = 0; i < 100; ++i) p.add_initiative({.id = fmt::format("I{}", i), .department = "IT", .duration = 1});
    }(), aligngraph::ResourceError);
    CHECK(p.initiative_count() < 100);
    // The selection's LP: 34 items x 500 rows (3 x 8 x 500 x 534 bytes = 6.1 MiB).
    SelectionProblem sp;
    sp.values = Eigen::VectorXd::Ones(34);
    sp.costs = Eigen::MatrixXd::Zero(34, 500);
    sp.budgets = Eigen::VectorXd::Ones(500);
    CHECK_THROWS_WITH(select_portfolio(sp), Catch::Contains("the LP relaxation of 34 initiatives x 500 budget rows would need 6.1 MiB"));
    aligngraph::set_memory_limit(0);  // the default again: the same problem solves
    CHECK(select_portfolio(sp).proven);
}
