// Promptotype — HttpClient: streaming POST over libcurl, server-sent events, retries, and the shared
// answer-stream logic of the HTTP providers (openai, anthropic).
//
// Every call owns its curl handles, so calls may run on any thread at the same time. A call polls the
// cancel flag and its idle timer every 50 ms, so raising the flag ends it promptly. TLS verification
// is libcurl's default and is never turned off.
//
// [SECTION] Server-sent events
// [SECTION] One HTTP call
// [SECTION] Retries
// [SECTION] Streaming answers (shared by the HTTP providers)

#pragma once
#include "generator/llm/credentials.h"
#include "generator/provider.h"
#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Server-sent events
//-----------------------------------------------------------------------------

// One dispatched event: `event` is "" when the server sent only data lines.
struct SseEvent {
    std::string event;
    std::string data;   // the data lines joined with '\n'
};

// Incremental decoder for text/event-stream (WHATWG rules): lines end with \r\n, \n or \r and may be
// split anywhere between feeds; a blank line dispatches; ':' lines are comments; the old llama.cpp
// `error:` field is reported as an event named "error".
class SseDecoder {
public:
    using EventFn = std::function<bool(const SseEvent&)>;   // return false to stop decoding
    bool feed(std::string_view bytes, const EventFn& onEvent);   // false when onEvent stopped
    bool finish(const EventFn& onEvent);   // the stream closed: dispatches a last event that had no blank line after it

private:
    bool takeLine(std::string_view line, const EventFn& onEvent);
    bool dispatch(const EventFn& onEvent);
    std::string m_line;          // bytes of the current, unfinished line
    bool m_afterCR = false;      // the previous byte was '\r' (a following '\n' belongs to it)
    SseEvent m_event;
    bool m_hasData = false;
};

//-----------------------------------------------------------------------------
// [SECTION] One HTTP call
//-----------------------------------------------------------------------------

// A POST request.
struct HttpCall {
    std::string url;
    std::vector<std::string> headers;   // "Name: value"
    std::string body;
    double connectTimeoutSec = 10;
    double idleTimeoutSec = limits::kIdleTimeout.value;   // no byte received for this long ends the call
    const std::atomic<bool>* cancel = nullptr;
};

// Why a call ended without a complete response.
enum class HttpFailure {
    None,            // the server answered and closed normally (any status)
    Cancelled,       // the cancel flag was raised
    Connect,         // could not connect (refused, unreachable, DNS, connect timeout)
    IdleTimeout,     // connected, then nothing arrived for idleTimeoutSec
    Network,         // reset, TLS failure, body cut off, ...
    StoppedByReader, // the body reader asked to stop (it found an error in the stream)
};

// What happened, after the last attempt.
struct HttpOutcome {
    int status = 0;                       // HTTP status of the last response (0 = none)
    std::map<std::string, std::string> headers;   // its headers, names in lower case
    std::string errorBody;                // body of a non-2xx response (first 64 KB)
    HttpFailure failure = HttpFailure::None;
    std::string detail;                   // libcurl's explanation for Connect/Network failures
    int curlCode = 0;                     // libcurl's CURLcode of the attempt (0 = CURLE_OK)
    bool connectRefused = false;          // Connect failure because nothing listens on the port
    bool answerStarted = false;           // bytes of a 2xx body reached the reader: never retried after this
    int retries = 0;                      // attempts made after the first
    double retryAfterSec = 0;             // when > 0: the server asked to wait longer than allowed, so we stopped

    bool success() const { return failure == HttpFailure::None && status >= 200 && status < 300; }
    std::string header(const std::string& lowerName) const;   // "" when absent
};

// Receives the body of a 2xx response as it arrives; returns false to stop the transfer.
using BodyReader = std::function<bool(std::string_view chunk, const std::string& contentType)>;

// One attempt, no retries. Never throws.
HttpOutcome httpPost(const HttpCall& call, const BodyReader& reader);

//-----------------------------------------------------------------------------
// [SECTION] Retries
//-----------------------------------------------------------------------------

// How httpPostWithRetries retries (ProviderSettings carries the same three numbers).
struct RetryPolicy {
    int maxRetries = 2;
    double baseSec = 0.5;          // backoff: baseSec * 2^attempt, capped at 8 s, minus up to 25 % jitter
    double maxWaitSec = 30;        // a longer Retry-After ends the call instead (HttpOutcome::retryAfterSec)
};

// httpPost, retried on 408/409/429/500/502/503/504/529 and connection errors, before any answer byte
// arrived; honours retry-after-ms, Retry-After (seconds or HTTP date) and x-should-retry; never retries an
// insufficient_quota 429. Waiting between attempts is cancellable.
HttpOutcome httpPostWithRetries(const HttpCall& call, const RetryPolicy& policy, const BodyReader& reader);

bool shouldRetry(const HttpOutcome& outcome);           // the retry decision for one finished attempt
double serverRetryDelaySec(const HttpOutcome& outcome); // delay the server asked for (-1 when none or in the past)

//-----------------------------------------------------------------------------
// [SECTION] Streaming answers
//-----------------------------------------------------------------------------

// What has arrived of an answer so far; filled by an AnswerDialect.
struct AnswerState {
    std::string text;              // concatenated text deltas
    std::string finishReason;      // as the server said it ("stop", "length", "end_turn", "max_tokens", ...)
    bool ended = false;            // the stream's end marker arrived ([DONE], message_stop, a whole JSON body)
    std::string streamError;       // an error reported inside a 200 response
    std::string refusal;           // the model declined (openai delta.refusal)
    int inputTokens = 0, outputTokens = 0;
    const TextSink* sink = nullptr;

    void addText(std::string_view delta);   // appends and forwards to the sink
};

// How one API encodes its answer. A dialect reports abnormal ends itself (streamError, refusal).
class AnswerDialect {
public:
    virtual ~AnswerDialect() = default;
    virtual bool onEvent(const SseEvent& event, AnswerState& state) = 0;   // false = stop reading (error)
    virtual void onWholeBody(const Json& body, AnswerState& state) = 0;    // the server answered with one JSON document
    virtual bool isTruncation(const std::string& finishReason) const = 0;  // "length" / "max_tokens"
};

// Runs `call` with retries, decoding the answer (SSE or a plain JSON body) through `dialect`, and turns
// the outcome into an LlmResult whose error starts with "`provider`: " and never contains `secret`.
// `httpOut` (may be null) receives the transport outcome, e.g. to inspect a 400 body.
LlmResult streamAnswer(const std::string& provider, const HttpCall& call, const RetryPolicy& policy,
                       AnswerDialect& dialect, const TextSink& onText, const std::string& secret,
                       HttpOutcome* httpOut = nullptr);

std::string serverErrorMessage(std::string_view body);   // error.message of a JSON error body, else a short snippet

} // namespace pt
