// Promptotype — actions: the catalog of action kinds and the runner that executes sequences.
//
// Like widgets, every action kind registers itself once (name, docs, arguments, run function);
// the catalog feeds the loader, the JSON Schema, the docs and the LLM prompt. A sequence runs as
// soon as it starts (Prototype holds widgets' requests until their frame is drawn) and may wait
// (delay, mock calls, streamed text) on runtime time, so headless tests stay deterministic.
//
// [SECTION] Running tasks
// [SECTION] ActionRunner

#pragma once
#include "runtime/spec/spec.h"
#include "runtime/spec/catalog.h"  // ActionDef, StepResult
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pt {

class Prototype;
class ActionTask;

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
    // Runs a sequence until it waits or ends. Started by a running sequence (a screen's onEnter after
    // `navigate`), it runs right after that one, in the same pass.
    void start(std::shared_ptr<const Spec> spec, const ActionList& list, Scope scope);
    void update(double now);                // resumes every waiting task as far as it can go
    void clear();                           // drops every task (reset)
    bool busy() const { return !m_tasks.empty(); }          // something is running or waiting
    bool running() const { return m_running; }              // inside a pass: what happens now was caused by an action
    bool pending(std::string_view mock) const;              // a `call` to this mock is in flight
    void setPending(const std::string& mock, int delta);    // used by `call`

private:
    void runFrom(size_t first, double now);  // runs tasks [first, end) as far as they go, then drops finished ones
    void advance(ActionTask& t, double now); // steps one task until it waits, stops or ends

    Prototype& m_proto;
    std::vector<std::unique_ptr<ActionTask>> m_tasks;
    std::vector<std::pair<std::string, int>> m_pending;
    bool m_running = false;  // inside runFrom: new tasks join the pass instead of starting their own
};

} // namespace pt
