// Promptotype — actions: the catalog of action kinds and the runner that executes sequences.
//
// Like widgets, every action kind registers itself once (name, docs, arguments, run function);
// the catalog feeds the loader, the JSON Schema, the docs and the LLM prompt. Sequences run after
// the frame that queued them, and may wait (delay, mock calls, streamed text) on runtime time, so
// headless tests stay deterministic.
//
// [SECTION] Action definitions and catalog
// [SECTION] Running tasks
// [SECTION] ActionRunner

#pragma once
#include "runtime/spec.h"
#include "widgets/catalog.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pt {

class Prototype;
class ActionTask;

//-----------------------------------------------------------------------------
// [SECTION] Action definitions and catalog
//-----------------------------------------------------------------------------

enum class StepResult { Next, Stop, Wait };  // continue the sequence, abandon it, or wait for the task's ticker

struct ActionDef {
    std::string name;                    // the kind key, e.g. "navigate"
    std::string doc;                     // one line
    std::string mainDoc;                 // what the kind key's value means
    PropType mainType = PropType::String;
    std::vector<PropDef> args;           // other keys it accepts
    std::vector<std::string> branches;   // nested sequences it accepts ("then", "else", "catch")
    bool bare = false;                   // may be written as a bare string: "back"
    std::string target;                  // what the main value refers to, checked by the validator: "screen", "overlay", "action", "mock", "path" or ""
    std::string example;                 // JSON snippet for docs and the prompt
    std::function<StepResult(ActionTask& task, const ActionStep& step)> run;
};

class ActionCatalog {
public:
    static ActionCatalog& get();  // process-wide, filled on first use
    void add(ActionDef def);
    const ActionDef* find(std::string_view name) const;
    const std::vector<ActionDef>& all() const { return m_actions; }
private:
    std::vector<ActionDef> m_actions;
};

void registerBuiltinActions(ActionCatalog& c);  // set, toggle, inc, push, remove, reset, navigate, back, open, close, toast, delay, if, validate, call, stream, run

//-----------------------------------------------------------------------------
// [SECTION] Running tasks
//-----------------------------------------------------------------------------

// One running action sequence: a stack of positions in nested lists, the scope captured when it
// was queued, and an optional ticker while it waits.
class ActionTask {
public:
    ActionTask(Prototype& proto, std::shared_ptr<const Spec> spec, Scope scope);

    Prototype& proto() { return m_proto; }
    Scope& scope() { return m_scope; }
    Json eval(const Template& t);                   // in the task's scope
    std::string evalString(const Template& t);
    void enter(const ActionList& list);             // run `list` next, then continue after the current step
    // Waits until `tick(now)` returns true; it is called every update with runtime time in seconds.
    void waitUntil(std::function<bool(ActionTask&, double now)> tick) { m_tick = std::move(tick); }
    void fail(const std::string& message);          // reports a problem (shown to the presenter) and stops
    void stop() { m_stopped = true; }               // ends the sequence quietly
    const Spec& spec() const { return *m_spec; }
    int depth = 0;                                  // nested `run` calls, bounded

private:
    friend class ActionRunner;
    struct Cursor { const ActionList* list; size_t next; };
    Prototype& m_proto;
    std::shared_ptr<const Spec> m_spec;  // keeps action lists alive across hot reloads
    Scope m_scope;
    std::vector<Cursor> m_stack;
    std::function<bool(ActionTask&, double)> m_tick;
    bool m_stopped = false;
};

//-----------------------------------------------------------------------------
// [SECTION] ActionRunner
//-----------------------------------------------------------------------------

class ActionRunner {
public:
    explicit ActionRunner(Prototype& proto) : m_proto(proto) {}
    void start(std::shared_ptr<const Spec> spec, const ActionList& list, Scope scope);  // queue a sequence
    void update(double now);                // runs every task as far as it can go
    void clear();                           // drops every task (reset)
    bool busy() const { return !m_tasks.empty(); }          // something is running or waiting
    bool pending(std::string_view mock) const;              // a `call` to this mock is in flight
    void setPending(const std::string& mock, int delta);    // used by `call`

private:
    Prototype& m_proto;
    std::vector<std::unique_ptr<ActionTask>> m_tasks;
    std::vector<std::pair<std::string, int>> m_pending;
    bool m_updating = false;
};

} // namespace pt
