// Promptotype — Refiner: changes a spec in words ("add a dark mode switch to settings") through any provider.
//
// The current spec and the request go to the model, which answers with edits addressed to node ids, a merge
// patch, or (when edits will not do) the whole updated spec. The result is applied, validated and repaired like
// any generation: near-miss names are fixed locally, and edits that fail (unknown ids, invalid patches, a spec
// with errors) are sent back with located messages for up to `maxRepairRounds` more answers, the last of which
// asks for the whole spec. The offline provider answers the same format for the requests the offline drafter
// understands (add a screen of a known pattern, add a field, rename, recolor, remove, reorder) and says plainly
// when a request needs an LLM.
//
// The answer format (also documented in the refinement prompt):
//   {"summary": "Added a dark mode switch", "edits": [
//      {"op": "add", "path": "#settings_list/-", "value": {"switch": "Dark mode", "id": "dark_mode", "bind": "dark"}},
//      {"op": "replace", "path": "#streak_card/size", "value": "lg"},
//      {"op": "remove", "path": "#old_banner"},
//      {"op": "add", "path": "/screens/share", "value": {"title": "Share", "body": [...]}}]}
//   {"summary": "...", "merge": {...}}   RFC 7396 merge patch over the whole document
//   {"summary": "...", "spec": {...}}    the whole updated document
//   {"unsupported": "why"}               the request cannot be done (the offline drafter's answer for hard requests)
//   {"already": "how"}                   the app already does what is asked; nothing changes
// Edit paths are JSON Pointers, or start with "#ID" for the node whose "id" is ID (anywhere in screens, overlays
// and components) followed by a pointer inside that node; "#ID/-" appends to the node's children. Ops are those
// of RFC 6902 (add, remove, replace, move, copy, test); "from" may use "#ID" too.
//
// [SECTION] Options and results
// [SECTION] Refining
// [SECTION] Edits (used by the refiner and the offline drafter)

#pragma once
#include "generator/generator.h"
#include "generator/provider.h"
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Options and results
//-----------------------------------------------------------------------------

struct RefineOptions {
    std::string request;          // the PM's words
    std::string scope;            // node id or JSON Pointer the request is about (select mode); "" = the whole app
    int maxRepairRounds = 2;      // model round trips after the first answer (the last asks for the whole spec)
    std::string file;             // the spec file, named in the compiled result ("" = in memory)
};

struct RefineResult {
    bool ok = false;                   // `doc` is the refined spec and loads with no errors
    Json doc;                          // the refined document (the input unchanged when !ok)
    std::shared_ptr<const Spec> spec;  // `doc` compiled when ok (variant "A"), for callers to show without compiling it again
    std::string mode;                  // how it was done: "edits", "merge", "spec" (full regeneration)
    std::string summary;               // the model's one line, else a summary of the changes
    std::vector<std::string> fixes;    // near-miss repairs applied locally
    std::vector<std::string> problems; // what went wrong in each failed attempt (located: "#streak_card: no node has this id")
    int repairRounds = 0;              // model round trips used after the first answer
    bool unsupported = false;          // the provider said it cannot do this (offline: "this needs an LLM")
    bool already = false;              // ok, and nothing changed: the app already does what was asked (`summary` says how)
    std::string error;                 // why nothing changed (when !ok): clear, names the provider, never a key
    std::string generator;             // provider label
    std::string rawAnswer;             // every answer received, separated by round markers (saved by callers)
};

//-----------------------------------------------------------------------------
// [SECTION] Refining
//-----------------------------------------------------------------------------

// Refines `doc` as the request says. Never throws; `cancel` ends it promptly (nothing changes).
// `onProgress` gets the same phases as generation ("waiting for the model", "streaming", "repairing (round 1 of 2)").
RefineResult refineSpec(const Json& doc, const RefineOptions& options, LlmProvider& provider, const ProgressFn& onProgress,
                        const std::atomic<bool>* cancel);

// The system prompt for refinements: the generation rules and catalog plus the answer format above.
std::string refineSystemPrompt();
// The user message: the current spec (compact), the scope node (when given) and the request.
std::string refineMessage(const Json& doc, const RefineOptions& options);

//-----------------------------------------------------------------------------
// [SECTION] Edits
//-----------------------------------------------------------------------------

// Applies an answer object ({"edits"}, {"merge"} or {"spec"}) to `doc`. On failure returns false and sets `error`
// to a located message naming the failing edit ("edits/2: path '#streak': no node has the id 'streak'").
bool applyRefinementAnswer(const Json& doc, const Json& answer, Json* out, std::string* mode, std::string* error);

// Resolves "#ID/rest" to a plain JSON Pointer in `doc` (plain pointers pass through). False when the id is unknown.
bool resolveNodePath(const Json& doc, const std::string& path, std::string* pointer, std::string* error);

// Where a node sits in a document (added for the offline refiner, which finds its targets the same way).
struct NodeSite {
    const Json* node = nullptr;  // the node object
    std::string pointer;         // its JSON Pointer
    std::string owner;           // the screen, overlay or component it belongs to ("/screens/home")
    std::string type;            // widget (or component) name: "card"
    std::string typeKey;         // key holding the main prop's value: "card" in {"card": [...]}, "label" in {"type": "button", "label": ...}
    std::string childrenKey;     // key holding its children when it is a container, else ""
};

// Visits every node in document order: screens' body and bar, overlays' body and actions, components' body,
// container children and repeat.empty. `visit` returns false to stop.
void forEachNode(const Json& doc, const std::function<bool(const NodeSite&)>& visit);
// Every node "id" in the document, in document order (duplicates inside repeats included).
std::vector<std::string> nodeIds(const Json& doc);

// The offline drafter's answer to a refinement request (the answer format above, as JSON): edits for the requests
// it understands, {"unsupported": "..."} otherwise. Deterministic.
Json offlineRefinement(const Json& doc, const std::string& request, const std::string& scope);

} // namespace pt
