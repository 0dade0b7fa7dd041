// Promptotype — the catalogs: definitions, did-you-mean, and everything generated from them
// (JSON Schema, docs table, LLM prompt catalog).
//
// [SECTION] Definitions
// [SECTION] Common props
// [SECTION] Did-you-mean
// [SECTION] JSON Schema
// [SECTION] Docs and prompt catalog

#include "runtime/spec/catalog.h"
#include "runtime/spec/vocabulary.h"
#include <algorithm>
#include <cctype>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Definitions
//-----------------------------------------------------------------------------

const char* propTypeName(PropType t) {
    switch (t) {
    case PropType::String: return "string";
    case PropType::Number: return "number";
    case PropType::Bool: return "bool";
    case PropType::Enum: return "enum";
    case PropType::Tone: return "tone";
    case PropType::Color: return "color";
    case PropType::Icon: return "icon";
    case PropType::Array: return "array";
    case PropType::Object: return "object";
    case PropType::Any: return "any";
    case PropType::Nodes: return "nodes";
    }
    return "any";
}

const PropDef* WidgetDef::prop(std::string_view n) const {
    int i = propIndex(n);
    return i < 0 ? nullptr : &props[i];
}

int WidgetDef::propIndex(std::string_view n) const {
    for (size_t i = 0; i < props.size(); ++i)
        if (props[i].name == n) return (int)i;
    return -1;
}

const std::vector<EventDef>& eventDefs() {
    static const std::vector<EventDef> events = {
        {"press", "cell_grid: {index, row, col, value}"},
        {"change", "the new value"},
        {"submit", "the text"},
        {"select", "{row, item}"},
        {"close", ""},
        {"done", ""},
        {"tick", ""},
    };
    return events;
}

//-----------------------------------------------------------------------------
// [SECTION] Common props
//-----------------------------------------------------------------------------

const std::vector<PropDef>& commonProps() {
    using P = PropType;
    static const std::vector<PropDef> props = {
        {"id", P::String, nullptr, "optional name to address the node (tests, validate, reactions)", {}},
        {"visible", P::Bool, true, "show the node only when true (usually an expression)", {}},
        {"enabled", P::Bool, true, "false greys the node out and ignores clicks", {}},
        {"repeat", P::Any, nullptr, "{\"in\": \"${items}\", \"as\": \"item\", \"limit\": 500, \"empty\": node}: one instance per item", {}},
        {"on", P::Object, nullptr, "event -> action sequence, e.g. {\"press\": {\"navigate\": \"home\"}}", {}},
        {"go", P::String, nullptr, "shorthand: pressing navigates to this screen (or opens this overlay)", {}},
        {"bind", P::String, nullptr, "state path an input reads and writes, e.g. \"form.email\"", {}},
        {"rules", P::Object, nullptr, "validation, rule -> message: {\"required\": \"...\", \"minLength\": [8, \"...\"]}", {}},
        {"grow", P::Number, 0, "share of the leftover width inside a row", {}},
        {"w", P::Any, nullptr, "width: pixels, \"fill\" or \"50%\"", {}},
        {"h", P::Any, nullptr, "height in pixels", {}},
        {"align", P::Enum, nullptr, "horizontal alignment in a column", {"start", "center", "end"}},
        {"variants", P::Object, nullptr, "A/B versions: variant name -> merge patch over this node, e.g. {\"B\": {\"button\": \"Try it free\"}}", {}},
    };
    return props;
}

const PropDef* commonProp(std::string_view name) {
    for (auto& p : commonProps())
        if (p.name == name) return &p;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Did-you-mean
//-----------------------------------------------------------------------------

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = (char)std::tolower((unsigned char)c);
    return out;
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

std::string closestName(std::string_view unknown, const std::vector<std::string>& candidates) {
    std::string u = lower(unknown);
    // Separators differ between vocabularies ("lineChart", "line-chart", "line_chart").
    auto squash = [](std::string s) { s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '_' || c == '-' || c == ' '; }), s.end()); return s; };
    std::string us = squash(u);
    if (us.empty() || unknown.size() > 64) return "";
    std::string best;
    size_t bestScore = SIZE_MAX;
    for (auto& c : candidates) {
        std::string cl = squash(lower(c));
        if (cl == us) return c;
        size_t d = editDistance(us, cl);
        if (cl.size() >= 3 && (us.find(cl) != std::string::npos || cl.find(us) != std::string::npos)) d = std::min<size_t>(d, 1);
        if (d < bestScore) { bestScore = d; best = c; }
    }
    size_t limit = std::max<size_t>(2, us.size() / 3);
    return bestScore <= limit ? best : "";
}

//-----------------------------------------------------------------------------
// [SECTION] JSON Schema
//-----------------------------------------------------------------------------

namespace {

Json exprRef() { return Json{{"$ref", "#/$defs/expr"}}; }

// Literal type for a prop, always also accepting an expression string.
Json propSchema(const PropDef& p) {
    Json s;
    switch (p.type) {
    case PropType::Number: s = Json{{"anyOf", Json::array({Json{{"type", "number"}}, exprRef()})}}; break;
    case PropType::Bool: s = Json{{"anyOf", Json::array({Json{{"type", "boolean"}}, exprRef()})}}; break;
    case PropType::Enum: s = Json{{"anyOf", Json::array({Json{{"enum", p.options}}, exprRef()})}}; break;
    case PropType::Tone: s = Json{{"anyOf", Json::array({Json{{"enum", documentVocabulary().tones}}, exprRef()})}}; break;
    case PropType::Array: s = Json{{"anyOf", Json::array({Json{{"type", "array"}}, exprRef()})}}; break;
    case PropType::Object: s = Json{{"type", "object"}}; break;
    case PropType::Nodes: s = Json{{"$ref", "#/$defs/nodes"}}; break;
    case PropType::Any: s = Json::object(); break;
    case PropType::String: case PropType::Color: case PropType::Icon:
        s = Json{{"type", Json::array({"string", "number", "boolean", "null"})}};
        break;
    }
    if (!p.doc.empty()) s["description"] = p.doc + (p.shape.empty() ? "" : " Shape: " + p.shape);
    if (!p.def.is_null()) s["default"] = p.def;
    return s;
}

// "variants": {"B": patch, ...} on a screen, overlay or node; "A" is the spec as written, so it is no name.
Json variantsSchema(const char* over) {
    return Json{{"type", "object"}, {"description", std::string("A/B versions: variant name -> JSON merge patch over this ") + over},
                {"propertyNames", Json{{"pattern", "^(?!A$)[A-Za-z0-9_-]{1,24}$"}}},
                {"additionalProperties", Json{{"type", "object"}}}};
}

// One of the vocabulary's choices; the first is the default.
Json choiceSchema(const std::vector<std::string>& choices) { return Json{{"enum", choices}, {"default", choices.front()}}; }

Json actionSchemas() {
    Json anyOf = Json::array();
    Json bare = Json::array();
    for (auto& a : ActionCatalog::get().all()) {
        if (a.bare) bare.push_back(a.name);
        Json props = Json::object();
        props[a.name] = propSchema(PropDef{a.name, a.mainType, nullptr, a.mainDoc, {}});
        for (auto& arg : a.args) props[arg.name] = propSchema(arg);
        for (auto& b : a.branches) props[b] = Json{{"$ref", "#/$defs/actions"}};
        anyOf.push_back(Json{{"type", "object"}, {"description", a.doc}, {"required", Json::array({a.name})},
                             {"properties", props}, {"additionalProperties", false}});
    }
    anyOf.push_back(Json{{"type", "string"}, {"description", "a bare action (" + [&] { std::string s; for (auto& b : bare) s += (s.empty() ? "" : ", ") + b.get<std::string>(); return s; }() + ") or the name of an entry in `actions`"}});
    return Json{{"anyOf", anyOf}};
}

} // namespace

Json documentSchema() {
    auto& widgets = WidgetCatalog::get().all();
    const DocumentVocabulary& vocabulary = documentVocabulary();
    Json defs = Json::object();
    defs["expr"] = Json{{"type", "string"}, {"pattern", "\\$\\{"}, {"description", "an expression: ${...}"}};
    Json common = Json::object();
    for (auto& p : commonProps()) common[p.name] = propSchema(p);
    common["repeat"] = Json{{"$ref", "#/$defs/repeat"}};
    common["on"] = Json{{"type", "object"}, {"additionalProperties", Json{{"$ref", "#/$defs/actions"}}}, {"description", "event -> actions"}};
    common["variants"] = variantsSchema("node");
    defs["common"] = Json{{"type", "object"}, {"properties", common}};
    Json nodeAnyOf = Json::array();
    for (auto& w : widgets) {
        if (w.name == "placeholder") continue;
        Json props = Json::object();
        PropDef primary = w.primary.empty() ? PropDef{w.name, PropType::Any, nullptr, "", {}} : *w.prop(w.primary);
        Json prim = propSchema(primary);
        prim["description"] = w.doc + (w.primary.empty() ? "" : " Value: " + primary.doc);
        props[w.name] = prim;
        for (auto& p : w.props)
            if (p.name != w.primary) props[p.name] = propSchema(p);
        for (auto& e : w.events) props[e] = Json{{"$ref", "#/$defs/actions"}, {"description", "event: " + e}};
        // Keys every node accepts live once in $defs/common; unevaluatedProperties still rejects typos.
        defs["w_" + w.name] = Json{{"type", "object"}, {"required", Json::array({w.name})}, {"properties", props},
                                   {"allOf", Json::array({Json{{"$ref", "#/$defs/common"}}})}, {"unevaluatedProperties", false}};
        nodeAnyOf.push_back(Json{{"$ref", "#/$defs/w_" + w.name}});
    }
    nodeAnyOf.push_back(Json{{"type", "string"}, {"description", "a text node"}});
    nodeAnyOf.push_back(Json{{"type", "object"}, {"minProperties", 1}, {"description", "an instance of a component from `components`: {\"name\": firstParam, \"param\": value}"}});
    defs["node"] = Json{{"anyOf", nodeAnyOf}};
    defs["nodes"] = Json{{"anyOf", Json::array({Json{{"$ref", "#/$defs/node"}}, Json{{"type", "array"}, {"items", Json{{"$ref", "#/$defs/node"}}}}})}};
    defs["repeat"] = Json{{"anyOf", Json::array({exprRef(), Json{{"type", "object"}, {"required", Json::array({"in"})}, {"additionalProperties", false},
        {"properties", Json{{"in", Json{{"description", "array to repeat over"}}}, {"as", Json{{"type", "string"}, {"default", "item"}}},
                            {"limit", Json{{"type", "number"}, {"default", 500}}}, {"empty", Json{{"$ref", "#/$defs/nodes"}}}}}}})}};
    defs["action"] = actionSchemas();
    defs["actions"] = Json{{"anyOf", Json::array({Json{{"$ref", "#/$defs/action"}}, Json{{"type", "array"}, {"items", Json{{"$ref", "#/$defs/action"}}}}})}};
    defs["screen"] = Json{{"type", "object"}, {"additionalProperties", false}, {"properties", Json{
        {"title", Json{{"type", "string"}, {"description", "app bar title"}}},
        {"icon", Json{{"type", "string"}, {"description", "icon in the tab bar / sidebar"}}},
        {"body", Json{{"$ref", "#/$defs/nodes"}}},
        {"bar", Json{{"anyOf", Json::array({Json{{"type", "boolean"}}, Json{{"$ref", "#/$defs/nodes"}}})}, {"description", "false hides the app bar; nodes go at its trailing edge"}}},
        {"onEnter", Json{{"$ref", "#/$defs/actions"}}},
        {"variants", variantsSchema("screen")}}}};
    defs["overlay"] = Json{{"type", "object"}, {"additionalProperties", false}, {"properties", Json{
        {"kind", choiceSchema(vocabulary.overlayKinds)},
        {"title", Json{{"type", "string"}}},
        {"body", Json{{"$ref", "#/$defs/nodes"}}},
        {"actions", Json{{"$ref", "#/$defs/nodes"}}},
        {"variants", variantsSchema("overlay")}}}};
    Json navItem = Json{{"anyOf", Json::array({Json{{"type", "string"}}, Json{{"type", "object"}, {"required", Json::array({"screen"})},
        {"properties", Json{{"screen", Json{{"type", "string"}}}, {"label", Json{{"type", "string"}}}, {"icon", Json{{"type", "string"}}}, {"badge", Json::object()}}}}})}};
    Json root = Json::object();
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
    root["$id"] = "https://promptotype.dev/schema/spec-v1.json";
    root["title"] = "Promptotype spec v1";
    root["description"] = "A clickable app prototype: meta, theme, state, screens, navigation, overlays, components, actions and mocks.";
    root["type"] = "object";
    root["required"] = Json::array({"screens"});
    root["additionalProperties"] = false;
    root["properties"] = Json{
        {"spec", Json{{"const", 1}}},
        {"meta", Json{{"type", "object"}, {"additionalProperties", false}, {"properties", Json{
            {"name", Json{{"type", "string"}}}, {"idea", Json{{"type", "string"}}},
            {"requirements", Json{{"type", "array"}, {"description", "the request's requirements, each traced to the node, screen or overlay ids that show it"},
                {"items", Json{{"type", "object"}, {"required", Json::array({"text"})}, {"additionalProperties", false}, {"properties", Json{
                    {"text", Json{{"type", "string"}, {"minLength", 1}, {"description", "one requirement, short, in the user's words"}}},
                    {"ids", Json{{"type", "array"}, {"items", Json{{"type", "string"}, {"minLength", 1}}}}}}}}}}},
            {"device", choiceSchema(vocabulary.devices)},
            {"now", Json{{"type", "string"}, {"description", "start of the simulated clock, ISO date-time"}}}}}}},
        {"theme", Json{{"type", "object"}, {"additionalProperties", false}, {"properties", Json{
            {"preset", choiceSchema(themePresets())},
            {"brand", Json{{"type", "string"}, {"description", "brand color, e.g. #4F7CFF"}}},
            {"mode", choiceSchema(vocabulary.themeModes)},
            {"background", Json{{"type", "string"}, {"description", "screen background color; text follows its darkness"}}},
            {"surface", Json{{"type", "string"}, {"description", "color of cards, sheets, dialogs and list rows"}}},
            {"header", Json{{"type", "string"}, {"description", "color of the app bar, tab bar and sidebar"}}},
            {"accent", Json{{"type", "string"}, {"description", "second color for highlights: the tone \"accent\""}}},
            {"text", Json{{"type", "string"}, {"description", "body text color (\"navy text\"); muted text follows it, kept readable"}}},
            {"success", Json{{"type", "string"}, {"description", "color of the tone \"success\" (done, paid, available); kept readable"}}},
            {"warning", Json{{"type", "string"}, {"description", "color of the tone \"warning\" (pending, at risk)"}}},
            {"danger", Json{{"type", "string"}, {"description", "color of the tone \"danger\" (overdue, failed, delete)"}}},
            {"info", Json{{"type", "string"}, {"description", "color of the tone \"info\" (neutral statuses)"}}},
            {"font", choiceSchema(vocabulary.themeFonts)},
            {"density", choiceSchema(vocabulary.themeDensities)},
            {"corners", choiceSchema(vocabulary.themeCorners)}}}}},
        {"state", Json{{"type", "object"}, {"description", "mock data; top-level keys are variables in expressions"}}},
        {"nav", Json{{"type", "object"}, {"additionalProperties", false}, {"properties", Json{
            {"kind", choiceSchema(vocabulary.navKinds)},
            {"start", Json{{"type", "string"}}},
            {"items", Json{{"type", "array"}, {"items", navItem}}}}}}},
        {"screens", Json{{"type", "object"}, {"minProperties", 1}, {"additionalProperties", Json{{"$ref", "#/$defs/screen"}}}}},
        {"overlays", Json{{"type", "object"}, {"additionalProperties", Json{{"$ref", "#/$defs/overlay"}}}}},
        {"components", Json{{"type", "object"}, {"additionalProperties", Json{{"type", "object"}, {"required", Json::array({"body"})},
            {"properties", Json{{"params", Json{{"type", "object"}}}, {"body", Json{{"$ref", "#/$defs/node"}}}}}}}}},
        {"actions", Json{{"type", "object"}, {"additionalProperties", Json{{"$ref", "#/$defs/actions"}}}}},
        {"mocks", Json{{"type", "object"}, {"additionalProperties", Json{{"type", "object"}, {"additionalProperties", false}, {"properties", Json{
            {"latency", Json{{"type", "number"}, {"default", 600}}}, {"result", Json::object()},
            {"fail", Json{{"description", "condition (sees `args`): true answers with `error`"}}}, {"error", Json{{"type", "string"}}}}}}}}}};
    root["$defs"] = defs;
    return root;
}

//-----------------------------------------------------------------------------
// [SECTION] Docs and prompt catalog
//-----------------------------------------------------------------------------

namespace {

// name, name: a|b, name: bool or name: its shape, as the prompt lists a prop. A shape already shown for a prop
// of the same name is not repeated, nor a type the name says (icon, tone, color), nor `number` (sizes and counts
// are numbers, and "12px" is read as 12 anyway).
std::string propSummary(const PropDef& p, std::vector<std::string>& shapesShown) {
    std::string s = p.name;
    const bool typeInName = p.name == propTypeName(p.type) || (p.name == "tone" && p.type == PropType::Color);
    if (!p.shape.empty()) {
        std::string shown = p.name + ": " + p.shape;
        if (std::find(shapesShown.begin(), shapesShown.end(), shown) != shapesShown.end()) return s;
        shapesShown.push_back(shown);
        s = shown;
    } else if (typeInName) {
        return s;
    } else if (p.type == PropType::Enum) {
        s += ": ";
        for (size_t i = 0; i < p.options.size(); ++i) s += (i ? "|" : "") + p.options[i];
    } else if (p.type != PropType::String && p.type != PropType::Nodes && p.type != PropType::Number) {
        s += ": " + std::string(propTypeName(p.type));
    }
    return s;
}

// Text for a Markdown table cell: `|` would end the cell.
std::string escapePipes(std::string text) {
    for (size_t i = 0; (i = text.find('|', i)) != std::string::npos; i += 2) text.replace(i, 1, "\\|");
    return text;
}

std::vector<std::string> categoriesInOrder(const std::vector<WidgetDef>& widgets) {
    std::vector<std::string> cats;
    for (auto& w : widgets)
        if (std::find(cats.begin(), cats.end(), w.category) == cats.end()) cats.push_back(w.category);
    return cats;
}

} // namespace

std::string catalogMarkdown() {
    auto& widgets = WidgetCatalog::get().all();
    std::string out;
    out += "The first key of a node is its type; its value fills the prop marked **bold**. A `tone` is one of " +
           oneOf(documentVocabulary().tones) + "; a `color` is a tone, `#RRGGBB` or a named color.\n\n";
    out += "An event's actions see its payload as `event` (also `value`): ";
    for (auto& e : eventDefs()) out += "`" + e.name + "`" + (e.payload.empty() ? " (none)" : " " + e.payload) + (&e == &eventDefs().back() ? ".\n\n" : ", ");
    for (auto& cat : categoriesInOrder(widgets)) {
        out += "### " + cat + "\n\n| widget | props | events | example |\n|---|---|---|---|\n";
        for (auto& w : widgets) {
            if (w.category != cat) continue;
            std::string props;
            for (auto& p : w.props) {
                std::string item = (p.name == w.primary ? "**" + p.name + "**" : p.name) + " (" + propTypeName(p.type);
                if (p.type == PropType::Enum) {
                    item += ": ";
                    for (size_t i = 0; i < p.options.size(); ++i) item += (i ? " · " : "") + p.options[i];
                }
                if (!p.def.is_null()) item += ", default `" + p.def.dump() + "`";
                item += ") " + p.doc;
                if (!p.shape.empty()) item += ", e.g. `" + p.shape + "`";
                props += (props.empty() ? "" : "<br>") + item;
            }
            std::string events;
            for (auto& e : w.events) events += (events.empty() ? "" : ", ") + e;
            out += "| `" + w.name + "` — " + w.doc + " | " + escapePipes(props) + " | " + events + " | `" + escapePipes(w.example) + "` |\n";
        }
        out += "\n";
    }
    out += "### Actions\n\n| action | value | other keys | example |\n|---|---|---|---|\n";
    for (auto& a : ActionCatalog::get().all()) {
        std::string keys;
        for (auto& p : a.args) keys += (keys.empty() ? "" : ", ") + p.name + " — " + p.doc;
        for (auto& b : a.branches) keys += (keys.empty() ? "" : ", ") + b + " — actions";
        out += "| `" + a.name + "` — " + a.doc + " | " + a.mainDoc + " | " + keys + " | `" + escapePipes(a.example) + "` |\n";
    }
    return out;
}

std::string promptCatalog() {
    auto& widgets = WidgetCatalog::get().all();
    std::string out;
    std::vector<std::string> shapesShown;
    for (auto& cat : categoriesInOrder(widgets)) {
        out += "## " + cat + "\n";
        for (auto& w : widgets) {
            if (w.category != cat || w.name == "placeholder") continue;
            out += "- " + w.name + "(";
            bool first = true;
            for (auto& p : w.props) {
                out += (first ? "" : ", ") + propSummary(p, shapesShown) + (p.name == w.primary ? "*" : "");
                first = false;
            }
            out += ")";
            if (!w.events.empty()) {
                out += " [";
                for (size_t i = 0; i < w.events.size(); ++i) out += (i ? "," : "") + w.events[i];
                out += "]";
            }
            out += " " + w.doc + "\n";
        }
    }
    out += "## Actions\n";
    for (auto& a : ActionCatalog::get().all()) out += "- " + a.example + " " + a.doc + "\n";
    return out;
}

} // namespace pt
