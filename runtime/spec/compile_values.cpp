// Promptotype — the spec compiler: diagnostics, templates (expressions and the names they use) and prop type
// checks. See spec_compiler.h.
//
// [SECTION] Diagnostics
// [SECTION] Templates
// [SECTION] Type checks

#include "runtime/spec/spec_compiler.h"
#include "runtime/spec/vocabulary.h"
#include <algorithm>
#include <cstdlib>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Diagnostics
//-----------------------------------------------------------------------------

std::string inQuotes(std::string_view s) { return "'" + std::string(s) + "'"; }

Diagnostic located(Diagnostic::Level level, std::string pointer, std::string message) {
    Diagnostic d;
    d.level = level;
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    return d;
}

std::string didYouMean(const std::string& suggestion) {
    return suggestion.empty() ? "" : " (did you mean " + inQuotes(suggestion) + "?)";
}

bool isExpressionString(const Json& v) { return v.is_string() && v.get<std::string>().find("${") != std::string::npos; }

void Compiler::error(const std::string& ptr, std::string msg) { m_diags.push_back(located(Diagnostic::Level::Error, ptr, std::move(msg))); }
void Compiler::warn(const std::string& ptr, std::string msg) { m_diags.push_back(located(Diagnostic::Level::Warning, ptr, std::move(msg))); }

void Compiler::unknownName(Diagnostic::Level level, const std::string& ptr, const std::string& msg, const std::string& name,
                           std::vector<std::string> cands, bool isKey) {
    Diagnostic d = located(level, ptr, msg + didYouMean(closestName(name, cands)));
    d.subject = name;
    d.candidates = std::move(cands);
    d.subjectIsKey = isKey;
    m_diags.push_back(std::move(d));
}

//-----------------------------------------------------------------------------
// [SECTION] Templates
//-----------------------------------------------------------------------------

namespace {

// Names always in scope besides state keys.
const std::vector<std::string>& runtimeNames() {
    static const std::vector<std::string> names = {"params", "result", "error", "args", "it", "value", "event", "index", "item"};
    return names;
}

} // namespace

Template Compiler::compileTemplate(const Json& raw, const std::string& ptr) {
    Template t;
    std::string err, errPtr;
    if (!t.compile(raw, &err, &errPtr)) {
        error(ptr + errPtr, "expression: " + err);
        return Template::literal(nullptr);
    }
    // Unknown variables are warnings: they evaluate to null, which is rarely what the author meant.
    for (auto& id : t.identifiers()) {
        bool known = m_stateKeys.count(id) ||
                     std::find(m_scopeNames.begin(), m_scopeNames.end(), id) != m_scopeNames.end() ||
                     std::find(runtimeNames().begin(), runtimeNames().end(), id) != runtimeNames().end();
        if (!known) {
            std::vector<std::string> cands(m_stateKeys.begin(), m_stateKeys.end());
            cands.insert(cands.end(), m_scopeNames.begin(), m_scopeNames.end());
            warn(ptr, "unknown variable " + inQuotes(id) + didYouMean(closestName(id, cands)));
        }
    }
    for (auto& fn : t.functions()) {
        auto& builtins = builtinFunctionNames();
        if (fn != "pending" && std::find(builtins.begin(), builtins.end(), fn) == builtins.end())
            error(ptr, "unknown function " + inQuotes(fn) + didYouMean(closestName(fn, builtins)));
    }
    return t;
}

//-----------------------------------------------------------------------------
// [SECTION] Type checks
//-----------------------------------------------------------------------------

void Compiler::checkType(const Json& raw, const PropDef& def, const std::string& ptr, const std::string& owner) {
    if (isExpressionString(raw) || raw.is_null()) return;
    auto bad = [&](const char* expected) {
        error(ptr, inQuotes(def.name) + " of " + owner + " should be " + expected + ", got " + raw.dump().substr(0, 40));
    };
    switch (def.type) {
    case PropType::Number:
        if (!raw.is_number()) {
            if (raw.is_string()) {  // "12" and "12px" are forgiven; "big" is not
                char* end = nullptr;
                std::string s = raw.get<std::string>();
                std::strtod(s.c_str(), &end);
                if (end == s.c_str()) bad("a number");
            } else bad("a number");
        }
        break;
    case PropType::Bool:
        if (!raw.is_boolean()) bad("true or false");
        break;
    case PropType::Enum: case PropType::Tone: {
        const std::vector<std::string>& choices = def.type == PropType::Tone ? documentVocabulary().tones : def.options;
        if (!raw.is_string() || std::find(choices.begin(), choices.end(), raw.get<std::string>()) == choices.end()) {
            std::string s = raw.is_string() ? raw.get<std::string>() : raw.dump();
            unknownName(Diagnostic::Level::Error, ptr, inQuotes(def.name) + " of " + owner + " must be one of " + oneOf(choices) + "; got " + inQuotes(s), s, choices, false);
        }
        break;
    }
    case PropType::Color: {
        // A tone, a color, or a keyword of this prop; an unknown word is most likely a misspelt tone.
        const std::vector<std::string>& tones = documentVocabulary().tones;
        std::string s = raw.is_string() ? raw.get<std::string>() : raw.dump();
        std::uint32_t packed = 0;
        bool known = raw.is_string() && (std::find(tones.begin(), tones.end(), s) != tones.end() ||
                                         std::find(def.options.begin(), def.options.end(), s) != def.options.end() || parseColor(s, &packed));
        if (!known) {
            std::vector<std::string> names = tones;
            names.insert(names.end(), def.options.begin(), def.options.end());
            unknownName(Diagnostic::Level::Error, ptr, inQuotes(def.name) + " of " + owner + " must be a tone (" + oneOf(names) + ") or a color like \"#4F7CFF\"; got " + inQuotes(s), s, names, false);
        }
        break;
    }
    case PropType::Array:
        if (!raw.is_array()) bad("an array");
        break;
    case PropType::Object:
        if (!raw.is_object()) bad("an object");
        break;
    case PropType::String: case PropType::Icon:
        if (raw.is_object() || raw.is_array()) bad("text");
        break;
    case PropType::Any: case PropType::Nodes:
        break;
    }
}

} // namespace pt
