// Summaries for the command line, the notebook HTML and the steering committee's report.

#include <catch2/catch.hpp>

#include <aligngraph/detail/sha256.hpp>
#include <aligngraph/detail/text.hpp>
#include <aligngraph/io/sample_portfolio.hpp>

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>

#include <nlohmann/json.hpp>

#include <sstream>

#include "fixtures.hpp"

using namespace aligngraph;

namespace {

// The widest line of `text`, in columns (UTF-8 code points).
std::size_t longest_line(const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    std::size_t most = 0;
    while (std::getline(lines, line)) {
        std::size_t cols = 0;
        for (char c : line) cols += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        most = std::max(most, cols);
    }
    return most;
}

}  // namespace

TEST_CASE("the text summary fits the terminal and shows the model", "[report]") {
    auto p = sample_portfolio();
    for (int width : {100, 80}) CHECK(longest_line(summary_text(p, width)) <= static_cast<std::size_t>(width));
    auto text = summary_text(p);
    CHECK_THAT(text, Catch::Contains("Nordbank Regional"));
    CHECK_THAT(text, Catch::Contains("Horizon 2027Q1 to 2029Q4: 12 periods of 0.25 years"));
    CHECK_THAT(text, Catch::Contains("I-01"));
    CHECK_THAT(text, Catch::Contains("(shared by 2 parents)"));
    CHECK_THAT(text, Catch::Contains("Team capacity"));
}

TEST_CASE("the JSON summary carries global weights and totals", "[report]") {
    auto p = fixtures::small_model();
    auto j = nlohmann::json::parse(summary_json(p));
    CHECK(j["goals"][1]["global_weight"].get<double>() == 0.75);
    CHECK(j["initiatives"][1]["total_cost"].get<double>() == 100);
    CHECK(j["initiatives"][1]["total_benefit"].get<double>() == 400);
    CHECK(j["budgets"][0]["planned"][0].get<double>() == 130);  // A's 100 capex + C's 30 opex
    CHECK(j["horizon"]["labels"][3] == "2027Q4");
}

TEST_CASE("problem lists as text and JSON", "[report]") {
    std::vector<Problem> problems{{"/a/0", "first", {}}, {"/b", "second", {"X", "Y", "X"}}};
    CHECK(problems_text(problems, "m.json") == "m.json: /a/0: first\nm.json: /b: second\nm.json: 2 problems\n");
    CHECK(problems_text({}, "m.json") == "m.json: valid\n");
    auto j = nlohmann::json::parse(problems_json(problems, "m.json"));
    CHECK(j["valid"] == false);
    CHECK(j["errors"][1]["cycle"][2] == "X");
}

TEST_CASE("the finance table fits the terminal and marks what it means", "[report][finance]") {
    auto p = sample_portfolio();
    FinanceOptions o;
    auto f = initiative_financials(p, o);
    std::vector<Index> all;
    for (Index i = 0; i < p.initiative_count(); ++i) all.push_back(i);
    auto total = portfolio_financials(p, all, o);
    auto text = financials_text(f, total, 100);
    CHECK(longest_line(text) <= 100);
    CHECK_THAT(text, Catch::Contains("Finance at 8.00% per year"));
    CHECK_THAT(text, Catch::Contains("ALL      34 initiatives"));
    CHECK_THAT(text, Catch::Contains("never"));
    auto j = nlohmann::json::parse(financials_json(f, total));
    CHECK(j["initiatives"].size() == 34);
    CHECK(j["currency"] == p.settings().currency);
    CHECK(j["yearly_rate"].get<double>() == 0.08);
    CHECK(j["convention"] == "numpy");
    CHECK(j["portfolio"]["initiatives"].size() == 34);
    // The result says what it was computed for: the presenter needs no model.
    CHECK(f.ids == p.initiative_ids());
    CHECK(total.ids == std::vector<std::string>{"portfolio"});
    CHECK(total.members.front() == p.initiative_ids().front());
    FinanceOptions excel;
    excel.discount_rate = 0.12;
    excel.convention = NpvConvention::excel;
    const auto fe = initiative_financials(p, excel);
    CHECK(fe.yearly_rate == 0.12);
    CHECK(fe.finance_rate == 0.12);
    // (1.12)^(1/4) - 1 per quarter, by hand.
    CHECK(fe.period_rate == Approx(std::pow(1.12, 0.25) - 1).epsilon(1e-14));
    CHECK_THAT(financials_text(fe, portfolio_financials(p, all, excel)), Catch::Contains("Finance at 12.00% per year") &&
                                                                           Catch::Contains("Excel's NPV"));
    CHECK(j["initiatives"][0]["irr"].is_null());  // the platform returns nothing: no IRR, null not NaN
    CHECK(j["portfolio"]["npv"].get<double>() == Approx(f.npv.sum()).epsilon(1e-12));
}

TEST_CASE("the optimal portfolio and frontier reports fit the terminal", "[report][selection]") {
    auto p = sample_portfolio();
    const auto r = optimize(p);
    for (int width : {100, 80, 60}) {
        const auto text = selection_text(r, width);
        CHECK(longest_line(text) <= static_cast<std::size_t>(width));
        CHECK_THAT(text, Catch::Contains("Left out, and why:"));
    }
    CHECK(longest_line(frontier_text(frontier(p, {0.25, 0.5, 1.0}))) <= 100);  // 0.25 is infeasible, with its reason
    CHECK(longest_line(frontier_text(frontier(p, {0.5, 1.0}, Sweep::total))) <= 100);
}

TEST_CASE("one money format in every text output", "[report]") {
    using aligngraph::detail::money;
    CHECK(money(0) == "0");
    CHECK(money(950) == "950");
    CHECK(money(12.5) == "12.5");
    CHECK(money(0.0123449) == "0.01234");
    CHECK(money(999.94) == "999.9");
    CHECK(money(999.96) == "1.0k");
    CHECK(money(210000) == "210.0k");
    CHECK(money(-2276534) == "-2.28M");
    CHECK(money(2785730) == "2.79M");
    CHECK(money(999996) == "1.00M");
    CHECK(money(38.8e6) == "38.80M");
    CHECK(money(1.2e9) == "1.20B");
    CHECK(money(5e12) == "5.00T");
    CHECK(money(std::nan("")) == "-");
    CHECK(money(1e-320) == "0");  // a subnormal cost printed as 1e-320
    CHECK(money(-0.00009) == "0");
    CHECK(money(0.0001) == "0.0001");
    // No text output writes an exponent or a long run of digits.
    auto p = sample_portfolio();
    const auto r = optimize(p);
    const auto f = initiative_financials(p);
    std::vector<Index> all(static_cast<std::size_t>(p.initiative_count()));
    for (Index i = 0; i < p.initiative_count(); ++i) all[static_cast<std::size_t>(i)] = i;
    const std::regex exponent{"[0-9]e[+-][0-9]"}, long_number{"[0-9]{6}"};
    for (const auto& text : {selection_text(r), frontier_text(frontier(p, {0.5, 1.0, 1.5})), summary_text(p),
                             financials_text(f, portfolio_financials(p, all))}) {
        CHECK_FALSE(std::regex_search(text, exponent));
        CHECK_FALSE(std::regex_search(text, long_number));
    }
    CHECK_THAT(selection_text(r), Catch::Contains("value " + money(r.value)));
}

TEST_CASE("the chance-constrained report fits the terminal and shows every budget either breaks", "[report][risk]") {
    const auto p = sample_portfolio();
    ChanceOptions o;
    o.scenarios = 300;
    o.fresh = 2000;
    const auto c = chance_constrained(p, o);
    // The rows shown: those either portfolio is over on some fresh sample.
    std::vector<std::string> shown;
    for (Index r = 0; r < c.row_count(); ++r)
        if (c.fresh_over(r) > 0 || c.planned_fresh_over(r) > 0) shown.push_back(c.budget_names[static_cast<std::size_t>(r)]);
    REQUIRE_FALSE(shown.empty());  // the plan breaks some budget: the sample makes the point
    for (int width : {60, 80, 100, 160}) {
        CAPTURE(width);
        const auto text = chance_text(c, width);
        CHECK(longest_line(text) <= static_cast<std::size_t>(width));
        // Wrapped at any width: the words in order.
        const auto words = std::regex_replace(text, std::regex("\\s+"), " ");
        CHECK_THAT(words, Catch::Contains("in at most 5% of the scenarios (15 of 300;"));
        CHECK_THAT(text, Catch::Contains("Share of the 2000 fresh samples over the limit:"));
        for (Index i : c.selected) CHECK_THAT(text, Catch::Contains(c.ids[static_cast<std::size_t>(i)]));
        if (width >= 80)
            for (const auto& row : shown) CHECK_THAT(text, Catch::Contains(row));
        CHECK(std::count(text.begin(), text.end(), '%') >= static_cast<long>(shown.size() * 2));
    }
    // Without fresh samples: the shares in the sample, no interval.
    o.fresh = 0;
    const auto in_sample = chance_text(chance_constrained(p, o));
    CHECK_THAT(in_sample, Catch::Contains("Share of the scenarios over the limit:"));
    CHECK_THAT(in_sample, !Catch::Contains("95% interval"));
    // The JSON carries every row and the numbers of the result.
    const auto j = nlohmann::json::parse(chance_json(c));
    CHECK(j["budgets"].size() == static_cast<std::size_t>(c.row_count()));
    CHECK(j["allowed"] == 15);
    CHECK(j["selection"].size() == c.selected.size());
    CHECK(j["expected_value"].get<double>() == c.expected_value);
    CHECK(j["planned"]["fresh_any_over"].get<double>() == c.planned_fresh_any_over);
    const auto shown_json = std::count_if(j["budgets"].begin(), j["budgets"].end(), [](const auto& row) {
        return row["fresh_over"].template get<double>() > 0 || row["planned_fresh_over"].template get<double>() > 0;
    });
    CHECK(shown_json == static_cast<long>(shown.size()));
}

namespace {
std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}
}  // namespace

TEST_CASE("svg: charts draw one mark per item, escaped, and nothing from outside", "[report]") {
    CHECK(svg::escape("<a href=\"x\">R&D's</a>") == "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
    const auto b = svg::bars({{"A <1>", 3.0}, {"B", -1.0}, {"C", 1.5, "50%"}}, 400, "three");
    CHECK(count_of(b, "class=\"bar\"") == 3);
    CHECK_THAT(b, Catch::Contains("A &lt;1&gt;"));
    CHECK_THAT(b, Catch::Contains(">50%<"));
    CHECK_THAT(b, Catch::Contains("<title>three</title>"));
    CHECK(count_of(b, "<line") == 1);
    const auto h = svg::histogram({-2, -1, 0, 1, 2}, {1, 2, 3, 4}, 0.0, "zero");
    CHECK(count_of(h, "class=\"bin\"") == 4);
    CHECK(count_of(h, "class=\"marker\"") == 1);
    CHECK(count_of(h, svg::vermillion) == 2);  // the two bins below the marker
    CHECK(count_of(svg::histogram({1, 2, 3}, {5, 5}, 0.0, "zero"), "class=\"marker\"") == 0);  // 0 outside: no marker
    const auto g = svg::gantt({{"X", 0, 2, false}, {"Y", 2, 5, true}}, {"Q1", "Q2", "Q3", "Q4", "Q5"});
    CHECK(count_of(g, "class=\"task\"") == 2);
    CHECK_THAT(g, Catch::Contains("Y: Q3 to Q5 (critical)"));
    for (const auto& s : {b, h, g}) {
        CHECK(s.find("href") == std::string::npos);
        CHECK(s.find("<script") == std::string::npos);
    }
}

TEST_CASE("notebook HTML: each result's table and chart", "[report]") {
    const auto p = sample_portfolio();
    const auto r = optimize(p);
    const auto html = selection_html(r);
    CHECK(count_of(html, "class=\"bar\"") == std::min<std::size_t>(12, r.selected.size()));
    CHECK_THAT(html, Catch::Contains(fmt::format("{} of {}", r.selected.size(), p.initiative_count())));
    CHECK_THAT(portfolio_html(p), Catch::Contains("<table>"));
    RiskOptions o;
    o.samples = 2048;
    const auto sim = simulate(p, o);
    const auto risk = risk_html(sim);
    CHECK(count_of(risk, "class=\"bin\"") == sim.histogram_counts.size());
    CHECK_THAT(risk, Catch::Contains("P(NPV &lt; 0)"));
}

TEST_CASE("sha256 of the published test vectors (FIPS 180-4 examples)", "[report]") {
    CHECK(detail::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(detail::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(detail::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(detail::sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("svg: limits, ranges and a curve with its knee and chosen point", "[report]") {
    svg::Bar capped{"IT", 80.0, "80 of 100"};
    capped.limit = 100;
    const auto b = svg::bars({capped, {"Ops", 30.0}}, 400);
    CHECK(count_of(b, "class=\"limit\"") == 1);
    CHECK_THAT(b, Catch::Contains("IT: limit 100"));
    const auto t = svg::ranges({{"A cost", 8, 12, ""}, {"B success", 2, 10, ""}, {"C flat", 10, 10, ""}}, 10.0, "base");
    CHECK(count_of(t, "class=\"range\"") == 3);
    CHECK(count_of(t, "class=\"centre\"") == 1);
    CHECK(count_of(t, svg::vermillion) == 2);  // A and B reach below the centre, C does not
    const auto c = svg::curve({{1, 1, "a"}, {2, 3, "b"}, {3, 3.5, "c"}}, "money", "NPV", 1, 2);
    CHECK(count_of(c, "class=\"point") == 3);
    CHECK(count_of(c, "knee") == 1);
    CHECK(count_of(c, "chosen") == 1);
    CHECK_THAT(c, Catch::Contains(">money<"));
}

namespace {

// The number of rows of the first table after `marker` in `html`.
std::size_t rows_after(const std::string& html, const std::string& marker) {
    const auto at = html.find(marker);
    if (at == std::string::npos) return 0;
    const auto body = html.find("<tbody>", at), end = html.find("</tbody>", body);
    return count_of(html.substr(body, end - body), "<tr");
}

// The text of section `id`.
std::string section_of(const std::string& html, const std::string& id) {
    const auto at = html.find("<section id=\"" + id + "\">");
    if (at == std::string::npos) return {};
    return html.substr(at, html.find("</section>", at) - at);
}

}  // namespace

TEST_CASE("report: every section, each chart with one mark per item, nothing from outside", "[report]") {
    const auto p = sample_portfolio();
    ReportOptions o;
    o.samples = 4096;
    o.time_limit = 30;
    o.model_file = "sample.json";
    o.model_file_sha256 = "00ff";
    const auto b = brief(p, o);
    const auto html = report_html(p, b);
    for (const char* id : {"summary", "goals", "ranking", "finance", "portfolio", "frontier", "roadmap", "risk", "assumptions"})
        CHECK_FALSE(section_of(html, id).empty());
    const auto n = static_cast<std::size_t>(p.initiative_count());
    const auto funded = b.optimal.selected.size();
    // The funded portfolio is the optimum the selection solver finds on its own.
    const auto alone = optimize(p, {.objective = Objective::npv});
    CHECK(b.optimal.selected == alone.selected);
    CHECK(b.optimal.value == Approx(alone.value));
    // Finance: one bar and one row per initiative, and the portfolio row.
    CHECK(count_of(section_of(html, "finance"), "class=\"bar\"") == n);
    CHECK(rows_after(html, "<section id=\"finance\">") == n + 1);
    // Ranking: the first 15 as bars, every initiative in the table, the explained ones listed.
    CHECK(count_of(section_of(html, "ranking"), "class=\"bar\"") == std::min<std::size_t>(15, n));
    CHECK(b.explanations.size() == 10);
    // The portfolio: one row per funded initiative and per left-out one; one bar per pool with its limit.
    CHECK(rows_after(html, "<h3>Funded, and what") == funded);
    CHECK(rows_after(html, "<h3>Left out, and why</h3>") == n - funded);
    CHECK(count_of(section_of(html, "portfolio"), "class=\"limit\"") == b.optimal.pools.size());
    // Frontier: a point per feasible level, the plan (factor 1) chosen, its value the optimum's.
    REQUIRE(b.plan_level >= 0);
    CHECK(b.frontier[static_cast<std::size_t>(b.plan_level)].factor == 1.0);
    CHECK(b.frontier[static_cast<std::size_t>(b.plan_level)].result.value == Approx(alone.value));
    std::size_t feasible = 0;
    for (const auto& pt : b.frontier) feasible += pt.feasible;
    CHECK(count_of(section_of(html, "frontier"), "class=\"point") == feasible);
    CHECK(count_of(section_of(html, "frontier"), " chosen\"") == 1);
    // Roadmap: a task per funded initiative; risk: 40 bins, a tornado.
    REQUIRE(b.roadmap);
    CHECK(count_of(section_of(html, "roadmap"), "class=\"task\"") == funded);
    REQUIRE(b.risk);
    CHECK(count_of(section_of(html, "risk"), "class=\"bin\"") == 40);
    CHECK(count_of(section_of(html, "risk"), "class=\"range\"") >= 1);
    // Assumptions: the file and its hash as given; the model's own hash, of its canonical text.
    const auto assumptions = section_of(html, "assumptions");
    CHECK_THAT(assumptions, Catch::Contains("sample.json") && Catch::Contains("00ff"));
    CHECK_THAT(assumptions, Catch::Contains(detail::sha256_hex(model_to_json(p))));
    // Self-contained: no script, nothing fetched, links only within the page.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(std::regex_search(html, std::regex("href=\"[^#]")) == false);
    CHECK_THAT(html, Catch::Contains("@media print"));
    // The same input and seed: the same report, to the byte (no time or path of its own).
    CHECK(report_html(p, brief(p, o)) == html);
}

TEST_CASE("report: text from the model is escaped, sections asked away say so, an impossible roadmap leaves a note", "[report]") {
    auto p = sample_portfolio();
    p.set_name("Q3 <script>alert(1)</script> & co");
    ReportOptions o;
    o.risk = false;
    o.frontier_levels = {};
    o.time_limit = 30;
    const auto html = report_html(p, brief(p, o));
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK_THAT(html, Catch::Contains("Q3 &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    CHECK_THAT(section_of(html, "risk"), Catch::Contains("No Monte Carlo: not asked for."));
    CHECK_THAT(section_of(html, "frontier"), Catch::Contains("Not asked for."));
    // A team with no capacity that a funded initiative needs: no roadmap can exist.
    const auto funded = optimize(p).selected.front();
    const auto& id = p.initiative_ids()[static_cast<std::size_t>(funded)];
    p.add_team({"T0", "Nobody", std::vector<double>(static_cast<std::size_t>(p.horizon().periods), 0.0)});
    p.set_demand(id, "T0", std::vector<double>(static_cast<std::size_t>(p.initiative(funded).duration), 1.0));
    o.risk = true;
    o.samples = 1024;
    const auto b = brief(p, o);
    CHECK_FALSE(b.roadmap);
    CHECK_THAT(b.roadmap_note, Catch::Contains("no roadmap fits") && Catch::Contains(id));
    REQUIRE(b.risk);  // at the planned starts instead
    CHECK_THAT(section_of(report_html(p, b), "roadmap"), Catch::Contains("No roadmap: no roadmap fits"));
}

TEST_CASE("report: bad options are refused by name", "[report]") {
    const auto p = sample_portfolio();
    CHECK_THROWS_WITH(brief(p, {.scenario = "nope"}), Catch::Contains("no scenario 'nope'"));
    CHECK_THROWS_WITH(brief(p, {.time_limit = 0}), Catch::Contains("time_limit"));
    ReportOptions o;
    o.frontier_levels = {1.0, -2.0};
    CHECK_THROWS_WITH(brief(p, o), Catch::Contains("frontier level") && Catch::Contains("-2"));
    o = {};
    o.samples = 0;
    CHECK_THROWS_WITH(brief(p, o), Catch::Contains("samples"));
}

TEST_CASE("report: written atomically, and an unwritable path is an error naming it", "[report]") {
    const auto p = sample_portfolio();
    ReportOptions o;
    o.risk = false;
    o.roadmap = false;
    o.frontier_levels = {};
    const auto b = brief(p, o);
    const auto dir = std::filesystem::temp_directory_path() / fmt::format("ag-report-{}", std::random_device{}());
    std::filesystem::create_directories(dir);
    const auto path = dir / "report.html";
    write_report(path, p, b);
    std::ifstream in(path, std::ios::binary);
    const std::string written{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(written == report_html(p, b));
    CHECK_THROWS_WITH(write_report(dir / "missing" / "r.html", p, b), Catch::Contains("missing"));
    std::filesystem::remove_all(dir);
}
