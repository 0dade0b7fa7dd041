// Promptotype — SpecRepair implementation.
//
// The loader already knows every place a name is wrong and what would be valid there; repair only
// decides which valid name was meant and edits the document in place, then lets the loader look again
// (a fixed widget type exposes its props to validation on the next pass).
//
// [SECTION] Synonyms (other UI vocabularies -> our names)
// [SECTION] Choosing the intended name
// [SECTION] Editing the document at a pointer
// [SECTION] Shape slips
// [SECTION] Repair loop

#include "generator/spec_repair.h"
#include "runtime/spec/catalog.h"
#include <algorithm>
#include <map>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Synonyms
//-----------------------------------------------------------------------------

// Lower case without separators: "Line-Chart", "line_chart" and "lineChart" are one name.
std::string normalize(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '_' && c != '-' && c != ' ' && c != '.') out += (char)std::tolower((unsigned char)c);
    return out;
}

// Names other vocabularies use (A2UI, React Native, HTML, SwiftUI, Flutter, Material) and the names
// they may mean here, most likely first. The same word means different things in different places
// ("title" is a heading as a widget but a button's label as a prop), so a repair takes the first
// target that is valid where the word was found.
struct SynonymGroup {
    std::vector<const char*> aliases;  // normalized
    std::vector<const char*> targets;  // our names, in order of preference
};

const std::vector<SynonymGroup>& synonymGroups() {
    static const std::vector<SynonymGroup> groups = {
        // Widgets
        {{"textfield", "textinput", "edittext", "inputfield", "textbox", "securefield", "passwordfield", "emailfield", "formfield", "textformfield"}, {"input"}},
        {{"texteditor", "multilinetext", "multilineinput", "textview"}, {"textarea", "text"}},
        {{"column", "vstack", "vbox", "view", "div", "container", "box", "flexcolumn", "safeareaview", "form", "group", "scrollview", "layout", "frame", "lazyvstack"}, {"col"}},
        {{"hstack", "hbox", "flexrow", "toolbar", "buttongroup", "lazyhstack"}, {"row"}},
        {{"zstack", "overlay", "layers"}, {"stack"}},
        {{"horizontalscroll", "carousel", "scrollarea", "pager"}, {"scroll"}},
        {{"listview", "flatlist", "sectionlist", "ul", "ol", "lazycolumn", "recyclerview", "menu"}, {"list"}},
        {{"listitem", "li", "listtile", "cell", "menuitem", "navigationlink", "tablecell", "row item"}, {"item"}},
        {{"panel", "paper", "surface", "tile", "cardview"}, {"card"}},
        {{"gridview", "lazyvgrid", "lazyhgrid"}, {"grid"}},
        {{"tabview", "tablayout", "tabcontainer"}, {"tabs"}},
        {{"tabitem", "tabpanel", "tabpage"}, {"tab"}},
        {{"separator", "hr", "horizontaldivider", "rule"}, {"divider"}},
        {{"space", "sizedbox", "gap"}, {"spacer", "gap"}},
        {{"img", "picture", "photo", "imageview", "asyncimage", "video", "videoplayer", "thumbnail", "banner"}, {"image"}},
        {{"sfsymbol", "materialicon", "fontawesome", "glyph"}, {"icon"}},
        {{"btn", "touchableopacity", "pressable", "touchablehighlight", "elevatedbutton", "outlinedbutton", "filledbutton", "submit", "cta"}, {"button"}},
        {{"floatingactionbutton", "floatingbutton"}, {"fab"}},
        {{"a", "anchor", "hyperlink", "textbutton"}, {"link"}},
        {{"check", "checkboxlisttile", "tickbox"}, {"checkbox"}},
        {{"toggle", "switchlisttile", "toggleswitch", "onoff"}, {"switch"}},
        {{"picker", "dropdown", "dropdownmenu", "combobox", "choicepicker", "selectfield", "selectbox"}, {"select"}},
        {{"multiplechoice", "choicechips", "filterchips", "tags", "chipgroup", "taggroup"}, {"chips"}},
        {{"radiogroup", "radiobutton", "radiobuttons"}, {"radio"}},
        {{"segmentedcontrol", "segmentedbutton", "togglegroup", "buttonset"}, {"segmented"}},
        {{"range", "seekbar", "rangeslider"}, {"slider"}},
        {{"datepicker", "datetimeinput", "dateinput", "datetimepicker", "datefield", "timepicker"}, {"date"}},
        {{"numberinput", "counter", "numberpicker", "quantity"}, {"stepper"}},
        {{"ratingbar", "stars", "starrating"}, {"rating"}},
        {{"progressview", "linearprogress", "linearprogressindicator", "progressbar", "progressindicator", "meter"}, {"progress"}},
        {{"circularprogress", "circularprogressindicator", "progressring", "gauge", "progresscircle"}, {"ring"}},
        {{"spinner", "activityindicator", "loader", "loading", "shimmer"}, {"skeleton"}},
        {{"chip", "tag", "pill", "statusbadge"}, {"badge"}},
        {{"profileimage", "circleavatar", "profilepicture", "userimage"}, {"avatar"}},
        {{"md", "richtext", "markdowntext", "html"}, {"markdown"}},
        {{"datatable", "datagrid", "tableview"}, {"table"}},
        {{"kpi", "metric", "statcard", "metriccard", "statistic", "kpicard"}, {"stat"}},
        {{"chart", "linegraph", "areachart", "graph"}, {"line_chart"}},
        {{"columnchart", "histogram", "bargraph"}, {"bar_chart"}},
        {{"piechart", "pie", "doughnut", "donutchart", "doughnutchart"}, {"donut"}},
        {{"appbar", "navbar", "navigationbar", "topappbar", "topbar"}, {"app_bar"}},
        {{"bottomnavigation", "bottomnavigationbar", "tabbar", "bottomtabs", "bottombar"}, {"bottom_nav"}},
        {{"drawer", "navigationdrawer", "sidenav", "navigationrail", "sidemenu"}, {"sidebar"}},
        {{"modal", "alert", "alertdialog", "popup", "popover"}, {"dialog"}},
        {{"snackbar", "notification"}, {"toast"}},
        {{"chatbubble", "messagebubble", "chatmessage"}, {"bubble"}},
        {{"expansionpanel", "disclosuregroup", "collapsible", "details", "expandable", "expansiontile"}, {"accordion"}},
        {{"fieldset", "formsection"}, {"section"}},
        {{"emptystate", "emptyview", "nodata", "contentunavailableview"}, {"empty"}},
        {{"steps", "activityfeed", "history"}, {"timeline"}},
        {{"searchbar", "searchfield", "searchinput", "searchview"}, {"search"}},
        {{"h1", "h2", "h3", "h4", "header", "headline", "largetitle", "heading1", "heading2", "subheading"}, {"heading"}},
        {{"p", "span", "paragraph", "textblock", "typography", "string", "caption", "body1", "body2"}, {"text"}},
        // Words that are a widget in one place and a prop in another
        {{"title"}, {"heading", "label", "text"}},
        {{"label"}, {"text", "title"}},
        {{"text", "caption"}, {"label", "title", "text"}},
        {{"content"}, {"body", "children", "text", "label", "col"}},
        {{"children", "child", "elements", "components", "widgets", "nodes", "subviews", "contents"}, {"body", "children", "col"}},
        {{"items"}, {"children", "options", "rows", "data", "list"}},
        {{"body"}, {"children", "text"}},
        {{"message"}, {"text", "bubble"}},
        // Props
        {{"choices", "values", "optionlist"}, {"options"}},
        {{"name"}, {"label", "title", "text"}},
        {{"value"}, {"text", "label"}},
        {{"description", "desc", "detail", "secondarytext", "supportingtext", "subtext"}, {"desc", "subtitle", "text", "caption"}},
        {{"color", "tint", "tintcolor", "intent", "severity", "status"}, {"tone", "color"}},
        {{"style", "appearance", "buttonstyle", "kind"}, {"variant", "style", "kind"}},
        {{"type", "inputtype", "keyboardtype", "textfieldtype"}, {"kind", "variant", "tone"}},
        {{"variant", "usagehint"}, {"style", "kind"}},
        {{"placeholdertext", "hinttext", "prompt"}, {"placeholder", "hint"}},
        {{"helpertext", "helptext", "subtitle"}, {"hint", "subtitle", "desc"}},
        {{"trailingtext", "detailtext", "accessory"}, {"trailing"}},
        {{"leadingicon", "iconname", "startdecorator", "systemimage", "systemname"}, {"icon"}},
        {{"columns", "numcolumns", "crossaxiscount", "columncount"}, {"cols", "columns"}},
        {{"spacing", "gutter"}, {"gap"}},
        {{"padding"}, {"pad"}},
        {{"background", "backgroundcolor"}, {"bg", "tone"}},
        {{"percent", "percentage"}, {"value"}},
        // Events
        {{"onclick", "onpress", "ontap", "click", "tap", "onclicked", "onpressed", "ontapgesture", "action", "handler", "onaction", "onlongpress"}, {"press"}},
        {{"onchange", "onvaluechange", "onchangetext", "oninput", "onupdate", "ontoggle", "onselectionchange", "onchanged"}, {"change"}},
        {{"onsubmit", "onsubmitediting", "onenterpressed", "onsubmitted"}, {"submit"}},
        {{"onselect", "onrowclick", "onrowpress", "onrowselect", "onitemclick", "onitempress"}, {"select", "press"}},
        {{"onclose", "ondismiss", "onhide"}, {"close"}},
        {{"onappear", "onload", "onmount", "oninit", "onshow", "onfocus", "componentdidmount"}, {"onEnter"}},
        // Actions
        {{"navigateto", "goto", "pushscreen", "route", "openscreen", "showscreen", "redirect", "link", "navigation", "screen"}, {"navigate"}},
        {{"goback", "pop", "popscreen", "navigateback", "dismiss"}, {"back"}},
        {{"showdialog", "openmodal", "showmodal", "present", "opendialog", "show", "showsheet", "opensheet"}, {"open"}},
        {{"closemodal", "dismissmodal", "hide", "closedialog", "hidemodal"}, {"close"}},
        {{"showtoast", "notify", "snack", "showsnackbar", "showmessage"}, {"toast"}},
        {{"setstate", "update", "assign", "setvalue", "setvariable"}, {"set"}},
        {{"increment", "add1", "plusone"}, {"inc"}},
        {{"append", "add", "insert", "additem"}, {"push"}},
        {{"delete", "removeitem", "deleteitem", "splice"}, {"remove"}},
        {{"wait", "sleep", "timeout", "pause"}, {"delay"}},
        {{"fetch", "request", "api", "http", "apicall", "callapi"}, {"call"}},
        {{"to", "target", "destination"}, {"navigate"}},
        {{"param", "arguments", "props", "query"}, {"params", "args"}},
        // Document keys
        {{"app", "metadata", "info", "manifest"}, {"meta"}},
        {{"pages", "views", "routes"}, {"screens"}},
        {{"router", "navigator", "tabbaritems"}, {"nav"}},
        {{"data", "initialstate", "store", "model", "mockdata", "variables"}, {"state", "data"}},
        {{"modals", "dialogs", "sheets", "popups"}, {"overlays"}},
        {{"styles", "design", "colors", "palette"}, {"theme"}},
        {{"version", "specversion"}, {"spec"}},
        {{"initial", "initialroute", "home", "default", "initialscreen", "startscreen"}, {"start"}},
        {{"tabs", "links"}, {"items"}},
        {{"buttons", "footer"}, {"actions"}},
        {{"of", "each", "source", "array", "list", "foreach", "collection"}, {"in"}},
        {{"alias", "item", "itemname", "var", "variable", "let"}, {"as"}},
        {{"max", "maxitems", "count"}, {"limit"}},
        {{"fallback", "emptystate", "ifempty"}, {"empty"}},
        {{"latencyms", "delayms", "duration"}, {"latency"}},
        {{"response", "returns", "output", "data"}, {"result"}},
        {{"errormessage"}, {"error"}},
        // Enum values
        {{"contained", "filled", "solid", "default", "main", "cta"}, {"primary", "filled"}},
        {{"outlined", "bordered", "stroke"}, {"outline"}},
        {{"plain", "borderless", "tertiary", "text", "subtle", "flat"}, {"ghost", "link"}},
        {{"destructive", "error", "critical", "negative", "red"}, {"danger"}},
        {{"warn", "caution", "yellow", "orange"}, {"warning"}},
        {{"positive", "ok", "green", "done"}, {"success"}},
        {{"neutral", "secondary", "grey", "gray", "disabled"}, {"secondary", "muted"}},
        {{"largetitle", "title1", "display1"}, {"display", "h1"}},
        {{"headline", "title2", "heading"}, {"h2"}},
        {{"subheadline", "title3", "subheading", "subtitle"}, {"h3"}},
        {{"bold", "emphasis", "label"}, {"strong"}},
        {{"footnote", "caption2", "tiny", "fine"}, {"small", "caption"}},
        {{"paragraph", "regular", "normal", "body1"}, {"body"}},
        {{"left", "leading", "top", "flexstart"}, {"start", "top"}},
        {{"right", "trailing", "bottom", "flexend"}, {"end", "bottom"}},
        {{"middle", "centre", "centered"}, {"center"}},
        {{"spacebetween", "spacearound", "spaceevenly"}, {"between"}},
        {{"h4", "h5", "h6"}, {"h3"}},
        {{"obscured"}, {"password"}},
        {{"shorttext", "plaintext"}, {"text"}},
        {{"small", "s", "compact"}, {"sm"}},
        {{"medium", "m", "regular"}, {"md"}},
        {{"large", "l", "big"}, {"lg"}},
        {{"tel", "telephone"}, {"phone"}},
        {{"numeric", "decimal", "int", "integer"}, {"number"}},
        {{"secure", "secret"}, {"password"}},
        {{"mobile", "iphone", "android", "smartphone"}, {"phone"}},
        {{"ipad"}, {"tablet"}},
        {{"web", "browser", "laptop", "desktopweb"}, {"desktop"}},
        {{"bottomsheet", "actionsheet"}, {"sheet"}},
        {{"bottomtabs", "tabbar", "tab"}, {"tabs"}},
        {{"navigationdrawer", "side", "drawer"}, {"sidebar"}},
        {{"push", "stacked", "navigationstack"}, {"stack"}},
    };
    return groups;
}

// alias -> targets, merged over every group that lists the alias (in table order).
const std::map<std::string, std::vector<std::string>>& synonymIndex() {
    static const std::map<std::string, std::vector<std::string>> index = [] {
        std::map<std::string, std::vector<std::string>> m;
        for (auto& g : synonymGroups())
            for (const char* a : g.aliases)
                for (const char* t : g.targets) m[normalize(a)].push_back(t);
        return m;
    }();
    return index;
}

//-----------------------------------------------------------------------------
// [SECTION] Choosing the intended name
//-----------------------------------------------------------------------------

// The valid name `subject` most likely meant, or "" to leave it alone:
// (1) the same name written differently ("Primary", "line-chart"), (2) a synonym from another
// vocabulary, (3) a close spelling ("Buton") whose first letter matches: a typo rarely hits the
// first letter, and names that differ there are usually different words ("xl" is not "sm").
std::string intendedName(const std::string& subject, const std::vector<std::string>& candidates) {
    std::string n = normalize(subject);
    if (n.empty()) return "";
    for (auto& c : candidates)
        if (normalize(c) == n) return c;
    auto syn = synonymIndex().find(n);
    if (syn != synonymIndex().end())
        for (auto& target : syn->second)
            for (auto& c : candidates)
                if (c == target) return c;
    std::string close = closestName(subject, candidates);
    if (!close.empty() && normalize(close).front() == n.front()) return close;
    return "";
}

// What kind of name a diagnostic is about, for the fix message: "widget", "prop", "event", "target", "value".
std::string nameKind(const Diagnostic& d) {
    const std::string& m = d.message;
    if (m.rfind("unknown ", 0) == 0) {
        size_t quote = m.find('\'');
        std::string kind = m.substr(8, quote == std::string::npos ? std::string::npos : quote - 8);
        while (!kind.empty() && kind.back() == ' ') kind.pop_back();
        return kind;
    }
    if (m.find("has no event") != std::string::npos) return "event";
    if (m.find(" no screen") != std::string::npos || m.find(" no overlay") != std::string::npos || m.find(" no action") != std::string::npos ||
        m.find(" no mock") != std::string::npos || m.find("start screen") != std::string::npos)
        return "target";
    return "value";
}

//-----------------------------------------------------------------------------
// [SECTION] Editing the document at a pointer
//-----------------------------------------------------------------------------

// The JSON value at `pointer`, or nullptr when the pointer is malformed or leads nowhere.
Json* resolve(Json& doc, const std::string& pointer) {
    try {
        Json::json_pointer p(pointer);
        return doc.contains(p) ? &doc.at(p) : nullptr;
    } catch (const std::exception&) {
        return nullptr;
    }
}

// Renames `from` to `to` in `object`, keeping the member's position (a node's first key is its type).
void renameKey(Json& object, const std::string& from, const std::string& to) {
    Json renamed = Json::object();
    for (auto it = object.begin(); it != object.end(); ++it) renamed[it.key() == from ? to : it.key()] = std::move(it.value());
    object = std::move(renamed);
}

// The widget a node object is, read as the loader reads it: "type", else the first key naming a widget.
const WidgetDef* nodeWidget(const Json& node, bool* byTypeKey) {
    auto& catalog = WidgetCatalog::get();
    *byTypeKey = false;
    if (auto t = node.find("type"); t != node.end()) return t->is_string() ? catalog.find(t->get<std::string>()) : nullptr;
    for (auto it = node.begin(); it != node.end(); ++it)
        if (const WidgetDef* def = catalog.find(it.key())) { *byTypeKey = true; return def; }
    return nullptr;
}

bool valueFits(PropType type, const Json& v) {
    if (v.is_string() && v.get_ref<const std::string&>().find("${") != std::string::npos) return true;
    switch (type) {
    case PropType::String: case PropType::Color: case PropType::Icon: return !v.is_object() && !v.is_array();
    case PropType::Number: return v.is_number() || v.is_string();
    case PropType::Bool: return v.is_boolean();
    case PropType::Enum: return v.is_string();
    case PropType::Array: return v.is_array();
    case PropType::Object: return v.is_object();
    case PropType::Nodes: return v.is_array() || v.is_object() || v.is_string();
    case PropType::Any: return true;
    }
    return true;
}

// Whether `node` can take the member `from` renamed to `to`: not when the widget already sets `to`
// through its type key ({"button": "Save"} sets label), nor when the value does not fit the prop
// ("style": {...} is not a button variant) — a rename must not trade a warning for an error.
bool renameFits(const Json& node, const std::string& from, const std::string& to) {
    bool byTypeKey = false;
    const WidgetDef* def = nodeWidget(node, &byTypeKey);
    if (!def) return true;
    if (byTypeKey && def->primary == to) return false;
    if (const PropDef* p = def->prop(to)) return valueFits(p->type, node[from]);
    return true;
}

// Applies one name fix; false when the document no longer matches the diagnostic or the new name
// would overwrite a member that is already there.
bool applyName(Json& doc, const Diagnostic& d, const std::string& name) {
    if (d.subjectIsKey) {
        size_t slash = d.pointer.rfind('/');
        if (slash == std::string::npos) return false;
        Json* parent = resolve(doc, d.pointer.substr(0, slash));
        if (!parent || !parent->is_object() || !parent->contains(d.subject) || parent->contains(name) || !renameFits(*parent, d.subject, name)) return false;
        renameKey(*parent, d.subject, name);
        return true;
    }
    Json* value = resolve(doc, d.pointer);
    if (!value || !value->is_string() || value->get<std::string>() != d.subject) return false;
    *value = name;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Shape slips
//-----------------------------------------------------------------------------

// "screens": [{"id": "home", ...}] -> "screens": {"home": {...}} (same for overlays).
void keyArrayById(Json& doc, const char* section, std::vector<SpecFix>* fixes) {
    auto it = doc.find(section);
    if (it == doc.end() || !it->is_array()) return;
    Json map = Json::object();
    for (size_t i = 0; i < it->size(); ++i) {
        Json item = (*it)[i];
        std::string id;
        if (item.is_object())
            for (const char* idKey : {"id", "name", "key", "route"})
                if (auto k = item.find(idKey); k != item.end() && k->is_string() && !k->get<std::string>().empty()) {
                    id = k->get<std::string>();
                    item.erase(idKey);
                    break;
                }
        if (id.empty() || map.contains(id)) id = std::string(section, std::string(section).size() - 1) + std::to_string(i + 1);
        map[id] = std::move(item);
    }
    fixes->push_back({std::string("/") + section, std::string(section) + " given as an array -> an object keyed by id"});
    *it = std::move(map);
}

// A screen written as a node or a list of nodes ({"col": [...]}, [{...}]) -> {"body": ...}.
void wrapScreenBodies(Json& doc, std::vector<SpecFix>* fixes) {
    auto screens = doc.find("screens");
    if (screens == doc.end() || !screens->is_object()) return;
    static const std::vector<std::string> screenKeys = {"title", "icon", "bar", "onEnter"};
    for (auto it = screens->begin(); it != screens->end(); ++it) {
        Json& s = it.value();
        std::string ptr = childPointer("/screens", it.key());
        if (s.is_array()) {
            s = Json{{"body", std::move(s)}};
            fixes->push_back({ptr, "screen '" + it.key() + "' given as a list of nodes -> its body"});
            continue;
        }
        if (!s.is_object() || s.contains("body")) continue;
        bool isNode = s.contains("type");
        for (auto& [k, v] : s.items()) isNode = isNode || WidgetCatalog::get().find(k) != nullptr;
        if (!isNode) continue;
        Json screen = Json::object(), node = Json::object();
        for (auto m = s.begin(); m != s.end(); ++m) {
            bool screenKey = std::find(screenKeys.begin(), screenKeys.end(), m.key()) != screenKeys.end();
            (screenKey ? screen : node)[m.key()] = std::move(m.value());
        }
        screen["body"] = std::move(node);
        s = std::move(screen);
        fixes->push_back({ptr, "screen '" + it.key() + "' given as a single node -> its body"});
    }
}

// Node shapes of other vocabularies, everywhere under `node`:
// A2UI {"id": "t", "component": "Text"} -> {"id": "t", "type": "Text"} (the name is mapped on the next load);
// React {"type": "button", "props": {"label": "Save"}} -> {"type": "button", "label": "Save"}.
void normalizeNodeShapes(Json& node, const std::string& ptr, std::vector<SpecFix>* fixes, int depth) {
    if (depth > SpecLoader::kMaxDepth) return;
    if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i) normalizeNodeShapes(node[i], ptr + "/" + std::to_string(i), fixes, depth + 1);
        return;
    }
    if (!node.is_object()) return;
    if (auto c = node.find("component"); c != node.end() && c->is_string() && !node.contains("type")) {
        renameKey(node, "component", "type");
        fixes->push_back({childPointer(ptr, "component"), "A2UI 'component' -> 'type'"});
    }
    if (node.contains("type"))
        for (const char* wrapper : {"props", "properties", "attributes", "attrs"}) {
            auto w = node.find(wrapper);
            if (w == node.end() || !w->is_object()) continue;
            Json flat = Json::object();
            for (auto m = node.begin(); m != node.end(); ++m) {
                if (m.key() != wrapper) { if (!flat.contains(m.key())) flat[m.key()] = std::move(m.value()); continue; }
                for (auto p = m->begin(); p != m->end(); ++p)
                    if (!node.contains(p.key()) && !flat.contains(p.key())) flat[p.key()] = std::move(p.value());
            }
            node = std::move(flat);
            fixes->push_back({childPointer(ptr, wrapper), std::string("moved the members of '") + wrapper + "' into the node"});
        }
    for (auto m = node.begin(); m != node.end(); ++m) normalizeNodeShapes(m.value(), childPointer(ptr, m.key()), fixes, depth + 1);
}

void fixShapes(Json& doc, std::vector<SpecFix>* fixes) {
    if (!doc.is_object()) return;
    keyArrayById(doc, "screens", fixes);
    keyArrayById(doc, "overlays", fixes);
    wrapScreenBodies(doc, fixes);
    for (const char* section : {"screens", "overlays", "components"})  // not state: its objects are data
        if (auto it = doc.find(section); it != doc.end()) normalizeNodeShapes(*it, std::string("/") + section, fixes, 0);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Repair loop
//-----------------------------------------------------------------------------

SpecRepairResult repairSpec(const Json& doc, const std::string& file) {
    constexpr int kMaxPasses = 8;  // each pass can only reveal names nested under the ones it fixed
    SpecRepairResult r;
    r.doc = doc;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        size_t before = r.fixes.size();
        fixShapes(r.doc, &r.fixes);
        r.load = SpecLoader::loadJson(r.doc, file);
        // Deepest pointers first: renaming a key changes the pointers of everything under it.
        std::vector<const Diagnostic*> named;
        for (auto& d : r.load.diagnostics)
            if (!d.subject.empty() && !d.candidates.empty()) named.push_back(&d);
        std::stable_sort(named.begin(), named.end(), [](const Diagnostic* a, const Diagnostic* b) { return a->pointer > b->pointer; });
        for (const Diagnostic* d : named) {
            std::string name = intendedName(d->subject, d->candidates);
            if (name.empty() || name == d->subject) continue;
            if (applyName(r.doc, *d, name)) r.fixes.push_back({d->pointer, nameKind(*d) + " '" + d->subject + "' -> '" + name + "'"});
        }
        if (r.fixes.size() == before) return r;
    }
    r.load = SpecLoader::loadJson(r.doc, file);
    return r;
}

} // namespace pt
