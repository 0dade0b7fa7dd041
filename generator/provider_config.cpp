// Promptotype — provider settings: the user config file, environment variables, the choice of
// provider, the `promptotype providers` table, key masking and the provider factory.
//
// [SECTION] Helpers
// [SECTION] Config file
// [SECTION] Resolution
// [SECTION] Description
// [SECTION] Factory

#include "generator/offline/offline_drafter.h"
#include "generator/provider.h"
#include "generator/llm/credentials.h"
#include "generator/llm/providers_internal.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include "runtime/spec/catalog.h"
#include <cstdio>
#include <cstdlib>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

const char* const kProviderNames[] = {"openai", "anthropic", "command", "offline"};

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// config.doc[section][key] as a string ("" when absent; types were checked by load()).
std::string configValue(const ProviderConfig& config, const char* section, const char* key) {
    if (!config.doc.is_object() || !config.doc.contains(section) || !config.doc[section].is_object()) return "";
    const Json& s = config.doc[section];
    return s.contains(key) && s[key].is_string() ? s[key].get<std::string>() : "";
}

std::string firstSet(std::initializer_list<std::string> values) {
    for (const std::string& v : values)
        if (!v.empty()) return v;
    return "";
}

std::string configPathForMessages() {
    std::string path = ProviderConfig::defaultPath();
    return path.empty() ? "~/.config/promptotype/config.json" : path;
}

constexpr const char* kIdleTimeoutRange = "expected seconds without a byte from the model before giving up, a number from 0.1 to 3600";

// `sec` when it is a usable idle timeout, else -1.
double idleTimeoutValue(double sec) {
    return sec >= 0.1 && sec <= 3600 ? sec : -1;
}

// PROMPTOTYPE_IDLE_TIMEOUT, else the config file's "idle_timeout", else the default (a malformed variable is ignored).
double idleTimeoutSetting(const ProviderConfig& config) {
    std::string fromEnv = env("PROMPTOTYPE_IDLE_TIMEOUT");
    char* end = nullptr;
    double sec = fromEnv.empty() ? -1 : idleTimeoutValue(std::strtod(fromEnv.c_str(), &end));
    if (sec > 0 && end && *end == 0) return sec;
    const Json& doc = config.doc;
    if (doc.is_object() && doc.contains("idle_timeout") && doc["idle_timeout"].is_number()) return doc["idle_timeout"].get<double>();
    return (double)limits::kIdleTimeout.value;
}

bool isHttpUrl(const std::string& url) {
    return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

// What keeps `s` from becoming a provider ("" when nothing).
std::string settingsProblem(const ProviderSettings& s) {
    if (s.provider == "openai" || s.provider == "anthropic") {
        if (!s.baseUrl.empty() && !isHttpUrl(s.baseUrl))
            return s.provider + ": the base URL \"" + maskCredentials(s.baseUrl) + "\" must start with http:// or https://";
        bool publicOpenAi = s.baseUrl.empty() || s.baseUrl.find("api.openai.com") != std::string::npos;
        if (s.provider == "openai" && s.apiKey.empty() && publicOpenAi)
            return "OPENAI_API_KEY is not set (or add openai.api_key to " + configPathForMessages() +
                   "; for a local server set OPENAI_BASE_URL, e.g. http://127.0.0.1:11434/v1)";
        if (s.provider == "anthropic" && s.apiKey.empty())
            return "ANTHROPIC_API_KEY is not set (or add anthropic.api_key to " + configPathForMessages() + ")";
        return "";
    }
    if (s.provider == "command")
        return s.command.empty() ? "the command provider needs a command: --command \"CMD\" (or command.command in " +
                                   configPathForMessages() + ")" : "";
    if (s.provider == "offline") return "";
    std::string hint = closestName(s.provider, {std::begin(kProviderNames), std::end(kProviderNames)});
    return "unknown provider \"" + s.provider + "\"" + (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
           "; choose openai, anthropic, command or offline";
}

} // namespace

std::string maskSecret(std::string_view secret) {
    if (secret.empty()) return "";
    if (secret.size() < 16) return "***";   // too short to show any of it safely
    return std::string(secret.substr(0, 3)) + "…" + std::string(secret.substr(secret.size() - 4));
}

//-----------------------------------------------------------------------------
// [SECTION] Config file
//-----------------------------------------------------------------------------

std::string ProviderConfig::defaultPath() {
    std::string explicitPath = env("PROMPTOTYPE_CONFIG");
    if (!explicitPath.empty()) return explicitPath;
    std::string xdg = env("XDG_CONFIG_HOME");
    if (!xdg.empty()) return xdg + "/promptotype/config.json";
    std::string home = env("HOME");
    return home.empty() ? "" : home + "/.config/promptotype/config.json";
}

ProviderConfig ProviderConfig::load(const std::string& path) {
    ProviderConfig config;
    config.doc = Json::object();
    if (path.empty()) return config;
    std::string content;
    if (!readFileText(path, &content)) return config;   // no config file is the normal case
    config.path = path;
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) return config;

    Json doc;
    Diagnostic problem;
    auto reject = [&](std::string pointer, std::string message) {
        problem.pointer = std::move(pointer);
        problem.message = std::move(message);
        config.error = problem.format(path) + " (the config file is ignored)";
        return config;
    };
    if (!parseJsonText(content, &doc, &problem)) {
        config.error = problem.format(path) + " (the config file is ignored)";
        return config;
    }
    if (!doc.is_object()) return reject("", "expected a JSON object like {\"provider\": \"openai\", \"openai\": {\"model\": \"...\"}}");
    if (doc.contains("provider") && !doc["provider"].is_string()) return reject("/provider", "expected a string (openai, anthropic, command or offline)");
    if (doc.contains("idle_timeout") && idleTimeoutValue(doc["idle_timeout"].is_number() ? doc["idle_timeout"].get<double>() : -1) < 0)
        return reject("/idle_timeout", kIdleTimeoutRange);
    for (const char* section : {"openai", "anthropic", "command"}) {
        if (!doc.contains(section)) continue;
        const Json& s = doc[section];
        std::string at = std::string("/") + section;
        if (!s.is_object()) return reject(at, "expected an object");
        for (auto it = s.begin(); it != s.end(); ++it)
            if (!it.value().is_string()) return reject(at + "/" + it.key(), "expected a string");
    }
    config.doc = std::move(doc);
    return config;
}

//-----------------------------------------------------------------------------
// [SECTION] Resolution
//-----------------------------------------------------------------------------

ProviderSettings resolveProvider(const ProviderConfig& config, const std::string& nameOverride,
                                 const std::string& modelOverride, const std::string& commandOverride) {
    ProviderSettings s;
    std::string configured = config.doc.is_object() && config.doc.contains("provider") && config.doc["provider"].is_string()
                                 ? config.doc["provider"].get<std::string>() : "";
    if (!nameOverride.empty()) {
        s.provider = nameOverride;
        s.source = "--provider";
    } else if (!commandOverride.empty()) {
        s.provider = "command";
        s.source = "--command";
    } else if (!configured.empty()) {
        s.provider = configured;
        s.source = "config file " + config.path;
    } else if (!env("OPENAI_API_KEY").empty() || !env("OPENAI_BASE_URL").empty()) {
        s.provider = "openai";
        s.source = env("OPENAI_BASE_URL").empty() ? "OPENAI_API_KEY is set" : "OPENAI_BASE_URL is set";
    } else if (!env("ANTHROPIC_API_KEY").empty()) {
        s.provider = "anthropic";
        s.source = "ANTHROPIC_API_KEY is set";
    } else {
        s.provider = "offline";
        s.source = "no LLM is configured";
    }

    if (s.provider == "openai") {
        s.baseUrl = firstSet({env("OPENAI_BASE_URL"), configValue(config, "openai", "base_url"), kOpenAiDefaultBaseUrl});
        s.apiKey = firstSet({env("OPENAI_API_KEY"), configValue(config, "openai", "api_key")});
        s.model = firstSet({modelOverride, configValue(config, "openai", "model"), kOpenAiDefaultModel});
    } else if (s.provider == "anthropic") {
        s.baseUrl = firstSet({env("ANTHROPIC_BASE_URL"), configValue(config, "anthropic", "base_url"), kAnthropicDefaultBaseUrl});
        s.apiKey = firstSet({env("ANTHROPIC_API_KEY"), configValue(config, "anthropic", "api_key")});
        s.model = firstSet({modelOverride, configValue(config, "anthropic", "model"), kAnthropicDefaultModel});
    } else if (s.provider == "command") {
        s.model = modelOverride;
    }
    s.command = firstSet({commandOverride, configValue(config, "command", "command")});
    s.idleTimeoutSec = idleTimeoutSetting(config);
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Description
//-----------------------------------------------------------------------------

namespace {

// Pads to `width` columns, counting a UTF-8 sequence ("…") as one column.
std::string padded(const std::string& s, size_t width) {
    size_t columns = 0;
    for (char c : s)
        if (((unsigned char)c & 0xC0) != 0x80) ++columns;
    return s + std::string(width > columns ? width - columns : 1, ' ');
}

std::string keyColumn(const std::string& key, const char* envName) {
    if (key.empty()) return std::string("not set (") + envName + ")";
    bool fromEnv = !env(envName).empty();
    return maskSecret(key) + (fromEnv ? std::string(" (") + envName + ")" : std::string(" (config file)"));
}

} // namespace

std::string describeProviders(const ProviderConfig& config) {
    std::string out = "config file: ";
    if (!config.path.empty()) out += config.path + "\n";
    else out += "none (looked for " + configPathForMessages() + ")\n";
    if (!config.error.empty()) out += "  problem: " + config.error + "\n";
    out += "\n" + padded("PROVIDER", 11) + padded("STATUS", 16) + padded("MODEL", 22) + padded("BASE URL / COMMAND", 41) + "KEY\n";

    for (const char* name : kProviderNames) {
        ProviderSettings s = resolveProvider(config, name);
        std::string problem = settingsProblem(s);
        std::string status = problem.empty() ? "ready" : "not configured";
        std::string model = s.model.empty() ? "-" : s.model, where, key;
        if (s.provider == "openai") {
            where = maskCredentials(s.baseUrl);
            key = keyColumn(s.apiKey, "OPENAI_API_KEY");
        } else if (s.provider == "anthropic") {
            where = maskCredentials(s.baseUrl);
            key = keyColumn(s.apiKey, "ANTHROPIC_API_KEY");
        } else if (s.provider == "command") {
            where = s.command.empty() ? "not set (--command or command.command)" : maskCredentials(s.command);
            key = "-";
        } else {
            model = "built-in drafter";
            where = "no network";
            key = "-";
        }
        out += padded(name, 11) + padded(status, 16) + padded(model, 22) + padded(where, 41) + key + "\n";
    }

    ProviderSettings chosen = resolveProvider(config);
    char idle[96];
    snprintf(idle, sizeof idle, "\nidle timeout: %g s (PROMPTOTYPE_IDLE_TIMEOUT or \"idle_timeout\" in the config file)\n", chosen.idleTimeoutSec);
    out += idle;
    std::string because = chosen.source == "--provider" ? "--provider asks for it"
                        : chosen.source.rfind("config file", 0) == 0 ? "the " + chosen.source + " asks for it" : chosen.source;
    out += "\nwould use: " + chosen.provider + " (because " + because + ")";
    std::string problem = settingsProblem(chosen);
    if (!problem.empty()) out += " — but " + problem;
    return out + "\n";
}

//-----------------------------------------------------------------------------
// [SECTION] Factory
//-----------------------------------------------------------------------------

std::unique_ptr<LlmProvider> makeProvider(const ProviderSettings& settings, std::string* error) {
    std::string problem = settingsProblem(settings);
    if (!problem.empty()) {
        if (error) *error = problem;
        return nullptr;
    }
    if (settings.provider == "openai") return makeOpenAiProvider(settings);
    if (settings.provider == "anthropic") return makeAnthropicProvider(settings);
    if (settings.provider == "command") return makeCommandProvider(settings);
    return makeOfflineProvider();
}

} // namespace pt
