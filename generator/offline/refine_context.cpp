// Promptotype — the app a change request is about. See refine_context.h.

#include "generator/offline/refine_context.h"
#include "generator/offline/draft_patterns.h"
#include <algorithm>
#include <set>
#include <vector>

namespace pt {

namespace {

// Head nouns that name the change rather than the app: controls, steps and looks a request adds or alters.
bool namesTheChange(const std::string& head) {
    static const std::set<std::string> change = {
        "button", "badge", "box", "bar", "toggle", "switch", "filter", "search", "sort", "confirmation", "dialog", "popup", "step",
        "mode", "theme", "column", "field", "control", "chip", "option", "color", "colour", "font", "size", "bold", "top", "bottom",
        "toast", "count", "way", "thing", "one", "everywhere", "instead", "something", "section", "icon", "shift"};
    return change.count(head) > 0;
}

// Words for where a thing is shown rather than what it is ("member directory" is about members).
bool namesAView(const std::string& head) {
    static const std::set<std::string> views = {"directory", "list", "listing", "record", "form", "page", "tab", "screen", "detail", "view", "console"};
    return views.count(head) > 0;
}

// Heads that are fields of a thing rather than things ("name or phone number"): the drafter reads them after "with".
bool namesAField(const std::string& head) {
    static const std::set<std::string> fields = {"name", "email", "phone", "number", "address", "date", "time", "price", "total", "amount", "status", "title", "window"};
    return fields.count(head) > 0;
}

// Text without the quoted labels: a quoted label is what the change shows ("Export to CSV"), not what the app is.
std::string withoutQuotes(std::string_view request) {
    std::string out;
    char open = 0;
    for (size_t i = 0; i < request.size(); ++i) {
        char c = request[i];
        bool edge = i == 0 || !std::isalnum(static_cast<unsigned char>(request[i - 1]));
        if (!open && (c == '"' || (c == '\'' && edge))) { open = c; continue; }
        if (open && c == open) { open = 0; continue; }
        if (!open) out += c;
    }
    return out;
}

} // namespace

std::string changeRequestContext(std::string_view request, const std::string& domain) {
    std::vector<std::string> things, fields;
    for (const draft::RequestEntity& e : draft::requestEntities(withoutQuotes(request))) {
        std::vector<std::string> words = e.words;
        while (!words.empty() && (namesAView(words.back()) || namesTheChange(words.back()))) words.pop_back();
        if (words.empty() || namesTheChange(e.head)) continue;
        std::string phrase;
        for (auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
        std::vector<std::string>& into = namesAField(words.back()) ? fields : things;
        phrase = &into == &things ? draft::pluralOf(phrase) : phrase;
        if (into.size() < 4 && std::find(into.begin(), into.end(), phrase) == into.end()) into.push_back(phrase);
    }
    auto joined = [](const std::vector<std::string>& list) {
        std::string out;
        for (size_t i = 0; i < list.size(); ++i) out += (i == 0 ? "" : i + 1 == list.size() ? " and " : ", ") + list[i];
        return out;
    };
    std::string subject = domain.empty() ? std::string("small business") : domain;
    bool vowel = std::string("aeiouAEIOU").find(subject[0]) != std::string::npos;
    std::string out = std::string(vowel ? "An " : "A ") + subject + " app";
    if (!things.empty()) out += " for " + joined(things);
    if (!things.empty() && !fields.empty()) out += " with " + joined(fields);
    return out;
}

} // namespace pt
