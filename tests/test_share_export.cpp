// Promptotype tests — `export`: the static folder (the spec and settings inside index.html, the WebAssembly and
// fonts in one script) made from the page's real template; `import`: a file an exported page saved, merged into the
// logs beside the spec once, with a clear message and nothing written for a bad file.

#include "cli_run.h"
#include "runtime/spec/files.h"
#include "share/page_export.h"
#include "share/viewer_lines.h"
#include "test_files.h"
#include <catch2/catch.hpp>
#include <filesystem>

using namespace pt;
using pt::test::ScratchDir;

namespace {

// A built page: the real web/index.html beside small stand-ins for the emscripten output.
std::string fakePage(const ScratchDir& dir) {
    const std::filesystem::path page = dir.path / "page";
    std::filesystem::create_directories(page);
    std::string error;
    REQUIRE(writeFileAtomic((page / "index.html").string(), pt::test::readFile(std::string(PT_SOURCE_DIR) + "/web/index.html"), &error));
    REQUIRE(writeFileAtomic((page / "promptotype.js").string(), "var glue;", &error));
    REQUIRE(writeFileAtomic((page / "promptotype.wasm").string(), std::string("\0asm\1\0\0\0", 8), &error));
    REQUIRE(writeFileAtomic((page / "promptotype.data").string(), "fonts!", &error));
    return page.string();
}

// The text of the <script> element with this id in `html` ("" when there is none).
std::string scriptText(const std::string& html, const std::string& id) {
    const std::string open = "id=\"" + id + "\">";
    size_t at = html.find(open);
    if (at == std::string::npos) return "";
    at += open.size();
    return html.substr(at, html.find("</script>", at) - at);
}

// A file as the page's Save writes it, for viewer `name`.
Json savedFile(const std::string& name, const std::string& id) {
    Json session = Json::array({
        {{"type", "start"}, {"t", 0.0}, {"wall", 1765000000.5}, {"screen", "today"}, {"viewer", name}, {"viewerId", id}, {"variant", "A"}},
        {{"type", "click"}, {"t", 1.25}, {"wall", 1765000001.75}, {"screen", "today"}, {"widget", "add"}, {"x", 0.5}, {"y", 0.25},
         {"viewer", name}, {"viewerId", id}, {"variant", "A"}}});
    Json feedback = Json::array({{{"time", 1765000002.0}, {"kind", "idea"}, {"comment", "<b>more</b> colour"}, {"screen", "today"},
                                  {"widget", "add"}, {"label", "New habit"}, {"viewer", name}, {"viewerId", id}, {"variant", "A"}}});
    return {{"format", "promptotype-reactions"}, {"spec", "habits"}, {"viewer", name}, {"viewerId", id},
            {"sessions", session}, {"feedback", feedback}};
}

std::vector<Json> logLines(const std::string& spec, ViewerLineKind kind) {
    std::vector<Json> out;
    forEachJsonLine(viewerLogPath(kind, spec), nullptr, [&](const Json& j, std::string*) {
        out.push_back(j);
        return true;
    });
    return out;
}

} // namespace

TEST_CASE("export writes a folder whose page carries the spec, its settings and a bundle of the wasm and fonts", "[share]") {
    ScratchDir dir("export");
    std::string error;
    // Spec text with "</script>" in it must not end the page's script element.
    std::string spec = pt::test::sampleText("habit_tracker.json");
    spec.insert(spec.find('{') + 1, "\n  \"description\": \"</script><b>not markup</b>\",");
    REQUIRE(writeFileAtomic(dir.file("habits.json"), spec, &error));
    ExportOptions o;
    o.specPath = dir.file("habits.json");
    o.outDir = dir.file("out/shared");
    o.pageDir = fakePage(dir);
    o.title = "Habits & <more>";
    REQUIRE(collectLink("http://192.168.1.20:8080/s/0123456789abcdef0123456789abcdef", &o.collectUrl));
    std::vector<std::string> written;
    REQUIRE(exportPage(o, &written, &error));
    CHECK(written.size() == 4);

    const std::string html = pt::test::readFile(dir.file("out/shared/index.html"));
    CHECK(html.find("promptotype.wasm\" as=\"fetch") == std::string::npos);  // the preloads gave way to the bundle
    CHECK(html.find("<script src=\"promptotype-bundle.js\"></script>") != std::string::npos);
    CHECK(html.find("<title>Habits &amp; &lt;more&gt; — Promptotype</title>") != std::string::npos);
    Json embedded = Json::parse(scriptText(html, "pt-spec"));
    CHECK(embedded == Json::parse(spec));
    CHECK(scriptText(html, "pt-spec").find("</") == std::string::npos);
    Json settings = Json::parse(scriptText(html, "pt-export"));
    CHECK(settings["collect"] == "http://192.168.1.20:8080/s/0123456789abcdef0123456789abcdef/");
    CHECK(settings["spec"] == "habits");
    CHECK(settings["id"].get<std::string>().size() == 16);

    const std::string bundle = pt::test::readFile(dir.file("out/shared/promptotype-bundle.js"));
    CHECK(bundle == "window.ptBundle = {wasm: \"AGFzbQEAAAA=\", data: \"Zm9udHMh\"};\n");  // base64 of the two files
    CHECK(pt::test::readFile(dir.file("out/shared/promptotype.js")) == "var glue;");
    CHECK(pt::test::readFile(dir.file("out/shared/spec.json")) == spec);
}

TEST_CASE("export takes only a share link for --collect and refuses a broken spec or an unbuilt page", "[share]") {
    std::string link;
    CHECK(collectLink("https://example.org/s/0123456789abcdef0123456789abcdef/", &link));
    CHECK(link == "https://example.org/s/0123456789abcdef0123456789abcdef/");
    for (const char* bad : {"ftp://x/s/0123456789abcdef0123456789abcdef/", "http:///s/0123456789abcdef0123456789abcdef/",
                            "http://x/s/0123456789ABCDEF0123456789abcdef/", "http://x/s/0123/", "http://x/",
                            "http://x y/s/0123456789abcdef0123456789abcdef/", "http://x/s/0123456789abcdef0123456789abcdef/api"})
        CHECK_FALSE(collectLink(bad, &link));

    ScratchDir dir("export-bad");
    std::string error;
    REQUIRE(writeFileAtomic(dir.file("bad.json"), "{\"name\": \"x\",\n \"screens\": [ }", &error));
    REQUIRE(writeFileAtomic(dir.file("good.json"), pt::test::sampleText("habit_tracker.json"), &error));
    auto broken = pt::test::cli("export " + dir.file("bad.json") + " -o " + dir.file("out") + " --page " + fakePage(dir));
    CHECK(broken.code == 2);
    CHECK_THAT(broken.err, Catch::Contains("bad.json:2:"));
    auto unbuilt = pt::test::cli("export " + dir.file("good.json") + " -o " + dir.file("out") + " --page " + dir.path.string());
    CHECK(unbuilt.code == 2);
    CHECK_THAT(unbuilt.err, Catch::Contains("the web page is not built"));
    auto notLink = pt::test::cli("export " + dir.file("good.json") + " -o " + dir.file("out") + " --collect http://x/");
    CHECK(notLink.code == 2);
    CHECK_THAT(notLink.err, Catch::Contains("--collect wants the link"));
    CHECK_FALSE(std::filesystem::exists(dir.file("out")));
    auto ok = pt::test::cli("export " + dir.file("good.json") + " -o " + dir.file("out") + " --page " + fakePage(dir));
    CHECK(ok.code == 0);
    CHECK_THAT(ok.out, Catch::Contains("promptotype import " + dir.file("good.json") + " FILE"));
}

TEST_CASE("import merges a saved file into the logs once, tagged like the share server tags posts", "[share]") {
    ScratchDir dir("import");
    std::string error;
    const std::string spec = dir.file("habits.json"), saved = dir.file("habits.reactions-Cy.json");
    REQUIRE(writeFileAtomic(spec, pt::test::sampleText("habit_tracker.json"), &error));
    REQUIRE(writeFileAtomic(saved, savedFile("Cy <i>", "v-cy").dump(2), &error));

    auto first = pt::test::cli("import " + spec + " " + saved);
    CHECK(first.code == 0);
    CHECK(first.err.empty());  // saved from a page of this very spec
    CHECK_THAT(first.out, Catch::Contains("Imported 2 session events and 1 reactions from Cy <i>"));
    auto sessions = logLines(spec, ViewerLineKind::Session);
    auto reactions = logLines(spec, ViewerLineKind::Reaction);
    REQUIRE(sessions.size() == 2);
    REQUIRE(reactions.size() == 1);
    CHECK(sessions[1]["session"] == "Cy <i>");
    CHECK(sessions[1]["widget"] == "add");
    CHECK(sessions[1]["wall"] == 1765000001.75);
    CHECK(reactions[0]["who"] == "Cy <i>");
    CHECK(reactions[0]["viewerId"] == "v-cy");
    CHECK(reactions[0]["variant"] == "A");
    CHECK(reactions[0]["comment"] == "<b>more</b> colour");

    // The same file again, and a later save holding it all plus one more reaction: only the new line is added.
    auto again = pt::test::cli("import " + spec + " " + saved);
    CHECK(again.code == 0);
    CHECK_THAT(again.out, Catch::Contains("Imported 0 session events and 0 reactions from Cy <i>"));
    CHECK_THAT(again.out, Catch::Contains("(3 already there)"));
    Json later = savedFile("Cy <i>", "v-cy");
    Json more = later["feedback"][0];
    more["time"] = 1765000009.0;
    more["kind"] = "question";
    later["feedback"].push_back(more);
    REQUIRE(writeFileAtomic(saved, later.dump(), &error));
    ImportSummary done;
    REQUIRE(importViewerFile(spec, saved, &done, &error));
    CHECK(done.savedFrom == "habits");
    CHECK(done.reactions == 1);
    CHECK(done.sessionLines == 0);
    CHECK(done.alreadyThere == 3);
    CHECK(logLines(spec, ViewerLineKind::Reaction).size() == 2);
    CHECK(logLines(spec, ViewerLineKind::Session).size() == 2);

    // Into another spec it still merges, with a note saying where the file came from.
    const std::string other = dir.file("garden.json");
    REQUIRE(writeFileAtomic(other, pt::test::sampleText("habit_tracker.json"), &error));
    auto elsewhere = pt::test::cli("import " + other + " " + saved);
    CHECK(elsewhere.code == 0);
    CHECK_THAT(elsewhere.err, Catch::Contains("exported from 'habits', not from 'garden'"));
}

TEST_CASE("import of a bad file names the file and the JSON Pointer and writes nothing", "[share]") {
    ScratchDir dir("import-bad");
    std::string error;
    const std::string spec = dir.file("habits.json"), saved = dir.file("saved.json");
    REQUIRE(writeFileAtomic(spec, pt::test::sampleText("habit_tracker.json"), &error));
    struct Bad { std::string text, says; };
    Json badKind = savedFile("Cy", "v-cy");
    badKind["feedback"][0]["kind"] = "love";
    Json badId = savedFile("Cy", "v-cy");
    badId["sessions"][1]["viewerId"] = "not an id";
    Json notArray = savedFile("Cy", "v-cy");
    notArray["sessions"] = "all of them";
    for (const Bad& b : {Bad{"{\"format\": \"promptotype-reactions\",\n \"sessions\": [", "saved.json:2:"},
                         Bad{"{\"sessions\": []}", "not a reactions file"}, Bad{badKind.dump(), "saved.json: /feedback/0: \"kind\""},
                         Bad{badId.dump(), "saved.json: /sessions/1: \"viewerId\""}, Bad{notArray.dump(), "/sessions: should be an array"}}) {
        REQUIRE(writeFileAtomic(saved, b.text, &error));
        auto r = pt::test::cli("import " + spec + " " + saved);
        CHECK(r.code == 2);
        CHECK_THAT(r.err, Catch::Contains(b.says));
    }
    CHECK(pt::test::cli("import " + spec + " " + dir.file("missing.json")).code == 2);
    CHECK(logLines(spec, ViewerLineKind::Session).empty());
    CHECK(logLines(spec, ViewerLineKind::Reaction).empty());
}
