// Promptotype — prompt texts. See system_prompt.h.
//
// [SECTION] Worked example
// [SECTION] System prompt
// [SECTION] Turns and versions

#include "generator/system_prompt.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/expr.h"
#include "runtime/spec/vocabulary.h"
#include <algorithm>
#include <cstdio>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Worked example
//-----------------------------------------------------------------------------

// Small but complete: tabs, a list with a detail screen, a validated form that adds to the list,
// a stat computed from state. tests/test_generator.cpp checks it loads clean with no dead controls.
static const char* kWorkedExample = R"EX({"spec": 1,
 "meta": {"name": "Plantly", "idea": "remind me to water my plants", "requirements": [{"text": "See which plants need water", "ids": ["plants"]}, {"text": "Add a plant", "ids": ["addPlant"]}], "device": "phone", "now": "2026-05-04T08:00"},
 "theme": {"preset": "calm", "brand": "#16A34A", "mode": "light"},
 "nav": {"kind": "tabs", "start": "plants", "items": [{"screen": "plants", "icon": "leaf"}, {"screen": "stats", "icon": "bar-chart"}]},
 "state": {"plants": [{"id": 1, "name": "Monstera", "room": "Living room", "every": 7, "last": "2026-04-28"},
   {"id": 2, "name": "Basil", "room": "Kitchen", "every": 2, "last": "2026-05-03"}],
  "draft": {"name": "", "room": "Kitchen", "every": 7}},
 "screens": {
  "plants": {"title": "My plants", "bar": [{"icon_button": "plus", "label": "Add plant", "go": "addPlant"}], "body": [
   {"list": [{"item": "${p.name}", "subtitle": "${p.room} · every ${p.every} days", "icon": "leaf",
     "trailing": "${daysBetween(p.last, today()) >= p.every ? 'Water today' : 'OK'}",
     "press": {"navigate": "plant", "params": {"i": "${index}"}},
     "repeat": {"in": "${plants}", "as": "p", "empty": {"empty": "No plants yet", "action": "Add a plant", "go": "addPlant"}}}]}]},
  "plant": {"title": "${plants[params.i].name ?? 'Plant'}", "body": [
   {"stat": "Last watered", "value": "${date(plants[params.i].last, 'MMM D')}", "icon": "tint"},
   {"button": "Watered it", "icon": "check", "w": "fill", "press": [
     {"set": "plants.${params.i}.last", "value": "${today()}"},
     {"toast": "Thanks! Next watering in a few days", "tone": "success"}, "back"]}]},
  "addPlant": {"title": "New plant", "body": [
   {"input": "Name", "bind": "draft.name", "rules": {"required": "Give it a name"}},
   {"select": "Room", "bind": "draft.room", "options": ["Kitchen", "Living room", "Bedroom", "Balcony"]},
   {"button": "Save plant", "w": "fill", "press": [{"validate": true},
     {"push": "plants", "value": {"id": "${count(plants) + 1}", "name": "${draft.name}", "room": "${draft.room}", "every": "${draft.every}", "last": "${today()}"}},
     {"reset": "draft"}, {"toast": "${draft.name} added", "tone": "success"}, "back"]}]},
  "stats": {"title": "Stats", "body": [
   {"grid": [{"stat": "Plants", "value": "${count(plants)}", "icon": "leaf"},
     {"stat": "Thirsty", "value": "${count(plants, p => daysBetween(p.last, today()) >= p.every)}", "icon": "tint", "tone": "warning"}], "cols": 2}]}}})EX";

//-----------------------------------------------------------------------------
// [SECTION] System prompt
//-----------------------------------------------------------------------------

namespace {

// "phone|tablet|desktop", or "\"dialog\"|\"sheet\"" with `quote`: a choice as the prompt writes it.
std::string alternatives(const std::vector<std::string>& choices, const char* quote = "") {
    std::string out;
    for (auto& c : choices) out += (out.empty() ? "" : "|") + (quote + c + quote);
    return out;
}

// "change: the new value; select: {row, item}...": what each event hands its actions, from the catalog.
std::string eventPayloads() {
    std::string out;
    for (auto& e : eventDefs())
        if (!e.payload.empty()) out += (out.empty() ? "" : "; ") + e.name + ": " + e.payload;
    return out;
}

} // namespace

std::string specFormatReference(bool writingOrder) {
    const DocumentVocabulary& vocabulary = documentVocabulary();
    std::string functions;
    for (auto& f : builtinFunctionNames()) functions += (functions.empty() ? "" : ", ") + f;
    std::string out = R"EX(# Document
{"spec": 1, "meta": {}, "theme": {}, "nav": {}, "state": {}, "screens": {}, "overlays": {}, "actions": {}, "mocks": {}}
)EX";
    if (writingOrder)
        out += R"EX(Key order: app shell (spec, meta, theme, nav), compact state, screens (start screen first, then in the order a user
meets them), overlays, actions, mocks. The app appears while you write: finish each screen before the next.
)EX";
    out += "- meta: name (short product name), idea (the user's request), device (" + alternatives(vocabulary.devices) + "), now (ISO date-time).\n"
           "- meta.requirements: [{\"text\", \"ids\"}], each requirement of the request in its words, with the ids of the\n"
           "  nodes, screens or overlays meeting it (give those nodes an \"id\").\n"
           "- theme: preset (" + alternatives(themePresets()) + "), brand (\"#RRGGBB\"), mode (" + alternatives(vocabulary.themeModes) + ").\n"
           "- nav (only with 2-5 top-level destinations): kind (" + alternatives(vocabulary.navKinds) + "), start (screen id), items (screen ids or\n"
           "  {\"screen\", \"label\", \"icon\"}). Detail and form screens are never nav items.\n";
    out += R"EX(- state: realistic mock data the screens read and change (real-sounding names, amounts, dates near meta.now; 3-6 rows
  per list; no lorem ipsum or "Item 1").
- screens: id -> {"title", "icon", "body": [nodes], "bar": [icon_button nodes]}. Screen ids are camelCase.
- overlays: id -> {"kind": )EX" + alternatives(vocabulary.overlayKinds, "\"") + R"EX(, "title", "body": [nodes], "actions": [button nodes]}; open with {"open": id}.
- mocks: name -> {"latency": 800, "result": {...}} for {"call": name}.

# Nodes
A node is an object whose FIRST key is the widget name; its value fills the widget's main prop (marked * below):
{"button": "Save", "variant": "primary", "press": [...]}   {"col": [child nodes], "gap": 8}
Keys any node takes: id, visible, enabled (bool or expression), repeat {"in": "${list}", "as": "x", "empty": node}
(one per item, `index` = position), bind (state path an input edits, e.g. "draft.name" or
"tasks.${index}.done"), rules (inputs: {"required": "msg", "email": "msg", "minLength": [8, "msg"]}), events as keys
("press": actions), go (shorthand for press -> navigate), grow, w, h ("fill", px or "50%"), align.
Event actions read the payload as `event`: )EX" + eventPayloads() + R"EX(.
tone: )EX" + alternatives(vocabulary.tones) + R"EX(; color: a tone or "#RRGGBB".

# Expressions
"${...}" in any value: state paths (user.name, tasks[0].title), repeat alias, index, params (navigation params),
operators + - * / % == != < <= > >= && || ! ?: ??, lambdas (t => !t.done); "$${price}" shows "$" then the value. Functions: )EX" + functions + R"EX(.

# Rules
1. One screen (and no nav) when the user asks for a single screen or page; else the screens the idea needs (often
   3-6), all reachable from nav items or buttons. Labels in the user's own words.
2. Every interactive widget does something: buttons, items, links have press/go; inputs have bind. No dead controls.
3. Forms validate ({"validate": true} first), then change state (push/set), toast, and go back or on.
4. Lists come from state with repeat; detail screens get the item via navigate params.
5. Use only the widgets, props and actions listed below. Icons are Font Awesome 4.7 names (without "fa-").

# Widgets: name(props; * = main prop; sizes in px) [events] description
)EX";
    out += promptCatalog();
    return out;
}

static std::string buildSystemPrompt() {
    std::string out = R"EX(You design clickable app prototypes. Answer with ONE minified JSON document in the Promptotype spec format v1:
no prose, no Markdown fence, no comments.

)EX";
    out += specFormatReference(true);
    out += "\n# Example\nIdea: remind me to water my plants\n";
    out += kWorkedExample;
    out += "\n";
    return out;
}

std::string systemPrompt() {
    static const std::string prompt = buildSystemPrompt();
    return prompt;
}

//-----------------------------------------------------------------------------
// [SECTION] Turns and versions
//-----------------------------------------------------------------------------

std::string ideaMessage(std::string_view idea) {
    return "Idea: " + std::string(idea) +
           "\n\nWrite the complete spec for a clickable prototype of this idea. Start with the app shell and the first screen.";
}

std::string planMessage(std::string_view idea) {
    return "Idea: " + std::string(idea) + R"EX(

Plan the prototype. Each screen is written afterwards by its own calls from your plan, so write no screens here.
Answer with ONE JSON object, keys in this order:
{"spec": 1, "meta": {"name", "device", "now"}, "theme": {...}, "nav": {...},
 "plan": {"data": {"stateKey": "what it holds, e.g. list of {id, name, due: date, done: bool}"},
  "screens": [{"id": "camelCase", "title": "Title", "purpose": "one line: what it shows, what it changes, where it leads",
               "parts": ["a screen with several sections: one short line per section, top to bottom"]}]},
 "state": {mock data for every key of plan.data},
 "overlays": {dialogs or sheets several screens open; may be empty},
 "requirements": [{"text": "each requirement of the idea, in its words", "ids": ["ids of the screens meeting it"]}]}
List every screen (nav items, details, forms), the start screen first. Give a screen with 2 or more sections 2-3
parts (each is written by its own call at the same time); a short screen needs none. Keep the plan short.)EX";
}

std::string screenMessage(const std::string& id, const std::string& title, const std::string& purpose,
                          const std::vector<std::string>& parts, int part) {
    std::string ask = "Write the screen \"" + id + "\" (" + title + ": " + purpose + ")";
    std::string shape = R"EX({"screen": {"title", "body": [nodes], "bar": [...]})EX";
    if (parts.size() > 1) {
        ask = "Write part " + std::to_string(part + 1) + " of " + std::to_string(parts.size()) + " of the screen \"" + id + "\" (" + title +
              ": " + purpose + "): " + parts[(size_t)part] + ". Other calls write its other parts at the same time (";
        for (size_t i = 0; i < parts.size(); ++i)
            if ((int)i != part) ask += (ask.back() == '(' ? "" : "; ") + std::string("part ") + std::to_string(i + 1) + ": " + parts[i];
        ask += "): write only this part's nodes";
        shape = part == 0 ? R"EX({"screen": {"title", "body": [this part's nodes], "bar": [...]})EX" : R"EX({"screen": {"body": [this part's nodes]})EX";
    }
    return ask + R"EX( of this plan. Read and change only the state plan.data describes (its rows are being written
meanwhile: use its keys and fields exactly) and navigate only to screen ids of plan.screens. Answer with ONE JSON object:
)EX" + shape + R"EX(, "state": {keys only this screen needs that plan.data lacks, e.g. a form draft}, "overlays": {overlays it
opens that the plan lacks}}.)EX";
}

std::string screenRepairMessage(const std::vector<Diagnostic>& problems) {
    std::string out = problems.empty() ? "Your answer could not be read as that JSON object.\n" : "That screen has these problems (JSON Pointer in the whole document: message):\n";
    size_t shown = std::min<size_t>(problems.size(), 40);
    for (size_t i = 0; i < shown; ++i) out += "- " + locatedProblem(problems[i]) + "\n";
    return out + "Answer with the corrected {\"screen\", \"state\", \"overlays\"} object only.";
}

Json planSchema() {
    Json doc = documentSchema(), props = Json::object();
    for (const char* key : {"spec", "meta", "theme", "nav"}) props[key] = doc["properties"][key];
    props["plan"] = {{"type", "object"}, {"required", {"data", "screens"}}, {"properties", {
        {"data", {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}},
        {"screens", {{"type", "array"}, {"minItems", 1}, {"items", {{"type", "object"}, {"required", {"id", "title", "purpose"}},
            {"properties", {{"id", {{"type", "string"}}}, {"title", {{"type", "string"}}}, {"purpose", {{"type", "string"}}},
                {"parts", {{"type", "array"}, {"maxItems", 3}, {"items", {{"type", "string"}}}}}}}}}}}}}};
    props["state"] = doc["properties"]["state"];
    props["overlays"] = doc["properties"]["overlays"];
    props["requirements"] = {{"type", "array"}, {"items", {{"type", "object"}, {"properties", {
        {"text", {{"type", "string"}}}, {"ids", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}}}};
    return {{"$schema", doc["$schema"]}, {"type", "object"}, {"required", {"spec", "meta", "plan", "state"}}, {"properties", props}, {"$defs", doc["$defs"]}};
}

Json screenAnswerSchema() {
    Json doc = documentSchema();
    Json props = {{"screen", doc["properties"]["screens"]["additionalProperties"]}, {"state", doc["properties"]["state"]},
                  {"overlays", doc["properties"]["overlays"]}};
    return {{"$schema", doc["$schema"]}, {"type", "object"}, {"required", {"screen"}}, {"properties", props}, {"$defs", doc["$defs"]}};
}

std::string locatedProblem(const Diagnostic& d) {
    std::string where = d.pointer.empty() ? (d.line ? "line " + std::to_string(d.line) + ":" + std::to_string(d.col) : "document") : d.pointer;
    return where + ": " + d.message;
}

std::string repairMessage(const std::vector<Diagnostic>& problems, bool truncated) {
    std::string out;
    if (truncated)
        out += "Your answer was cut off before the end. Write a smaller app (at most 4 screens, shorter mock data) so it fits.\n";
    if (!problems.empty()) {
        out += "Your spec has these problems (JSON Pointer: message):\n";
        size_t shown = std::min<size_t>(problems.size(), 40);
        for (size_t i = 0; i < shown; ++i) out += "- " + locatedProblem(problems[i]) + "\n";
        if (problems.size() > shown) out += "- ... and " + std::to_string(problems.size() - shown) + " more of the same kinds\n";
    }
    out += "Answer with the complete corrected JSON document only.";
    return out;
}

std::string promptVersion() {
    // FNV-1a: stable across runs and platforms (std::hash is not).
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : systemPrompt()) { h ^= c; h *= 1099511628211ull; }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)h);
    return std::string(buf, 12);
}

Json answerSchema() { return documentSchema(); }

} // namespace pt
