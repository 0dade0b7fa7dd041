// Promptotype — the budgets' list and their documentation. See limits.h.

#include "runtime/spec/limits.h"

namespace pt {

const std::vector<const Limit*>& allLimits() {
    using namespace limits;
    static const std::vector<const Limit*> all = {
        &kJsonDepth, &kNodeDepth, &kNodes, &kExpressionLength, &kExpressionSteps, &kGeneratedItems,
        &kWidgetsPerFrame, &kStateSize, &kStateDepth,
        &kPatternLength, &kPatternProgram, &kPatternInput, &kActionSteps, &kNavigationChain,
        &kRefinedDocument, &kAnswerReceived, &kStreamedAnswer, &kStreamParseWork, &kIdleTimeout,
        &kHistoryVersions, &kFileNameFromId,
    };
    return all;
}

std::string thousands(long long v) {
    std::string digits = std::to_string(v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string limitsMarkdown() {
    std::string md = "## Limits\n\nEvery budget that a spec, a model's answer or a file controls. Hitting one never crashes "
                     "or hangs the app: the work stops and you get the message below.\n\n"
                     "| Budget | Limit | When it is hit |\n|---|---|---|\n";
    for (const Limit* l : allLimits())
        md += std::string("| ") + l->name + " | " + thousands(l->value) + " " + l->unit + " | " + l->onBreach + " |\n";
    return md;
}

} // namespace pt
