// Promptotype — the spec compiler: one raw document -> a compiled Spec plus located diagnostics.
//
// Internal to the loader (runtime/spec/spec_loader.cpp is its only user). Its work is split by what it reads:
//   compile_document.cpp  the document's sections: top-level keys, meta, theme, state, components, screens,
//                         overlays, nav, named actions and mocks; the order they are compiled in
//   compile_nodes.cpp     nodes: widget types, props, events, layout, rules, repeat, component instances
//   compile_actions.cpp   action sequences and the targets they name
//   compile_values.cpp    templates (expressions, known names) and prop type checks
//   compile_checks.cpp    validation passes over the whole document: variants' shape, duplicate ids, requirement ids,
//                         reachability
//
// [SECTION] Diagnostic helpers
// [SECTION] Compiler

#pragma once
#include "runtime/spec/catalog.h"
#include "runtime/spec/json_text.h"
#include "runtime/spec/spec.h"
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Diagnostic helpers
//-----------------------------------------------------------------------------

std::string inQuotes(std::string_view s);                      // 'name', as messages quote names
Diagnostic located(Diagnostic::Level level, std::string pointer, std::string message);  // a diagnostic at a JSON Pointer
std::string didYouMean(const std::string& suggestion);       // " (did you mean 'x'?)", or "" when there is no suggestion
bool isExpressionString(const Json& v);                      // a string holding "${"

//-----------------------------------------------------------------------------
// [SECTION] Compiler
//-----------------------------------------------------------------------------

// A component from "components", ready to expand where it is used.
struct ComponentDef {
    std::string name, pointer;
    std::vector<std::pair<std::string, Json>> params;  // name -> default
    const Json* body = nullptr;
};

// Compiles one document (a variant already applied, or the spec as written) into `spec`, adding what it finds
// wrong to `diags`. Never throws.
class Compiler {
public:
    Compiler(const Json& doc, Spec& spec, std::vector<Diagnostic>& diags) : m_doc(doc), m_spec(spec), m_diags(diags) {}
    void run();  // every section, then the validation passes

private:
    const Json& m_doc;
    Spec& m_spec;
    std::vector<Diagnostic>& m_diags;
    std::set<std::string> m_screenIds, m_overlayIds, m_actionNames, m_mockNames;
    std::vector<ComponentDef> m_components;
    std::vector<std::string> m_componentStack;  // recursion guard
    std::vector<std::string> m_scopeNames;      // repeat aliases, params in scope while compiling
    std::set<std::string> m_stateKeys;
    std::set<std::string> m_checkedVariants;    // "variants" pointers already checked (component bodies compile once per use)
    int m_nodeCount = 0;

    void error(const std::string& ptr, std::string msg);
    void warn(const std::string& ptr, std::string msg);
    // A name that is not valid here: the message gets a did-you-mean, the diagnostic what repair needs.
    void unknownName(Diagnostic::Level level, const std::string& ptr, const std::string& msg, const std::string& name,
                     std::vector<std::string> cands, bool isKey);

    // compile_document.cpp
    const Json* section(const char* key, const char* notAnObject);  // the object at /key; null when absent or not an object (reported)
    void collectNames();
    void checkTopKeys();
    void compileMeta();
    void compileRequirements(const Json& list, const std::string& ptr);
    void compileTheme();
    void compileState();
    void compileComponents();
    void compileNamedActions();
    void compileMocks();
    void compileScreens();
    void compileOverlays();
    void compileNav();
    void compileNavItems(const Json& items, const std::string& ptr);
    void completeNav();

    // compile_nodes.cpp
    Node compileNode(const Json& raw, const std::string& ptr, const std::string& key, int depth);
    std::vector<Node> compileNodes(const Json& raw, const std::string& ptr, const std::string& key, int depth);
    Node unknownWidget(const std::string& type, const std::string& typeKey, const std::string& id, const std::string& ptr, const std::string& key);
    void compileNodeKey(Node& n, const std::string& k, const Json& v, const std::string& ptr, int depth, const ComponentDef* comp);
    void compileEvents(Node& n, const Json& v, const std::string& ptr);
    void compileProp(Node& n, const std::string& k, const Json& v, const std::string& ptr, int depth);
    void compileParam(Node& n, const ComponentDef& comp, const std::string& k, const Json& v, const std::string& ptr);
    void compileLayout(Node& n, const std::string& k, const Json& v, const std::string& ptr);
    void compileRules(Node& n, const Json& v, const std::string& ptr);
    void compileRepeat(Node& n, const Json& v, const std::string& ptr, int depth);
    void expandComponent(Node& n, const ComponentDef& comp, int depth);
    const ComponentDef* component(std::string_view name) const;

    // compile_actions.cpp
    ActionList compileActions(const Json& raw, const std::string& ptr);
    bool compileAction(const Json& raw, const std::string& ptr, ActionStep* out);
    bool compileNamedStep(const std::string& name, const std::string& ptr, ActionStep* out);
    void compileStepKey(const ActionDef& def, const std::string& kind, const std::string& k, const Json& v, const std::string& ptr, ActionStep* out);
    void checkTarget(const ActionDef& def, const Template& main, const std::string& ptr);

    // compile_values.cpp
    Template compileTemplate(const Json& raw, const std::string& ptr);
    void checkType(const Json& raw, const PropDef& def, const std::string& ptr, const std::string& owner);

    // compile_checks.cpp
    void checkVariants(const Json& v, const std::string& ptr);
    void checkIds();
    void checkRequirements();  // requirement ids that point at nothing (a warning: the prototype still runs)
    void checkReachability();
    void checkEnterLoops();  // onEnter steps that navigate round in a circle unconditionally
};

} // namespace pt
