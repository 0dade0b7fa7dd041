// Promptotype tests — PlannedModel: the answers a model gives the parallel generation path, made from a finished
// spec (a sample), so tests and the bench can serve them from FakeLlmServer: the plan answer (shell, plan, state,
// overlays, requirements) and one {"screen": ...} answer per screen, or, when asked to split screens as the plan
// message asks a model to, one answer per part of a long screen. Also: which call a request is, and an answer cut into
// pieces the size of real model tokens. Answers are compact JSON, as the system prompt asks.
//
//   PlannedModel model(sampleJson);
//   server.respondWith([&](const RecordedRequest& r, size_t) { return FakeReply::sse(openAiStream(modelTokens(model.answerFor(r)))); });

#pragma once
#include "fake_llm_server.h"
#include "generator/generator.h"
#include "runtime/spec/token_count.h"
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace pt::test {

class PlannedModel {
public:
    // `splitScreens`: a screen of several sections and over kSplitTokens is planned in parts (at most 3, contiguous
    // runs of its body nodes of about equal size), each answered on its own.
    explicit PlannedModel(const Json& spec, bool splitScreens = false) {
        Json plan = Json::object();
        plan["spec"] = spec.value("spec", 1);
        Json meta = Json::object();
        for (const char* key : {"name", "device", "now"})
            if (spec["meta"].contains(key)) meta[key] = spec["meta"][key];
        plan["meta"] = meta;
        for (const char* key : {"theme", "nav"})
            if (spec.contains(key)) plan[key] = spec[key];
        Json data = Json::object(), screens = Json::array();
        for (auto& [key, value] : spec["state"].items()) data[key] = describe(value);
        for (auto& [id, screen] : spec["screens"].items()) {
            std::string title = screen.value("title", id);
            Json entry = {{"id", id}, {"title", title.find("${") == std::string::npos ? title : id},
                          {"purpose", "what " + id + " shows and does, which state it reads and changes, and where its buttons lead"}};
            screenAnswers[id] = Json{{"screen", screen}}.dump();
            if (splitScreens && countTokens(screenAnswers[id]) > kSplitTokens) split(id, screen, entry);
            screens.push_back(entry);
        }
        plan["plan"] = {{"data", data}, {"screens", screens}};
        plan["state"] = spec["state"];
        if (spec.contains("overlays")) plan["overlays"] = spec["overlays"];
        Json requirements = Json::array();
        for (auto& r : spec["meta"].value("requirements", Json::array())) requirements.push_back({{"text", r["text"]}, {"ids", Json::array({spec["nav"]["start"]})}});
        plan["requirements"] = requirements;
        planAnswer = plan.dump();
    }

    // The call a request makes: "plan", or the screen id it asks for, whole or a part (its repair rounds too).
    static std::string callOf(const RecordedRequest& request) {
        std::string ask = askOf(request);
        const std::string screen = "the screen \"";
        size_t at = ask.find(screen);
        if (at == std::string::npos) return "plan";
        at += screen.size();
        return ask.substr(at, ask.find('"', at) - at);
    }

    // The part a screen call asks for (0 for the first), or -1 when it asks for a whole screen or the plan.
    static int partOf(const RecordedRequest& request) {
        std::string ask = askOf(request);
        return ask.rfind("Write part ", 0) == 0 ? std::atoi(ask.c_str() + 11) - 1 : -1;
    }

    const std::string& answerFor(const RecordedRequest& request) const {
        std::string call = callOf(request);
        int part = partOf(request);
        if (auto parts = partAnswers.find(call); part >= 0 && parts != partAnswers.end() && part < (int)parts->second.size()) return parts->second[(size_t)part];
        auto it = screenAnswers.find(call);
        return it == screenAnswers.end() ? planAnswer : it->second;
    }

    static constexpr int kSplitTokens = 250;
    std::string planAnswer;                            // the plan call's answer
    std::map<std::string, std::string> screenAnswers;  // screen id -> the answer writing it whole
    std::map<std::string, std::vector<std::string>> partAnswers;   // split screen id -> each part's answer

private:
    // The user turn asking for a screen or part (the first after the plan), or "" for the plan call.
    static std::string askOf(const RecordedRequest& request) {
        auto body = request.json();
        if (!body.is_object() || !body.contains("messages")) return "";
        for (auto& m : body["messages"]) {
            std::string text = m.value("content", "");
            if (text.rfind("Write the screen \"", 0) == 0 || text.rfind("Write part ", 0) == 0) return text;
        }
        return "";
    }

    // Plans `screen` in parts: its body in up to 3 runs of nodes of about equal tokens, each part named by the widgets
    // it holds ("card with ring, row"); the first part answers with the screen's title and bar.
    void split(const std::string& id, const Json& screen, Json& entry) {
        const Json& body = screen["body"];
        if (!body.is_array() || body.size() < 2) return;
        size_t parts = std::min<size_t>(3, body.size());
        int total = 0;
        std::vector<int> sizes;
        for (auto& node : body) total += sizes.emplace_back(countTokens(node.dump()));
        std::vector<Json> runs(1, Json::array());
        int sofar = 0;
        for (size_t i = 0; i < body.size(); ++i) {   // a node whose middle passes the next boundary starts a part
            bool past = sofar + sizes[i] / 2 > total * (int)runs.size() / (int)parts;
            if (past && !runs.back().empty() && runs.size() < parts) runs.push_back(Json::array());
            runs.back().push_back(body[i]);
            sofar += sizes[i];
        }
        if (runs.size() < 2) return;
        Json lines = Json::array();
        for (size_t k = 0; k < runs.size(); ++k) {
            Json part = Json::object();
            if (k == 0) {
                for (auto& [key, value] : screen.items()) part[key] = key == "body" ? runs[0] : value;
            } else part["body"] = runs[k];
            partAnswers[id].push_back(Json{{"screen", part}}.dump());
            std::string line;
            for (auto& node : runs[k]) line += (line.empty() ? "" : "; ") + section(node);
            lines.push_back(line);
        }
        entry["parts"] = lines;
    }

    // A plan's line for a body node, as a model names a section: "card with row, text", "input 'What do you want'".
    static std::string section(const Json& node) {
        if (!node.is_object() || node.empty()) return "node";
        std::string kind = node.begin().key(), out = kind;
        const Json& v = node.begin().value();
        if (v.is_string()) {
            std::istringstream in(v.get<std::string>());
            std::string word, words;
            for (int n = 0; n < 3 && in >> word; ++n) words += (n ? " " : "") + word;
            out += " '" + words + "'";
        } else if (v.is_array()) {
            std::string inner;
            for (auto& child : v)
                if (child.is_object() && !child.empty() && inner.find(child.begin().key()) == std::string::npos && inner.size() < 24)
                    inner += (inner.empty() ? "" : ", ") + child.begin().key();
            if (!inner.empty()) out += " with " + inner;
        }
        return out;
    }

    // "list of {id, name, done}", "object {name, room}", "number": plan.data's one line per state key.
    static std::string describe(const Json& v) {
        auto fields = [](const Json& o) {
            std::string out;
            for (auto& [k, x] : o.items()) out += (out.empty() ? "" : ", ") + k;
            return "{" + out + "}";
        };
        if (v.is_array()) return "list of " + (!v.empty() && v[0].is_object() ? fields(v[0]) : std::string("values"));
        if (v.is_object()) return "object " + fields(v);
        return v.type_name();
    }
};

// `text` in pieces the size of model tokens: a piece ends wherever the o200k estimate of the text so far passes another
// whole token, so every stretch of the text (a shell of long words, state full of digits) takes as many pieces as it
// has tokens, and the whole as many as countTokens says. None splits a UTF-8 character. At 50 pieces a second this is
// a model writing 50 tokens a second.
inline std::vector<std::string> modelTokens(const std::string& text) {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t end = 1; end < text.size(); ++end) {
        if (((unsigned char)text[end] & 0xC0) == 0x80) continue;
        if (countTokens(std::string_view(text).substr(0, end)) <= (int)out.size()) continue;
        out.push_back(text.substr(from, end - from));
        from = end;
    }
    if (from < text.size() || out.empty()) out.push_back(text.substr(from));
    return out;
}

// One SSE event per piece: the cut offsets that make FakeLlmServer write each piece on its own.
inline std::vector<size_t> eventCuts(const std::string& body) {
    std::vector<size_t> cuts;
    for (size_t at = body.find("\n\ndata: "); at != std::string::npos; at = body.find("\n\ndata: ", at + 2)) cuts.push_back(at + 2);
    return cuts;
}

} // namespace pt::test
