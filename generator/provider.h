// Promptotype — LLM providers: one interface for hosted APIs, local servers, CLI programs and the offline drafter.
//
// A provider turns a request (system prompt, conversation, optional JSON Schema) into text, streaming
// deltas as they arrive. Providers never throw and never print: failures come back as a clear message
// that names the provider and the cause, and never contains an API key.
//
// [SECTION] Requests and results
// [SECTION] Provider interface
// [SECTION] Settings (environment + user config file)
// [SECTION] Factory

#pragma once
#include "runtime/spec/expr.h"
#include "runtime/spec/limits.h"
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Requests and results
//-----------------------------------------------------------------------------

// One turn of the conversation sent to the model.
struct LlmMessage {
    std::string role;     // "user" or "assistant"
    std::string content;
};

// What the generator asks of a provider.
struct LlmRequest {
    std::string system;                 // system prompt
    std::vector<LlmMessage> messages;   // user/assistant turns, oldest first
    Json schema;                        // JSON Schema the answer must follow (null = free text)
    std::string idea;                   // the idea as the user typed it (for providers that do not read prompts: offline)
    // A refinement, for providers that do not read prompts (offline): the current document, the request and
    // the node it is scoped to. `refineDoc` is null for generations.
    Json refineDoc;
    std::string refineRequest;
    std::string refineScope;            // node id or JSON Pointer ("" = the whole app)
    int maxTokens = 16000;              // output budget
    size_t sharedPrefixMessages = 0;    // the first N messages repeat in other calls (a parallel generation's plan turn):
                                        // providers with explicit prompt caching (anthropic) mark them cacheable
};

// How a completion ended.
struct LlmResult {
    bool ok = false;                    // a complete answer arrived (finish "stop")
    std::string text;                   // everything received, even on failure (saved beside the spec)
    Json doc;                           // the answer as a document, from a provider that builds one rather than writes text
                                        // (offline): taken as is, never parsed back from `text` (null = parse `text`)
    std::string error;                  // clear message when !ok: "openai: HTTP 401 from http://...: invalid api key"
    std::string finishReason;           // "stop", "length", "error", "cancelled", "refusal", ...
    bool truncated = false;             // cut off by the token limit (finish "length" / "max_tokens")
    bool cancelled = false;             // the cancel flag was raised
    bool rateLimited = false;           // the server still answered 429 (too many requests) after the retries
    int inputTokens = 0, outputTokens = 0;  // as reported by the server (0 when unknown)
};

// Called with each text delta as it streams in (possibly many per second; keep it cheap).
using TextSink = std::function<void(std::string_view delta)>;

//-----------------------------------------------------------------------------
// [SECTION] Provider interface
//-----------------------------------------------------------------------------

class LlmProvider {
public:
    virtual ~LlmProvider() = default;
    virtual std::string name() const = 0;   // "openai", "anthropic", "command", "offline"
    virtual std::string model() const = 0;  // model id sent to the server ("" when not applicable)
    // How progress and summaries name it: "openai gpt-4o-mini".
    virtual std::string label() const { return model().empty() ? name() : name() + " " + model(); }
    // Answers at once, the same every time (no model behind it): caching it buys nothing.
    virtual bool deterministic() const { return false; }
    // Runs one completion. Streams deltas to `onText`; returns when done, failed or cancelled.
    // `cancel` (may be null) is polled at least every 100 ms; raising it ends the call promptly.
    virtual LlmResult complete(const LlmRequest& request, const TextSink& onText, const std::atomic<bool>* cancel) = 0;
};

//-----------------------------------------------------------------------------
// [SECTION] Settings
//-----------------------------------------------------------------------------

// Everything needed to build one provider. Resolved from (highest first): command-line options,
// environment variables, the user config file, defaults.
struct ProviderSettings {
    std::string provider;         // "openai" | "anthropic" | "command" | "offline"
    std::string model;            // "" = the provider's default
    std::string baseUrl;          // openai: OPENAI_BASE_URL (default https://api.openai.com/v1); anthropic: ANTHROPIC_BASE_URL (default https://api.anthropic.com)
    std::string apiKey;           // from OPENAI_API_KEY / ANTHROPIC_API_KEY / config; never printed unmasked
    std::string command;          // command provider: shell command that reads the prompt on stdin, answers on stdout
    std::string source;           // why this provider: "--provider", "config file PATH", "OPENAI_BASE_URL is set", "OPENAI_API_KEY is set", "ANTHROPIC_API_KEY is set", "no LLM is configured"
    double connectTimeoutSec = 10;   // TCP/TLS connect
    double idleTimeoutSec = limits::kIdleTimeout.value;   // no byte received for this long = failure (covers slow first token); PROMPTOTYPE_IDLE_TIMEOUT or "idle_timeout"
    int maxRetries = 2;              // on 408/409/429/5xx/529 and connection errors, before any byte of the answer arrived
    double retryBaseSec = 0.5;       // backoff: retryBaseSec * 2^attempt with jitter, capped at 8 s (tests set it small)
    double maxRetryWaitSec = 30;     // a Retry-After longer than this is not waited for: the call fails with a message saying when to retry
    bool structuredOutput = true;    // openai: send response_format json_schema (dropped automatically if the server rejects it)
};

// The user config file, e.g.
// {"provider": "openai", "openai": {"base_url": "http://127.0.0.1:11434/v1", "model": "llama3.1", "api_key": "..."},
//  "anthropic": {"model": "...", "api_key": "..."}, "command": {"command": "llm -m gpt-4o"}, "idle_timeout": 120}
struct ProviderConfig {
    std::string path;             // file read ("" if none exists)
    Json doc;                     // its content (object; empty when absent)
    std::string error;            // located parse problem ("FILE:3:5: ...") — the file is then ignored

    static std::string defaultPath();   // $PROMPTOTYPE_CONFIG, else $XDG_CONFIG_HOME/promptotype/config.json, else ~/.config/promptotype/config.json
    static ProviderConfig load(const std::string& path = defaultPath());
};

// Picks the provider: `nameOverride` (--provider) wins; else command when `commandOverride` (--command) is given;
// else the config file's "provider"; else openai when
// OPENAI_API_KEY or OPENAI_BASE_URL is set; else anthropic when ANTHROPIC_API_KEY is set; else offline.
// `modelOverride` (--model) and `commandOverride` (--command) win over everything for their field.
ProviderSettings resolveProvider(const ProviderConfig& config, const std::string& nameOverride = "",
                                 const std::string& modelOverride = "", const std::string& commandOverride = "");

// Human-readable table for `promptotype providers`: every provider, whether it is configured, its model,
// base URL and masked key ("sk-…a1b2"), and which one would be used and why.
std::string describeProviders(const ProviderConfig& config);

std::string maskSecret(std::string_view secret);   // "sk-…a1b2" (first 3 + last 4 at most; "" stays "", short keys fully masked)

//-----------------------------------------------------------------------------
// [SECTION] Factory
//-----------------------------------------------------------------------------

// Builds the provider for `settings`; null with `error` set when it cannot (unknown name, missing key/command).
std::unique_ptr<LlmProvider> makeProvider(const ProviderSettings& settings, std::string* error);

} // namespace pt
