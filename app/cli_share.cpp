// Promptotype — `promptotype share`: the prototype served to stakeholders' browsers by link, with a QR code, until
// Ctrl-C.

#include "app/cli.h"
#include "runtime/spec/spec_loader.h"
#include "share/qr_text.h"
#include "share/share_server.h"
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

const VerbRegistrar registrar({
    {"share", 16, "share SPEC [--port N] [--lan] [--split A,B] [--name TITLE] [--page DIR]",
     "serve the prototype to browsers by link (and QR code); their sessions and reactions land beside the spec; Ctrl-C stops", cmdShare},
});

} // namespace
} // namespace pt::cli
