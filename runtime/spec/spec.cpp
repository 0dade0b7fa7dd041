// Promptotype — the compiled spec's lookups and the diagnostic's one-line form. See spec.h.

#include "runtime/spec/spec.h"

namespace pt {

std::string Diagnostic::format(const std::string& file) const {
    std::string where = file.empty() ? "<spec>" : file;
    if (line > 0) where += ":" + std::to_string(line) + ":" + std::to_string(col);
    else where += ":" + (pointer.empty() ? std::string("/") : pointer);
    return where + ": " + (level == Level::Error ? "error: " : "warning: ") + message;
}

namespace {

template <class T>
const T* findBy(const std::vector<T>& items, std::string T::*key, std::string_view value) {
    for (auto& item : items)
        if (item.*key == value) return &item;
    return nullptr;
}

} // namespace

const Screen* Spec::screen(std::string_view id) const { return findBy(screens, &Screen::id, id); }
const Overlay* Spec::overlay(std::string_view id) const { return findBy(overlays, &Overlay::id, id); }
const NamedAction* Spec::action(std::string_view name) const { return findBy(actions, &NamedAction::name, name); }
const Mock* Spec::mock(std::string_view name) const { return findBy(mocks, &Mock::name, name); }

const ActionList* Node::actions(std::string_view event) const {
    for (auto& [ev, list] : on) if (ev == event) return &list;
    return nullptr;
}

const Template* ActionStep::arg(std::string_view name) const {
    for (auto& [k, t] : args) if (k == name) return &t;
    return nullptr;
}

} // namespace pt
