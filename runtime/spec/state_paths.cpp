// Promptotype — state paths: "a.b.0", "/a/b/0" or "a[0].b" into the JSON state.

#include "runtime/spec/state_paths.h"
#include <algorithm>
#include <cctype>

namespace pt {

bool splitPath(std::string_view path, std::vector<std::string>* segments) {
    segments->clear();
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) segments->push_back(cur);
        cur.clear();
    };
    for (size_t i = 0; i < path.size(); ++i) {
        char c = path[i];
        if (c == '.' || c == '/') flush();
        else if (c == '[') {
            flush();
            size_t close = path.find(']', i);
            if (close == std::string_view::npos) return false;
            std::string inner(path.substr(i + 1, close - i - 1));
            if (inner.size() >= 2 && (inner.front() == '\'' || inner.front() == '"')) inner = inner.substr(1, inner.size() - 2);
            if (inner.empty()) return false;
            segments->push_back(inner);
            i = close;
        } else if (c == '~' && i + 1 < path.size() && (path[i + 1] == '0' || path[i + 1] == '1')) {
            cur += path[i + 1] == '0' ? '~' : '/';
            ++i;
        } else cur += c;
    }
    flush();
    return !segments->empty();
}

namespace {

bool arrayIndex(const std::string& seg, size_t size, size_t* out) {
    if (seg.empty() || seg.size() > 9 || !std::all_of(seg.begin(), seg.end(), ::isdigit)) return false;
    *out = (size_t)std::stoul(seg);
    return *out < size;
}

} // namespace

const Json* findPath(const Json& root, std::string_view path) {
    std::vector<std::string> segs;
    if (!splitPath(path, &segs)) return nullptr;
    const Json* cur = &root;
    for (auto& s : segs) {
        if (cur->is_object()) {
            auto it = cur->find(s);
            if (it == cur->end()) return nullptr;
            cur = &*it;
        } else if (cur->is_array()) {
            size_t i;
            if (!arrayIndex(s, cur->size(), &i)) return nullptr;
            cur = &(*cur)[i];
        } else return nullptr;
    }
    return cur;
}

bool assignPath(Json& root, std::string_view path, Json value, std::string* error) {
    std::vector<std::string> segs;
    if (!splitPath(path, &segs)) { if (error) *error = "empty or malformed path"; return false; }
    Json* cur = &root;
    for (size_t k = 0; k < segs.size(); ++k) {
        const std::string& s = segs[k];
        bool last = k + 1 == segs.size();
        if (cur->is_null()) *cur = Json::object();
        if (cur->is_object()) {
            cur = &(*cur)[s];
        } else if (cur->is_array()) {
            size_t i;
            if (!arrayIndex(s, cur->size(), &i)) {
                if (error) *error = "index '" + s + "' is outside a list of " + std::to_string(cur->size());
                return false;
            }
            cur = &(*cur)[i];
        } else {
            if (error) *error = "'" + s + "' is inside a " + cur->type_name() + ", not an object";
            return false;
        }
        if (last) *cur = std::move(value);
    }
    return true;
}

namespace {

void measure(const Json& v, int depth, long long maxBytes, int maxDepth, JsonSize& out) {
    out.depth = std::max(out.depth, depth);
    out.bytes += 16;
    if (out.bytes > maxBytes || depth > maxDepth) return;
    if (v.is_string()) out.bytes += (long long)v.get_ref<const std::string&>().size();
    else if (v.is_object())
        for (auto it = v.begin(); it != v.end() && out.bytes <= maxBytes && out.depth <= maxDepth; ++it) {
            out.bytes += (long long)it.key().size();
            measure(it.value(), depth + 1, maxBytes, maxDepth, out);
        }
    else if (v.is_array())
        for (auto it = v.begin(); it != v.end() && out.bytes <= maxBytes && out.depth <= maxDepth; ++it)
            measure(*it, depth + 1, maxBytes, maxDepth, out);
}

} // namespace

JsonSize measureJson(const Json& value, long long maxBytes, int maxDepth) {
    JsonSize out;
    measure(value, 1, maxBytes, maxDepth, out);
    return out;
}

} // namespace pt
