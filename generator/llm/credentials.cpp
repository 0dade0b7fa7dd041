// Promptotype — credential masking (see credentials.h).

#include "generator/llm/credentials.h"
#include "generator/provider.h"
#include <algorithm>
#include <cctype>
#include <cstring>

namespace pt {

namespace {

bool isKeyChar(char c) { return std::isalnum((unsigned char)c) || c == '-' || c == '_'; }

// A setting whose value is a secret, by its name: api_key, X-Api-Key, token, client_secret, password, auth, sig, ...
bool isSecretName(std::string_view name) {
    std::string lower;
    for (char c : name) lower += (char)std::tolower((unsigned char)c);
    for (const char* word : {"key", "token", "secret", "passw", "pwd", "auth", "sig", "credential", "session", "cookie"})
        if (lower.find(word) != std::string::npos) return true;
    return false;
}

// A word of [A-Za-z0-9_-] that is a key by its look: a known key prefix (sk-, ghp_, hf_, AIza, ...), or a
// stretch of 20+ letters and digits mixing both, as random keys are and model names, paths and words are not.
bool looksLikeKey(std::string_view word) {
    for (const char* prefix : {"sk-", "sk_", "pk_", "rk_", "ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "hf_", "gsk_", "r8_", "AIza"}) {
        size_t n = std::strlen(prefix);
        if (word.size() >= n + 12 && word.compare(0, n, prefix) == 0) return true;
    }
    size_t run = 0, digits = 0, letters = 0;
    for (size_t i = 0; i <= word.size(); ++i) {
        char c = i < word.size() ? word[i] : '-';
        if (std::isalnum((unsigned char)c)) {
            ++run;
            (std::isdigit((unsigned char)c) ? digits : letters) += 1;
            continue;
        }
        if (run >= 20 && digits >= 2 && letters >= 2) return true;
        run = digits = letters = 0;
    }
    return false;
}

// `s` with every key-looking word masked, the punctuation around it kept (JSON, headers, paths).
std::string maskKeyWords(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        if (!isKeyChar(s[i])) { out += s[i++]; continue; }
        size_t end = i;
        while (end < s.size() && isKeyChar(s[end])) ++end;
        std::string_view word = s.substr(i, end - i);
        out += looksLikeKey(word) ? maskSecret(word) : std::string(word);
        i = end;
    }
    return out;
}

// A value with the quotes around it kept and the rest masked: "'sk-abc…'" -> "'sk-…wxyz'".
std::string maskValue(std::string_view value) {
    size_t b = 0, e = value.size();
    while (b < e && (value[b] == '"' || value[b] == '\'')) ++b;
    while (e > b && (value[e - 1] == '"' || value[e - 1] == '\'')) --e;
    return std::string(value.substr(0, b)) + maskSecret(value.substr(b, e - b)) + std::string(value.substr(e));
}

// A URL with its user info and secret-named query values masked.
std::string maskUrl(std::string_view url) {
    size_t scheme = url.find("://");
    size_t authorityEnd = url.find_first_of("/?#", scheme + 3);
    if (authorityEnd == std::string_view::npos) authorityEnd = url.size();
    std::string out(url.substr(0, scheme + 3));
    std::string_view authority = url.substr(scheme + 3, authorityEnd - scheme - 3);
    size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        std::string_view info = authority.substr(0, at);
        size_t colon = info.find(':');
        out += colon == std::string_view::npos ? maskSecret(info) : std::string(info.substr(0, colon + 1)) + maskSecret(info.substr(colon + 1));
        out += '@';
        authority.remove_prefix(at + 1);
    }
    out += authority;
    std::string_view rest = url.substr(authorityEnd);
    size_t query = rest.find('?');
    out += maskKeyWords(rest.substr(0, query));
    if (query == std::string_view::npos) return out;
    out += '?';
    rest.remove_prefix(query + 1);
    while (!rest.empty()) {
        size_t amp = rest.find_first_of("&#");
        std::string_view param = rest.substr(0, amp);
        size_t eq = param.find('=');
        if (eq != std::string_view::npos && isSecretName(param.substr(0, eq)))
            out += std::string(param.substr(0, eq + 1)) + maskSecret(param.substr(eq + 1));
        else out += maskKeyWords(param);
        if (amp == std::string_view::npos) break;
        out += rest[amp];
        rest.remove_prefix(amp + 1);
    }
    return out;
}

// One whitespace-separated word of a command line or message. Sets `valueNext` when the word announces
// a secret as the next word (--api-key X, -k X, Bearer X).
std::string maskWord(std::string_view word, bool* valueNext) {
    std::string_view core = word;
    while (!core.empty() && (core.front() == '"' || core.front() == '\'')) core.remove_prefix(1);
    if (core.size() > 1 && core[0] == '-') {
        size_t eq = core.find('=');
        std::string_view name = core.substr(0, eq);
        while (!name.empty() && name.front() == '-') name.remove_prefix(1);
        if (isSecretName(name) || name == "k") {
            if (eq == std::string_view::npos) { *valueNext = true; return std::string(word); }
            size_t cut = word.size() - core.size() + eq + 1;
            return std::string(word.substr(0, cut)) + maskValue(word.substr(cut));
        }
    }
    std::string lower;
    for (char c : core) lower += (char)std::tolower((unsigned char)c);
    if (lower == "bearer" || lower == "basic") { *valueNext = true; return std::string(word); }
    size_t eq = core.find('=');
    if (eq != std::string_view::npos && eq > 0 && isSecretName(core.substr(0, eq)) &&
        std::all_of(core.begin(), core.begin() + eq, [](char c) { return std::isalnum((unsigned char)c) || c == '_'; })) {
        size_t cut = word.size() - core.size() + eq + 1;
        return std::string(word.substr(0, cut)) + maskValue(word.substr(cut));
    }
    if (core.find("://") != std::string_view::npos) {
        size_t start = word.find("://");
        while (start > 0 && (std::isalnum((unsigned char)word[start - 1]) || word[start - 1] == '+')) --start;
        return std::string(word.substr(0, start)) + maskUrl(word.substr(start));
    }
    return maskKeyWords(word);
}

} // namespace

std::string maskCredentials(std::string_view text) {
    std::string out;
    bool valueNext = false;
    for (size_t i = 0; i < text.size();) {
        if (std::isspace((unsigned char)text[i])) { out += text[i++]; continue; }
        size_t end = i;
        while (end < text.size() && !std::isspace((unsigned char)text[end])) ++end;
        std::string_view word = text.substr(i, end - i);
        i = end;
        if (valueNext && word[0] != '-') {
            valueNext = false;
            out += maskValue(word);
            continue;
        }
        valueNext = false;
        out += maskWord(word, &valueNext);
    }
    return out;
}

std::string scrubSecret(std::string text, const std::string& secret) {
    if (secret.size() < 6) return text;   // shorter "keys" would mangle ordinary words
    std::string mask = maskSecret(secret);
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + mask.size()))
        text.replace(at, secret.size(), mask);
    return text;
}

} // namespace pt
