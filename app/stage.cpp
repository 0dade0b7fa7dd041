// Promptotype — the stage: what is drawn over the device frame (app/device_frame.cpp). See stage.h.
//
// [SECTION] Cards: prompt bar, reaction composer, pin tooltip, flow map
// [SECTION] Requirement outlines
// [SECTION] Progress strip and problems

#include "app/stage.h"
#include "meeting/meeting_overlays.h"
#include "runtime/spec/requirements.h"
#include <GLFW/glfw3.h>
#include <algorithm>
#include <cmath>
#include <set>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Cards: prompt bar, reaction composer, pin tooltip, flow map
//-----------------------------------------------------------------------------

// A floating card at the bottom of the stage: what to change, the selected widget it is about, the result.
void drawPromptBar(Meeting& meeting, PresenterState& ps, const RefineFunction& refine, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImVec2 size(std::min(620.0f, stage.GetWidth() - 40), 0);
    ImGui::SetNextWindowPos(ImVec2(stage.GetCenter().x, stage.Max.y - 24), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, t.c.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, t.c.border);
    ImGui::Begin("##prompt", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
    if (!meeting.selection().empty()) {
        ImGui::PushFont(fonts.get(TextStyle::Caption));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.c.brand), "%s About %s", iconGlyph("crosshairs").c_str(), meeting.selectionName().c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("whole app")) meeting.clearSelection();
        ImGui::PopFont();
    } else {
        ImGui::PushFont(fonts.get(TextStyle::Caption));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.c.textMuted), "Tip: Select mode, then click a widget to scope the change to it");
        ImGui::PopFont();
    }
    if (ps.focusPrompt) { ImGui::SetKeyboardFocusHere(); ps.focusPrompt = false; }
    ImGui::SetNextItemWidth(size.x - 32 - 90);
    ImGui::BeginDisabled(meeting.refining());
    bool send = ImGui::InputTextWithHint("##request", "Describe a change: \"add a dark mode switch to settings\"", ps.prompt, sizeof ps.prompt,
                                         ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, t.c.brand);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.c.brandHover);
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.onBrand);
    send |= ImGui::Button("Refine", ImVec2(82, 0));
    ImGui::PopStyleColor(3);
    ImGui::EndDisabled();
    if (send && ps.prompt[0] && refine) {
        meeting.startRefine(ps.prompt, refine);
        ps.prompt[0] = 0;
    }
    const std::string& message = meeting.lastRefineMessage();
    if (meeting.refining() || !message.empty()) {
        ImGui::PushFont(fonts.get(TextStyle::Caption));
        ImU32 color = meeting.refining() ? t.c.textMuted : meeting.lastRefineFailed() ? t.c.danger : t.c.success;
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::PushTextWrapPos(size.x - 16);
        ImGui::TextUnformatted(((meeting.refining() ? iconGlyph("spinner") + " " : "") + message).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::End();
}

// Review mode: the widget clicked is waiting for a reaction: kind, words, name.
void drawReactionComposer(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImGui::SetNextWindowPos(ImVec2(stage.Max.x - 24, stage.Min.y + 24), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(300, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, t.c.surface);
    ImGui::Begin("##react", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PushFont(fonts.get(TextStyle::Strong));
    ImGui::TextWrapped("React to %s", meeting.pinTargetName().c_str());
    ImGui::PopFont();
    const auto& kinds = reactionKinds();
    for (size_t i = 0; i < kinds.size(); ++i) {
        if (i % 2) ImGui::SameLine(0, 6);
        bool on = ps.pinKind == (int)i;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? kinds[i].color : t.c.surfaceAlt);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? IM_COL32_WHITE : t.c.text);
        std::string label = iconGlyph(kinds[i].icon) + "  " + kinds[i].label;
        if (ImGui::Button(label.c_str(), ImVec2(131, 32))) ps.pinKind = (int)i;
        ImGui::PopStyleColor(2);
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextMultiline("##comment", ps.comment, sizeof ps.comment, ImVec2(-FLT_MIN, 60));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##who", "Your name (optional)", ps.who, sizeof ps.who);
    ImGui::PushStyleColor(ImGuiCol_Button, t.c.brand);
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.onBrand);
    bool pin = ImGui::Button("Pin reaction", ImVec2(160, 32));
    ImGui::PopStyleColor(2);
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(-FLT_MIN, 32)) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) meeting.clearPinTarget();
    if (pin) {
        std::string error;
        meeting.setPerson(ps.who);
        if (meeting.react(meeting.pinTarget(), kinds[ps.pinKind].name, ps.comment, &error)) {
            say(ps, std::string("Pinned: ") + kinds[ps.pinKind].label + (ps.who[0] ? std::string(" from ") + ps.who : ""));
            ps.comment[0] = 0;
        } else say(ps, error);
        meeting.clearPinTarget();
    }
    ImGui::End();
}

// The reactions under the pointer, as a tooltip.
void drawPinTooltip(Meeting& meeting, const FontSet& fonts) {
    auto reactions = meeting.hoveredPinReactions();
    if (reactions.empty()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(320);
    for (auto& r : reactions) {
        const ReactionKind* k = findReactionKind(r.kind);
        ImGui::PushFont(fonts.get(TextStyle::Strong));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(k ? k->color : IM_COL32_WHITE), "%s %s", k ? iconGlyph(k->icon).c_str() : "",
                           k ? k->label : r.kind.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("%s%s", r.who.empty() ? "anonymous" : r.who.c_str(), r.variant != "A" ? (" · variant " + r.variant).c_str() : "");
        if (!r.comment.empty()) ImGui::TextUnformatted(r.comment.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The flow map over the stage, in its own window so its clicks never reach the prototype; clicking a screen jumps to it.
void drawFlowMapPanel(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImGui::SetNextWindowPos(stage.Min);
    ImGui::SetNextWindowSize(stage.GetSize());
    ImGui::SetNextWindowFocus();  // modal: above the prototype and the prompt bar
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, withAlpha(t.c.scrim, 0.45f));
    ImGui::Begin("##flowmap", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImRect box(stage.Min + ImVec2(24, 24), stage.Max - ImVec2(24, 24));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(box.Min, box.Max, t.c.surface, 16);
    ImFont* h = fonts.get(TextStyle::H3);
    ImFont* c = fonts.get(TextStyle::Caption);
    dl->AddText(h, h->FontSize, box.Min + ImVec2(20, 16), t.c.text, "Flow map");
    dl->AddText(c, c->FontSize, box.Min + ImVec2(20, 44), t.c.textMuted, "Click a screen to jump to it · Esc or a click outside closes");
    auto figures = computeFigures(meeting.events(), meeting.proto().spec());
    const VariantFigures* mine = nullptr;
    for (auto& f : figures) if (f.variant == meeting.variant()) mine = &f;
    FlowMap map = layoutFlowMap(meeting.proto().spec(), mine);
    std::string jump = drawFlowMap(map, ImRect(box.Min + ImVec2(16, 72), box.Max - ImVec2(16, 16)), meeting.proto().currentScreen(), t, fonts, true);
    if (!jump.empty()) {
        meeting.proto().showScreen(jump);
        meeting.noteStep("screen " + jump);
        ps.flowMapOpen = false;
    }
    bool outside = ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered() && !box.Contains(ImGui::GetIO().MousePos);
    if (outside || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ps.flowMapOpen = false;
    ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] Requirement outlines
//-----------------------------------------------------------------------------

namespace {

// A node and everything inside it: a container's own probes are its children's.
void collectSubtree(const Node& n, std::set<const Node*>& out) {
    out.insert(&n);
    for (const Node& c : n.children) collectSubtree(c, out);
    if (n.repeat)
        for (const Node& c : n.repeat->empty) collectSubtree(c, out);
}

// The visible part of everything drawn for `nodes` this frame (every repeat instance), inverted when none is on screen.
ImRect drawnArea(const std::vector<Probe>& probes, const std::set<const Node*>& nodes) {
    ImRect area(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    for (const Probe& p : probes) {
        if (!nodes.count(p.node)) continue;
        ImRect visible = p.rect;
        visible.ClipWithFull(p.clip);
        if (visible.GetWidth() > 0 && visible.GetHeight() > 0) area.Add(visible);
    }
    return area;
}

} // namespace

void drawRequirementOutlines(const Prototype& proto, const PresenterState& ps) {
    int shown = ps.shownRequirement();
    if (shown < 0) return;
    std::vector<TracedRequirement> traced = traceRequirements(proto.spec());
    if (shown >= (int)traced.size()) return;
    const Theme& t = proto.theme();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    auto outline = [&](const ImRect& r) {
        ImRect box(r.Min - ImVec2(4, 4), r.Max + ImVec2(4, 4));
        dl->AddRectFilled(box.Min, box.Max, (t.c.warning & 0x00FFFFFF) | 0x26000000, 8);
        dl->AddRect(box.Min, box.Max, t.c.warning, 8, 0, 2.5f);
    };
    for (const RequirementPlace& place : traced[shown].places) {
        if (place.screen != proto.currentScreen()) continue;
        if (!place.node) {  // the whole screen meets it
            outline(proto.screenRect());
            continue;
        }
        std::set<const Node*> nodes;
        collectSubtree(*place.node, nodes);
        ImRect area = drawnArea(proto.probes(), nodes);
        if (area.Min.x <= area.Max.x) outline(area);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Progress strip and problems
//-----------------------------------------------------------------------------

// A pill at the top of the stage while a generation streams: spinner dot, progress line (and, on the parallel path,
// one line per call below it).
void drawProgressStrip(const std::string& status, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImFont* f = fonts.get(TextStyle::Caption);
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, status.c_str());
    ImVec2 size(ts.x + 48, std::max(30.0f, std::ceil(ts.y) + 14));
    ImVec2 min(std::floor(stage.GetCenter().x - size.x * 0.5f), stage.Min.y + 8);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(min, min + size, t.dark ? IM_COL32(40, 44, 54, 240) : IM_COL32(255, 255, 255, 245), 15);
    dl->AddRect(min, min + size, t.c.border, 15);
    float phase = (float)ImGui::GetTime() * 4.0f;
    dl->AddCircleFilled(min + ImVec2(18, 15), 4.0f + 1.5f * std::sin(phase), t.c.brand);
    dl->AddText(f, f->FontSize, min + ImVec2(32, std::floor((size.y - ts.y) * 0.5f)), t.c.text, status.c_str());
}

void drawErrorOverlay(const PresenterState& ps, const FontSet& fonts, const ImRect& r) {
    ImFont* h = fonts.get(TextStyle::Strong);
    ImFont* f = fonts.get(TextStyle::Caption);
    float wrap = r.GetWidth() - 24 - 28;
    // Sized to its lines (at most a third of the stage), anchored to the bottom.
    float textH = 0;
    for (auto& p : ps.problems) textH += f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, p.c_str()).y + 4;
    float boxH = std::min(r.GetHeight() / 3, 52 + textH);
    ImRect box(ImVec2(r.Min.x + 12, r.Max.y - 12 - boxH), ImVec2(r.Max.x - 12, r.Max.y - 12));
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(box.Min, box.Max, IM_COL32(127, 29, 29, 240), 12);
    dl->PushClipRect(box.Min, box.Max, true);
    dl->AddText(h, h->FontSize, box.Min + ImVec2(14, 12), IM_COL32(255, 255, 255, 255), ps.problemsTitle.c_str());
    float y = box.Min.y + 40;
    for (auto& p : ps.problems) {
        dl->AddText(f, f->FontSize, ImVec2(box.Min.x + 14, y), IM_COL32(254, 226, 226, 255), p.c_str(), nullptr, wrap);
        y += f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, p.c_str()).y + 4;
    }
    dl->PopClipRect();
}

} // namespace pt
