// Promptotype — Ui implementation: props in scope, children, events, binding, app access, probes.
//
// [SECTION] Frame
// [SECTION] Props and look
// [SECTION] Text
// [SECTION] Children and layout
// [SECTION] Events and binding
// [SECTION] App: clock, screens, problems
// [SECTION] Probes

#include "runtime/engine/ui.h"
#include "runtime/engine/prototype.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/limits.h"
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

void Ui::beginFrame(const Scope& base) {
    m_scopes = {&base};
    m_indexPath.clear();
    m_current = nullptr;
    m_disabledDepth = 0;
    m_expanded = 0;
    m_cutNoted = false;
    m_drawn = 0;
    m_scratchUsed = 0;
    m_textSpans.clear();
    m_textsStale = m_runsStale = true;
    m_layers.clear();
    m_popupLayers.clear();
    m_overlaysBegun = 0;
    forgetFrame();
}

void Ui::endFrame() {
    m_scopes.clear();
    m_lastDrawn = m_drawn;
}

void Ui::forgetFrame() {
    m_records.clear();
    m_paths.clear();
    m_boxes.clear();
    m_boxStack.clear();
    m_fields.clear();
    m_probesStale = m_layoutStale = true;
    if (m_textSpans.empty()) m_chars.clear();  // texts still refer to it otherwise
}

void Ui::forgetSpec() {
    forgetFrame();
    m_reads.clear();
}

void Ui::forgetEdits() { m_buffers.clear(); }

//-----------------------------------------------------------------------------
// [SECTION] Props and look
//-----------------------------------------------------------------------------

const Scope& Ui::scope() const { return *m_scopes.back(); }
EvalEnv Ui::env() const { return m_proto.env(); }

Json Ui::eval(const Template& t) const {
    if (t.isLiteral()) return t.raw();
    std::string error;
    Json v = t.eval(scope(), env(), &error);
    if (!error.empty()) report("expression: " + error);
    return v;
}

int Ui::propIndex(const WidgetDef& def, std::string_view name) const {
    const uint64_t h = (uint64_t)reinterpret_cast<uintptr_t>(&def) * 0x9E3779B97F4A7C15ull ^ (uint64_t)reinterpret_cast<uintptr_t>(name.data()) * 0xC2B2AE3D27D4EB4Full;
    PropSlot& slot = m_propSlots[(size_t)(h >> 55) & (m_propSlots.size() - 1)];
    // The address finds the slot; the name is still compared, so a name built at run time whose storage
    // is later reused for another name can never read the wrong prop.
    if (slot.def == &def && slot.name == name.data() && slot.length == name.size() && def.props[slot.index].name == name)
        return slot.index;
    int i = def.propIndex(name);
    if (i >= 0) slot = {&def, name.data(), (uint32_t)name.size(), i};
    return i;
}

const Template* Ui::propTemplate(const Node& n, std::string_view name) const {
    if (!n.def) return nullptr;
    int i = propIndex(*n.def, name);
    return i < 0 || i >= (int)n.props.size() ? nullptr : &n.props[i];
}

namespace {

// A prop's value when it needs no evaluation: the definition's default when the spec left the prop
// unset (shared by every node of the type, so it stays in cache; the loader fills unset props with
// exactly that default), else the node's own literal. nullptr when the template must be evaluated.
const Json* fixedValue(const Node& n, const Template& t, int index) {
    if (index < (int)n.propGiven.size() && !n.propGiven[index]) return &n.def->props[index].def;
    return t.isLiteral() ? &t.raw() : nullptr;
}

} // namespace

Json Ui::prop(const Node& n, std::string_view name) const {
    const Template* t = propTemplate(n, name);
    if (!t) return nullptr;
    const Json* v = fixedValue(n, *t, (int)(t - n.props.data()));
    return v ? *v : eval(*t);
}

namespace {

// ImGui reserves 4 vertices per character and indexes them with 16 bits: one text call past
// ~16k characters would overflow. Display text is capped well below that.
constexpr size_t kMaxDisplayBytes = 4000;

void cap(std::string& s) {
    if (s.size() <= kMaxDisplayBytes) return;
    size_t cut = kMaxDisplayBytes;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) --cut;  // never split a UTF-8 character
    s.resize(cut);
    s += "…";
}

const std::string kNoText;

} // namespace

const std::string& Ui::display(const Json& v) const {
    if (m_scratchUsed == m_scratch.size()) m_scratch.emplace_back();
    std::string& out = m_scratch[m_scratchUsed++];
    out = toDisplayString(v);
    cap(out);
    return out;
}

// Literal props (most of them) are read in place: no Json copy, no conversion per frame.
const std::string& Ui::str(const Node& n, std::string_view name) const {
    const Template* t = propTemplate(n, name);
    if (!t) return kNoText;
    const Json* v = fixedValue(n, *t, (int)(t - n.props.data()));
    if (!v) return display(eval(*t));
    if (v->is_string() && v->get_ref<const std::string&>().size() <= kMaxDisplayBytes) return v->get_ref<const std::string&>();
    return display(*v);
}

namespace {

double asNumber(const Json& v) {
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) return std::strtod(v.get<std::string>().c_str(), nullptr);
    if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
    return 0;
}

} // namespace

double Ui::num(const Node& n, std::string_view name) const {
    const Template* t = propTemplate(n, name);
    if (!t) return 0;
    const Json* v = fixedValue(n, *t, (int)(t - n.props.data()));
    return v ? asNumber(*v) : asNumber(eval(*t));
}

int Ui::integer(const Node& n, std::string_view name, int lo, int hi) const {
    double v = num(n, name);
    if (!(v >= lo)) return lo;  // also catches NaN
    return v >= hi ? hi : (int)v;
}

bool Ui::flag(const Node& n, std::string_view name) const {
    const Template* t = propTemplate(n, name);
    if (!t) return false;
    const Json* v = fixedValue(n, *t, (int)(t - n.props.data()));
    return v ? truthy(*v) : truthy(eval(*t));
}

bool Ui::given(const Node& n, std::string_view name) const {
    if (!n.def) return false;
    int i = propIndex(*n.def, name);
    return i >= 0 && i < (int)n.propGiven.size() && n.propGiven[i];
}

const Theme& Ui::theme() const { return m_proto.theme(); }

ImFont* Ui::font(TextStyle s) const {
    const FontSet* fonts = m_proto.fonts();
    return fonts ? fonts->get(s, theme().font) : ImGui::GetFont();
}

const std::string& Ui::icon(std::string_view name) const { return iconGlyph(name); }

ImU32 Ui::color(const Json& value, ImU32 fallback) const {
    if (!value.is_string() || value.get<std::string>().empty()) return fallback;
    const std::string& s = value.get<std::string>();
    if (Theme::isTone(s)) return theme().tone(s);
    ImU32 c;
    return parseColor(s, &c) ? c : fallback;
}

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------

uint32_t Ui::keep(std::string_view s) {
    uint32_t at = (uint32_t)m_chars.size();
    m_chars.append(s);
    return at;
}

void Ui::noteText(std::string_view s, const ImRect& rect, bool ellipsized) {
    if (s.empty()) return;
    m_textSpans.push_back({keep(s), (uint32_t)s.size(), rect, m_boxStack.empty() ? -1 : m_boxStack.back(), ellipsized});
    m_textsStale = m_runsStale = true;
}

const std::vector<std::string>& Ui::texts() const {
    if (m_textsStale) {
        m_texts.clear();
        for (const TextRecord& r : m_textSpans) m_texts.emplace_back(m_chars, r.at, r.len);
        m_textsStale = false;
    }
    return m_texts;
}

const std::vector<TextRun>& Ui::textRuns() const {
    if (m_runsStale) {
        m_runs.clear();
        for (const TextRecord& r : m_textSpans) m_runs.push_back({std::string(m_chars, r.at, r.len), r.rect, r.box, r.ellipsized});
        m_runsStale = false;
    }
    return m_runs;
}

void Ui::text(std::string_view s, TextStyle style, ImU32 color, float wrap) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) { noteText(s); return; }
    ImFont* f = font(style);
    const char* end = s.data() + s.size();
    float wrapWidth = wrap == 0.0f ? 0.0f : std::max(1.0f, wrap < 0 ? ImGui::GetContentRegionAvail().x : wrap);
    if (wrapWidth == 0.0f && s.size() > 2000) {  // ImGui draws only the visible lines of long unwrapped text
        noteText(s);
        ImGui::PushFont(f);
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextUnformatted(s.data(), end);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        return;
    }
    // What ImGui::TextUnformatted does (an item at the cursor, text on the line's baseline), measuring
    // once: text that fits the line skips word wrapping when it is drawn.
    const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, s.data(), end);
    if (wrapWidth > 0.0f && size.x > wrapWidth) size = f->CalcTextSizeA(f->FontSize, FLT_MAX, wrapWidth, s.data(), end);
    else wrapWidth = 0.0f;
    size.x = IM_FLOOR(size.x + 0.99999f);  // ImGui::CalcTextSize rounds widths up
    noteText(s, ImRect(pos, pos + size));
    ImGui::ItemSize(size, 0.0f);
    if (!ImGui::ItemAdd(ImRect(pos, pos + size), 0)) return;
    window->DrawList->AddText(f, f->FontSize, pos, ImGui::GetColorU32(color), s.data(), end, wrapWidth);
}

void Ui::textAt(ImVec2 pos, std::string_view s, TextStyle style, ImU32 color, float wrapWidth) {
    ImFont* f = font(style);
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, pos, color, s.data(), s.data() + s.size(), wrapWidth);
    noteText(s, ImRect(pos, pos + measure(s, style, wrapWidth)));
}

// What a count badge says: counts past 99 (numbers, or text of digits only) read "99+".
static std::string badgeText(const Json& badge) {
    std::string text = toDisplayString(badge);
    const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    const bool large = badge.is_number() ? badge.get<double>() > 99 : digits && std::strtod(text.c_str(), nullptr) > 99;
    return large ? "99+" : text;
}

void Ui::cornerBadge(const Json& badge, ImVec2 anchor, const ImRect& within) {
    if (badge.is_null() || badge == false || badge == 0 || badge == "" || badge == "0") return;
    const Theme& t = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (badge == true) {
        dl->AddCircleFilled(anchor, 6, ImGui::GetColorU32(t.c.surface), 16);
        dl->AddCircleFilled(anchor, 4, ImGui::GetColorU32(t.c.danger), 16);
        return;
    }
    const std::string text = badgeText(badge);
    const float ring = 2, h = 16, padX = 4, maxW = std::max(h, within.GetWidth() - ring * 2);
    const ImVec2 ts = measure(text, TextStyle::Small);
    const float w = std::clamp(std::ceil(ts.x) + padX * 2, h, maxW);
    const float right = std::min(within.Max.x - ring, anchor.x + w * 0.5f);
    const float top = std::max(within.Min.y + ring, anchor.y - h * 0.5f);
    const ImRect r(ImVec2(right - w, top), ImVec2(right, top + h));
    dl->AddRectFilled(r.Min - ImVec2(ring, ring), r.Max + ImVec2(ring, ring), ImGui::GetColorU32(t.c.surface), h);
    dl->AddRectFilled(r.Min, r.Max, ImGui::GetColorU32(t.c.danger), h);
    const float tw = std::min(ts.x, w - padX * 2);
    fitText(ImFloor(ImVec2(r.GetCenter().x - tw * 0.5f, r.GetCenter().y - ts.y * 0.5f)), text, TextStyle::Small,
            ImGui::GetColorU32(IM_COL32(255, 255, 255, 255)), w - padX * 2);
}

void Ui::skeleton(int lines, bool avatar, float width) {
    const Theme& t = theme();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // A slow pulse between two neutral shades: calm, and deterministic on the runtime clock. GetColorU32 applies the
    // style alpha, so a disabled subtree fades it.
    const float pulse = 0.5f + 0.5f * std::sin((float)elapsed() * 3.2f);
    const ImU32 col = ImGui::GetColorU32(mixColor(t.c.surfaceAlt, t.c.border, 0.2f + 0.6f * pulse));
    const float lineH = 12, spacing = 10, avatarSize = 44;
    float x = pos.x;
    if (avatar) {
        dl->AddCircleFilled(pos + ImVec2(avatarSize, avatarSize) * 0.5f, avatarSize * 0.5f, col, 40);
        x += avatarSize + 12;
    }
    const float w = pos.x + width - x;
    float y = pos.y + (avatar ? 4.0f : 0.0f);
    for (int i = 0; i < lines; ++i) {
        const float frac = i == 0 && lines > 1 ? 0.45f : i == lines - 1 && lines > 1 ? 0.6f : (i % 2 ? 0.92f : 1.0f);
        const float h = i == 0 && lines > 1 ? lineH + 2 : lineH;
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + std::max(8.0f, w * frac), y + h), col, h * 0.5f);
        y += h + spacing;
    }
    ImGui::Dummy(ImVec2(std::max(1.0f, width), std::max(0.0f, std::max(y - spacing - pos.y, avatar ? avatarSize : 0.0f))));
}

ImVec2 Ui::measure(std::string_view s, TextStyle style, float wrapWidth) const {
    ImFont* f = font(style);
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrapWidth, s.data(), s.data() + s.size());
}

std::string Ui::ellipsize(std::string_view s, TextStyle style, float maxW) const {
    if (measure(s, style).x <= maxW) return std::string(s);
    const std::string_view dots = "\xE2\x80\xA6";
    auto boundary = [&](size_t i) {  // back to the start of the code point at i
        while (i > 0 && i < s.size() && ((unsigned char)s[i] & 0xC0) == 0x80) --i;
        return i;
    };
    std::string probe;
    size_t lo = 0, hi = s.size();
    while (lo < hi) {  // the longest prefix (on a code point boundary) that fits with the ellipsis
        const size_t mid = boundary((lo + hi + 1) / 2);
        if (mid <= lo) break;
        probe.assign(s.substr(0, mid)).append(dots);
        if (measure(probe, style).x <= maxW) lo = mid;
        else hi = mid - 1;
    }
    return std::string(s.substr(0, boundary(lo))).append(dots);
}

ImVec2 Ui::fitText(ImVec2 pos, std::string_view s, TextStyle style, ImU32 color, float maxW) {
    const ImVec2 whole = measure(s, style);
    if (whole.x <= maxW) {
        textAt(pos, s, style, color);
        return whole;
    }
    const std::string cut = ellipsize(s, style, maxW);
    ImFont* f = font(style);
    // Even the ellipsis alone can be wider than a sliver of a cell (display type): it is clipped to the cell.
    const ImVec2 size = measure(cut, style);
    const ImRect rect(pos, pos + ImVec2(std::min(size.x, std::max(0.0f, maxW)), size.y));
    const ImVec4 clip(rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y);
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, pos, color, cut.data(), cut.data() + cut.size(), 0.0f, &clip);
    noteText(s, rect, true);
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(rect.Min, rect.Max)) tooltip(s);
    return rect.GetSize();
}

size_t firstCharsBytes(std::string_view s) {
    size_t at = 0;
    for (int points = 0; at < s.size() && points < 8; ++points) {
        ++at;
        while (at < s.size() && ((unsigned char)s[at] & 0xC0) == 0x80) ++at;
    }
    while (at > 0 && s[at - 1] == ' ') --at;
    return at;
}

// Wrapped when its widest wrapped line keeps the first 8 characters' width (a single word broken inside, or a short
// first word followed by a long one, can make every line narrower than maxW), else one line with an ellipsis.
ImVec2 Ui::blockSize(std::string_view s, TextStyle style, float maxW) const {
    const ImVec2 whole = measure(s, style);
    if (whole.x <= maxW) return whole;
    const ImVec2 wrapped = measure(s, style, std::max(1.0f, maxW));
    if (wrapped.x + 1.0f >= firstCharsWidth(s, style)) return wrapped;
    return measure(ellipsize(s, style, maxW), style);
}

float Ui::firstCharsWidth(std::string_view s, TextStyle style) const { return measure(s.substr(0, firstCharsBytes(s)), style).x; }

ImVec2 Ui::textBlock(ImVec2 pos, std::string_view s, TextStyle style, ImU32 color, float maxW) {
    const ImVec2 size = blockSize(s, style, maxW);
    if (size.y > font(style)->FontSize * 1.5f) {  // more than one line: wrapped
        textAt(pos, s, style, color, std::max(1.0f, maxW));
        return size;
    }
    return fitText(pos, s, style, color, maxW);
}

TextStyle Ui::shrinkToFit(std::string_view s, TextStyle style, float maxW, TextStyle smallest) const {
    // One step down the type scale, keeping the weight where the scale has it (numbers stay bold as they shrink).
    static const TextStyle kSmaller[(int)TextStyle::Count] = {TextStyle::H1,     TextStyle::H2,      TextStyle::H3,    TextStyle::Strong,
                                                              TextStyle::Caption, TextStyle::Caption, TextStyle::Small, TextStyle::Small};
    const float floor = font(smallest)->FontSize;
    while (measure(s, style).x > maxW) {
        const TextStyle next = kSmaller[(int)style];
        if (next == style || font(next)->FontSize < floor) break;
        style = next;
    }
    return style;
}

void Ui::tooltip(std::string_view strong, std::string_view muted) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 8));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, 2));
    ImGui::BeginTooltip();
    ImGui::PushFont(font(TextStyle::Strong));
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);  // long texts (a cut paragraph) wrap in a readable column
    ImGui::TextUnformatted(strong.data(), strong.data() + strong.size());
    ImGui::PopFont();
    if (!muted.empty()) {
        ImGui::PushFont(font(TextStyle::Caption));
        ImGui::PushStyleColor(ImGuiCol_Text, theme().c.textMuted);
        ImGui::TextUnformatted(muted.data(), muted.data() + muted.size());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    ImGui::PopStyleVar(2);
}

//-----------------------------------------------------------------------------
// [SECTION] Children and layout
//-----------------------------------------------------------------------------

namespace {

// Scope for one repeat instance; keeps the evaluated array alive for the item reference.
struct RepeatScope : Scope {
    RepeatScope(const Json* state, const Scope* parent, std::shared_ptr<const Json> array)
        : Scope(state, parent), items(std::move(array)) {}
    std::shared_ptr<const Json> items;
};

// What a node reads of Spec::pendingState (Ui::pendingReads).
enum PendingRead : unsigned {
    kPendingProps = 1,        // a prop or a component's param reads a pending key (a container's own props do not count)
    kPendingVisible = 2,      // `visible` reads a pending key
    kPendingVisibleOnly = 4,  // `visible` reads pending keys and nothing else
    kPendingRepeat = 8,       // the repeat's `in` reads a pending key
};

constexpr int kSkeletonRows = 3;  // what a repeat over items still being generated shows

// Whether a root name `t` reads is pending (`any`), and whether every one is (`all`).
struct PendingNames { bool any = false, all = false; };

PendingNames pendingIn(const Template& t, const std::vector<std::string>& pending) {
    if (t.isLiteral()) return {};
    bool any = false, all = true;
    for (const std::string& name : t.identifiers()) {
        const bool p = std::find(pending.begin(), pending.end(), name) != pending.end();
        any = any || p;
        all = all && p;
    }
    return {any, any && all};
}

unsigned readsOf(const Node& n, const std::vector<std::string>& pending) {
    unsigned reads = 0;
    const PendingNames visible = pendingIn(n.visible, pending);
    if (visible.any) reads |= kPendingVisible;
    if (visible.all) reads |= kPendingVisibleOnly;
    if (n.repeat && pendingIn(n.repeat->in, pending).any) reads |= kPendingRepeat;
    // A container's children decide for themselves; a component's body reads its params under other names.
    if (!(n.def && n.def->container)) {
        for (const Template& t : n.props)
            if (pendingIn(t, pending).any) reads |= kPendingProps;
        for (const auto& param : n.params)
            if (pendingIn(param.second, pending).any) reads |= kPendingProps;
    }
    return reads;
}

} // namespace

unsigned Ui::pendingReads(const Node& n) const {
    const std::vector<std::string>& pending = m_proto.spec().pendingState;
    if (pending.empty()) return 0;  // the common case: no generation is streaming
    auto [it, added] = m_reads.try_emplace(&n, 0u);
    if (added) it->second = readsOf(n, pending);
    return it->second;
}

void Ui::expand(const Node& n, std::vector<Instance>& out) const {
    const long long budget = limits::kWidgetsPerFrame.value;
    const unsigned reads = pendingReads(n);
    if (reads & kPendingRepeat) {  // rows for items still being generated, not the empty state ("No habits yet")
        for (int i = 0; i < kSkeletonRows && m_expanded < budget; ++i, ++m_expanded) out.push_back({&n, nullptr, i, 0, true});
        return;
    }
    const bool skeleton = reads & (kPendingProps | kPendingVisible);
    const bool shownAnyway = reads & kPendingVisibleOnly;  // hidden only for want of data still coming
    if (!n.repeat) {
        if (m_expanded >= budget) return;  // the frame is full; the note where it filled up says so
        ++m_expanded;
        if (shownAnyway || (n.visible.isLiteral() ? truthy(n.visible.raw()) : truthy(eval(n.visible)))) out.push_back({&n, nullptr, -1, 0, skeleton});
        return;
    }
    auto items = std::make_shared<const Json>(eval(n.repeat->in));
    size_t count = items->is_array() ? items->size() : 0;
    size_t limit = std::min<size_t>(count, (size_t)n.repeat->limit);
    size_t i = 0;
    for (; i < limit && m_expanded < budget; ++i, ++m_expanded) {
        auto s = std::make_shared<RepeatScope>(scope().state(), &scope(), items);
        s->bindRef(n.repeat->as, &(*items)[i]);
        s->bindValue("index", (long long)i);
        // visible is evaluated per item, so "visible": "${!t.done}" filters a repeat
        m_scopes.push_back(s.get());
        bool shown = shownAnyway || truthy(eval(n.visible));
        m_scopes.pop_back();
        if (shown) out.push_back({&n, s, (int)i, 0, skeleton});
    }
    if (i < limit && !m_cutNoted) {
        m_cutNoted = true;
        out.push_back({&n, nullptr, (int)i, limit});
        report("the repeat at " + n.pointer + " was cut to " + thousands((long long)i) + " of " + thousands((long long)limit) +
               " items: a frame draws at most " + thousands(budget) + " widgets");
    }
    if (count == 0)
        for (const Node& e : n.repeat->empty) expand(e, out);
}

std::vector<Ui::Instance> Ui::instances(const std::vector<Node>& nodes) const {
    std::vector<Instance> out;
    out.reserve(nodes.size());
    for (const Node& n : nodes) expand(n, out);
    return out;
}

float Ui::availWidth() const { return std::max(1.0f, ImGui::GetContentRegionAvail().x); }

namespace {

constexpr float kDefaultMinWidth = 120.0f;  // widgets without a measure (fields, charts, tables, lists) never get less
constexpr int kMaxMeasureDepth = 8;          // deeper subtrees are estimated with the default range

} // namespace

float Ui::minTextWidth(TextStyle style) const { return std::ceil(measure("abcdefgh", style).x); }

WidthRange Ui::textWidths(std::string_view s, TextStyle style) const {
    const float pref = std::ceil(measure(s, style).x);
    // A word a little longer than 8 characters stays whole; longer ones may break inside.
    float word = 0;
    const float cap = minTextWidth(style) * 1.5f;
    for (size_t at = 0; at < s.size() && word < cap;) {
        size_t end = s.find_first_of(" \t\n", at);
        if (end == std::string_view::npos) end = s.size();
        if (end > at) word = std::max(word, measure(s.substr(at, end - at), style).x);
        at = end + 1;
    }
    return {std::min(pref, std::max(minTextWidth(style), std::min(std::ceil(word), cap))), pref};
}

std::shared_ptr<Scope> Ui::paramScope(const Node& n) const {
    auto params = std::make_shared<Scope>(scope().state(), &scope());
    for (auto& [name, t] : n.params) params->bindValue(name, eval(t));
    return params;
}

WidthRange Ui::widths(const Instance& inst) {
    const Node& n = *inst.node;
    if (n.layout.width > 0) return {n.layout.width, n.layout.width};
    // A skeleton measures as the skeleton widget does (no measure).
    if (inst.cutTotal > 0 || inst.skeleton || m_measureDepth >= kMaxMeasureDepth) return {kDefaultMinWidth, kFillWidth};
    // Measuring looks at children the frame will draw anyway: it does not count against the frame's widget budget.
    const long long expanded = m_expanded;
    const bool cutNoted = m_cutNoted;
    if (inst.scope) m_scopes.push_back(inst.scope.get());
    ++m_measureDepth;
    WidthRange r{kDefaultMinWidth, kFillWidth};
    if (n.isComponent) {
        const std::shared_ptr<Scope> params = paramScope(n);
        m_scopes.push_back(params.get());
        r = columnWidths(n.children);
        m_scopes.pop_back();
    } else if (n.def && n.def->measure) {
        r = n.def->measure(*this, n);
    }
    --m_measureDepth;
    if (inst.scope) m_scopes.pop_back();
    m_expanded = expanded;
    m_cutNoted = cutNoted;
    r.min = std::max(0.0f, r.min);
    r.pref = std::max(r.pref, r.min);
    return r;
}

WidthRange Ui::columnWidths(const std::vector<Node>& nodes) {
    WidthRange r;
    for (const Instance& inst : instances(nodes)) {
        const WidthRange c = widths(inst);
        r.min = std::max(r.min, c.min);
        r.pref = std::max(r.pref, c.pref);
    }
    return r;
}

float Ui::itemWidth(const Node& n) const {
    float avail = availWidth();
    if (n.layout.widthPct > 0) return std::max(1.0f, avail * n.layout.widthPct / 100.0f);
    if (n.layout.width > 0) return std::min(avail, n.layout.width);
    return avail;
}

void Ui::draw(const Instance& inst) {
    if (inst.cutTotal > 0) {
        text("Showing " + thousands(inst.index) + " of " + thousands((long long)inst.cutTotal) + " (too many to draw at once)",
             TextStyle::Caption, theme().c.textMuted);
        return;
    }
    ++m_drawn;
    const Node& n = *inst.node;
    if (inst.scope) m_scopes.push_back(inst.scope.get());
    m_indexPath.push_back(inst.index);

    // The node's box is how far its items reach, tracked the way a group does: ImGui's CursorMaxPos restarted at
    // the node's top-left, then merged back into the parent's.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 start = window->DC.CursorPos, outerMax = window->DC.CursorMaxPos;
    window->DC.CursorMaxPos = start;
    const int box = (int)m_boxes.size();
    const uint32_t path = keepPath();
    m_boxes.push_back({&n, m_boxStack.empty() ? -1 : m_boxStack.back(), path, (uint32_t)m_paths.size() - path, ImRect(), inst.skeleton});
    m_boxStack.push_back(box);
    const Node* outer = m_current;
    m_current = &n;

    ImGui::PushID((int)n.keyHash);
    if (inst.index >= 0) ImGui::PushID(inst.index);
    bool enabled = n.enabled.isLiteral() ? truthy(n.enabled.raw()) : truthy(eval(n.enabled));
    if (!enabled) { ImGui::BeginDisabled(); ++m_disabledDepth; }
    const bool layered = n.def && n.def->layer != WidgetLayer::Content;
    if (layered) pushLayer(n.def->layer);

    // align: offset by last frame's width (immediate mode knows a size only after drawing)
    ImGuiStorage* storage = ImGui::GetStateStorage();
    bool aligned = n.layout.align > 0;
    ImGuiID widthId = aligned ? ImGui::GetID("##w") : 0;
    if (aligned) {
        float w = storage->GetFloat(widthId, 0.0f);
        float avail = ImGui::GetContentRegionAvail().x;
        if (w > 0 && w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (n.layout.align == 1 ? (avail - w) * 0.5f : avail - w));
        ImGui::BeginGroup();
    }
    if (!n.rules.empty() && !inst.skeleton) m_fields.push_back({instanceKey(n), &n, std::make_shared<Scope>(scope().snapshot())});

    if (inst.skeleton) {
        skeletonOf(n);
    } else if (n.isComponent) {
        const std::shared_ptr<Scope> params = paramScope(n);
        m_scopes.push_back(params.get());
        drawColumn(n.children);
        m_scopes.pop_back();
    } else if (n.def && n.def->draw) {
        n.def->draw(*this, n);
    }

    if (aligned) {
        ImGui::EndGroup();
        storage->SetFloat(widthId, ImGui::GetItemRectSize().x);
    }
    if (layered) popLayer();
    if (!enabled) { ImGui::EndDisabled(); --m_disabledDepth; }
    if (inst.index >= 0) ImGui::PopID();
    ImGui::PopID();

    m_boxStack.pop_back();
    m_boxes[box].rect = ImRect(start, ImMax(window->DC.CursorMaxPos, start));
    window->DC.CursorMaxPos = ImMax(outerMax, window->DC.CursorMaxPos);
    m_layoutStale = true;
    m_current = outer;
    m_indexPath.pop_back();
    if (inst.scope) m_scopes.pop_back();
}

void Ui::skeletonOf(const Node& n) {
    const float width = itemWidth(n);
    if (n.def && n.def->category == "Text") return skeleton(1, false, width);
    // Tiles, rows and charts pad their content: two bars inset the same way line up with the real rows around them.
    const ImVec2 origin = ImGui::GetCursorScreenPos(), pad(theme().pad, 10.0f);
    ImGui::SetCursorScreenPos(origin + pad);
    skeleton(2, false, std::max(1.0f, width - pad.x * 2));
    const float height = ImGui::GetItemRectSize().y + pad.y * 2;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
}

void Ui::drawNode(const Node& n) {
    std::vector<Instance> list;
    expand(n, list);
    for (auto& inst : list) draw(inst);
}

float Ui::drawRow(const std::vector<Node>& nodes, float gap) {
    ImGui::BeginGroup();
    auto list = instances(nodes);
    for (size_t i = 0; i < list.size(); ++i) {
        if (i) ImGui::SameLine(0, gap);
        draw(list[i]);
    }
    ImGui::EndGroup();
    return ImGui::GetItemRectSize().x;
}

namespace {

// Narrows the window's work/content rect to end at `maxX` while a child draws, the way ImGui's
// tables do per column: wrapped text, GetContentRegionAvail() and fill-width items end there.
class Region {
public:
    explicit Region(float maxX) : m_window(ImGui::GetCurrentWindow()) {
        m_workMax = m_window->WorkRect.Max.x;
        m_contentMax = m_window->ContentRegionRect.Max.x;
        m_window->WorkRect.Max.x = m_window->ContentRegionRect.Max.x = maxX;
        ImGui::PushItemWidth(-FLT_MIN);
    }
    ~Region() {
        ImGui::PopItemWidth();
        m_window->WorkRect.Max.x = m_workMax;
        m_window->ContentRegionRect.Max.x = m_contentMax;
    }
    Region(const Region&) = delete;
    Region& operator=(const Region&) = delete;

private:
    ImGuiWindow* m_window;
    float m_workMax, m_contentMax;
};

} // namespace

ImVec2 Ui::drawCell(const Instance& inst, ImVec2 pos, float maxX) {
    ImGui::SetCursorScreenPos(pos);
    Region region(std::max(maxX, pos.x + 1.0f));
    ImGui::BeginGroup();
    draw(inst);
    ImGui::EndGroup();
    return ImGui::GetItemRectSize();
}

ImVec2 Ui::drawColumn(const std::vector<Node>& nodes, ImVec2 origin, float width, float gap) {
    // What drawCell does for one child, done once for the whole column (every child has the same
    // left edge and width): one narrowed region and one group, whose indent brings each child's
    // new lines back to the column's edge. A child is measured by how far its items reach, the
    // extent ImGui tracks in CursorMaxPos, restarted at the child's top-left as a group would.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::SetCursorScreenPos(origin);
    Region region(std::max(origin.x + width, origin.x + 1.0f));
    ImGui::BeginGroup();
    ImVec2 reach = origin;  // how far the children reached, for the window's content size
    float y = origin.y, right = origin.x;
    bool any = false;
    std::vector<Instance> list;  // one node's instances at a time: no list of the whole column per frame
    for (const Node& node : nodes) {
        list.clear();
        expand(node, list);
        for (const Instance& inst : list) {
            const ImVec2 pos(origin.x, y);
            window->DC.CursorPos = window->DC.CursorMaxPos = pos;
            window->DC.CurrLineSize = ImVec2(0.0f, 0.0f);
            window->DC.CurrLineTextBaseOffset = 0.0f;
            draw(inst);
            const ImVec2 sz = ImMax(window->DC.CursorMaxPos - pos, ImVec2(0.0f, 0.0f));
            reach = ImMax(reach, ImMax(window->DC.CursorMaxPos, pos));
            if (sz.y <= 0.0f) continue;
            y += sz.y + gap;
            right = std::max(right, origin.x + sz.x);
            any = true;
        }
    }
    window->DC.CursorMaxPos = reach;
    ImGui::EndGroup();
    return ImVec2(right - origin.x, any ? y - gap - origin.y : 0.0f);
}

void Ui::drawColumn(const std::vector<Node>& nodes, float gap) {
    if (gap < 0) gap = theme().gap;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, gap));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 used = drawColumn(nodes, origin, availWidth(), gap);
    if (used.y > 0.0f) {  // one item for the whole column: the cursor moves past it, `gap` below
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(used);
    } else {
        ImGui::SetCursorScreenPos(origin);
    }
    ImGui::PopStyleVar();
}

//-----------------------------------------------------------------------------
// [SECTION] Events and binding
//-----------------------------------------------------------------------------

bool Ui::hasAction(const Node& n, std::string_view event) const { return n.actions(event) != nullptr; }

void Ui::fire(const Node& n, std::string_view event, const Json& payload) {
    const ActionList* list = n.actions(event);
    if (!list) return;
    m_proto.run(*list, scope(), payload);
}

Json Ui::bound(const Node& n) const {
    if (!n.hasBind) return nullptr;
    const Json* v = n.bind.isLiteral() && n.bind.raw().is_string() ? m_proto.getPath(n.bind.raw().get_ref<const std::string&>())
                                                                   : m_proto.getPath(toDisplayString(eval(n.bind)));
    return v ? *v : Json(nullptr);
}

Json Ui::value(const Node& n) const { return n.hasBind ? bound(n) : m_proto.localValue(instanceKey(n)); }

void Ui::setBound(const Node& n, const Json& v) {
    std::string key = instanceKey(n);
    if (n.hasBind) {
        std::string path = toDisplayString(eval(n.bind));
        m_proto.editInput(n, key, &path, v);
    } else {
        m_proto.editInput(n, key, nullptr, v);
    }
    fire(n, "change", v);
}

void Ui::advanceBound(const Node& n, const Json& v) {
    const std::string path = n.hasBind ? toDisplayString(eval(n.bind)) : std::string();
    m_proto.storeInput(instanceKey(n), n.hasBind ? &path : nullptr, v);
}

std::string* Ui::editBuffer(const Node& n) {
    auto& buf = m_buffers[instanceKey(n)];
    std::string current = toDisplayString(value(n));
    if (current != buf.synced) {  // changed outside the field (an action, a reset): show the new value
        buf.text = current;
        buf.synced = current;
    }
    return &buf.text;
}

std::string Ui::fieldError(const Node& n) const {
    const auto& errors = m_proto.fieldErrors();
    auto it = errors.find(instanceKey(n));
    return it == errors.end() ? "" : it->second;
}

//-----------------------------------------------------------------------------
// [SECTION] App: clock, screens, problems
//-----------------------------------------------------------------------------

double Ui::now() const { return m_proto.now(); }
double Ui::elapsed() const { return m_proto.elapsed(); }
const std::string& Ui::currentScreen() const { return m_proto.currentScreen(); }
void Ui::navigate(const std::string& screen) { m_proto.navigate(screen); }
void Ui::back() { m_proto.back(); }
ImRect Ui::screenRect() const { return m_proto.screenRect(); }
void Ui::report(std::string message) const { m_proto.report(std::move(message)); }

//-----------------------------------------------------------------------------
// [SECTION] Probes
//-----------------------------------------------------------------------------

uint32_t Ui::keepPath() {
    const uint32_t at = (uint32_t)m_paths.size();
    for (int i : m_indexPath)
        if (i >= 0) m_paths.push_back(i);
    return at;
}

std::string Ui::keyOf(const Node& n, uint32_t path, uint32_t len) const {
    std::string key = n.key;
    for (uint32_t i = 0; i < len; ++i) key += "#" + std::to_string(m_paths[path + i]);
    return key;
}

std::string Ui::instanceKey(const Node& n) const {
    std::string key = n.key;
    for (int i : m_indexPath)
        if (i >= 0) key += "#" + std::to_string(i);
    return key;
}

namespace {

ImRect clipRect() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    return ImRect(dl->GetClipRectMin(), dl->GetClipRectMax());
}

// Scrolls the current window and every window it sits in (innermost first) so that `item` shows, centred where
// the window can scroll that far. Each outer window aims at where the item will be once the inner ones scrolled.
void scrollToShow(ImRect item) {
    for (ImGuiWindow* w = ImGui::GetCurrentWindow(); w; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr) {
        const ImRect view = w->InnerRect;
        for (int axis = 0; axis < 2; ++axis) {
            if (item.Min[axis] >= view.Min[axis] && item.Max[axis] <= view.Max[axis]) continue;
            const float centred = w->Scroll[axis] + (item.Min[axis] + item.Max[axis] - view.Min[axis] - view.Max[axis]) * 0.5f;
            const float target = ImClamp(centred, 0.0f, w->ScrollMax[axis]);
            if (axis == 0) ImGui::SetScrollX(w, target);
            else ImGui::SetScrollY(w, target);
            item.Min[axis] -= target - w->Scroll[axis];
            item.Max[axis] -= target - w->Scroll[axis];
        }
    }
}

} // namespace

int Ui::layer() {
    const ImGuiWindow* root = ImGui::GetCurrentWindow()->RootWindow;
    if (root->Flags & ImGuiWindowFlags_Popup) {  // a popup (option list, date picker) is above what opened it
        for (auto& [id, z] : m_popupLayers)
            if (id == root->ID) return z;
        m_popupLayers.push_back({root->ID, kOverlayLayer + m_overlaysBegun++});
        return m_popupLayers.back().second;
    }
    return m_layers.empty() ? kContentLayer : m_layers.back();
}

void Ui::pushLayer(WidgetLayer kind) {
    int z = m_layers.empty() ? kContentLayer : m_layers.back();
    if (kind == WidgetLayer::Overlay) z = kOverlayLayer + m_overlaysBegun++;
    else if (kind == WidgetLayer::Chrome && z == kContentLayer) z = kChromeLayer;
    m_layers.push_back(z);
}

void Ui::popLayer() {
    if (!m_layers.empty()) m_layers.pop_back();
}

void Ui::probe(const Node& n, std::string_view label, bool clickable) {
    ProbeRecord r;
    r.node = &n;
    r.type = n.type;
    r.label = keep(label);
    r.labelLen = (uint32_t)label.size();
    r.key = keepPath();
    r.keyLen = (uint32_t)m_paths.size() - r.key;
    r.rect = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    r.clip = clipRect();
    r.layer = layer();
    r.enabled = !disabled() && !(GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled);
    r.clickable = clickable;
    if (!m_scrollKey.empty() && (m_scrollLabel.empty() || m_scrollLabel == label) && (m_scrollKey == n.id || m_scrollKey == instanceKey(n))) {
        scrollToShow(r.rect);
        m_scrollKey.clear();
    }
    m_records.push_back(r);
    m_probesStale = true;
}

void Ui::probeChrome(std::string key, std::string_view label, const ImRect& rect) {
    ProbeRecord r;
    r.node = nullptr;
    r.type = "nav";
    r.label = keep(label);
    r.labelLen = (uint32_t)label.size();
    r.key = keep(key);
    r.keyLen = (uint32_t)key.size();
    r.rect = rect;
    r.clip = clipRect();
    r.layer = layer();
    r.enabled = !(GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled);
    r.clickable = true;
    m_records.push_back(r);
    m_probesStale = true;
}

const std::vector<Probe>& Ui::probes() const {
    if (!m_probesStale) return m_probes;
    m_probes.clear();
    m_probes.reserve(m_records.size());
    for (const ProbeRecord& r : m_records) {
        Probe p;
        p.type = r.type;
        p.label.assign(m_chars, r.label, r.labelLen);
        p.rect = r.rect;
        p.clip = r.clip;
        p.layer = r.layer;
        p.enabled = r.enabled;
        p.clickable = r.clickable;
        p.node = r.node;
        if (r.node) {
            p.key = keyOf(*r.node, r.key, r.keyLen);
            p.id = r.node->id;
            p.input = r.node->def && r.node->def->input;
            p.hasAction = !r.node->on.empty() || r.node->hasBind;
        } else {
            p.key.assign(m_chars, r.key, r.keyLen);
            p.hasAction = true;
        }
        m_probes.push_back(std::move(p));
    }
    m_probesStale = false;
    return m_probes;
}

void Ui::scrollIntoView(std::string key, std::string label) {
    m_scrollKey = std::move(key);
    m_scrollLabel = std::move(label);
}

const std::vector<LayoutBox>& Ui::layout() const {
    if (!m_layoutStale) return m_layout;
    m_layout.clear();
    m_layout.reserve(m_boxes.size());
    for (const BoxRecord& r : m_boxes) {
        LayoutBox b;
        b.node = r.node;
        b.key = keyOf(*r.node, r.path, r.pathLen);
        b.parent = r.parent;
        b.rect = r.rect;
        b.skeleton = r.skeleton;
        m_layout.push_back(std::move(b));
    }
    m_layoutStale = false;
    return m_layout;
}

} // namespace pt
