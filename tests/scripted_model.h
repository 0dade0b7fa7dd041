// Test helper: a provider with no network that plays the model from a script.
#pragma once
#include "generator/provider.h"
#include <string>
#include <vector>

namespace pt::test {

// Plays the model: answers from a script, one answer per call, streamed in small pieces; records requests.
class ScriptedModel : public pt::LlmProvider {
public:
    explicit ScriptedModel(std::vector<std::string> answers) : m_answers(std::move(answers)) {}
    std::string name() const override { return "scripted"; }
    std::string model() const override { return "test-1"; }
    LlmResult complete(const LlmRequest& request, const TextSink& onText, const std::atomic<bool>*) override {
        requests.push_back(request);
        LlmResult r;
        if (m_next >= m_answers.size()) { r.error = "scripted: no more answers"; r.finishReason = "error"; return r; }
        const std::string& a = m_answers[m_next++];
        for (size_t i = 0; i < a.size(); i += 7) onText(std::string_view(a).substr(i, 7));
        r.text = a;
        r.ok = true;
        r.finishReason = "stop";
        return r;
    }
    std::vector<LlmRequest> requests;

private:
    std::vector<std::string> m_answers;
    size_t m_next = 0;
};

} // namespace pt::test
