// Promptotype — the device frame a prototype is drawn in, shared by the desktop window's stage and the browser page.
//
// The stage behind it, the bezel around the screen, and the prototype drawn clipped to that screen: one code path
// for every host that shows a running prototype on a real display.

#pragma once
#include "runtime/engine/prototype.h"
#include <string>

namespace pt {

// Begins a borderless, unpadded window over `area` that a host draws its stage in (ImGui::End() closes it).
void beginStageWindow(const char* id, const ImRect& area);

ImU32 stageBackground(const Theme& t);  // what surrounds the device: a quiet neutral of the theme's mode

// A phone, tablet or desktop frame centred in `area` (shrunk to fit, never grown); returns the screen inside it.
ImRect drawDeviceFrame(const std::string& device, const ImRect& area, const Theme& t);

// Whether `area` is itself the device: no wider than the framed device would need (a phone showing a phone spec),
// so the prototype fills it with no frame.
bool areaIsDevice(const std::string& device, const ImRect& area);

// Draws `proto` into `screen` of the current window, clipped to it.
void drawPrototype(Prototype& proto, const ImRect& screen);

} // namespace pt
