// Promptotype — SpecLoader: reading, parsing and compiling a document, with every variant validated.
//
// The JSON text is read by json_text.cpp, compiled by the Compiler (spec_compiler.h); this file puts them
// together and checks each variant the document has.
//
// [SECTION] Load results
// [SECTION] Variants (every one validated, problems located where the variant is written)
// [SECTION] SpecLoader

#include "runtime/spec/spec_loader.h"
#include "runtime/spec/spec_compiler.h"
#include "runtime/spec/variants.h"
#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Load results
//-----------------------------------------------------------------------------

bool LoadResult::hasErrors() const {
    for (auto& d : diagnostics)
        if (d.level == Diagnostic::Level::Error) return true;
    return false;
}

std::string LoadResult::format(const std::string& file) const {
    std::string out;
    for (auto& d : diagnostics) out += d.format(file) + "\n";
    return out;
}

namespace {

std::atomic<size_t> g_compiledDocuments{0};

// One document (a variant already applied, or the spec as written) compiled on its own.
LoadResult compileDocument(const Json& doc, const std::string& file) {
    g_compiledDocuments.fetch_add(1, std::memory_order_relaxed);
    LoadResult r;
    auto spec = std::make_shared<Spec>();
    spec->file = file;
    Compiler(doc, *spec, r.diagnostics).run();
    if (!spec->screens.empty()) r.spec = std::move(spec);
    return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Variants
//-----------------------------------------------------------------------------

bool samePlace(const std::string& ptr, const std::string& base) {  // `ptr` is `base` or inside it
    return ptr.compare(0, base.size(), base) == 0 && (ptr.size() == base.size() || ptr[base.size()] == '/');
}

void clearHint(Diagnostic& d) {
    d.subject.clear();
    d.candidates.clear();
    d.subjectIsKey = false;
}

// A problem found while compiling variant `name` is moved to where that variant is written: the same place inside
// the variant's patch when the patch has it ("/screens/home/body/2/variants/B/buton"), else the variant's entry.
void relocate(Diagnostic& d, const Json& doc, const std::vector<VariantSite>& sites, const std::string& name) {
    d.message = "variant " + name + ": " + d.message;
    std::vector<const VariantSite*> own;  // the places this variant is written
    for (const VariantSite& s : sites)
        if (std::find(s.names.begin(), s.names.end(), name) != s.names.end()) own.push_back(&s);
    // Sites around the problem, innermost first. A node's own patch may have been overwritten by a patch around it
    // (a screen variant that rewrites the body), so the site is the innermost one whose patch has the problem's spot.
    std::vector<const VariantSite*> around;
    for (const VariantSite* s : own)
        if (samePlace(d.pointer, s->pointer)) around.push_back(s);
    std::sort(around.begin(), around.end(), [](const VariantSite* x, const VariantSite* y) { return x->pointer.size() > y->pointer.size(); });
    auto entryOf = [&](const VariantSite* s) { return s->pointer + "/variants/" + escapePointer(name); };
    for (const VariantSite* s : around) {
        if (d.pointer.size() == s->pointer.size()) continue;  // the site itself: its entry is the place
        std::string exact = entryOf(s) + d.pointer.substr(s->pointer.size());
        if (const Json* value = resolvePointer(doc, exact)) {
            // The repair hint still holds here: the same last key, or the same text.
            if (!d.subjectIsKey && !(value->is_string() && value->get<std::string>() == d.subject)) clearHint(d);
            d.pointer = exact;
            return;
        }
    }
    clearHint(d);  // at a variant's entry, the hint's name is no longer the last key
    if (!around.empty()) d.pointer = entryOf(around.front());
    else if (own.size() == 1) d.pointer = entryOf(own.front());  // elsewhere (a duplicate id, ...): its only cause
}

bool sameProblem(const Diagnostic& a, const Diagnostic& b) {
    return a.level == b.level && a.pointer == b.pointer && a.message == b.message;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] SpecLoader
//-----------------------------------------------------------------------------

LoadResult SpecLoader::loadJson(const Json& doc, const std::string& file) { return loadVariant(doc, "A", file); }

size_t SpecLoader::compiledDocuments() { return g_compiledDocuments.load(std::memory_order_relaxed); }

LoadResult SpecLoader::loadVariant(const Json& doc, const std::string& variant, const std::string& file) {
    LoadResult r = compileDocument(doc, file);  // "A", and the shape of every "variants" value
    std::vector<std::string> names = variantNames(doc);
    bool known = std::find(names.begin(), names.end(), variant) != names.end();
    if (!known) {
        std::string all;
        for (auto& n : names) all += (all.empty() ? "" : ", ") + n;
        Diagnostic d = located(Diagnostic::Level::Error, "", "no variant named " + inQuotes(variant) + " (this spec has " + all + ")" + didYouMean(closestName(variant, names)));
        d.subject = variant;
        d.candidates = names;
        r.diagnostics.push_back(std::move(d));
    }
    std::shared_ptr<Spec> shown = r.spec;
    if (names.size() > 1) {
        // Every variant is compiled; what it breaks that "A" does not is reported where the variant is written.
        std::vector<VariantSite> sites = variantSites(doc);
        std::vector<Diagnostic> asWritten = r.diagnostics;
        for (size_t i = 1; i < names.size(); ++i) {
            LoadResult v = compileDocument(applyVariant(doc, names[i]), file);
            for (Diagnostic& d : v.diagnostics) {
                if (std::any_of(asWritten.begin(), asWritten.end(), [&](const Diagnostic& a) { return sameProblem(a, d); })) continue;
                relocate(d, doc, sites, names[i]);
                r.diagnostics.push_back(std::move(d));
            }
            if (names[i] == variant) shown = v.spec;
        }
    }
    if (shown) {
        shown->source = doc;  // the document as written, whichever variant is shown
        shown->variants = names;
        shown->variant = known ? variant : "A";
    }
    r.spec = shown;
    return r;
}

LoadResult SpecLoader::loadText(std::string_view text, const std::string& file) {
    Json doc;
    Diagnostic d;
    if (!parseJsonText(text, &doc, &d)) {
        LoadResult r;
        r.diagnostics.push_back(d);
        return r;
    }
    return loadJson(doc, file);
}

LoadResult SpecLoader::loadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult r;
        r.unreadable = true;
        r.diagnostics.push_back(located(Diagnostic::Level::Error, "", "cannot read the file (does it exist?)"));
        return r;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        LoadResult r;
        r.unreadable = true;
        r.diagnostics.push_back(located(Diagnostic::Level::Error, "", "cannot read the file (is it a directory?)"));
        return r;
    }
    return loadText(ss.str(), path);
}

} // namespace pt
