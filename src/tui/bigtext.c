/* bigtext.c — figures three rows tall for presentation mode: a 3x5 pixel
 * font drawn with half blocks (two pixel rows per character row), or '#'
 * where the terminal has no UTF-8. */
#include <string.h>

#include "tui/ui.h"

/* each glyph: five rows of three pixels, '#' set ('.' clear); narrow
 * punctuation uses its first column only (width 1) */
static const struct {
	char c;
	int w;
	const char *px[5];
} font[] = {
	{ '0', 3, { "###", "#.#", "#.#", "#.#", "###" } },
	{ '1', 3, { ".#.", "##.", ".#.", ".#.", "###" } },
	{ '2', 3, { "###", "..#", "###", "#..", "###" } },
	{ '3', 3, { "###", "..#", "###", "..#", "###" } },
	{ '4', 3, { "#.#", "#.#", "###", "..#", "..#" } },
	{ '5', 3, { "###", "#..", "###", "..#", "###" } },
	{ '6', 3, { "###", "#..", "###", "#.#", "###" } },
	{ '7', 3, { "###", "..#", "..#", "..#", "..#" } },
	{ '8', 3, { "###", "#.#", "###", "#.#", "###" } },
	{ '9', 3, { "###", "#.#", "###", "..#", "###" } },
	{ '$', 3, { ".##", "##.", ".#.", ".##", "##." } },
	{ 'k', 3, { "#..", "#.#", "##.", "#.#", "#.#" } },
	{ 'M', 3, { "#.#", "###", "#.#", "#.#", "#.#" } },
	{ 'B', 3, { "##.", "#.#", "##.", "#.#", "##." } },
	{ 'T', 3, { "###", ".#.", ".#.", ".#.", ".#." } },
	{ '-', 3, { "...", "...", "###", "...", "..." } },
	{ ',', 1, { ".", ".", ".", "#", "#" } },
	{ '.', 1, { ".", ".", ".", ".", "#" } },
	{ ' ', 1, { ".", ".", ".", ".", "." } },
};

static int glyph(char c)
{
	for (size_t i = 0; i < sizeof font / sizeof font[0]; i++)
		if (font[i].c == c)
			return (int)i;
	return -1;
}

int ui_big_render(const char *text, bool utf8, char out[3][UI_BIG_BYTES])
{
	size_t len[3] = { 0, 0, 0 };
	int cols = 0;

	for (int r = 0; r < 3; r++)
		out[r][0] = '\0';
	for (const char *p = text; *p; p++) {
		int g = glyph(*p);
		if (g < 0)
			return -1;
		for (int k = 0; k < font[g].w + (p[1] ? 1 : 0); k++) {
			for (int r = 0; r < 3; r++) {
				/* pixel rows 2r and 2r + 1 (row 5 is blank) */
				bool top = k < font[g].w && font[g].px[2 * r][k] == '#';
				bool bot = k < font[g].w && 2 * r + 1 < 5 &&
				           font[g].px[2 * r + 1][k] == '#';
				const char *cell = top && bot ? (utf8 ? "\u2588" : "#") :
				                   top ? (utf8 ? "\u2580" : "#") :
				                   bot ? (utf8 ? "\u2584" : "#") : " ";
				size_t cl = strlen(cell);
				if (len[r] + cl + 1 > UI_BIG_BYTES)
					return -1;
				memcpy(out[r] + len[r], cell, cl + 1);
				len[r] += cl;
			}
			cols++;
		}
	}
	return cols;
}
