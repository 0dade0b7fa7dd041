// Promptotype — aliases: the table of other vocabularies' names and the lookup by name. See aliases.h.
//
// [SECTION] Table
// [SECTION] Lookup

#include "runtime/spec/aliases.h"
#include <cctype>
#include <map>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Table
//-----------------------------------------------------------------------------

const std::vector<AliasGroup>& aliasGroups() {
    static const std::vector<AliasGroup> groups = {
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

//-----------------------------------------------------------------------------
// [SECTION] Lookup
//-----------------------------------------------------------------------------

std::string normalizedName(std::string_view name) {
    std::string out;
    for (char c : name)
        if (c != '_' && c != '-' && c != ' ' && c != '.') out += (char)std::tolower((unsigned char)c);
    return out;
}

const std::vector<std::string>& aliasTargets(std::string_view name) {
    static const std::map<std::string, std::vector<std::string>> index = [] {
        std::map<std::string, std::vector<std::string>> m;
        for (auto& g : aliasGroups())
            for (const char* a : g.aliases)
                for (const char* t : g.targets) m[normalizedName(a)].push_back(t);
        return m;
    }();
    static const std::vector<std::string> none;
    auto it = index.find(normalizedName(name));
    return it == index.end() ? none : it->second;
}

} // namespace pt
