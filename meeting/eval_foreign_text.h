// Promptotype — the foreign-text check of `promptotype eval`: UI text copied from an unrelated domain.
//
// A template that brings its own rows shows words the request never used: a concert in a bourbon bar, a leather
// jacket in an agriculture shop, a shopping cart for expense claims. A visible word is foreign to an entry when
//   - the entry's request, domain label and term checks do not use it,
//   - it is neither a stop word nor in a small generic UI vocabulary (home, settings, save, today, total, ...),
//   - and it is a domain word of another entry of the corpus: a word of that entry's request or domain label that
//     at most kDomainWordMaxEntries entries use (so words many requests share, like "team" or "report", never count).
// Words are runs of at least 4 letters, compared lower case with a plural ending ("s", "es", "ies") taken off. The
// check finds leakage between the domains the corpus covers; words of domains it does not cover go unseen.
//
// [SECTION] Domain words

#pragma once
#include "meeting/eval_corpus.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Domain words
//-----------------------------------------------------------------------------

inline constexpr int kDomainWordMaxEntries = 3;  // a word more requests use than this is shared vocabulary, not a domain's

// A visible word that belongs to another entry's domain.
struct ForeignWord {
    std::string word;   // as shown (lower case)
    std::string from;   // the id of an entry whose domain word it is
};

// The domain words of every entry of a corpus, built once per run.
class DomainWords {
public:
    explicit DomainWords(const std::vector<CorpusEntry>& corpus);
    // The foreign words among `visibleTexts` for `entry`, each once, in the order they first appear.
    std::vector<ForeignWord> foreignWords(const CorpusEntry& entry, const std::vector<std::string>& visibleTexts) const;

private:
    std::map<std::string, std::string> m_owner;  // word stem -> the first entry whose domain word it is
};

} // namespace pt
