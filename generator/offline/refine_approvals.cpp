// Promptotype — the offline refiner's approval requests. See refine_approvals.h.

#include "generator/offline/refine_approvals.h"
#include "generator/offline/draft_patterns.h"
#include "generator/offline/refine_lists.h"

namespace pt::refine {

bool asksApproval(const Request& r) { return r.hasAny({"approve", "approval", "approvals", "reject", "sign-off", "signoff"}); }

Outcome addApprovalButtons(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    const std::vector<AppList> lists = appLists(doc);
    // The rows are named after the verb ("managers approve time-off requests": the requests, not the managers).
    const int verb = r.find({"approve", "approval", "approvals", "reject", "sign-off", "signoff"});
    const AppList* list = pickList(lists, r.slice(verb + 1, static_cast<int>(r.words.size())), scope);
    if (!list) list = pickList(lists, r.words, scope);
    if (!list) return notFound("the rows to approve (a list of them)");
    const std::string source = list->source;
    const RowDetail detail = rowDetailOf(doc, source);
    if (detail.node.empty()) return cannot("add approve and reject buttons for " + source + ": no screen shows one of them");
    if (detail.children.empty()) return cannot("add approve and reject buttons beside the " + source + " details");
    const std::string& alias = detail.alias;
    std::set<std::string> ids = idSet(doc);
    const std::string one = draft::capitalized(draft::singularOf(source));
    const std::string approveId = uniqueName("approve" + one, ids), rejectId = uniqueName("reject" + one, ids);
    if (ids.count("approve" + one)) return {"", "The " + lowerAscii(source) + " can already be approved here" + std::string(kNeedsLlm), true};
    // Rows without a status start pending, so approving one changes what the app shows.
    const Json& rows = doc["state"][source];
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].is_object() && !rows[i].contains("status")) log.add("/state/" + escapePointer(source) + "/" + std::to_string(i) + "/status", "Pending");
    const std::string path = rowFieldPath(source, alias, "status");
    std::string titleField;
    for (auto& [k, v] : list->sample.items())
        if (titleField.empty() && v.is_string() && k != "status" && k != "id") titleField = k;
    const std::string shown = titleField.empty() ? "This " + lowerAscii(one) : "${" + alias + "." + titleField + "}";
    auto decide = [&](const char* label, const char* id, const char* status, const char* icon, const char* variant, const char* tone) {
        return Json{{"button", label}, {"id", id}, {"icon", icon}, {"variant", variant}, {"grow", 1},
                    {"press", Json::array({Json{{"set", path}, {"value", status}}, Json{{"toast", shown + " was " + lowerAscii(status)}, {"tone", tone}}})}};
    };
    Json row = Json{{"row", Json::array({decide("Approve", approveId.c_str(), "Approved", "check", "primary", "success"),
                                         decide("Reject", rejectId.c_str(), "Rejected", "times", "outline", "danger")})},
                    {"gap", 10}, {"visible", "${" + alias + ".status != 'Approved' && " + alias + ".status != 'Rejected'}"}};
    log.add(detail.children + "/" + std::to_string(beforeButtons(at(doc, detail.children))), row);
    return {"Added Approve and Reject buttons on " + screenTitle(doc, ownerOf(detail.node)) + ": each sets the " + lowerAscii(one) + "'s status and says so", ""};
}

} // namespace pt::refine
