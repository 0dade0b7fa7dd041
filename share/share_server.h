// Promptotype — ShareServer: one spec served to stakeholders' browsers, and what they do written back beside it.
//
// Everything lives under /s/TOKEN/ (128 random bits in the link; compared in constant time): the built web page
// (an explicit allow-list of its files, never a path built from the request), the current spec text, a
// server-sent event stream that announces each new version of the spec file, and two POST endpoints whose
// sessions and reactions are appended with the meeting's durable writers to NAME.sessions.jsonl and
// NAME.feedback.jsonl, tagged with the viewer and the variant they were shown. Anything else is a 404.
//
// [SECTION] Options
// [SECTION] ShareServer

#pragma once
#include "runtime/spec/files.h"
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Options
//-----------------------------------------------------------------------------

// What to share and where.
struct ShareOptions {
    std::string specPath;                 // the spec file: served, watched, and the logs go beside it
    std::string pageDir = PT_WEB_PAGE_DIR; // the built web page (index.html, promptotype.js/.wasm/.data)
    std::string host = "127.0.0.1";       // "0.0.0.0" to reach it from the LAN
    int port = 0;                         // 0 = any free port (port() tells which)
    std::vector<std::string> variants;    // --split A,B: each new viewer gets the least shown one; empty = everyone sees "A"
    std::string title;                    // shown in the page's title ("" = the page's own)
};

//-----------------------------------------------------------------------------
// [SECTION] ShareServer
//-----------------------------------------------------------------------------

// Serves one spec by link until stop(); safe to call from any thread.
class ShareServer {
public:
    // Limits that keep one viewer from hurting the others or the disk.
    static constexpr size_t kMaxBody = 64 * 1024;         // bytes per POST (413 beyond)
    static constexpr double kRatePerSecond = 20;          // POSTs per second per viewer id (429 beyond; burst of as many)
    static constexpr int kMaxStreams = 256;               // open event streams (503 beyond), so POSTs always find a thread

    explicit ShareServer(ShareOptions options);
    ~ShareServer();  // stops
    ShareServer(const ShareServer&) = delete;
    ShareServer& operator=(const ShareServer&) = delete;

    // Loads the spec (it must load without errors), binds and starts serving. False with a message otherwise.
    bool start(std::string* error);
    // Closes the event streams, finishes the requests in progress (their lines are on disk when it returns) and
    // stops the watcher. Idempotent.
    void stop();

    int port() const { return m_port; }                          // the bound port (after start)
    std::string path() const { return "/s/" + m_token + "/"; }   // the page's path, token included
    int viewers() const { return m_viewers.load(); }             // open event streams
    int version() const;                                         // 1 at start, +1 per new text that loads
    int rejectedSaves() const;                                   // saves of the spec file that did not load (not sent)

private:
    struct Bucket {           // token bucket of one viewer id
        double tokens = kRatePerSecond;
        std::chrono::steady_clock::time_point last;
    };

    void route(const httplib::Request& req, httplib::Response& res);
    void serveFile(const std::string& name, httplib::Response& res);
    void serveEvents(const httplib::Request& req, httplib::Response& res);
    void post(const std::string& what, const httplib::Request& req, httplib::Response& res);
    bool allow(const std::string& viewerId);           // takes one token from the viewer's bucket
    std::string variantFor(const std::string& viewerId);  // assigns on first sight (balanced), sticky after
    void watch(SpecWatcher& watcher);                  // the watcher thread: a new version when the spec file changes

    ShareOptions m_options;
    std::string m_token;
    int m_port = 0;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_listener, m_watcher;
    std::atomic<int> m_viewers{0};

    mutable std::mutex m_mutex;           // guards everything below
    std::condition_variable m_changed;    // a new spec version, or stopping
    bool m_stopping = false;
    std::string m_specText;               // the last text that loaded without errors
    int m_version = 0;
    int m_rejected = 0;
    std::map<std::string, std::string> m_variantOf;  // viewer id -> variant
    std::map<std::string, int> m_shown;              // variant -> viewers assigned
    std::map<std::string, Bucket> m_buckets;         // viewer id -> rate bucket

    std::mutex m_writeMutex;              // one append at a time, in arrival order
};

} // namespace pt
