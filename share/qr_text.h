// Promptotype — the share link as a QR code: its module matrix (for the presenter window) and its rendering for a
// terminal with Unicode half blocks (two module rows per text line).

#pragma once
#include <string>
#include <vector>

namespace pt {

// A QR code's modules, quiet zone not included.
struct QrMatrix {
    int size = 0;                 // modules per side (0 = no code)
    std::vector<bool> dark;       // size * size, row by row
    bool at(int x, int y) const { return x >= 0 && y >= 0 && x < size && y < size && dark[(size_t)y * size + x]; }
};

// Encodes `text` (error correction level M). False when it cannot be encoded (too long).
bool qrMatrix(const std::string& text, QrMatrix* out);

// The code as lines of half blocks with a quiet zone of 2 modules, drawn light on a dark terminal: a block is a
// light module, a space a dark one, so the code reads dark-on-light as scanners expect. "" when it cannot be encoded.
std::string qrTerminalText(const std::string& text);

} // namespace pt
