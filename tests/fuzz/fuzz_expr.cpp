// Fuzz target: the expression parser and evaluator. The bytes are one prop string as a spec author writes it
// ("Hi ${user.name}", "${count(filter(habits, h => h.done))}"); it is compiled as a Template and, when it
// compiles, evaluated against a small fixed state with the normal EvalEnv budget, as a typed value, a string,
// a truth value and a number. Neither step may throw or crash; a failed compile always says why.
#include "runtime/spec/expr.h"
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

// A state shaped like the samples': objects, lists of records, dates, numbers of every kind.
const pt::Json& fixedState() {
    static const pt::Json state = pt::Json::parse(R"({
      "user": {"name": "Ana Lima", "age": 31, "premium": true, "tags": ["admin", "beta"]},
      "habits": [{"id": 1, "name": "Read", "done": true, "streak": 3, "due": "2026-05-01", "days": ["2026-04-29", "2026-04-30"]},
                 {"id": 2, "name": "Run", "done": false, "streak": 0, "due": "2026-05-02T07:00", "days": []},
                 {"id": 3, "name": "Write", "done": null, "streak": -1.5, "due": "", "days": null}],
      "count": 2, "price": 9.99, "big": 1.7976931348623157e308, "tiny": 5e-324, "zero": 0, "negative": -7,
      "text": "hello, world", "empty": "", "list": [3, 1, 2], "nested": [[1, [2, [3]]]], "nothing": null,
      "form": {"email": "a@b.c", "password": ""}, "when": "2026-05-01T09:30"})");
    return state;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace pt;
    std::string raw(reinterpret_cast<const char*>(data), size);
    Template t;
    std::string error, pointer;
    if (!t.compile(Json(raw), &error, &pointer)) {
        if (error.empty()) std::abort();
        return 0;
    }
    t.identifiers();
    t.functions();

    Scope scope(&fixedState());
    scope.bindValue("index", 1);
    scope.bindRef("item", &fixedState()["habits"][0]);
    EvalEnv env;
    parseDateTime("2026-05-01T09:30", &env.now);

    toDisplayString(t.eval(scope, env, &error));
    t.evalString(scope, env);
    truthy(t.evalBool(scope, env));
    t.evalNumber(scope, env);
    return 0;
}
