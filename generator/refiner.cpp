// Promptotype — Refiner implementation. See refiner.h.
//
// [SECTION] Nodes and "#ID" paths
// [SECTION] Applying answers
// [SECTION] Prompts
// [SECTION] Refining

#include "generator/refiner.h"
#include "runtime/spec/spec_diff.h"
#include "generator/lenient_json.h"
#include "generator/spec_repair.h"
#include "generator/system_prompt.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/document.h"
#include "runtime/spec/limits.h"
#include "runtime/spec/state_paths.h"
#include <algorithm>
#include <chrono>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Nodes and "#ID" paths
//-----------------------------------------------------------------------------

namespace {

// Fills the type fields of `site` from its node, read as the loader reads it (runtime/spec/document.h). False when
// the object is no node (it names no type).
bool describeNode(const Json& node, const IsComponent& isComponent, NodeSite& site) {
    NodeType type = readNodeType(node, isComponent);
    if (type.key.empty()) return false;
    site.type = type.name;
    site.typeKey = type.key == "type" ? (type.def ? type.def->primary : "") : type.key;
    if (!type.def || !type.def->container) return true;
    std::vector<ChildNodes> lists = childNodeKeys(node, type);
    if (!lists.empty()) site.childrenKey = lists.front().key;  // where they are written, else where they would go
    else
        for (auto& p : type.def->props)
            if (p.type == PropType::Nodes) { site.childrenKey = keyOfProp(type, p.name); break; }
    return true;
}

// The first node (in document order) whose "id" is `id`; false when there is none.
bool findNodeById(const Json& doc, const std::string& id, NodeSite* found) {
    bool hit = false;
    forEachNode(doc, [&](const NodeSite& site) {
        auto it = site.node->find("id");
        if (it == site.node->end() || !it->is_string() || *it != id) return true;
        *found = site;
        hit = true;
        return false;
    });
    return hit;
}

// "-" or an array index: the part of "#ID/-" or "#ID/2" that addresses children.
bool isChildToken(const std::string& token) {
    return token == "-" || (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos);
}

} // namespace

void forEachNode(const Json& doc, const std::function<bool(const NodeSite&)>& visit) {
    IsComponent isComponent = componentsOf(doc);
    walkDocument(doc, [&](SiteKind kind, const Json& node, const std::string& pointer, const WalkPlace& place) {
        NodeSite site;
        site.node = &node;
        site.pointer = pointer;
        site.owner = place.pointer;
        return kind != SiteKind::Node || !describeNode(node, isComponent, site) || visit(site);
    });
}

std::vector<std::string> nodeIds(const Json& doc) {
    std::vector<std::string> ids;
    forEachNode(doc, [&](const NodeSite& site) {
        auto it = site.node->find("id");
        if (it != site.node->end() && it->is_string()) ids.push_back(it->get<std::string>());
        return true;
    });
    return ids;
}

bool resolveNodePath(const Json& doc, const std::string& path, std::string* pointer, std::string* error) {
    if (path.empty() || path[0] != '#') {
        *pointer = path;
        return true;
    }
    size_t slash = path.find('/');
    std::string id = path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
    std::string rest = slash == std::string::npos ? "" : path.substr(slash);
    std::string token = rest.empty() ? "" : rest.substr(1, rest.find('/', 1) == std::string::npos ? std::string::npos : rest.find('/', 1) - 1);
    std::string tail = rest.substr(std::min(rest.size(), token.size() + 1));
    if (id.empty()) {
        *error = "path '" + path + "': '#' must be followed by a node id";
        return false;
    }
    NodeSite site;
    if (findNodeById(doc, id, &site)) {
        if (isChildToken(token)) {
            if (site.childrenKey.empty()) {
                *error = "path '" + path + "': node '" + id + "' is a " + site.type + ", which has no children";
                return false;
            }
            *pointer = site.pointer + "/" + escapePointer(site.childrenKey) + rest;
            return true;
        }
        // "#save/label" names the main prop, which the node keeps under its type key ({"button": "Save"}).
        const WidgetDef* def = WidgetCatalog::get().find(site.type);
        if (def && token == def->primary && !site.typeKey.empty() && site.typeKey != token) *pointer = site.pointer + "/" + escapePointer(site.typeKey) + tail;
        else *pointer = site.pointer + rest;
        return true;
    }
    for (const char* section : {"screens", "overlays"}) {
        if (!doc.contains(section) || !doc[section].is_object() || !doc[section].contains(id)) continue;
        std::string base = "/" + std::string(section) + "/" + escapePointer(id);
        *pointer = isChildToken(token) ? base + "/body" + rest : base + rest;
        return true;
    }
    std::string hint = closestName(id, nodeIds(doc));
    *error = "path '" + path + "': no node has the id '" + id + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)");
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Applying answers
//-----------------------------------------------------------------------------

namespace {

// nlohmann's "[json.exception.out_of_range.403] key 'x' not found" without the bracketed code.
std::string patchMessage(const std::exception& e) {
    std::string what = e.what();
    if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos) what = what.substr(what.find("] ") + 2);
    return what;
}

// Applies one RFC 6902 edit whose paths may start with "#ID". False with `error` naming the edit. `bytes` is the
// document's size so far (measureJson), grown by what the edit adds: an edit that would take the document past its
// budget is refused before it runs, so 40 `copy` edits of the whole document cannot double it 40 times.
bool applyEdit(Json& work, const Json& edit, const std::string& where, long long& bytes, std::string* error) {
    static const char* ops[] = {"add", "remove", "replace", "move", "copy", "test"};
    if (!edit.is_object()) { *error = where + ": an edit must be an object like {\"op\": \"add\", \"path\": ..., \"value\": ...}"; return false; }
    auto op = edit.find("op");
    if (op == edit.end() || !op->is_string() || std::none_of(std::begin(ops), std::end(ops), [&](const char* o) { return *op == o; })) {
        *error = where + ": \"op\" must be one of add, remove, replace, move, copy, test";
        return false;
    }
    const std::string name = op->get<std::string>();
    Json patchOp = {{"op", name}};
    for (const char* key : {"path", "from"}) {
        bool needed = std::string(key) == "path" || name == "move" || name == "copy";
        auto it = edit.find(key);
        if (it == edit.end() && !needed) continue;
        if (it == edit.end() || !it->is_string()) { *error = where + ": \"" + key + "\" must be a string (a JSON Pointer or \"#ID/...\")"; return false; }
        std::string resolved, problem;
        if (!resolveNodePath(work, it->get<std::string>(), &resolved, &problem)) { *error = where + ": " + problem; return false; }
        patchOp[key] = resolved;
    }
    if (name == "add" || name == "replace" || name == "test") {
        if (!edit.contains("value")) { *error = where + ": " + (name == "add" ? "an " : "a ") + name + " edit needs a \"value\""; return false; }
        patchOp["value"] = edit["value"];
    }
    try {
        // Models often "replace" a prop the node does not have yet; for an object member that is an add.
        if (name == "replace") {
            Json::json_pointer target(patchOp["path"].get<std::string>());
            if (!target.empty() && !work.contains(target) && work.contains(target.parent_pointer()) && work.at(target.parent_pointer()).is_object())
                patchOp["op"] = "add";
        }
        const Json* added = name == "add" || name == "replace" ? &patchOp["value"] : nullptr;
        if (name == "copy") added = &work.at(Json::json_pointer(patchOp["from"].get<std::string>()));
        if (added) {
            const long long budget = limits::kRefinedDocument.value;
            const int maxDepth = (int)limits::kJsonDepth.value;
            JsonSize size = measureJson(*added, budget - bytes, maxDepth);
            bytes += size.bytes;
            int at = (int)std::count(patchOp["path"].get_ref<const std::string&>().begin(), patchOp["path"].get_ref<const std::string&>().end(), '/');
            if (bytes > budget || at + size.depth > maxDepth) {
                *error = where + ": " + name + " would grow the document past its budget of " + thousands(budget) + " bytes or " +
                         thousands(maxDepth) + " levels";
                return false;
            }
        }
        work.patch_inplace(Json::array({patchOp}));
    } catch (const std::exception& e) {
        std::string path = edit["path"].get<std::string>();
        std::string shown = path == patchOp["path"] ? "'" + path + "'" : "'" + path + "' (" + patchOp["path"].get<std::string>() + ")";
        *error = where + ": " + name + " " + shown + ": " + patchMessage(e);
        return false;
    }
    return true;
}

} // namespace

bool applyRefinementAnswer(const Json& doc, const Json& answer, Json* out, std::string* mode, std::string* error) {
    if (!answer.is_object()) { *error = "the answer must be a JSON object with \"edits\", \"merge\" or \"spec\""; return false; }
    std::vector<std::string> kinds;
    for (const char* k : {"edits", "merge", "spec"})
        if (answer.contains(k)) kinds.push_back(k);
    if (kinds.empty()) { *error = "the answer has none of \"edits\", \"merge\" or \"spec\""; return false; }
    if (kinds.size() > 1) { *error = "the answer has both \"" + kinds[0] + "\" and \"" + kinds[1] + "\": use one of them"; return false; }
    const Json& body = answer[kinds[0]];
    if (kinds[0] == "spec") {
        if (!body.is_object()) { *error = "spec: must be the whole document (a JSON object)"; return false; }
        *out = body;
    } else if (kinds[0] == "merge") {
        if (!body.is_object()) { *error = "merge: must be a JSON object (an RFC 7396 merge patch)"; return false; }
        Json work = doc;
        work.merge_patch(body);
        *out = std::move(work);
    } else {
        if (!body.is_array()) { *error = "edits: must be an array of JSON Patch operations"; return false; }
        Json work = doc;
        long long bytes = measureJson(work, limits::kRefinedDocument.value, (int)limits::kJsonDepth.value).bytes;
        for (size_t i = 0; i < body.size(); ++i)
            if (!applyEdit(work, body[i], "edits/" + std::to_string(i), bytes, error)) return false;
        *out = std::move(work);
    }
    *mode = kinds[0];
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Prompts
//-----------------------------------------------------------------------------

namespace {

const char* kRefineIntro = R"EX(You change existing app prototypes written in the Promptotype spec format v1. The user message holds the
current spec, sometimes the part of it the request is about, and the request. You answer with ONE JSON object
saying how to change the spec: no prose, no Markdown fence, no comments.

# Answer format
{"summary": "one short line saying what changed", "edits": [edit, ...]}
  Each edit is an RFC 6902 JSON Patch operation {"op": "add"|"remove"|"replace"|"move"|"copy"|"test", "path": ...,
  "value": ...} ("from" for move and copy). A path is a JSON Pointer ("/theme/brand", "/screens/share") or "#ID"
  followed by a pointer inside the node whose "id" is ID: "#save/variant" is a prop of that node, "#save/label" its
  main prop, "#prefsCard/-" appends to its children, "#prefsCard/0" inserts before its first child, "#save" is the
  node itself. "#ID" names a screen when no node has that id ("#settings/-" appends to the screen's body).
{"summary": "...", "merge": {...}}   an RFC 7396 merge patch over the whole document (null deletes a key)
{"summary": "...", "spec": {...}}    the whole updated document
{"unsupported": "why"}              only when the request cannot be done at all
{"already": "how"}                  when the app already does exactly what is asked ("The habits list has a search field")

# Rules for changes
1. Change only what the request asks; everything else stays exactly as it is.
2. Keep existing ids, screen ids and state keys; give every node you add a new unique "id".
3. Prefer edits. Use "merge" for many small scattered changes and "spec" only for sweeping changes.
4. A new input binds to a new state key: add that key to "state" in the same answer, with a realistic value.
5. A new screen must be reachable (a nav item, or a button or item that navigates to it); every control does something.
6. The request may name a part of the app in words ("the streak card"): find it by its id, label, title or type.

# Examples
Request: add a dark mode switch to settings
{"summary": "Added a dark mode switch to settings", "edits": [
 {"op": "add", "path": "/state/prefs/dark", "value": false},
 {"op": "add", "path": "#prefsCard/-", "value": {"switch": "Dark mode", "id": "darkMode", "bind": "prefs.dark"}}]}
Request: make the save button red and call it "Save habit"
{"summary": "The save button is red and says Save habit", "edits": [
 {"op": "replace", "path": "#save/variant", "value": "danger"}, {"op": "replace", "path": "#save/label", "value": "Save habit"}]}
Request: add a share screen
{"summary": "Added a Share screen to the tab bar", "edits": [
 {"op": "add", "path": "/screens/share", "value": {"title": "Share", "icon": "share-alt", "body": [{"list": [
   {"item": "Copy link", "id": "copyLink", "icon": "link", "press": {"toast": "Link copied", "tone": "success"}}]}]}},
 {"op": "add", "path": "/nav/items/-", "value": {"screen": "share", "label": "Share", "icon": "share-alt"}}]}

# The spec format
)EX";

std::string buildRefineSystemPrompt() { return kRefineIntro + specFormatReference(false); }

// The follow-up turn after an answer that could not be applied; the last one asks for the whole spec.
std::string refineRepairMessage(const std::vector<std::string>& problems, bool truncated, bool wholeSpec) {
    std::string out;
    if (truncated) out += "Your answer was cut off before the end.\n";
    if (!problems.empty()) {
        out += "Your answer could not be applied:\n";
        size_t shown = std::min<size_t>(problems.size(), 40);
        for (size_t i = 0; i < shown; ++i) out += "- " + problems[i] + "\n";
        if (problems.size() > shown) out += "- ... and " + std::to_string(problems.size() - shown) + " more of the same kinds\n";
    }
    if (wholeSpec)
        out += "Answer with the whole updated spec instead, the request carried out and these problems avoided: "
               "{\"summary\": \"...\", \"spec\": {...the complete document...}}";
    else
        out += "Answer again in the same format (edits, merge or spec) with these problems fixed.";
    return out;
}

} // namespace

std::string refineSystemPrompt() {
    static const std::string prompt = buildRefineSystemPrompt();
    return prompt;
}

std::string refineMessage(const Json& doc, const RefineOptions& options) {
    std::string out = "Current spec:\n" + doc.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n\n";
    if (!options.scope.empty()) {
        std::string path = options.scope[0] == '/' ? options.scope : "#" + options.scope, pointer, error;
        Json::json_pointer ptr;
        bool found = resolveNodePath(doc, path, &pointer, &error);
        try {
            ptr = Json::json_pointer(pointer);
            found = found && doc.contains(ptr);
        } catch (const std::exception&) {
            found = false;
        }
        if (found)
            out += "The request is about this part of it (" + pointer + (path[0] == '#' ? ", id \"" + options.scope + "\"" : "") + "):\n" +
                   doc[ptr].dump(-1, ' ', false, Json::error_handler_t::replace) + "\n\n";
        else
            out += "(The request was made about '" + options.scope + "', which is not in the spec any more.)\n\n";
    }
    return out + "Request: " + options.request + "\n\nAnswer with the JSON object only: {\"summary\", \"edits\"} (or \"merge\" or \"spec\").";
}

//-----------------------------------------------------------------------------
// [SECTION] Refining
//-----------------------------------------------------------------------------

RefineResult refineSpec(const Json& doc, const RefineOptions& options, LlmProvider& provider, const ProgressFn& onProgress,
                        const std::atomic<bool>* cancel) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    RefineResult res;
    res.doc = doc;
    res.generator = provider.label();
    if (!doc.is_object()) {
        res.error = "nothing to refine: the spec is not a JSON object";
        return res;
    }
    GenerationProgress progress;
    auto report = [&](const std::string& phase) {
        if (!phase.empty()) progress.phase = phase;
        progress.elapsedSec = std::chrono::duration<double>(Clock::now() - start).count();
        if (onProgress) onProgress(progress);
    };

    LlmRequest request;
    request.system = refineSystemPrompt();
    request.messages.push_back({"user", refineMessage(doc, options)});
    request.refineDoc = doc;
    request.refineRequest = options.request;
    request.refineScope = options.scope;

    const std::string waiting = provider.deterministic() ? "drafting" : "waiting for the model";
    const int rounds = std::max(0, options.maxRepairRounds);
    for (int round = 0; round <= rounds; ++round) {
        progress = GenerationProgress();
        report(round == 0 ? waiting : "repairing (round " + std::to_string(round) + " of " + std::to_string(rounds) + ")");
        std::string text;
        LlmResult answer = provider.complete(request, [&](std::string_view delta) {
            text += delta;
            progress.bytes = text.size();
            report(progress.phase == waiting ? "streaming" : "");
        }, cancel);
        if (answer.text.empty()) answer.text = text;
        if (!answer.text.empty()) res.rawAnswer += rawAnswerMarker(res.generator, round, answer.finishReason) + answer.text + "\n";
        res.repairRounds = round;
        if (answer.cancelled || (cancel && cancel->load())) { res.error = "cancelled"; break; }
        if (!answer.ok && !answer.truncated) {
            res.error = !answer.error.empty() ? answer.error : res.generator + " ended without an answer (" + answer.finishReason + ")";
            break;
        }
        if (answer.text.empty()) { res.error = res.generator + " returned an empty answer"; break; }

        std::vector<std::string> problems;
        LenientResult parsed = answerDocument(answer);
        Json result;
        std::string mode, problem;
        if (answer.truncated) problems.push_back("the answer was cut off by the token limit: use fewer, smaller edits");
        else if (!parsed.ok) problems.push_back("the answer is not a JSON object: " + locatedProblem(parsed.error));
        else if (parsed.doc.contains("unsupported")) {
            res.unsupported = true;
            const Json& why = parsed.doc["unsupported"];
            res.error = why.is_string() && !why.get<std::string>().empty() ? why.get<std::string>() : res.generator + " cannot do this request";
            break;
        } else if (parsed.doc.contains("already") && parsed.doc["already"].is_string() && !parsed.doc["already"].get<std::string>().empty()) {
            LoadResult same = SpecLoader::loadJson(doc, options.file);
            if (!same.spec || same.hasErrors()) problems.push_back("the spec has errors, so \"already\" cannot be the answer: fix them");
            else {
                res.ok = res.already = true;
                res.doc = doc;
                res.spec = same.spec;
                res.mode = "already";
                res.summary = parsed.doc["already"].get<std::string>();
                break;
            }
        } else if (!applyRefinementAnswer(doc, parsed.doc, &result, &mode, &problem)) problems.push_back(problem);
        else {
            SpecRepairResult repaired = repairSpec(result, options.file);
            for (auto& d : loadErrors(repaired.load)) problems.push_back(locatedProblem(d));
            if (problems.empty()) {
                for (auto& f : repaired.fixes) res.fixes.push_back(f.pointer + ": " + f.message);
                res.ok = true;
                res.doc = repaired.doc;
                res.spec = repaired.load.spec;
                res.mode = mode;
                const Json& summary = parsed.doc.contains("summary") ? parsed.doc["summary"] : Json();
                res.summary = summary.is_string() && !summary.get<std::string>().empty() ? summary.get<std::string>()
                                                                                          : summarizeChanges(compareSpecs(doc, res.doc));
                break;
            }
        }
        res.problems.insert(res.problems.end(), problems.begin(), problems.end());
        if (round == rounds) {
            res.error = res.generator + " could not carry out the request after " + std::to_string(round) + " repair round(s): " + problems.front();
            break;
        }
        request.messages.push_back({"assistant", answer.text});
        request.messages.push_back({"user", refineRepairMessage(problems, answer.truncated, round + 1 == rounds)});
    }
    report(res.ok ? "done" : "failed");
    return res;
}

} // namespace pt
