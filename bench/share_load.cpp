// Promptotype load test — `promptotype share` under a roomful of viewers: N simulated browsers, each posting one
// session event (a click with its position, screen and widget) R times a second for S seconds to an in-process
// ShareServer on 127.0.0.1, then a count of the lines in NAME.sessions.jsonl against the 200 answers.
//
// Why: issue 13 promises that what every stakeholder does comes back to the same files without losing a line
// (50 viewers at 5 events a second for 60 s) and that the server keeps up (p99 under 50 ms on loopback). The
// latencies here are seen by the client, so they include loopback and the client's own scheduling: an upper
// bound of the server's time. Exit status 0 only when every answer was 200 and every answered event is a line.
//
//   pt_share_load [--viewers N] [--rate R] [--seconds S] [--json FILE]
//
// Not a Google Benchmark: it measures one fixed scenario end to end (threads, sockets, disk), not a function.
//
// [SECTION] Options
// [SECTION] Viewers
// [SECTION] Checking the log
// [SECTION] Main

#include "meeting/session_log.h"
#include "runtime/spec/files.h"
#include "share/share_server.h"
#include "tests/test_files.h"
#include <httplib.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace pt;
using Clock = std::chrono::steady_clock;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Options
//-----------------------------------------------------------------------------

struct Options {
    int viewers = 50;
    double rate = 5;       // events per second per viewer
    double seconds = 60;
    std::string json;      // results as JSON ("" = none)
};

// False (with a message on stderr) on an unknown option or a value out of range.
bool parseOptions(int argc, char** argv, Options* o) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (i + 1 >= argc) return std::fprintf(stderr, "%s: missing value\n", arg.c_str()), false;
        const char* value = argv[++i];
        if (arg == "--viewers") o->viewers = std::atoi(value);
        else if (arg == "--rate") o->rate = std::atof(value);
        else if (arg == "--seconds") o->seconds = std::atof(value);
        else if (arg == "--json") o->json = value;
        else return std::fprintf(stderr, "unknown option %s\n", arg.c_str()), false;
    }
    if (o->viewers < 1 || o->rate <= 0 || o->seconds <= 0)
        return std::fprintf(stderr, "--viewers, --rate and --seconds should be positive\n"), false;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Viewers
//-----------------------------------------------------------------------------

// What one viewer saw: each request's client-observed latency and how many answers of each status (-1 = no answer).
struct ViewerResult {
    std::vector<double> latencyMs;
    std::map<int, int> statuses;
};

// One viewer's event as the page posts it: a click somewhere on one of the habit tracker's screens.
Json clickEvent(int viewer, double t, std::minstd_rand& random) {
    static const std::pair<const char*, const char*> kTargets[] = {
        {"today", "addHabit"}, {"today", "todayList"}, {"habit", "deleteHabit"}, {"newHabit", "habitName"},
        {"newHabit", "saveHabit"}, {"reminders", "remindOn"}, {"progress", "consistency"}};
    std::uniform_real_distribution<float> unit(0, 1);
    const auto& [screen, widget] = kTargets[random() % std::size(kTargets)];
    SessionEvent e;
    e.type = "click";
    e.t = t;
    e.screen = screen;
    e.widget = widget;
    e.x = unit(random);
    e.y = unit(random);
    Json j = sessionEventToJson(e);
    j["viewer"] = "Viewer " + std::to_string(viewer);
    j["viewerId"] = "load-" + std::to_string(viewer);
    return j;
}

// Posts one event every 1/rate s from `start` on a fixed schedule (a slow answer does not push the next tick back,
// so the offered load stays what was asked), over one keep-alive connection like a browser tab's. No Nagle, as in
// browsers: httplib sends the headers and the body in two writes, and Nagle would hold the body back until the
// server's delayed ACK (~40 ms), which would be measured instead of the server.
ViewerResult runViewer(int viewer, int port, const std::string& path, const Options& o, Clock::time_point start) {
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    client.set_read_timeout(10, 0);
    std::minstd_rand random(viewer + 1);
    const auto period = std::chrono::duration<double>(1 / o.rate);
    const int events = (int)std::floor(o.seconds * o.rate);
    ViewerResult r;
    r.latencyMs.reserve(events);
    for (int k = 0; k < events; ++k) {
        const auto tick = start + std::chrono::duration_cast<Clock::duration>(period * k);
        std::this_thread::sleep_until(tick);
        const std::string body = clickEvent(viewer, std::chrono::duration<double>(tick - start).count(), random).dump();
        const auto sent = Clock::now();
        auto res = client.Post(path.c_str(), body, "application/json");
        r.latencyMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
        ++r.statuses[res ? res->status : -1];
    }
    return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Checking the log
//-----------------------------------------------------------------------------

// The sessions log after the server stopped: lines that parse and carry a load viewer's tag, and the others.
struct LogCount {
    int good = 0;
    int bad = 0;
};

LogCount countLines(const std::string& logPath) {
    LogCount c;
    std::vector<std::string> problems;
    forEachJsonLine(logPath, &problems, [&](const Json& j, std::string* error) {
        auto viewer = j.find("viewer");
        if (viewer == j.end() || !viewer->is_string() || viewer->get<std::string>().rfind("Viewer ", 0) != 0) {
            *error = "no viewer tag";
            return false;
        }
        ++c.good;
        return true;
    });
    c.bad = (int)problems.size();
    for (const std::string& p : problems) std::fprintf(stderr, "%s\n", p.c_str());
    return c;
}

// The q-quantile (0..1) of sorted values, nearest rank.
double quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0;
    size_t rank = (size_t)std::ceil(q * (double)sorted.size());
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Main
//-----------------------------------------------------------------------------

int main(int argc, char** argv) {
    Options o;
    if (!parseOptions(argc, argv, &o)) {
        std::fprintf(stderr, "usage: pt_share_load [--viewers N] [--rate R] [--seconds S] [--json FILE]\n");
        return 2;
    }

    // The server shares a scratch copy of a sample; the page is never fetched, so one fake file stands for it.
    test::ScratchDir dir("share-load");
    const std::string spec = dir.file("habits.json");
    std::string error;
    std::filesystem::create_directories(dir.path / "page");
    if (!writeFileAtomic(spec, test::sampleText("habit_tracker.json"), &error) ||
        !writeFileAtomic((dir.path / "page" / "index.html").string(), "fake page", &error))
        return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    ShareOptions so;
    so.specPath = spec;
    so.pageDir = (dir.path / "page").string();
    ShareServer server(so);
    if (!server.start(&error)) return std::fprintf(stderr, "cannot start the share server: %s\n", error.c_str()), 1;

    // Viewers start spread over one period, as real ones would be, rather than all hitting the same instant.
    const std::string path = server.path() + "api/session";
    const auto begin = Clock::now() + std::chrono::milliseconds(100);  // after every thread is up
    std::vector<ViewerResult> results(o.viewers);
    std::vector<std::thread> threads;
    for (int v = 0; v < o.viewers; ++v) {
        const auto offset = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(v / (o.rate * o.viewers)));
        threads.emplace_back([&, v, offset] { results[v] = runViewer(v, server.port(), path, o, begin + offset); });
    }
    for (std::thread& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
    server.stop();  // every answered line is on disk once it returns

    std::vector<double> latencies;
    std::map<int, int> statuses;
    for (const ViewerResult& r : results) {
        latencies.insert(latencies.end(), r.latencyMs.begin(), r.latencyMs.end());
        for (auto [status, n] : r.statuses) statuses[status] += n;
    }
    std::sort(latencies.begin(), latencies.end());
    const int requests = (int)latencies.size(), ok = statuses[200];
    const LogCount lines = countLines(besideSpec(spec, ".sessions.jsonl"));
    const int lost = ok - lines.good;

    std::printf("viewers %d, rate %g/s each, %g s\n", o.viewers, o.rate, o.seconds);
    std::printf("requests %d, OK %d", requests, ok);
    Json notOk = Json::object();
    for (auto [status, n] : statuses)
        if (status != 200 && n > 0) {
            std::printf(", %s %d", status < 0 ? "no answer" : ("HTTP " + std::to_string(status)).c_str(), n);
            notOk[std::to_string(status)] = n;
        }
    std::printf("\nlines written %d, lost %d, malformed %d\n", lines.good, lost, lines.bad);
    const double p50 = quantile(latencies, 0.5), p90 = quantile(latencies, 0.9), p99 = quantile(latencies, 0.99);
    const double max = latencies.empty() ? 0 : latencies.back();
    std::printf("latency ms (client, loopback): p50 %.2f, p90 %.2f, p99 %.2f, max %.2f\n", p50, p90, p99, max);
    std::printf("%.1f requests/s over %.1f s\n", requests / elapsed, elapsed);

    if (!o.json.empty()) {
        Json j{{"viewers", o.viewers}, {"rate", o.rate}, {"seconds", o.seconds}, {"requests", requests}, {"ok", ok},
               {"notOk", notOk}, {"lines", lines.good}, {"lost", lost}, {"malformed", lines.bad},
               {"latencyMs", {{"p50", p50}, {"p90", p90}, {"p99", p99}, {"max", max}}}, {"requestsPerSecond", requests / elapsed}};
        if (!writeFileAtomic(o.json, j.dump(2) + "\n", &error)) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    }
    return lost == 0 && lines.bad == 0 && ok == requests ? 0 : 1;
}
