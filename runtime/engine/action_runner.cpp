// Promptotype — the action runner: tasks that step through action sequences.
//
// [SECTION] Task
// [SECTION] Runner

#include "runtime/engine/action_runner.h"
#include "runtime/engine/prototype.h"
#include "runtime/spec/limits.h"
#include <algorithm>
#include <cmath>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Task
//-----------------------------------------------------------------------------

ActionTask::ActionTask(Prototype& proto, std::shared_ptr<const Spec> spec, Scope scope)
    : m_proto(proto), m_spec(std::move(spec)), m_scope(std::move(scope)) {}

Json ActionTask::eval(const Template& t) {
    std::string error;
    Json v = t.eval(m_scope, m_proto.env(), &error);
    if (!error.empty()) m_proto.report("expression: " + error);
    return v;
}

std::string ActionTask::evalString(const Template& t) { return toDisplayString(eval(t)); }

void ActionTask::enter(const ActionList& list) {
    if (!list.empty()) m_stack.push_back({&list, 0});
}

void ActionTask::fail(const std::string& message) {
    m_proto.report(message);
    m_stopped = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Runner
//-----------------------------------------------------------------------------

void ActionRunner::start(std::shared_ptr<const Spec> spec, const ActionList& list, Scope scope) {
    if (list.empty()) return;
    auto task = std::make_unique<ActionTask>(m_proto, std::move(spec), std::move(scope));
    task->enter(list);
    m_tasks.push_back(std::move(task));
    if (!m_running) runFrom(m_tasks.size() - 1, m_proto.elapsed());
}

void ActionRunner::update(double now) { runFrom(0, now); }

void ActionRunner::runFrom(size_t first, double now) {
    // Tasks may start new tasks (navigate -> onEnter), so iterate by index over a growing vector.
    m_running = true;
    for (size_t i = first; i < m_tasks.size(); ++i) advance(*m_tasks[i], now);
    m_running = false;
    m_tasks.erase(std::remove_if(m_tasks.begin(), m_tasks.end(), [](auto& t) { return t->m_stopped; }), m_tasks.end());
}

void ActionRunner::advance(ActionTask& t, double now) {
    // A runaway sequence cannot freeze the frame.
    long long steps = 0;
    while (!t.m_stopped && steps++ < limits::kActionSteps.value) {
        if (t.m_tick) {
            if (!t.m_tick(t, now)) break;
            t.m_tick = nullptr;
            continue;
        }
        if (t.m_stack.empty()) { t.m_stopped = true; break; }
        auto& cur = t.m_stack.back();
        if (cur.next >= cur.list->size()) { t.m_stack.pop_back(); continue; }
        const ActionStep& step = (*cur.list)[cur.next++];
        if (!step.def || !step.def->run) continue;
        if (step.def->run(t, step) == StepResult::Stop) t.m_stopped = true;
    }
    if (steps >= limits::kActionSteps.value) t.fail("an action sequence ran too long and was stopped");
}

void ActionRunner::clear() {
    // A `reset` step clears from inside a pass: stop the tasks now, free them when the pass ends.
    if (m_running)
        for (auto& t : m_tasks) t->stop();
    else
        m_tasks.clear();
    m_pending.clear();
}

bool ActionRunner::pending(std::string_view mock) const {
    for (auto& p : m_pending)
        if (p.first == mock) return p.second > 0;
    return false;
}

void ActionRunner::setPending(const std::string& mock, int delta) {
    for (auto& p : m_pending)
        if (p.first == mock) { p.second = std::max(0, p.second + delta); return; }
    m_pending.push_back({mock, std::max(0, delta)});
}

} // namespace pt
