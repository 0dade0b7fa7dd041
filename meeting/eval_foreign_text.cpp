// Promptotype — the foreign-text check. See eval_foreign_text.h.
//
// [SECTION] Words
// [SECTION] Domain words

#include "meeting/eval_foreign_text.h"
#include <cctype>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Words
//-----------------------------------------------------------------------------

// Words an app of any domain shows (chrome, common actions, statuses, times), and English words of four letters or
// more that say nothing about a domain. Only words of at least 4 letters matter (shorter ones are never compared).
const std::set<std::string>& sharedWords() {
    static const std::set<std::string> words = {
        // app chrome and common actions
        "home", "settings", "profile", "account", "search", "filter", "sort", "save", "cancel", "delete", "remove",
        "edit", "create", "submit", "send", "back", "next", "done", "close", "open", "view", "detail", "details", "list",
        "overview", "dashboard", "help", "logout", "login", "sign", "welcome", "confirm", "okay", "empty", "nothing",
        "loading", "error", "success", "warning", "info", "apply", "select", "choose", "option", "preference", "theme",
        "dark", "light", "mode", "language", "privacy", "about", "version", "support", "contact", "feedback", "share",
        "export", "import", "upload", "download", "print", "refresh", "reset", "clear", "start", "stop", "pause",
        "resume", "continue", "skip", "retry", "undo", "more", "less", "show", "hide", "all", "none", "menu", "tab",
        "notification", "message", "reminder", "alert", "inbox", "chat", "comment", "reply", "like", "follow",
        "change", "update", "insight", "confirmation", "link", "copy", "shared", "write", "onboarding", "mobile",
        "english", "data", "size", "rating",
        // data words
        "name", "title", "description", "note", "status", "total", "summary", "amount", "price", "cost", "count",
        "number", "average", "rate", "chart", "trend", "progress", "goal", "target", "item", "entry", "record", "photo",
        "image", "file", "document", "email", "phone", "address", "location", "type", "category", "priority", "high",
        "medium", "level", "score", "result", "value", "activity", "history", "report", "recent", "latest",
        "owner", "assign", "assigned", "assignee", "team", "user", "member", "people", "person", "admin", "manager",
        "staff", "customer", "client", "guest", "favorite", "favourite", "saved", "tag", "label",
        // statuses
        "pending", "active", "inactive", "complete", "completed", "draft", "approved", "rejected", "approve", "reject",
        "closed", "overdue", "paid", "unpaid", "ready", "failed", "cancelled", "scheduled", "available", "booked",
        "received", "confirmed", "sent", "returned", "resolved", "declined", "denied", "accepted", "delivered", "placed",
        // time
        "today", "tomorrow", "yesterday", "week", "weekly", "month", "monthly", "year", "yearly", "daily", "hour",
        "minute", "second", "date", "time", "morning", "afternoon", "evening", "night", "upcoming", "past", "last",
        "first", "calendar", "schedule", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "ago",
        // English words that say nothing about a domain
        "with", "that", "this", "from", "have", "your", "they", "their", "them", "there", "these", "those", "when",
        "what", "which", "where", "while", "each", "also", "into", "most", "only", "some", "than", "then", "will",
        "would", "should", "could", "after", "before", "over", "under", "need", "want", "must", "make", "just", "very",
        "much", "many", "every", "other", "such", "been", "being", "were", "does", "here", "good", "great", "still",
        "keep", "know", "see", "using", "used", "able", "lets", "without", "within", "between", "across", "around",
        "free", "full", "part", "whole", "same", "different", "right", "left", "yours", "anything", "something",
        "along", "asking", "mine", "ours",
    };
    return words;
}

// Lower-case runs of at least `minLetters` ASCII letters, in order.
std::vector<std::string> wordsOf(std::string_view text, size_t minLetters = 4) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (word.size() >= minLetters) out.push_back(word);
        word.clear();
    };
    for (char c : text) {
        if (std::isalpha((unsigned char)c)) word += (char)std::tolower((unsigned char)c);
        else flush();
    }
    flush();
    return out;
}

// The word with a plural ending taken off: "benches" -> "bench", "batteries" -> "battery", "hives" -> "hive".
std::string stem(const std::string& w) {
    auto ends = [&](const char* s) { size_t n = std::char_traits<char>::length(s); return w.size() > n + 2 && w.compare(w.size() - n, n, s) == 0; };
    if (ends("ies")) return w.substr(0, w.size() - 3) + "y";
    if (ends("ches") || ends("shes") || ends("sses") || ends("xes")) return w.substr(0, w.size() - 2);
    if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) return w.substr(0, w.size() - 1);
    return w;
}

// The stems of an entry's words that could be a domain's: shared words dropped.
std::set<std::string> stemsOf(std::string_view text, size_t minLetters = 4) {
    std::set<std::string> out;
    for (const std::string& w : wordsOf(text, minLetters)) {
        std::string s = stem(w);
        if (!sharedWords().count(w) && !sharedWords().count(s)) out.insert(s);
    }
    return out;
}

// The words an entry's domain words come from: its request and its domain label.
std::string requestText(const CorpusEntry& e) { return e.request + "\n" + e.domain; }

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Domain words
//-----------------------------------------------------------------------------

DomainWords::DomainWords(const std::vector<CorpusEntry>& corpus) {
    std::map<std::string, std::vector<const CorpusEntry*>> users;
    for (const CorpusEntry& e : corpus)
        for (const std::string& s : stemsOf(requestText(e))) users[s].push_back(&e);
    for (auto& [s, entries] : users)
        if ((int)entries.size() <= kDomainWordMaxEntries) m_owner[s] = entries.front()->id;
}

std::vector<ForeignWord> DomainWords::foreignWords(const CorpusEntry& entry, const std::vector<std::string>& visibleTexts) const {
    std::string own = requestText(entry);
    for (const CorpusCheck& c : entry.checks)
        if (c.kind == "term") own += "\n" + c.text;
    // Three letters are enough to be one's own: "per job" owns the "jobs" shown.
    std::set<std::string> ownStems = stemsOf(own, 3), seen;
    std::vector<ForeignWord> out;
    for (const std::string& text : visibleTexts)
        for (const std::string& w : wordsOf(text)) {
            std::string s = stem(w);
            if (ownStems.count(s) || sharedWords().count(w) || sharedWords().count(s) || !seen.insert(s).second) continue;
            auto it = m_owner.find(s);
            if (it != m_owner.end()) out.push_back({w, it->second});
        }
    return out;
}

} // namespace pt
