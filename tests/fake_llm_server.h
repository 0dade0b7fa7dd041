// Promptotype tests — FakeLlmServer: an in-process HTTP server on 127.0.0.1 (ephemeral port) that
// replays scripted replies byte for byte, so providers and the generator can be tested without a
// network or a model.
//
//   pt::test::FakeLlmServer server;
//   server.push(pt::test::FakeReply::sse(pt::test::openAiStream({"{\"app\":", "1}"})).splitEvery(7));
//   settings.baseUrl = server.url() + "/v1";
//   ... run the client ...
//   CHECK(server.requests().at(0).json()["stream"] == true);
//
// Replies are served in the order pushed; when the queue runs dry the last reply is served again
// (so "500 every time" is one push). A responder function can compute replies instead.
// Each reply controls status, headers, where the body is cut into separately written chunks,
// pauses (before the headers, between chunks), dropping the connection mid-body and never ending
// (a piece repeated until the client hangs up).
//
// [SECTION] Scripted replies
// [SECTION] Recorded requests
// [SECTION] Server
// [SECTION] Wire builders (OpenAI and Anthropic streams)

#pragma once
#include "generator/provider.h"
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace pt::test {

//-----------------------------------------------------------------------------
// [SECTION] Scripted replies
//-----------------------------------------------------------------------------

struct FakeReply {
    int status = 200;
    std::string contentType = "text/event-stream";
    std::vector<std::pair<std::string, std::string>> headers;   // extra response headers
    std::string body;
    std::vector<size_t> cuts;          // byte offsets where the body is cut into separately written chunks
    bool chunked = true;               // false: one Content-Length body (cuts, delays and drops do not apply)
    double headerDelaySec = 0;         // silence before the status line (a model still loading)
    double chunkDelaySec = 0;          // pause before every chunk but the first (a slow model)
    size_t dropAfterBytes = std::string::npos;   // close the connection after this many body bytes, without ending the body
    std::string endlessPiece;          // when set: after the body, this piece is written again and again until the client hangs up
    size_t holdIndex = std::string::npos;   // chunk held back until `release` says so (a stream paused on cue, not on a timer)
    std::function<bool()> release;

    // A text/event-stream reply, chunked.
    static FakeReply sse(std::string body) {
        FakeReply r;
        r.body = std::move(body);
        return r;
    }
    // A JSON reply with a Content-Length (error bodies, non-streamed answers).
    static FakeReply json(int status, std::string body) {
        FakeReply r;
        r.status = status;
        r.contentType = "application/json";
        r.body = std::move(body);
        r.chunked = false;
        return r;
    }
    FakeReply& cutAt(std::vector<size_t> offsets) { cuts = std::move(offsets); return *this; }   // chunks end at these byte offsets
    FakeReply& splitEvery(size_t n) {   // chunks of n bytes (1 = byte by byte)
        cuts.clear();
        for (size_t at = n; at < body.size(); at += n) cuts.push_back(at);
        return *this;
    }
    FakeReply& header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); return *this; }   // e.g. Retry-After
    FakeReply& delayBeforeHeaders(double sec) { headerDelaySec = sec; return *this; }   // see headerDelaySec
    FakeReply& delayBetweenChunks(double sec) { chunkDelaySec = sec; return *this; }    // see chunkDelaySec
    FakeReply& dropAfter(size_t bytes) { dropAfterBytes = bytes; return *this; }        // see dropAfterBytes
    FakeReply& thenRepeatForever(std::string piece) { endlessPiece = std::move(piece); return *this; }   // see endlessPiece
    FakeReply& holdChunkUntil(size_t index, std::function<bool()> ready) { holdIndex = index; release = std::move(ready); return *this; }   // see holdIndex

    // The body cut at `cuts` (offsets out of order or out of range are ignored).
    std::vector<std::string> chunks() const {
        std::vector<std::string> out;
        size_t from = 0;
        for (size_t at : cuts) {
            if (at <= from || at >= body.size()) continue;
            out.push_back(body.substr(from, at - from));
            from = at;
        }
        out.push_back(body.substr(from));
        return out;
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Recorded requests
//-----------------------------------------------------------------------------

struct RecordedRequest {
    std::string method, path, body;
    httplib::Headers headers;   // case-insensitive names

    std::string header(const std::string& name) const {   // "" when absent
        auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
    bool hasHeader(const std::string& name) const { return headers.find(name) != headers.end(); }
    nlohmann::ordered_json json() const { return nlohmann::ordered_json::parse(body, nullptr, false); }   // discarded when not JSON
};

//-----------------------------------------------------------------------------
// [SECTION] Server
//-----------------------------------------------------------------------------

class FakeLlmServer {
public:
    using Responder = std::function<FakeReply(const RecordedRequest& request, size_t index)>;   // index: 0 for the first request

    // Binds 127.0.0.1 on a free port and serves every POST path. Also sets NO_PROXY for loopback, so a
    // developer's http_proxy does not capture test traffic.
    FakeLlmServer() {
        setenv("NO_PROXY", "127.0.0.1,localhost", 1);
        setenv("no_proxy", "127.0.0.1,localhost", 1);
        m_server.set_tcp_nodelay(true);   // each chunk leaves as its own segment
        m_server.Post(".*", [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        if (m_port <= 0) throw std::runtime_error("FakeLlmServer: cannot bind 127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
    }
    ~FakeLlmServer() {
        m_stopping = true;
        m_server.stop();
        m_thread.join();
    }
    FakeLlmServer(const FakeLlmServer&) = delete;
    FakeLlmServer& operator=(const FakeLlmServer&) = delete;

    void push(FakeReply reply) {   // served after the ones already queued
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(std::move(reply));
    }
    void respondWith(Responder responder) {   // replaces the queue
        std::lock_guard<std::mutex> lock(m_mutex);
        m_responder = std::move(responder);
    }
    std::vector<RecordedRequest> requests() const {   // every request received so far, oldest first
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_requests;
    }
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }   // "http://127.0.0.1:PORT", no trailing slash

private:
    void serve(const httplib::Request& req, httplib::Response& res) {
        RecordedRequest recorded{req.method, req.path, req.body, req.headers};
        FakeReply reply = FakeReply::json(500, R"({"error":{"message":"FakeLlmServer: no reply scripted"}})");
        Responder responder;
        size_t index = 0;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            index = m_requests.size();
            m_requests.push_back(recorded);
            responder = m_responder;
            if (!responder && !m_queue.empty()) {
                reply = m_queue.front();
                if (m_queue.size() > 1) m_queue.pop_front();
            }
        }
        if (responder) reply = responder(recorded, index);   // unlocked: it may call back into the server
        if (!pause(reply.headerDelaySec)) return;
        res.status = reply.status;
        for (auto& [name, value] : reply.headers) res.set_header(name, value);
        if (!reply.chunked) {
            res.set_content(reply.body, reply.contentType);
            return;
        }
        auto chunks = std::make_shared<std::vector<std::string>>(reply.chunks());
        double delay = reply.chunkDelaySec;
        size_t dropAfter = reply.dropAfterBytes;
        std::string endless = reply.endlessPiece;
        size_t holdIndex = reply.holdIndex;
        std::function<bool()> release = reply.release;
        res.set_chunked_content_provider(reply.contentType, [this, chunks, delay, dropAfter, endless, holdIndex, release](size_t, httplib::DataSink& sink) {
            size_t sent = 0;
            const auto first = std::chrono::steady_clock::now();   // chunk i leaves at first + i * delay: no drift over thousands of chunks
            for (size_t i = 0; i < chunks->size(); ++i) {
                if (i > 0 && !pauseUntil(first + std::chrono::duration<double>(delay * (double)i))) return false;
                while (i == holdIndex && !release())
                    if (!pause(0.005)) return false;
                std::string piece = (*chunks)[i];
                if (dropAfter != std::string::npos && sent + piece.size() >= dropAfter) {
                    piece.resize(dropAfter - sent);
                    if (!piece.empty()) sink.write(piece.data(), piece.size());
                    return false;   // httplib closes the connection without the final chunk
                }
                if (!piece.empty() && !sink.write(piece.data(), piece.size())) return false;   // the client went away
                sent += piece.size();
            }
            while (!endless.empty())
                if (m_stopping || !sink.write(endless.data(), endless.size())) return false;
            sink.done();
            return true;
        });
    }

    // Waits `sec`, or less when the server is stopping; false in that case.
    bool pause(double sec) { return pauseUntil(std::chrono::steady_clock::now() + std::chrono::duration<double>(sec)); }
    template <class TimePoint>
    bool pauseUntil(TimePoint until) {
        while (std::chrono::steady_clock::now() < until) {
            if (m_stopping) return false;
            std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(std::chrono::milliseconds(5),
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(until - std::chrono::steady_clock::now())));
        }
        return !m_stopping;
    }

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_mutex;
    std::deque<FakeReply> m_queue;
    Responder m_responder;
    std::vector<RecordedRequest> m_requests;
};

//-----------------------------------------------------------------------------
// [SECTION] Wire builders
//-----------------------------------------------------------------------------

// One "data: {...}\n\n" line of a Chat Completions stream, shaped like OpenAI's (id, object, created, model,
// obfuscation padding) so parsers meet the fields they must ignore.
inline std::string openAiChunk(const nlohmann::ordered_json& delta, const nlohmann::ordered_json& finishReason = nullptr) {
    nlohmann::ordered_json chunk = {{"id", "chatcmpl-fake"}, {"object", "chat.completion.chunk"}, {"created", 1770933892},
                                    {"model", "gpt-4o-mini-2024-07-18"}, {"system_fingerprint", "fp_fake"},
                                    {"choices", {{{"index", 0}, {"delta", delta}, {"logprobs", nullptr}, {"finish_reason", finishReason}}}},
                                    {"usage", nullptr}, {"obfuscation", "Qup1BsQ3"}};
    return "data: " + chunk.dump() + "\n\n";
}

// `text` cut into deltas of about `size` bytes, each of whole UTF-8 characters (a model never streams half a character,
// and each delta is JSON-encoded on its own).
inline std::vector<std::string> textPieces(const std::string& text, size_t size) {
    std::vector<std::string> pieces;
    for (size_t at = 0, next; at < text.size(); at = next) {
        next = std::min(at + size, text.size());
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        pieces.push_back(text.substr(at, next - at));
    }
    return pieces;
}

// A whole Chat Completions stream: role chunk, one chunk per text delta, the finish chunk, the usage chunk, [DONE].
inline std::string openAiStream(const std::vector<std::string>& deltas, const std::string& finishReason = "stop", bool done = true,
                                int promptTokens = 120) {
    std::string out = openAiChunk({{"role", "assistant"}, {"content", ""}, {"refusal", nullptr}});
    for (const std::string& d : deltas) out += openAiChunk({{"content", d}});
    out += openAiChunk(nlohmann::ordered_json::object(), finishReason);
    nlohmann::ordered_json usage = {{"id", "chatcmpl-fake"}, {"object", "chat.completion.chunk"}, {"created", 1770933892},
                                    {"model", "gpt-4o-mini-2024-07-18"}, {"choices", nlohmann::ordered_json::array()},
                                    {"usage", {{"prompt_tokens", promptTokens}, {"completion_tokens", (int)deltas.size()}, {"total_tokens", promptTokens + (int)deltas.size()}}}};
    out += "data: " + usage.dump() + "\n\n";
    if (done) out += "data: [DONE]\n\n";
    return out;
}

// A non-streamed Chat Completions answer.
inline std::string openAiJson(const std::string& content, const std::string& finishReason = "stop") {
    nlohmann::ordered_json body = {{"id", "chatcmpl-fake"}, {"object", "chat.completion"}, {"created", 1770933892}, {"model", "gpt-4o-mini"},
                                   {"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", content}, {"refusal", nullptr}}},
                                                 {"finish_reason", finishReason}}}},
                                   {"usage", {{"prompt_tokens", 120}, {"completion_tokens", 30}, {"total_tokens", 150}}}};
    return body.dump();
}

// One "event: NAME\ndata: {...}\n\n" of an Anthropic Messages stream.
inline std::string anthropicEvent(const std::string& name, const nlohmann::ordered_json& data) {
    return "event: " + name + "\ndata: " + data.dump() + "\n\n";
}

// A whole Messages stream: message_start, one content block of `deltas` (text_delta, or input_json_delta when
// `asTool`), a ping, message_delta with `stopReason`, message_stop.
inline std::string anthropicStream(const std::vector<std::string>& deltas, const std::string& stopReason = "end_turn", bool asTool = false) {
    using J = nlohmann::ordered_json;
    std::string out = anthropicEvent("message_start", {{"type", "message_start"},
        {"message", {{"id", "msg_fake"}, {"type", "message"}, {"role", "assistant"}, {"model", "claude-sonnet-4-5"}, {"content", J::array()},
                     {"stop_reason", nullptr}, {"stop_sequence", nullptr}, {"usage", {{"input_tokens", 321}, {"output_tokens", 1}}}}}});
    J block = asTool ? J{{"type", "tool_use"}, {"id", "toolu_fake"}, {"name", "emit_spec"}, {"input", J::object()}} : J{{"type", "text"}, {"text", ""}};
    out += anthropicEvent("content_block_start", {{"type", "content_block_start"}, {"index", 0}, {"content_block", block}});
    out += anthropicEvent("ping", {{"type", "ping"}});
    for (const std::string& d : deltas) {
        J delta = asTool ? J{{"type", "input_json_delta"}, {"partial_json", d}} : J{{"type", "text_delta"}, {"text", d}};
        out += anthropicEvent("content_block_delta", {{"type", "content_block_delta"}, {"index", 0}, {"delta", delta}});
    }
    out += anthropicEvent("content_block_stop", {{"type", "content_block_stop"}, {"index", 0}});
    out += anthropicEvent("message_delta", {{"type", "message_delta"}, {"delta", {{"stop_reason", stopReason}, {"stop_sequence", nullptr}}},
                                            {"usage", {{"output_tokens", 42}}}});
    out += anthropicEvent("message_stop", {{"type", "message_stop"}});
    return out;
}

// The real openai provider pointed at `server`, with fast retries and a 5 s idle timeout (null only if the factory refuses).
inline std::unique_ptr<LlmProvider> openAiAt(const FakeLlmServer& server) {
    ProviderSettings s;
    s.provider = "openai";
    s.baseUrl = server.url() + "/v1";
    s.apiKey = "sk-test-SECRET-0123456789";
    s.model = "fake-model";
    s.retryBaseSec = 0.01;
    s.idleTimeoutSec = 5;
    std::string error;
    return makeProvider(s, &error);
}

} // namespace pt::test
