// Promptotype — report implementation.
//
// [SECTION] Text helpers
// [SECTION] Where reactions belong
// [SECTION] Screen images
// [SECTION] Markdown
// [SECTION] writeReport

#include "meeting/report.h"
#include "runtime/headless/headless.h"
#include "meeting/meeting_overlays.h"
#include "runtime/headless/raster.h"
#include "runtime/spec/files.h"
#include "runtime/spec/requirements.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Text helpers
//-----------------------------------------------------------------------------

namespace {

// User text (comments, names, labels) made inert in Markdown: characters that would start emphasis, code,
// links, HTML or table cells are backslash-escaped, and line breaks become spaces so a comment stays one item.
std::string escapeMd(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        if (ch == '\n' || ch == '\r' || ch == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if (std::string_view("\\|*_`<>[]~#").find(ch) != std::string_view::npos) out += '\\';
        out += ch;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string formatDuration(double seconds) {
    char buf[32];
    if (!(seconds > 0)) return "0 s";
    if (seconds < 10) std::snprintf(buf, sizeof(buf), "%.1f s", seconds);
    else if (seconds < 60) std::snprintf(buf, sizeof(buf), "%.0f s", seconds);
    else if (seconds < 3600) std::snprintf(buf, sizeof(buf), "%d min %02d s", (int)seconds / 60, (int)seconds % 60);
    else std::snprintf(buf, sizeof(buf), "%d h %02d min", (int)seconds / 3600, ((int)seconds % 3600) / 60);
    return buf;
}

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Where reactions belong
//-----------------------------------------------------------------------------

namespace {

// What the report knows about one reaction.
struct Placement {
    const Spec* spec = nullptr;      // the spec of the variant it was given on (else the first)
    bool located = false;            // its widget is still in that spec
    bool aboutScreen = false;        // a reaction on a screen itself (no widget), listed under that screen while it exists
    WidgetLocation location;
    std::string home;                // screen it is listed under
    int number = 0;                  // pin number in its screen's images (0 = not drawn)
};

// A numbered pin in a screen's images, and the reactions it stands for (indexes into the input).
struct Entry {
    int number = 0;
    std::string label;           // the widget's visible label in the image ("" when it has none)
    std::vector<int> reactions;
};

// One screen's part of the report.
struct ScreenPart {
    std::string id, title;
    std::vector<std::pair<std::string, std::string>> shots;  // (variant, image path relative to the report)
    std::vector<Entry> entries;                              // in number order
    std::vector<int> notDrawn;                               // reactions on widgets here that no image shows
    std::vector<int> aboutScreen;                            // reactions on the screen itself
};

const Spec* specFor(const ReportInput& input, const std::string& variant) {
    for (auto& [name, spec] : input.variants)
        if (name == (variant.empty() ? "A" : variant) && spec) return spec.get();
    return input.variants.front().second.get();
}

std::vector<Placement> placeReactions(const ReportInput& input) {
    std::vector<Placement> out;
    for (const Reaction& r : input.reactions) {
        Placement p;
        p.spec = specFor(input, r.variant);
        p.aboutScreen = r.widget.empty() && p.spec->screen(r.screen);
        p.located = locateWidget(*p.spec, r.widget, &p.location);
        // A widget in a dialog is listed under the screen it was opened on; app chrome the spec cannot place
        // (tabs, back) under the screen it was pinned on.
        p.home = p.located && !p.location.inOverlay ? p.location.screen : r.screen;
        if (!p.spec->screen(p.home) && p.located) p.home = p.spec->nav.start;
        out.push_back(std::move(p));
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Screen images
//-----------------------------------------------------------------------------

// Image files are named from ids (fileNameFromId, as `shot` names them); names that still meet, once prefixes and
// variants are joined, get a counter.
class ImageNames {
public:
    std::string take(const std::string& base) {
        std::string name = base;
        for (int n = 2; !m_used.insert(name).second; ++n) name = base + "-" + std::to_string(n);
        return "images/" + name + ".png";
    }

private:
    std::set<std::string> m_used;
};

// Renders one screen per variant that draws it differently from the first variant, with the heat map of the
// clicks made on it and numbered pins for its reactions. Fills part.shots and part.entries, and the pin numbers
// in `placed`. False with `error` when an image cannot be written.
bool renderScreen(const ReportInput& input, const std::string& dir, ScreenPart& part, std::vector<Placement>& placed,
                  ImageNames& names, std::vector<std::string>& written, std::string* error) {
    struct Shot {
        std::string variant;
        std::unique_ptr<HeadlessDriver> driver;
        Image plain;
    };
    std::vector<Shot> shots;
    std::map<std::string, std::string> shownAs;  // variant -> the variant whose image shows it
    for (auto& [name, spec] : input.variants) {
        if (!spec || !spec->screen(part.id)) continue;
        auto driver = std::make_unique<HeadlessDriver>(spec);
        driver->proto().showScreen(part.id);
        driver->settle();
        Image plain = driver->capture();
        if (!shots.empty() && plain.rgba == shots.front().plain.rgba) {
            shownAs[name] = shots.front().variant;
            continue;
        }
        shownAs[name] = name;
        shots.push_back({name, std::move(driver), std::move(plain)});
    }
    if (shots.empty()) return true;
    auto shotOf = [&](const std::string& variant) {
        auto it = shownAs.find(variant.empty() ? "A" : variant);
        return it != shownAs.end() ? it->second : shots.front().variant;
    };

    for (Shot& shot : shots) {
        std::vector<Reaction> reactions;
        std::vector<int> global;  // index in the input of each reaction handed to the pins
        for (int i = 0; i < (int)input.reactions.size(); ++i)
            if (placed[i].home == part.id && shotOf(input.reactions[i].variant) == shot.variant) {
                reactions.push_back(input.reactions[i]);
                global.push_back(i);
            }
        std::vector<HeatPoint> points;
        for (auto& [variant, shownBy] : shownAs)
            if (shownBy == shot.variant) {
                auto more = heatPoints(input.events, part.id, variant);
                points.insert(points.end(), more.begin(), more.end());
            }
        Prototype& proto = shot.driver->proto();
        int firstNumber = (int)part.entries.size();
        std::vector<PinMarker> pins;
        shot.driver->setFrameHook([&](const ImRect& area) {
            ImDrawList* dl = ImGui::GetForegroundDrawList();
            drawHeatmap(dl, area, points, true);
            pins = layoutPins(proto, reactions);
            for (PinMarker& pin : pins) pin.number += firstNumber;
            drawPins(dl, *proto.fonts(), pins, reactions, true);
        });
        Image image = shot.driver->capture();
        shot.driver->setFrameHook(nullptr);
        std::string file = names.take("screen-" + fileNameFromId(part.id) + (shots.size() > 1 ? "-" + fileNameFromId(shot.variant) : ""));
        std::string path = (std::filesystem::path(dir) / file).string();
        if (!writePng(path, image, error)) return false;
        written.push_back(path);
        part.shots.push_back({shot.variant, file});
        for (const PinMarker& pin : pins) {
            Entry e;
            e.number = pin.number;
            for (const Probe& p : proto.probes())
                if (e.label.empty() && ImLengthSqr(p.rect.Min - pin.widget.Min) + ImLengthSqr(p.rect.Max - pin.widget.Max) < 0.01f) e.label = p.label;
            for (int local : pin.reactions) {
                e.reactions.push_back(global[local]);
                placed[global[local]].number = pin.number;
            }
            part.entries.push_back(std::move(e));
        }
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Markdown
//-----------------------------------------------------------------------------

// "Save habit · button": what a widget is called, for a reader who sees the image. `shownLabel` is its label in
// the image, for reactions stored without one.
std::string widgetName(const Reaction& r, const Placement& p, const std::string& shownLabel = "") {
    std::string name = !r.label.empty() ? r.label : !shownLabel.empty() ? shownLabel
                     : p.located && p.location.node && !p.location.node->id.empty() ? p.location.node->id : r.widget;
    std::string type = p.located && p.location.node ? p.location.node->type : r.widget.rfind("nav:", 0) == 0 ? "navigation" : "";
    std::replace(type.begin(), type.end(), '_', ' ');  // "icon_button" -> "icon button"
    std::string out = "**" + escapeMd(name) + "**";
    if (!type.empty()) out += " · " + escapeMd(type);
    if (p.located && p.location.inOverlay) out += " · in " + escapeMd(p.location.screen);
    return out;
}

// "**Agree** from Maria: comment · variant B"
std::string reactionLine(const Reaction& r, bool showVariant) {
    const ReactionKind* kind = findReactionKind(r.kind);
    std::string out = "**" + (kind ? std::string(kind->label) : escapeMd(r.kind)) + "** from " + (r.who.empty() ? "Anonymous" : escapeMd(r.who));
    if (!r.comment.empty()) out += ": " + escapeMd(r.comment);
    if (showVariant) out += " · variant " + escapeMd(r.variant.empty() ? "A" : r.variant);
    return out;
}

void writeHeader(std::ostringstream& md, const ReportInput& input, const Spec& spec) {
    md << "# " << escapeMd(spec.name) << " — review report\n\n";
    std::string file = std::filesystem::path(input.specPath).filename().string();
    std::string when = formatLocalTime(input.generatedAt);
    md << "_" << (when.empty() ? "Generated" : "Generated " + when);
    if (!file.empty()) md << " from " << escapeMd(file);
    if (input.currentVersion > 0) md << ", version " << input.currentVersion;
    md << "_\n\n";
    std::set<std::string> people, sessions;
    size_t anonymous = 0;
    for (auto& r : input.reactions) r.who.empty() ? (void)++anonymous : (void)people.insert(r.who);
    for (auto& e : input.events)
        if (!e.session.empty()) sessions.insert(e.session);
    md << "**" << plural(input.reactions.size(), "reaction", "reactions") << " from " << plural(people.size(), "person", "people");
    if (anonymous) md << " (and " << anonymous << " anonymous)";
    md << ", " << plural(sessions.size(), "session", "sessions") << ", " << plural(input.versions.size(), "version", "versions");
    if (input.variants.size() > 1) md << ", " << plural(input.variants.size(), "variant", "variants");
    md << ".**\n\n";
}

// Each requirement of meta.requirements with what covers it: "`waterButton` → Plant", so engineers see where it is shown.
void writeRequirements(std::ostringstream& md, const Spec& spec) {
    md << "## Requirements\n\n";
    std::vector<TracedRequirement> traced = traceRequirements(spec);
    if (traced.empty()) {
        md << "The spec lists no requirements (`meta.requirements`), so nothing is traced to its widgets.\n\n";
        return;
    }
    size_t covered = 0;
    md << "| Requirement | Covered by (ids → screens) | Status |\n| --- | --- | --- |\n";
    for (const TracedRequirement& t : traced) {
        std::string by;
        for (const RequirementPlace& p : t.places) {
            std::string where = p.screen.empty() ? "nothing" : p.overlay ? "overlay " + escapeMd(p.screen) : escapeMd(screenTitle(spec, p.screen));
            by += (by.empty() ? "" : "; ") + ("`" + escapeMd(p.id) + "` → " + where);
        }
        covered += t.covered() ? 1 : 0;
        md << "| " << escapeMd(t.requirement->text) << " | " << (by.empty() ? "–" : by) << " | " << (t.covered() ? "covered" : "**not covered**") << " |\n";
    }
    md << "\n" << covered << " of " << plural(traced.size(), "requirement", "requirements") << " covered.\n\n";
}

void writeScreens(std::ostringstream& md, const ReportInput& input, const std::vector<ScreenPart>& parts,
                  const std::vector<Placement>& placed) {
    bool showVariant = input.variants.size() > 1;
    md << "## Screens\n\n";
    for (const ScreenPart& part : parts) {
        md << "### " << escapeMd(part.title) << "\n\n";
        for (auto& [variant, image] : part.shots) {
            if (part.shots.size() > 1) md << "**Variant " << escapeMd(variant) << "**\n\n";
            md << "![" << escapeMd(part.title) << (part.shots.size() > 1 ? ", variant " + escapeMd(variant) : "") << "](" << image << ")\n\n";
        }
        if (part.entries.empty() && part.notDrawn.empty() && part.aboutScreen.empty()) {
            md << "No reactions on this screen.\n\n";
            continue;
        }
        if (!part.aboutScreen.empty()) {
            md << "On the screen as a whole:\n\n";
            for (int i : part.aboutScreen) md << "- " << reactionLine(input.reactions[i], showVariant) << "\n";
            md << "\n";
        }
        for (const Entry& e : part.entries) {
            md << e.number << ". " << widgetName(input.reactions[e.reactions.front()], placed[e.reactions.front()], e.label) << "\n";
            for (int i : e.reactions) md << "   - " << reactionLine(input.reactions[i], showVariant) << "\n";
        }
        if (!part.entries.empty()) md << "\n";
        if (!part.notDrawn.empty()) {
            md << "Not visible in the image (hidden, scrolled away or in a dialog):\n\n";
            for (int i : part.notDrawn)
                md << "- " << widgetName(input.reactions[i], placed[i]) << ": " << reactionLine(input.reactions[i], showVariant) << "\n";
            md << "\n";
        }
    }
}

void writeOrphans(std::ostringstream& md, const ReportInput& input, const std::vector<Placement>& placed) {
    std::vector<int> orphans;
    for (int i = 0; i < (int)placed.size(); ++i)
        if (!placed[i].located && !placed[i].aboutScreen && placed[i].number == 0) orphans.push_back(i);
    if (orphans.empty()) return;
    md << "## Reactions on widgets no longer in the prototype\n\n";
    md << "Their widgets were removed or renamed since; they are kept here so nothing anyone said is lost.\n\n";
    bool showVariant = input.variants.size() > 1;
    for (int i : orphans) {
        const Reaction& r = input.reactions[i];
        std::string was = !r.label.empty() ? r.label : !r.widget.empty() ? r.widget : "the screen itself";
        const Spec& spec = *placed[i].spec;
        std::string screen = r.screen.empty() ? "an unknown screen" : spec.screen(r.screen) ? screenTitle(spec, r.screen) : r.screen;
        md << "- **" << escapeMd(was) << "** on " << escapeMd(screen) << ": "
           << reactionLine(r, showVariant) << "\n";
    }
    md << "\n";
}

void writeSessions(std::ostringstream& md, const ReportInput& input, const std::vector<VariantFigures>& figures,
                   const std::map<std::string, std::string>& flowImages) {
    md << "## Sessions\n\n";
    if (figures.empty()) {
        md << "No sessions were recorded.\n\n";
        return;
    }
    for (const VariantFigures& vf : figures) {
        const Spec& spec = *specFor(input, vf.variant);
        if (figures.size() > 1 || input.variants.size() > 1) md << "### Variant " << escapeMd(vf.variant) << "\n\n";
        md << plural((size_t)vf.sessions, "session", "sessions") << ".\n\n";
        auto image = flowImages.find(vf.variant);
        if (image != flowImages.end() && vf.variant != "A") md << "![Flow map, variant " << escapeMd(vf.variant) << "](" << image->second << ")\n\n";
        // Every screen of the flow, so a screen nobody reached shows as 0; then screens only the events know.
        std::vector<std::string> order = flowOrder(spec);
        for (auto& s : vf.screens)
            if (std::find(order.begin(), order.end(), s.screen) == order.end()) order.push_back(s.screen);
        md << "| Screen | Reached | Visits | Avg time | Clicks | Misclicks |\n| --- | ---: | ---: | ---: | ---: | ---: |\n";
        std::string funnel;
        for (auto& id : order) {
            ScreenFigures none;
            const ScreenFigures* f = vf.screen(id);
            if (!f) f = &none;
            std::string title = escapeMd(screenTitle(spec, id));
            md << "| " << title << " | " << f->sessionsReached << " of " << vf.sessions << " | " << f->visits << " | "
               << (f->visits ? formatDuration(f->seconds / f->visits) : "–") << " | " << f->clicks << " | " << f->misclicks << " |\n";
            if (f->sessionsReached > 0) funnel += (funnel.empty() ? "" : " → ") + title + " " + std::to_string(f->sessionsReached);
        }
        md << "\n";
        if (!funnel.empty()) md << "Funnel: " << funnel << "\n\n";
    }
}

// Fewer sessions than this per variant say nothing about which works better: the report says so instead of
// naming a winner.
constexpr int kSessionsToCompare = 5;

// "3 of 5 (60%)"
std::string shareOf(int part, int whole) {
    return std::to_string(part) + " of " + std::to_string(whole) + (whole ? " (" + std::to_string((int)std::lround(100.0 * part / whole)) + "%)" : "");
}

// The variants side by side (an A/B split): the funnel step by step, time, misclicks and reactions per variant,
// with the counts behind every figure and a plain statement when there are too few sessions to conclude.
void writeComparison(std::ostringstream& md, const ReportInput& input, const std::vector<VariantFigures>& figures) {
    if (figures.size() < 2) return;
    md << "## Variants compared\n\n";
    md << "| Step |";
    for (const VariantFigures& vf : figures) md << " Variant " << escapeMd(vf.variant) << " |";
    md << "\n| --- |";
    for (size_t i = 0; i < figures.size(); ++i) md << " ---: |";
    md << "\n";
    const Spec& spec = *specFor(input, figures.front().variant);
    for (const std::string& id : flowOrder(spec)) {
        if (std::none_of(figures.begin(), figures.end(), [&](const VariantFigures& vf) { return vf.screen(id) != nullptr; })) continue;
        md << "| Reached " << escapeMd(screenTitle(spec, id)) << " |";
        for (const VariantFigures& vf : figures) md << " " << shareOf(vf.screen(id) ? vf.screen(id)->sessionsReached : 0, vf.sessions) << " |";
        md << "\n";
    }
    auto total = [](const VariantFigures& vf, auto field) {
        double sum = 0;
        for (const ScreenFigures& f : vf.screens) sum += f.*field;
        return sum;
    };
    md << "| Time per session |";
    for (const VariantFigures& vf : figures) md << " " << (vf.sessions ? formatDuration(total(vf, &ScreenFigures::seconds) / vf.sessions) : "–") << " |";
    md << "\n| Misclicks per session |";
    for (const VariantFigures& vf : figures) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.1f", vf.sessions ? total(vf, &ScreenFigures::misclicks) / vf.sessions : 0.0);
        md << " " << (vf.sessions ? buffer : "–") << " |";
    }
    md << "\n";
    for (const ReactionKind& kind : reactionKinds()) {
        md << "| " << kind.label << " reactions |";
        for (const VariantFigures& vf : figures)
            md << " " << std::count_if(input.reactions.begin(), input.reactions.end(), [&](const Reaction& r) {
                return r.kind == kind.name && (r.variant.empty() ? "A" : r.variant) == vf.variant;
            }) << " |";
        md << "\n";
    }
    md << "\n";
    const auto fewest = std::min_element(figures.begin(), figures.end(), [](const VariantFigures& a, const VariantFigures& b) { return a.sessions < b.sessions; });
    if (fewest->sessions < kSessionsToCompare) {
        md << "Too few sessions to conclude anything: variant " << escapeMd(fewest->variant) << " has " << plural((size_t)fewest->sessions, "session", "sessions")
           << ". Differences this small can be chance; share the link with more people (at least " << kSessionsToCompare
           << " per variant) before choosing.\n\n";
    } else {
        md << "Each variant has at least " << kSessionsToCompare << " sessions. The counts are small: read a difference of a session or two as a hint, "
           << "not a result.\n\n";
    }
}

void writeVersions(std::ostringstream& md, const ReportInput& input) {
    md << "## Versions\n\n";
    if (input.versions.empty()) {
        md << "No versions recorded.\n\n";
        return;
    }
    md << "| Version | Kind | Summary | Made by | When |\n| ---: | --- | --- | --- | --- |\n";
    for (const SpecVersion& v : input.versions) {
        bool current = v.number == input.currentVersion;
        md << "| " << (current ? "**" + std::to_string(v.number) + "** (current)" : std::to_string(v.number)) << " | " << escapeMd(v.kind)
           << " | " << escapeMd(v.summary) << " | " << escapeMd(v.generator.empty() ? "by hand" : v.generator) << " | "
           << formatLocalTime(v.time) << " |\n";
    }
    md << "\n";
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] writeReport
//-----------------------------------------------------------------------------

ReportResult writeReport(const ReportInput& input, const std::string& dir) {
    ReportResult result;
    if (input.variants.empty() || !input.variants.front().second || input.variants.front().second->screens.empty()) {
        result.error = "nothing to report: no compiled spec with screens was given";
        return result;
    }
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(dir) / "images", ec);
    if (ec) {
        result.error = "cannot create " + (std::filesystem::path(dir) / "images").string() + ": " + ec.message();
        return result;
    }
    const Spec& spec = *input.variants.front().second;
    std::vector<VariantFigures> figures = computeFigures(input.events, spec);
    ImageNames names;

    // Flow maps: the first variant's at the top, one per other variant beside its session figures.
    std::map<std::string, std::string> flowImages;
    for (auto& [variant, vspec] : input.variants) {
        if (!vspec) continue;
        const VariantFigures* vf = nullptr;
        for (auto& f : figures)
            if (f.variant == variant) vf = &f;
        if (variant != input.variants.front().first && !vf) continue;
        std::string file = names.take(variant == input.variants.front().first ? "flow" : "flow-" + fileNameFromId(variant));
        std::string path = (std::filesystem::path(dir) / file).string();
        if (!writePng(path, renderFlowMap(*vspec, vf, vspec->dark), &result.error)) return result;
        result.images.push_back(path);
        flowImages[variant] = file;
    }

    std::vector<Placement> placed = placeReactions(input);
    std::vector<ScreenPart> parts;
    for (const std::string& id : flowOrder(spec)) {
        ScreenPart part;
        part.id = id;
        part.title = screenTitle(spec, id);
        if (!renderScreen(input, dir, part, placed, names, result.images, &result.error)) return result;
        parts.push_back(std::move(part));
    }
    for (int i = 0; i < (int)placed.size(); ++i) {
        if ((!placed[i].located && !placed[i].aboutScreen) || placed[i].number) continue;
        for (ScreenPart& part : parts)
            if (part.id == placed[i].home) (placed[i].aboutScreen ? part.aboutScreen : part.notDrawn).push_back(i);
    }

    std::ostringstream md;
    writeHeader(md, input, spec);
    md << "## Flow\n\n![Flow map](" << flowImages[input.variants.front().first] << ")\n\n";
    writeRequirements(md, spec);
    writeScreens(md, input, parts, placed);
    writeOrphans(md, input, placed);
    writeComparison(md, input, figures);
    writeSessions(md, input, figures, flowImages);
    writeVersions(md, input);

    result.markdownPath = (std::filesystem::path(dir) / "report.md").string();
    if (!writeFileAtomic(result.markdownPath, md.str(), &result.error)) return result;
    result.ok = true;
    return result;
}

} // namespace pt
