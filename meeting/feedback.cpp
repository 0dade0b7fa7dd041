// Promptotype — FeedbackLog implementation: reaction kinds, reaction <-> JSON line, the durable log, anchoring.
//
// [SECTION] Reactions
// [SECTION] FeedbackLog
// [SECTION] Anchoring

#include "meeting/feedback.h"
#include "runtime/spec/files.h"
#include "runtime/spec/limits.h"
#include <imgui.h>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Reactions
//-----------------------------------------------------------------------------

const std::vector<ReactionKind>& reactionKinds() {
    static const std::vector<ReactionKind> kinds = {
        {"agree", "thumbs-up", "Agree", IM_COL32(34, 163, 90, 255)},
        {"disagree", "thumbs-down", "Disagree", IM_COL32(220, 53, 69, 255)},
        {"question", "question-circle", "Question", IM_COL32(245, 158, 11, 255)},
        {"idea", "lightbulb-o", "Idea", IM_COL32(139, 92, 246, 255)},
    };
    return kinds;
}

const ReactionKind* findReactionKind(std::string_view name) {
    for (const ReactionKind& k : reactionKinds())
        if (name == k.name) return &k;
    return nullptr;
}

namespace {

// Fields at their default value are left out of a line; reading fills the default back in.
void putText(Json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

// Reads an optional text field; false with a message when it is there but not text.
bool takeText(const Json& j, const char* key, std::string* out, std::string* error) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_string()) {
        if (error) *error = std::string("\"") + key + "\" should be text";
        return false;
    }
    *out = it->get<std::string>();
    return true;
}

} // namespace

Json reactionToJson(const Reaction& r) {
    Json j = Json::object();
    j["time"] = r.time;
    putText(j, "who", r.who);
    j["kind"] = r.kind;
    putText(j, "comment", r.comment);
    putText(j, "screen", r.screen);
    putText(j, "widget", r.widget);
    putText(j, "label", r.label);
    putText(j, "variant", r.variant);
    if (r.version != 0) j["version"] = r.version;
    putText(j, "session", r.session);
    return j;
}

bool reactionFromJson(const Json& j, Reaction* out, std::string* error) {
    if (!j.is_object()) {
        if (error) *error = "a reaction should be a JSON object";
        return false;
    }
    Reaction r;
    auto time = j.find("time");
    if (time == j.end() || !time->is_number()) {
        if (error) *error = "\"time\" should be a number (unix seconds)";
        return false;
    }
    r.time = time->get<double>();
    if (!takeText(j, "kind", &r.kind, error)) return false;
    if (!findReactionKind(r.kind)) {
        if (error) *error = "\"kind\" should be agree, disagree, question or idea; got \"" + r.kind + "\"";
        return false;
    }
    if (!takeText(j, "who", &r.who, error) || !takeText(j, "comment", &r.comment, error) ||
        !takeText(j, "screen", &r.screen, error) || !takeText(j, "widget", &r.widget, error) ||
        !takeText(j, "label", &r.label, error) || !takeText(j, "variant", &r.variant, error) ||
        !takeText(j, "session", &r.session, error))
        return false;
    if (auto v = j.find("version"); v != j.end()) {
        if (!v->is_number_integer() || v->get<long long>() < 0 || v->get<long long>() > limits::kHistoryVersions.value ||
            (v->is_number_unsigned() && v->get<unsigned long long>() > (unsigned long long)limits::kHistoryVersions.value)) {
            if (error) *error = "\"version\" should be a version number (a whole number from 0 to " + std::to_string(limits::kHistoryVersions.value) + ")";
            return false;
        }
        r.version = (int)v->get<long long>();
    }
    *out = std::move(r);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] FeedbackLog
//-----------------------------------------------------------------------------

FeedbackLog::FeedbackLog(std::string specPath) : m_path(besideSpec(specPath, ".feedback.jsonl")) {}

bool FeedbackLog::append(const Reaction& r, std::string* error) {
    if (!findReactionKind(r.kind)) {
        if (error) *error = "unknown reaction kind \"" + r.kind + "\" (agree, disagree, question or idea)";
        return false;
    }
    return appendJsonLine(m_path, reactionToJson(r), error);
}

std::vector<Reaction> FeedbackLog::load(std::vector<std::string>* problems) const {
    return readJsonLines<Reaction>(m_path, problems, reactionFromJson);
}

//-----------------------------------------------------------------------------
// [SECTION] Anchoring
//-----------------------------------------------------------------------------

namespace {

// Depth-first through a node list and everything drawn inside it (children, component bodies, empty states).
const Node* findNode(const std::vector<Node>& nodes, const std::function<bool(const Node&)>& match) {
    for (const Node& n : nodes) {
        if (match(n)) return &n;
        if (const Node* c = findNode(n.children, match)) return c;
        if (n.repeat)
            if (const Node* e = findNode(n.repeat->empty, match)) return e;
    }
    return nullptr;
}

bool locateBy(const Spec& spec, const std::function<bool(const Node&)>& match, WidgetLocation* out) {
    for (const Screen& s : spec.screens)
        for (const std::vector<Node>* nodes : {&s.body, &s.barActions})
            if (const Node* n = findNode(*nodes, match)) {
                *out = {s.id, false, n};
                return true;
            }
    for (const Overlay& o : spec.overlays)
        for (const std::vector<Node>* nodes : {&o.body, &o.actions})
            if (const Node* n = findNode(*nodes, match)) {
                *out = {o.id, true, n};
                return true;
            }
    return false;
}

} // namespace

bool locateWidget(const Spec& spec, const std::string& widget, WidgetLocation* out) {
    if (widget.empty()) return false;
    WidgetLocation found;
    std::string key = widget.substr(0, widget.find('#'));  // a repeat instance "list/0#3" is anchored to its template node
    bool ok = locateBy(spec, [&](const Node& n) { return n.id == widget; }, &found) ||
              (!key.empty() && locateBy(spec, [&](const Node& n) { return n.key == key; }, &found));
    if (ok && out) *out = found;
    return ok;
}

std::string anchorFor(const Node& node, const std::string& instanceKey) {
    if (node.id.empty()) return instanceKey;
    size_t hash = instanceKey.find('#');  // a repeated row keeps its index: the reaction is about that row
    return hash == std::string::npos ? node.id : node.id + instanceKey.substr(hash);
}

} // namespace pt
