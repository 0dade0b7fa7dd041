// Promptotype — targets implementation.
//
// [SECTION] Matching
// [SECTION] Closest labels
// [SECTION] Describing

#include "runtime/engine/targets.h"
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <tuple>

namespace pt {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = (char)std::tolower((unsigned char)c);
    return out;
}

// How good a candidate is, compared field by field: the layer it sits in (higher is on top), then enabled
// control > disabled control > anything else, then exact label > case-insensitive, then in view > scrolled away.
struct Rank {
    int layer = 0, control = 0, exact = 0, shown = 0;
    bool operator<(const Rank& o) const { return std::tie(layer, control, exact, shown) < std::tie(o.layer, o.control, o.exact, o.shown); }
    bool operator==(const Rank& o) const { return !(*this < o) && !(o < *this); }
};

Rank rankOf(const Probe& p, bool exact) {
    return {p.layer, p.clickable ? (p.enabled ? 2 : 1) : 0, exact ? 1 : 0, inView(p) ? 1 : 0};
}

struct Candidate {
    const Probe* probe;
    Rank rank;
};

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Matching
//-----------------------------------------------------------------------------

ImRect visiblePart(const Probe& p) {
    ImRect r = p.rect;
    r.ClipWithFull(p.clip);
    return r;
}

bool inView(const Probe& p) {
    const ImRect r = visiblePart(p);
    return r.GetWidth() >= 2 && r.GetHeight() >= 2;
}

const Probe* probeAt(const std::vector<Probe>& probes, ImVec2 pos, bool* live) {
    const Probe *best = nullptr, *anyHit = nullptr;
    float bestArea = FLT_MAX, anyArea = FLT_MAX;
    for (const Probe& p : probes) {
        ImRect visible = p.rect;
        visible.ClipWith(p.clip);
        if (!visible.Contains(pos)) continue;
        float area = visible.GetWidth() * visible.GetHeight();
        if (p.clickable && p.hasAction && p.enabled && area <= bestArea) { best = &p; bestArea = area; }
        if (area <= anyArea) { anyHit = &p; anyArea = area; }
    }
    if (live) *live = best != nullptr;
    return best ? best : anyHit;
}

namespace {

std::vector<std::string> closestLabels(const std::vector<Probe>& probes, std::string_view target);

// Candidates TARGET names exactly: by spec id or probe key. A node's first probe is the node itself; the ones after
// it with the same key are its parts (a select's options, a date field's days), which only their labels name.
std::vector<Candidate> exactCandidates(const std::vector<Probe>& probes, std::string_view target) {
    std::vector<Candidate> out;
    for (const Probe& p : probes) {
        if (p.id != target && p.key != target) continue;
        bool seen = std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.probe->key == p.key; });
        if (!seen) out.push_back({&p, rankOf(p, true)});
    }
    return out;
}

std::vector<Candidate> labelCandidates(const std::vector<Probe>& probes, std::string_view target) {
    std::vector<Candidate> out;
    const std::string wanted = lower(target);
    for (const Probe& p : probes) {
        const bool exact = p.label == target;
        if (exact || (!p.label.empty() && p.label.size() == target.size() && lower(p.label) == wanted)) out.push_back({&p, rankOf(p, exact)});
    }
    return out;
}

} // namespace

TargetMatch matchTarget(const std::vector<Probe>& probes, std::string_view target) {
    TargetMatch m;
    std::vector<Candidate> candidates = exactCandidates(probes, target);
    const bool exact = !candidates.empty();
    if (!exact) candidates = labelCandidates(probes, target);
    if (candidates.empty()) {
        m.closest = closestLabels(probes, target);
        return m;
    }
    Rank best;
    for (const Candidate& c : candidates) best = std::max(best, c.rank);
    if (exact) {  // an id inside a repeat names its instances: the best placed one, the first drawn among equals
        m.probe = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) { return c.rank == best; })->probe;
        return m;
    }
    for (const Candidate& c : candidates) {
        if (!(c.rank == best)) continue;
        // The same control recorded twice (same key and label) is one candidate.
        bool same = std::any_of(m.tied.begin(), m.tied.end(), [&](const Probe* t) { return t->key == c.probe->key && t->label == c.probe->label; });
        if (!same) m.tied.push_back(c.probe);
    }
    if (m.tied.size() == 1) {
        m.probe = m.tied.front();
        m.tied.clear();
    }
    return m;
}

const Probe* findProbe(const std::vector<Probe>& probes, std::string_view target) { return matchTarget(probes, target).probe; }

std::string TargetMatch::problem(std::string_view target, std::string_view screen) const {
    std::string out;
    if (!tied.empty()) {
        out = "'" + std::string(target) + "' matches " + std::to_string(tied.size()) + " widgets equally:";
        const size_t shown = std::min<size_t>(tied.size(), 6);
        for (size_t i = 0; i < shown; ++i) out += "\n  " + describeProbe(*tied[i]);
        if (shown < tied.size()) out += "\n  ... and " + std::to_string(tied.size() - shown) + " more";
        out += "\nname one by its key (or its id, when it has one), e.g. \"" + tied.front()->key + "\"";
        return out;
    }
    out = "no widget '" + std::string(target) + "' on screen '" + std::string(screen) + "'";
    if (!closest.empty()) {
        out += "; closest labels on screen:";
        for (size_t i = 0; i < closest.size(); ++i) out += (i ? ", '" : " '") + closest[i] + "'";
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Closest labels
//-----------------------------------------------------------------------------

namespace {

// Edit distance (insertions, deletions, substitutions) of the first 64 bytes of each.
size_t editDistance(std::string_view a, std::string_view b) {
    a = a.substr(0, 64);
    b = b.substr(0, 64);
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The five labels of controls on screen nearest to TARGET (a label containing it, or contained in it, counts as
// one edit away), nearest first, then in drawing order.
std::vector<std::string> closestLabels(const std::vector<Probe>& probes, std::string_view target) {
    const std::string wanted = lower(target);
    std::vector<std::pair<size_t, std::string>> scored;
    for (const Probe& p : probes) {
        if (!p.clickable || p.label.empty()) continue;
        if (std::any_of(scored.begin(), scored.end(), [&](const auto& s) { return s.second == p.label; })) continue;
        const std::string label = lower(p.label);
        const bool within = !wanted.empty() && (label.find(wanted) != std::string::npos || wanted.find(label) != std::string::npos);
        scored.push_back({within ? 1 : editDistance(wanted, label), p.label});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (size_t i = 0; i < scored.size() && i < 5; ++i) out.push_back(scored[i].second);
    return out;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Describing
//-----------------------------------------------------------------------------

const char* layerName(int layer) {
    return layer == kChromeLayer ? "app chrome" : layer == kContentLayer ? "screen" : "overlay";
}

std::string describeProbe(const Probe& p) {
    std::string out(p.type);
    if (!p.label.empty()) out += " '" + p.label + "'";
    if (!p.id.empty()) out += " #" + std::string(p.id);
    out += ", key \"" + p.key + "\", in the " + std::string(layerName(p.layer)) + " at (" + std::to_string((int)std::lround(p.rect.Min.x)) +
           ", " + std::to_string((int)std::lround(p.rect.Min.y)) + ")";
    if (!inView(p)) out += " (scrolled out of view)";
    if (p.clickable && !p.enabled) out += " (disabled)";
    return out;
}

} // namespace pt
