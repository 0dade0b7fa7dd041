// Tests for the template and expression engine (runtime/spec/expr.h).
#include <catch2/catch.hpp>

#include "runtime/spec/expr.h"
#include "runtime/spec/dates.h"

#include <algorithm>
#include <chrono>
#include <set>

using namespace pt;
using Catch::Matchers::Contains;

namespace {

double at(const char* iso) {
    double t = 0;
    REQUIRE(parseDateTime(iso, &t));
    return t;
}

// The simulated clock used throughout: Friday 2026-05-01, 09:30.
const double kNow = 20574 * 86400.0 + 9.5 * 3600;

Json sampleState() {
    return Json::parse(R"({
        "user": {"name": "Ada Lovelace", "id": 7, "tags": ["admin", "beta"], "a/b": 1, "key with space": "yes"},
        "habits": [
            {"name": "Read", "done": true, "minutes": 30, "category": "mind"},
            {"name": "Run", "done": false, "minutes": 45, "category": "body"},
            {"name": "Meditate", "done": true, "minutes": 10, "category": "mind"}
        ],
        "cart": [{"price": 2.5, "qty": 2}, {"price": 10, "qty": 1}],
        "count": 3,
        "empty": [],
        "nothing": null,
        "label": "42"
    })");
}

Template compiled(const Json& raw) {
    Template t;
    std::string error;
    INFO("compiling " << raw.dump());
    REQUIRE(t.compile(raw, &error));
    CHECK(error.empty());
    return t;
}

// Compiles and evaluates `src` against `state` on the simulated clock.
Json run(const std::string& src, const Json& state = sampleState(), std::string* error = nullptr, double now = kNow) {
    const Template t = compiled(Json(src));
    Scope scope(&state);
    EvalEnv env;
    env.now = now;
    return t.eval(scope, env, error);
}

std::string show(const std::string& src, const Json& state = sampleState()) { return toDisplayString(run(src, state)); }

// Compiles `src` expecting a syntax error and returns its message.
std::string compileError(const Json& raw, std::string* pointer = nullptr) {
    Template t;
    std::string error;
    INFO("compiling " << raw.dump());
    REQUIRE_FALSE(t.compile(raw, &error, pointer));
    return error;
}

} // namespace

TEST_CASE("toDisplayString and truthy follow the documented rules", "[expr][values]") {
    CHECK(toDisplayString(Json()) == "");
    CHECK(toDisplayString(true) == "true");
    CHECK(toDisplayString(false) == "false");
    CHECK(toDisplayString(3) == "3");
    CHECK(toDisplayString(Json(3u)) == "3");
    CHECK(toDisplayString(-12) == "-12");
    CHECK(toDisplayString(2.5) == "2.5");
    CHECK(toDisplayString(3.0) == "3");
    CHECK(toDisplayString(0.1 + 0.2) == "0.3");
    CHECK(toDisplayString(1.0 / 3.0) == "0.3333333333");
    CHECK(toDisplayString(-0.0) == "0");
    CHECK(toDisplayString(1e15) == "1000000000000000");
    CHECK(toDisplayString(12345678901.25) == "12345678901");
    CHECK(toDisplayString("hi") == "hi");
    CHECK(toDisplayString(Json::parse(R"([1,"a",null])")) == R"([1,"a",null])");
    CHECK(toDisplayString(Json::parse(R"({"b":1,"a":2})")) == R"({"b":1,"a":2})");

    CHECK_FALSE(truthy(Json()));
    CHECK_FALSE(truthy(false));
    CHECK_FALSE(truthy(0));
    CHECK_FALSE(truthy(0.0));
    CHECK_FALSE(truthy(std::nan("")));
    CHECK_FALSE(truthy(""));
    CHECK_FALSE(truthy(Json::array()));
    CHECK(truthy(Json::object()));
    CHECK(truthy(true));
    CHECK(truthy(-1));
    CHECK(truthy("0"));
    CHECK(truthy(Json::array({0})));
}

TEST_CASE("literals", "[expr][literals]") {
    CHECK(run("${42}") == 42);
    CHECK(run("${42}").is_number_integer());
    CHECK(run("${2.5}") == 2.5);
    CHECK(run("${.5}") == 0.5);
    CHECK(run("${1e3}") == 1000);
    CHECK(run("${'single'}") == "single");
    CHECK(run("${\"double\"}") == "double");
    CHECK(run(R"(${'it\'s'})") == "it's");
    CHECK(run(R"(${"a\\b"})") == "a\\b");
    CHECK(run(R"(${'line\nbreak'})") == "line\nbreak");
    CHECK(run("${true}") == true);
    CHECK(run("${false}") == false);
    CHECK(run("${null}").is_null());
    CHECK(run("${[1, 'two', [3]]}") == Json::parse(R"([1, "two", [3]])"));
    CHECK(run("${[]}") == Json::array());
    CHECK(run("${[1, 2, ]}") == Json::parse("[1, 2]"));
    CHECK(run("${{k: 1, 'k2': 'v', \"k 3\": [true]}}") == Json::parse(R"({"k": 1, "k2": "v", "k 3": [true]})"));
    CHECK(run("${{}}") == Json::object());
    CHECK(run("${{b: 1, a: 2}}").dump() == R"({"b":1,"a":2})");  // authored key order is kept
}

TEST_CASE("paths resolve against scope and state", "[expr][paths]") {
    CHECK(run("${user.name}") == "Ada Lovelace");
    CHECK(run("${habits[0].name}") == "Read");
    CHECK(run("${habits[2]['name']}") == "Meditate");
    CHECK(run("${user['key with space']}") == "yes");
    CHECK(run("${user['a/b']}") == 1);
    CHECK(run("${user.tags[1]}") == "beta");
    CHECK(run("${habits.length}") == 3);
    CHECK(run("${user.name.length}") == 12);
    CHECK(run("${'héllo'.length}") == 5);
    CHECK(run("${user.name[0]}") == "A");
    CHECK(run("${habits[1 + 1].minutes}") == 10);

    SECTION("unknown roots, members of null and out-of-range indexes are null, not errors") {
        std::string error = "stale";
        CHECK(run("${missing}", sampleState(), &error).is_null());
        CHECK(error.empty());
        CHECK(run("${missing.deeper.still}").is_null());
        CHECK(run("${nothing.name}").is_null());
        CHECK(run("${habits[10].name}").is_null());
        CHECK(run("${habits[-1]}").is_null());
        CHECK(run("${count.name}").is_null());
        CHECK(run("${user.length}").is_null());
        CHECK(run("${user?.name}") == "Ada Lovelace");
    }

    SECTION("scope variables shadow state keys; index works as a subscript") {
        const Json state = sampleState();
        Scope outer(&state);
        outer.bindRef("h", &state["habits"][1]);
        outer.bindValue("index", 2);
        Scope inner(&state, &outer);
        inner.bindValue("count", "shadowed");
        EvalEnv env;
        CHECK(compiled("${h.name}").eval(inner, env) == "Run");
        CHECK(compiled("${habits[index].name}").eval(inner, env) == "Meditate");
        CHECK(compiled("${count}").eval(inner, env) == "shadowed");
        CHECK(compiled("${count}").eval(outer, env) == 3);
    }
}

TEST_CASE("Scope::find searches newest-first, then parents, then state", "[expr][scope]") {
    const Json state = Json::parse(R"({"a": 1, "b": 2})");
    const Json external = "external";
    Scope root(&state);
    CHECK(*root.find("a") == 1);
    CHECK(root.find("zzz") == nullptr);
    CHECK(root.state() == &state);
    CHECK(root.parent() == nullptr);

    Scope child(&state, &root);
    child.bindRef("x", &external);
    child.bindValue("x", 10);  // newer binding of the same name wins
    child.bindValue("a", "shadow");
    CHECK(child.find("x")->get<int>() == 10);
    CHECK(*child.find("a") == "shadow");
    CHECK(*child.find("b") == 2);
    CHECK(child.parent() == &root);

    Scope refOnly(&state);
    refOnly.bindRef("e", &external);
    refOnly.bindValue("v1", 1);
    refOnly.bindValue("v2", 2);  // later binds do not move borrowed values
    CHECK(refOnly.find("e") == &external);

    Scope stateless(nullptr);
    CHECK(stateless.find("a") == nullptr);
}

TEST_CASE("operators and precedence", "[expr][operators]") {
    CHECK(run("${1 + 2 * 3}") == 7);
    CHECK(run("${(1 + 2) * 3}") == 9);
    CHECK(run("${10 - 4 - 3}") == 3);
    CHECK(run("${2 * 3 % 4}") == 2);
    CHECK(run("${7 / 2}") == 3.5);
    CHECK(run("${6 / 3}").is_number_integer());
    CHECK(run("${7 % 3}") == 1);
    CHECK(run("${-2 * 3}") == -6);
    CHECK(run("${- -2}") == 2);
    CHECK(run("${+label + 1}") == 43);
    CHECK(show("${1 / 0}") == "Infinity");
    CHECK(run("${!true}") == false);
    CHECK(run("${!!''}") == false);
    CHECK(run("${!empty}") == true);
    CHECK(run("${1 + 2 > 2 && 3 < 4}") == true);
    CHECK(run("${'3' * '4'}") == 12);

    SECTION("+ concatenates strings and arrays") {
        CHECK(run("${'a' + 1}") == "a1");
        CHECK(run("${1 + 2 + 'x'}") == "3x");
        CHECK(run("${'x' + 1 + 2}") == "x12");
        CHECK(run("${'n: ' + null}") == "n: ");
        CHECK(run("${[1] + [2, 3]}") == Json::parse("[1, 2, 3]"));
        CHECK(run("${0.1 + 0.2}").get<double>() == Approx(0.3));
    }

    SECTION("equality is loose between numbers and numeric strings") {
        CHECK(run("${1 == '1'}") == true);
        CHECK(run("${'1.0' == 1}") == true);
        CHECK(run("${label == 42}") == true);
        CHECK(run("${'abc' == 'abc'}") == true);
        CHECK(run("${'abc' != 'abd'}") == true);
        CHECK(run("${'abc' == 0}") == false);
        CHECK(run("${null == null}") == true);
        CHECK(run("${null == 0}") == false);
        CHECK(run("${missing == null}") == true);
        CHECK(run("${true == 1}") == true);
        CHECK(run("${[1, 2] == [1, 2]}") == true);
        CHECK(run("${{a: 1} == {a: 2}}") == false);
        CHECK(run("${user.id === 7}") == true);
        CHECK(run("${user.id !== 7}") == false);
    }

    SECTION("relational operators compare strings lexicographically") {
        CHECK(run("${'2026-05-01' < '2026-05-10'}") == true);
        CHECK(run("${'2026-05-01T09:30' > '2026-05-01'}") == true);
        CHECK(run("${'b' >= 'a'}") == true);
        CHECK(run("${2 <= 2}") == true);
        CHECK(run("${10 > 9}") == true);
        CHECK(run("${'10' > 9}") == true);
        CHECK(run("${'abc' < 1}") == false);
        CHECK(run("${'abc' >= 1}") == false);
    }

    SECTION("|| and && return the deciding operand; ?? only replaces null") {
        CHECK(run("${0 || 'x'}") == "x");
        CHECK(run("${'a' || 'b'}") == "a");
        CHECK(run("${'a' && 'b'}") == "b");
        CHECK(run("${'' && 'b'}") == "");
        CHECK(run("${nothing ?? 'fallback'}") == "fallback");
        CHECK(run("${0 ?? 5}") == 0);
        CHECK(run("${'' ?? 5}") == "");
        CHECK(run("${null ?? null ?? 3}") == 3);
        CHECK(run("${missing || 1 + 1}") == 2);
    }

    SECTION("ternaries nest to the right and bind loosest") {
        CHECK(run("${count > 2 ? 'many' : 'few'}") == "many");
        CHECK(run("${count == 1 ? 'one' : count == 3 ? 'three' : 'other'}") == "three");
        CHECK(run("${false ? 1 : true ? 2 : 3}") == 2);
        CHECK(run("${1 + 1 == 2 ? 'yes' : 'no'}") == "yes");
        CHECK(run("${nothing ?? 0 ? 'a' : 'b'}") == "b");
        CHECK(run("${true ?.5 : 1}") == 0.5);
    }
}

TEST_CASE("interpolation versus a single typed expression", "[expr][template]") {
    CHECK(run("${count}").is_number());
    CHECK(run("${habits}").is_array());
    CHECK(run("${count > 1}") == true);
    CHECK(run("${count} items") == "3 items");
    CHECK(run(" ${count}") == " 3");
    CHECK(run("${count}${count}") == "33");
    CHECK(run("Hi ${user.name}, ${count} left, done: ${habits[0].done}") == "Hi Ada Lovelace, 3 left, done: true");
    CHECK(run("missing: [${missing}]") == "missing: []");
    CHECK(run("${0.1 + 0.2} total") == "0.3 total");
    CHECK(run("tags: ${user.tags}") == R"(tags: ["admin","beta"])");
    CHECK(run("${ {a: {b: 'deep'}}.a.b }") == "deep");
    CHECK(run("${'}' + '{'}") == "}{");
    CHECK(run("${\"${\"}") == "${");
    CHECK(run("no expressions here") == "no expressions here");
    CHECK(run("$ {not} and {braces}") == "$ {not} and {braces}");
}

TEST_CASE("templates over objects and arrays", "[expr][template]") {
    const Json state = sampleState();
    Scope scope(&state);
    EvalEnv env;

    SECTION("literal containers are stored and returned as is") {
        const Json raw = Json::parse(R"({"title": "Hello", "items": [1, 2, {"x": null}]})");
        const Template t = compiled(raw);
        CHECK(t.isLiteral());
        CHECK(t.raw() == raw);
        CHECK(t.eval(scope, env) == raw);
        CHECK(t.identifiers().empty());
    }

    SECTION("dynamic leaves are evaluated in place, literals kept") {
        const Json raw = Json::parse(R"({"title": "${user.name}", "n": 5,
            "items": ["a", "${count * 2}", {"label": "${count} left", "fixed": true}], "nested": {"deep": ["${habits[0].done}"]}})");
        const Template t = compiled(raw);
        CHECK_FALSE(t.isLiteral());
        CHECK(t.raw() == raw);
        const Json expected = Json::parse(R"({"title": "Ada Lovelace", "n": 5,
            "items": ["a", 6, {"label": "3 left", "fixed": true}], "nested": {"deep": [true]}})");
        CHECK(t.eval(scope, env) == expected);
        CHECK(t.eval(scope, env).dump() == expected.dump());  // key order preserved
        CHECK(t.identifiers() == std::vector<std::string>{"user", "count", "habits"});
    }

    SECTION("errorPointer is an RFC 6901 pointer to the bad value") {
        std::string pointer;
        const std::string error =
            compileError(Json::parse(R"({"items": ["ok", "${a}", "${a +}"], "b": "${b}"})"), &pointer);
        CHECK(pointer == "/items/2");
        CHECK_THAT(error, Contains("unexpected end of expression"));
        compileError(Json::parse(R"({"a/b": {"c~d": "${)}"}})"), &pointer);
        CHECK(pointer == "/a~1b/c~0d");
        compileError(Json("${(}"), &pointer);
        CHECK(pointer == "");
    }

    SECTION("a failed compile leaves a literal of the raw value; a good one clears error outputs") {
        Template t;
        std::string error, pointer;
        CHECK_FALSE(t.compile(Json("oops ${1 +"), &error, &pointer));
        CHECK(t.isLiteral());
        CHECK(t.eval(scope, env) == "oops ${1 +");
        CHECK(t.compile(Json("${1 + 1}"), &error, &pointer));
        CHECK(error.empty());
        CHECK(pointer.empty());
        CHECK(t.eval(scope, env) == 2);
    }

    SECTION("default, literal and copied templates") {
        const Template empty;
        CHECK(empty.isLiteral());
        CHECK(empty.eval(scope, env).is_null());
        const Template lit = Template::literal(Json::parse(R"({"k": "${not evaluated}"})"));
        CHECK(lit.isLiteral());
        CHECK(lit.eval(scope, env)["k"] == "${not evaluated}");
        Template a = compiled("${count + 1}");
        Template b = a;
        Template c = std::move(a);
        CHECK(b.eval(scope, env) == 4);
        CHECK(c.eval(scope, env) == 4);
        b = lit;
        CHECK(b.isLiteral());
    }

    SECTION("evalString, evalBool and evalNumber convert the result") {
        CHECK(compiled("${count * 1.5}").evalString(scope, env) == "4.5");
        CHECK(compiled("${missing}").evalString(scope, env) == "");
        CHECK(compiled("${empty}").evalBool(scope, env) == false);
        CHECK(compiled("${habits}").evalBool(scope, env) == true);
        CHECK(compiled("${label}").evalNumber(scope, env) == 42);
        CHECK(compiled("${user.name}").evalNumber(scope, env) == 0);
        CHECK(compiled("${true}").evalNumber(scope, env) == 1);
    }
}

TEST_CASE("syntax errors name the problem and the column", "[expr][errors]") {
    CHECK(compileError(Json("${a + )}")) == "unexpected ')' at column 7 in '${a + )}'");
    CHECK(compileError(Json("Total: ${a +}")) == "unexpected end of expression at column 13 in 'Total: ${a +}'");
    CHECK(compileError(Json("${(a + b}")) == "expected ')' but found end of expression at column 9 in '${(a + b}'");
    CHECK(compileError(Json("é ${a b}")) == "unexpected 'b' at column 7 in 'é ${a b}'");
    CHECK_THAT(compileError(Json("Hello ${user.name")), Contains("unterminated '${' at column 7"));
    CHECK_THAT(compileError(Json("${'abc}")), Contains("unterminated '${'"));
    CHECK_THAT(compileError(Json("${}")), Contains("empty expression at column 1"));
    CHECK_THAT(compileError(Json("${   }")), Contains("empty expression"));
    CHECK_THAT(compileError(Json("${a # b}")), Contains("unexpected character '#' at column 5"));
    CHECK_THAT(compileError(Json("${a = 1}")), Contains("use '=='"));
    CHECK_THAT(compileError(Json("${x => x}")), Contains("only allowed as function arguments"));
    CHECK_THAT(compileError(Json("${(x) => x}")), Contains("only allowed as function arguments"));
    CHECK_THAT(compileError(Json("${user.}")), Contains("unexpected end of expression"));
    CHECK_THAT(compileError(Json("${a.b()}")), Contains("unexpected '('"));
    CHECK_THAT(compileError(Json("${1 ? 2}")), Contains("expected ':'"));
    CHECK_THAT(compileError(Json("${3px}")), Contains("unexpected 'px'"));
    CHECK_THAT(compileError(Json("${{a 1}}")), Contains("expected ':'"));
    CHECK_THAT(compileError(Json("ok ${1} bad ${2 2}")), Contains("unexpected '2' at column 17"));

    SECTION("a long string is shortened in the message") {
        const std::string src = "${)}" + std::string(300, 'x');
        const std::string error = compileError(Json(src));
        CHECK_THAT(error, Contains("unexpected ')' at column 3"));
        CHECK(error.size() < 220);
    }

    SECTION("over-long and over-deep expressions are rejected without recursion blowing up") {
        const std::string tenThousand = "${" + std::string(10000, '(') + "1" + std::string(10000, ')') + "}";
        CHECK_THAT(compileError(Json(tenThousand)), Contains("longer than 2000 characters"));
        CHECK_THAT(compileError(Json("${" + std::string(2001, '1') + "}")), Contains("longer than 2000"));
        const std::string deepParens = "${" + std::string(900, '(') + "1" + std::string(900, ')') + "}";
        CHECK_THAT(compileError(Json(deepParens)), Contains("nests deeper than 64 levels"));
        CHECK_THAT(compileError(Json("${" + std::string(1500, '!') + "x}")), Contains("nests deeper"));
        CHECK_THAT(compileError(Json("${" + std::string(1000, '[') + std::string(1000, ']') + "}")), Contains("nests deeper"));
        std::string calls;
        for (int i = 0; i < 200; ++i) calls += "abs(";
        CHECK_THAT(compileError(Json("${" + calls + "1" + std::string(200, ')') + "}")), Contains("nests deeper"));
        // 60 levels are fine, and so is a long flat chain; an absurdly long chain is rejected too, since
        // the evaluator recurses over the tree it builds.
        CHECK(run("${" + std::string(60, '(') + "1" + std::string(60, ')') + "}") == 1);
        std::string chain = "${0";
        for (int i = 0; i < 250; ++i) chain += "+1";
        CHECK(run(chain + "}") == 250);
        for (int i = 0; i < 700; ++i) chain += (i % 2 ? ".b" : "+1");
        CHECK_THAT(compileError(Json(chain + "}")), Contains("too complex (more than 256 chained operations)"));
    }
}

TEST_CASE("lambdas as function arguments", "[expr][lambdas]") {
    CHECK(run("${count(habits, h => h.done)}") == 2);
    CHECK(run("${count(habits, (h) => !h.done)}") == 1);
    CHECK(run("${map(habits, h => h.name)}") == Json::parse(R"(["Read", "Run", "Meditate"])"));
    CHECK(run("${map(filter(habits, h => h.minutes > 20), h => upper(h.name))}") == Json::parse(R"(["READ", "RUN"])"));
    CHECK(run("${find(habits, h => h.name == 'Run').minutes}") == 45);
    // Inner lambdas see outer parameters; a parameter shadows a state key of the same name.
    CHECK(run("${map([1, 2], x => count(filter([1, 2, 2], y => y == x)))}") == Json::parse("[1, 2]"));
    CHECK(run("${map([10], count => count + 1)}") == Json::parse("[11]"));
    CHECK(run("${map(range(3), i => i * count)}") == Json::parse("[0, 3, 6]"));
    CHECK(run("${filter(habits, h => h.category == user.tags[0]) }") == Json::array());

    SECTION("lambda parameters are not free identifiers") {
        const Template t = compiled("${count(filter(habits, h => h.done && h.owner == user.id))} ${map(x, x => x)}");
        CHECK(t.identifiers() == std::vector<std::string>{"habits", "user", "x"});
        CHECK(t.functions() == std::vector<std::string>{"count", "filter", "map"});
    }
}

TEST_CASE("standard library: formatting and strings", "[expr][stdlib]") {
    CHECK(run("${number(1234.5)}") == "1,235");
    CHECK(run("${number(1234.5, 1)}") == "1,234.5");
    CHECK(run("${number(-1234567.891, 2)}") == "-1,234,567.89");
    CHECK(run("${number(0.5)}") == "1");
    CHECK(run("${number(999)}") == "999");
    CHECK(run("${number(-0.2)}") == "0");
    CHECK(run("${number(1000000)}") == "1,000,000");
    CHECK(run("${number(missing)}") == "0");

    CHECK(run("${currency(1234.5)}") == "$1,234.50");
    CHECK(run("${currency(1234.5, 'EUR')}") == "€1,234.50");
    CHECK(run("${currency(1234.5, 'GBP')}") == "£1,234.50");
    CHECK(run("${currency(1234.5, 'JPY')}") == "¥1,235");
    CHECK(run("${currency(1234.5, 'INR')}") == "₹1,234.50");
    CHECK(run("${currency(1234.5, 'CHF')}") == "CHF 1,234.50");
    CHECK(run("${currency(1234.5, 'usd', 0)}") == "$1,235");
    CHECK(run("${currency(-5)}") == "-$5.00");
    CHECK(run("${currency(-5, 'CHF')}") == "-CHF 5.00");
    CHECK(run("${currency(sum(cart, c => c.price * c.qty))}") == "$15.00");

    CHECK(run("${percent(0.256)}") == "26%");
    CHECK(run("${percent(0.256, 1)}") == "25.6%");
    CHECK(run("${percent(1)}") == "100%");

    CHECK(run("${compact(950)}") == "950");
    CHECK(run("${compact(1000)}") == "1K");
    CHECK(run("${compact(1200)}") == "1.2K");
    CHECK(run("${compact(15300)}") == "15.3K");
    CHECK(run("${compact(999999)}") == "1M");
    CHECK(run("${compact(3400000)}") == "3.4M");
    CHECK(run("${compact(2500000000)}") == "2.5B");
    CHECK(run("${compact(-1500)}") == "-1.5K");
    CHECK(run("${compact(12.34)}") == "12.3");

    CHECK(run("${pluralize(1, 'habit')}") == "1 habit");
    CHECK(run("${pluralize(3, 'habit')}") == "3 habits");
    CHECK(run("${pluralize(0, 'habit')}") == "0 habits");
    CHECK(run("${pluralize(2, 'person', 'people')}") == "2 people");
    CHECK(run("${pluralize(1234, 'step')}") == "1,234 steps");
    CHECK(run("${pluralize(habits, 'habit')}") == "3 habits");

    CHECK(run("${upper('abc é')}") == "ABC é");
    CHECK(run("${lower('HeLLo')}") == "hello");
    CHECK(run("${trim('  padded \n')}") == "padded");
    CHECK(run("${str(2.50)}") == "2.5");
    CHECK(run("${str(null)}") == "");
    CHECK(run("${num('12.5')}") == 12.5);
    CHECK(run("${num(' 7 ')}") == 7);
    CHECK(run("${num('abc')}") == 0);
    CHECK(run("${num(true)}") == 1);
    CHECK(run("${num(null)}") == 0);
    CHECK(run("${len(habits)}") == 3);
    CHECK(run("${len('héllo')}") == 5);
    CHECK(run("${len(user)}") == 5);
    CHECK(run("${len(nothing)}") == 0);
    CHECK(run("${count(missing)}") == 0);
    CHECK(run("${initials(user.name)}") == "AL");
    CHECK(run("${initials('grace brewster murray hopper')}") == "GH");
    CHECK(run("${initials('  cher ')}") == "C");
    CHECK(run("${initials('')}") == "");
    CHECK(run("${truncate('Hello world', 5)}") == "Hello…");
    CHECK(run("${truncate('Hello world', 6)}") == "Hello…");
    CHECK(run("${truncate('Hi', 5)}") == "Hi");
    CHECK(run("${truncate('ééééé', 2)}") == "éé…");
    CHECK(run("${replace('a-b-c', '-', ' / ')}") == "a / b / c");
    CHECK(run("${replace('aaa', 'a', 'aa')}") == "aaaaaa");
    CHECK(run("${split('a,b,,c', ',')}") == Json::parse(R"(["a", "b", "", "c"])"));
    CHECK(run("${split('hé', '')}") == Json::parse(R"(["h", "é"])"));
    CHECK(run("${join(['a', 1, true])}") == "a, 1, true");
    CHECK(run("${join(map(habits, h => h.name), ' · ')}") == "Read · Run · Meditate");
    CHECK(run("${join([], '-')}") == "");
    CHECK(run("${contains('Lovelace', 'lace')}") == true);
    CHECK(run("${contains(user.name, 'Love')}") == true);
    CHECK(run("${contains(user.tags, 'beta')}") == true);
    CHECK(run("${contains([1, 2, 3], '2')}") == true);
    CHECK(run("${contains(user, 'name')}") == true);
    CHECK(run("${includes(user.tags, 'gamma')}") == false);
    CHECK(run("${contains(nothing, 'x')}") == false);
    CHECK(run("${startsWith('2026-05-01', '2026-05')}") == true);
    CHECK(run("${startsWith('abc', 'b')}") == false);
}

TEST_CASE("standard library: math", "[expr][stdlib]") {
    CHECK(run("${round(2.5)}") == 3);
    CHECK(run("${round(2.4)}") == 2);
    CHECK(run("${round(3.14159, 2)}") == Approx(3.14));
    CHECK(run("${round(1234, -2)}") == 1200);
    CHECK(run("${floor(2.7)}") == 2);
    CHECK(run("${ceil(2.1)}") == 3);
    CHECK(run("${abs(-4)}") == 4);
    CHECK(run("${min(3, 1, 2)}") == 1);
    CHECK(run("${max(3, 1, 2)}") == 3);
    CHECK(run("${max([4, 9, 2])}") == 9);
    CHECK(run("${min(map(habits, h => h.minutes))}") == 10);
    CHECK(run("${max([1, 'x', null, 5])}") == 5);
    CHECK(run("${min([])}").is_null());
    CHECK(run("${clamp(15, 0, 10)}") == 10);
    CHECK(run("${clamp(-3, 0, 10)}") == 0);
    CHECK(run("${clamp(4.5, 0, 10)}") == 4.5);
}

TEST_CASE("standard library: collections", "[expr][stdlib]") {
    CHECK(run("${count(habits)}") == 3);
    CHECK(run("${count(habits, 'done')}") == 2);
    CHECK(run("${count(nothing, x => x)}") == 0);
    CHECK(run("${sum([1, 2, 3.5])}") == 6.5);
    CHECK(run("${sum(habits, 'minutes')}") == 85);
    CHECK(run("${sum(cart, c => c.price * c.qty)}") == 15);
    CHECK(run("${sum(nothing)}") == 0);
    CHECK(run("${avg(habits, 'minutes')}").get<double>() == Approx(85.0 / 3));
    CHECK(run("${avg([2, 4])}") == 3);
    CHECK(run("${avg([])}") == 0);
    CHECK(run("${filter([0, 1, '', 'a', null])}") == Json::parse(R"([1, "a"])"));
    CHECK(run("${map(habits, 'name')}") == Json::parse(R"(["Read", "Run", "Meditate"])"));
    CHECK(run("${find(habits, h => h.minutes > 100)}").is_null());

    SECTION("sort") {
        CHECK(run("${sort([3, 1, 2])}") == Json::parse("[1, 2, 3]"));
        CHECK(run("${sort([3, 1, 2], 'desc')}") == Json::parse("[3, 2, 1]"));
        CHECK(run("${sort([10, 9, 100])}") == Json::parse("[9, 10, 100]"));
        CHECK(run("${sort(['b', 'a', 'C'])}") == Json::parse(R"(["C", "a", "b"])"));
        CHECK(run("${map(sort(habits, 'minutes'), 'name')}") == Json::parse(R"(["Meditate", "Read", "Run"])"));
        CHECK(run("${map(sort(habits, 'minutes', 'desc'), 'name')}") == Json::parse(R"(["Run", "Read", "Meditate"])"));
        CHECK(run("${map(sort(habits, h => h.name), 'name')}") == Json::parse(R"(["Meditate", "Read", "Run"])"));
        // Stable in both directions: equal keys keep their original order.
        CHECK(run("${map(sort(habits, 'category'), 'name')}") == Json::parse(R"(["Run", "Read", "Meditate"])"));
        CHECK(run("${map(sort(habits, 'category', 'desc'), 'name')}") == Json::parse(R"(["Read", "Meditate", "Run"])"));
        CHECK(run("${sort([null, 2, 'a', 1])}") == Json::parse(R"([1, 2, "a", null])"));
        CHECK(run("${sort([null, 2, 'a', 1], 'desc')}") == Json::parse(R"(["a", 2, 1, null])"));
        CHECK(run("${sort(nothing)}") == Json::array());
    }

    CHECK(run("${first(habits).name}") == "Read");
    CHECK(run("${last(habits).name}") == "Meditate");
    CHECK(run("${first([])}").is_null());
    CHECK(run("${last(nothing)}").is_null());
    CHECK(run("${slice([1, 2, 3, 4], 1, 3)}") == Json::parse("[2, 3]"));
    CHECK(run("${slice([1, 2, 3, 4], -2)}") == Json::parse("[3, 4]"));
    CHECK(run("${slice([1, 2, 3, 4], 0, -1)}") == Json::parse("[1, 2, 3]"));
    CHECK(run("${slice([1, 2, 3, 4], 3, 1)}") == Json::array());
    CHECK(run("${slice([1, 2], 5)}") == Json::array());
    CHECK(run("${slice('héllo', 1, 3)}") == "él");
    CHECK(run("${slice('hello', -3)}") == "llo");
    CHECK(run("${reverse([1, 2, 3])}") == Json::parse("[3, 2, 1]"));
    CHECK(run("${range(5)}") == Json::parse("[0, 1, 2, 3, 4]"));
    CHECK(run("${range(2, 5)}") == Json::parse("[2, 3, 4]"));
    CHECK(run("${range(5, 2)}") == Json::array());
    CHECK(run("${range(-3)}") == Json::array());
    CHECK(run("${count(range(1000000000))}") == 10000);
    CHECK(run("${unique([1, 2, 1, 'a', 'a', [1], [1]])}") == Json::parse(R"([1, 2, "a", [1]])"));
    CHECK(run("${unique(map(habits, 'category'))}") == Json::parse(R"(["mind", "body"])"));
    CHECK(run("${keys(user)}") == Json::parse(R"(["name", "id", "tags", "a/b", "key with space"])"));
    CHECK(run("${values({a: 1, b: 'x'})}") == Json::parse(R"([1, "x"])"));
    CHECK(run("${keys(habits)}") == Json::array());
    CHECK(run("${groupCount(habits, 'category')}").dump() == R"({"mind":2,"body":1})");
    CHECK(run("${groupCount(habits, h => h.done)}").dump() == R"({"true":2,"false":1})");
}

TEST_CASE("standard library: other helpers", "[expr][stdlib]") {
    CHECK(run("${default(nothing, 'x')}") == "x");
    CHECK(run("${default('', 'x')}") == "x");
    CHECK(run("${default(0, 'x')}") == 0);
    CHECK(run("${default(user.name, 'x')}") == "Ada Lovelace");
    CHECK(run("${if(count > 2, 'a', 'b')}") == "a");
    CHECK(run("${if(empty, 'a', 'b')}") == "b");
    CHECK(run("${json({a: [1, 'x']})}") == R"({"a":[1,"x"]})");
    CHECK(run("${json('s')}") == R"("s")");
    CHECK(run("${isEmpty(nothing)}") == true);
    CHECK(run("${isEmpty('')}") == true);
    CHECK(run("${isEmpty([])}") == true);
    CHECK(run("${isEmpty({})}") == true);
    CHECK(run("${isEmpty(0)}") == false);
    CHECK(run("${isEmpty(habits)}") == false);
}

TEST_CASE("date helpers parse and format ISO strings", "[expr][dates]") {
    double t = 0;
    CHECK(parseDateTime("1970-01-01", &t));
    CHECK(t == 0);
    CHECK(parseDateTime("1970-01-02T00:01", &t));
    CHECK(t == 86460);
    CHECK(parseDateTime("1970-01-01T00:00:59", &t));
    CHECK(t == 59);
    CHECK(parseDateTime("2026-05-01 09:30", &t));
    CHECK(formatIsoDateTime(t) == "2026-05-01T09:30");
    CHECK(parseDateTime("2026-05-01T09:30:15.250Z", &t));
    CHECK(formatIsoDateTime(t) == "2026-05-01T09:30");
    CHECK(parseDateTime("2028-02-29", &t));
    CHECK(formatIsoDate(t) == "2028-02-29");
    CHECK(parseDateTime("2000-02-29", &t));
    CHECK(parseDateTime("1969-12-31T23:00", &t));
    CHECK(t == -3600);
    CHECK(formatIsoDate(t) == "1969-12-31");
    CHECK(formatIsoDateTime(t) == "1969-12-31T23:00");
    CHECK(formatIsoDate(0) == "1970-01-01");
    CHECK(formatIsoDateTime(kNow + 59) == "2026-05-01T09:30");

    for (const char* bad : {"", "garbage", "2026-5-1", "2026-13-01", "2026-00-10", "2026-02-29", "1900-02-29",
                            "2026-04-31", "2026-05-01T24:00", "2026-05-01T09:60", "2026-05-01T09", "2026-05-01X09:30",
                            "2026-05-01T09:30:61", "2026-05-01T09:30+02:00", "20260501", "2026-05-01 "}) {
        INFO(bad);
        CHECK_FALSE(parseDateTime(bad, &t));
    }
}

TEST_CASE("calendar arithmetic: day numbers, weekdays, month lengths and names", "[dates]") {
    CHECK(daysFromCivil(1970, 1, 1) == 0);
    CHECK(daysFromCivil(2000, 3, 1) == 11017);
    CHECK(daysFromCivil(1969, 12, 31) == -1);
    for (int64_t day : {-800000, -1, 0, 59, 11016, 11017, 20574, 3000000}) {  // round trips, leap days included
        const CivilDate c = civilFromDays(day);
        CHECK(daysFromCivil(c.year, c.month, c.day) == day);
    }
    const CivilDate leap = civilFromDays(daysFromCivil(2024, 2, 29));
    CHECK((leap.year == 2024 && leap.month == 2 && leap.day == 29));
    CHECK(dayOf(-1) == -1);  // the day before the epoch, not day 0
    CHECK(dayOf(86400 * 3 + 5) == 3);
    CHECK(dayOf(1e300) == dayOf(3e11));  // absurd clocks stay defined
    CHECK(weekday(0) == 4);  // 1970-01-01 was a Thursday
    CHECK(weekday(-1) == 3);
    CHECK(weekdayMon0(0) == 3);
    CHECK(weekdayMon0(daysFromCivil(2026, 5, 4)) == 0);  // a Monday
    CHECK(daysInMonth(2024, 2) == 29);
    CHECK(daysInMonth(1900, 2) == 28);
    CHECK(daysInMonth(2000, 2) == 29);
    CHECK(daysInMonth(2026, 4) == 30);
    CHECK(monthName(1) == "January");
    CHECK(monthName(13).empty());
    CHECK(weekdayName(0) == "Sunday");
    CHECK(weekdayName(7).empty());
}

TEST_CASE("standard library: dates on the simulated clock", "[expr][stdlib][dates]") {
    CHECK(run("${now()}") == "2026-05-01T09:30");
    CHECK(run("${today()}") == "2026-05-01");
    CHECK(run("${date('2026-05-01', 'ddd, MMM D')}") == "Fri, May 1");
    CHECK(run("${date('2026-05-01')}") == "May 1");
    CHECK(run("${date('2026-05-01T14:05', 'dddd, MMMM D, YYYY h:mm A')}") == "Friday, May 1, 2026 2:05 PM");
    CHECK(run("${date('2026-01-09T07:03:09', 'YY/MM/DD HH:mm:ss M D H hh')}") == "26/01/09 07:03:09 1 9 7 07");
    CHECK(run("${date('2026-05-01', '[Due] D MMM')}") == "Due 1 May");
    CHECK(run("${date('not a date')}") == "not a date");
    CHECK(run("${date(nothing)}") == "");
    CHECK(run("${time('2026-05-01T09:30')}") == "9:30 AM");
    CHECK(run("${time('2026-05-01T00:05')}") == "12:05 AM");
    CHECK(run("${time('2026-05-01T12:00')}") == "12:00 PM");
    CHECK(run("${time('2026-05-01T23:59')}") == "11:59 PM");

    SECTION("weekdays of known dates") {
        CHECK(run("${weekday('1970-01-01')}") == 4);  // Thursday
        CHECK(run("${weekday('2000-01-01')}") == 6);  // Saturday
        CHECK(run("${weekday('2024-02-29')}") == 4);  // Thursday
        CHECK(run("${weekday('2026-05-01')}") == 5);  // Friday
        CHECK(run("${weekday('2026-05-03T23:59')}") == 0);  // Sunday
        CHECK(run("${weekday('1969-12-31')}") == 3);  // Wednesday
        CHECK(run("${date('1999-12-31', 'dddd')}") == "Friday");
        CHECK(run("${date('2028-02-29', 'ddd MMMM D')}") == "Tue February 29");
        CHECK(run("${dayOfMonth('2026-05-31')}") == 31);
        CHECK(run("${weekday('bad')}").is_null());
    }

    SECTION("date arithmetic keeps the input's shape and rolls over months, years and leap days") {
        CHECK(run("${addDays('2026-01-31', 1)}") == "2026-02-01");
        CHECK(run("${addDays('2026-12-31', 1)}") == "2027-01-01");
        CHECK(run("${addDays('2028-02-28', 1)}") == "2028-02-29");
        CHECK(run("${addDays('2027-02-28', 1)}") == "2027-03-01");
        CHECK(run("${addDays('2026-03-01', -1)}") == "2026-02-28");
        CHECK(run("${addDays('2026-05-01', 365)}") == "2027-05-01");
        CHECK(run("${addDays('2026-05-01T09:30', 2)}") == "2026-05-03T09:30");
        CHECK(run("${addDays('2026-05-01T09:30:15', 1)}") == "2026-05-02T09:30:15");
        CHECK(run("${addDays(today(), -1)}") == "2026-04-30");
        CHECK(run("${addHours('2026-05-01T23:30', 1)}") == "2026-05-02T00:30");
        CHECK(run("${addHours('2026-05-01', 6)}") == "2026-05-01T06:00");
        CHECK(run("${addMinutes('2026-05-01T09:30', -45)}") == "2026-05-01T08:45");
        CHECK(run("${addMinutes('2026-12-31T23:59', 1)}") == "2027-01-01T00:00");
        CHECK(run("${addDays('nope', 1)}").is_null());
        CHECK(run("${addDays('2026-05-01', 1e300)}").is_null());
        CHECK(run("${daysBetween('2026-05-01', '2026-06-01')}") == 31);
        CHECK(run("${daysBetween('2028-02-01', '2028-03-01')}") == 29);
        CHECK(run("${daysBetween('2026-05-01T23:59', '2026-05-02T00:01')}") == 1);
        CHECK(run("${daysBetween('2026-05-10', '2026-05-01')}") == -9);
    }

    SECTION("today, past and future") {
        CHECK(run("${isToday('2026-05-01')}") == true);
        CHECK(run("${isToday('2026-05-01T23:00')}") == true);
        CHECK(run("${isToday('2026-05-02')}") == false);
        CHECK(run("${isPast('2026-04-30')}") == true);
        CHECK(run("${isPast('2026-05-01')}") == false);  // a date-only value compares by calendar day
        CHECK(run("${isPast('2026-05-01T09:00')}") == true);
        CHECK(run("${isFuture('2026-05-01T10:00')}") == true);
        CHECK(run("${isFuture('2026-05-01')}") == false);
        CHECK(run("${isFuture('2026-05-02')}") == true);
        CHECK(run("${isPast(nothing)}") == false);
    }

    SECTION("relative phrases") {
        CHECK(run("${relative('2026-05-01T09:29:30')}") == "just now");
        CHECK(run("${relative('2026-05-01T09:30')}") == "just now");
        CHECK(run("${relative('2026-05-01T09:25')}") == "5 min ago");
        CHECK(run("${relative('2026-05-01T09:35')}") == "in 5 min");
        CHECK(run("${relative('2026-05-01T08:30')}") == "1 hour ago");
        CHECK(run("${relative('2026-05-01T07:30')}") == "2 hours ago");
        CHECK(run("${relative('2026-05-01T12:30')}") == "in 3 hours");
        CHECK(run("${relative('2026-05-01')}") == "today");
        CHECK(run("${relative('2026-04-30')}") == "yesterday");
        CHECK(run("${relative('2026-04-30T08:00')}") == "yesterday");
        CHECK(run("${relative('2026-05-02')}") == "tomorrow");
        CHECK(run("${relative('2026-04-28')}") == "3 days ago");
        CHECK(run("${relative('2026-05-04')}") == "in 3 days");
        CHECK(run("${relative('2026-04-01')}") == "30 days ago");
        CHECK(run("${relative('2026-01-15')}") == "Jan 15");
        CHECK(run("${relative('2026-08-20T10:00')}") == "Aug 20");
        CHECK(run("${relative('junk')}").is_null());
    }

    SECTION("streak counts consecutive days ending today or yesterday") {
        const Json state = Json::parse(R"({
            "full":      ["2026-05-01", "2026-04-30", "2026-04-29"],
            "shuffled":  ["2026-04-29", "2026-05-01", "2026-04-30", "2026-05-01", "2026-04-29T20:00"],
            "yesterday": ["2026-04-30", "2026-04-29", "2026-04-28"],
            "gap":       ["2026-05-01", "2026-04-29", "2026-04-28"],
            "stale":     ["2026-04-28", "2026-04-27"],
            "monthEdge": ["2026-05-01", "2026-04-30", "2026-03-31"],
            "junk":      ["nope", 3, null, "2026-05-01"]
        })");
        CHECK(run("${streak(full)}", state) == 3);
        CHECK(run("${streak(shuffled)}", state) == 3);
        CHECK(run("${streak(yesterday)}", state) == 3);
        CHECK(run("${streak(gap)}", state) == 1);
        CHECK(run("${streak(stale)}", state) == 0);
        CHECK(run("${streak(monthEdge)}", state) == 2);
        CHECK(run("${streak(junk)}", state) == 1);
        CHECK(run("${streak([])}", state) == 0);
        CHECK(run("${streak(missing)}", state) == 0);
    }

    SECTION("lastDays lists dates oldest first, ending today") {
        CHECK(run("${lastDays(3)}") == Json::parse(R"(["2026-04-29", "2026-04-30", "2026-05-01"])"));
        CHECK(run("${lastDays(1)}") == Json::parse(R"(["2026-05-01"])"));
        CHECK(run("${lastDays(0)}") == Json::array());
        CHECK(run("${first(lastDays(35))}") == "2026-03-28");
        CHECK(run("${count(lastDays(1000000))}") == 10000);
        CHECK(run("${lastDays(3)}", sampleState(), nullptr, at("2028-03-01T00:00")) ==
              Json::parse(R"(["2028-02-28", "2028-02-29", "2028-03-01"])"));
    }
}

TEST_CASE("evaluation is bounded by the step budget", "[expr][budget]") {
    const Json state = sampleState();
    Scope scope(&state);

    SECTION("quadratic lambdas stop with an error instead of hanging") {
        const Template t =
            compiled("${count(filter(range(10000), x => count(filter(range(10000), y => y == x)) > 0))}");
        EvalEnv env;
        std::string error;
        const auto start = std::chrono::steady_clock::now();
        const Json result = t.eval(scope, env, &error);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(result.is_null());
        CHECK(error == "expression exceeded its work budget");
        CHECK(seconds < 5.0);
    }

    SECTION("the budget is configurable and counts every node") {
        const Template t = compiled("${1 + 2 + 3 + 4}");
        EvalEnv env;
        std::string error;
        env.stepBudget = 7;
        CHECK(t.eval(scope, env, &error) == 10);
        CHECK(error.empty());
        env.stepBudget = 6;
        CHECK(t.eval(scope, env, &error).is_null());
        CHECK(error == "expression exceeded its work budget");
    }

    SECTION("array arguments and generated arrays are charged by size") {
        EvalEnv env;
        env.stepBudget = 5000;
        std::string error;
        CHECK(compiled("${count(range(10000))}").eval(scope, env, &error).is_null());
        CHECK(error == "expression exceeded its work budget");
        CHECK(compiled("${sort(lastDays(4000))}").eval(scope, env, &error).is_null());
        CHECK(error == "expression exceeded its work budget");
        CHECK(compiled("${count(range(1000))}").eval(scope, env, &error) == 1000);
        CHECK(error.empty());
    }

    SECTION("text that keeps doubling pays for its bytes") {
        std::string doubling = "'ab'";
        for (int i = 0; i < 40; ++i) doubling = "replace(" + doubling + ", 'a', 'aa')";
        EvalEnv env;
        std::string error;
        CHECK(compiled("${len(" + doubling + ")}").eval(scope, env, &error).is_null());
        CHECK(error == "expression exceeded its work budget");
        CHECK(compiled("${len(join(map(range(5000), i => join(range(200), '-')), ''))}").eval(scope, env, &error).is_null());
        CHECK(error == "expression exceeded its work budget");
    }

    SECTION("inside interpolation and containers the failing piece becomes null") {
        EvalEnv env;
        env.stepBudget = 100;
        std::string error;
        CHECK(compiled("a${count(range(500))}b").eval(scope, env, &error) == "ab");
        CHECK(error == "expression exceeded its work budget");
        const Json out = compiled(Json::parse(R"({"ok": "fine", "bad": "${range(500)}"})")).eval(scope, env, &error);
        CHECK(out["ok"] == "fine");
        CHECK(out["bad"].is_null());
        CHECK(error == "expression exceeded its work budget");
    }
}

TEST_CASE("unknown functions and host functions", "[expr][functions]") {
    const Json state = sampleState();
    Scope scope(&state);

    SECTION("an unknown function compiles, is listed, and fails at eval") {
        const Template t = compiled("${frobnicate(habits) + 1}");
        CHECK(t.functions() == std::vector<std::string>{"frobnicate"});
        CHECK(t.identifiers() == std::vector<std::string>{"habits"});
        EvalEnv env;
        std::string error;
        CHECK(t.eval(scope, env, &error).is_null());
        CHECK(error == "unknown function 'frobnicate'");
    }

    SECTION("the host supplies runtime functions but cannot override builtins") {
        std::vector<std::string> seen;
        const HostFunction host = [&](std::string_view name, const std::vector<Json>& args, Json& out) {
            seen.emplace_back(name);
            if (name == "pending") { out = args.size() == 1 && args[0] == "login"; return true; }
            if (name == "count") { out = -1; return true; }
            if (name == "argsOf") { out = args; return true; }
            return false;
        };
        EvalEnv env;
        env.host = &host;
        std::string error;
        CHECK(compiled("${pending('login')}").eval(scope, env, &error) == true);
        CHECK(compiled("${pending('signup')}").eval(scope, env, &error) == false);
        CHECK(compiled("${count(habits)}").eval(scope, env, &error) == 3);
        CHECK(compiled("${argsOf(count, x => x, user.id)}").eval(scope, env, &error) == Json::parse("[3, null, 7]"));
        CHECK(error.empty());
        CHECK(std::find(seen.begin(), seen.end(), "count") == seen.end());
        CHECK(compiled("${nope()}").eval(scope, env, &error).is_null());
        CHECK(error == "unknown function 'nope'");
    }

    SECTION("identifiers and functions are collected across a whole template, without duplicates") {
        const Template t = compiled(Json::parse(R"({"a": "${sum(cart, 'price')} ${user.name}", "b": ["${sum(cart) + count(habits)}", "${pending('x')}"]})"));
        CHECK(t.identifiers() == std::vector<std::string>{"cart", "user", "habits"});
        CHECK(t.functions() == std::vector<std::string>{"sum", "count", "pending"});
    }
}

TEST_CASE("builtinFunctionNames lists the whole standard library once", "[expr][functions]") {
    const std::vector<std::string>& names = builtinFunctionNames();
    const std::set<std::string> unique(names.begin(), names.end());
    CHECK(unique.size() == names.size());
    for (const char* name :
         {"number", "currency", "percent", "compact", "pluralize", "upper", "lower", "trim", "str", "num", "len",
          "count", "initials", "truncate", "replace", "split", "join", "contains", "startsWith", "round", "floor",
          "ceil", "abs", "min", "max", "clamp", "sum", "avg", "filter", "map", "find", "findIndex", "indexOf", "some",
          "every", "sort", "first", "last",
          "slice", "reverse", "range", "unique", "includes", "keys", "values", "groupCount", "now", "today", "date",
          "time", "relative", "addDays", "addHours", "addMinutes", "daysBetween", "isToday", "isPast", "isFuture",
          "weekday", "dayOfMonth", "streak", "lastDays", "default", "if", "json", "isEmpty"}) {
        INFO(name);
        CHECK(unique.count(name) == 1);
    }
    CHECK(unique.size() == 68);
}

TEST_CASE("standard library: positions and quantifiers for model-written specs", "[expr][stdlib]") {
    CHECK(run("${findIndex(habits, h => h.name == 'Run')}") == 1);
    CHECK(run("${findIndex(habits, h => h.minutes > 100)}") == -1);
    CHECK(run("${findIndex(habits, 'done')}") == 0);
    CHECK(run("${indexOf(user.tags, 'beta')}") == 1);
    CHECK(run("${indexOf(user.tags, 'gamma')}") == -1);
    CHECK(run("${indexOf(nothing, 1)}") == -1);
    CHECK(run("${some(habits, h => h.minutes > 40)}") == true);
    CHECK(run("${some(habits, h => h.minutes > 100)}") == false);
    CHECK(run("${every(habits, h => h.minutes >= 10)}") == true);
    CHECK(run("${every(habits, 'done')}") == false);
    CHECK(run("${every([], x => x)}") == true);
    CHECK(run("${max(habits, h => h.minutes)}") == 45);
    CHECK(run("${min(habits, 'minutes')}") == 10);
    CHECK(run("${max([3, 9, 4])}") == 9);
    CHECK(run("${max(3, 9, 4)}") == 9);
}

TEST_CASE("a dollar sign before an expression is literal text", "[expr][template]") {
    Json state = Json::parse(R"({"price": 12, "items": [1, 2]})");
    CHECK(show("$${price}", state) == "$12");
    CHECK(show("Total: $${price * 2}", state) == "Total: $24");
    CHECK(show("$$${price}", state) == "$$12");
}

TEST_CASE("pow and sqrt give powers and roots, and nothing where none is defined", "[expr][math]") {
    CHECK(run("${pow(2, 10)}") == 1024);
    CHECK(run("${pow(4, 0.5)}") == 2);
    CHECK(run("${round(pow(1.005, -360) * 1000) / 1000}") == 0.166);
    CHECK(run("${sqrt(81)}") == 9);
    CHECK(run("${sqrt(-1)}").is_null());
    CHECK(run("${pow(0, -1)}").is_null());
}
