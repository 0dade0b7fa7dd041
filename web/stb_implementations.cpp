// Promptotype — the stb implementations the desktop gets from Debian's libstb, compiled into the web build.
//
// The web build compiles Dear ImGui as Debian does (its own stb copies disabled, Debian's stb headers instead), so
// ImGui's atlas, the theme's font checks and the PNG writer share one stb_truetype, rect packer and image writer.

#define STB_RECT_PACK_IMPLEMENTATION
#define STB_TRUETYPE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_rect_pack.h>
#include <stb_truetype.h>
#include <stb_image_write.h>
