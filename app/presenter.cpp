// Promptotype — the presenter panel. See presenter.h.
//
// [SECTION] Helpers
// [SECTION] Panels
// [SECTION] The panel

#include "app/presenter.h"
#include "meeting/meeting_overlays.h"
#include "runtime/spec/requirements.h"
#include "runtime/spec/vocabulary.h"
#include <algorithm>
#include <cstdio>

namespace pt {

void say(PresenterState& ps, std::string text) {
    ps.notice = std::move(text);
    ps.noticeUntil = ImGui::GetTime() + 5.0;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

void caption(const FontSet& fonts, const Theme& t, const char* text) {
    ImGui::Dummy(ImVec2(1, 10));
    ImGui::PushFont(fonts.get(TextStyle::Caption));
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.textMuted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// Small muted text (notes under a panel) until popMuted().
void pushMuted(const FontSet& fonts, const Theme& t) {
    ImGui::PushFont(fonts.get(TextStyle::Caption));
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.textMuted);
}

void popMuted() {
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// A row of equal buttons, the selected one filled with the brand color. Returns the index clicked, or -1.
int segmented(const char* id, const std::vector<std::string>& labels, int selected, const Theme& t) {
    int clicked = -1;
    float w = (ImGui::GetContentRegionAvail().x - 4 * (labels.size() - 1)) / std::max<size_t>(1, labels.size());
    ImGui::PushID(id);
    for (size_t i = 0; i < labels.size(); ++i) {
        if (i) ImGui::SameLine(0, 4);
        bool on = (int)i == selected;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? t.c.brand : t.c.surfaceAlt);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? t.c.brandHover : t.c.border);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? t.c.onBrand : t.c.text);
        if (ImGui::Button(labels[i].c_str(), ImVec2(w, 30))) clicked = (int)i;
        ImGui::PopStyleColor(3);
    }
    ImGui::PopID();
    return clicked;
}

// Width of one of two buttons side by side.
float halfWidth() { return (ImGui::GetContentRegionAvail().x - 4) * 0.5f; }

//-----------------------------------------------------------------------------
// [SECTION] Panels
//-----------------------------------------------------------------------------

// The app's name and the idea it came from.
void drawTitle(const Prototype& proto, const FontSet& fonts, const Theme& t) {
    ImGui::PushFont(fonts.get(TextStyle::H3));
    ImGui::TextUnformatted(proto.spec().name.c_str());
    ImGui::PopFont();
    pushMuted(fonts, t);
    ImGui::PushTextWrapPos(0);
    if (!proto.spec().idea.empty()) ImGui::TextUnformatted(proto.spec().idea.c_str());
    ImGui::PopTextWrapPos();
    popMuted();
}

// The prompt bar's button, and what a click on the prototype does (use it, pick a widget, pin a reaction).
void drawRefineAndMode(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t) {
    ImGui::Dummy(ImVec2(1, 6));
    ImGui::PushStyleColor(ImGuiCol_Button, t.c.brand);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.c.brandHover);
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.onBrand);
    std::string refineLabel = iconGlyph("magic") + "  Refine in words   Ctrl+K";
    if (ImGui::Button(refineLabel.c_str(), ImVec2(-FLT_MIN, 36))) { ps.promptOpen = true; ps.focusPrompt = true; }
    ImGui::PopStyleColor(3);
    caption(fonts, t, "MODE");
    int mode = segmented("mode", {"Use", "Select", "Review"}, (int)meeting.mode, t);
    if (mode >= 0) {
        meeting.mode = (Meeting::Mode)mode;
        meeting.clearPinTarget();
    }
}

// Every screen by its title (a click shows it), and the flow map.
void drawScreens(Prototype& proto, Meeting* meeting, PresenterState& ps, const FontSet& fonts, const Theme& t) {
    caption(fonts, t, "SCREENS");
    Scope scope(&proto.state());
    for (auto& s : proto.spec().screens) {
        std::string title = toDisplayString(s.title.eval(scope, proto.env()));
        bool current = proto.currentScreen() == s.id;
        ImGui::PushID(s.id.c_str());
        if (ImGui::Selectable(title.c_str(), current, 0, ImVec2(0, 28))) {
            proto.showScreen(s.id);
            if (meeting) meeting->noteStep("screen " + s.id);
        }
        ImGui::PopID();
    }
    if (meeting && ImGui::Button((iconGlyph("sitemap") + "  Flow map").c_str(), ImVec2(-FLT_MIN, 30))) ps.flowMapOpen = true;
}

// Shows a screen the way the screens list does (noted as a meeting step), or opens an overlay over the screen on show.
void goTo(Prototype& proto, Meeting* meeting, const RequirementPlace& place) {
    if (place.overlay) {
        proto.openOverlay(place.screen);
        return;
    }
    proto.showScreen(place.screen);
    if (meeting) meeting->noteStep("screen " + place.screen);
}

// meta.requirements, each with its status; hovering one outlines its widgets on the stage (drawRequirementOutlines),
// a click keeps it outlined, and the screens holding its other widgets are links that go there.
void drawRequirements(Prototype& proto, Meeting* meeting, PresenterState& ps, const FontSet& fonts, const Theme& t) {
    ps.hoveredRequirement = -1;
    std::vector<TracedRequirement> traced = traceRequirements(proto.spec());
    if (traced.empty()) { ps.pinnedRequirement = -1; return; }
    if (ps.pinnedRequirement >= (int)traced.size()) ps.pinnedRequirement = -1;
    int covered = (int)std::count_if(traced.begin(), traced.end(), [](const TracedRequirement& r) { return r.covered(); });
    char head[64];
    std::snprintf(head, sizeof head, "REQUIREMENTS  %d OF %d COVERED", covered, (int)traced.size());
    caption(fonts, t, head);
    Scope scope(&proto.state());
    for (int i = 0; i < (int)traced.size(); ++i) {
        const TracedRequirement& r = traced[i];
        ImGui::PushID(i);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);  // the row's background goes under its text, once the row's height is known
        dl->ChannelsSetCurrent(1);
        ImVec2 top = ImGui::GetCursorScreenPos();
        float width = ImGui::GetContentRegionAvail().x;
        ImGui::BeginGroup();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(r.covered() ? t.c.success : t.c.warning), "%s",
                           iconGlyph(r.covered() ? "check-circle" : "exclamation-triangle").c_str());
        ImGui::SameLine(0, 8);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(r.requirement->text.c_str());
        ImGui::PopTextWrapPos();
        // Where its widgets are, when that is not the screen on show: a link per screen or overlay.
        std::vector<std::string> linked;
        pushMuted(fonts, t);
        ImGui::PushStyleColor(ImGuiCol_Button, 0);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.c.brandSoft);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, t.c.brandSoft);
        ImGui::PushStyleColor(ImGuiCol_Text, t.c.brand);
        for (const RequirementPlace& place : r.places) {
            if (place.screen.empty() || place.screen == proto.currentScreen() ||
                std::find(linked.begin(), linked.end(), place.screen) != linked.end()) continue;
            linked.push_back(place.screen);
            std::string name = place.overlay ? place.screen : screenTitle(proto.spec(), place.screen);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 22);
            if (ImGui::SmallButton((iconGlyph("arrow-right") + " " + name).c_str())) goTo(proto, meeting, place);
        }
        ImGui::PopStyleColor(4);
        if (r.places.empty()) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 22);
            ImGui::TextUnformatted("no widget is traced to it");
        }
        popMuted();
        ImGui::EndGroup();
        ImRect row(top - ImVec2(6, 3), ImVec2(top.x + width + 6, ImGui::GetItemRectMax().y + 3));
        bool hovered = ImGui::IsMouseHoveringRect(row.Min, row.Max) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
        if (hovered) {
            ps.hoveredRequirement = i;
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsAnyItemHovered()) ps.pinnedRequirement = ps.pinnedRequirement == i ? -1 : i;
        }
        dl->ChannelsSetCurrent(0);
        if (hovered || ps.pinnedRequirement == i) dl->AddRectFilled(row.Min, row.Max, ps.pinnedRequirement == i ? t.c.brandSoft : t.c.surfaceAlt, 6);
        dl->ChannelsMerge();
        ImGui::Dummy(ImVec2(1, 4));
        ImGui::PopID();
    }
}

// Undo, redo and the timeline of versions (newest first; a click restores that version).
void drawVersions(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t) {
    SpecHistory& h = meeting.history();
    char head[64];
    std::snprintf(head, sizeof head, "VERSION %d OF %d", h.current(), (int)h.versions().size());
    caption(fonts, t, head);
    float half = halfWidth();
    std::string message;
    ImGui::BeginDisabled(!h.canUndo());
    if (ImGui::Button((iconGlyph("undo") + " Undo").c_str(), ImVec2(half, 30))) { meeting.undo(&message); say(ps, message); }
    ImGui::EndDisabled();
    ImGui::SameLine(0, 4);
    ImGui::BeginDisabled(!h.canRedo());
    if (ImGui::Button((iconGlyph("repeat") + " Redo").c_str(), ImVec2(half, 30))) { meeting.redo(&message); say(ps, message); }
    ImGui::EndDisabled();
    if (h.versions().empty() || !ImGui::BeginListBox("##timeline", ImVec2(-FLT_MIN, std::min(5.0f, (float)h.versions().size()) * 24 + 8))) return;
    for (auto it = h.versions().rbegin(); it != h.versions().rend(); ++it) {
        std::string line = "v" + std::to_string(it->number) + "  " + it->kind + (it->summary.empty() ? "" : ": " + it->summary);
        ImGui::PushID(it->number);
        if (ImGui::Selectable(line.c_str(), it->number == h.current()) && it->number != h.current()) {
            meeting.jumpTo(it->number, &message);
            say(ps, message);
        }
        ImGui::PopID();
    }
    ImGui::EndListBox();
}

// A/B switch and side by side, when the spec has variants.
void drawVariants(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t) {
    if (meeting.variants().size() <= 1) return;
    caption(fonts, t, "VARIANT");
    const auto& names = meeting.variants();
    int current = (int)(std::find(names.begin(), names.end(), meeting.variant()) - names.begin());
    int pick = segmented("variant", names, current, t);
    if (pick >= 0) {
        std::string error;
        if (!meeting.setVariant(names[pick], &error)) say(ps, error);
    }
    ImGui::Checkbox("Side by side", &ps.sideBySide);
}

// What is drawn over the prototype from the recorded sessions and reactions.
void drawOverlayToggles(Meeting& meeting, const FontSet& fonts, const Theme& t) {
    caption(fonts, t, "OVERLAYS");
    ImGui::Checkbox("Reaction pins", &meeting.showPins);
    ImGui::Checkbox("Click heat map", &meeting.showHeatmap);
    ImGui::Checkbox("Misclicks", &meeting.showMisclicks);
}

// Start a named session, or end the one recording.
void drawSession(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t) {
    caption(fonts, t, "SESSION");
    if (meeting.session().empty()) {
        ImGui::InputTextWithHint("##session", "Session name", ps.sessionName, sizeof ps.sessionName);
        if (ImGui::Button((iconGlyph("circle") + "  Start recording session").c_str(), ImVec2(-FLT_MIN, 30))) meeting.startSession(ps.sessionName);
    } else {
        ImGui::TextWrapped("Recording '%s'", meeting.session().c_str());
        if (ImGui::Button((iconGlyph("stop") + "  End session").c_str(), ImVec2(-FLT_MIN, 30))) meeting.endSession();
    }
}

// The simulated clock, and steps to move it.
void drawClock(const Prototype& proto, Meeting& meeting, const FontSet& fonts, const Theme& t) {
    caption(fonts, t, "CLOCK");
    std::string now = formatIsoDateTime(proto.now());
    std::replace(now.begin(), now.end(), 'T', ' ');
    ImGui::Text("%s %s", iconGlyph("clock-o").c_str(), now.c_str());
    float half = halfWidth();
    if (ImGui::Button("+1 hour", ImVec2(half, 30))) meeting.advanceClock(3600);
    ImGui::SameLine(0, 4);
    if (ImGui::Button("+1 day", ImVec2(half, 30))) meeting.advanceClock(86400);
}

// Record a click-through, or replay the saved one.
void drawDemo(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t, bool replaying, const std::function<void()>& onReplay) {
    caption(fonts, t, "DEMO");
    if (!meeting.recording()) {
        float half = halfWidth();
        ImGui::BeginDisabled(replaying);
        if (ImGui::Button((iconGlyph("circle") + " Record").c_str(), ImVec2(half, 30))) meeting.startRecording();
        ImGui::SameLine(0, 4);
        if (ImGui::Button((iconGlyph("play") + " Replay").c_str(), ImVec2(half, 30))) onReplay();
        ImGui::EndDisabled();
    } else if (ImGui::Button((iconGlyph("stop") + "  Stop and save demo").c_str(), ImVec2(-FLT_MIN, 30))) {
        std::string error;
        say(ps, meeting.stopRecording(&error) ? std::to_string(meeting.recordedSteps().size()) + " steps saved: Replay runs them" : error);
    }
}

// How many reactions are pinned; those whose widget is gone are listed here (and in the report), never dropped.
void drawReactions(const Meeting& meeting, const FontSet& fonts, const Theme& t) {
    if (meeting.reactions().empty()) return;
    caption(fonts, t, "REACTIONS");
    ImGui::Text("%d pinned", (int)meeting.reactions().size());
    std::vector<Reaction> orphans = meeting.orphanedReactions();
    if (orphans.empty()) return;
    pushMuted(fonts, t);
    ImGui::TextWrapped("On widgets no longer in the prototype:");
    ImGui::PopStyleColor();
    for (auto& r : orphans) {
        const ReactionKind* k = findReactionKind(r.kind);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(k ? k->color : t.c.text), "%s", k ? iconGlyph(k->icon).c_str() : "");
        ImGui::SameLine();
        std::string line = (r.label.empty() ? r.widget : r.label) + (r.who.empty() ? "" : " · " + r.who) + (r.comment.empty() ? "" : ": " + r.comment);
        ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::PopFont();
}

// Reset state, the device frame and light/dark.
void drawPrototypeControls(Prototype& proto, Meeting* meeting, PresenterState& ps, const FontSet& fonts, const Theme& t) {
    caption(fonts, t, "PROTOTYPE");
    if (ImGui::Button("Reset state", ImVec2(-FLT_MIN, 30))) {
        if (meeting) meeting->reset();
        else proto.reset();
    }
    const std::vector<std::string>& devices = documentVocabulary().devices;
    if (ImGui::BeginCombo("##device", ps.device.c_str())) {
        for (const std::string& d : devices)
            if (ImGui::Selectable(d.c_str(), d == ps.device)) ps.device = d;
        ImGui::EndCombo();
    }
    if (ImGui::Checkbox("Dark mode", &ps.dark)) proto.setTheme(ps.dark);
}

// Where the prototype comes from: the generation streaming, or the spec file watched for saves.
void drawSourceNote(const PresenterState& ps, const FontSet& fonts, const Theme& t) {
    ImGui::Dummy(ImVec2(1, 8));
    pushMuted(fonts, t);
    ImGui::PushTextWrapPos(0);
    if (ps.generating) ImGui::TextUnformatted("Generating: screens appear as the model finishes them.");
    else {
        if (!ps.status.empty()) ImGui::TextUnformatted(ps.status.c_str());
        ImGui::TextUnformatted(ps.problems.empty() ? "Watching the spec: save to update." : "The spec has problems: they are listed over the device.");
    }
    ImGui::PopTextWrapPos();
    popMuted();
}

//-----------------------------------------------------------------------------
// [SECTION] The panel
//-----------------------------------------------------------------------------

// A child window filling `r`, with the panel's padding and a border line on its right.
void beginPanel(const Theme& t, const ImRect& r) {
    ImGui::SetCursorScreenPos(r.Min);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 20));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, t.c.surface);
    ImGui::BeginChild("##presenter", r.GetSize(), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 7));  // a compact tool panel beside the roomier prototype
    ImGui::GetWindowDrawList()->AddLine(ImVec2(r.Max.x - 0.5f, r.Min.y), ImVec2(r.Max.x - 0.5f, r.Max.y), t.c.border);
    ImGui::PushItemWidth(-FLT_MIN);
}

void endPanel() {
    ImGui::PopItemWidth();
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

// Share by link: starts a server for the spec file and shows its link as a QR code, and how many are watching.
// What viewers do comes back through the logs (Meeting::followLogs): pins, heat map and funnel on this stage.
void drawShare(PresenterState& ps, const FontSet& fonts, const Theme& t) {
    if (ps.file.empty()) return;
    caption(fonts, t, "SHARE");
    if (!ps.share) {
        std::string error;
        if (ImGui::Button((iconGlyph("qrcode") + "  Share by link").c_str(), ImVec2(-FLT_MIN, 30)) && !startSharing(ps, &error)) say(ps, error);
        if (!ps.share) return;
    }
    const QrMatrix& qr = ps.shareCode;
    if (qr.size > 0) {
        // Dark modules on white with a quiet zone of 2, as large as the panel allows.
        const float module = std::floor(std::min(ImGui::GetContentRegionAvail().x, 220.0f) / (qr.size + 4));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float side = module * (qr.size + 4);
        dl->AddRectFilled(at, at + ImVec2(side, side), IM_COL32_WHITE, 6);
        for (int y = 0; y < qr.size; ++y)
            for (int x = 0; x < qr.size; ++x)
                if (qr.at(x, y)) dl->AddRectFilled(at + ImVec2((x + 2) * module, (y + 2) * module), at + ImVec2((x + 3) * module, (y + 3) * module), IM_COL32_BLACK);
        ImGui::Dummy(ImVec2(side, side));
    }
    pushMuted(fonts, t);
    ImGui::TextWrapped("%s", ps.shareLink.c_str());
    popMuted();
    const int viewers = ps.share->viewers();
    ImGui::Text("%s %d %s", iconGlyph("eye").c_str(), viewers, viewers == 1 ? "viewer" : "viewers");
    float half = halfWidth();
    if (ImGui::Button((iconGlyph("clipboard") + " Copy link").c_str(), ImVec2(half, 30))) {
        ImGui::SetClipboardText(ps.shareLink.c_str());
        say(ps, "Link copied");
    }
    ImGui::SameLine(0, 4);
    if (ImGui::Button((iconGlyph("stop") + " Stop").c_str(), ImVec2(half, 30))) {
        ps.share->stop();
        ps.share.reset();
        ps.shareLink.clear();
    }
}

} // namespace

bool startSharing(PresenterState& ps, std::string* error) {
    ShareOptions options;
    options.specPath = ps.file;
    auto server = std::make_unique<ShareServer>(options);
    if (!server->start(error)) return false;
    ps.shareLink = "http://127.0.0.1:" + std::to_string(server->port()) + server->path();
    if (!qrMatrix(ps.shareLink, &ps.shareCode)) ps.shareCode = QrMatrix();  // too long to encode: the link alone
    ps.share = std::move(server);
    return true;
}

void drawPresenter(Prototype& proto, Meeting* meeting, PresenterState& ps, const FontSet& fonts, const ImRect& r, bool replaying,
                   const std::function<void()>& onReplay) {
    const Theme& t = proto.theme();
    beginPanel(t, r);
    drawTitle(proto, fonts, t);
    if (meeting) {
        drawRefineAndMode(*meeting, ps, fonts, t);
        drawShare(ps, fonts, t);
    }
    drawScreens(proto, meeting, ps, fonts, t);
    drawRequirements(proto, meeting, ps, fonts, t);
    if (meeting) {
        drawVersions(*meeting, ps, fonts, t);
        drawVariants(*meeting, ps, fonts, t);
        drawOverlayToggles(*meeting, fonts, t);
        drawSession(*meeting, ps, fonts, t);
        drawClock(proto, *meeting, fonts, t);
        drawDemo(*meeting, ps, fonts, t, replaying, onReplay);
        drawReactions(*meeting, fonts, t);
    }
    drawPrototypeControls(proto, meeting, ps, fonts, t);
    drawSourceNote(ps, fonts, t);
    endPanel();
}

} // namespace pt
