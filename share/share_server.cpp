// Promptotype — ShareServer: routing under the token, the page's files, the spec and its event stream, the POSTs
// that write sessions and reactions, variants and rate limits, and the watcher that notices a new spec version.
//
// [SECTION] Token and paths
// [SECTION] Start and stop
// [SECTION] Routing
// [SECTION] Page and spec
// [SECTION] Event stream
// [SECTION] Sessions and reactions
// [SECTION] Variants and rates
// [SECTION] Watcher

#include "share/share_server.h"
#include "share/page_export.h"
#include "share/viewer_lines.h"
#include "meeting/feedback.h"
#include "meeting/session_log.h"
#include "runtime/spec/files.h"
#include "runtime/spec/json_text.h"
#include "runtime/spec/spec_loader.h"
#include <httplib.h>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <random>

namespace pt {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Token and paths
//-----------------------------------------------------------------------------

constexpr size_t kTokenLength = 32;        // hex digits: 128 bits
constexpr size_t kMaxRemembered = 100000;  // viewer ids kept for sticky variants and rate buckets
// An idle event stream writes a comment this often: a write is how a closed tab is noticed (and leaves the viewer
// count), and proxies see the stream is alive.
constexpr auto kKeepAlive = std::chrono::seconds(5);

std::string randomToken() {
    std::random_device random;
    std::string token;
    for (int word = 0; word < 4; ++word) {
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x", (unsigned)random());
        token += hex;
    }
    return token;
}

// Equal without an early exit, so the time taken does not tell how much of a guessed token was right.
bool sameToken(std::string_view given, const std::string& token) {
    if (given.size() != token.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < token.size(); ++i) diff |= (unsigned char)(given[i] ^ token[i]);
    return diff == 0;
}

// "/s/TOKEN/REST" -> REST when the token is right. The rest is only ever compared with fixed names.
bool underToken(const std::string& path, const std::string& token, std::string* rest) {
    const size_t start = 3, end = start + kTokenLength;  // after "/s/"
    if (path.size() <= end || path.compare(0, start, "/s/") != 0 || path[end] != '/') return false;
    if (!sameToken(std::string_view(path).substr(start, kTokenLength), token)) return false;
    *rest = path.substr(end + 1);
    return true;
}

void reply(httplib::Response& res, int status, const std::string& text) {
    res.status = status;
    res.set_content(text + "\n", "text/plain; charset=utf-8");
}

void notFound(httplib::Response& res) { reply(res, 404, "not found"); }

// The page's files: the only names ever joined to the page folder.
struct PageFile {
    const char* name;          // as requested after the token ("" = the page itself)
    const char* file;          // in the page folder
    const char* contentType;
};
constexpr PageFile kPageFiles[] = {
    {"", "index.html", "text/html; charset=utf-8"},
    {"promptotype.js", "promptotype.js", "text/javascript; charset=utf-8"},
    {"promptotype.wasm", "promptotype.wasm", "application/wasm"},
    {"promptotype.data", "promptotype.data", "application/octet-stream"},
};

bool loadsCleanly(const std::string& text, const std::string& path, std::string* problems) {
    LoadResult r = SpecLoader::loadText(text, path);
    if (r.spec && !r.hasErrors()) return true;
    if (problems) *problems = r.format(path);
    return false;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Start and stop
//-----------------------------------------------------------------------------

ShareServer::ShareServer(ShareOptions options) : m_options(std::move(options)), m_token(randomToken()) {}

ShareServer::~ShareServer() { stop(); }

int ShareServer::version() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_version;
}

int ShareServer::rejectedSaves() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_rejected;
}

bool ShareServer::start(std::string* error) {
    auto fail = [&](const std::string& message) {
        if (error) *error = message;
        return false;
    };
    if (m_server) return fail("the share server was already started");
    SpecWatcher watcher(m_options.specPath);  // before reading, so a save from now on is seen
    std::string text, problems;
    if (!readFileText(m_options.specPath, &text)) return fail(m_options.specPath + ": cannot be read");
    if (!loadsCleanly(text, m_options.specPath, &problems)) return fail(problems);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_specText = text;
        m_version = 1;
        for (const std::string& v : m_options.variants) m_shown[v] = 0;
    }

    m_server = std::make_unique<httplib::Server>();
    // Each open event stream holds a worker: room for every stream plus the POSTs.
    m_server->new_task_queue = [] { return new httplib::ThreadPool(kMaxStreams + 32); };
    m_server->set_payload_max_length(kMaxBody);
    m_server->set_keep_alive_timeout(1);  // an idle connection delays stop() by at most this
    auto handler = [this](const httplib::Request& req, httplib::Response& res) { route(req, res); };
    m_server->Get(".*", handler);
    m_server->Post(".*", handler);
    m_server->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) reply(res, res.status, res.status == 413 ? "the body is larger than 64 KiB" : "not found");
    });

    m_port = m_options.port == 0 ? m_server->bind_to_any_port(m_options.host)
                                 : (m_server->bind_to_port(m_options.host, m_options.port) ? m_options.port : -1);
    if (m_port <= 0) {
        m_server.reset();
        return fail("cannot listen on " + m_options.host + ":" + std::to_string(m_options.port) + " (in use, or not an address of this machine)");
    }
    m_listener = std::thread([this] { m_server->listen_after_bind(); });
    // httplib's stop() only acts once the server runs: wait for it (bounded), so stop() right after start() works.
    for (int i = 0; i < 5000 && !m_server->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    m_watcher = std::thread([this, watcher]() mutable { watch(watcher); });
    return true;
}

void ShareServer::stop() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_server || m_stopping) return;
        m_stopping = true;
    }
    m_changed.notify_all();  // event streams end, the watcher returns
    m_server->stop();
    // listen returns once its workers have finished: every POST in progress has written its lines.
    if (m_listener.joinable()) m_listener.join();
    if (m_watcher.joinable()) m_watcher.join();
}

//-----------------------------------------------------------------------------
// [SECTION] Routing
//-----------------------------------------------------------------------------

void ShareServer::route(const httplib::Request& req, httplib::Response& res) {
    std::string rest;
    if (!underToken(req.path, m_token, &rest)) return notFound(res);
    res.set_header("X-Content-Type-Options", "nosniff");
    if (req.method == "POST") {
        if (rest == "api/session" || rest == "api/feedback") return post(rest, req, res);
        return notFound(res);
    }
    if (rest == "spec.json") {
        std::lock_guard<std::mutex> lock(m_mutex);
        res.set_header("Cache-Control", "no-store");
        res.set_content(m_specText, "application/json; charset=utf-8");
        return;
    }
    if (rest == "events") return serveEvents(req, res);
    if (rest == "api/variant") {
        std::string id = req.get_param_value("viewer");
        if (!validViewerId(id)) return reply(res, 400, "viewer should be an id of 1 to 64 letters, digits, '-' or '_'");
        res.set_header("Cache-Control", "no-store");
        res.set_content(Json{{"variant", variantFor(id)}}.dump(), "application/json");
        return;
    }
    serveFile(rest, res);
}

//-----------------------------------------------------------------------------
// [SECTION] Page and spec
//-----------------------------------------------------------------------------

void ShareServer::serveFile(const std::string& name, httplib::Response& res) {
    for (const PageFile& f : kPageFiles) {
        if (name != f.name) continue;
        std::string body;
        if (!readFileText(m_options.pageDir + "/" + f.file, &body)) return notFound(res);
        if (name.empty()) body = titledPage(std::move(body), m_options.title);
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::move(body), f.contentType);
        return;
    }
    notFound(res);
}

//-----------------------------------------------------------------------------
// [SECTION] Event stream
//-----------------------------------------------------------------------------

void ShareServer::serveEvents(const httplib::Request& req, httplib::Response& res) {
    if (m_viewers.load() >= kMaxStreams) return reply(res, 503, "too many viewers");
    std::string id = req.get_param_value("viewer");
    std::string variant = validViewerId(id) ? variantFor(id) : m_options.variants.empty() ? "A" : m_options.variants.front();
    auto sent = std::make_shared<int>(0);  // the version this stream announced last (0 = not even hello)
    ++m_viewers;
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, sent, variant](size_t, httplib::DataSink& sink) {
            std::string chunk;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                if (*sent > 0 && !m_stopping) {
                    m_changed.wait_for(lock, kKeepAlive, [&] { return m_stopping || m_version > *sent; });
                }
                if (m_stopping) {
                    lock.unlock();
                    sink.done();
                    return true;
                }
                if (*sent == 0) chunk = "event: hello\ndata: " + Json{{"version", m_version}, {"variant", variant}}.dump() + "\n\n";
                else if (m_version > *sent) chunk = "event: spec\ndata: " + Json{{"version", m_version}}.dump() + "\n\n";
                else chunk = ": keep-alive\n\n";
                *sent = m_version;
            }
            return sink.write(chunk.data(), chunk.size());  // false (client gone) ends the stream
        },
        [this](bool) { --m_viewers; });
}

//-----------------------------------------------------------------------------
// [SECTION] Sessions and reactions
//-----------------------------------------------------------------------------

// The body: one object (a reaction, or a session event) or, for sessions, an array of them; each carries "viewer"
// (the name) and "viewerId". Everything is checked before anything is written, so a request writes all or nothing.
void ShareServer::post(const std::string& what, const httplib::Request& req, httplib::Response& res) {
    const bool sessions = what == "api/session";
    Json body;
    Diagnostic syntax;
    if (!parseJsonText(req.body, &body, &syntax))
        return reply(res, 400, "the body is not JSON: " + std::to_string(syntax.line) + ":" + std::to_string(syntax.col) + ": " + syntax.message);
    std::vector<const Json*> items;
    if (body.is_object()) items.push_back(&body);
    else if (sessions && body.is_array())
        for (const Json& item : body) items.push_back(&item);
    if (items.empty())
        return reply(res, 400, sessions ? "the body should be a session event object or a non-empty array of them" : "the body should be a reaction object");

    const Json& first = *items.front();
    auto id = first.find("viewerId");
    if (!first.is_object() || id == first.end() || !id->is_string() || !validViewerId(id->get<std::string>()))
        return reply(res, 400, "\"viewerId\" should be an id of 1 to 64 letters, digits, '-' or '_'");
    const std::string viewerId = id->get<std::string>();
    if (!allow(viewerId)) return reply(res, 429, "too many requests from this viewer: at most 20 a second");
    // A page exported with --collect shows the spec as written and says so ("A"); a variant the spec is split into
    // is kept as sent, anything else is the one this server assigns the viewer.
    std::string variant = variantSent(first);
    const bool known = m_options.variants.empty() ? variant == "A"
                                                  : std::find(m_options.variants.begin(), m_options.variants.end(), variant) != m_options.variants.end();
    if (!known) variant = variantFor(viewerId);

    const ViewerLineKind kind = sessions ? ViewerLineKind::Session : ViewerLineKind::Reaction;
    std::vector<Json> lines;
    for (size_t i = 0; i < items.size(); ++i) {
        const Json& item = *items[i];
        const std::string where = items.size() > 1 ? "item " + std::to_string(i) + ": " : "";
        if (!item.is_object() || item.value("viewerId", Json()) != first["viewerId"] || item.value("viewer", Json()) != first.value("viewer", Json()))
            return reply(res, 400, where + "every item should carry the same \"viewer\" and \"viewerId\"");
        Json line;
        std::string error;
        if (!viewerLine(kind, item, variant, &line, &error)) return reply(res, 400, where + error);
        if (sessions && !line.contains("wall")) line["wall"] = (double)std::time(nullptr);
        lines.push_back(std::move(line));
    }

    const std::string path = viewerLogPath(kind, m_options.specPath);
    std::lock_guard<std::mutex> lock(m_writeMutex);
    for (const Json& line : lines) {
        std::string error;
        if (!appendJsonLine(path, line, &error)) return reply(res, 500, "could not write the line: " + error);
    }
    res.set_content(Json{{"written", lines.size()}, {"variant", variant}}.dump(), "application/json");
}

//-----------------------------------------------------------------------------
// [SECTION] Variants and rates
//-----------------------------------------------------------------------------

bool ShareServer::allow(const std::string& viewerId) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_buckets.size() >= kMaxRemembered) {
        // Buckets idle for a second are full again: forgetting them changes nothing.
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = now - it->second.last > std::chrono::seconds(1) ? m_buckets.erase(it) : std::next(it);
        if (m_buckets.size() >= kMaxRemembered) return false;
    }
    auto [it, fresh] = m_buckets.try_emplace(viewerId);
    Bucket& b = it->second;
    if (!fresh) b.tokens = std::min(kRatePerSecond, b.tokens + std::chrono::duration<double>(now - b.last).count() * kRatePerSecond);
    b.last = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
}

std::string ShareServer::variantFor(const std::string& viewerId) {
    if (m_options.variants.empty()) return "A";
    std::lock_guard<std::mutex> lock(m_mutex);
    if (auto known = m_variantOf.find(viewerId); known != m_variantOf.end()) return known->second;
    std::string least = m_options.variants.front();  // ties go to the first listed
    for (const std::string& v : m_options.variants)
        if (m_shown[v] < m_shown[least]) least = v;
    ++m_shown[least];
    if (m_variantOf.size() < kMaxRemembered) m_variantOf[viewerId] = least;
    return least;
}

//-----------------------------------------------------------------------------
// [SECTION] Watcher
//-----------------------------------------------------------------------------

// A few polls a second (a stat each); a changed file is read and compiled outside the lock, and only a text that
// loads without errors becomes the next version: a half-done save is never sent to the viewers.
void ShareServer::watch(SpecWatcher& watcher) {
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        m_changed.wait_for(lock, std::chrono::milliseconds(200), [&] { return m_stopping; });
        if (m_stopping) break;
        lock.unlock();
        std::string text;
        bool saved = watcher.changed() && readFileText(m_options.specPath, &text);
        bool loads = saved && loadsCleanly(text, m_options.specPath, nullptr);
        lock.lock();
        if (saved && !loads) ++m_rejected;
        if (loads && text != m_specText) {
            m_specText = std::move(text);
            ++m_version;
            m_changed.notify_all();
        }
    }
}

} // namespace pt
