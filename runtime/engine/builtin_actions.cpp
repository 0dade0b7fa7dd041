// Promptotype — the built-in action kinds: set, toggle, inc, push, remove, reset, navigate, back, open, close,
// toast, copy, delay, if, validate, call, stream, run. Each registers itself into the ActionCatalog.
//
// [SECTION] Built-in actions: state
// [SECTION] Built-in actions: navigation and feedback
// [SECTION] Built-in actions: flow (delay, if, validate, call, stream, run)
// [SECTION] Registration

#include "runtime/engine/action_runner.h"
#include "runtime/engine/prototype.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Built-in actions: state
//-----------------------------------------------------------------------------

namespace {

// Writes a value at a path for step `s`, reporting bad paths instead of failing silently (Next). A write the
// state budget refuses stops the sequence with a message naming the step (Stop).
StepResult writePath(ActionTask& t, const ActionStep& s, const std::string& path, Json value) {
    std::string error;
    bool overBudget = false;
    if (t.proto().setPath(path, std::move(value), &error, &overBudget)) return StepResult::Next;
    if (!overBudget) {
        t.proto().report("cannot set '" + path + "': " + error);
        return StepResult::Next;
    }
    t.fail(s.def->name + " at " + s.pointer + ": " + error + "; the action sequence was stopped");
    return StepResult::Stop;
}

StepResult runSet(ActionTask& t, const ActionStep& s) {
    Json target = t.eval(s.main);
    if (target.is_object()) {  // {"set": {"a": 1, "b": 2}}
        for (auto& [k, v] : target.items())
            if (writePath(t, s, k, v) == StepResult::Stop) return StepResult::Stop;
        return StepResult::Next;
    }
    const Template* value = s.arg("value");
    return writePath(t, s, toDisplayString(target), value ? t.eval(*value) : Json(nullptr));
}

StepResult runToggle(ActionTask& t, const ActionStep& s) {
    std::string path = t.evalString(s.main);
    const Json* cur = t.proto().getPath(path);
    return writePath(t, s, path, !(cur && truthy(*cur)));
}

StepResult runInc(ActionTask& t, const ActionStep& s) {
    std::string path = t.evalString(s.main);
    const Json* cur = t.proto().getPath(path);
    double v = (cur && cur->is_number()) ? cur->get<double>() : 0;
    const Template* by = s.arg("by");
    v += by ? t.eval(*by).is_number() ? t.eval(*by).get<double>() : 1 : 1;
    if (const Template* mn = s.arg("min")) { Json m = t.eval(*mn); if (m.is_number()) v = std::max(v, m.get<double>()); }
    if (const Template* mx = s.arg("max")) { Json m = t.eval(*mx); if (m.is_number()) v = std::min(v, m.get<double>()); }
    return writePath(t, s, path, (std::floor(v) == v && std::fabs(v) < 9e15) ? Json((long long)v) : Json(v));
}

StepResult runPush(ActionTask& t, const ActionStep& s) {
    std::string path = t.evalString(s.main);
    const Json* cur = t.proto().getPath(path);
    Json arr = (cur && cur->is_array()) ? *cur : Json::array();
    const Template* value = s.arg("value");
    Json v = value ? t.eval(*value) : Json(nullptr);
    const Template* front = s.arg("front");
    if (front && truthy(t.eval(*front))) arr.insert(arr.begin(), std::move(v));
    else arr.push_back(std::move(v));
    return writePath(t, s, path, std::move(arr));
}

StepResult runRemove(ActionTask& t, const ActionStep& s) {
    std::string path = t.evalString(s.main);
    const Json* cur = t.proto().getPath(path);
    if (!cur || !cur->is_array()) return StepResult::Next;
    Json arr = *cur;
    if (const Template* at = s.arg("at")) {
        Json i = t.eval(*at);
        if (i.is_number() && std::fabs(i.get<double>()) < 1e15) {  // huge or NaN indexes remove nothing
            long long idx = (long long)i.get<double>();
            if (idx < 0) idx += (long long)arr.size();
            if (idx >= 0 && idx < (long long)arr.size()) arr.erase(arr.begin() + idx);
        }
    } else if (const Template* where = s.arg("where")) {
        Json kept = Json::array();
        for (auto& el : arr) {
            Scope inner(t.scope().state(), &t.scope());
            inner.bindRef("it", &el);
            if (!truthy(where->eval(inner, t.proto().env()))) kept.push_back(el);
        }
        arr = std::move(kept);
    } else if (const Template* value = s.arg("value")) {
        Json v = t.eval(*value);
        arr.erase(std::remove(arr.begin(), arr.end(), v), arr.end());
    } else if (!arr.empty()) {
        arr.erase(arr.end() - 1);
    }
    return writePath(t, s, path, std::move(arr));
}

StepResult runReset(ActionTask& t, const ActionStep& s) {
    Json target = t.eval(s.main);
    if (target.is_string() && !target.get<std::string>().empty()) {
        std::string path = target.get<std::string>();
        const Json* v = findPath(t.spec().initialState, path);
        return writePath(t, s, path, v ? *v : Json(nullptr));
    }
    t.proto().reset();
    return StepResult::Stop;  // everything (including running tasks) starts over
}

//-----------------------------------------------------------------------------
// [SECTION] Built-in actions: navigation and feedback
//-----------------------------------------------------------------------------

StepResult runNavigate(ActionTask& t, const ActionStep& s) {
    std::string target = t.evalString(s.main);
    Json params = Json::object();
    if (const Template* p = s.arg("params")) params = t.eval(*p);
    if (!params.is_object()) params = Json::object();
    if (t.spec().overlay(target)) t.proto().openOverlay(target, std::move(params));
    else t.proto().pushOrReturn(target, std::move(params));
    return StepResult::Next;
}

StepResult runBack(ActionTask& t, const ActionStep&) {
    if (!t.proto().overlays().empty()) t.proto().closeOverlay();
    else t.proto().back();
    return StepResult::Next;
}

StepResult runOpen(ActionTask& t, const ActionStep& s) {
    Json params = Json::object();
    if (const Template* p = s.arg("params")) params = t.eval(*p);
    t.proto().openOverlay(t.evalString(s.main), params.is_object() ? std::move(params) : Json::object());
    return StepResult::Next;
}

StepResult runClose(ActionTask& t, const ActionStep&) {
    t.proto().closeOverlay();
    return StepResult::Next;
}

StepResult runToast(ActionTask& t, const ActionStep& s) {
    const Template* tone = s.arg("tone");
    t.proto().toast(t.evalString(s.main), tone ? t.evalString(*tone) : "info");
    return StepResult::Next;
}

// The text goes to ImGui's clipboard, which the window's backend connects to the system's ("copy the link", "copy
// the hex code"); with no ImGui frame running (a bare ActionRunner) there is no clipboard to write.
StepResult runCopy(ActionTask& t, const ActionStep& s) {
    const std::string text = t.evalString(s.main);
    if (ImGui::GetCurrentContext()) ImGui::SetClipboardText(text.c_str());
    return StepResult::Next;
}

//-----------------------------------------------------------------------------
// [SECTION] Built-in actions: flow
//-----------------------------------------------------------------------------

double millis(const Json& v, double fallback) {
    if (v.is_number()) return std::clamp(v.get<double>(), 0.0, 600000.0);
    return fallback;
}

StepResult runDelay(ActionTask& t, const ActionStep& s) {
    double until = t.proto().elapsed() + millis(t.eval(s.main), 500) / 1000.0;
    t.waitUntil([until](ActionTask&, double now) { return now >= until; });
    return StepResult::Wait;
}

StepResult runIf(ActionTask& t, const ActionStep& s) {
    t.enter(truthy(t.eval(s.main)) ? s.then : s.otherwise);
    return StepResult::Next;
}

StepResult runValidate(ActionTask& t, const ActionStep& s) {
    Json which = t.eval(s.main);
    std::vector<std::string> ids;
    if (which.is_array())
        for (auto& id : which) ids.push_back(toDisplayString(id));
    else if (which.is_string())
        ids.push_back(which.get<std::string>());
    bool ok = t.proto().validate(ids);
    t.enter(ok ? s.then : s.otherwise);
    return ok ? StepResult::Next : (s.otherwise.empty() ? StepResult::Stop : StepResult::Next);
}

StepResult runCall(ActionTask& t, const ActionStep& s) {
    std::string name = t.evalString(s.main);
    const Mock* mock = t.spec().mock(name);
    if (!mock) { t.fail("call: no mock named '" + name + "'"); return StepResult::Stop; }
    Json args = Json::object();
    if (const Template* a = s.arg("args")) args = t.eval(*a);
    t.scope().bindValue("args", args);
    bool failed = truthy(t.eval(mock->fail));
    Json outcome = failed ? Json(t.evalString(mock->error)) : t.eval(mock->result);
    double until = t.proto().elapsed() + mock->latencyMs / 1000.0;
    t.proto().runner().setPending(name, +1);
    std::string into;
    if (const Template* i = s.arg("into")) into = t.evalString(*i);
    t.waitUntil([=, &s](ActionTask& task, double now) {
        if (now < until) return false;
        task.proto().runner().setPending(name, -1);
        if (failed) {
            std::string message = outcome.is_string() && !outcome.get<std::string>().empty() ? outcome.get<std::string>() : "Something went wrong";
            task.scope().bindValue("error", message);
            if (s.otherwise.empty()) {
                task.proto().toast(message, "danger");
                task.stop();
            } else {
                task.enter(s.otherwise);
            }
        } else {
            task.scope().bindValue("result", outcome);
            if (!into.empty() && writePath(task, s, into, outcome) == StepResult::Stop) return true;
            task.enter(s.then);
        }
        return true;
    });
    return StepResult::Wait;
}

StepResult runStream(ActionTask& t, const ActionStep& s) {
    std::string path = t.evalString(s.main);
    const Template* textArg = s.arg("text");
    std::string text = textArg ? t.evalString(*textArg) : "";
    const Template* speedArg = s.arg("speed");
    double cps = speedArg ? t.eval(*speedArg).is_number() ? t.eval(*speedArg).get<double>() : 60 : 60;
    cps = std::clamp(cps, 1.0, 10000.0);
    double start = t.proto().elapsed();
    if (writePath(t, s, path, "") == StepResult::Stop) return StepResult::Stop;
    t.waitUntil([=, &s](ActionTask& task, double now) {
        size_t n = std::min(text.size(), (size_t)((now - start) * cps));
        while (n < text.size() && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) ++n;  // never split a UTF-8 character
        return writePath(task, s, path, text.substr(0, n)) == StepResult::Stop || n >= text.size();
    });
    return StepResult::Wait;
}

StepResult runNamed(ActionTask& t, const ActionStep& s) {
    std::string name = t.evalString(s.main);
    const NamedAction* a = t.spec().action(name);
    if (!a) { t.fail("run: no action named '" + name + "'"); return StepResult::Stop; }
    if (++t.depth > 32) { t.fail("run: '" + name + "' calls itself too deeply"); return StepResult::Stop; }
    t.enter(a->steps);
    return StepResult::Next;
}

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

PropDef arg(const char* name, PropType type, const char* doc) { return PropDef{name, type, nullptr, doc, {}}; }


void registerBuiltinActions(ActionCatalog& c) {
    using P = PropType;
    c.add({"set", "Sets a state path (or several: {path: value}).", "state path, or {path: value}", P::Any,
           {arg("value", P::Any, "new value")}, {}, false, "path", R"({"set": "form.email", "value": ""})", runSet});
    c.add({"toggle", "Flips a boolean.", "state path", P::String, {}, {}, false, "path", R"({"toggle": "settings.dark"})", runToggle});
    c.add({"inc", "Adds `by` (default 1) to a number, within min/max.", "state path", P::String,
           {arg("by", P::Number, "amount, default 1"), arg("min", P::Number, "lower bound"), arg("max", P::Number, "upper bound")},
           {}, false, "path", R"({"inc": "cart.${index}.qty", "by": -1, "min": 1})", runInc});
    c.add({"push", "Appends to an array (`front`: at the start).", "state path", P::String,
           {arg("value", P::Any, "item to add"), arg("front", P::Bool, "insert at the start instead")}, {}, false, "path",
           R"({"push": "tasks", "value": {"title": "${draft}", "done": false}})", runPush});
    c.add({"remove", "Removes array items `at` an index, `where` `it` matches, equal to `value`, or the last.", "state path", P::String,
           {arg("at", P::Number, "index to remove"), arg("where", P::Bool, "condition; `it` is each item"), arg("value", P::Any, "remove items equal to this")},
           {}, false, "path", R"({"remove": "tasks", "at": "${index}"})", runRemove});
    c.add({"reset", "Restores the initial state (or one path) and the start screen.", "true, or a state path", P::Any, {}, {}, true, "",
           R"("reset")", runReset});
    c.add({"navigate", "Shows a screen with params (`back` returns); an overlay id opens it.", "screen id", P::String,
           {arg("params", P::Object, "values the screen reads as `params`")}, {}, false, "screen",
           R"({"navigate": "task", "params": {"id": "${t.id}"}})", runNavigate});
    c.add({"back", "Closes the top overlay, or goes back one screen.", "true", P::Any, {}, {}, true, "", R"("back")", runBack});
    c.add({"open", "Opens an overlay; its body reads `params`.", "overlay id", P::String,
           {arg("params", P::Object, "values the overlay reads as `params`")}, {}, false, "overlay",
           R"({"open": "checkIn", "params": {"i": "${index}"}})", runOpen});
    c.add({"close", "Closes the top overlay.", "true", P::Any, {}, {}, true, "", R"("close")", runClose});
    c.add({"toast", "Shows a short message.", "message text", P::String,
           {arg("tone", P::Tone, "icon and color of the message, default info")}, {}, false, "",
           R"({"toast": "Saved", "tone": "success"})", runToast});
    c.add({"delay", "Waits before the next step.", "milliseconds", P::Number, {}, {}, false, "", R"({"delay": 800})", runDelay});
    c.add({"if", "Runs `then` or `else`.", "condition", P::Bool, {}, {"then", "else"}, false, "",
           R"({"if": "${total > 100}", "then": [{"toast": "Free shipping"}]})", runIf});
    c.add({"validate", "Checks inputs' rules (all, or the listed ids); stops the sequence on a failure.", "true, or a list of input ids", P::Any,
           {}, {"then", "else"}, false, "", R"({"validate": true})", runValidate});
    c.add({"call", "Calls a mock: after its latency runs `then` (with `result`) or `catch` (with `error`).", "mock name", P::String,
           {arg("args", P::Object, "arguments, visible to the mock as `args`"), arg("into", P::String, "state path receiving the result")},
           {"then", "catch"}, false, "mock", R"({"call": "login", "args": {"email": "${form.email}"}, "then": [{"navigate": "home"}]})", runCall});
    c.add({"stream", "Types text into a state path over time, like an AI answer.", "state path", P::String,
           {arg("text", P::String, "the full text"), arg("speed", P::Number, "characters per second, default 60")}, {}, false, "path",
           R"({"stream": "answer", "text": "Here is a plan...", "speed": 80})", runStream});
    c.add({"copy", "Copies text to the clipboard.", "text", P::String, {}, {}, false, "", R"({"copy": "${invite.link}"})", runCopy});
    c.add({"run", "Runs a named action from `actions`.", "action name", P::String, {}, {}, false, "action", R"({"run": "checkout"})", runNamed});
}

const ActionCatalog::Registrar kBuiltinActions(0, registerBuiltinActions);

} // namespace

} // namespace pt
