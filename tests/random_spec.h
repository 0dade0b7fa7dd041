// Promptotype tests — random specs drawn from the widget catalog itself, for the layout fuzzer.
//
// Every widget, prop and choice comes from WidgetCatalog::get().all(): containers are the widgets with a `Nodes`
// primary prop, props are filled per PropType (enums from their options, numbers small / huge / negative, text of
// 0..120 characters with long words and numbers like "$1,059.00", icons from the icon vocabulary), and structured
// arrays (table rows, chart data, options, timeline items...) copy the shape of the widget's own example with
// 0..30 entries. A container's children are often of the type its example nests (tabs hold tab, list holds item).
// Nesting is at most 4 deep; some nodes repeat over a state array of 0..30 rows. The same seed gives the same
// document on every platform (own generator, no std distributions).
//
// [SECTION] Random numbers
// [SECTION] Values
// [SECTION] Nodes and documents

#pragma once
#include "runtime/spec/catalog.h"
#include "runtime/spec/vocabulary.h"
#include <cstdint>
#include <string>
#include <vector>

namespace pt::test {

class RandomSpec {
public:
    static constexpr int kMaxDepth = 4;  // containers nest at most this deep

    explicit RandomSpec(uint64_t seed) : m_state(seed * 0x9E3779B97F4A7C15ull + 1) {}

    // One screen ("home") with 1..6 top-level nodes, and the state array `rows` the repeats draw from.
    Json document() {
        Json body = Json::array();
        for (int i = 0, n = 1 + below(6); i < n; ++i) body.push_back(node(1));
        Json rows = Json::array();
        for (int i = 0, n = listSize(); i < n; ++i) rows.push_back(record());
        return Json{{"spec", 1}, {"meta", {{"name", "Layout fuzz"}}}, {"state", {{"rows", rows}}},
                    {"screens", {{"home", {{"title", words(1 + below(3))}, {"body", body}}}}}};
    }

private:
    //-----------------------------------------------------------------------------
    // [SECTION] Random numbers
    //-----------------------------------------------------------------------------

    uint64_t next() {  // splitmix64
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : (int)(next() % (uint64_t)n); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& from) { return from[below((int)from.size())]; }
    int listSize() { return chance(20) ? 0 : chance(50) ? 1 + below(5) : below(31); }

    //-----------------------------------------------------------------------------
    // [SECTION] Values
    //-----------------------------------------------------------------------------

    std::string word() {
        static const char* const letters = "etaoinshrdlucmfwypvbgkqjxz";
        const int length = chance(10) ? 12 + below(18) : 1 + below(9);  // now and then a long word that cannot wrap
        std::string w;
        for (int i = 0; i < length; ++i) w += letters[below(chance(70) ? 10 : 26)];
        if (chance(15)) w[0] = (char)(w[0] - 'a' + 'A');
        return w;
    }
    std::string words(int count) {
        std::string s;
        for (int i = 0; i < count; ++i) s += (i ? " " : "") + word();
        return s;
    }
    // Figures the way specs show them: "$1,059.00", "-12%", "10 s", "72 h", "1,204".
    std::string figure() {
        const long long whole = chance(50) ? below(100) : (long long)(next() % 10000000);
        std::string digits = std::to_string(whole), grouped;
        for (size_t i = 0; i < digits.size(); ++i) grouped += std::string(i && (digits.size() - i) % 3 == 0 ? "," : "") + digits[i];
        switch (below(5)) {
            case 0: return "$" + grouped + "." + std::to_string(10 + below(90));
            case 1: return (chance(50) ? "+" : "-") + std::to_string(below(100)) + "." + std::to_string(below(10)) + "%";
            case 2: return std::to_string(below(100)) + (chance(50) ? " s" : " h");
            default: return grouped;
        }
    }
    // 0..120 characters: empty, a figure, a label, or a sentence that needs wrapping.
    std::string text() {
        switch (below(6)) {
            case 0: return chance(50) ? "" : figure();
            case 1: return figure();
            case 2: return words(1 + below(3));
            case 3: return words(1 + below(2)) + " " + figure();
            default: {
                std::string s = words(4 + below(14));
                return s.size() > 120 ? s.substr(0, 120) : s;
            }
        }
    }
    Json number() {
        static const std::vector<double> values = {0, 1, 2, 3, 5, 0.5, 0.72, 12, 40, 100, 250, 1e6, 1e9, -1, -50, 0.001};
        return pick(values);
    }
    std::string hexColor() {
        static const char* const hex = "0123456789ABCDEF";
        std::string c = "#";
        for (int i = 0; i < 6; ++i) c += hex[below(16)];
        return c;
    }
    // A row of the state array `rows`: a name, a number, an amount and a status.
    Json record() { return Json{{"name", text()}, {"value", number()}, {"amount", figure()}, {"status", words(1)}}; }

    // A random scalar in the place of `like`: same JSON type, new content.
    Json scalarLike(const Json& like) {
        if (like.is_string()) return text();
        if (like.is_number()) return number();
        if (like.is_boolean()) return chance(50);
        return like;
    }
    // A copy of an example value with every scalar replaced (objects keep their keys, arrays their first shape).
    Json shapedLike(const Json& like) {
        if (like.is_object()) {
            Json out = Json::object();
            for (auto& [k, v] : like.items()) out[k] = shapedLike(v);
            return out;
        }
        if (like.is_array()) return arrayLike(like);
        return scalarLike(like);
    }
    // 0..30 entries shaped like the example's (mixed numbers and text when there is no example).
    Json arrayLike(const Json& example) {
        Json out = Json::array();
        const bool shaped = example.is_array() && !example.empty();
        for (int i = 0, n = listSize(); i < n; ++i)
            out.push_back(shaped ? shapedLike(example[below((int)example.size())]) : chance(50) ? number() : Json(text()));
        return out;
    }

    // The example's value for a prop: under its own name, or under the type key when it is the primary prop.
    static Json exampleValue(const WidgetDef& def, const PropDef& p) {
        const Json example = Json::parse(def.example, nullptr, false);
        if (!example.is_object()) return nullptr;
        if (example.contains(p.name)) return example[p.name];
        if (p.name == def.primary && example.contains(def.name)) return example[def.name];
        return nullptr;
    }

    Json propValue(const WidgetDef& def, const PropDef& p) {
        switch (p.type) {
            case PropType::String: return text();
            case PropType::Number: return number();
            case PropType::Bool: return chance(50);
            case PropType::Enum: return p.options.empty() ? Json(text()) : Json(pick(p.options));
            case PropType::Color: return chance(50) && p.def.is_string() ? p.def : Json(hexColor());
            case PropType::Tone: return pick(documentVocabulary().tones);
            case PropType::Icon: { static const std::vector<std::string> icons = iconNames(); return icons.empty() ? Json("circle") : Json(pick(icons)); }
            case PropType::Array: return arrayLike(exampleValue(def, p));
            case PropType::Object: { const Json e = exampleValue(def, p); return e.is_object() ? shapedLike(e) : Json::object(); }
            case PropType::Any: return chance(50) ? number() : Json(text());
            case PropType::Nodes: return Json::array();
        }
        return nullptr;
    }

    //-----------------------------------------------------------------------------
    // [SECTION] Nodes and documents
    //-----------------------------------------------------------------------------

    static bool isContainer(const WidgetDef& d) {
        const PropDef* primary = d.prop(d.primary);
        return primary && primary->type == PropType::Nodes;
    }
    static const std::vector<const WidgetDef*>& widgets(bool containers) {
        static const auto split = [] {
            std::pair<std::vector<const WidgetDef*>, std::vector<const WidgetDef*>> lists;
            for (const WidgetDef& d : WidgetCatalog::get().all()) (isContainer(d) ? lists.first : lists.second).push_back(&d);
            return lists;
        }();
        return containers ? split.first : split.second;
    }
    // The type of the first child in a container's example ("tab" for tabs), or nullptr.
    static const WidgetDef* exampleChild(const WidgetDef& def) {
        const Json example = Json::parse(def.example, nullptr, false);
        if (!example.is_object() || !example.contains(def.name) || !example[def.name].is_array() || example[def.name].empty()) return nullptr;
        const Json& first = example[def.name][0];
        return first.is_object() && !first.empty() ? WidgetCatalog::get().find(first.begin().key()) : nullptr;
    }

    Json node(int depth, const WidgetDef* forced = nullptr) {
        const bool container = depth < kMaxDepth && chance(35);
        const WidgetDef& def = forced ? *forced : *pick(widgets(container));
        Json n = Json::object();
        if (isContainer(def)) {
            const WidgetDef* usual = exampleChild(def);
            Json children = Json::array();
            for (int i = 0, count = below(6); i < count && depth < kMaxDepth; ++i)
                children.push_back(node(depth + 1, usual && chance(60) ? usual : nullptr));
            n[def.name] = children;
        } else {
            const PropDef* primary = def.prop(def.primary);
            n[def.name] = primary ? propValue(def, *primary) : Json(text());
        }
        for (const PropDef& p : def.props)
            if (p.name != def.primary && p.type != PropType::Nodes && chance(40)) n[p.name] = propValue(def, p);
        if (chance(25)) n["grow"] = 1 + below(2);
        if (chance(10)) n["w"] = chance(50) ? Json(40 + below(600)) : Json(chance(50) ? "fill" : std::to_string(10 + below(91)) + "%");
        if (chance(5)) n["h"] = 20 + below(300);
        if (!isContainer(def) && chance(10)) {  // one instance per row of state
            n["repeat"] = Json{{"in", "${rows}"}, {"as", "r"}};
            const PropDef* primary = def.prop(def.primary);
            if (primary && primary->type == PropType::String) n[def.name] = "${r.name}";
        }
        return n;
    }

    uint64_t m_state;
};

} // namespace pt::test
