// Promptotype — private factories of the concrete providers, used by makeProvider (provider_config.cpp).
// Settings arrive resolved and checked: names, keys and commands are present where required.

#pragma once
#include "generator/llm/http_client.h"
#include "generator/provider.h"
#include <memory>
#include <string>

namespace pt {

std::unique_ptr<LlmProvider> makeOpenAiProvider(const ProviderSettings& settings);     // Chat Completions (and compatible servers)
std::unique_ptr<LlmProvider> makeAnthropicProvider(const ProviderSettings& settings);  // Messages API
std::unique_ptr<LlmProvider> makeCommandProvider(const ProviderSettings& settings);    // a shell command, prompt on stdin

// The request both HTTP providers send: `path` appended to the base URL, timeouts from the settings.
inline HttpCall httpCallFor(const ProviderSettings& s, const std::string& path, std::string body,
                            std::vector<std::string> headers, const std::atomic<bool>* cancel) {
    std::string base = s.baseUrl;
    while (!base.empty() && base.back() == '/') base.pop_back();
    HttpCall call;
    call.url = base + path;
    call.headers = std::move(headers);
    call.body = std::move(body);
    call.connectTimeoutSec = s.connectTimeoutSec;
    call.idleTimeoutSec = s.idleTimeoutSec;
    call.cancel = cancel;
    return call;
}

inline RetryPolicy retryPolicyFor(const ProviderSettings& s) {
    return RetryPolicy{s.maxRetries, s.retryBaseSec, s.maxRetryWaitSec};
}

constexpr const char* kOpenAiDefaultModel = "gpt-4o-mini";
constexpr const char* kOpenAiDefaultBaseUrl = "https://api.openai.com/v1";
constexpr const char* kAnthropicDefaultModel = "claude-sonnet-4-5";
constexpr const char* kAnthropicDefaultBaseUrl = "https://api.anthropic.com";

} // namespace pt
