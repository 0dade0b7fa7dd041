// Promptotype — the spec compiler: the document's sections and the order they are compiled in.
// See spec_compiler.h.
//
// [SECTION] Running the compiler
// [SECTION] Top level, meta, theme, state
// [SECTION] Components, named actions, mocks
// [SECTION] Screens and overlays
// [SECTION] Navigation

#include "runtime/spec/spec_compiler.h"
#include "runtime/spec/limits.h"
#include "runtime/spec/state_paths.h"
#include "runtime/spec/vocabulary.h"
#include <algorithm>
#include <ctime>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Running the compiler
//-----------------------------------------------------------------------------

void Compiler::run() {
    if (!m_doc.is_object()) {
        error("", "a spec must be a JSON object with \"screens\"");
        return;
    }
    m_spec.source = m_doc;
    collectNames();
    checkTopKeys();
    compileMeta();
    compileTheme();
    compileState();
    compileComponents();
    compileNamedActions();
    compileMocks();
    compileScreens();
    compileOverlays();
    compileNav();
    checkIds();
    checkRequirements();
    checkEnterLoops();
    if (!m_spec.screens.empty()) checkReachability();
}

// The names actions may target, known before anything refers to them.
void Compiler::collectNames() {
    auto names = [&](const char* key, std::set<std::string>& out) {
        if (auto it = m_doc.find(key); it != m_doc.end() && it->is_object())
            for (auto& [k, v] : it->items()) out.insert(k);
    };
    names("screens", m_screenIds);
    names("overlays", m_overlayIds);
    names("actions", m_actionNames);
    names("mocks", m_mockNames);
    for (auto& id : m_overlayIds)
        if (m_screenIds.count(id)) error(childPointer("/overlays", id), "overlay id " + inQuotes(id) + " is also a screen id");
}

const Json* Compiler::section(const char* key, const char* notAnObject) {
    auto it = m_doc.find(key);
    if (it == m_doc.end()) return nullptr;
    if (it->is_object()) return &*it;
    error(childPointer("", key), notAnObject);
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Top level, meta, theme, state
//-----------------------------------------------------------------------------

void Compiler::checkTopKeys() {
    const std::vector<std::string>& topKeys = documentVocabulary().topKeys;
    for (auto& [k, v] : m_doc.items())
        if (std::find(topKeys.begin(), topKeys.end(), k) == topKeys.end())
            unknownName(Diagnostic::Level::Warning, childPointer("", k), "unknown top-level key " + inQuotes(k), k, topKeys, true);
    if (auto s = m_doc.find("spec"); s != m_doc.end() && !(s->is_number() && s->get<double>() == 1) && !(s->is_string() && s->get<std::string>() == "1"))
        warn("/spec", "this runtime reads spec version 1");
}

void Compiler::compileMeta() {
    {   // the real clock is naive local time, like every date in a spec
        std::time_t t = std::time(nullptr);
        std::tm lt{};
        localtime_r(&t, &lt);
        m_spec.clockStart = (double)t + (double)lt.tm_gmtoff;
    }
    auto meta = m_doc.find("meta");
    if (meta == m_doc.end()) return;
    if (!meta->is_object()) { error("/meta", "meta must be an object"); return; }
    auto str = [&](const char* key, std::string* out) {
        if (auto it = meta->find(key); it != meta->end()) {
            if (it->is_string()) *out = it->get<std::string>();
            else error(std::string("/meta/") + key, std::string(key) + " must be text");
        }
    };
    str("name", &m_spec.name);
    str("idea", &m_spec.idea);
    if (auto it = meta->find("requirements"); it != meta->end()) compileRequirements(*it, "/meta/requirements");
    str("device", &m_spec.device);
    const std::vector<std::string>& devices = documentVocabulary().devices;
    if (std::find(devices.begin(), devices.end(), m_spec.device) == devices.end()) {
        unknownName(Diagnostic::Level::Error, "/meta/device", "device must be " + oneOf(devices), m_spec.device, devices, false);
        m_spec.device = devices.front();
    }
    std::string now;
    str("now", &now);
    if (!now.empty() && !parseDateTime(now, &m_spec.clockStart)) error("/meta/now", "now must be an ISO date-time like 2026-05-04T08:00");
}

// [{"text": "Log a watering", "ids": ["waterButton", "plant"]}]: the shape here; where the ids point, checkRequirements().
void Compiler::compileRequirements(const Json& list, const std::string& ptr) {
    static const char* const kShape = "requirements look like [{\"text\": \"Log a watering\", \"ids\": [\"waterButton\"]}]";
    if (!list.is_array()) { error(ptr, kShape); return; }
    for (size_t i = 0; i < list.size(); ++i) {
        const Json& entry = list[i];
        Requirement r;
        r.pointer = childPointer(ptr, i);
        if (!entry.is_object()) { error(r.pointer, kShape); continue; }
        for (auto& [k, v] : entry.items()) {
            std::string kp = childPointer(r.pointer, k);
            if (k == "text") {
                if (v.is_string() && !v.get<std::string>().empty()) r.text = v.get<std::string>();
                else error(kp, "a requirement's text is the requirement in the user's words");
            } else if (k == "ids") {
                if (!v.is_array()) { error(kp, "ids must be a list of node, screen or overlay ids"); continue; }
                for (size_t j = 0; j < v.size(); ++j) {
                    if (v[j].is_string() && !v[j].get<std::string>().empty()) r.ids.push_back(v[j].get<std::string>());
                    else error(childPointer(kp, j), "an id is the id of a node, screen or overlay");
                }
            } else unknownName(Diagnostic::Level::Warning, kp, "unknown requirement key " + inQuotes(k), k, documentVocabulary().requirementKeys, true);
        }
        if (!entry.contains("text")) error(r.pointer, "a requirement needs its \"text\"");
        m_spec.requirements.push_back(std::move(r));
    }
}

// theme: a preset, then what the request asks of the look. A background (else a surface) sets light or dark, since
// the text must read on it; a mode that says otherwise is overruled with a warning.
void Compiler::compileTheme() {
    auto theme = m_doc.find("theme");
    if (theme == m_doc.end()) return;
    if (!theme->is_object()) { error("/theme", "theme must be an object"); return; }
    const DocumentVocabulary& vocabulary = documentVocabulary();
    for (auto& [k, v] : theme->items())
        if (std::find(vocabulary.themeKeys.begin(), vocabulary.themeKeys.end(), k) == vocabulary.themeKeys.end())
            unknownName(Diagnostic::Level::Warning, childPointer("/theme", k), "unknown theme key " + inQuotes(k), k, vocabulary.themeKeys, true);
    // Each returns whether the key was given and valid; a bad value is an error at its pointer and keeps the default.
    auto color = [&](const char* key, std::string* out, std::uint32_t* packed) {
        auto it = theme->find(key);
        if (it == theme->end()) return false;
        if (!it->is_string() || !parseColor(it->get<std::string>(), packed)) {
            error(std::string("/theme/") + key, std::string(key) + " must be a color like \"#4F7CFF\" or a CSS name");
            return false;
        }
        *out = it->get<std::string>();
        return true;
    };
    auto choice = [&](const char* key, const std::vector<std::string>& choices, std::string* out) {
        auto it = theme->find(key);
        if (it == theme->end()) return false;
        std::string s = it->is_string() ? it->get<std::string>() : it->dump();
        if (std::find(choices.begin(), choices.end(), s) == choices.end()) {
            unknownName(Diagnostic::Level::Error, std::string("/theme/") + key, std::string(key) + " must be " + oneOf(choices) + "; got " + inQuotes(s), s, choices, false);
            return false;
        }
        *out = s;
        return true;
    };
    if (auto p = theme->find("preset"); p != theme->end()) {
        std::string s = p->is_string() ? p->get<std::string>() : "";
        auto& presets = themePresets();
        if (std::find(presets.begin(), presets.end(), s) == presets.end())
            unknownName(Diagnostic::Level::Error, "/theme/preset", "unknown theme preset " + inQuotes(s), s, presets, false);
        else m_spec.themePreset = s;
    }
    ThemeOptions& look = m_spec.theme;
    std::uint32_t brand, background, surface, header, accent, text, tone;
    color("brand", &m_spec.brand, &brand);
    std::string mode;
    const bool modeGiven = choice("mode", vocabulary.themeModes, &mode);
    m_spec.dark = mode == "dark";
    const bool backgroundGiven = color("background", &look.background, &background);
    const bool surfaceGiven = color("surface", &look.surface, &surface);
    color("header", &look.header, &header);
    color("accent", &look.accent, &accent);
    color("text", &look.text, &text);
    for (auto [key, out] : {std::pair{"success", &look.success}, {"warning", &look.warning}, {"danger", &look.danger}, {"info", &look.info}})
        color(key, out, &tone);
    choice("font", vocabulary.themeFonts, &look.font);
    choice("density", vocabulary.themeDensities, &look.density);
    choice("corners", vocabulary.themeCorners, &look.corners);
    if (backgroundGiven || (surfaceGiven && !modeGiven)) {
        const bool dark = isDarkColor(backgroundGiven ? background : surface);
        if (modeGiven && dark != m_spec.dark)
            warn("/theme/mode", "mode is " + inQuotes(mode) + " but the background is " + (dark ? "dark" : "light") + "; the text follows the background");
        m_spec.dark = dark;
    } else if (surfaceGiven && isDarkColor(surface) != m_spec.dark)
        warn("/theme/surface", "the surface is " + std::string(m_spec.dark ? "light" : "dark") + " but mode is " + inQuotes(mode) +
                                   "; the mode's own surfaces are used (give a background of the same darkness to keep it)");
}

void Compiler::compileState() {
    if (auto st = m_doc.find("state"); st != m_doc.end()) {
        if (!st->is_object()) error("/state", "state must be an object of named values");
        else if (JsonSize size = measureJson(*st, limits::kStateSize.value, (int)limits::kStateDepth.value);
                 size.bytes > limits::kStateSize.value || size.depth > limits::kStateDepth.value)
            error("/state", "state is larger than its budget of " + thousands(limits::kStateSize.value) + " bytes or " +
                                thousands(limits::kStateDepth.value) + " levels; make the mock data smaller");
        else m_spec.initialState = *st;
    }
    for (auto& [k, v] : m_spec.initialState.items()) m_stateKeys.insert(k);
}

//-----------------------------------------------------------------------------
// [SECTION] Components, named actions, mocks
//-----------------------------------------------------------------------------

void Compiler::compileComponents() {
    const Json* comps = section("components", "components must map names to {\"params\": {...}, \"body\": node}");
    if (!comps) return;
    for (auto& [k, v] : comps->items()) {
        std::string p = childPointer("/components", k);
        if (WidgetCatalog::get().find(k)) { error(p, "component " + inQuotes(k) + " has the name of a built-in widget"); continue; }
        ComponentDef c;
        c.name = k;
        c.pointer = p;
        if (!v.is_object() || !v.contains("body")) { error(p, "a component looks like {\"params\": {\"title\": \"\"}, \"body\": {...}}"); continue; }
        c.body = &v["body"];
        if (auto params = v.find("params"); params != v.end()) {
            if (params->is_object()) for (auto& [pk, pv] : params->items()) c.params.push_back({pk, pv});
            else if (params->is_array()) for (auto& pk : *params) { if (pk.is_string()) c.params.push_back({pk.get<std::string>(), nullptr}); }
            else error(childPointer(p, "params"), "params must be an object of defaults");
        }
        m_components.push_back(std::move(c));
    }
}

void Compiler::compileNamedActions() {
    const Json* a = section("actions", "actions must map names to action sequences");
    if (!a) return;
    for (auto& [k, v] : a->items()) m_spec.actions.push_back({k, compileActions(v, childPointer("/actions", k))});
}

void Compiler::compileMocks() {
    const Json* m = section("mocks", "mocks must map names to mock endpoints");
    if (!m) return;
    for (auto& [k, v] : m->items()) {
        std::string p = childPointer("/mocks", k);
        Mock mock;
        mock.name = k;
        mock.pointer = p;
        mock.result = Template::literal(Json::object());
        mock.fail = Template::literal(false);
        mock.error = Template::literal("Something went wrong");
        if (!v.is_object()) { error(p, "a mock looks like {\"latency\": 800, \"result\": {...}}"); continue; }
        for (auto& [mk, mv] : v.items()) {
            std::string mp = childPointer(p, mk);
            if (mk == "latency") {
                if (mv.is_number() && mv.get<double>() >= 0) mock.latencyMs = std::min(mv.get<double>(), 60000.0);
                else error(mp, "latency must be milliseconds");
            } else if (mk == "result") mock.result = compileTemplate(mv, mp);
            else if (mk == "fail") mock.fail = compileTemplate(mv, mp);
            else if (mk == "error") mock.error = compileTemplate(mv, mp);
            else unknownName(Diagnostic::Level::Warning, mp, "unknown mock key " + inQuotes(mk), mk, documentVocabulary().mockKeys, true);
        }
        m_spec.mocks.push_back(std::move(mock));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Screens and overlays
//-----------------------------------------------------------------------------

void Compiler::compileScreens() {
    auto screens = m_doc.find("screens");
    if (screens == m_doc.end() || !screens->is_object() || screens->empty()) {
        error(screens == m_doc.end() ? "" : "/screens", "a spec needs \"screens\": {\"home\": {\"title\": \"Home\", \"body\": [...]}}");
        return;
    }
    for (auto& [id, s] : screens->items()) {
        std::string p = childPointer("/screens", id);
        Screen scr;
        scr.id = id;
        scr.pointer = p;
        scr.title = Template::literal(id);
        if (!s.is_object()) { error(p, "a screen looks like {\"title\": \"Home\", \"body\": [...]}"); m_spec.screens.push_back(std::move(scr)); continue; }
        m_scopeNames.clear();
        for (auto& [k, v] : s.items()) {
            std::string kp = childPointer(p, k);
            if (k == "title") scr.title = compileTemplate(v, kp);
            else if (k == "body") scr.body = compileNodes(v, kp, id, 0);
            else if (k == "bar") {
                if (v.is_boolean()) scr.showBar = v.get<bool>();
                else scr.barActions = compileNodes(v, kp, id + "/bar", 0);
            } else if (k == "onEnter") scr.onEnter = compileActions(v, kp);
            else if (k == "icon") {
                if (!v.is_string()) error(kp, "icon must be an icon name");
            } else if (k == "variants") checkVariants(v, kp);
            else unknownName(Diagnostic::Level::Warning, kp, "unknown screen key " + inQuotes(k), k, documentVocabulary().screenKeys, true);
        }
        m_spec.screens.push_back(std::move(scr));
    }
}

void Compiler::compileOverlays() {
    const Json* overlays = section("overlays", "overlays must map ids to dialogs, sheets or toasts");
    if (!overlays) return;
    const std::vector<std::string>& kinds = documentVocabulary().overlayKinds;
    for (auto& [id, o] : overlays->items()) {
        std::string p = childPointer("/overlays", id);
        Overlay ov;
        ov.id = id;
        ov.pointer = p;
        if (!o.is_object()) { error(p, "an overlay looks like {\"kind\": \"dialog\", \"title\": \"...\", \"body\": [...]}"); continue; }
        m_scopeNames.clear();
        for (auto& [k, v] : o.items()) {
            std::string kp = childPointer(p, k);
            if (k == "kind") {
                std::string s = v.is_string() ? v.get<std::string>() : "";
                if (std::find(kinds.begin(), kinds.end(), s) == kinds.end()) unknownName(Diagnostic::Level::Error, kp, "kind must be " + oneOf(kinds), s, kinds, false);
                else ov.kind = s;
            } else if (k == "title") ov.title = compileTemplate(v, kp);
            else if (k == "body") ov.body = compileNodes(v, kp, id, 0);
            else if (k == "actions") ov.actions = compileNodes(v, kp, id + "/actions", 0);
            else if (k == "variants") checkVariants(v, kp);
            else unknownName(Diagnostic::Level::Warning, kp, "unknown overlay key " + inQuotes(k), k, documentVocabulary().overlayKeys, true);
        }
        m_spec.overlays.push_back(std::move(ov));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Navigation
//-----------------------------------------------------------------------------

void Compiler::compileNav() {
    if (auto nv = m_doc.find("nav"); nv != m_doc.end()) {
        if (!nv->is_object()) error("/nav", "nav must be {\"kind\": \"tabs\", \"start\": \"home\", \"items\": [...]}");
        else
            for (auto& [k, v] : nv->items()) {
                std::string kp = childPointer("/nav", k);
                if (k == "kind") {
                    const std::vector<std::string>& kinds = documentVocabulary().navKinds;
                    std::string s = v.is_string() ? v.get<std::string>() : "";
                    if (std::find(kinds.begin(), kinds.end(), s) == kinds.end()) unknownName(Diagnostic::Level::Error, kp, "kind must be " + oneOf(kinds), s, kinds, false);
                    else m_spec.nav.kind = s;
                } else if (k == "start") {
                    std::string s = v.is_string() ? v.get<std::string>() : "";
                    if (!m_screenIds.count(s)) unknownName(Diagnostic::Level::Error, kp, "start screen " + inQuotes(s) + " does not exist", s, {m_screenIds.begin(), m_screenIds.end()}, false);
                    else m_spec.nav.start = s;
                } else if (k == "items") compileNavItems(v, kp);
                else unknownName(Diagnostic::Level::Warning, kp, "unknown nav key " + inQuotes(k), k, documentVocabulary().navKeys, true);
            }
    }
    completeNav();
}

void Compiler::compileNavItems(const Json& items, const std::string& ptr) {
    if (!items.is_array()) { error(ptr, "items must be a list of screen ids"); return; }
    for (size_t i = 0; i < items.size(); ++i) {
        NavItem item;
        const Json& it = items[i];
        std::string ip = childPointer(ptr, i);
        if (it.is_string()) item.screen = it.get<std::string>();
        else if (it.is_object() && it.contains("screen") && it["screen"].is_string()) {
            item.screen = it["screen"].get<std::string>();
            if (it.contains("label")) item.label = compileTemplate(it["label"], childPointer(ip, "label"));
            if (it.contains("icon") && it["icon"].is_string()) item.icon = it["icon"].get<std::string>();
            if (it.contains("badge")) item.badge = compileTemplate(it["badge"], childPointer(ip, "badge"));
        } else { error(ip, "a nav item is a screen id or {\"screen\": id, \"label\": ..., \"icon\": ...}"); continue; }
        if (!m_screenIds.count(item.screen)) {
            unknownName(Diagnostic::Level::Error, it.is_string() ? ip : childPointer(ip, "screen"), "nav item: no screen named " + inQuotes(item.screen), item.screen, {m_screenIds.begin(), m_screenIds.end()}, false);
            continue;
        }
        m_spec.nav.items.push_back(std::move(item));
    }
}

// What nav leaves out is filled in: the start screen, items for tabs and sidebars, their labels and icons.
void Compiler::completeNav() {
    Nav& nav = m_spec.nav;
    auto screenIcon = [&](const std::string& id) -> std::string {
        const Json& s = m_doc["screens"][id];
        auto it = s.find("icon");
        return it != s.end() && it->is_string() ? it->get<std::string>() : "";
    };
    if (nav.start.empty() && !m_spec.screens.empty()) nav.start = nav.items.empty() ? m_spec.screens.front().id : nav.items.front().screen;
    if (nav.kind != "stack" && nav.items.empty())
        for (auto& s : m_spec.screens)
            if (nav.items.size() < 5) nav.items.push_back({s.id, Template(), ""});
    for (auto& item : nav.items) {
        if (!item.label.isLiteral() || !item.label.raw().is_null()) continue;
        const Screen* s = m_spec.screen(item.screen);
        item.label = s ? s->title : Template::literal(item.screen);
    }
    for (auto& item : nav.items)
        if (item.icon.empty()) item.icon = screenIcon(item.screen);
}

} // namespace pt
