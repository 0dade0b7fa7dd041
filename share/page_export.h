// Promptotype — the built web page as `share` serves it and as `export` writes it to a folder: a static copy that
// works from any static host, or opened straight from a file share (file://, where a page may load scripts but not
// fetch files), with the spec and the page's settings inside index.html and the WebAssembly and fonts inside one
// script.
//
// [SECTION] The page's files
// [SECTION] Export

#pragma once
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] The page's files
//-----------------------------------------------------------------------------

// `text` safe inside HTML text and attribute values.
std::string htmlEscaped(const std::string& text);

// The page (index.html's text) with TITLE in its <title> ("TITLE — Promptotype"); unchanged when the title is "".
std::string titledPage(std::string html, const std::string& title);

//-----------------------------------------------------------------------------
// [SECTION] Export
//-----------------------------------------------------------------------------

// What to export and where.
struct ExportOptions {
    std::string specPath;                  // the spec: it must load without errors
    std::string outDir;                    // created when missing; the export's own files in it are replaced
    std::string pageDir = PT_WEB_PAGE_DIR; // the built web page (index.html, promptotype.js/.wasm/.data)
    std::string collectUrl;                // a `share` link: the page posts sessions and reactions there ("" = none)
    std::string title;                     // shown in the page's title ("" = the page's own)
};

// The link `share` prints, as --collect wants it: "http(s)://HOST[:PORT]/s/TOKEN/" (the last '/' may be left out;
// it is added). False when `url` is not such a link.
bool collectLink(const std::string& url, std::string* link);

// Writes DIR/index.html (the spec and the settings embedded), DIR/promptotype.js, DIR/promptotype-bundle.js (the
// WebAssembly and the fonts, base64) and DIR/spec.json, each atomically. Viewers give their name, and their sessions
// and reactions are kept in their browser, offered as a file to `promptotype import`, and posted to collectUrl when
// there is one. `written` lists the files. False with a message (naming the file) otherwise.
bool exportPage(const ExportOptions& options, std::vector<std::string>* written, std::string* error);

} // namespace pt
