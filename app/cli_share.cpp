// Promptotype — `promptotype share`: the prototype served to stakeholders' browsers by link, with a QR code, until
// Ctrl-C; `export`: the same page as a static folder for viewers to open on their own time; `import`: what such a
// page saved, merged into the logs beside the spec.

#include "app/cli.h"
#include "runtime/spec/spec_loader.h"
#include "share/page_export.h"
#include "share/qr_text.h"
#include "share/share_server.h"
#include "share/viewer_lines.h"
#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <filesystem>
#include <ifaddrs.h>
#include <iostream>
#include <net/if.h>
#include <netinet/in.h>
#include <sstream>
#include <thread>
#include <vector>

namespace pt::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;

// Only sets the flag: the main thread polls it and stops the server outside the handler.
extern "C" void onStopSignal(int) { g_stop = 1; }

// The first IPv4 address of an interface that is up and not loopback, or "" when there is none.
std::string lanAddress() {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return "";
    std::string found;
    for (ifaddrs* i = list; i && found.empty(); i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK)) continue;
        char text[INET_ADDRSTRLEN];
        if (inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, text, sizeof text)) found = text;
    }
    freeifaddrs(list);
    return found;
}

// "A,B" -> {"A", "B"}; false when a name is empty or repeated, or there are fewer than two.
bool parseSplit(const std::string& text, std::vector<std::string>* out) {
    std::stringstream in(text);
    std::string name;
    while (std::getline(in, name, ',')) {
        if (name.empty() || std::find(out->begin(), out->end(), name) != out->end()) return false;
        out->push_back(name);
    }
    return out->size() >= 2;
}

int cmdShare(const Args& a) {
    const char* usage = "usage: promptotype share SPEC [--port N] [--lan] [--split A,B] [--name TITLE] [--page DIR]\n";
    if (a.positional.size() != 1) { std::cerr << usage; return 2; }
    ShareOptions options;
    options.specPath = a.positional[0];
    if (a.has("--page")) options.pageDir = a.get("--page");
    if (a.has("--lan")) options.host = "0.0.0.0";
    options.title = a.get("--name");
    if (a.has("--port")) {
        std::string port = a.get("--port");
        char* end = nullptr;
        long n = std::strtol(port.c_str(), &end, 10);
        if (port.empty() || *end || n < 1 || n > 65535) { std::cerr << "--port wants a port number (1 to 65535)\n"; return 2; }
        options.port = (int)n;
    }
    if (a.has("--split") && !parseSplit(a.get("--split"), &options.variants)) {
        std::cerr << "--split wants two or more distinct variant names separated by commas, e.g. A,B\n";
        return 2;
    }

    LoadResult loaded = SpecLoader::loadFile(options.specPath);
    if (loaded.unreadable || !loaded.spec || loaded.hasErrors()) {
        std::cerr << loaded.format(options.specPath);
        return 2;
    }
    for (const char* file : {"index.html", "promptotype.js", "promptotype.wasm"})
        if (!std::filesystem::is_regular_file(std::filesystem::path(options.pageDir) / file)) {
            std::cerr << options.pageDir << ": the web page is not built: configure with -DPT_WEB=ON (scripts/test.sh does)\n";
            return 2;
        }

    ShareServer server(options);
    std::string error;
    if (!server.start(&error)) { std::cerr << error << "\n"; return 2; }
    std::string host = "127.0.0.1";
    if (a.has("--lan")) {
        host = lanAddress();
        if (host.empty()) {
            std::cout << "No LAN address found: the server listens on every address (0.0.0.0); use this machine's address.\n";
            host = "0.0.0.0";
        }
    }
    const std::string link = "http://" + host + ":" + std::to_string(server.port()) + server.path();
    std::cout << "Sharing " << options.specPath << " at\n  " << link << "\n\n" << qrTerminalText(link) << "\n";
    if (!options.variants.empty()) std::cout << "Split between " << a.get("--split") << ": each new viewer gets the variant shown least.\n";
    std::cout << "Press Ctrl-C to stop.\n" << std::flush;

    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    int shown = 0;
    while (!g_stop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (int n = server.viewers(); n != shown) {
            shown = n;
            std::cout << n << (n == 1 ? " viewer\n" : " viewers\n") << std::flush;
        }
    }
    server.stop();
    std::cout << "Stopped sharing.\n";
    return 0;
}

int cmdExport(const Args& a) {
    const char* usage = "usage: promptotype export SPEC -o DIR [--collect LINK] [--name TITLE] [--page DIR]\n";
    if (a.positional.size() != 1 || a.get("-o").empty()) { std::cerr << usage; return 2; }
    ExportOptions options;
    options.specPath = a.positional[0];
    options.outDir = a.get("-o");
    options.title = a.get("--name");
    if (a.has("--page")) options.pageDir = a.get("--page");
    if (a.has("--collect") && !collectLink(a.get("--collect"), &options.collectUrl)) {
        std::cerr << "--collect wants the link `promptotype share` prints: http://HOST:PORT/s/TOKEN/\n";
        return 2;
    }
    std::vector<std::string> written;
    std::string error;
    if (!exportPage(options, &written, &error)) {
        std::cerr << error << (error.empty() || error.back() == '\n' ? "" : "\n");
        return 2;
    }
    std::cout << "Exported " << options.specPath << " to " << options.outDir << ":\n";
    for (const std::string& file : written) std::cout << "  " << file << "\n";
    std::cout << "Open " << options.outDir << "/index.html in a browser, or put the folder on any static host or file share.\n";
    if (options.collectUrl.empty())
        std::cout << "Viewers keep their sessions and reactions in their browser and send you the file the page's Save tab gives them:\n"
                  << "  promptotype import " << options.specPath << " FILE\n";
    else
        std::cout << "Their sessions and reactions go to " << options.collectUrl << " while `promptotype share` runs there\n"
                  << "(and stay in their browser too, for the page's Save tab and `promptotype import`).\n";
    return 0;
}

int cmdImport(const Args& a) {
    if (a.positional.size() != 2) { std::cerr << "usage: promptotype import SPEC FILE\n"; return 2; }
    ImportSummary done;
    std::string error;
    if (!importViewerFile(a.positional[0], a.positional[1], &done, &error)) {
        std::cerr << error << "\n";
        return 2;
    }
    const std::string stem = std::filesystem::path(a.positional[0]).stem().string();
    if (!done.savedFrom.empty() && done.savedFrom != stem)
        std::cerr << "Note: " << a.positional[1] << " was saved from a page exported from '" << done.savedFrom << "', not from '" << stem
                  << "': reactions on widgets this spec does not have will show as orphaned in the report.\n";
    std::cout << "Imported " << done.sessionLines << " session events and " << done.reactions << " reactions"
              << (done.viewer.empty() ? "" : " from " + done.viewer) << " into the logs beside " << a.positional[0];
    if (done.alreadyThere) std::cout << " (" << done.alreadyThere << " already there)";
    std::cout << ".\n";
    return 0;
}

const VerbRegistrar registrar({
    {"share", 16, "share SPEC [--port N] [--lan] [--split A,B] [--name TITLE] [--page DIR]",
     "serve the prototype to browsers by link (and QR code); their sessions and reactions land beside the spec; Ctrl-C stops", cmdShare},
    {"export", 17, "export SPEC -o DIR [--collect LINK] [--name TITLE] [--page DIR]",
     "write the shared page as a static folder (any static host, or opened from a file share); reactions are saved in each browser or posted to a share LINK", cmdExport},
    {"import", 18, "import SPEC FILE",
     "merge the reactions file an exported page saved into the logs beside the spec (lines already there are skipped)", cmdImport},
});

} // namespace
} // namespace pt::cli
