// Promptotype — Prototype implementation.
//
// [SECTION] Lifecycle (construction, reset, hot reload)
// [SECTION] Navigation, overlays, toasts
// [SECTION] Actions and validation
// [SECTION] Frame: update and draw
// [SECTION] Chrome: app bar, tab bar, sidebar, overlays, toasts

#include "runtime/engine/prototype.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/limits.h"
#include <algorithm>
#include <climits>
#include <cmath>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Lifecycle
//-----------------------------------------------------------------------------

namespace {

long long bytesOf(const Json& v) { return measureJson(v, LLONG_MAX, INT_MAX).bytes; }

// What the state's top-level entry `key` weighs (0 when absent): a write changes only this entry.
long long entryBytes(const Json& state, const std::string& key) {
    auto it = state.find(key);
    return it == state.end() ? 0 : (long long)key.size() + bytesOf(*it);
}

} // namespace

Prototype::Prototype(std::shared_ptr<const Spec> spec) : m_spec(std::move(spec)), m_runner(*this) {
    setTheme(m_spec->dark);
    m_host = [this](std::string_view name, const std::vector<Json>& args, Json& out) {
        if (name == "pending") {
            out = !args.empty() && pending(toDisplayString(args[0]));
            return true;
        }
        return false;
    };
    reset();
}

void Prototype::reset() {
    m_state = m_spec->initialState;
    m_stateBytes = bytesOf(m_state);
    m_clock = m_spec->clockStart;
    m_elapsed = 0;
    m_stack = {{m_spec->nav.start, Json::object(), 0}};
    m_overlays.clear();
    m_toasts.clear();
    m_runner.clear();
    m_fieldErrors.clear();
    m_later.clear();
    m_ui.forgetEdits();
    m_localValues.clear();
    enterScreen();
}

namespace {

// Keeps `old` where it has the same shape as `fresh` (same type; arrays keep their items when
// the first items agree in type), so a hot reload keeps what a stakeholder typed and added.
Json mergeState(const Json& old, const Json& fresh) {
    if (old.is_number() && fresh.is_number()) return old;  // 2.0 after an `inc` still fits an integer 0
    if (old.type() != fresh.type()) return fresh;
    if (fresh.is_object()) {
        Json out = Json::object();
        for (auto& [k, v] : fresh.items()) {
            auto it = old.find(k);
            out[k] = it == old.end() ? v : mergeState(*it, v);
        }
        return out;
    }
    if (fresh.is_array() && !old.empty() && !fresh.empty() && old[0].type() != fresh[0].type() && !(old[0].is_number() && fresh[0].is_number()))
        return fresh;
    return old;
}

} // namespace

void Prototype::replaceSpec(std::shared_ptr<const Spec> spec) {
    const std::vector<std::string> wasPending = m_spec->pendingState;
    m_spec = std::move(spec);
    m_state = mergeState(m_state, m_spec->initialState);
    // A key that was still being generated held nothing real: it takes the new value whole (a merge would keep an
    // early partial array over the finished one).
    for (const std::string& key : wasPending)
        if (auto it = m_spec->initialState.find(key); it != m_spec->initialState.end()) m_state[key] = *it;
    m_stateBytes = bytesOf(m_state);
    if (m_stateBytes > limits::kStateSize.value) {  // the kept values and the new ones together are too much: start over
        m_state = m_spec->initialState;
        m_stateBytes = bytesOf(m_state);
    }
    setTheme(m_dark);
    m_runner.clear();
    m_stack.erase(std::remove_if(m_stack.begin(), m_stack.end(), [&](const Frame& f) { return !m_spec->screen(f.screen); }), m_stack.end());
    if (m_stack.empty()) m_stack = {{m_spec->nav.start, Json::object(), 0}};
    m_overlays.erase(std::remove_if(m_overlays.begin(), m_overlays.end(), [&](const std::string& o) { return !m_spec->overlay(o); }), m_overlays.end());
    m_ui.forgetSpec();
}

void Prototype::setTheme(bool dark) {
    m_dark = dark;
    m_theme = Theme::make(m_spec->themePreset, m_spec->brand, dark, m_spec->theme);
}

void Prototype::report(std::string message) {
    if (std::find(m_messages.begin(), m_messages.end(), message) == m_messages.end() && m_messages.size() < 100)
        m_messages.push_back(std::move(message));
}

Json Prototype::localValue(const std::string& key) const {
    auto it = m_localValues.find(key);
    return it == m_localValues.end() ? Json(nullptr) : it->second;
}

EvalEnv Prototype::env() const {
    EvalEnv e;
    e.now = m_clock;
    e.host = &m_host;
    return e;
}

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

bool Prototype::setPath(std::string_view path, Json value, std::string* error, bool* overBudget) {
    if (overBudget) *overBudget = false;
    std::vector<std::string> segments;
    if (!splitPath(path, &segments)) return assignPath(m_state, path, std::move(value), error);  // says what is wrong
    // Judged before writing: the value replaced comes off, the new one and the objects made on the way go on.
    const Json* old = findPath(m_state, path);
    JsonSize added = measureJson(value, limits::kStateSize.value, (int)limits::kStateDepth.value);
    long long grown = m_stateBytes - (old ? bytesOf(*old) : 0) + added.bytes;
    for (auto& s : segments) grown += 16 + (long long)s.size();
    if (grown > limits::kStateSize.value || (long long)segments.size() + added.depth > limits::kStateDepth.value) {
        if (error) *error = "the state would grow past its budget of " + thousands(limits::kStateSize.value) + " bytes or " +
                            thousands(limits::kStateDepth.value) + " levels";
        if (overBudget) *overBudget = true;
        return false;
    }
    long long before = entryBytes(m_state, segments[0]);
    bool written = assignPath(m_state, path, std::move(value), error);
    m_stateBytes += entryBytes(m_state, segments[0]) - before;  // exact, so the count never drifts
    return written;
}
const Json* Prototype::getPath(std::string_view path) const { return findPath(m_state, path); }

void Prototype::write(const std::string& path, Json value) {
    std::string error;
    if (!setPath(path, std::move(value), &error)) report("cannot set '" + path + "': " + error);
}

void Prototype::editInput(const Node& node, const std::string& key, const std::string* boundPath, const Json& value) {
    m_fieldErrors.erase(key);  // editing a field clears its message until the next validate
    storeInput(key, boundPath, value);
    if (m_inputObserver) m_inputObserver(node, key, value);
}

void Prototype::storeInput(const std::string& key, const std::string* boundPath, const Json& value) {
    if (boundPath) {
        if (!later([this, path = *boundPath, value] { write(path, value); })) write(*boundPath, value);
    } else {
        m_localValues[key] = value;  // the field itself shows it at once
    }
}

bool Prototype::later(std::function<void()> request) {
    if (!m_drawing) return false;
    m_later.push_back(std::move(request));
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Navigation, overlays, toasts
//-----------------------------------------------------------------------------

const std::string& Prototype::currentScreen() const { return m_stack.back().screen; }
const Json& Prototype::screenParams() const { return m_stack.back().params; }

void Prototype::enterScreen() {
    // Screens entered by actions in one pass form a chain (onEnter -> navigate -> onEnter ...); one that
    // grows past its budget is a loop: stay here without running this onEnter, and name the loop.
    if (!m_runner.running()) m_entryChain.clear();
    m_entryChain.push_back(currentScreen());
    if ((long long)m_entryChain.size() > limits::kNavigationChain.value) {
        auto loopStart = std::find(m_entryChain.rbegin() + 1, m_entryChain.rend(), currentScreen());
        auto from = loopStart == m_entryChain.rend() ? m_entryChain.begin() : loopStart.base() - 1;
        std::string chain;
        for (auto it = from; it != m_entryChain.end(); ++it) chain += (chain.empty() ? "" : " -> ") + *it;
        report((loopStart == m_entryChain.rend() ? "onEnter navigation chain too long: " : "onEnter navigation loop: ") + chain +
               " (stopped on '" + currentScreen() + "')");
        return;
    }
    const Screen* s = m_spec->screen(currentScreen());
    if (s && !s->onEnter.empty()) {
        Scope scope(&m_state);
        scope.bindValue("params", screenParams());
        m_runner.start(m_spec, s->onEnter, std::move(scope));
    }
}

void Prototype::navigate(const std::string& screen, Json params) { show(screen, std::move(params), true); }

void Prototype::pushOrReturn(const std::string& screen, Json params) { show(screen, std::move(params), false); }

void Prototype::show(const std::string& screen, Json params, bool fromNavChrome) {
    if (later([this, screen, params, fromNavChrome] { show(screen, params, fromNavChrome); })) return;
    if (!m_spec->screen(screen)) {
        report("navigate: no screen named '" + screen + "'");
        return;
    }
    m_overlays.clear();
    const bool navRoot = m_spec->nav.kind != "stack" &&
        std::any_of(m_spec->nav.items.begin(), m_spec->nav.items.end(), [&](const NavItem& i) { return i.screen == screen; });
    if (fromNavChrome && navRoot) m_stack.clear();  // the tab bar and sidebar switch between roots
    // An action returns to a screen anywhere on the stack; the chrome only stays on the one it shows.
    auto onStack = std::find_if(m_stack.begin(), m_stack.end(), [&](const Frame& f) { return f.screen == screen; });
    if (fromNavChrome && onStack != m_stack.end() && onStack + 1 != m_stack.end()) onStack = m_stack.end();
    if (onStack != m_stack.end()) {
        m_stack.erase(onStack + 1, m_stack.end());
        if (!params.empty()) m_stack.back().params = std::move(params);
    } else {
        m_stack.push_back({screen, std::move(params), 0});
    }
    enterScreen();
}

bool Prototype::back() {
    if (m_stack.size() <= 1) return false;
    if (later([this] { back(); })) return true;
    m_stack.pop_back();
    return true;
}

void Prototype::showScreen(const std::string& screen) {
    if (!m_spec->screen(screen)) return;
    if (later([this, screen] { showScreen(screen); })) return;
    m_overlays.clear();
    m_stack = {{screen, Json::object(), 0}};
    enterScreen();
}

void Prototype::openOverlay(const std::string& id, Json params) {
    if (later([this, id, params] { openOverlay(id, params); })) return;
    const Overlay* o = m_spec->overlay(id);
    if (!o) { report("open: no overlay named '" + id + "'"); return; }
    if (o->kind == "toast") {
        Scope scope(&m_state);
        toast(toDisplayString(o->title.eval(scope, env())), "info");
        return;
    }
    m_overlayParams[id] = std::move(params);
    if (std::find(m_overlays.begin(), m_overlays.end(), id) == m_overlays.end()) m_overlays.push_back(id);
}

void Prototype::closeOverlay() {
    if (later([this] { closeOverlay(); })) return;
    if (!m_overlays.empty()) m_overlays.pop_back();
}

void Prototype::toast(std::string text, std::string tone) {
    if (text.empty()) return;
    if (later([this, text, tone] { toast(text, tone); })) return;
    m_toasts.push_back({std::move(text), std::move(tone), m_elapsed + 2.8});
    if (m_toasts.size() > 3) m_toasts.erase(m_toasts.begin());
}

const std::vector<std::pair<std::string, std::string>> Prototype::toasts() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& t : m_toasts) out.push_back({t.text, t.tone});
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Actions and validation
//-----------------------------------------------------------------------------

void Prototype::run(const ActionList& actions, const Scope& scope, const Json& payload) {
    auto captured = std::make_shared<Scope>(scope.snapshot());  // the scope the widget was drawn in
    if (!payload.is_null()) {
        captured->bindValue("value", payload);
        captured->bindValue("event", payload);
    }
    auto start = [this, spec = m_spec, &actions, captured] {
        m_entryChain.clear();  // a new event: its navigations are a new chain
        m_runner.start(spec, actions, std::move(*captured));
    };
    if (later(start)) return;
    start();
}

namespace {

size_t utf8Length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool looksLikeEmail(const std::string& s) {
    size_t at = s.find('@');
    return at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos && s.back() != '.' && s.find(' ') == std::string::npos;
}

// The first failing rule's message, or "". A rule the spec got wrong passes and is described in `problem`.
std::string checkRules(const Node& n, const Json& value, const Scope& scope, const EvalEnv& env, std::string& problem) {
    std::string text = toDisplayString(value);
    bool empty = value.is_null() || (value.is_string() && text.find_first_not_of(" \t") == std::string::npos) ||
                 (value.is_boolean() && !value.get<bool>()) || (value.is_array() && value.empty());
    for (auto& r : n.rules) {
        Json arg = r.arg.eval(scope, env);
        std::string fallback;
        bool ok = true;
        double num = value.is_number() ? value.get<double>() : std::strtod(text.c_str(), nullptr);
        double lim = arg.is_number() ? arg.get<double>() : std::strtod(toDisplayString(arg).c_str(), nullptr);
        if (r.kind == "required") { ok = !empty; fallback = "This field is required"; }
        else if (empty) continue;  // other rules judge only what was entered
        else if (r.kind == "email") { ok = looksLikeEmail(text); fallback = "Enter a valid email address"; }
        else if (r.kind == "min") { ok = num >= lim; fallback = "Must be at least " + toDisplayString(arg); }
        else if (r.kind == "max") { ok = num <= lim; fallback = "Must be at most " + toDisplayString(arg); }
        else if (r.kind == "minLength") { ok = utf8Length(text) >= (size_t)std::max(0.0, lim); fallback = "Use at least " + toDisplayString(arg) + " characters"; }
        else if (r.kind == "maxLength") { ok = utf8Length(text) <= (size_t)std::max(0.0, lim); fallback = "Use at most " + toDisplayString(arg) + " characters"; }
        else if (r.kind == "match") { ok = toDisplayString(arg) == text; fallback = "Doesn't match"; }
        else if (r.kind == "pattern") {
            fallback = "Invalid format";
            std::string why;
            std::shared_ptr<const Pattern> pattern = r.pattern ? r.pattern : Pattern::compile(toDisplayString(arg), &why);
            if (pattern) ok = pattern->matches(text);
            else problem = n.pointer + "/rules: pattern: " + why;
        }
        if (!ok) {
            std::string msg = toDisplayString(r.message.eval(scope, env));
            return msg.empty() ? fallback : msg;
        }
    }
    return "";
}

} // namespace

bool Prototype::validate(const std::vector<std::string>& ids) {
    bool allOk = true;
    for (auto& f : m_ui.fields()) {
        if (!ids.empty() && std::find(ids.begin(), ids.end(), f.node->id) == ids.end()) continue;
        Json value;
        if (f.node->hasBind) {
            const Json* v = getPath(toDisplayString(f.node->bind.eval(*f.scope, env())));
            value = v ? *v : Json(nullptr);
        } else {
            value = localValue(f.key);
        }
        std::string problem;
        std::string msg = checkRules(*f.node, value, *f.scope, env(), problem);
        if (!problem.empty()) report(problem);
        if (msg.empty()) m_fieldErrors.erase(f.key);
        else {
            m_fieldErrors[f.key] = msg;
            allOk = false;
            scrollIntoView(f.key);
        }
    }
    return allOk;
}

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

void Prototype::update(double dt) {
    m_elapsed += std::clamp(dt, 0.0, 1.0);
    m_entryChain.clear();  // what resumes now (after a delay, a call) starts a new chain
    m_runner.update(m_elapsed);
    m_toasts.erase(std::remove_if(m_toasts.begin(), m_toasts.end(), [&](const Toast& t) { return t.until <= m_elapsed; }), m_toasts.end());
}

void Prototype::draw(const ImRect& area) {
    m_drawing = true;
    m_theme.apply(ImGui::GetStyle());
    const Screen* screen = m_spec->screen(currentScreen());
    if (!screen) screen = &m_spec->screens.front();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(area.Min, area.Max, m_theme.c.bg);
    if (m_fonts) ImGui::PushFont(m_fonts->get(TextStyle::Body, m_theme.font));
    if (m_inert) {  // select/review mode: the presenter points at widgets without pressing them
        ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
        ImGui::BeginDisabled();
    }

    // Open overlays' params lie over the screen's: an overlay opened for one item reads it as `params`.
    Json params = screenParams();
    for (const std::string& id : m_overlays)
        if (auto it = m_overlayParams.find(id); it != m_overlayParams.end() && it->second.is_object()) params.update(it->second);
    Scope base(&m_state);
    base.bindValue("params", std::move(params));
    m_ui.beginFrame(base);

    const Nav& nav = m_spec->nav;
    bool wide = area.GetWidth() >= 700;
    bool isRoot = m_stack.size() == 1;
    bool sidebar = nav.kind == "sidebar" && wide && !nav.items.empty();
    bool tabs = !nav.items.empty() && isRoot && (nav.kind == "tabs" || (nav.kind == "sidebar" && !wide));
    ImRect r = area;
    // While an overlay is up, the screen below still shows but takes no input.
    bool blocked = !m_overlays.empty();
    if (blocked) {
        ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
        ImGui::BeginDisabled();
    }
    m_ui.pushLayer(WidgetLayer::Chrome);
    if (sidebar) {
        drawSidebar(ImRect(r.Min, ImVec2(r.Min.x + 232, r.Max.y)));
        r.Min.x += 232;
    }
    if (tabs) {
        drawTabBar(ImRect(ImVec2(r.Min.x, r.Max.y - 68), r.Max));
        r.Max.y -= 68;
    }
    if (screen->showBar) {
        drawAppBar(ImRect(r.Min, ImVec2(r.Max.x, r.Min.y + 60)), *screen);
        r.Min.y += 60;
    }
    m_ui.popLayer();
    m_screenRect = r;
    drawBody(r, *screen);
    if (blocked) {
        ImGui::EndDisabled();
        ImGui::PopStyleVar();
    }
    for (size_t i = 0; i < m_overlays.size(); ++i)
        if (const Overlay* o = m_spec->overlay(m_overlays[i])) {
            m_ui.pushLayer(WidgetLayer::Overlay);
            drawOverlay(area, *o, i + 1 == m_overlays.size());
            m_ui.popLayer();
        }
    drawToasts(area);
    if (m_inert) {
        ImGui::EndDisabled();
        ImGui::PopStyleVar();
    }

    if (m_fonts) ImGui::PopFont();
    m_ui.endFrame();
    m_drawing = false;
    auto requests = std::move(m_later);
    m_later.clear();
    for (auto& request : requests) request();
}

//-----------------------------------------------------------------------------
// [SECTION] Chrome
//-----------------------------------------------------------------------------

namespace {

// A clickable region recorded as a probe without a spec node (nav chrome).
bool chromeButton(Ui& ui, const char* id, const ImRect& r, const std::string& label, std::string key) {
    ImGui::SetCursorScreenPos(r.Min);
    bool pressed = ImGui::InvisibleButton(id, ImVec2(std::max(1.0f, r.GetWidth()), std::max(1.0f, r.GetHeight())));
    ui.probeChrome(std::move(key), label, r);
    return pressed;
}

} // namespace

void Prototype::drawAppBar(const ImRect& r, const Screen& s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& c = m_theme.c;
    dl->AddRectFilled(r.Min, r.Max, c.header);
    dl->AddLine(ImVec2(r.Min.x, r.Max.y - 0.5f), ImVec2(r.Max.x, r.Max.y - 0.5f), c.border);
    float x = r.Min.x + 12;
    float cy = r.GetCenter().y;
    if (canGoBack()) {
        ImRect b(ImVec2(x, cy - 20), ImVec2(x + 40, cy + 20));
        bool hovered = b.Contains(ImGui::GetIO().MousePos);
        if (hovered) dl->AddRectFilled(b.Min, b.Max, c.headerHover, 20);
        const std::string& glyph = iconGlyph("chevron-left");
        ImFont* f = m_ui.font(TextStyle::H3);
        ImVec2 sz = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, glyph.c_str());
        dl->AddText(f, f->FontSize, b.GetCenter() - sz * 0.5f, c.headerActive, glyph.c_str());
        if (chromeButton(m_ui, "##back", b, "Back", "nav:back")) back();
        x += 44;
    }
    std::string title = toDisplayString(m_ui.eval(s.title));
    ImVec2 ts = m_ui.measure(title, TextStyle::H3);
    bool centered = m_spec->device == "phone";
    ImVec2 pos = centered ? ImVec2(r.GetCenter().x - ts.x * 0.5f, cy - ts.y * 0.5f) : ImVec2(x + 8, cy - ts.y * 0.5f);
    m_ui.textAt(pos, title, TextStyle::H3, c.onHeader);
    if (!s.barActions.empty()) {
        // Trailing actions laid out right to left from last frame's width, drawn in the header's colors.
        ImGuiID wid = ImGui::GetID("##barw");
        float w = ImGui::GetStateStorage()->GetFloat(wid, 44.0f * s.barActions.size());
        ImGui::SetCursorScreenPos(ImVec2(r.Max.x - 12 - w, cy - 20));
        Theme body = m_theme;
        m_theme = body.onHeader();
        ImGui::GetStateStorage()->SetFloat(wid, m_ui.drawRow(s.barActions, 4));
        m_theme = std::move(body);
    }
}

void Prototype::drawBody(const ImRect& r, const Screen& s) {
    ImGui::SetCursorScreenPos(r.Min);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(m_theme.pad, m_theme.pad));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    std::string id = "##screen_" + s.id;
    bool open = ImGui::BeginChild(id.c_str(), r.GetSize(), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    m_screenScrollLeft = 0;
    if (open) {
        m_ui.drawColumn(s.body);
        ImGui::Dummy(ImVec2(1, m_theme.pad));  // breathing room above the tab bar
        m_screenScrollLeft = ImGui::GetScrollMaxY() - ImGui::GetScrollY();
    }
    ImGui::EndChild();
}

void Prototype::drawTabBar(const ImRect& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& c = m_theme.c;
    dl->AddRectFilled(r.Min, r.Max, c.header);
    dl->AddLine(r.Min, ImVec2(r.Max.x, r.Min.y), c.border);
    const auto& items = m_spec->nav.items;
    float w = r.GetWidth() / (float)items.size();
    for (size_t i = 0; i < items.size(); ++i) {
        const NavItem& item = items[i];
        ImRect cell(ImVec2(r.Min.x + w * i, r.Min.y), ImVec2(r.Min.x + w * (i + 1), r.Max.y));
        bool active = currentScreen() == item.screen;
        ImU32 col = active ? c.headerActive : c.headerMuted;
        const std::string& glyph = iconGlyph(item.icon.empty() ? "circle-o" : item.icon);
        ImFont* icon = m_ui.font(TextStyle::H2);
        ImVec2 is = icon->CalcTextSizeA(icon->FontSize, FLT_MAX, 0, glyph.c_str());
        if (active) dl->AddRectFilled(ImVec2(cell.GetCenter().x - 28, cell.Min.y + 8), ImVec2(cell.GetCenter().x + 28, cell.Min.y + 36), c.headerActiveBg, 14);
        dl->AddText(icon, icon->FontSize, ImVec2(cell.GetCenter().x - is.x * 0.5f, cell.Min.y + 22 - is.y * 0.5f), col, glyph.c_str());
        m_ui.cornerBadge(m_ui.eval(item.badge), ImVec2(cell.GetCenter().x + is.x * 0.5f + 2, cell.Min.y + 12), cell);
        std::string label = toDisplayString(m_ui.eval(item.label));
        // A label wider than its tab is cut with an ellipsis rather than running into the next one.
        const float room = w - 6;
        ImVec2 ls = m_ui.measure(label, TextStyle::Small);
        if (ls.x <= room) m_ui.textAt(ImVec2(cell.GetCenter().x - ls.x * 0.5f, cell.Min.y + 42), label, TextStyle::Small, col);
        else m_ui.fitText(ImVec2(cell.Min.x + 3, cell.Min.y + 42), label, TextStyle::Small, col, room);
        ImGui::PushID((int)i);
        if (chromeButton(m_ui, "##tab", cell, label, "nav:" + item.screen) && !active) navigate(item.screen);
        ImGui::PopID();
    }
}

void Prototype::drawSidebar(const ImRect& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& c = m_theme.c;
    dl->AddRectFilled(r.Min, r.Max, c.header);
    dl->AddLine(ImVec2(r.Max.x - 0.5f, r.Min.y), ImVec2(r.Max.x - 0.5f, r.Max.y), c.border);
    float y = r.Min.y + 22;
    ImFont* brandIcon = m_ui.font(TextStyle::H3);
    dl->AddRectFilled(ImVec2(r.Min.x + 18, y), ImVec2(r.Min.x + 50, y + 32), c.headerActive, 9);
    std::string initial = m_spec->name.empty() ? "P" : m_spec->name.substr(0, 1);
    ImVec2 is = brandIcon->CalcTextSizeA(brandIcon->FontSize, FLT_MAX, 0, initial.c_str());
    dl->AddText(brandIcon, brandIcon->FontSize, ImVec2(r.Min.x + 34 - is.x * 0.5f, y + 16 - is.y * 0.5f), c.onHeaderActive, initial.c_str());
    // Long names and labels end in an ellipsis rather than running past the sidebar's edge.
    m_ui.fitText(ImVec2(r.Min.x + 60, y + 16 - m_ui.measure(m_spec->name, TextStyle::H3).y * 0.5f), m_spec->name, TextStyle::H3, c.onHeader,
                 r.Max.x - 12 - (r.Min.x + 60));
    y += 64;
    const auto& items = m_spec->nav.items;
    for (size_t i = 0; i < items.size(); ++i) {
        const NavItem& item = items[i];
        ImRect row(ImVec2(r.Min.x + 12, y), ImVec2(r.Max.x - 12, y + 42));
        bool active = currentScreen() == item.screen || (m_stack.size() > 1 && m_stack.front().screen == item.screen);
        bool hovered = row.Contains(ImGui::GetIO().MousePos);
        if (active) dl->AddRectFilled(row.Min, row.Max, c.headerActiveBg, m_theme.radiusSmall);
        else if (hovered) dl->AddRectFilled(row.Min, row.Max, c.headerHover, m_theme.radiusSmall);
        ImU32 col = active ? c.headerActive : c.headerMuted;
        const std::string& glyph = iconGlyph(item.icon.empty() ? "circle-o" : item.icon);
        ImFont* f = m_ui.font(TextStyle::Body);
        dl->AddText(f, f->FontSize, ImVec2(row.Min.x + 14, row.GetCenter().y - f->FontSize * 0.5f), col, glyph.c_str());
        std::string label = toDisplayString(m_ui.eval(item.label));
        const Json badge = m_ui.eval(item.badge);
        const float labelRoom = row.Max.x - (truthy(badge) ? 40.0f : 10.0f) - (row.Min.x + 44);
        m_ui.fitText(ImVec2(row.Min.x + 44, row.GetCenter().y - f->FontSize * 0.5f), label, active ? TextStyle::Strong : TextStyle::Body,
                     active ? c.headerActive : c.onHeader, labelRoom);
        m_ui.cornerBadge(badge, ImVec2(row.Max.x - 22, row.GetCenter().y), row);
        ImGui::PushID((int)i);
        if (chromeButton(m_ui, "##side", row, label, "nav:" + item.screen)) navigate(item.screen);
        ImGui::PopID();
        y += 46;
    }
}

void Prototype::drawOverlay(const ImRect& area, const Overlay& o, bool top) {
    ImGui::SetCursorScreenPos(area.Min);
    std::string id = "##overlay_" + o.id;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    ImGui::BeginChild(id.c_str(), area.GetSize(), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    if (!top) ImGui::BeginDisabled();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(area.Min, area.Max, m_theme.c.scrim);
    // Clicking the scrim closes sheets (like a real app); dialogs want an explicit choice.
    ImGui::SetCursorScreenPos(area.Min);
    if (ImGui::InvisibleButton("##scrim", area.GetSize()) && o.kind == "sheet") closeOverlay();
    ImGui::SetItemAllowOverlap();

    bool sheet = o.kind == "sheet";
    ImGuiStorage* st = ImGui::GetStateStorage();
    ImGuiID hid = ImGui::GetID("##h");
    float pad = m_theme.pad + 4;
    float width = sheet ? area.GetWidth() : std::min(area.GetWidth() - 48, 380.0f);
    float height = std::min(st->GetFloat(hid, 200.0f), area.GetHeight() - 48);
    ImVec2 min = sheet ? ImVec2(area.Min.x, area.Max.y - height) : ImVec2(area.GetCenter().x - width * 0.5f, area.GetCenter().y - height * 0.5f);
    ImRect card(min, min + ImVec2(width, height));
    for (int i = 3; i >= 1; --i)
        dl->AddRectFilled(card.Min + ImVec2(0, i * 2.0f), card.Max + ImVec2(0, i * 2.0f), IM_COL32(0, 0, 0, 10 * i), m_theme.radius + 2, sheet ? ImDrawFlags_RoundCornersTop : 0);
    dl->AddRectFilled(card.Min, card.Max, m_theme.c.surface, m_theme.radius + 4, sheet ? ImDrawFlags_RoundCornersTop : 0);
    if (sheet) dl->AddRectFilled(ImVec2(card.GetCenter().x - 18, card.Min.y + 8), ImVec2(card.GetCenter().x + 18, card.Min.y + 12), m_theme.c.border, 2);

    // The card's content lives in its own child window: text wraps and inputs fill to the card's
    // padding, and a long body scrolls inside the card.
    ImGui::SetCursorScreenPos(card.Min + ImVec2(0, sheet ? 8.0f : 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    bool open = ImGui::BeginChild("##card", ImVec2(width, height - (sheet ? 8.0f : 0.0f)), false,
                                  ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    if (open) {
        std::string title = toDisplayString(m_ui.eval(o.title));
        if (!title.empty()) m_ui.text(title, TextStyle::H3, m_theme.c.text);
        m_ui.drawColumn(o.body);
        if (!o.actions.empty()) {
            ImGui::Dummy(ImVec2(1, 4));
            ImGuiID aw = ImGui::GetID("##actionsw");
            float w = st->GetFloat(aw, 0);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
            st->SetFloat(aw, m_ui.drawRow(o.actions, 8));
        }
        // Height the content wants (scroll-independent), for next frame's card.
        st->SetFloat(hid, ImGui::GetCursorPosY() + pad - ImGui::GetStyle().ItemSpacing.y + (sheet ? 8.0f : 0.0f));
    }
    ImGui::EndChild();
    if (!top) ImGui::EndDisabled();
    ImGui::EndChild();
}

void Prototype::drawToasts(const ImRect& area) {
    if (m_toasts.empty()) return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->PushClipRect(area.Min, area.Max, true);
    float y = m_screenRect.Max.y - 16;
    for (auto it = m_toasts.rbegin(); it != m_toasts.rend(); ++it) {
        const char* iconName = it->tone == "success" ? "check-circle" : it->tone == "danger" ? "exclamation-circle" : it->tone == "warning" ? "exclamation-triangle" : "info-circle";
        std::string glyph = iconGlyph(iconName);
        ImFont* f = m_ui.font(TextStyle::Body);
        float maxW = area.GetWidth() - 48;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, maxW - 60, it->text.c_str());
        float w = std::min(maxW, ts.x + 64), h = ts.y + 28;
        ImRect r(ImVec2(area.GetCenter().x - w * 0.5f, y - h), ImVec2(area.GetCenter().x + w * 0.5f, y));
        ImU32 bg = m_dark ? IM_COL32(236, 238, 243, 245) : IM_COL32(28, 31, 38, 240);
        ImU32 fg = m_dark ? IM_COL32(20, 22, 28, 255) : IM_COL32(255, 255, 255, 255);
        dl->AddRectFilled(r.Min + ImVec2(0, 3), r.Max + ImVec2(0, 3), IM_COL32(0, 0, 0, 40), 14);
        dl->AddRectFilled(r.Min, r.Max, bg, 14);
        dl->AddText(f, f->FontSize, ImVec2(r.Min.x + 16, r.GetCenter().y - f->FontSize * 0.5f), m_theme.tone(it->tone == "info" ? "brand" : it->tone), glyph.c_str());
        dl->AddText(f, f->FontSize, ImVec2(r.Min.x + 44, r.Min.y + 14), fg, it->text.c_str(), nullptr, maxW - 60);
        m_ui.noteText(it->text);
        y -= h + 8;
    }
    dl->PopClipRect();
}

} // namespace pt
