// Promptotype — masking credentials in texts shown to people: provider settings, command lines and errors.
//
// A meeting screen is shared, so nothing that prints a base URL, a command line or a provider's error
// shows a key: every such place passes its text through maskCredentials().

#pragma once
#include <string>
#include <string_view>

namespace pt {

// `text` (a URL, a command line, an error message) with every credential in it masked by maskSecret: URL user
// info, secret-named query values (key, token, secret, password, auth, sig, ...), the values of --api-key X,
// -k X, --token=X, NAME_KEY=X and Bearer X, and words that look like keys (sk-..., long random strings).
std::string maskCredentials(std::string_view text);

std::string scrubSecret(std::string text, const std::string& secret);   // replaces every occurrence of a known secret with its mask

} // namespace pt
