// AHP: published examples, hand-built cases, consistency, completion, aggregation, bad input.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <map>

#include "fixtures.hpp"
#include "reference_data.hpp"

using namespace aligngraph;
using json = nlohmann::json;

namespace {

RandomIndex table_of(const std::string& name) {
    if (name == "saaty2005") return RandomIndex::saaty_2005;
    if (name == "saaty1980") return RandomIndex::saaty_1980;
    return RandomIndex::donegan_dodd_1991;
}

Eigen::MatrixXd matrix_of(const json& node) {
    const auto& elements = node["elements"];
    const Index n = static_cast<Index>(elements.size());
    Eigen::MatrixXd m = Eigen::MatrixXd::Constant(n, n, std::numeric_limits<double>::quiet_NaN());
    if (!node["matrix"].is_null()) {
        for (Index i = 0; i < n; ++i)
            for (Index j = 0; j < n; ++j) m(i, j) = node["matrix"][i][j].get<double>();
        return m;
    }
    std::map<std::string, Index> at;
    for (Index i = 0; i < n; ++i) at[elements[i].get<std::string>()] = i;
    for (Index i = 0; i < n; ++i) m(i, i) = 1;
    for (const auto& c : node["comparisons"]) {
        const Index i = at.at(c["row"]), j = at.at(c["col"]);
        m(i, j) = c["value"].get<double>();
        m(j, i) = 1 / m(i, j);
    }
    return m;
}

bool near(double got, double want, int precision) { return std::abs(got - want) <= 0.5 * std::pow(10.0, -precision) + 1e-12; }

}  // namespace

TEST_CASE("AHP reproduces the published examples", "[weights][reference]") {
    const auto path = reference_data::require("ahp-examples/ahp_examples.json");
    if (path.empty()) return;
    std::ifstream in(path);
    const auto doc = json::parse(in);
    int checks = 0;
    for (const auto& example : doc["examples"]) {
        const std::string id = example["id"];
        std::map<std::string, const json*> nodes;
        for (const auto& node : example["nodes"]) nodes[node["name"]] = &node;
        std::string table = "donegan_dodd_1991";
        for (const auto& node : example["nodes"]) {
            const auto& e = node["expected"];
            if (e.contains("random_index_table")) table = e["random_index_table"];
            if (!e.contains("priorities") && !e.contains("consistency_ratio")) continue;
            INFO(id << " / " << node["name"].get<std::string>());
            AhpOptions o;
            o.random_index = table_of(e.value("random_index_table", std::string("donegan_dodd_1991")));
            const auto r = ahp(matrix_of(node), o);
            const int precision = e.value("precision", 4);
            if (e.contains("priorities"))
                for (std::size_t k = 0; k < node["elements"].size(); ++k) {
                    const std::string name = node["elements"][k];
                    INFO(name);
                    CHECK(near(r.weights(static_cast<Index>(k)), e["priorities"][name].get<double>(), precision));
                    ++checks;
                }
            if (e.contains("consistency_ratio")) {
                CHECK(near(r.cr, e["consistency_ratio"].get<double>(), precision));
                ++checks;
            }
            if (e.contains("completed")) {
                // The single missing judgment (c, d) minimises lambda_max.
                CHECK(r.completed(2, 3) == Approx(e["completed"]["c,d"].get<double>()).epsilon(1e-6));
                ++checks;
            }
        }
        if (example.contains("expected_synthesis") && !example["expected_synthesis"].is_null()) {
            // Distributive synthesis: global weight = product of local weights down the tree.
            const auto& h = example["hierarchy"];
            AhpOptions o;
            o.random_index = table_of(table);
            std::map<std::string, double> final_weights;
            std::function<void(const std::string&, double)> walk = [&](const std::string& name, double weight) {
                const auto& node = *nodes.at(name);
                const auto r = ahp(matrix_of(node), o);
                for (std::size_t k = 0; k < node["elements"].size(); ++k) {
                    const std::string child = node["elements"][k];
                    const double w = weight * r.weights(static_cast<Index>(k));
                    if (nodes.count(child) && child != name) walk(child, w);
                    else final_weights[child] += w;
                }
            };
            walk(h["Goal"].get<std::string>(), 1.0);
            const auto& s = example["expected_synthesis"];
            for (auto& [alt, w] : final_weights) {
                INFO(id << " synthesis " << alt);
                CHECK(near(w, s[alt].get<double>(), s.value("precision", 3)));
                ++checks;
            }
        }
    }
    CHECK(checks >= 60);
}

TEST_CASE("a consistent matrix gives back its weights by both methods", "[weights]") {
    const Eigen::Vector4d w(0.4, 0.3, 0.2, 0.1);
    Eigen::MatrixXd a(4, 4);
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) a(i, j) = w(i) / w(j);
    for (auto method : {AhpMethod::eigenvector, AhpMethod::geometric_mean}) {
        AhpOptions o;
        o.method = method;
        const auto r = ahp(a, o);
        CHECK((r.weights - w).cwiseAbs().maxCoeff() < 1e-14);
        CHECK(r.lambda_max == Approx(4).epsilon(1e-12));
        CHECK(r.cr < 1e-12);
        CHECK(r.warnings.empty());
    }
}

TEST_CASE("the most inconsistent judgment is found, with the value that fits", "[weights]") {
    const Eigen::Vector4d w(0.4, 0.3, 0.2, 0.1);
    Eigen::MatrixXd a(4, 4);
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) a(i, j) = w(i) / w(j);
    a(1, 3) = 9;  // should be 3
    a(3, 1) = 1.0 / 9;
    const auto r = ahp(a);
    CHECK(r.worst_judgment.row == 1);
    CHECK(r.worst_judgment.col == 3);
    CHECK(r.worst_judgment.value == 9);
    CHECK(r.worst_judgment.consistent_value < 9);
    CHECK(r.worst_judgment.consistent_value > 3);

    SECTION("CR above 0.1 is accepted with a warning") {
        Eigen::MatrixXd b(3, 3);
        b << 1, 9, 1.0 / 9, 1.0 / 9, 1, 9, 9, 1.0 / 9, 1;  // a > b > c > a
        const auto bad = ahp(b);
        CHECK(bad.cr > 0.1);
        REQUIRE(bad.warnings.size() == 1);
        CHECK_THAT(bad.warnings[0], Catch::Contains("consistency ratio") && Catch::Contains("exceeds 0.1"));
    }
}

TEST_CASE("random index tables", "[weights]") {
    CHECK(random_index(RandomIndex::saaty_1980, 3) == 0.58);
    CHECK(random_index(RandomIndex::saaty_2005, 7) == 1.35);
    CHECK(random_index(RandomIndex::donegan_dodd_1991, 7) == 1.2519);
    // Donegan-Dodd interpolates: n = 22 between 20 (1.5371) and 25 (1.5619).
    CHECK(random_index(RandomIndex::donegan_dodd_1991, 22) == Approx(1.5371 + 0.4 * (1.5619 - 1.5371)).epsilon(1e-15));
    CHECK(random_index(RandomIndex::saaty_1980, 2) == 0);
    REQUIRE_THROWS_WITH(random_index(RandomIndex::saaty_1980, 12), Catch::Contains("Saaty 1980 table has no value for n = 12"));
}

TEST_CASE("group judgments: geometric mean of individual judgments", "[weights]") {
    Eigen::MatrixXd a(2, 2), b(2, 2);
    a << 1, 4, 0.25, 1;
    b << 1, 1, 1, 1;
    const auto g = aggregate_judgments({a, b});
    CHECK(g(0, 1) == Approx(2.0).epsilon(1e-15));  // sqrt(4 * 1)
    CHECK(g(1, 0) == Approx(0.5).epsilon(1e-15));
    REQUIRE_THROWS_WITH(aggregate_judgments({a, Eigen::MatrixXd::Ones(3, 3)}), Catch::Contains("matrix 1 is 3 x 3, expected 2 x 2"));
    REQUIRE_THROWS_WITH(aggregate_judgments({}), Catch::Contains("no matrices"));
}

TEST_CASE("bad AHP input", "[weights][validation]") {
    Eigen::MatrixXd a(3, 3);
    a << 1, 3, 5, 1.0 / 3, 1, 2, 1.0 / 5, 1.0 / 2, 1;
    Eigen::MatrixXd nr = a;
    nr(1, 0) = 0.5;
    REQUIRE_THROWS_WITH(ahp(nr), Catch::Contains("a(0, 1) = 3 and a(1, 0) = 0.5 are not reciprocal"));
    Eigen::MatrixXd neg = a;
    neg(0, 2) = -5;
    REQUIRE_THROWS_WITH(ahp(neg), Catch::Contains("a(0, 2) = -5, expected a finite judgment > 0"));
    REQUIRE_THROWS_WITH(ahp(Eigen::MatrixXd::Ones(2, 3)), Catch::Contains("2 x 3, expected a non-empty square matrix"));
    Eigen::MatrixXd diag = a;
    diag(1, 1) = 2;
    REQUIRE_THROWS_WITH(ahp(diag), Catch::Contains("a(1, 1) = 2, expected 1 on the diagonal"));
    Eigen::MatrixXd big = a;
    big(0, 1) = 12;
    big(1, 0) = 1.0 / 12;
    CHECK_THAT(ahp(big).warnings.front(), Catch::Contains("outside Saaty's scale"));
    AhpOptions strict;
    strict.strict = true;
    REQUIRE_THROWS_WITH(ahp(big, strict), Catch::Contains("a(0, 1) = 12 is outside Saaty's scale"));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Eigen::MatrixXd cut(4, 4);
    cut << 1, 2, nan, nan, 0.5, 1, nan, nan, nan, nan, 1, 3, nan, nan, 1.0 / 3, 1;
    REQUIRE_THROWS_WITH(ahp(cut), Catch::Contains("element 2 is not compared with element 0"));
}
