// Promptotype — SessionLog implementation: event <-> JSON line, the durable log, and the figures.
//
// [SECTION] Events
// [SECTION] SessionLog
// [SECTION] Figures

#include "meeting/session_log.h"
#include "meeting/feedback.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Events
//-----------------------------------------------------------------------------

namespace {

const char* const kEventTypes[] = {"start", "screen", "click", "misclick", "input", "end"};
constexpr size_t kMaxValueBytes = 200;

bool knownEventType(const std::string& type) {
    return std::find(std::begin(kEventTypes), std::end(kEventTypes), type) != std::end(kEventTypes);
}

// At most `limit` bytes, cut at a UTF-8 character boundary.
std::string clipUtf8(const std::string& s, size_t limit) {
    if (s.size() <= limit) return s;
    size_t cut = limit;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) --cut;
    return s.substr(0, cut);
}

bool fail(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return false;
}

} // namespace

Json sessionEventToJson(const SessionEvent& e) {
    // Fields at their default are left out; reading fills them back in.
    Json j = Json::object();
    j["session"] = e.session;
    j["type"] = e.type;
    j["t"] = e.t;
    if (e.wall != 0) j["wall"] = e.wall;
    if (!e.screen.empty()) j["screen"] = e.screen;
    if (!e.widget.empty()) j["widget"] = e.widget;
    if (e.x >= 0 && e.y >= 0) {
        j["x"] = e.x;
        j["y"] = e.y;
    }
    if (!e.variant.empty()) j["variant"] = e.variant;
    if (!e.value.empty()) j["value"] = clipUtf8(e.value, kMaxValueBytes);
    return j;
}

bool sessionEventFromJson(const Json& j, SessionEvent* out, std::string* error) {
    if (!j.is_object()) return fail(error, "an event should be a JSON object");
    SessionEvent e;
    for (auto& [key, v] : j.items()) {
        std::string* text = key == "session" ? &e.session : key == "type" ? &e.type : key == "screen" ? &e.screen
                          : key == "widget" ? &e.widget : key == "variant" ? &e.variant : key == "value" ? &e.value : nullptr;
        if (text) {
            if (!v.is_string()) return fail(error, "\"" + key + "\" should be text");
            *text = v.get<std::string>();
        } else if (key == "t" || key == "wall" || key == "x" || key == "y") {
            if (!v.is_number()) return fail(error, "\"" + key + "\" should be a number");
            double d = v.get<double>();
            if (key == "t") e.t = d;
            else if (key == "wall") e.wall = d;
            else if (d >= -1 && d <= 2) (key == "x" ? e.x : e.y) = (float)d;  // a fraction of the area (-1 = none); a float cannot hold any double
            else return fail(error, "\"" + key + "\" should be a fraction of the prototype's area (0 to 1)");
        }
    }
    if (!knownEventType(e.type)) return fail(error, "\"type\" should be start, screen, click, misclick, input or end; got \"" + e.type + "\"");
    if (!j.contains("t")) return fail(error, "\"t\" (seconds since the session started) is missing");
    *out = std::move(e);
    return true;
}

SessionEvent inputEvent(const Node& node, const std::string& instanceKey, const Json& value) {
    SessionEvent e;
    e.type = "input";
    e.widget = anchorFor(node, instanceKey);
    e.value = clipUtf8(value.is_string() ? value.get<std::string>() : value.dump(), kMaxValueBytes);
    return e;
}

SessionEvent clickEvent(const Probe* hit, bool live, ImVec2 pos, const ImRect& area) {
    SessionEvent e;
    e.type = live ? "click" : "misclick";
    if (hit) e.widget = hit->node ? anchorFor(*hit->node, hit->key) : hit->key;
    e.x = (pos.x - area.Min.x) / std::max(1.0f, area.GetWidth());
    e.y = (pos.y - area.Min.y) / std::max(1.0f, area.GetHeight());
    return e;
}

//-----------------------------------------------------------------------------
// [SECTION] SessionLog
//-----------------------------------------------------------------------------

SessionLog::SessionLog(std::string specPath) : m_path(besideSpec(specPath, ".sessions.jsonl")) {}

bool SessionLog::append(const SessionEvent& e, std::string* error) {
    if (!knownEventType(e.type)) return fail(error, "unknown session event type \"" + e.type + "\"");
    return appendJsonLine(m_path, sessionEventToJson(e), error);
}

std::vector<SessionEvent> SessionLog::load(std::vector<std::string>* problems) const {
    return readJsonLines<SessionEvent>(m_path, problems, sessionEventFromJson);
}

//-----------------------------------------------------------------------------
// [SECTION] Figures
//-----------------------------------------------------------------------------

const ScreenFigures* VariantFigures::screen(std::string_view id) const {
    for (const ScreenFigures& s : screens)
        if (s.screen == id) return &s;
    return nullptr;
}

namespace {

std::string variantOf(const SessionEvent& e) { return e.variant.empty() ? "A" : e.variant; }

// Figures of one variant while they are being gathered: screens in the order first seen.
struct Tally {
    std::set<std::string> sessions;
    std::vector<ScreenFigures> screens;
    std::map<std::string, std::set<std::string>> reachedBy;  // screen -> sessions that entered it

    ScreenFigures& at(const std::string& id) {
        for (ScreenFigures& s : screens)
            if (s.screen == id) return s;
        screens.push_back(ScreenFigures{});
        screens.back().screen = id;
        return screens.back();
    }
};

// One session's events in one variant, oldest first: entries, time per screen, clicks, misclicks and inputs.
void tallyRun(const std::string& session, const std::vector<const SessionEvent*>& run, Tally& tally) {
    tally.sessions.insert(session);
    std::string current;
    double enteredAt = 0;
    auto leave = [&](double t) {
        if (!current.empty()) tally.at(current).seconds += std::max(0.0, t - enteredAt);
    };
    auto enter = [&](const std::string& screen, double t) {
        leave(t);
        current = screen;
        enteredAt = t;
        if (screen.empty()) return;
        tally.at(screen).visits++;
        tally.reachedBy[screen].insert(session);
    };
    for (size_t i = 0; i < run.size(); ++i) {
        const SessionEvent& e = *run[i];
        // The first event's screen counts as entered: a session starts somewhere even when no "screen" was logged.
        if (e.type == "screen" || i == 0) enter(e.screen, e.t);
        const std::string& where = e.screen.empty() ? current : e.screen;
        if (where.empty()) continue;
        if (e.type == "click") tally.at(where).clicks++;
        else if (e.type == "misclick") tally.at(where).misclicks++;
        else if (e.type == "input") tally.at(where).inputs++;
    }
    leave(run.back()->t);
}

} // namespace

std::vector<VariantFigures> computeFigures(const std::vector<SessionEvent>& events, const Spec& spec) {
    // (variant, session) -> that session's events in that variant, in log order.
    std::map<std::string, std::vector<std::pair<std::string, std::vector<const SessionEvent*>>>> runs;
    for (const SessionEvent& e : events) {
        auto& sessions = runs[variantOf(e)];
        auto it = std::find_if(sessions.begin(), sessions.end(), [&](const auto& s) { return s.first == e.session; });
        if (it == sessions.end()) it = sessions.insert(sessions.end(), {e.session, {}});
        it->second.push_back(&e);
    }
    std::vector<std::string> flow = flowOrder(spec);
    auto rank = [&](const std::string& id) { return size_t(std::find(flow.begin(), flow.end(), id) - flow.begin()); };

    std::vector<VariantFigures> out;
    for (auto& [variant, sessions] : runs) {
        Tally tally;
        for (auto& [session, run] : sessions) tallyRun(session, run, tally);
        VariantFigures vf;
        vf.variant = variant;
        vf.sessions = (int)tally.sessions.size();
        vf.screens = std::move(tally.screens);
        for (ScreenFigures& s : vf.screens) s.sessionsReached = (int)tally.reachedBy[s.screen].size();
        // Flow order first; screens the spec does not know (renamed since) keep the order they were first seen in.
        std::stable_sort(vf.screens.begin(), vf.screens.end(),
                         [&](const ScreenFigures& a, const ScreenFigures& b) { return rank(a.screen) < rank(b.screen); });
        out.push_back(std::move(vf));
    }
    std::stable_partition(out.begin(), out.end(), [](const VariantFigures& v) { return v.variant == "A"; });
    return out;
}

std::vector<HeatPoint> heatPoints(const std::vector<SessionEvent>& events, const std::string& screen, const std::string& variant) {
    std::vector<HeatPoint> points;
    for (const SessionEvent& e : events) {
        if ((e.type != "click" && e.type != "misclick") || e.screen != screen) continue;
        if (!variant.empty() && variantOf(e) != variant) continue;
        if (e.x < 0 || e.y < 0) continue;  // no pointer position recorded (a click driven by name)
        points.push_back({e.x, e.y, e.type == "misclick"});
    }
    return points;
}

std::vector<std::string> flowOrder(const Spec& spec) {
    std::vector<std::string> order;
    auto add = [&](const std::string& id) {
        if (!spec.screen(id) || std::find(order.begin(), order.end(), id) != order.end()) return false;
        order.push_back(id);
        return true;
    };
    std::vector<NavEdge> edges = navEdges(spec);
    // Screens reached from `from` in edge order; an overlay on the way (a confirm dialog) is passed through, not listed.
    std::function<void(const std::string&, std::set<std::string>&)> visit = [&](const std::string& from, std::set<std::string>& overlays) {
        for (const NavEdge& e : edges) {
            if (e.from != from) continue;
            if (spec.overlay(e.to) && !spec.screen(e.to)) {
                if (overlays.insert(e.to).second) visit(e.to, overlays);
            } else add(e.to);
        }
    };
    if (add(spec.nav.start))
        for (size_t i = 0; i < order.size(); ++i) {
            std::set<std::string> overlays;
            std::string from = order[i];  // a copy: visiting appends to `order`
            visit(from, overlays);
        }
    for (const NavItem& item : spec.nav.items) add(item.screen);
    for (const Screen& s : spec.screens) add(s.id);
    return order;
}

} // namespace pt
