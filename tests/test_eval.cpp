// `promptotype eval`: reading corpora (FILE:LINE errors, numbered items), scoring a spec whose texts and theme the
// test controls (term checks, requirements, style colours, foreign text), and the verb end to end on a tiny corpus
// through the offline drafter (table, eval.json, shots, exit codes). No network.
#include "cli_run.h"
#include "meeting/eval_report.h"
#include "runtime/spec/css_colors.h"
#include "runtime/spec/spec_loader.h"
#include "test_files.h"
#include <catch2/catch.hpp>

using namespace pt;
using pt::test::cli;
using pt::test::ScratchDir;

namespace {

// An idea, a numbered brief and a change request, in the dev corpus's format.
const char* kTinyCorpus =
    R"({"id": "t1", "style": "one-liner", "device": "phone", "domain": "beekeeping", "idea": "log hive inspections with the queen seen and the brood pattern", "checks": [{"kind": "term", "text": "hive|hives"}, {"kind": "term", "text": "zeppelin"}, {"kind": "action", "text": "log an inspection"}]})"
    "\n"
    R"({"id": "t2", "style": "numbered-brief", "device": "desktop", "domain": "marina", "idea": "Dock master app for a marina. It must show: 1. slips marked occupied or free 2. boats arriving today 3. a way to assign a slip to a boat", "checks": [{"kind": "term", "text": "slip|slips"}, {"kind": "style", "text": "navy background"}]})"
    "\n"
    R"({"id": "t3", "style": "change-request", "device": "any", "domain": "invoicing", "idea": "Add a search box to the invoices list.", "checks": [{"kind": "term", "text": "search"}, {"kind": "change", "text": "a search box above the list"}]})"
    "\n";

std::vector<CorpusEntry> parsed(const std::string& text) {
    std::vector<CorpusEntry> out;
    std::vector<std::string> skipped;
    std::string error;
    REQUIRE(parseCorpus(text, "c.jsonl", &out, &skipped, &error));
    return out;
}

std::shared_ptr<const Spec> compiled(const std::string& json) {
    LoadResult r = SpecLoader::loadJson(Json::parse(json));
    REQUIRE(r.spec);
    REQUIRE_FALSE(r.hasErrors());
    return r.spec;
}

// A two-screen app whose visible texts, requirements and theme the tests choose.
std::shared_ptr<const Spec> hiveApp(const std::string& brand) {
    return compiled(R"({"spec": 1, "meta": {"name": "Apiary", "requirements": [
        {"text": "Hives", "ids": ["hives"]}, {"text": "Log", "ids": ["log", "nowhere"]}, {"text": "Notes", "ids": []}]},
      "theme": {"brand": ")" + brand + R"("},
      "screens": {
        "hives": {"title": "Hives", "body": [{"text": "North hive: queen seen"}, {"text": "Archive"},
                                             {"button": "Log inspection", "id": "log", "go": "log_screen"}]},
        "log_screen": {"title": "Inspection", "body": [{"text": "Brood pattern"}, {"text": "Setlist for Friday night"}]}}})");
}

} // namespace

TEST_CASE("eval corpus: entries, optional fields and FILE:LINE for a malformed line", "[eval]") {
    std::vector<CorpusEntry> entries = parsed(kTinyCorpus);
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].id == "t1");
    CHECK(entries[0].checks.size() == 3);
    CHECK(entries[2].isChangeRequest());
    CHECK(entries[2].line == 3);

    // The genui samples' shape: a prompt, no style, domain or checks.
    std::vector<CorpusEntry> genui = parsed(R"({"id": "x", "name": "x", "description": "d", "prompt": "A login form"})");
    CHECK(genui[0].request == "A login form");
    CHECK(genui[0].style == kDefaultCorpusStyle);

    std::vector<CorpusEntry> out;
    std::vector<std::string> skipped;
    std::string error;
    CHECK_FALSE(parseCorpus(std::string(kTinyCorpus) + "{\"id\": \"t4\", \"idea\": \"x\",,}\n", "c.jsonl", &out, &skipped, &error));
    CHECK(error.rfind("c.jsonl:4:", 0) == 0);
    out.clear();
    CHECK_FALSE(parseCorpus("\n{\"id\": \"a\", \"checks\": []}\n", "c.jsonl", &out, &skipped, &error));
    CHECK(error.rfind("c.jsonl:2: no request", 0) == 0);
    out.clear();
    CHECK_FALSE(parseCorpus("{\"id\": \"a\", \"idea\": \"x\"}\n{\"id\": \"a\", \"idea\": \"y\"}\n", "c.jsonl", &out, &skipped, &error));
    CHECK(error == "c.jsonl:2: duplicate id \"a\"");
    out.clear();
    CHECK_FALSE(parseCorpus("{\"idea\": \"x\", \"checks\": [{\"kind\": \"term\"}]}\n", "c.jsonl", &out, &skipped, &error));
    CHECK(error.rfind("c.jsonl:1: checks/0:", 0) == 0);

    // A placeholder (the genui samples have one with "prompt": null) is skipped, located.
    out.clear();
    CHECK(parseCorpus("{\"id\": \"a\", \"idea\": \"x\"}\n{\"id\": \"b\", \"prompt\": null}\n", "c.jsonl", &out, &skipped, &error));
    CHECK(out.size() == 1);
    CHECK(skipped == std::vector<std::string>{"c.jsonl:2: the request is empty; entry skipped"});
}

TEST_CASE("eval corpus: numbered items are counted 1, 2, 3 in order", "[eval]") {
    CHECK(numberedItemCount("It must show: 1. a 2. b 3. c") == 3);
    CHECK(numberedItemCount("It must show:\n1. a\n2. b\n3) c\n4. d") == 4);
    CHECK(numberedItemCount("temperature in each of the 4 houses over 24 hours") == 0);
    CHECK(numberedItemCount("version 2. Only one: 1. thing") == 0);
    CHECK(numberedItemCount("**1. \"Mammals\" Tab:** x **2. \"Birds\" Tab:** y") == 2);
    CHECK(numberedItemCount("1. a 3. skipped 2. b") == 2);
}

TEST_CASE("eval score: term checks count hits and misses on whole words of every screen", "[eval]") {
    std::vector<std::string> texts = {"North hive: queen seen", "Archive", "Brood pattern"};
    CHECK(termFound("hive|hives", texts));
    CHECK(termFound("HIVE", texts));
    CHECK(termFound("apiary|brood pattern", texts));
    CHECK_FALSE(termFound("chive", texts));       // inside "Archive" only
    CHECK_FALSE(termFound("queens", texts));
    CHECK_FALSE(termFound("| |", texts));

    std::vector<CorpusEntry> corpus = parsed(kTinyCorpus);
    EntryScore score;
    scoreSpec(corpus[0], hiveApp("#4F7CFF"), DomainWords(corpus), &score);
    REQUIRE(score.terms.size() == 2);
    CHECK(score.terms[0].found);          // "hive" on the first screen
    CHECK_FALSE(score.terms[1].found);    // "zeppelin" nowhere
    CHECK(score.termsFound() == 1);
    CHECK(score.otherChecks == 1);
    CHECK(score.screens == 2);
    CHECK(score.deadControls == 0);
    CHECK(score.unreachable == 0);
    // Three listed: one covered; one has an id that points at nothing; one has no ids.
    CHECK(score.requirementsListed == 3);
    CHECK(score.requirementsCovered == 1);
    CHECK(score.tokens > 0);
}

TEST_CASE("eval score: requirements expected are the numbered items when more than listed", "[eval]") {
    std::vector<CorpusEntry> corpus = parsed(kTinyCorpus);
    EntryScore score;
    scoreSpec(corpus[1], hiveApp("#4F7CFF"), DomainWords(corpus), &score);
    CHECK(score.numberedItems == 3);
    CHECK(score.requirementsExpected() == 3);
    Json j = entryScoreJson(score);
    CHECK(j["requirements"]["numbered_items"] == 3);
    CHECK(j["requirements"]["covered"] == 1);
}

TEST_CASE("eval score: a style colour is met only when the theme has it", "[eval]") {
    auto verdict = [](const std::string& check, const std::string& brand) { return checkStyle(check, *hiveApp(brand)).verdict; };
    CHECK(verdict("navy background", "#000080") == StyleVerdict::Met);
    CHECK(verdict("Navy background", "#000080") == StyleVerdict::Met);
    CHECK(verdict("navy background", "#4F7CFF") == StyleVerdict::Missed);
    CHECK(verdict("navy background", "blue") == StyleVerdict::Missed);
    // A hex right after a name is that colour: either one in the theme is enough.
    CHECK(verdict("navy #1B2A4A and gold #C9A227 brand colours", "#1B2A4A") == StyleVerdict::Missed);  // gold missing
    CHECK(verdict("navy #1B2A4A background", "#1b2a4a") == StyleVerdict::Met);
    // "teal" as CSS means #008080 and as a spec colour name the UI shade: both count.
    CHECK(verdict("teal buttons", "teal") == StyleVerdict::Met);
    CHECK(verdict("teal buttons", "#008080") == StyleVerdict::Met);
    // Words that read as hex are not colours; negations and layouts need a person.
    CHECK(verdict("bad ideas in a card layout", "#BBAADD") == StyleVerdict::NotChecked);
    CHECK(verdict("no white text or backgrounds", "#FFFFFF") == StyleVerdict::NotChecked);
    CHECK(verdict("serif font for headings", "#000080") == StyleVerdict::NotChecked);

    StyleCheckResult missed = checkStyle("midnightblue background", *hiveApp("#4F7CFF"));
    CHECK(missed.why == "midnightblue is not a theme colour (theme: brand #4F7CFF)");

    auto dark = compiled(R"({"theme": {"mode": "dark"}, "screens": {"home": {"title": "Home", "body": [{"text": "x"}]}}})");
    CHECK(checkStyle("dark mode", *dark).verdict == StyleVerdict::Met);
    CHECK(checkStyle("dark mode", *hiveApp("#000080")).verdict == StyleVerdict::Missed);
    std::uint32_t rgb = 0;
    CHECK(cssColor("MidnightBlue", &rgb));
    CHECK(rgb == 0x191970);
    CHECK(cssColors().size() == 148);
}

TEST_CASE("eval score: foreign text is another entry's domain word the request never used", "[eval]") {
    std::vector<CorpusEntry> corpus = parsed(
        R"({"id": "bees", "domain": "beekeeping", "idea": "log hive inspections with the queen seen"})" "\n"
        R"({"id": "band", "domain": "live music", "idea": "plan the setlist for a band's gigs"})" "\n"
        R"({"id": "bar", "domain": "bourbon bar", "idea": "a tasting menu of bourbons with proof and age"})" "\n");
    DomainWords words(corpus);
    // The bourbon bar's texts: its own words, generic UI words, and words of the other domains.
    std::vector<ForeignWord> foreign = words.foreignWords(corpus[2], {"Bourbon tasting menu", "Settings", "Today's setlists", "Hive"});
    REQUIRE(foreign.size() == 2);
    CHECK(foreign[0].word == "setlists");
    CHECK(foreign[0].from == "band");
    CHECK(foreign[1].word == "hive");
    CHECK(foreign[1].from == "bees");
    CHECK(words.foreignWords(corpus[0], {"Hives", "Queen seen", "Inspections"}).empty());
    // A three-letter word of the request owns its plural: "per gig" shows "Gigs" as its own.
    std::vector<CorpusEntry> gigs = parsed(
        R"({"id": "roadie", "domain": "touring", "idea": "a roadie's checklist per gig"})" "\n"
        R"({"id": "band", "domain": "live music", "idea": "plan the setlist for a band's gigs"})" "\n");
    CHECK(DomainWords(gigs).foreignWords(gigs[0], {"Gigs", "Checklist"}).empty());
}

TEST_CASE("eval report: per-style sums and medians", "[eval]") {
    EntryScore a, b, c;
    a.id = "a"; a.style = "one-liner"; a.usable = true; a.ms = 4; a.terms = {{"x", true}, {"y", false}};
    b.id = "b"; b.style = "one-liner"; b.usable = true; b.loadErrors = 2; b.ms = 8; b.deadControls = 1;
    c.id = "c"; c.style = "change-request"; c.usable = true; c.ms = 1; c.change = ChangeOutcome::Applied;
    std::vector<StyleSummary> sums = summarizeByStyle({a, b, c});
    REQUIRE(sums.size() == 3);
    CHECK(sums[0].style == "one-liner");
    CHECK(sums[0].entries == 2);
    CHECK(sums[0].valid == 1);
    CHECK(sums[0].deadControls == 1);
    CHECK(sums[0].termsFound == 1);
    CHECK(sums[0].terms == 2);
    CHECK(sums[0].medianMs == 6);
    CHECK(sums[1].changesApplied == 1);
    CHECK(sums[2].style == "all");
    CHECK(sums[2].entries == 3);
    CHECK(sums[2].medianMs == 4);
    std::string table = styleTable(sums);
    CHECK(table.find("term recall") != std::string::npos);
    CHECK(table.find("0.50 (1/2)") != std::string::npos);
}

TEST_CASE("eval verb: a tiny corpus through the offline drafter gives the table, eval.json and shots", "[eval][cli]") {
    ScratchDir dir("eval");
    std::string corpus = dir.file("corpus.jsonl");
    {
        std::ofstream(corpus) << kTinyCorpus;
    }
    pt::test::CliResult r = cli("eval " + corpus + " -o " + dir.file("out"));
    INFO(r.err);
    REQUIRE(r.code == 0);
    for (const char* column : {"id", "style", "valid", "dead", "unrch", "terms", "reqs", "change", "foreign", "ms", "tokens",
                               "term recall", "reqs covered", "style ok", "changes", "median ms"})
        CHECK(r.out.find(column) != std::string::npos);
    CHECK(r.out.find("numbered-brief") != std::string::npos);
    CHECK(r.out.find("\nall ") != std::string::npos);

    Json doc = Json::parse(pt::test::readFile(dir.file("out/eval.json")));
    CHECK(doc["generator"] == "offline drafter");
    REQUIRE(doc["entries"].size() == 3);
    for (auto& e : doc["entries"]) {
        for (const char* field : {"id", "style", "valid", "ms", "screens", "dead_controls", "unreachable", "terms", "requirements",
                                  "styles", "foreign", "tokens", "shots"})
            CHECK(e.contains(field));
        CHECK(e["valid"] == true);
        for (auto& shot : e["shots"]) CHECK(std::filesystem::exists(shot.get<std::string>()));
    }
    CHECK(doc["entries"][0]["terms"][1] == Json({{"text", "zeppelin"}, {"found", false}}));
    CHECK(doc["entries"][1]["requirements"]["numbered_items"] == 3);
    CHECK(doc["entries"][1]["styles"][0]["text"] == "navy background");
    std::string outcome = doc["entries"][2]["change"]["outcome"];
    // The invoices list a draft makes has a search field already: the request holds, and the answer says so.
    CHECK((outcome == "applied" || outcome == "already"));
    CHECK(doc["entries"][2]["change"]["message"].get<std::string>().find("search") != std::string::npos);
    CHECK(doc["entries"][0]["shots"][0].get<std::string>().find("shots/t1-") != std::string::npos);
    REQUIRE(doc["styles"].size() == 4);
    CHECK(doc["styles"][3]["style"] == "all");
    CHECK(doc["styles"][3]["entries"] == 3);

    // --id and --style pick entries.
    r = cli("eval " + corpus + " --id t1");
    CHECK(r.code == 0);
    CHECK(r.out.find("t1 ") != std::string::npos);
    CHECK(r.out.find("t2 ") == std::string::npos);
    r = cli("eval " + corpus + " --style nothing-like-this");
    CHECK(r.code == 2);
}

TEST_CASE("eval verb: exit 2 with FILE:LINE for a malformed corpus, and for usage", "[eval][cli]") {
    ScratchDir dir("eval-bad");
    std::string corpus = dir.file("bad.jsonl");
    {
        std::ofstream(corpus) << kTinyCorpus << "{\"id\": \"t4\", \"idea\": }\n";
    }
    pt::test::CliResult r = cli("eval " + corpus);
    CHECK(r.code == 2);
    CHECK(r.err.find(corpus + ":4:") != std::string::npos);
    r = cli("eval " + dir.file("missing.jsonl"));
    CHECK(r.code == 2);
    CHECK(r.err.find("missing.jsonl: cannot read the file") != std::string::npos);
    CHECK(cli("eval").code == 2);
}
