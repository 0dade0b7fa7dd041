// Promptotype — the built page's title for `share`, and `export`'s static folder.
//
// [SECTION] The page's files
// [SECTION] Export

#include "share/page_export.h"
#include "runtime/spec/files.h"
#include "runtime/spec/json_text.h"
#include "runtime/spec/spec_loader.h"
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <random>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] The page's files
//-----------------------------------------------------------------------------

std::string htmlEscaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string titledPage(std::string html, const std::string& title) {
    const std::string original = "<title>Promptotype</title>";
    if (size_t at = html.find(original); at != std::string::npos && !title.empty())
        html.replace(at, original.size(), "<title>" + htmlEscaped(title) + " — Promptotype</title>");
    return html;
}

//-----------------------------------------------------------------------------
// [SECTION] Export
//-----------------------------------------------------------------------------

namespace {

// The block of index.html that names the page's own files (the preloads of the .wasm and .data); an export puts its
// bundle, spec and settings there instead.
constexpr const char* kFilesBegin = "<!-- pt:files -->";
constexpr const char* kFilesEnd = "<!-- /pt:files -->";

std::string base64(const std::string& bytes) {
    static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        unsigned n = (unsigned char)bytes[i] << 16;
        if (i + 1 < bytes.size()) n |= (unsigned char)bytes[i + 1] << 8;
        if (i + 2 < bytes.size()) n |= (unsigned char)bytes[i + 2];
        out += digits[(n >> 18) & 63];
        out += digits[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? digits[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? digits[n & 63] : '=';
    }
    return out;
}

// JSON text that can sit inside <script>: '<' only occurs inside JSON strings, where \u003c means the same, and
// without it no "</script>" or "<!--" can end the element early.
std::string scriptSafe(const std::string& json) {
    std::string out;
    for (char c : json) {
        if (c == '<') out += "\\u003c";
        else out += c;
    }
    return out;
}

std::string randomId() {
    std::random_device random;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%08x%08x", (unsigned)random(), (unsigned)random());
    return hex;
}

} // namespace

bool collectLink(const std::string& url, std::string* link) {
    std::string scheme = url.rfind("https://", 0) == 0 ? "https://" : url.rfind("http://", 0) == 0 ? "http://" : "";
    if (scheme.empty()) return false;
    const size_t hostEnd = url.find('/', scheme.size());
    if (hostEnd == std::string::npos || hostEnd == scheme.size()) return false;
    for (size_t i = scheme.size(); i < hostEnd; ++i)
        if (!std::isalnum((unsigned char)url[i]) && std::string_view(".-:[]").find(url[i]) == std::string_view::npos) return false;
    std::string path = url.substr(hostEnd);
    if (path.size() == 35) path += '/';  // "/s/" + 32 hex digits
    if (path.size() != 36 || path.compare(0, 3, "/s/") != 0 || path.back() != '/') return false;
    for (size_t i = 3; i < 35; ++i)
        if (!std::isxdigit((unsigned char)path[i]) || std::isupper((unsigned char)path[i])) return false;
    *link = url.substr(0, hostEnd) + path;
    return true;
}

bool exportPage(const ExportOptions& options, std::vector<std::string>* written, std::string* error) {
    auto fail = [&](const std::string& message) {
        if (error) *error = message;
        return false;
    };
    std::string specText;
    if (!readFileText(options.specPath, &specText)) return fail(options.specPath + ": cannot be read");
    LoadResult loaded = SpecLoader::loadText(specText, options.specPath);
    if (!loaded.spec || loaded.hasErrors()) return fail(loaded.format(options.specPath));

    namespace fs = std::filesystem;
    const fs::path page(options.pageDir), out(options.outDir);
    std::string html, glue, wasm, data;
    if (!readFileText((page / "index.html").string(), &html) || !readFileText((page / "promptotype.js").string(), &glue) ||
        !readFileText((page / "promptotype.wasm").string(), &wasm) || !readFileText((page / "promptotype.data").string(), &data))
        return fail(options.pageDir + ": the web page is not built: configure with -DPT_WEB=ON (scripts/test.sh does)");
    const size_t begin = html.find(kFilesBegin), end = html.find(kFilesEnd);
    if (begin == std::string::npos || end == std::string::npos || end < begin)
        return fail((page / "index.html").string() + ": no " + kFilesBegin + " block to put the spec in: is the page from this build?");

    Json settings = {{"id", randomId()}, {"spec", fs::path(options.specPath).stem().string()}};
    if (!options.collectUrl.empty()) settings["collect"] = options.collectUrl;
    const std::string embedded =
        "<script src=\"promptotype-bundle.js\"></script>\n"
        "<script type=\"application/json\" id=\"pt-export\">" + scriptSafe(settings.dump()) + "</script>\n"
        "<script type=\"application/json\" id=\"pt-spec\">" + scriptSafe(specText) + "</script>\n";
    html.replace(begin, end + std::string_view(kFilesEnd).size() - begin, embedded);
    html = titledPage(std::move(html), options.title);
    const std::string bundle = "window.ptBundle = {wasm: \"" + base64(wasm) + "\", data: \"" + base64(data) + "\"};\n";

    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) return fail(options.outDir + ": cannot be created: " + ec.message());
    const std::pair<const char*, const std::string*> files[] = {
        {"index.html", &html}, {"promptotype.js", &glue}, {"promptotype-bundle.js", &bundle}, {"spec.json", &specText}};
    for (const auto& [name, text] : files) {
        const std::string path = (out / name).string();
        if (!writeFileAtomic(path, *text, error)) return false;
        if (written) written->push_back(path);
    }
    return true;
}

} // namespace pt
