// Promptotype tests — the share server over real HTTP on 127.0.0.1: the token, the allow-listed page files, the spec
// and its event stream, posted sessions and reactions landing in the JSONL files, limits, variants and a clean stop.
// Nothing sleeps: waits are on conditions (an event arriving, a counter moving) with generous bounds.

#include "cli_run.h"
#include "runtime/spec/files.h"
#include "share/qr_text.h"
#include "share/share_server.h"
#include "test_files.h"
#include <catch2/catch.hpp>
#include <httplib.h>
#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

using namespace pt;
using pt::test::ScratchDir;

namespace {

constexpr auto kBound = std::chrono::seconds(20);  // how long a wait may take before the test fails

// Waits until `done` holds (bounded); true when it did.
bool eventually(const std::function<bool()>& done) {
    auto until = std::chrono::steady_clock::now() + kBound;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::yield();
    }
    return true;
}

// A scratch folder with a copy of the habit tracker and a tiny fake web page, and a server sharing it.
struct Fixture {
    ScratchDir dir{"share"};
    std::string spec = dir.file("habits.json");
    std::string original = pt::test::sampleText("habit_tracker.json");
    std::unique_ptr<ShareServer> server;

    explicit Fixture(std::vector<std::string> variants = {}) {
        std::string error;
        REQUIRE(writeFileAtomic(spec, original, &error));
        std::filesystem::create_directories(dir.path / "page");
        for (const char* f : {"index.html", "promptotype.js", "promptotype.wasm", "promptotype.data"})
            REQUIRE(writeFileAtomic((dir.path / "page" / f).string(), std::string("fake ") + f, &error));
        ShareOptions o;
        o.specPath = spec;
        o.pageDir = (dir.path / "page").string();
        o.variants = std::move(variants);
        server = std::make_unique<ShareServer>(o);
        REQUIRE(server->start(&error));
        REQUIRE(server->port() > 0);
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", server->port());
        c.set_read_timeout(20, 0);
        return c;
    }
    std::string at(const std::string& rest) const { return server->path() + rest; }
    int status(const std::string& path) const {
        auto res = client().Get(path.c_str());
        return res ? res->status : -1;
    }
    int postJson(const std::string& rest, const Json& body) const {
        auto res = client().Post(at(rest).c_str(), body.dump(), "application/json");
        return res ? res->status : -1;
    }
    std::vector<Json> lines(const std::string& suffix) const {
        std::vector<Json> out;
        forEachJsonLine(besideSpec(spec, suffix), nullptr, [&](const Json& j, std::string*) {
            out.push_back(j);
            return true;
        });
        return out;
    }
};

// One server-sent event stream read on its own thread; events are taken in order with a bounded wait.
class EventReader {
public:
    EventReader(int port, const std::string& path) : m_client("127.0.0.1", port) {
        m_thread = std::thread([this, path] {
            m_client.Get(path.c_str(), [this](const char* data, size_t n) {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_buffer.append(data, n);
                for (size_t end; (end = m_buffer.find("\n\n")) != std::string::npos; m_buffer.erase(0, end + 2)) {
                    std::string block = m_buffer.substr(0, end), name, payload;
                    std::istringstream in(block);
                    for (std::string line; std::getline(in, line);) {
                        if (line.rfind("event: ", 0) == 0) name = line.substr(7);
                        else if (line.rfind("data: ", 0) == 0) payload = line.substr(6);
                    }
                    if (!name.empty()) m_events.push_back({name, Json::parse(payload)});
                }
                m_arrived.notify_all();
                return !m_closing;
            });
            std::lock_guard<std::mutex> lock(m_mutex);
            m_ended = true;
            m_arrived.notify_all();
        });
    }
    ~EventReader() {
        m_closing = true;
        m_client.stop();
        m_thread.join();
    }
    // The next event (name and data); false when none came within the bound.
    bool next(std::string* name, Json* data) {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (!m_arrived.wait_for(lock, kBound, [&] { return m_taken < m_events.size() || m_ended; }) || m_taken == m_events.size()) return false;
        *name = m_events[m_taken].first;
        *data = m_events[m_taken++].second;
        return true;
    }

private:
    httplib::Client m_client;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::string m_buffer;
    std::vector<std::pair<std::string, Json>> m_events;
    size_t m_taken = 0;
    bool m_ended = false;
    std::atomic<bool> m_closing{false};
};

Json reaction(const std::string& viewerId, const std::string& kind = "agree") {
    return Json{{"time", 1700000000.0}, {"kind", kind}, {"comment", "<b>nice</b> \"quoted\""}, {"screen", "today"},
                {"widget", "add"}, {"viewer", "Maria <script>"}, {"viewerId", viewerId}};
}

Json sessionEvent(const std::string& viewerId, const std::string& type, double t) {
    return Json{{"type", type}, {"t", t}, {"screen", "today"}, {"viewer", "Ana"}, {"viewerId", viewerId}};
}

} // namespace

TEST_CASE("share server answers only under its token", "[share]") {
    Fixture f;
    std::string token = f.server->path().substr(3, 32);
    std::string similar = token.substr(0, 31) + (token[31] == '0' ? "1" : "0");
    CHECK(f.status(f.at("")) == 200);
    for (std::string path : {std::string("/"), std::string("/s/"), std::string("/s/spec.json"), "/s/" + similar + "/", "/s/" + similar + "/spec.json",
                             "/s/" + token.substr(0, 31) + "/", "/s/" + token + "0/", "/s/" + token, "/" + token + "/spec.json",
                             "/s/" + std::string(32, '0') + "/spec.json"})
        CHECK(f.status(path) == 404);
}

TEST_CASE("share server serves the allow-listed page files with their content types and no CORS", "[share]") {
    Fixture f;
    struct Want { std::string rest, type, body; };
    for (const Want& w : {Want{"", "text/html; charset=utf-8", "fake index.html"}, Want{"promptotype.js", "text/javascript; charset=utf-8", "fake promptotype.js"},
                          Want{"promptotype.wasm", "application/wasm", "fake promptotype.wasm"},
                          Want{"promptotype.data", "application/octet-stream", "fake promptotype.data"}}) {
        auto res = f.client().Get(f.at(w.rest).c_str());
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == w.type);
        CHECK(res->body == w.body);
        CHECK_FALSE(res->has_header("Access-Control-Allow-Origin"));
    }
}

TEST_CASE("share server refuses traversal and unknown paths with a 404", "[share]") {
    Fixture f;
    for (std::string rest : {"../", "%2e%2e/", "%2e%2e/%2e%2e/etc/passwd", "spec.json/../../etc/passwd", "./spec.json", "index.html",
                             "page/", "/etc/passwd", "..%2fhabits.json", "habits.json", "habits.feedback.jsonl", "api/", "api/session"})
        CHECK(f.status(f.at(rest)) == 404);
    auto res = f.client().Get(f.at("../").c_str());
    REQUIRE(res);
    CHECK(res->body.size() < 20);
    CHECK(f.client().Post(f.at("spec.json").c_str(), "{}", "application/json")->status == 404);
}

TEST_CASE("share server sends spec.json and announces a rewrite that loads, never a broken one", "[share]") {
    Fixture f;
    auto res = f.client().Get(f.at("spec.json").c_str());
    REQUIRE(res);
    CHECK(res->body == f.original);
    CHECK(res->get_header_value("Cache-Control") == "no-store");

    EventReader events(f.server->port(), f.at("events"));
    std::string name;
    Json data;
    REQUIRE(events.next(&name, &data));
    CHECK(name == "hello");
    CHECK(data["version"] == 1);
    CHECK(data["variant"] == "A");
    REQUIRE(eventually([&] { return f.server->viewers() == 1; }));

    std::string error, edited = f.original;
    edited.replace(edited.find("Habit"), 5, "Habbit");
    REQUIRE(writeFileAtomic(f.spec, edited, &error));
    REQUIRE(events.next(&name, &data));
    CHECK(name == "spec");
    CHECK(data["version"] == 2);
    CHECK(f.client().Get(f.at("spec.json").c_str())->body == edited);

    REQUIRE(writeFileAtomic(f.spec, edited.substr(0, edited.size() / 2), &error));
    REQUIRE(eventually([&] { return f.server->rejectedSaves() == 1; }));
    CHECK(f.server->version() == 2);
    CHECK(f.client().Get(f.at("spec.json").c_str())->body == edited);

    REQUIRE(writeFileAtomic(f.spec, f.original, &error));
    REQUIRE(events.next(&name, &data));
    CHECK(name == "spec");
    CHECK(data["version"] == 3);  // the broken save was never a version
    CHECK(f.client().Get(f.at("spec.json").c_str())->body == f.original);
}

TEST_CASE("share server appends posted reactions and session events tagged with viewer and variant", "[share]") {
    Fixture f;
    CHECK(f.postJson("api/feedback", reaction("v-1")) == 200);
    CHECK(f.postJson("api/session", sessionEvent("v-2", "start", 0)) == 200);
    CHECK(f.postJson("api/session", Json::array({sessionEvent("v-2", "screen", 1), sessionEvent("v-2", "click", 2)})) == 200);

    auto feedback = f.lines(".feedback.jsonl");
    REQUIRE(feedback.size() == 1);
    CHECK(feedback[0]["who"] == "Maria <script>");
    CHECK(feedback[0]["viewer"] == "Maria <script>");
    CHECK(feedback[0]["viewerId"] == "v-1");
    CHECK(feedback[0]["variant"] == "A");
    CHECK(feedback[0]["comment"] == "<b>nice</b> \"quoted\"");
    auto sessions = f.lines(".sessions.jsonl");
    REQUIRE(sessions.size() == 3);
    for (const Json& line : sessions) {
        CHECK(line["viewer"] == "Ana");
        CHECK(line["viewerId"] == "v-2");
        CHECK(line["variant"] == "A");
    }
    CHECK(sessions[2]["type"] == "click");
}

TEST_CASE("share server rejects malformed posts with a 400 naming the problem and writes nothing", "[share]") {
    Fixture f;
    auto post = [&](const std::string& rest, const std::string& body) { return f.client().Post(f.at(rest).c_str(), body, "application/json"); };
    struct Bad { std::string rest, body, says; };
    Json noName = reaction("v-1");
    noName.erase("viewer");
    Json longName = reaction("v-1");
    longName["viewer"] = std::string(81, 'x');
    Json mixed = Json::array({sessionEvent("v-1", "start", 0), sessionEvent("v-9", "click", 1)});
    for (const Bad& b : {Bad{"api/feedback", "{not json", "not JSON"}, Bad{"api/feedback", reaction("v 1").dump(), "viewerId"},
                         Bad{"api/feedback", noName.dump(), "viewer"}, Bad{"api/feedback", longName.dump(), "80 bytes"},
                         Bad{"api/feedback", reaction("v-1", "love").dump(), "kind"}, Bad{"api/feedback", "[]", "reaction object"},
                         Bad{"api/session", "[]", "non-empty array"}, Bad{"api/session", sessionEvent("v-1", "dance", 0).dump(), "type"},
                         Bad{"api/session", mixed.dump(), "same"}, Bad{"api/session", "[1, 2]", "viewerId"}}) {
        auto res = post(b.rest, b.body);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK_THAT(res->body, Catch::Contains(b.says));
    }
    CHECK(f.lines(".feedback.jsonl").empty());
    CHECK(f.lines(".sessions.jsonl").empty());
}

TEST_CASE("share server answers 413 to a big body and 429 past the rate of one viewer", "[share]") {
    Fixture f;
    Json big = reaction("v-1");
    big["comment"] = std::string(ShareServer::kMaxBody, 'x');
    CHECK(f.postJson("api/feedback", big) == 413);

    // Rejected kinds cost no disk time, so the requests come faster than the bucket refills.
    int first429 = 0;
    for (int i = 1; i <= 500 && first429 == 0; ++i)
        if (f.postJson("api/feedback", reaction("v-fast", "love")) == 429) first429 = i;
    CHECK(first429 > (int)ShareServer::kRatePerSecond);
    CHECK(f.postJson("api/feedback", reaction("v-other")) == 200);  // another viewer is not affected
}

TEST_CASE("share server splits new viewers evenly between variants and keeps each one's variant", "[share]") {
    Fixture f({"A", "B"});
    auto variantOf = [&](const std::string& id) {
        auto res = f.client().Get(f.at("api/variant?viewer=" + id).c_str());
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return Json::parse(res->body)["variant"].get<std::string>();
    };
    std::map<std::string, int> count;
    std::map<std::string, std::string> given;
    for (std::string id : {"v1", "v2", "v3", "v4"}) ++count[given[id] = variantOf(id)];
    CHECK(count["A"] == 2);
    CHECK(count["B"] == 2);
    for (auto& [id, variant] : given) CHECK(variantOf(id) == variant);
    CHECK(f.status(f.at("api/variant?viewer=a%20b")) == 400);

    CHECK(f.postJson("api/feedback", reaction("v2")) == 200);
    CHECK(f.lines(".feedback.jsonl").at(0)["variant"] == given["v2"]);
}

TEST_CASE("share server keeps the variant a posted line says it showed when the split has it", "[share]") {
    Fixture f({"B", "C"});
    Json saysC = reaction("v-c"), saysA = reaction("v-a");
    saysC["variant"] = "C";
    saysA["variant"] = "A";  // an exported page shows the spec as written: not a variant of this split
    CHECK(f.postJson("api/feedback", saysC) == 200);
    CHECK(f.postJson("api/feedback", saysA) == 200);
    auto lines = f.lines(".feedback.jsonl");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["variant"] == "C");
    CHECK(lines[1]["variant"] == "B");  // the split's least shown one, assigned to the viewer
}

TEST_CASE("share server stop after posts leaves every answered line whole on disk", "[share]") {
    Fixture f;
    std::mutex mutex;
    std::condition_variable answered;
    int oks = 0;
    std::vector<std::thread> posters;
    for (int p = 0; p < 4; ++p)
        posters.emplace_back([&, p] {
            for (int i = 0; i < 15; ++i) {
                int status = f.postJson("api/session", sessionEvent("poster-" + std::to_string(p), "click", i));
                std::lock_guard<std::mutex> lock(mutex);
                if (status == 200) ++oks;
                answered.notify_all();
            }
        });
    {
        std::unique_lock<std::mutex> lock(mutex);
        REQUIRE(answered.wait_for(lock, kBound, [&] { return oks >= 8; }));
    }
    f.server->stop();
    f.server->stop();  // idempotent
    for (auto& t : posters) t.join();
    std::vector<std::string> problems;
    size_t lines = 0;
    forEachJsonLine(besideSpec(f.spec, ".sessions.jsonl"), &problems, [&](const Json&, std::string*) { ++lines; return true; });
    CHECK(problems.empty());
    CHECK(lines >= (size_t)oks);
    CHECK(f.status(f.at("spec.json")) == -1);  // nothing listens any more
}

TEST_CASE("share server refuses a spec with errors at start", "[share]") {
    ScratchDir dir("share-bad");
    std::string error;
    REQUIRE(writeFileAtomic(dir.file("bad.json"), "{\"screens\": [", &error));
    ShareOptions o;
    o.specPath = dir.file("bad.json");
    ShareServer server(o);
    CHECK_FALSE(server.start(&error));
    CHECK_THAT(error, Catch::Contains("bad.json:"));
    server.stop();
}

TEST_CASE("share verb refuses a spec with errors, a page that is not built and bad options with exit 2", "[share]") {
    ScratchDir dir("share-cli");
    std::string error;
    REQUIRE(writeFileAtomic(dir.file("bad.json"), "{\"name\": \"x\",\n \"screens\": [ }", &error));
    REQUIRE(writeFileAtomic(dir.file("good.json"), pt::test::sampleText("habit_tracker.json"), &error));
    auto bad = pt::test::cli("share " + dir.file("bad.json") + " --page " + dir.path.string());
    CHECK(bad.code == 2);
    CHECK_THAT(bad.err, Catch::Contains("bad.json:2:"));
    auto noPage = pt::test::cli("share " + dir.file("good.json") + " --page " + dir.path.string());
    CHECK(noPage.code == 2);
    CHECK_THAT(noPage.err, Catch::Contains("the web page is not built: configure with -DPT_WEB=ON"));
    CHECK(pt::test::cli("share " + dir.file("good.json") + " --split A").code == 2);
    CHECK(pt::test::cli("share " + dir.file("good.json") + " --port 0").code == 2);
}

TEST_CASE("qr code of the share link has a matrix and a half-block rendering", "[share]") {
    QrMatrix m;
    REQUIRE(qrMatrix("http://127.0.0.1:8080/s/0123456789abcdef0123456789abcdef/", &m));
    CHECK(m.size >= 21);
    CHECK(m.at(0, 0));   // finder pattern corners are dark
    CHECK_FALSE(m.at(-1, 0));
    std::string text = qrTerminalText("http://127.0.0.1:8080/s/0123456789abcdef0123456789abcdef/");
    size_t rows = std::count(text.begin(), text.end(), '\n');
    CHECK(rows == (size_t)(m.size + 4 + 1) / 2);
    CHECK(qrTerminalText(std::string(8000, 'x')).empty());
}
