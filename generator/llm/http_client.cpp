// Promptotype — HttpClient implementation (see http_client.h).
//
// [SECTION] Small helpers
// [SECTION] Server-sent events
// [SECTION] One HTTP call
// [SECTION] Retries
// [SECTION] Streaming answers

#include "generator/llm/http_client.h"
#include "generator/lenient_json.h"
#include "generator/llm/credentials.h"
#include "runtime/spec/limits.h"
#include <curl/curl.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <mutex>
#include <random>
#include <thread>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Small helpers
//-----------------------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxErrorBody = 64 * 1024;          // enough for any error JSON; HTML error pages get cut
constexpr size_t kMaxAnswerBytes = limits::kAnswerReceived.value;   // wire bytes of one answer, framing included
constexpr size_t kMaxStreamedText = limits::kStreamedAnswer.value;  // text of one streamed answer
constexpr auto kPollInterval = std::chrono::milliseconds(50);   // cancel and idle checks

std::string lowerCase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (char)std::tolower((unsigned char)c);
    return out;
}

std::string_view trimmed(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// At most `max` bytes of `s` on one line, never cutting a UTF-8 sequence (ill-formed bytes replaced).
std::string snippet(std::string_view s, size_t max = 200) {
    std::string out;
    bool space = false;
    for (char c : validUtf8(trimmed(s))) {
        bool ws = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (ws) { space = true; continue; }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
        if (out.size() >= max) {
            while (!out.empty() && ((unsigned char)out.back() & 0xC0) == 0x80) out.pop_back();   // continuation bytes
            if (!out.empty() && ((unsigned char)out.back() & 0x80)) out.pop_back();               // their lead byte
            return out + "…";
        }
    }
    return out;
}

std::string retriedNote(int retries) {
    if (retries == 0) return "";
    return " (retried " + std::to_string(retries) + (retries == 1 ? " time)" : " times)");
}

std::string secondsText(double sec) {
    char buf[32];
    snprintf(buf, sizeof buf, sec == std::floor(sec) ? "%.0f s" : "%.1f s", sec);
    return buf;
}

// 950 -> "950 bytes", 48200 -> "47 KB", 9437184 -> "9.0 MB": how much of an answer arrived.
std::string sizeText(size_t bytes) {
    char buf[32];
    if (bytes < 1024) snprintf(buf, sizeof buf, "%zu bytes", bytes);
    else if (bytes < 1024 * 1024) snprintf(buf, sizeof buf, "%zu KB", bytes / 1024);
    else snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
    return buf;
}

// Sleeps up to `sec`, waking every 50 ms to check the cancel flag; false when cancelled.
bool waitCancellable(double sec, const std::atomic<bool>* cancel) {
    auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(sec));
    while (Clock::now() < until) {
        if (cancel && cancel->load()) return false;
        std::this_thread::sleep_for(std::min<Clock::duration>(kPollInterval, until - Clock::now()));
    }
    return !(cancel && cancel->load());
}

} // namespace

std::string HttpOutcome::header(const std::string& lowerName) const {
    auto it = headers.find(lowerName);
    return it == headers.end() ? std::string() : it->second;
}

namespace {

// "message (code)" from an error value: {"message": ..., "type"/"code": ...} or a plain string.
std::string errorValueMessage(const Json& error) {
    if (error.is_string()) return error.get<std::string>();
    if (!error.is_object()) return snippet(error.dump(-1, ' ', false, Json::error_handler_t::replace));
    std::string message = error.contains("message") && error["message"].is_string() ? error["message"].get<std::string>() : "";
    std::string kind;
    for (const char* key : {"code", "type"})
        if (error.contains(key) && error[key].is_string()) { kind = error[key].get<std::string>(); break; }
    if (message.empty()) return kind.empty() ? snippet(error.dump(-1, ' ', false, Json::error_handler_t::replace)) : kind;
    return kind.empty() ? message : message + " (" + kind + ")";
}

} // namespace

std::string serverErrorMessage(std::string_view body) {
    Json doc = Json::parse(body.begin(), body.end(), nullptr, false);
    if (doc.is_object()) {
        for (const char* key : {"error", "message", "detail"})
            if (doc.contains(key)) return snippet(errorValueMessage(doc[key]), 400);
    }
    return snippet(body);
}

//-----------------------------------------------------------------------------
// [SECTION] Server-sent events
//-----------------------------------------------------------------------------

bool SseDecoder::feed(std::string_view bytes, const EventFn& onEvent) {
    size_t pos = 0;
    if (m_afterCR && !bytes.empty() && bytes[0] == '\n') pos = 1;   // the \n of a \r\n split across feeds
    m_afterCR = false;
    while (pos < bytes.size()) {
        size_t end = bytes.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) {
            m_line.append(bytes.substr(pos));
            return true;
        }
        m_line.append(bytes.substr(pos, end - pos));
        std::string line = std::move(m_line);
        m_line.clear();
        pos = end + 1;
        if (bytes[end] == '\r') {
            if (pos < bytes.size() && bytes[pos] == '\n') ++pos;
            else if (pos == bytes.size()) m_afterCR = true;
        }
        if (!takeLine(line, onEvent)) return false;
    }
    return true;
}

bool SseDecoder::finish(const EventFn& onEvent) {
    if (!m_line.empty()) {
        std::string line = std::move(m_line);
        m_line.clear();
        if (!takeLine(line, onEvent)) return false;
    }
    return dispatch(onEvent);
}

bool SseDecoder::takeLine(std::string_view line, const EventFn& onEvent) {
    if (line.empty()) return dispatch(onEvent);
    if (line[0] == ':') return true;   // comment / keep-alive
    size_t colon = line.find(':');
    std::string_view field = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.remove_prefix(1);
    if (field == "data") {
        if (m_hasData) m_event.data += '\n';
        m_event.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_event.event = std::string(value);
    } else if (field == "error") {   // llama.cpp before PR #16109 sent mid-stream errors this way
        m_event.event = "error";
        m_event.data = std::string(value);
        m_hasData = true;
    }
    return true;
}

bool SseDecoder::dispatch(const EventFn& onEvent) {
    bool keepGoing = true;
    if (m_hasData) keepGoing = onEvent(m_event);
    m_event = SseEvent();
    m_hasData = false;
    return keepGoing;
}

//-----------------------------------------------------------------------------
// [SECTION] One HTTP call
//-----------------------------------------------------------------------------

namespace {

void ensureCurlInitialized() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// State shared with the libcurl callbacks of one transfer.
struct Transfer {
    CURL* easy = nullptr;
    const BodyReader* reader = nullptr;
    HttpOutcome* out = nullptr;
    Clock::time_point lastActivity = Clock::now();
    bool stoppedByReader = false;
};

size_t onHeaderLine(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    size_t len = size * count;
    t->lastActivity = Clock::now();
    std::string_view line(data, len);
    if (line.substr(0, 5) == "HTTP/") {   // a new response (after 100 Continue): forget the previous headers
        t->out->headers.clear();
        return len;
    }
    size_t colon = line.find(':');
    if (colon != std::string_view::npos)
        t->out->headers[lowerCase(trimmed(line.substr(0, colon)))] = std::string(trimmed(line.substr(colon + 1)));
    return len;
}

size_t onBodyBytes(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    size_t len = size * count;
    t->lastActivity = Clock::now();
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status >= 300) {
        std::string& body = t->out->errorBody;
        body.append(data, std::min(len, kMaxErrorBody - std::min(kMaxErrorBody, body.size())));
        return len;
    }
    t->out->answerStarted = true;
    bool keepGoing = false;
    try {
        keepGoing = (*t->reader)(std::string_view(data, len), t->out->header("content-type"));
    } catch (...) {   // never unwind through libcurl
        keepGoing = false;
    }
    if (!keepGoing) {
        t->stoppedByReader = true;
        return 0;
    }
    return len;
}

bool connected(CURL* easy) {
    curl_off_t connectTime = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectTime);
    return connectTime > 0;
}

void classifyCurlResult(CURLcode code, const char* errorBuffer, Transfer& t) {
    HttpOutcome& out = *t.out;
    out.curlCode = code;
    if (code == CURLE_OK) return;
    out.detail = errorBuffer[0] ? errorBuffer : curl_easy_strerror(code);
    long osErrno = 0;
    curl_easy_getinfo(t.easy, CURLINFO_OS_ERRNO, &osErrno);
    switch (code) {
    case CURLE_WRITE_ERROR:
        out.failure = t.stoppedByReader ? HttpFailure::StoppedByReader : HttpFailure::Network;
        break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        out.failure = HttpFailure::Connect;
        out.connectRefused = osErrno == ECONNREFUSED;
        break;
    case CURLE_OPERATION_TIMEDOUT:
        out.failure = connected(t.easy) ? HttpFailure::IdleTimeout : HttpFailure::Connect;
        break;
    default:
        out.failure = HttpFailure::Network;
    }
}

} // namespace

HttpOutcome httpPost(const HttpCall& call, const BodyReader& reader) {
    ensureCurlInitialized();
    HttpOutcome out;
    if (call.cancel && call.cancel->load()) {
        out.failure = HttpFailure::Cancelled;
        return out;
    }
    CURL* easy = curl_easy_init();
    CURLM* multi = curl_multi_init();
    if (!easy || !multi) {
        if (easy) curl_easy_cleanup(easy);
        if (multi) curl_multi_cleanup(multi);
        out.failure = HttpFailure::Network;
        out.detail = "libcurl could not start a transfer (out of memory?)";
        return out;
    }
    Transfer t;
    t.easy = easy;
    t.reader = &reader;
    t.out = &out;

    curl_slist* headers = nullptr;
    for (const std::string& h : call.headers) headers = curl_slist_append(headers, h.c_str());
    headers = curl_slist_append(headers, "Expect:");   // no 100-continue round trip for large prompts
    char errorBuffer[CURL_ERROR_SIZE] = {0};

    curl_easy_setopt(easy, CURLOPT_URL, call.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, call.body.data());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)call.body.size());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "promptotype");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);   // threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, (long)std::max(1.0, call.connectTimeoutSec * 1000));
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, onHeaderLine);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, onBodyBytes);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
    curl_multi_add_handle(multi, easy);

    // Drive the transfer ourselves so the cancel flag and the idle timer are checked every 50 ms,
    // even while the server is silent.
    auto idleLimit = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(std::max(0.05, call.idleTimeoutSec)));
    t.lastActivity = Clock::now();
    int running = 1;
    while (running) {
        if (curl_multi_perform(multi, &running) != CURLM_OK) break;
        if (!running) break;
        if (call.cancel && call.cancel->load()) {
            out.failure = HttpFailure::Cancelled;
            break;
        }
        if (Clock::now() - t.lastActivity > idleLimit) {
            out.failure = connected(easy) ? HttpFailure::IdleTimeout : HttpFailure::Connect;
            out.detail = out.failure == HttpFailure::Connect ? "no connection after " + secondsText(call.idleTimeoutSec) : "";
            break;
        }
        curl_multi_poll(multi, nullptr, 0, (int)kPollInterval.count(), nullptr);
    }
    if (!running && out.failure == HttpFailure::None) {
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &queued))
            if (msg->msg == CURLMSG_DONE && msg->easy_handle == easy) classifyCurlResult(msg->data.result, errorBuffer, t);
    }
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    out.status = (int)status;

    curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
    curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Retries
//-----------------------------------------------------------------------------

bool shouldRetry(const HttpOutcome& o) {
    if (o.answerStarted) return false;   // the answer began: retrying would duplicate what the caller saw
    switch (o.failure) {
    case HttpFailure::Cancelled:
    case HttpFailure::StoppedByReader: return false;
    case HttpFailure::Connect: return o.curlCode != CURLE_COULDNT_RESOLVE_HOST && o.curlCode != CURLE_COULDNT_RESOLVE_PROXY;
    case HttpFailure::IdleTimeout: return true;
    case HttpFailure::Network: return o.curlCode == CURLE_RECV_ERROR || o.curlCode == CURLE_SEND_ERROR ||
                                      o.curlCode == CURLE_GOT_NOTHING || o.curlCode == CURLE_PARTIAL_FILE;
    case HttpFailure::None: break;
    }
    std::string hint = lowerCase(o.header("x-should-retry"));
    if (hint == "true") return true;
    if (hint == "false") return false;
    if (o.status == 429 && o.errorBody.find("insufficient_quota") != std::string::npos) return false;   // retrying cannot add credit
    static const int kRetryable[] = {408, 409, 429, 500, 502, 503, 504, 529};
    return std::find(std::begin(kRetryable), std::end(kRetryable), o.status) != std::end(kRetryable);
}

double serverRetryDelaySec(const HttpOutcome& o) {
    auto number = [](const std::string& s, double* out) {
        if (s.empty() || s.find_first_not_of("0123456789.") != std::string::npos) return false;
        char* end = nullptr;
        *out = std::strtod(s.c_str(), &end);
        return end && *end == 0;
    };
    double value = 0;
    if (number(o.header("retry-after-ms"), &value)) return value > 0 ? value / 1000 : -1;
    std::string retryAfter = o.header("retry-after");
    if (retryAfter.empty()) return -1;
    if (number(retryAfter, &value)) return value > 0 ? value : -1;
    time_t when = curl_getdate(retryAfter.c_str(), nullptr);   // HTTP-date form
    if (when < 0) return -1;
    double delta = std::difftime(when, std::time(nullptr));
    return delta > 0 ? delta : -1;
}

HttpOutcome httpPostWithRetries(const HttpCall& call, const RetryPolicy& policy, const BodyReader& reader) {
    thread_local std::mt19937 rng{std::random_device{}()};
    for (int attempt = 0;; ++attempt) {
        HttpOutcome out = httpPost(call, reader);
        out.retries = attempt;
        if (attempt >= policy.maxRetries || !shouldRetry(out)) return out;
        double wait = serverRetryDelaySec(out);
        if (wait > policy.maxWaitSec) {
            out.retryAfterSec = wait;
            return out;
        }
        if (wait < 0) {
            double jitter = 1.0 - 0.25 * std::uniform_real_distribution<double>(0, 1)(rng);
            wait = std::min(policy.baseSec * std::pow(2.0, attempt), 8.0) * jitter;
        }
        if (!waitCancellable(wait, call.cancel)) {
            out.failure = HttpFailure::Cancelled;
            return out;
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Streaming answers
//-----------------------------------------------------------------------------

void AnswerState::addText(std::string_view delta) {
    if (delta.empty()) return;
    text.append(delta);
    if (sink && *sink) (*sink)(delta);
}

namespace {

std::string statusName(int status) {
    switch (status) {
    case 400: return "bad request";
    case 401: return "unauthorized (check the API key)";
    case 403: return "forbidden (the key may lack access to this model)";
    case 404: return "not found (check the base URL and the model name)";
    case 408: return "request timeout";
    case 409: return "conflict";
    case 413: return "request too large";
    case 422: return "unprocessable request";
    case 429: return "rate limited";
    case 500: return "server error";
    case 502: return "bad gateway";
    case 503: return "service unavailable";
    case 504: return "gateway timeout";
    case 529: return "overloaded";
    default: return status >= 500 ? "server error" : "error";
    }
}

std::string describeHttpProblem(const HttpOutcome& o, const HttpCall& call, size_t answerBytes) {
    std::string where = maskCredentials(call.url);
    std::string retried = retriedNote(o.retries);
    if (o.status != 0 && (o.status < 200 || o.status >= 300)) {
        std::string msg = "HTTP " + std::to_string(o.status) + " " + statusName(o.status) + " from " + where + retried;
        std::string server = serverErrorMessage(o.errorBody);
        if (!server.empty()) msg += " — " + server;
        if (o.retryAfterSec > 0) {
            time_t at = std::time(nullptr) + (time_t)std::ceil(o.retryAfterSec);
            char clock[16] = "";
            struct tm local {};
            if (localtime_r(&at, &local)) strftime(clock, sizeof clock, "%H:%M:%S", &local);
            msg += "; the server asks to wait " + secondsText(std::ceil(o.retryAfterSec)) + ": try again after " + clock;
        }
        return msg;
    }
    switch (o.failure) {
    case HttpFailure::Connect:
        if (o.connectRefused) return "cannot connect to " + where + ": connection refused — is the server running?" + retried;
        return "cannot connect to " + where + ": " + o.detail + retried;
    case HttpFailure::IdleTimeout:
        if (o.answerStarted)
            return "the connection stalled after " + sizeText(answerBytes) + " of the answer (nothing received for " +
                   secondsText(call.idleTimeoutSec) + ")";
        return "no answer from " + where + " (idle timeout: nothing received in time)" + retried;
    case HttpFailure::Network:
        if (o.answerStarted)
            return "the connection to " + where + " broke after " + sizeText(answerBytes) + " of the answer: " + o.detail;
        return "the connection to " + where + " failed: " + o.detail + retried;
    default:
        return "the request to " + where + " failed" + retried;
    }
}

} // namespace

LlmResult streamAnswer(const std::string& provider, const HttpCall& call, const RetryPolicy& policy,
                       AnswerDialect& dialect, const TextSink& onText, const std::string& secret, HttpOutcome* httpOut) {
    AnswerState state;
    state.sink = &onText;
    SseDecoder sse;
    enum class Mode { Unknown, Sse, WholeJson } mode = Mode::Unknown;
    std::string pending;   // leading whitespace (or a whole JSON body) until the mode is known
    // One bad byte must not cost the answer: the event is read with it replaced by U+FFFD (strict JSON would refuse it).
    auto onEvent = [&](const SseEvent& e) { return dialect.onEvent(SseEvent{e.event, validUtf8(e.data)}, state); };

    size_t received = 0;   // wire bytes of the answer (a 2xx body is never retried, so one attempt)
    // SSE never starts with '{': a body that does is the non-streamed answer of a server that ignored stream:true.
    auto decode = [&](std::string_view chunk) {
        if (mode == Mode::Sse) return sse.feed(chunk, onEvent);
        pending.append(chunk);
        if (mode == Mode::Unknown) {
            size_t first = pending.find_first_not_of(" \t\r\n");
            if (first == std::string::npos) return true;
            mode = pending[first] == '{' ? Mode::WholeJson : Mode::Sse;
            if (mode == Mode::Sse) {
                std::string buffered = std::move(pending);
                pending.clear();
                return sse.feed(buffered, onEvent);
            }
        }
        return true;
    };
    // A server that never stops sending ends here, with the text so far kept for the raw file.
    BodyReader reader = [&](std::string_view chunk, const std::string&) {
        received += chunk.size();
        if (received > kMaxAnswerBytes) {
            state.streamError = "the server sent more than " + std::to_string(kMaxAnswerBytes >> 20) + " MB for one answer";
            return false;
        }
        if (!decode(chunk)) return false;
        if (state.text.size() > kMaxStreamedText) {
            state.streamError = "the answer passed " + std::to_string(kMaxStreamedText >> 20) + " MB (" +
                                sizeText(state.text.size()) + " received), far more than any spec needs";
            return false;
        }
        return true;
    };
    HttpOutcome out = httpPostWithRetries(call, policy, reader);
    if (out.success()) {
        if (mode == Mode::Sse) sse.finish(onEvent);
        if (mode == Mode::WholeJson) {
            Json body = Json::parse(validUtf8(pending), nullptr, false);
            if (body.is_object()) dialect.onWholeBody(body, state);
            else state.streamError = "the server's answer is not valid JSON: " + snippet(pending);
        }
    }

    LlmResult r;
    r.text = state.text;
    r.inputTokens = state.inputTokens;
    r.outputTokens = state.outputTokens;
    auto fail = [&](const std::string& finish, const std::string& message) {
        r.ok = false;
        r.finishReason = finish;
        r.error = maskCredentials(scrubSecret(provider + ": " + message, secret));
    };
    if (out.failure == HttpFailure::Cancelled) {
        r.cancelled = true;
        fail("cancelled", "cancelled after " + std::to_string(state.text.size()) + " characters");
    } else if (!state.streamError.empty()) {
        fail("error", state.streamError);
    } else if (!out.success()) {
        r.rateLimited = out.status == 429;
        fail("error", describeHttpProblem(out, call, state.text.size()));
    } else if (!state.refusal.empty()) {
        fail("refusal", "the model refused to answer: " + snippet(state.refusal, 400));
    } else if (dialect.isTruncation(state.finishReason)) {
        r.truncated = true;
        fail("length", "the answer was cut off by the token limit after " + std::to_string(state.text.size()) +
                       " characters (finish reason \"" + state.finishReason + "\")");
    } else if (!state.ended && state.finishReason.empty()) {   // a finish reason without [DONE] still means a whole answer
        fail("error", "the stream ended before the answer was complete (" + sizeText(state.text.size()) +
                      " received, no end marker)");
    } else {
        r.ok = true;
        r.finishReason = "stop";
    }
    if (httpOut) *httpOut = std::move(out);
    return r;
}

} // namespace pt
