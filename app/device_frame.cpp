// Promptotype — the device frame. See device_frame.h.

#include "app/device_frame.h"
#include "runtime/headless/headless.h"
#include <algorithm>
#include <cmath>

namespace pt {

namespace {

const float kStageMargin = 40;  // free space around the frame, both sides together

float bezelWidth(const std::string& device) { return device == "desktop" ? 10 : 14; }

} // namespace

void beginStageWindow(const char* id, const ImRect& area) {
    ImGui::SetNextWindowPos(area.Min);
    ImGui::SetNextWindowSize(area.GetSize());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                              ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
}

ImU32 stageBackground(const Theme& t) { return t.dark ? IM_COL32(10, 11, 14, 255) : IM_COL32(232, 234, 240, 255); }

ImRect drawDeviceFrame(const std::string& device, const ImRect& area, const Theme& t) {
    ImVec2 size = deviceSize(device);
    float bezel = bezelWidth(device);
    // Shrink to fit the window, never grow: fonts are baked at 1x.
    float scale = std::min(1.0f, std::min((area.GetWidth() - kStageMargin) / (size.x + 2 * bezel),
                                          (area.GetHeight() - kStageMargin) / (size.y + 2 * bezel)));
    if (scale < 1.0f) size = ImVec2(std::floor(size.x * scale), std::floor(size.y * scale));
    ImVec2 outer = size + ImVec2(2 * bezel, 2 * bezel);
    ImVec2 min = area.GetCenter() - outer * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float rounding = device == "desktop" ? 12 : 44;
    dl->AddRectFilled(min + ImVec2(0, 8), min + outer + ImVec2(0, 8), IM_COL32(0, 0, 0, 40), rounding);
    dl->AddRectFilled(min, min + outer, t.dark ? IM_COL32(52, 55, 64, 255) : IM_COL32(24, 26, 32, 255), rounding);
    ImRect screen(min + ImVec2(bezel, bezel), min + ImVec2(bezel, bezel) + size);
    return screen;
}

bool areaIsDevice(const std::string& device, const ImRect& area) {
    return area.GetWidth() < deviceSize(device).x + 2 * bezelWidth(device) + kStageMargin;
}

void drawPrototype(Prototype& proto, const ImRect& screen) {
    ImGui::PushClipRect(screen.Min, screen.Max, true);
    proto.draw(screen);
    ImGui::PopClipRect();
}

} // namespace pt
