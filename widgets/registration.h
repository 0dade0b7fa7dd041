// Promptotype — the one builder behind the widget files' registrations.
//
// Every widgets/*_widgets.cpp registers its widgets into the WidgetCatalog from a static Registrar;
// this fills the fields every definition has, and the caller sets flags and events after.

#pragma once
#include "runtime/spec/catalog.h"
#include <vector>

namespace pt {

// A widget definition: catalog category, node key, one-line doc, primary prop, own props (doc order),
// a JSON example for docs and the prompt, and its draw function.
inline WidgetDef widgetDef(const char* category, const char* name, const char* doc, const char* primary,
                           std::vector<PropDef> props, const char* example, DrawFn draw)
{
    WidgetDef d;
    d.name = name;
    d.category = category;
    d.doc = doc;
    d.primary = primary;
    d.props = std::move(props);
    d.example = example;
    d.draw = std::move(draw);
    return d;
}

} // namespace pt
