// The portfolio model: builder, structure of arrays, validation of values.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "fixtures.hpp"

using namespace aligngraph;
using fixtures::has_problem;

TEST_CASE("builder stores initiatives as structure of arrays", "[portfolio]") {
    auto p = fixtures::small_model();
    REQUIRE(p.initiative_count() == 3);
    REQUIRE(p.capex().rows() == 3);
    REQUIRE(p.capex().cols() == 4);
    CHECK(p.capex()(0, 1) == 100);
    CHECK(p.capex()(1, 3) == 50);
    CHECK(p.opex()(2, 0) == 30);
    CHECK(p.benefits()(1, 3) == 400);
    // Short flows are followed by zeros.
    CHECK(p.capex()(0, 2) == 0);
    CHECK(p.net_flows()(1, 3) == 350);
    CHECK(p.costs().sum() == 330);
    CHECK(p.starts()(1) == 2);
    CHECK(p.durations()(1) == 2);
    CHECK(*p.find_initiative("C") == 2);
    CHECK_FALSE(p.find_initiative("Z"));
    CHECK(validate(p).empty());

    SECTION("many initiatives keep their rows") {
        Portfolio big{Horizon{3, 1.0, "2027"}};
        for (int i = 0; i < 1000; ++i) {
            std::string id = "I";
            id += std::to_string(i);
            big.add_initiative({.id = id, .duration = 1, .capex = {double(i)}});
        }
        REQUIRE(big.initiative_count() == 1000);
        CHECK(big.capex().col(0).sum() == 999.0 * 1000 / 2);
        CHECK(big.capex().col(1).sum() == 0);
    }
    SECTION("records come back as they went in") {
        auto a = p.initiative(1);
        CHECK(a.id == "B");
        CHECK(a.capex == std::vector<double>{0, 0, 50, 50});
        CHECK(a.benefits == std::vector<double>{0, 0, 0, 400});
        CHECK(a.department == "Retail");
    }
}

TEST_CASE("criteria form a matrix with NaN where no score is given", "[portfolio]") {
    Portfolio p{Horizon{2, 1.0, "2027"}};
    p.add_initiative({.id = "A", .duration = 1, .criteria = {{"risk", 3}}});
    p.add_initiative({.id = "B", .duration = 1, .criteria = {{"fit", 7}, {"risk", 1}}});
    REQUIRE(p.criterion_names() == std::vector<std::string>{"risk", "fit"});
    CHECK(p.criteria()(0, 0) == 3);
    CHECK(std::isnan(p.criteria()(0, 1)));
    CHECK(p.criteria()(1, 1) == 7);
    CHECK(p.initiative(0).criteria == std::map<std::string, double>{{"risk", 3}});
}

TEST_CASE("contribution scale is QFD's 0/1/3/9 over 9", "[portfolio]") {
    CHECK(strength_of(Strength::none) == 0);
    CHECK(strength_of(Strength::weak) == 1.0 / 9);
    CHECK(strength_of(Strength::medium) == 3.0 / 9);
    CHECK(strength_of(Strength::strong) == 1);
    CHECK(from_string<Strength>("medium") == Strength::medium);
    CHECK_FALSE(from_string<Strength>("huge"));
    auto p = fixtures::small_model();
    auto m = p.contribution_matrix();
    CHECK(m.coeff(0, 1) == 1.0 / 9);
    CHECK(m.coeff(2, 2) == 3.0 / 9);
    CHECK(m.coeff(0, 2) == 0);
}

TEST_CASE("budget costs count the pool's department and cost kind", "[portfolio]") {
    auto p = fixtures::small_model();
    p.add_budget({.id = "it-capex", .department = "IT", .kind = CostKind::capex, .limits = {1, 1, 1, 1}});
    p.add_budget({.id = "opex", .kind = CostKind::opex, .limits = {1, 1, 1, 1}});
    CHECK(p.budget_costs(0).sum() == 330);  // total: everything
    CHECK(p.budget_costs(1).sum() == 200);  // A's capex only (B is Retail, C is opex)
    CHECK(p.budget_costs(2).sum() == 30);   // C's opex
    CHECK(p.budget_limits().rows() == 3);
    CHECK(p.team_capacities()(0, 3) == 5);
}

TEST_CASE("builder refuses unknown and duplicate ids and misshapen lists at once", "[portfolio][validation]") {
    auto p = fixtures::small_model();
    REQUIRE_THROWS_AS(p.add_goal({.id = "G1"}), ValidationError);
    REQUIRE_THROWS_WITH(p.add_goal({.id = "G1"}), Catch::Contains("duplicate goal id 'G1'"));
    REQUIRE_THROWS_WITH(p.add_initiative({.id = "A", .duration = 1}), Catch::Contains("duplicate initiative id 'A'"));
    REQUIRE_THROWS_WITH(p.add_initiative({.id = "", .duration = 1}), Catch::Contains("id is empty"));
    REQUIRE_THROWS_WITH(p.link_goals("G1", "G9", 1), Catch::Contains("unknown child goal 'G9'"));
    REQUIRE_THROWS_WITH(p.add_contribution("A", "G9", 0.5), Catch::Contains("unknown goal 'G9'"));
    REQUIRE_THROWS_WITH(p.add_contribution("Z", "G1", 0.5), Catch::Contains("unknown initiative 'Z'"));
    REQUIRE_THROWS_WITH(p.add_requires("B", "Z"), Catch::Contains("'B' requires unknown initiative 'Z'"));
    REQUIRE_THROWS_WITH(p.add_exclusion("x", {"A", "Z"}), Catch::Contains("unknown initiative 'Z'"));
    REQUIRE_THROWS_WITH(p.add_exclusion("x", {"A"}), Catch::Contains("expected at least 2"));
    REQUIRE_THROWS_WITH(p.add_exclusion("x", {"A", "A"}), Catch::Contains("names 'A' twice"));
    REQUIRE_THROWS_WITH(p.add_initiative({.id = "D", .duration = 1, .capex = {1, 2, 3, 4, 5}}),
                        Catch::Contains("capex of 'D' has 5 periods, more than the horizon's 4"));
    REQUIRE_THROWS_WITH(p.add_initiative({.id = "D", .duration = 1, .demand = {{"ops", {1}}}}),
                        Catch::Contains("unknown team 'ops'"));
    REQUIRE_THROWS_WITH(p.add_initiative({.id = "D", .duration = 2, .demand = {{"dev", {1}}}}),
                        Catch::Contains("has 1 values, expected one per running period (2)"));
    REQUIRE_THROWS_WITH(p.add_budget({.id = "total", .limits = {1, 1, 1, 1}}), Catch::Contains("duplicate budget id"));
    REQUIRE_THROWS_WITH(p.add_budget({.id = "short", .limits = {1, 1}}), Catch::Contains("has 2 limits, expected one per period (4)"));
    REQUIRE_THROWS_WITH(p.add_team({.id = "dev", .capacity = {1, 1, 1, 1}}), Catch::Contains("duplicate team id"));
    REQUIRE_THROWS_WITH(Portfolio(Horizon{0, 0.25, "x"}), Catch::Contains("horizon has 0 periods"));
    REQUIRE_THROWS_WITH(Portfolio(Horizon{4, -1, "x"}), Catch::Contains("period length -1 years"));
    // Nothing was half-added.
    CHECK(p.initiative_count() == 3);
    CHECK(validate(p).empty());
}

TEST_CASE("validate reports every bad value, naming the item", "[portfolio][validation]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    auto p = fixtures::small_model();

    SECTION("negative or non-finite money") {
        p.add_initiative({.id = "D", .duration = 1, .capex = {0, -5}, .opex = {nan}, .benefits = {0, 0, inf}});
        auto problems = validate(p);
        CHECK(has_problem(problems, "/initiatives/3/costs/capex/1: 'D' has -5 in period 1"));
        CHECK(has_problem(problems, "/initiatives/3/costs/opex/0: 'D' has nan in period 0"));
        CHECK(has_problem(problems, "/initiatives/3/benefits/2: 'D' has inf in period 2"));
        CHECK(problems.size() == 3);
        REQUIRE_THROWS_AS(p.check(), ValidationError);
        REQUIRE_THROWS_WITH(p.check(), Catch::Contains("3 problems"));
    }
    SECTION("negative budget and capacity") {
        p.add_budget({.id = "b", .limits = {1, -1, 1, 1}});
        p.add_team({.id = "ops", .capacity = {1, 1, nan, 1}});
        auto problems = validate(p);
        CHECK(has_problem(problems, "/budgets/1/limits/1: budget 'b' has limit -1"));
        CHECK(has_problem(problems, "/teams/1/capacity/2: team 'ops' has capacity nan"));
    }
    SECTION("non-positive weights") {
        p.link_goals("G2", "G3", 0);
        p.add_goal({.id = "G4", .name = "Other root", .weight = -2.0});
        auto problems = validate(p);
        CHECK(has_problem(problems, "link 'G2' -> 'G3' has weight 0, expected a finite weight > 0"));
        CHECK(has_problem(problems, "/goals/3/weight: goal 'G4' has weight -2"));
    }
    SECTION("a top-level weight on a goal with parents") {
        p.add_goal({.id = "G4", .name = "Child", .weight = 0.5});
        p.link_goals("G1", "G4", 1);
        CHECK(has_problem(validate(p), "weight applies to root goals only"));
    }
    SECTION("contribution strength outside [0, 1]") {
        p.add_contribution("C", "G1", 1.5);
        p.add_contribution("A", "G3", -0.1);
        auto problems = validate(p);
        CHECK(has_problem(problems, "/initiatives/2/contributes/G1: 'C' contributes 1.5 to goal 'G1', expected a strength in [0, 1]"));
        CHECK(has_problem(problems, "'A' contributes -0.1 to goal 'G3'"));
    }
    SECTION("an initiative both forced in and forced out") {
        p.add_initiative({.id = "D", .duration = 1, .flags = {.forced_in = true, .forced_out = true}});
        CHECK(has_problem(validate(p), "/initiatives/3/forced_out: 'D' is both forced in and forced out"));
    }
    SECTION("a forced-in initiative that requires a forced-out one, directly or transitively") {
        p.add_initiative({.id = "X", .duration = 1, .flags = {.forced_out = true}});
        p.add_initiative({.id = "Y", .duration = 1});
        p.add_initiative({.id = "Z", .duration = 1, .flags = {.forced_in = true}});
        p.add_initiative({.id = "M", .duration = 1, .flags = {.mandatory = true}});
        p.add_requires("Y", "X");
        p.add_requires("Z", "Y");
        p.add_requires("M", "X");
        auto problems = validate(p);
        CHECK(has_problem(problems, "'Z' is forced in but requires 'X', which is forced out"));
        CHECK(has_problem(problems, "'M' is mandatory but requires 'X', which is forced out"));
        CHECK_FALSE(has_problem(problems, "'Y' is"));
    }
    SECTION("a dependant planned to start before its prerequisite finishes") {
        // A runs in periods 0 and 1 (2027Q1, 2027Q2): a dependant may start in period 2 at the earliest.
        p.add_initiative({.id = "E", .start = 1, .duration = 1});
        p.add_requires("E", "A");
        p.add_initiative({.id = "F", .start = 2, .duration = 1});
        p.add_requires("F", "A");
        auto problems = validate(p);
        CHECK(errors_of(problems).empty());  // a warning: a roadmap moves it
        CHECK(has_problem(problems, "/initiatives/3/requires/0: 'E' starts in period 1 (2027Q2) but requires 'A', which runs "
                                    "until period 1 (2027Q2): a dependant starts after its prerequisite finishes, in "
                                    "period 2 (2027Q3) or later"));
        CHECK_FALSE(has_problem(problems, "'F' starts"));
        CHECK_FALSE(has_problem(problems, "'B' starts"));  // B starts in period 2, as A finishes
    }
    SECTION("local weights that look like fractions but do not add up to 1: a warning, normalised all the same") {
        p.add_goal({.id = "G4", .name = "Sub"});
        p.link_goals("G3", "G4", 0.5);  // a single child given half of its parent
        auto problems = validate(p);
        CHECK(errors_of(problems).empty());
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].severity == Severity::warning);
        CHECK(problems[0].pointer == "/goals/2");
        CHECK(problems[0].message ==
              "goal 'G3' gives its children local weights that add up to 0.5, not 1; they are normalised: 'G4' 0.5 -> 1");
        CHECK_NOTHROW(p.check());
        CHECK(goal_weights(p)(3) == Approx(goal_weights(p)(2)).epsilon(1e-15));  // normalised: all of G3
        // Raw weights stay silent: G1's children have 3 and 1; so do 1 and 1.
        p.add_goal({.id = "G5", .name = "Other"});
        p.link_goals("G2", "G4", 1);
        p.link_goals("G2", "G5", 1);
        CHECK(validate(p).size() == 1);
    }
    SECTION("two forced-in members of one excludes group") {
        p.add_initiative({.id = "V1", .duration = 1, .flags = {.forced_in = true}});
        p.add_initiative({.id = "V2", .duration = 1, .flags = {.mandatory = true}});
        p.add_initiative({.id = "V3", .duration = 1});
        p.add_exclusion("vendor", {"V1", "V2", "V3"});
        CHECK(has_problem(validate(p), "/excludes/0/members: exclusion group 'vendor' has 2 members forced in or "
                                        "mandatory (V1, V2)"));
    }
    SECTION("one forced-in member of a group is fine") {
        p.add_initiative({.id = "V1", .duration = 1, .flags = {.forced_in = true}});
        p.add_initiative({.id = "V2", .duration = 1});
        p.add_exclusion("vendor", {"V1", "V2"});
        CHECK(validate(p).empty());
    }
    SECTION("durations, starts and effort") {
        p.add_initiative({.id = "D", .start = 3, .duration = 2});
        p.add_initiative({.id = "E", .start = -1, .duration = 0, .effort = -3});
        auto problems = validate(p);
        CHECK(has_problem(problems, "'D' runs from period 3 for 2 periods, past the horizon's 4 periods"));
        CHECK(has_problem(problems, "'E' starts in period -1"));
        CHECK(has_problem(problems, "'E' has duration 0"));
        CHECK(has_problem(problems, "'E' has effort -3"));
    }
    SECTION("uncertainty estimates") {
        Uncertainty u;
        u.cost = Estimate{Distribution::pert, 1.2, 1.0, 1.5};
        u.success_probability = 1.5;
        p.add_initiative({.id = "D", .duration = 1, .uncertainty = u});
        auto problems = validate(p);
        CHECK(has_problem(problems, "/initiatives/3/uncertainty/cost: 'D' has a cost estimate pert(low=1.2, mode=1, high=1.5), expected finite 0 <= low <= mode <= high"));
        CHECK(has_problem(problems, "success probability 1.5"));
    }
    SECTION("normal and lognormal estimates: the mode where low and high put it") {
        Uncertainty u;
        u.cost = Estimate{Distribution::normal, 0.8, 1.0, 1.4};
        u.benefit = Estimate{Distribution::lognormal, 0.5, 1.0, 2.5};
        p.add_initiative({.id = "D", .duration = 1, .uncertainty = u});
        auto problems = validate(p);
        CHECK(has_problem(problems, "/initiatives/3/uncertainty/cost: 'D' has a cost estimate normal(low=0.8, mode=1, high=1.4): a normal is symmetric"));
        CHECK(has_problem(problems, "so mode should be 1.1;"));
        CHECK(has_problem(problems, "so mode should be 1.11803"));
    }
    SECTION("a normal multiplier likely below zero is a warning") {
        Uncertainty u;
        u.cost = Estimate{Distribution::normal, 0.05, 1.0, 1.95};
        p.add_initiative({.id = "D", .duration = 1, .uncertainty = u});
        auto problems = validate(p);
        CHECK(has_problem(problems, "'D' has a cost multiplier that is below 0 with probability"));
        CHECK(validate_errors(p).empty());
    }
    SECTION("settings") {
        p.set_settings({.discount_rate = -1.0, .enabler_share = 2});
        auto problems = validate(p);
        CHECK(has_problem(problems, "/settings/discount_rate: discount rate -1 per year"));
        CHECK(has_problem(problems, "/settings/enabler_share: enabler share 2"));
    }
    SECTION("a budget for a department nobody belongs to") {
        p.add_budget({.id = "hr", .department = "HR", .limits = {1, 1, 1, 1}});
        CHECK(has_problem(validate(p), "budget 'hr' is for department 'HR', which no initiative belongs to"));
    }
    SECTION("scenarios name known items") {
        p.add_scenario({.id = "s", .budget_factor = 0.0, .goal_weights = {{"G9", 1.0}, {"G2", 1.0}},
                        .forced_in = {"A", "Q"}, .forced_out = {"A"}});
        auto problems = validate(p);
        CHECK(has_problem(problems, "/scenarios/0/budget_factor: scenario 's' has budget_factor 0"));
        CHECK(has_problem(problems, "scenario 's' weighs unknown goal 'G9'"));
        CHECK(has_problem(problems, "goal 'G2' a top-level weight, but it is not a root goal"));
        CHECK(has_problem(problems, "/scenarios/0/forced_in/1: scenario 's' names unknown initiative 'Q'"));
        CHECK(has_problem(problems, "scenario 's' forces 'A' both in and out"));
        p.add_scenario({.id = "t", .criterion_weights = {{"colour", 1.0}}});
        CHECK(has_problem(validate(p), "/scenarios/1/criterion_weights/colour: scenario 't' weighs unknown criterion 'colour'"));
        REQUIRE_THROWS_WITH(p.add_scenario({.id = "s"}), Catch::Contains("duplicate scenario id 's'"));
    }
}

TEST_CASE("a cycle is a CycleError carrying the whole path", "[portfolio][validation]") {
    auto p = fixtures::small_model();
    p.add_initiative({.id = "I-3", .duration = 1});
    p.add_initiative({.id = "I-9", .duration = 1});
    p.add_requires("I-3", "I-9");
    p.add_requires("I-9", "I-3");
    try {
        p.check();
        FAIL("check() accepted a requires cycle");
    } catch (const CycleError& e) {
        CHECK(e.cycle() == std::vector<std::string>{"I-3", "I-9", "I-3"});
        CHECK_THAT(e.what(), Catch::Contains("requires cycle: I-3 -> I-9 -> I-3"));
    }
}

TEST_CASE("model equality is field by field", "[portfolio]") {
    auto a = fixtures::small_model();
    auto b = fixtures::small_model();
    CHECK(a == b);
    b.add_contribution("C", "G1", 0.0);
    CHECK_FALSE(a == b);
    auto c = fixtures::small_model();
    c.set_settings({.discount_rate = 0.07});
    CHECK_FALSE(a == c);
}

TEST_CASE("horizon labels follow the period length", "[portfolio]") {
    CHECK(Horizon{12, 0.25, "2027Q1"}.label(0) == "2027Q1");
    CHECK(Horizon{12, 0.25, "2027Q1"}.label(5) == "2028Q2");
    CHECK(Horizon{12, 0.25, "2027Q3"}.label(2) == "2028Q1");
    CHECK(Horizon{24, 1.0 / 12, "2027-11"}.label(3) == "2028-02");
    CHECK(Horizon{5, 1.0, "2027"}.label(4) == "2031");
    CHECK(Horizon{5, 0.5, "H1"}.label(2) == "H1+2");
    // A quarter-style label with yearly periods is not treated as quarters.
    CHECK(Horizon{5, 1.0, "2027Q1"}.label(1) == "2027Q1+1");
}

TEST_CASE("bulk builder by index", "[portfolio]") {
    Portfolio p{Horizon{2, 1.0, "2027"}};
    p.add_goal({.id = "G0"});
    p.add_goal({.id = "G1"});
    p.add_initiatives({"a", "b", "c"}, {"IT", "IT", "Ops"});
    std::vector<Index> ci{0, 1, 2}, cg{0, 1, 1};
    std::vector<double> cs{0.5, 1.0, 0.25};
    p.add_contributions(ci, cg, cs);
    std::vector<Index> dep{2}, pre{0};
    p.add_requirements(dep, pre);
    std::vector<double> bv{1, 2, 3};
    p.set_criterion("business_value", bv);
    p.set_efforts(bv);
    CHECK(p.initiative_count() == 3);
    // Valid; the bulk builder sets no schedule, so c is planned with its prerequisite a: a warning.
    const auto problems = validate(p);
    CHECK(errors_of(problems).empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::warning);
    CHECK_THAT(problems[0].message, Catch::Contains("'c' starts in period 0 (2027) but requires 'a'"));
    CHECK(validate_errors(p).empty());  // what check() runs: no warnings made
    CHECK(p.initiative(2).department == "Ops");
    CHECK(p.criteria()(2, 0) == 3);
    CHECK(prerequisites(p, 2) == std::vector<Index>{0});
    REQUIRE_THROWS_WITH(p.add_initiatives({"d", "a"}, {"IT", "IT"}), Catch::Contains("duplicate initiative id 'a'"));
    REQUIRE_THROWS_WITH(p.add_initiatives({"d", "d"}, {"IT", "IT"}), Catch::Contains("duplicate initiative id 'd'"));
    CHECK(p.initiative_count() == 3);
    CHECK_FALSE(p.find_initiative("d"));
    std::vector<Index> bad{7};
    std::vector<Index> g0{0};
    std::vector<double> s0{1};
    REQUIRE_THROWS_WITH(p.add_contributions(bad, g0, s0), Catch::Contains("entry 0: initiative index 7 out of range [0, 3)"));
    REQUIRE_THROWS_WITH(p.add_requirements(g0, bad), Catch::Contains("initiative index 7 out of range"));
    REQUIRE_THROWS_WITH(p.set_criterion("x", s0), Catch::Contains("1 scores for 3 initiatives"));
}

TEST_CASE("check() is cached until the model changes", "[portfolio][validation]") {
    auto p = fixtures::small_model();
    p.check();
    p.check();  // cached
    p.add_initiative({.id = "N", .duration = 1, .capex = {-1}});
    REQUIRE_THROWS_AS(p.check(), ValidationError);  // the change is seen
    auto q = fixtures::small_model();
    q.check();
    auto copy = q;  // the copy carries its validity, and its own changes invalidate it
    copy.add_contribution("A", "G3", 2.0);
    REQUIRE_THROWS_AS(copy.check(), ValidationError);
    q.check();
}

TEST_CASE("what-if: a scenario of the model with decisions forced and budgets scaled", "[model]") {
    Portfolio p = sample_portfolio();
    const auto before = p.scenarios().size();
    // Only a scenario: its own id, the model unchanged.
    CHECK(apply_what_if(p, {.scenario = "downturn"}) == "downturn");
    CHECK(apply_what_if(p, {}).empty());
    CHECK(p.scenarios().size() == before);
    const auto& downturn = *std::find_if(p.scenarios().begin(), p.scenarios().end(), [](const Scenario& s) { return s.id == "downturn"; });
    const double factor = downturn.budget_factor.value_or(1.0);
    const auto id = apply_what_if(p, {.scenario = "downturn", .force_in = {"I-07"}, .force_out = {"I-01"}, .budget_factor = 0.5});
    CHECK(id == "what-if");
    REQUIRE(p.scenarios().size() == before + 1);
    const Scenario& w = p.scenarios().back();
    CHECK(w.id == "what-if");
    CHECK(*w.budget_factor == Approx(factor * 0.5));
    CHECK(std::find(w.forced_in.begin(), w.forced_in.end(), "I-07") != w.forced_in.end());
    CHECK(std::find(w.forced_out.begin(), w.forced_out.end(), "I-01") != w.forced_out.end());
    CHECK(w.discount_rate == downturn.discount_rate);  // the rest of the scenario kept
    CHECK(w.goal_weights == downturn.goal_weights);
    // Taken: the next id.
    CHECK(apply_what_if(p, {.budget_factor = 2.0}) == "what-if-2");
    CHECK(*p.scenarios().back().budget_factor == 2.0);
    // Errors name what is wrong.
    CHECK_THROWS_WITH(apply_what_if(p, {.scenario = "boom"}), Catch::Contains("unknown scenario 'boom'"));
    CHECK_THROWS_WITH(apply_what_if(p, {.force_in = {"I-99"}}), Catch::Contains("forced in: unknown initiative 'I-99'"));
    CHECK_THROWS_WITH(apply_what_if(p, {.force_in = {"I-02"}, .force_out = {"I-02"}}), Catch::Contains("'I-02' forced both in and out"));
    CHECK_THROWS_WITH(apply_what_if(p, {.budget_factor = 0.0}), Catch::Contains("budget factor 0, expected a number > 0"));
    REQUIRE(p.flags()[static_cast<std::size_t>(p.initiative_index("I-07"))].mandatory);
    CHECK_THROWS_WITH(apply_what_if(p, {.force_out = {"I-07"}}), Catch::Contains("'I-07' is mandatory"));
}
