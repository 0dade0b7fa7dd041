// Fuzz target: the server-sent events decoder the HTTP providers read answers with (SseDecoder,
// generator/llm/http_client.h). The bytes are the wire; they are decoded three ways — in one feed, one byte
// per feed, and in chunks whose sizes come from the bytes themselves — and the three must give the same events
// (a network may split a stream anywhere, CR LF pairs included).
#include "generator/llm/http_client.h"
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

using Events = std::vector<pt::SseEvent>;

// Decodes `wire` fed in pieces of the sizes `nextChunk()` returns (at least 1), then closes the stream.
template <class NextChunk>
Events decode(std::string_view wire, NextChunk nextChunk) {
    Events events;
    pt::SseDecoder decoder;
    auto collect = [&](const pt::SseEvent& e) { events.push_back(e); return true; };
    for (size_t at = 0; at < wire.size();) {
        size_t n = std::min(nextChunk(), wire.size() - at);
        if (!decoder.feed(wire.substr(at, n), collect)) std::abort();   // the reader never asked to stop
        at += n;
    }
    decoder.finish(collect);
    return events;
}

bool same(const Events& a, const Events& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].event != b[i].event || a[i].data != b[i].data) return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view wire(reinterpret_cast<const char*>(data), size);
    Events whole = decode(wire, [&] { return wire.size(); });
    Events bytes = decode(wire, [] { return size_t(1); });
    size_t i = 0;
    Events chunks = decode(wire, [&] { return size_t(1 + data[i++ % size] % 17); });
    if (!same(whole, bytes) || !same(whole, chunks)) std::abort();
    return 0;
}
