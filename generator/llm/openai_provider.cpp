// Promptotype — the "openai" provider: Chat Completions, streamed, as spoken by OpenAI and by the
// compatible servers (Ollama /v1, llama.cpp, vLLM, LM Studio, OpenRouter).
//
// Structured output is asked for with response_format json_schema; a server that rejects it gets the
// same request once more without it (the caller repairs plain text), and is not asked again. Likewise a
// reasoning model that refuses max_tokens is asked again with max_completion_tokens.

#include "generator/llm/providers_internal.h"
#include <algorithm>

namespace pt {
namespace {

std::string stringField(const Json& obj, const char* key) {
    if (!obj.is_object() || !obj.contains(key) || !obj[key].is_string()) return "";
    return obj[key].get<std::string>();
}

void readUsage(const Json& chunk, AnswerState& state) {
    if (!chunk.contains("usage") || !chunk["usage"].is_object()) return;
    const Json& usage = chunk["usage"];
    if (usage.contains("prompt_tokens") && usage["prompt_tokens"].is_number_integer()) state.inputTokens = usage["prompt_tokens"].get<int>();
    if (usage.contains("completion_tokens") && usage["completion_tokens"].is_number_integer()) state.outputTokens = usage["completion_tokens"].get<int>();
}

// Reads one choice (a stream delta or a whole message); false when it ended the answer with an error.
bool readChoice(const Json& chunk, const char* part, AnswerState& state) {
    if (!chunk.contains("choices") || !chunk["choices"].is_array() || chunk["choices"].empty()) return true;
    const Json& choice = chunk["choices"][0];
    if (!choice.is_object()) return true;
    if (choice.contains(part)) {
        const Json& piece = choice[part];
        state.addText(stringField(piece, "content"));
        state.refusal += stringField(piece, "refusal");
    }
    std::string finish = stringField(choice, "finish_reason");
    if (!finish.empty()) state.finishReason = finish;
    if (finish == "content_filter") {
        state.streamError = "the answer was stopped by the server's content filter";
        return false;
    }
    return true;
}

class OpenAiDialect : public AnswerDialect {
public:
    bool onEvent(const SseEvent& event, AnswerState& state) override {
        if (event.data == "[DONE]") {
            state.ended = true;
            return true;
        }
        Json chunk = Json::parse(event.data, nullptr, false);
        if (!chunk.is_object()) {
            state.streamError = "the server sent a stream line that is not valid JSON: " + serverErrorMessage(event.data);
            return false;
        }
        if (event.event == "error" || chunk.contains("error")) {
            state.streamError = "the server reported an error in the stream: " + serverErrorMessage(event.data);
            return false;
        }
        readUsage(chunk, state);
        return readChoice(chunk, "delta", state);
    }
    void onWholeBody(const Json& body, AnswerState& state) override {
        if (body.contains("error")) {
            state.streamError = "the server reported an error: " + serverErrorMessage(body.dump(-1, ' ', false, Json::error_handler_t::replace));
            return;
        }
        readUsage(body, state);
        if (readChoice(body, "message", state)) state.ended = true;
    }
    bool isTruncation(const std::string& finishReason) const override { return finishReason == "length"; }
};

std::string lowerErrorBody(const HttpOutcome& http) {
    std::string body = http.errorBody;
    std::transform(body.begin(), body.end(), body.begin(), [](unsigned char c) { return (char)std::tolower(c); });
    return body;
}

// A 400 from a reasoning model, which takes max_completion_tokens instead of max_tokens.
bool rejectsMaxTokens(const HttpOutcome& http) {
    return http.status == 400 && lowerErrorBody(http).find("max_completion_tokens") != std::string::npos;
}

// A 400/422 that blames the structured-output request rather than the prompt.
bool rejectsResponseFormat(const HttpOutcome& http) {
    if ((http.status != 400 && http.status != 422) || rejectsMaxTokens(http)) return false;
    std::string body = lowerErrorBody(http);
    for (const char* hint : {"response_format", "json_schema", "schema", "not supported", "unsupported"})
        if (body.find(hint) != std::string::npos) return true;
    return false;
}

class OpenAiProvider : public LlmProvider {
public:
    explicit OpenAiProvider(const ProviderSettings& settings) : m_settings(settings) {
        if (m_settings.model.empty()) m_settings.model = kOpenAiDefaultModel;
        if (m_settings.baseUrl.empty()) m_settings.baseUrl = kOpenAiDefaultBaseUrl;
    }
    std::string name() const override { return "openai"; }
    std::string model() const override { return m_settings.model; }

    LlmResult complete(const LlmRequest& request, const TextSink& onText, const std::atomic<bool>* cancel) override {
        bool structured = m_settings.structuredOutput && !request.schema.is_null() && !m_structuredRejected.load();
        HttpOutcome http;
        LlmResult result = run(request, structured, onText, cancel, &http);
        if (!result.ok && !m_completionTokens.load() && rejectsMaxTokens(http)) {
            m_completionTokens = true;
            result = run(request, structured, onText, cancel, &http);
        }
        if (structured && !result.ok && rejectsResponseFormat(http)) {
            m_structuredRejected = true;
            result = run(request, false, onText, cancel, nullptr);
        }
        return result;
    }

private:
    LlmResult run(const LlmRequest& request, bool structured, const TextSink& onText, const std::atomic<bool>* cancel, HttpOutcome* http) {
        Json body = Json::object();
        body["model"] = m_settings.model;
        Json messages = Json::array();
        if (!request.system.empty()) messages.push_back({{"role", "system"}, {"content", request.system}});
        for (const LlmMessage& m : request.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
        body["messages"] = std::move(messages);
        body["stream"] = true;
        body["stream_options"] = {{"include_usage", true}};
        body[m_completionTokens.load() ? "max_completion_tokens" : "max_tokens"] = request.maxTokens;
        if (structured)
            body["response_format"] = {{"type", "json_schema"},
                                       {"json_schema", {{"name", "promptotype_spec"}, {"strict", false}, {"schema", request.schema}}}};
        std::vector<std::string> headers = {"Content-Type: application/json", "Accept: text/event-stream, application/json"};
        if (!m_settings.apiKey.empty()) headers.push_back("Authorization: Bearer " + m_settings.apiKey);
        HttpCall call = httpCallFor(m_settings, "/chat/completions", body.dump(-1, ' ', false, Json::error_handler_t::replace),
                                    std::move(headers), cancel);
        OpenAiDialect dialect;
        return streamAnswer("openai", call, retryPolicyFor(m_settings), dialect, onText, m_settings.apiKey, http);
    }

    ProviderSettings m_settings;
    std::atomic<bool> m_structuredRejected{false};   // the server refused response_format once: plain text from now on
    std::atomic<bool> m_completionTokens{false};     // the model refused max_tokens once (reasoning models): max_completion_tokens from now on
};

} // namespace

std::unique_ptr<LlmProvider> makeOpenAiProvider(const ProviderSettings& settings) {
    return std::make_unique<OpenAiProvider>(settings);
}

} // namespace pt
