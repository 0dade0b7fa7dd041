// Promptotype tests — PlannedModel: the answers a model gives the parallel generation path, made from a finished
// spec (a sample), so tests and the bench can serve them from FakeLlmServer: the plan answer (shell, plan, state,
// overlays, requirements) and one {"screen": ...} answer per screen. Also: which call a request is, and an answer cut
// into pieces the size of real model tokens.
//
//   PlannedModel model(sampleJson);
//   server.respondWith([&](const RecordedRequest& r, size_t) { return FakeReply::sse(openAiStream(modelTokens(model.answerFor(r)))); });

#pragma once
#include "fake_llm_server.h"
#include "generator/generator.h"
#include "runtime/spec/token_count.h"
#include <map>
#include <string>
#include <vector>

namespace pt::test {

class PlannedModel {
public:
    explicit PlannedModel(const Json& spec) {
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
            screens.push_back({{"id", id}, {"title", title.find("${") == std::string::npos ? title : id},
                               {"purpose", "what " + id + " shows and does, which state it reads and changes, and where its buttons lead"}});
            screenAnswers[id] = formatSpec(Json{{"screen", screen}});
        }
        plan["plan"] = {{"data", data}, {"screens", screens}};
        plan["state"] = spec["state"];
        if (spec.contains("overlays")) plan["overlays"] = spec["overlays"];
        Json requirements = Json::array();
        for (auto& r : spec["meta"].value("requirements", Json::array())) requirements.push_back({{"text", r["text"]}, {"ids", Json::array({spec["nav"]["start"]})}});
        plan["requirements"] = requirements;
        planAnswer = formatSpec(plan);
    }

    // The call a request makes: "plan", or the screen id it asks for (its repair rounds too).
    static std::string callOf(const RecordedRequest& request) {
        auto body = request.json();
        if (!body.is_object() || !body.contains("messages")) return "";
        const std::string ask = "Write the screen \"";
        for (auto& m : body["messages"]) {
            std::string text = m.value("content", "");
            size_t at = text.find(ask);
            if (at == std::string::npos) continue;
            at += ask.size();
            return text.substr(at, text.find('"', at) - at);
        }
        return "plan";
    }

    const std::string& answerFor(const RecordedRequest& request) const {
        std::string call = callOf(request);
        auto it = screenAnswers.find(call);
        return it == screenAnswers.end() ? planAnswer : it->second;
    }

    std::string planAnswer;                            // the plan call's answer
    std::map<std::string, std::string> screenAnswers;  // screen id -> its call's answer

private:
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

// `text` in pieces the size of model tokens: as many pieces as the text has o200k tokens (estimated), none splitting a
// UTF-8 character. At 50 pieces a second this is a model writing 50 tokens a second.
inline std::vector<std::string> modelTokens(const std::string& text) {
    size_t count = (size_t)std::max(1, countTokens(text));
    std::vector<std::string> out;
    for (size_t i = 0, n = 0; i < text.size(); ++n) {
        size_t end = std::min(text.size(), (text.size() * (n + 1)) / count);
        if (end <= i) end = i + 1;
        while (end < text.size() && ((unsigned char)text[end] & 0xC0) == 0x80) ++end;
        out.push_back(text.substr(i, end - i));
        i = end;
    }
    return out;
}

// One SSE event per piece: the cut offsets that make FakeLlmServer write each piece on its own.
inline std::vector<size_t> eventCuts(const std::string& body) {
    std::vector<size_t> cuts;
    for (size_t at = body.find("\n\ndata: "); at != std::string::npos; at = body.find("\n\ndata: ", at + 2)) cuts.push_back(at + 2);
    return cuts;
}

} // namespace pt::test
