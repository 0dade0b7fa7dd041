// Promptotype — the document's vocabulary: document keys and choices, theme preset names, colour names and icon
// names. See vocabulary.h.
//
// [SECTION] Document keys and choices
// [SECTION] Theme presets
// [SECTION] Colours
// [SECTION] Icons by name

#include "runtime/spec/vocabulary.h"
#include "runtime/spec/css_colors.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Document keys and choices
//-----------------------------------------------------------------------------

const DocumentVocabulary& documentVocabulary()
{
    static const DocumentVocabulary v = [] {
        DocumentVocabulary d;
        d.topKeys = { "spec", "meta", "theme", "state", "nav", "screens", "overlays", "components", "actions", "mocks" };
        d.metaKeys = { "name", "idea", "requirements", "device", "now" };
        d.requirementKeys = { "text", "ids" };
        d.themeKeys = { "preset", "brand", "mode", "background", "surface", "header", "accent", "text", "success", "warning", "danger", "info", "font", "density", "corners" };
        d.navKeys = { "kind", "start", "items" };
        d.navItemKeys = { "screen", "label", "icon", "badge" };
        d.screenKeys = { "title", "icon", "body", "bar", "onEnter", "variants" };
        d.overlayKeys = { "kind", "title", "body", "actions", "variants" };
        d.componentKeys = { "params", "body" };
        d.repeatKeys = { "in", "as", "limit", "empty" };
        d.mockKeys = { "latency", "result", "fail", "error" };
        d.ruleKinds = { "required", "email", "min", "max", "minLength", "maxLength", "pattern", "match" };
        d.devices = { "phone", "tablet", "desktop" };
        d.themeModes = { "light", "dark" };
        d.themeFonts = { "sans", "serif", "mono" };
        d.themeDensities = { "comfortable", "compact", "spacious" };
        d.themeCorners = { "soft", "square", "round" };
        d.navKinds = { "stack", "tabs", "sidebar" };
        d.overlayKinds = { "dialog", "sheet", "toast" };
        d.tones = { "brand", "accent", "success", "warning", "danger", "info", "muted" };
        return d;
    }();
    return v;
}

std::string oneOf(const std::vector<std::string>& choices)
{
    std::string out;
    for (size_t i = 0; i < choices.size(); i++)
        out += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Theme presets
//-----------------------------------------------------------------------------

const std::vector<std::string>& themePresets()
{
    static const std::vector<std::string> names = { "calm", "vivid", "warm", "mono", "corporate", "playful" };
    return names;
}

int themePresetIndex(std::string_view name)
{
    std::string key = lowerTrimmed(name);
    const auto& names = themePresets();
    auto it = std::find(names.begin(), names.end(), key);
    return it == names.end() ? -1 : (int)(it - names.begin());
}

//-----------------------------------------------------------------------------
// [SECTION] Colours
//-----------------------------------------------------------------------------

namespace {

// Packed like IM_COL32: red in the low byte, alpha in the high one.
constexpr std::uint32_t rgba(int r, int g, int b, int a) { return (std::uint32_t)r | (std::uint32_t)g << 8 | (std::uint32_t)b << 16 | (std::uint32_t)a << 24; }
constexpr std::uint32_t rgb(unsigned hex) { return rgba((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF); }

int hexDigit(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

// Tailwind-ish 500/600 shades: what an LLM means by "teal" in a modern UI, not the CSS keyword's #008080.
struct NamedColor { const char* name; std::uint32_t color; };
const NamedColor kNamedColors[] = {
    { "red", rgb(0xEF4444) },    { "green", rgb(0x22C55E) },   { "blue", rgb(0x3B82F6) },
    { "teal", rgb(0x14B8A6) },   { "orange", rgb(0xF97316) },  { "purple", rgb(0xA855F7) },
    { "violet", rgb(0x8B5CF6) }, { "pink", rgb(0xEC4899) },    { "rose", rgb(0xF43F5E) },
    { "yellow", rgb(0xEAB308) }, { "amber", rgb(0xF59E0B) },   { "lime", rgb(0x84CC16) },
    { "emerald", rgb(0x10B981) },{ "cyan", rgb(0x06B6D4) },    { "sky", rgb(0x0EA5E9) },
    { "indigo", rgb(0x6366F1) }, { "slate", rgb(0x64748B) },   { "gray", rgb(0x6B7280) },
    { "grey", rgb(0x6B7280) },   { "brown", rgb(0x92400E) },   { "black", rgb(0x000000) },
    { "white", rgb(0xFFFFFF) },  { "transparent", rgba(0, 0, 0, 0) },
};


} // namespace

std::string lowerTrimmed(std::string_view s)
{
    while (!s.empty() && std::isspace((unsigned char)s.front())) s.remove_prefix(1);
    while (!s.empty() && std::isspace((unsigned char)s.back())) s.remove_suffix(1);
    std::string out(s);
    for (char& ch : out) ch = (char)std::tolower((unsigned char)ch);
    return out;
}

bool parseColor(std::string_view text, std::uint32_t* out)
{
    std::string s = lowerTrimmed(text);
    for (const NamedColor& named : kNamedColors)
        if (s == named.name) { if (out) *out = named.color; return true; }
    if (std::uint32_t css; cssColor(s, &css)) { if (out) *out = rgb(css); return true; }

    std::string_view hex = s;
    if (!hex.empty() && hex.front() == '#') hex.remove_prefix(1);
    if (hex.size() != 3 && hex.size() != 4 && hex.size() != 6 && hex.size() != 8) return false;
    int digits[8];
    for (size_t i = 0; i < hex.size(); i++)
        if ((digits[i] = hexDigit(hex[i])) < 0) return false;

    int r, g, b, a = 255;
    if (hex.size() <= 4) {  // short form: each digit doubles (#abc == #aabbcc)
        r = digits[0] * 17; g = digits[1] * 17; b = digits[2] * 17;
        if (hex.size() == 4) a = digits[3] * 17;
    } else {
        r = digits[0] * 16 + digits[1]; g = digits[2] * 16 + digits[3]; b = digits[4] * 16 + digits[5];
        if (hex.size() == 8) a = digits[6] * 16 + digits[7];
    }
    if (out) *out = rgba(r, g, b, a);
    return true;
}

float relativeLuminance(std::uint32_t packed)
{
    auto linear = [&](int shift) {
        float f = (float)((packed >> shift) & 0xFF) / 255.0f;
        return f <= 0.04045f ? f / 12.92f : std::pow((f + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * linear(0) + 0.7152f * linear(8) + 0.0722f * linear(16);
}

float contrastRatio(std::uint32_t a, std::uint32_t b)
{
    float la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

bool isDarkColor(std::uint32_t packed) { return contrastRatio(packed, rgb(0xFFFFFF)) > contrastRatio(packed, rgb(0x000000)); }

//-----------------------------------------------------------------------------
// [SECTION] Icons by name
//-----------------------------------------------------------------------------

namespace {

const char* const kIconCssPath = "/usr/share/fonts-font-awesome/css/font-awesome.css";

// Material / SF Symbols / everyday names LLMs write, mapped to Font Awesome 4.7 names. For bare
// names these win over Font Awesome's own (e.g. "info" means info-circle, "remove" means minus);
// an explicit "fa-" prefix always means the Font Awesome name.
struct IconAlias { const char* alias; const char* target; };
const IconAlias kIconAliases[] = {
    { "settings", "cog" }, { "add", "plus" }, { "delete", "trash" }, { "remove", "minus" },
    { "person", "user" }, { "profile", "user" }, { "account", "user" }, { "people", "users" },
    { "users", "users" }, { "team", "users" }, { "notifications", "bell" }, { "chart", "bar-chart" },
    { "analytics", "bar-chart" }, { "calendar", "calendar" }, { "today", "calendar-check-o" },
    { "chat", "comment" }, { "message", "comment" }, { "messages", "comments" }, { "mail", "envelope" },
    { "email", "envelope" }, { "back", "arrow-left" }, { "arrow-back", "arrow-left" }, { "forward", "arrow-right" },
    { "arrow-forward", "arrow-right" }, { "close", "times" }, { "done", "check" }, { "check", "check" },
    { "edit", "pencil" }, { "favorite", "heart" }, { "heart", "heart" }, { "star", "star" },
    { "cart", "shopping-cart" }, { "shopping-cart", "shopping-cart" }, { "payment", "credit-card" },
    { "card", "credit-card" }, { "location", "map-marker" }, { "place", "map-marker" }, { "time", "clock-o" },
    { "clock", "clock-o" }, { "schedule", "clock-o" }, { "lock", "lock" }, { "logout", "sign-out" },
    { "login", "sign-in" }, { "menu", "bars" }, { "more", "ellipsis-h" }, { "filter", "filter" }, { "sort", "sort" },
    { "upload", "upload" }, { "download", "download" }, { "share", "share-alt" }, { "attach", "paperclip" },
    { "camera", "camera" }, { "image", "picture-o" }, { "photo", "picture-o" }, { "fire", "fire" },
    { "streak", "fire" }, { "trophy", "trophy" }, { "bolt", "bolt" }, { "flash", "bolt" }, { "sparkles", "magic" },
    { "ai", "magic" }, { "magic", "magic" }, { "task", "check-square-o" }, { "tasks", "check-square-o" },
    { "list", "list" }, { "grid", "th-large" }, { "dashboard", "tachometer" }, { "wallet", "money" },
    { "money", "money" }, { "info", "info-circle" }, { "help", "question-circle" },
    { "warning", "exclamation-triangle" }, { "error", "exclamation-circle" }, { "success", "check-circle" },
    { "bookmark", "bookmark" }, { "home", "home" }, { "search", "search" }, { "send", "paper-plane" },
    { "phone", "phone" }, { "video", "video-camera" }, { "music", "music" }, { "book", "book" }, { "flag", "flag" },
    { "globe", "globe" }, { "tag", "tag" }, { "gift", "gift" }, { "truck", "truck" }, { "shipping", "truck" },
    { "plane", "plane" }, { "flight", "plane" }, { "hotel", "bed" }, { "bed", "bed" }, { "food", "cutlery" },
    { "restaurant", "cutlery" }, { "coffee", "coffee" }, { "eye", "eye" }, { "eye-off", "eye-slash" },
    { "visibility", "eye" }, { "visibility-off", "eye-slash" }, { "refresh", "refresh" }, { "sun", "sun-o" },
    { "moon", "moon-o" }, { "water", "tint" }, { "leaf", "leaf" }, { "run", "heartbeat" }, { "fitness", "heartbeat" },
    { "medal", "certificate" }, { "building", "building" }, { "company", "building" }, { "briefcase", "briefcase" },
    { "work", "briefcase" }, { "file", "file-text-o" }, { "document", "file-text-o" }, { "folder", "folder" },
    { "chevron-right", "chevron-right" }, { "chevron-left", "chevron-left" }, { "chevron-down", "chevron-down" },
    { "chevron-up", "chevron-up" }, { "expand", "chevron-down" }, { "collapse", "chevron-up" },
    { "notification", "bell" }, { "trash", "trash" }, { "plus", "plus" }, { "minus", "minus" },
};

// SF Symbols / Material variants that don't change the Font Awesome choice ("heart.fill", "home_outlined").
const char* const kIconSuffixes[] = { "-fill", "-filled", "-outline", "-outlined", "-rounded", "-sharp" };

std::string utf8(unsigned cp)
{
    std::string s;
    if (cp < 0x80) s += (char)cp;
    else if (cp < 0x800) { s += (char)(0xC0 | (cp >> 6)); s += (char)(0x80 | (cp & 0x3F)); }
    else { s += (char)(0xE0 | (cp >> 12)); s += (char)(0x80 | ((cp >> 6) & 0x3F)); s += (char)(0x80 | (cp & 0x3F)); }
    return s;
}

struct IconTable {
    std::unordered_map<std::string, std::string> fa;       // Font Awesome names from the CSS
    std::unordered_map<std::string, std::string> aliases;  // alias -> glyph (only for targets the CSS has)
};

// Reads blocks like `.fa-gear:before,\n.fa-cog:before {\n  content: "\f013";\n}`: every `.fa-NAME:before`
// selector before a `content: "\fXXX"` gets that codepoint.
void parseIconCss(const std::string& css, std::unordered_map<std::string, std::string>& out)
{
    std::vector<std::string> pending;
    size_t i = 0;
    while (i < css.size()) {
        if (css.compare(i, 4, ".fa-") == 0) {
            size_t start = i + 4, end = start;
            while (end < css.size() && (std::isalnum((unsigned char)css[end]) || css[end] == '-')) end++;
            if (css.compare(end, 7, ":before") == 0) pending.emplace_back(css, start, end - start);
            i = end;
        } else if (css.compare(i, 8, "content:") == 0) {
            size_t q = css.find("\"\\", i);
            size_t close = css.find('}', i);
            if (q != std::string::npos && q < close) {
                unsigned cp = (unsigned)std::strtoul(css.c_str() + q + 2, nullptr, 16);
                if (cp > 0 && cp <= 0xFFFF)
                    for (const std::string& name : pending) out.emplace(name, utf8(cp));
            }
            pending.clear();
            i += 8;
        } else {
            if (css[i] == '}') pending.clear();
            i++;
        }
    }
}

const IconTable& iconTable()
{
    static const IconTable table = [] {
        IconTable t;
        if (FILE* f = std::fopen(kIconCssPath, "rb")) {
            std::string css;
            char buf[65536];
            size_t n;
            while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) css.append(buf, n);
            std::fclose(f);
            parseIconCss(css, t.fa);
        }
        for (const IconAlias& a : kIconAliases) {
            auto it = t.fa.find(a.target);
            if (it != t.fa.end()) t.aliases.emplace(a.alias, it->second);
        }
        return t;
    }();
    return table;
}

const std::string* findIcon(const IconTable& t, const std::string& key, bool faOnly)
{
    if (!faOnly) {
        auto a = t.aliases.find(key);
        if (a != t.aliases.end()) return &a->second;
    }
    auto f = t.fa.find(key);
    return f != t.fa.end() ? &f->second : nullptr;
}

} // namespace

const std::string& iconGlyph(std::string_view name)
{
    static const std::string kNone;
    const IconTable& t = iconTable();
    std::string key = lowerTrimmed(name);
    for (char& ch : key)
        if (ch == '_' || ch == '.' || ch == ' ') ch = '-';
    bool faOnly = key.rfind("fa-", 0) == 0;
    if (faOnly) key.erase(0, 3);
    if (const std::string* g = findIcon(t, key, faOnly)) return *g;
    for (const char* suffix : kIconSuffixes) {
        size_t len = std::strlen(suffix);
        if (key.size() > len && key.compare(key.size() - len, len, suffix) == 0)
            if (const std::string* g = findIcon(t, key.substr(0, key.size() - len), faOnly)) return *g;
    }
    return kNone;
}

std::vector<std::string> iconNames()
{
    const IconTable& t = iconTable();
    std::vector<std::string> names;
    names.reserve(t.fa.size() + t.aliases.size());
    for (const auto& kv : t.fa) names.push_back(kv.first);
    for (const auto& kv : t.aliases) names.push_back(kv.first);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

} // namespace pt
