// Promptotype — verbs about one spec file, without a meeting: validate, shot, inspect, schema, docs.

#include "app/cli.h"
#include "runtime/headless/inspector.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/limits.h"
#include "runtime/spec/spec_loader.h"
#include <algorithm>
#include <cstdio>
#include <iostream>

namespace pt::cli {
namespace {

int cmdValidate(const Args& a) {
    if (a.positional.empty()) { std::cerr << "usage: promptotype validate SPEC...\n"; return 2; }
    int code = 0;
    for (auto& path : a.positional) {
        LoadResult r = SpecLoader::loadFile(path);
        std::cerr << r.format(path);
        if (r.unreadable) code = 2;
        else if (r.hasErrors() || !r.spec) code = std::max(code, 1);
    }
    if (code == 0) std::cout << a.positional.size() << (a.positional.size() == 1 ? " spec is valid\n" : " specs are valid\n");
    return code;
}

bool parseSize(const std::string& s, ImVec2* out) {
    int w = 0, h = 0;
    if (std::sscanf(s.c_str(), "%dx%d", &w, &h) != 2 || w < 100 || h < 100 || w > 8192 || h > 8192) return false;
    *out = ImVec2((float)w, (float)h);
    return true;
}

int cmdShot(const Args& a) {
    if (a.positional.size() != 1 || !a.has("-o")) { std::cerr << "usage: promptotype shot SPEC -o DIR [--screen ID] [--size WxH] [--dark]\n"; return 2; }
    ImVec2 size(0, 0);
    if (a.has("--size") && !parseSize(a.get("--size"), &size)) { std::cerr << "--size wants WIDTHxHEIGHT, e.g. 390x844\n"; return 2; }
    LoadedSpec loaded = loadForRender(a.positional[0]);
    if (!loaded.spec) return loaded.exitCode;
    return writeShots(loaded.spec, a.get("-o"), a.get("--screen"), size, a.has("--dark"));
}

int cmdInspect(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "usage: promptotype inspect SPEC [--layout [--size WxH]]\n"; return 2; }
    ImVec2 size(0, 0);
    if (a.has("--size") && !parseSize(a.get("--size"), &size)) { std::cerr << "--size wants WIDTHxHEIGHT, e.g. 390x844\n"; return 2; }
    if (a.has("--size") && !a.has("--layout")) { std::cerr << "--size goes with --layout: promptotype inspect SPEC --layout --size WxH\n"; return 2; }
    LoadedSpec loaded = loadForRender(a.positional[0]);
    if (!loaded.spec) return loaded.exitCode;
    std::cout << (a.has("--layout") ? inspectLayout(loaded.spec, size) : inspectSpec(loaded.spec)).dump(2) << "\n";
    return 0;
}

int cmdSchema(const Args&) {
    std::cout << documentSchema().dump(2) << "\n";
    return 0;
}

int cmdDocs(const Args&) {
    std::cout << catalogMarkdown() << "\n" << limitsMarkdown();
    return 0;
}

const VerbRegistrar registrar({
    {"validate", 5, "validate SPEC...", "check specs; one line per problem (FILE:LINE:COL or FILE:/json/pointer); exit 0 valid, 1 invalid, 2 unreadable", cmdValidate},
    {"shot", 6, "shot SPEC -o DIR [--screen ID] [--size WxH] [--dark]", "write one PNG per screen (no display needed)", cmdShot},
    {"inspect", 12, "inspect SPEC [--layout [--size WxH]]",
     "JSON: screens, widgets, edges, dead controls, unreachable screens, visible texts, requirements and their problems; --layout: every node's rect and text per screen, with layout contract violations", cmdInspect},
    {"schema", 13, "schema", "print the JSON Schema of the spec format (generated from the widget catalog)", cmdSchema},
    {"docs", 14, "docs", "print the widget and action reference (Markdown, generated from the catalog)", cmdDocs},
});

} // namespace
} // namespace pt::cli
