// Promptotype — ViewerLines: a viewer's session events and reactions checked into log lines, and the import of a
// file an exported page saved.
//
// [SECTION] One line
// [SECTION] Import

#include "share/viewer_lines.h"
#include "meeting/feedback.h"
#include "meeting/session_log.h"
#include "runtime/spec/files.h"
#include <algorithm>
#include <cctype>
#include <set>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] One line
//-----------------------------------------------------------------------------

bool validViewerId(const std::string& id) {
    if (id.empty() || id.size() > kMaxViewerId) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum((unsigned char)c) || c == '-' || c == '_'; });
}

bool viewerLine(ViewerLineKind kind, const Json& item, const std::string& variant, Json* line, std::string* error) {
    auto fail = [&](const std::string& message) {
        if (error) *error = message;
        return false;
    };
    if (!item.is_object()) return fail("should be a JSON object");
    auto id = item.find("viewerId");
    if (id == item.end() || !id->is_string() || !validViewerId(id->get<std::string>()))
        return fail("\"viewerId\" should be an id of 1 to 64 letters, digits, '-' or '_'");
    auto name = item.find("viewer");
    if (name == item.end() || !name->is_string() || name->get<std::string>().empty() || name->get<std::string>().size() > kMaxViewerName)
        return fail("\"viewer\" should be the viewer's name (1 to 80 bytes)");
    const std::string viewer = name->get<std::string>();
    if (kind == ViewerLineKind::Session) {
        SessionEvent e;
        if (!sessionEventFromJson(item, &e, error)) return false;
        e.variant = variant;
        if (e.session.empty()) e.session = viewer;
        *line = sessionEventToJson(e);
    } else {
        Reaction r;
        if (!reactionFromJson(item, &r, error)) return false;
        r.who = viewer;
        r.variant = variant;
        *line = reactionToJson(r);
    }
    (*line)["viewer"] = viewer;
    (*line)["viewerId"] = *id;
    return true;
}

std::string variantSent(const Json& item) {
    if (!item.is_object()) return "";
    auto v = item.find("variant");
    return v != item.end() && v->is_string() ? v->get<std::string>() : "";
}

std::string viewerLogPath(ViewerLineKind kind, const std::string& specPath) {
    return kind == ViewerLineKind::Session ? SessionLog(specPath).path() : FeedbackLog(specPath).path();
}

//-----------------------------------------------------------------------------
// [SECTION] Import
//-----------------------------------------------------------------------------

namespace {

// A log's lines as canonical text (object keys sorted, numbers in shortest form): two equal entries compare equal
// however they were spaced.
std::set<std::string> linesOf(const std::string& path) {
    std::set<std::string> lines;
    forEachJsonLine(path, nullptr, [&](const Json& j, std::string*) {
        lines.insert(j.dump());
        return true;
    });
    return lines;
}

} // namespace

bool importViewerFile(const std::string& specPath, const std::string& file, ImportSummary* summary, std::string* error) {
    auto fail = [&](const std::string& message) {
        if (error) *error = file + ": " + message;
        return false;
    };
    std::string text;
    if (!readFileText(file, &text)) return fail("cannot be read");
    Json doc;
    Diagnostic syntax;
    if (!parseJsonText(text, &doc, &syntax)) {
        if (error) *error = file + ":" + std::to_string(syntax.line) + ":" + std::to_string(syntax.col) + ": " + syntax.message;
        return false;
    }
    if (!doc.is_object() || doc.value("format", Json()) != "promptotype-reactions")
        return fail("not a reactions file saved by a Promptotype page (its \"format\" should be \"promptotype-reactions\")");

    // Every line is made (and so checked) before anything is written: a bad file changes nothing.
    struct Pending {
        ViewerLineKind kind;
        Json line;
    };
    std::vector<Pending> pending;
    for (auto [kind, key] : {std::pair{ViewerLineKind::Session, "sessions"}, std::pair{ViewerLineKind::Reaction, "feedback"}}) {
        auto items = doc.find(key);
        if (items == doc.end()) continue;
        if (!items->is_array()) return fail(std::string("/") + key + ": should be an array");
        for (size_t i = 0; i < items->size(); ++i) {
            const Json& item = (*items)[i];
            // The variant the page showed; an exported page shows the spec as written.
            std::string variant = variantSent(item);
            if (variant.empty()) variant = "A";
            Json line;
            std::string why;
            if (!viewerLine(kind, item, variant, &line, &why)) return fail("/" + std::string(key) + "/" + std::to_string(i) + ": " + why);
            pending.push_back({kind, std::move(line)});
        }
    }

    ImportSummary done;
    if (auto from = doc.find("spec"); from != doc.end() && from->is_string()) done.savedFrom = from->get<std::string>();
    if (!pending.empty()) done.viewer = pending.front().line["viewer"].get<std::string>();
    std::set<std::string> held[2] = {linesOf(viewerLogPath(ViewerLineKind::Session, specPath)),
                                     linesOf(viewerLogPath(ViewerLineKind::Reaction, specPath))};
    for (const Pending& p : pending) {
        if (!held[(int)p.kind].insert(p.line.dump()).second) {
            ++done.alreadyThere;
            continue;
        }
        std::string why;
        if (!appendJsonLine(viewerLogPath(p.kind, specPath), p.line, &why)) {
            if (error) *error = why;
            return false;
        }
        ++(p.kind == ViewerLineKind::Session ? done.sessionLines : done.reactions);
    }
    if (summary) *summary = done;
    return true;
}

} // namespace pt
