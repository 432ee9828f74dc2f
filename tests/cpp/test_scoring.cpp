// Alignment with enabler credit, explanations, priority scores, ranks, sensitivity.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"

using namespace aligngraph;

namespace {

Portfolio diamond() {
    // One goal; D requires B and C; B and C require A. Only D contributes (strongly).
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    p.add_goal({.id = "G1", .name = "Goal"});
    for (const char* id : {"A", "B", "C", "D"}) p.add_initiative({.id = id, .department = "IT", .duration = 1});
    p.add_requires("D", "B");
    p.add_requires("D", "C");
    p.add_requires("B", "A");
    p.add_requires("C", "A");
    p.add_contribution("D", "G1", 1.0);
    return p;
}

Portfolio criteria_model() {
    Portfolio p{Horizon{2, 1.0, "2027"}};
    p.add_goal({.id = "G", .name = "Goal"});
    p.add_initiative({.id = "X", .department = "IT", .duration = 1, .effort = 2,
                      .criteria = {{"risk", 2}, {"cost", 10}, {"business_value", 8}, {"time_criticality", 4},
                                   {"risk_reduction", 2}, {"reach", 100}, {"impact", 2}, {"confidence", 0.5}}});
    p.add_initiative({.id = "Y", .department = "IT", .duration = 1, .effort = 4,
                      .criteria = {{"risk", 6}, {"cost", 30}, {"business_value", 4}, {"time_criticality", 4},
                                   {"risk_reduction", 4}, {"reach", 100}, {"impact", 1}, {"confidence", 1}}});
    p.add_initiative({.id = "Z", .department = "IT", .duration = 1, .effort = 1,
                      .criteria = {{"risk", 4}, {"cost", 20}, {"business_value", 1}, {"time_criticality", 1},
                                   {"risk_reduction", 1}, {"reach", 10}, {"impact", 3}, {"confidence", 0.8}}});
    return p;
}

}  // namespace

TEST_CASE("enabler credit over a diamond of dependencies, by hand", "[scoring]") {
    auto p = diamond();
    auto al = alignment(p);
    // A_D = 1; B and C each get beta * A_D / 2 = 0.25; A gets beta * (A_B + A_C) = 0.25.
    CHECK(al.total(3) == Approx(1.0).epsilon(1e-15));
    CHECK(al.total(1) == Approx(0.25).epsilon(1e-15));
    CHECK(al.total(2) == Approx(0.25).epsilon(1e-15));
    CHECK(al.total(0) == Approx(0.25).epsilon(1e-15));
    CHECK(al.direct(0) == 0);
    CHECK(al.enabler(0) == Approx(0.25).epsilon(1e-15));

    p.add_contribution("B", "G1", Strength::weak);
    al = alignment(p);
    // A_B = 1/9 + 0.25; A_A = 0.5 (A_B + A_C).
    CHECK(al.total(1) == Approx(1.0 / 9 + 0.25).epsilon(1e-15));
    CHECK(al.total(0) == Approx(0.5 * (1.0 / 9 + 0.25 + 0.25)).epsilon(1e-15));
    // Explanation: A's parts are credit from B and from C, summing to its total.
    auto parts = explain_alignment(p, al, 0);
    REQUIRE(parts.size() == 2);
    double sum = 0;
    for (const auto& part : parts) {
        CHECK(part.kind == AlignmentPart::Kind::enabler);
        sum += part.value;
    }
    CHECK(sum == Approx(al.total(0)).epsilon(1e-15));
    // beta from the options (a scenario's), without changing the model.
    AlignmentOptions o;
    o.enabler_share = 0.0;
    CHECK(alignment(p, o).total(0) == 0);
}

TEST_CASE("alignment over a goal DAG with a shared sub-goal, by hand", "[scoring]") {
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    for (auto [id, w] : {std::pair{"R1", 3.0}, {"R2", 1.0}}) p.add_goal({.id = id, .weight = w});
    for (const char* id : {"A", "B", "C", "S", "T"}) p.add_goal({.id = id});
    fixtures::link_shared_subgoal_dag(p);
    p.add_initiative({.id = "X", .department = "IT", .duration = 1});
    p.add_initiative({.id = "Y", .department = "IT", .duration = 1});
    p.add_contribution("X", "S", Strength::strong);
    p.add_contribution("X", "C", Strength::medium);
    auto al = alignment(p);
    // S = 0.59375, C = 0.1875: a_X = 0.59375 + 1/3 * 0.1875 = 0.65625.
    CHECK(al.direct(0) == Approx(0.65625).epsilon(1e-15));
    auto parts = explain_alignment(p, al, 0);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].value == Approx(0.59375).epsilon(1e-15));
    CHECK(parts[1].value == Approx(0.0625).epsilon(1e-15));
    // By goal: X's row holds those two parts under S and C, nothing else; Y's row is empty.
    REQUIRE(al.by_goal.rows() == 2);
    REQUIRE(al.by_goal.cols() == p.goal_count());
    for (Index g = 0; g < p.goal_count(); ++g) {
        const std::string& id = p.goal(g).id;
        CHECK(al.by_goal(0, g) == Approx(id == "S" ? 0.59375 : id == "C" ? 0.0625 : 0.0).epsilon(1e-15));
        CHECK(al.by_goal(1, g) == 0.0);
    }
    // Y serves nothing; T is unserved, and so is nothing above S or C.
    CHECK(orphan_initiatives(p) == std::vector<Index>{1});
    auto unserved = unserved_goals(p);
    std::vector<std::string> names;
    for (Index g : unserved) names.push_back(p.goal(g).id);
    CHECK(names == std::vector<std::string>{"T"});
    // Scenario weights, R2 (almost) alone: B = 1/4, C = 3/4, S = B / 2 = 1/8;
    // a_X = 1/8 + 1/3 * 3/4 = 0.375.
    AlignmentOptions o;
    o.root_weights = {{"R1", 1e-12}, {"R2", 1.0}};
    CHECK(alignment(p, o).direct(0) == Approx(0.375).margin(1e-11));
    o.root_weights = {{"S", 1.0}};
    REQUIRE_THROWS_WITH(alignment(p, o), Catch::Contains("goal 'S' has parents"));
}

TEST_CASE("goal coverage of a selection", "[scoring]") {
    auto p = fixtures::small_model();  // A -> G2 weak, B -> G2 1, C -> G3 medium
    auto c = goal_coverage(p, {0});
    CHECK(c(1) == Approx(1.0 / 9).epsilon(1e-15));
    CHECK(c(2) == 0);
    c = goal_coverage(p, {0, 2});
    CHECK(c(2) == Approx(1.0 / 3).epsilon(1e-15));
    CHECK(goal_coverage(p, {0, 1})(1) == 1);
    auto unserved = unserved_goals(p, {0});
    REQUIRE(unserved.size() == 1);
    CHECK(p.goal(unserved[0]).id == "G3");
    // The root G1 rolls up its children (local weights 3 and 1, so 0.75 and 0.25): it is
    // served when they are, as unserved_goals() says, and by their weighted coverage.
    CHECK(goal_coverage(p, {0})(0) == Approx(0.75 / 9).epsilon(1e-15));
    CHECK(goal_coverage(p, {0, 2})(0) == Approx(0.75 / 9 + 0.25 / 3).epsilon(1e-15));
    CHECK(goal_coverage(p, {1})(0) == Approx(0.75).epsilon(1e-15));
    CHECK(goal_coverage(p, {})(0) == 0);
    // A parent served directly too: the two overlap. G1 gets 0.5 from a new initiative D.
    p.add_initiative({.id = "D", .name = "Direct", .department = "IT", .duration = 1});
    p.add_contribution("D", "G1", 0.5);
    CHECK(goal_coverage(p, {1, 3})(0) == Approx(1 - 0.5 * 0.25).epsilon(1e-15));
    // Every goal with coverage 0 is unserved, and every unserved goal has coverage 0.
    auto sample = sample_portfolio();
    for (std::vector<Index> selection : {std::vector<Index>{1}, {1, 25}, {4, 9, 30}}) {
        const auto cov = goal_coverage(sample, selection);
        const auto none = unserved_goals(sample, selection);
        for (Index g = 0; g < sample.goal_count(); ++g)
            CHECK((cov(g) == 0) == (std::find(none.begin(), none.end(), g) != none.end()));
    }
}

TEST_CASE("weighted scoring, WSJF and RICE by hand", "[scoring]") {
    auto p = criteria_model();
    // risk (benefit, 3): X 0, Y 1, Z 0.5; cost (cost, 1): X 1, Y 0, Z 0.5; weights 0.75, 0.25.
    auto s = weighted_score(p, {{"risk", 3, Direction::benefit}, {"cost", 1, Direction::cost}});
    CHECK(s.total(0) == Approx(0.25).epsilon(1e-15));
    CHECK(s.total(1) == Approx(0.75).epsilon(1e-15));
    CHECK(s.total(2) == Approx(0.5).epsilon(1e-15));
    CHECK(s.parts(2, 0) == Approx(0.375).epsilon(1e-15));
    CHECK((s.parts.rowwise().sum() - s.total).cwiseAbs().maxCoeff() == 0);
    CHECK(rank_order(s.total, p.initiative_ids()) == std::vector<Index>{1, 2, 0});
    // WSJF X: (8 + 4 + 2) / 2 = 7; Y: 12 / 4 = 3; Z: 3 / 1 = 3: tie broken by id (Y before Z).
    auto w = wsjf(p);
    CHECK(w.total(0) == 7);
    CHECK(w.total(1) == 3);
    CHECK(w.total(2) == 3);
    CHECK(ranks(w.total, p.initiative_ids()) == Eigen::Vector3i(1, 2, 3));
    // RICE X: 100 * 2 * 0.5 / 2 = 50; Y: 100 / 4 = 25; Z: 10 * 3 * 0.8 / 1 = 24.
    auto r = rice(p);
    CHECK(r.total(0) == 50);
    CHECK(r.total(1) == 25);
    CHECK(r.total(2) == Approx(24).epsilon(1e-15));
    REQUIRE_THROWS_WITH(weighted_score(p, {{"colour", 1}}), Catch::Contains("unknown criterion 'colour'"));
    REQUIRE_THROWS_WITH(weighted_score(p, {{"risk", 0}}), Catch::Contains("weight 0, expected a finite weight > 0"));
    p.add_initiative({.id = "W", .department = "IT", .duration = 1, .criteria = {{"risk", 1}}});
    REQUIRE_THROWS_WITH(weighted_score(p, {{"cost", 1}}), Catch::Contains("'W' has no score for criterion 'cost'"));
    REQUIRE_THROWS_WITH(rice(p), Catch::Contains("'W' has effort 0"));
}

TEST_CASE("composite score parts sum to the total", "[scoring]") {
    auto p = sample_portfolio();
    auto s = composite_score(p, {0.5, 0.25, 0.25}, {{"business_value", 2}, {"risk_reduction", 1}});
    CHECK((s.parts.rowwise().sum() - s.total).cwiseAbs().maxCoeff() < 1e-15);
    CHECK(s.total.maxCoeff() <= 1.0 + 1e-12);
    // Alignment alone gives alignment / max alignment.
    auto only = composite_score(p, {1, 0, 0}, {});
    auto al = alignment(p);
    CHECK((only.total - al.total / al.total.maxCoeff()).cwiseAbs().maxCoeff() < 1e-15);
}

TEST_CASE("composite priority of a model without criteria uses alignment and finance", "[scoring]") {
    auto p = fixtures::small_model();
    REQUIRE(p.criterion_names().empty());
    ScoreOptions o;
    o.kind = ScoreKind::composite;
    const auto s = score(p, o);
    // Default weights 0.5, 0.25, 0.25; without criteria alignment and finance share the
    // whole weight: 2/3 and 1/3.
    const auto al = alignment(p).total;
    const auto f = initiative_financials(p);
    Eigen::VectorXd per_cost = f.npv.cwiseQuotient(f.total_cost);
    const double lo = per_cost.minCoeff(), hi = per_cost.maxCoeff();
    for (Index i = 0; i < p.initiative_count(); ++i) {
        const double expected = 2.0 / 3 * al(i) / al.maxCoeff() + 1.0 / 3 * (per_cost(i) - lo) / (hi - lo);
        CHECK(s.total(i) == Approx(expected).margin(1e-12));
        CHECK(s.parts(i, 2) == 0);
    }
    // With only the criteria weighted there is nothing to score by: the error names the model's missing data.
    o.composite = {0, 0, 1};
    REQUIRE_THROWS_WITH(score(p, o), Catch::Contains("the model has no criteria"));
}

TEST_CASE("criterion weight sensitivity, by hand and by re-ranking", "[scoring]") {
    auto p = criteria_model();
    std::vector<Criterion> c{{"risk", 3, Direction::benefit}, {"cost", 1, Direction::cost}};
    // Scores with risk weight t: X = 1 - t, Y = t, Z = 0.5: Y stays first for t >= 0.5.
    auto sens = criterion_weight_sensitivity(p, c, 2);
    REQUIRE(sens.size() == 2);
    CHECK(sens[0].item == "risk");
    CHECK(sens[0].weight == 0.75);
    CHECK(sens[0].top1_low == Approx(0.5).epsilon(1e-12));
    CHECK(sens[0].top1_high == 1);
    CHECK(sens[0].topk_low == Approx(0.5).epsilon(1e-12));
    CHECK(sens[1].top1_high == Approx(0.5).epsilon(1e-12));  // cost weight = 1 - risk weight
}

TEST_CASE("goal weight sensitivity holds just inside and breaks just outside", "[scoring]") {
    auto p = sample_portfolio();
    const Index k = 5;
    auto base = alignment(p);
    auto order = rank_order(base.total, p.initiative_ids());
    std::vector<Index> top(order.begin(), order.begin() + k);
    std::sort(top.begin(), top.end());
    const auto sens = goal_weight_sensitivity(p, k);
    REQUIRE(!sens.empty());
    const Eigen::MatrixXd s = Eigen::MatrixXd(p.contribution_matrix());
    int checked = 0;
    for (const auto& item : sens) {
        const Index g = p.goal_index(item.item);
        CHECK(item.top1_low <= item.weight + 1e-12);
        CHECK(item.top1_high >= item.weight - 1e-12);
        // Re-rank with goal g at weight t, the others rescaled, by recomputing alignment from scratch.
        auto rerank = [&](double t) {
            Eigen::VectorXd w = base.goal_weights * ((1 - t) / (1 - item.weight));
            w(g) = t;
            Eigen::MatrixXd direct = s * w;
            Eigen::VectorXd total = with_enabler_credit(p, direct, base.enabler_share).col(0);
            return rank_order(total, p.initiative_ids());
        };
        for (auto [end, inside_step] : {std::pair{item.top1_low, 1e-6}, {item.top1_high, -1e-6}}) {
            if (end <= 0 || end >= 1) continue;
            CHECK(rerank(end + inside_step)[0] == order[0]);
            CHECK(rerank(end - inside_step)[0] != order[0]);
            ++checked;
        }
        for (auto [end, inside_step] : {std::pair{item.topk_low, 1e-6}, {item.topk_high, -1e-6}}) {
            if (end <= 0 || end >= 1) continue;
            auto in = rerank(end + inside_step), out = rerank(end - inside_step);
            std::vector<Index> a(in.begin(), in.begin() + k), b(out.begin(), out.begin() + k);
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            CHECK(a == top);
            CHECK(b != top);
            ++checked;
        }
    }
    CHECK(checked > 5);
}

TEST_CASE("rank comparison and Kendall's tau", "[scoring]") {
    std::vector<std::string> ids{"a", "b", "c", "d"};
    Eigen::Vector4d x(4, 3, 2, 1), y(1, 2, 3, 4), z(4, 3, 1, 2);
    CHECK(compare_rankings(x, x, ids).kendall_tau == 1);
    CHECK(compare_rankings(x, y, ids).kendall_tau == -1);
    // One swapped pair of 6: (5 - 1) / 6.
    auto c = compare_rankings(x, z, ids);
    CHECK(c.kendall_tau == Approx(4.0 / 6).epsilon(1e-15));
    CHECK(c.change(2) == 1);
    CHECK(c.change(3) == -1);
}

TEST_CASE("a scenario's criterion weights change the weighted score, not the model", "[scoring]") {
    auto p = sample_portfolio();
    auto base = score(p, {.kind = ScoreKind::score, .criteria = {{"business_value", 1}}});
    auto o = ScoreOptions::from_scenario(p, "compliance-first", ScoreKind::score);
    REQUIRE(o.criteria.size() == 3);
    auto scenario = score(p, o);
    // By hand: the scenario's weighted score is 1/6 business value + 2/6 time criticality + 3/6 risk reduction,
    // each normalised min-max.
    auto bv = weighted_score(p, {{"business_value", 1}}).total;
    auto tc = weighted_score(p, {{"time_criticality", 1}}).total;
    auto rr = weighted_score(p, {{"risk_reduction", 1}}).total;
    CHECK((scenario.total - (bv / 6 + tc * 2 / 6 + rr * 3 / 6)).cwiseAbs().maxCoeff() < 1e-14);
    auto c = compare_rankings(base.total, scenario.total, p.initiative_ids());
    CHECK(c.kendall_tau < 1);
    CHECK(score(p, {.kind = ScoreKind::score, .criteria = {{"business_value", 1}}}).total == base.total);
}

TEST_CASE("a scenario's judgments replace a goal's link weights, without changing the model", "[scoring]") {
    auto p = sample_portfolio();
    // A consistent matrix from weights (0.2, 0.3, 0.5) over E1's children B1, B2, B4:
    // AHP gives those weights back, so B1 = E1's 0.4 * 0.2 = 0.08 (E1 is B1's only parent).
    const std::vector<double> w{0.2, 0.3, 0.5};
    Judgments j;
    j.children = {"B1", "B2", "B4"};
    for (double a : w) {
        std::vector<std::optional<double>> row;
        for (double b : w) row.emplace_back(a / b);
        j.matrix.push_back(row);
    }
    p.add_scenario({.id = "retail-light", .judgments = {{"E1", j}}});
    REQUIRE(validate(p).empty());
    const auto al = alignment(p, AlignmentOptions::from_scenario(p, "retail-light"));
    CHECK(al.goal_weights(p.goal_index("B1")) == Approx(0.08).epsilon(1e-12));
    CHECK(goal_weights(p)(p.goal_index("B1")) != Approx(0.08));  // the model is unchanged
    CHECK(model_from_json(model_to_json(p)) == p);
    Judgments bad = j;
    bad.children = {"B1", "B2", "T1"};
    p.add_scenario({.id = "bad", .judgments = {{"E1", bad}, {"E9", j}}});
    auto problems = validate(p);
    CHECK(fixtures::has_problem(problems, "/scenarios/4/judgments/E1: scenario 'bad': goal 'E1' judges 'T1', which is not one of its children"));
    CHECK(fixtures::has_problem(problems, "/scenarios/4/judgments/E9: scenario 'bad' judges the children of unknown goal 'E9'"));
}

TEST_CASE("scores carry their rank, and one score taken apart is a result of its own", "[scoring]") {
    // The diamond with B also weak on G1: totals D 1, B 1/9 + 0.25, C 0.25, A 0.5 (A_B + A_C).
    auto p = diamond();
    p.add_contribution("B", "G1", Strength::weak);
    AlignmentOptions ranked;
    ranked.rank = true;
    const auto al = alignment(p, ranked);
    // By hand: D 1 > B 0.3611 > A 0.3056 > C 0.25.
    CHECK(al.rank == Eigen::Vector4i(3, 2, 4, 1));  // A, B, C, D
    CHECK(alignment(p).rank.size() == 0);  // not asked for: no sort
    ScoreOptions o;
    const auto t = score(p, o);
    CHECK(t.rank == al.rank);
    CHECK(t.order() == std::vector<Index>{3, 1, 0, 2});
    // Ties go by id: X, Y, Z with equal weighted scores rank in id order.
    Portfolio q{Horizon{2, 1.0, "2027"}};
    q.add_goal({.id = "G", .name = "Goal"});
    for (const char* id : {"Z", "X", "Y"}) q.add_initiative({.id = id, .department = "IT", .duration = 1, .criteria = {{"c", 1}}});
    CHECK(weighted_score(q, {{"c", 1.0, Direction::benefit}}).rank == Eigen::Vector3i(3, 1, 2));

    // A's alignment, taken apart: credit from B and from C, each 0.5 x its total / 1 prerequisite.
    const auto e = explain_score(p, o, t, 0);
    CHECK(e.id == "A");
    CHECK(e.rank == 3);
    CHECK(e.kind == ScoreKind::alignment);
    REQUIRE(e.parts.size() == 2);
    CHECK(e.parts[0].kind == ScorePartKind::enabler);
    CHECK(e.parts[0].source == "B");
    CHECK(e.parts[0].value == Approx(0.5 * (1.0 / 9 + 0.25)).epsilon(1e-15));
    CHECK(e.parts[1].source == "C");
    CHECK(e.parts[1].value == Approx(0.125).epsilon(1e-15));
    CHECK(e.sum_of_parts == Approx(e.score).epsilon(1e-15));
    // B: its goal (strength 1/9 x weight 1) and D's credit.
    const auto b = explain_score(p, o, t, 1);
    REQUIRE(b.parts.size() == 2);
    CHECK(b.parts[0].kind == ScorePartKind::goal);
    CHECK(b.parts[0].source == "G1");
    CHECK(b.parts[0].weight == Approx(1.0));
    CHECK(b.parts[0].value == Approx(1.0 / 9).epsilon(1e-15));
    // The presenters print what the result holds.
    CHECK_THAT(explanation_text(e), Catch::Contains("score 0.305556, rank 3") && Catch::Contains("enabler credit from B"));
    const auto json = nlohmann::json::parse(explanation_json(e));
    CHECK(json["parts"][0]["kind"] == "enabler");
    CHECK(json["rank"] == 3);
    CHECK_THROWS_WITH(explain_score(p, o, t, 9), Catch::Contains("initiative index 9 out of range [0, 4)"));
}
