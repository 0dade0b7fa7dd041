// Promptotype — the "anthropic" provider: the Messages API, streamed.
//
// A JSON answer is asked for in the prompt and arrives as plain text (robust on every model; the caller
// validates and repairs). Tool-input deltas (input_json_delta) are read as text too, so a server or
// proxy that answers through a tool call still works.

#include "generator/llm/providers_internal.h"

namespace pt {
namespace {

const Json& member(const Json& obj, const char* key) {
    static const Json kNull;
    return obj.is_object() && obj.contains(key) ? obj[key] : kNull;
}

std::string stringMember(const Json& obj, const char* key) {
    const Json& v = member(obj, key);
    return v.is_string() ? v.get<std::string>() : "";
}

void readUsage(const Json& usage, AnswerState& state) {
    if (member(usage, "input_tokens").is_number_integer()) state.inputTokens = usage["input_tokens"].get<int>();
    if (member(usage, "output_tokens").is_number_integer()) state.outputTokens = usage["output_tokens"].get<int>();
}

void readStopReason(const std::string& stopReason, AnswerState& state) {
    if (stopReason.empty()) return;
    state.finishReason = stopReason;
    if (stopReason == "refusal") state.refusal = "the model declined (stop_reason \"refusal\")";
}

class AnthropicDialect : public AnswerDialect {
public:
    bool onEvent(const SseEvent& event, AnswerState& state) override {
        Json data = Json::parse(event.data, nullptr, false);
        if (!data.is_object()) {
            state.streamError = "the server sent a stream line that is not valid JSON: " + serverErrorMessage(event.data);
            return false;
        }
        std::string type = event.event.empty() ? stringMember(data, "type") : event.event;
        if (type == "error") {
            state.streamError = "the server reported an error in the stream: " + serverErrorMessage(event.data);
            return false;
        }
        if (type == "message_start") {
            readUsage(member(member(data, "message"), "usage"), state);
        } else if (type == "content_block_start") {
            state.addText(stringMember(member(data, "content_block"), "text"));
        } else if (type == "content_block_delta") {
            const Json& delta = member(data, "delta");
            std::string kind = stringMember(delta, "type");
            if (kind == "text_delta") state.addText(stringMember(delta, "text"));
            else if (kind == "input_json_delta") state.addText(stringMember(delta, "partial_json"));
        } else if (type == "message_delta") {
            readStopReason(stringMember(member(data, "delta"), "stop_reason"), state);
            readUsage(member(data, "usage"), state);
        } else if (type == "message_stop") {
            state.ended = true;
        }
        return true;   // ping, content_block_stop and event types added later are ignored
    }
    void onWholeBody(const Json& body, AnswerState& state) override {
        if (stringMember(body, "type") == "error" || body.contains("error")) {
            state.streamError = "the server reported an error: " + serverErrorMessage(body.dump(-1, ' ', false, Json::error_handler_t::replace));
            return;
        }
        const Json& content = member(body, "content");
        if (content.is_array())
            for (const Json& block : content) {
                std::string kind = stringMember(block, "type");
                if (kind == "text") state.addText(stringMember(block, "text"));
                else if (kind == "tool_use" && block.contains("input")) state.addText(block["input"].dump(-1, ' ', false, Json::error_handler_t::replace));
            }
        readStopReason(stringMember(body, "stop_reason"), state);
        readUsage(member(body, "usage"), state);
        state.ended = true;
    }
    bool isTruncation(const std::string& finishReason) const override { return finishReason == "max_tokens"; }
};

class AnthropicProvider : public LlmProvider {
public:
    explicit AnthropicProvider(const ProviderSettings& settings) : m_settings(settings) {
        if (m_settings.model.empty()) m_settings.model = kAnthropicDefaultModel;
        if (m_settings.baseUrl.empty()) m_settings.baseUrl = kAnthropicDefaultBaseUrl;
    }
    std::string name() const override { return "anthropic"; }
    std::string model() const override { return m_settings.model; }

    LlmResult complete(const LlmRequest& request, const TextSink& onText, const std::atomic<bool>* cancel) override {
        Json body = Json::object();
        body["model"] = m_settings.model;
        body["max_tokens"] = request.maxTokens;
        // The system prompt is the same in every call, and a parallel generation's screen calls share the plan turn too:
        // both are marked for Anthropic's prompt cache (read back at a tenth of the input price within 5 minutes).
        auto cached = [](const std::string& text) { return Json::array({{{"type", "text"}, {"text", text}, {"cache_control", {{"type", "ephemeral"}}}}}); };
        if (!request.system.empty()) body["system"] = cached(request.system);
        Json messages = Json::array();
        for (size_t i = 0; i < request.messages.size(); ++i) {
            const LlmMessage& m = request.messages[i];
            messages.push_back({{"role", m.role}, {"content", i + 1 == request.sharedPrefixMessages ? cached(m.content) : Json(m.content)}});
        }
        body["messages"] = std::move(messages);
        body["stream"] = true;
        std::vector<std::string> headers = {"Content-Type: application/json", "Accept: text/event-stream, application/json",
                                            "anthropic-version: 2023-06-01", "x-api-key: " + m_settings.apiKey};
        // ANTHROPIC_BASE_URL is usually the host alone; accept one that already ends in /v1.
        std::string base = m_settings.baseUrl;
        while (!base.empty() && base.back() == '/') base.pop_back();
        bool hasVersion = base.size() >= 3 && base.compare(base.size() - 3, 3, "/v1") == 0;
        HttpCall call = httpCallFor(m_settings, hasVersion ? "/messages" : "/v1/messages",
                                    body.dump(-1, ' ', false, Json::error_handler_t::replace), std::move(headers), cancel);
        AnthropicDialect dialect;
        return streamAnswer("anthropic", call, retryPolicyFor(m_settings), dialect, onText, m_settings.apiKey);
    }

private:
    ProviderSettings m_settings;
};

} // namespace

std::unique_ptr<LlmProvider> makeAnthropicProvider(const ProviderSettings& settings) {
    return std::make_unique<AnthropicProvider>(settings);
}

} // namespace pt
