// Promptotype — QR codes for the share link, through libqrencode.

#include "share/qr_text.h"
#include <qrencode.h>
#include <memory>

namespace pt {

bool qrMatrix(const std::string& text, QrMatrix* out) {
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
    if (!code) return false;
    QrMatrix m;
    m.size = code->width;
    m.dark.resize((size_t)m.size * m.size);
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;  // bit 0: dark module
    *out = std::move(m);
    return true;
}

std::string qrTerminalText(const std::string& text) {
    QrMatrix m;
    if (!qrMatrix(text, &m)) return "";
    const int quiet = 2, from = -quiet, to = m.size + quiet;
    std::string out;
    for (int y = from; y < to; y += 2) {
        for (int x = from; x < to; ++x) {
            bool top = !m.at(x, y), bottom = y + 1 < to && !m.at(x, y + 1);  // light modules are drawn
            out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
        }
        out += '\n';
    }
    return out;
}

} // namespace pt
