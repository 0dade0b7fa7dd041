// Promptotype — template and expression engine.
//
// Every prop value in a spec may contain `${...}`. A string that is exactly one `${expr}` yields
// the expression's typed value; any other string with `${...}` is interpolated into a string;
// objects and arrays are templated element by element. Templates are parsed once, at load time,
// into a small AST; evaluation walks that AST against a Scope and never does I/O.
//
// [SECTION] Values and scopes
// [SECTION] Evaluation environment (simulated clock, host functions)
// [SECTION] Template (compiled prop value)
// [SECTION] Date helpers shared with the runtime

#pragma once
#include "runtime/spec/limits.h"
#include <nlohmann/json.hpp>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

using Json = nlohmann::ordered_json;   // key order matters: it is the order a spec author wrote

//-----------------------------------------------------------------------------
// [SECTION] Values and scopes
//-----------------------------------------------------------------------------

// Variables visible to an expression, innermost first: repeat aliases, `index`, component params,
// lambda arguments. Names not found in any frame resolve against the state root.
class Scope {
public:
    explicit Scope(const Json* stateRoot, const Scope* parent = nullptr)
        : m_state(stateRoot), m_parent(parent) {}

    void bindRef(std::string name, const Json* value);  // borrow a value that outlives this scope (e.g. a state array item)
    void bindValue(std::string name, Json value);       // own a computed value (e.g. `index`, evaluated params)
    const Json* find(std::string_view name) const;      // scope chain first, then top-level state keys; nullptr if unknown
    const Json* state() const { return m_state; }       // the state root this scope resolves against
    Scope snapshot() const;                             // parentless copy owning every visible variable (inner names win), for actions that run after the frame
    const Scope* parent() const { return m_parent; }

private:
    struct Var { std::string name; const Json* ref; Json owned; bool isRef; };
    std::vector<Var> m_vars;
    const Json* m_state;
    const Scope* m_parent;
};

//-----------------------------------------------------------------------------
// [SECTION] Evaluation environment
//-----------------------------------------------------------------------------

// Runtime-provided functions (e.g. `pending('login')`); return false when `name` is not theirs.
using HostFunction = std::function<bool(std::string_view name, const std::vector<Json>& args, Json& out)>;

// What an evaluation may consult besides its scope.
struct EvalEnv {
    double now = 0;                       // simulated clock: seconds since 1970-01-01T00:00 (naive local time, no zones)
    const HostFunction* host = nullptr;   // optional runtime extras
    long stepBudget = limits::kExpressionSteps.value;  // bounded work: evaluation aborts with an error past this many steps
};

//-----------------------------------------------------------------------------
// [SECTION] Template
//-----------------------------------------------------------------------------

struct ExprNode;  // AST node, private to expr.cpp

// A prop value compiled once: a literal, one expression, an interpolated string, or a container of those.
class Template {
public:
    Template();
    ~Template();
    Template(const Template&);
    Template& operator=(const Template&);
    Template(Template&&) noexcept;
    Template& operator=(Template&&) noexcept;

    // Parses every `${...}` inside `raw`. On a syntax error returns false and fills `error`
    // ("unexpected ')' at column 7 of '${a + )}'") and `errorPointer` (JSON Pointer relative to raw,
    // "" for raw itself, "/items/2" inside containers).
    bool compile(const Json& raw, std::string* error = nullptr, std::string* errorPointer = nullptr);

    static Template literal(Json value);          // a template that always yields `value`
    bool isLiteral() const { return m_literal; }  // true when no `${...}` occurs anywhere (inline: checked per prop per frame)
    const Json& raw() const;                      // the JSON it was compiled from

    // Evaluates against scope/env. Runtime errors (budget exhausted, calling an unknown function)
    // yield null and set `error` when given; type mismatches follow JS-like coercions instead.
    Json eval(const Scope& scope, const EvalEnv& env, std::string* error = nullptr) const;

    std::string evalString(const Scope& scope, const EvalEnv& env) const;  // eval + display conversion (null -> "")
    bool evalBool(const Scope& scope, const EvalEnv& env) const;           // eval + truthiness
    double evalNumber(const Scope& scope, const EvalEnv& env) const;       // eval + numeric coercion (NaN -> 0)

    // Free root identifiers referenced anywhere (e.g. `habits` in `${count(habits)}`), for the validator.
    std::vector<std::string> identifiers() const;
    // Function names called anywhere, for the validator's did-you-mean.
    std::vector<std::string> functions() const;

private:
    struct Impl;
    std::shared_ptr<const Impl> m_impl;  // immutable after compile, so copies share it
    bool m_literal = true;
};

std::string toDisplayString(const Json& v);  // how a value reads on screen: 3 -> "3", 2.5 -> "2.5", null -> "", true -> "true"
bool truthy(const Json& v);                  // JS-like: null/false/0/""/[] are false
const std::vector<std::string>& builtinFunctionNames();  // the standard library, for docs and did-you-mean

//-----------------------------------------------------------------------------
// [SECTION] Date helpers shared with the runtime
//-----------------------------------------------------------------------------

bool parseDateTime(std::string_view iso, double* secondsOut);  // "2026-05-01" or "2026-05-01T09:30[:00]" -> seconds
std::string formatIsoDate(double seconds);                     // "2026-05-01"
std::string formatIsoDateTime(double seconds);                 // "2026-05-01T09:30"

} // namespace pt
