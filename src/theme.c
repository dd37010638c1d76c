/* theme.c — semantic colours from themes/NAME.ini (read through config/ini.c).
 *
 * A theme file:
 *   [theme]      description = "...", mono = false
 *   [ELEMENT]    fg, bg         256-colour index 0-255, "default", or a quoted
 *                               "#rrggbb" (mapped to the nearest of the 256)
 *                fg8, bg8       8-colour fallback: black red green yellow blue
 *                               magenta cyan white default (or 0-7); when
 *                               absent, derived from fg/bg
 *                attrs          bold, underline, reverse, dim (comma list) or none
 *                mono_attrs     attributes without colour (default: attrs)
 * An element without a section takes [text]'s colours.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "params.h"
#include "theme.h"

static const char *const elem_names[TE_COUNT] = {
	"text", "dim", "accent", "title", "border", "selection",
	"good", "warn", "bad", "slider_fill", "slider_track",
	"gauge_weights", "gauge_kv", "gauge_waste", "gauge_overhead",
	"gauge_free", "status", "baseline",
};

static const char *const colour8[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", NULL
};

const char *theme_elem_name(enum theme_elem e)
{
	return (e >= 0 && e < TE_COUNT) ? elem_names[e] : "?";
}

void theme_builtin_mono(theme *t)
{
	/* No colour: elements told apart by attributes (and by the TUI's
	 * characters for bars, as htop's monochrome scheme does). */
	static const unsigned a[TE_COUNT] = {
		[TE_TEXT] = 0, [TE_DIM] = TA_DIM, [TE_ACCENT] = TA_BOLD,
		[TE_TITLE] = TA_BOLD, [TE_BORDER] = 0, [TE_SELECTION] = TA_REVERSE,
		[TE_GOOD] = 0, [TE_WARN] = TA_BOLD, [TE_BAD] = TA_BOLD | TA_UNDERLINE,
		[TE_SLIDER_FILL] = TA_REVERSE, [TE_SLIDER_TRACK] = TA_DIM,
		[TE_GAUGE_WEIGHTS] = TA_REVERSE, [TE_GAUGE_KV] = TA_BOLD,
		[TE_GAUGE_WASTE] = TA_UNDERLINE, [TE_GAUGE_OVERHEAD] = TA_DIM,
		[TE_GAUGE_FREE] = 0, [TE_STATUS] = TA_REVERSE, [TE_BASELINE] = TA_UNDERLINE,
	};
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "mono");
	snprintf(t->description, sizeof t->description,
	         "no colour: attributes only (also when NO_COLOR is set)");
	t->mono = true;
	for (int i = 0; i < TE_COUNT; i++) {
		t->st[i].fg256 = t->st[i].bg256 = -1;
		t->st[i].fg8 = t->st[i].bg8 = -1;
		t->st[i].attrs = a[i];
		t->st[i].mono_attrs = a[i];
	}
}

/* xterm-256: 16-231 a 6x6x6 cube, 232-255 a grey ramp. */
static const int cube[6] = { 0, 95, 135, 175, 215, 255 };

static int nearest_cube(int v)
{
	int best = 0;
	for (int i = 1; i < 6; i++)
		if (abs(cube[i] - v) < abs(cube[best] - v))
			best = i;
	return best;
}

static short rgb_to_256(int r, int g, int b)
{
	int ri = nearest_cube(r), gi = nearest_cube(g), bi = nearest_cube(b);
	int cr = cube[ri], cg = cube[gi], cb = cube[bi];
	int dc = (cr - r) * (cr - r) + (cg - g) * (cg - g) + (cb - b) * (cb - b);
	int avg = (r + g + b) / 3;
	int gi2 = avg > 238 ? 23 : avg < 8 ? 0 : (avg - 8) / 10;
	int gv = 8 + 10 * gi2;
	int dg = (gv - r) * (gv - r) + (gv - g) * (gv - g) + (gv - b) * (gv - b);
	if (dg < dc)
		return (short)(232 + gi2);
	return (short)(16 + 36 * ri + 6 * gi + bi);
}

/* 256 -> 8 (ncurses order: black red green yellow blue magenta cyan white) */
static short c256_to_8(short c)
{
	if (c < 0)
		return -1;
	if (c < 8)
		return c;
	if (c < 16)
		return (short)(c - 8);
	if (c >= 232)
		return c >= 244 ? 7 : 0;
	int v = c - 16, r = v / 36, g = (v / 6) % 6, b = v % 6;
	int mx = r > g ? (r > b ? r : b) : (g > b ? g : b);
	if (mx == 0)
		return 0;
	/* a channel counts when it is near the strongest one */
	int bits = (r * 2 >= mx * 2 - 1 && r > 0 ? 1 : 0) |
	           (g * 2 >= mx * 2 - 1 && g > 0 ? 2 : 0) |
	           (b * 2 >= mx * 2 - 1 && b > 0 ? 4 : 0);
	return (short)bits;
}

typedef struct {
	const char *path;
	diag *d;
	int errs;
} tl;

#define TBAD(...) do { diag_add(L->d, __VA_ARGS__); L->errs++; } while (0)
#define TAT(e) L->path, (e)->line, (e)->section, (e)->key

static int parse_colour256(tl *L, const config_entry *e, short *out)
{
	const char *v = e->value;
	if (strcasecmp(v, "default") == 0 || strcmp(v, "-1") == 0) {
		*out = -1;
		return 0;
	}
	if (v[0] == '#') {
		unsigned r, g, b;
		char junk;
		if (strlen(v) == 7 && sscanf(v + 1, "%2x%2x%2x%c", &r, &g, &b, &junk) == 3 &&
		    strspn(v + 1, "0123456789abcdefABCDEF") == 6) {
			*out = rgb_to_256((int)r, (int)g, (int)b);
			return 0;
		}
		TBAD("%s:%d: [%s] %s: value '%.40s' is not a colour (allowed: 0 to 255, "
		     "default, \"#rrggbb\")", TAT(e), v);
		return -1;
	}
	double x;
	int rc = params_parse_number(v, &x);
	if (rc == 0 && x >= 0 && x <= 255 && x == (int)x) {
		*out = (short)x;
		return 0;
	}
	if (rc == 0 || rc == -2)
		TBAD("%s:%d: [%s] %s: value '%.40s' out of range (allowed: 0 to 255, "
		     "default, \"#rrggbb\")", TAT(e), v);
	else
		TBAD("%s:%d: [%s] %s: value '%.40s' is not a colour (allowed: 0 to 255, "
		     "default, \"#rrggbb\")", TAT(e), v);
	return -1;
}

static int parse_colour8(tl *L, const config_entry *e, short *out)
{
	const char *v = e->value;
	if (strcasecmp(v, "default") == 0 || strcmp(v, "-1") == 0) {
		*out = -1;
		return 0;
	}
	for (int i = 0; colour8[i]; i++)
		if (strcasecmp(v, colour8[i]) == 0) {
			*out = (short)i;
			return 0;
		}
	if (strlen(v) == 1 && v[0] >= '0' && v[0] <= '7') {
		*out = (short)(v[0] - '0');
		return 0;
	}
	const char *near = params_nearest(v, colour8, 8);
	char dym[64] = "";
	if (near)
		snprintf(dym, sizeof dym, ", did you mean '%s'?", near);
	TBAD("%s:%d: [%s] %s: unknown colour '%.40s'%s (allowed: black, red, green, "
	     "yellow, blue, magenta, cyan, white, default, 0 to 7)", TAT(e), v, dym);
	return -1;
}

static int parse_attrs(tl *L, const config_entry *e, unsigned *out)
{
	static const char *const names[] = { "bold", "underline", "reverse", "dim", "none", NULL };
	static const unsigned bits[] = { TA_BOLD, TA_UNDERLINE, TA_REVERSE, TA_DIM, 0 };
	char buf[256];
	if (strlen(e->value) >= sizeof buf) {
		TBAD("%s:%d: [%s] %s: value too long, %zu characters (allowed: at most %zu)",
		     TAT(e), strlen(e->value), sizeof buf - 1);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", e->value);
	unsigned a = 0;
	char *save = NULL;
	for (char *tok = strtok_r(buf, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
		int i;
		for (i = 0; names[i]; i++)
			if (strcasecmp(tok, names[i]) == 0)
				break;
		if (!names[i]) {
			const char *near = params_nearest(tok, names, 5);
			char dym[64] = "";
			if (near)
				snprintf(dym, sizeof dym, ", did you mean '%s'?", near);
			TBAD("%s:%d: [%s] %s: unknown attribute '%.40s'%s (allowed: bold, "
			     "underline, reverse, dim, none, as a comma list)", TAT(e), tok, dym);
			return -1;
		}
		a |= bits[i];
	}
	*out = a;
	return 0;
}

static int elem_index(const char *name)
{
	for (int i = 0; i < TE_COUNT; i++)
		if (strcmp(elem_names[i], name) == 0)
			return i;
	return -1;
}

int theme_load(const char *path, theme *t, diag *d)
{
	static theme out;
	int nerr = 0;
	config_ini *ini = config_ini_read(path, d, &nerr);
	if (!ini)
		return -1;
	tl Ls = { path, d, nerr }, *L = &Ls;
	memset(&out, 0, sizeof out);
	/* name: the file's base name without .ini */
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t bl = strlen(base);
	if (bl > 4 && strcmp(base + bl - 4, ".ini") == 0)
		bl -= 4;
	snprintf(out.name, sizeof out.name, "%.*s", (int)(bl < 47 ? bl : 47), base);
	bool seen[TE_COUNT] = { false };
	bool fg8_set[TE_COUNT] = { false }, bg8_set[TE_COUNT] = { false };
	bool mono_set[TE_COUNT] = { false };
	for (int i = 0; i < TE_COUNT; i++) {
		out.st[i].fg256 = out.st[i].bg256 = out.st[i].fg8 = out.st[i].bg8 = -1;
	}
	if (nerr == 0 && config_ini_section_line(ini, "theme") == 0)
		TBAD("%s: not a theme: no [theme] section (allowed: [theme] and one "
		     "section per element, see infertui.ini(5))", path);
	const char *elem_list[TE_COUNT + 2];
	for (int i = 0; i < TE_COUNT; i++)
		elem_list[i] = elem_names[i];
	elem_list[TE_COUNT] = "theme";
	elem_list[TE_COUNT + 1] = NULL;
	for (size_t i = 0; i < config_ini_count(ini); i++) {
		const config_entry *e = config_ini_at(ini, i);
		if (strcmp(e->section, "theme") == 0) {
			if (!e->key[0])
				continue;
			if (strcmp(e->key, "description") == 0) {
				if (strlen(e->value) >= sizeof out.description)
					TBAD("%s:%d: [%s] %s: text too long (at most %zu characters)",
					     TAT(e), sizeof out.description - 1);
				else
					snprintf(out.description, sizeof out.description, "%s", e->value);
			} else if (strcmp(e->key, "mono") == 0) {
				static const char *const y[] = { "true", "yes", "on", "1" };
				static const char *const n[] = { "false", "no", "off", "0" };
				int v = -1;
				for (int k = 0; k < 4; k++) {
					if (strcasecmp(e->value, y[k]) == 0) v = 1;
					if (strcasecmp(e->value, n[k]) == 0) v = 0;
				}
				if (v < 0)
					TBAD("%s:%d: [%s] %s: value '%.40s' is not a boolean (allowed: "
					     "true, false, yes, no, on, off, 1, 0)", TAT(e), e->value);
				else
					out.mono = v;
			} else {
				TBAD("%s:%d: [%s] %s: unknown key (allowed: description, mono)", TAT(e));
			}
			continue;
		}
		int ei = elem_index(e->section);
		if (ei < 0) {
			if (!e->key[0]) {
				const char *near = params_nearest(e->section, elem_list, TE_COUNT + 1);
				char dym[64] = "";
				if (near)
					snprintf(dym, sizeof dym, ", did you mean [%s]?", near);
				TBAD("%s:%d: [%s]: unknown theme element%s (allowed: [theme], "
				     "[text], [dim], [accent], [title], [border], [selection], "
				     "[good], [warn], [bad], [slider_fill], [slider_track], "
				     "[gauge_weights], [gauge_kv], [gauge_waste], [gauge_overhead], "
				     "[gauge_free], [status], [baseline])", path, e->line, e->section, dym);
			}
			continue;
		}
		if (!e->key[0]) {
			seen[ei] = true;
			continue;
		}
		theme_style *st = &out.st[ei];
		if (strcmp(e->key, "fg") == 0)
			parse_colour256(L, e, &st->fg256);
		else if (strcmp(e->key, "bg") == 0)
			parse_colour256(L, e, &st->bg256);
		else if (strcmp(e->key, "fg8") == 0) {
			if (parse_colour8(L, e, &st->fg8) == 0) fg8_set[ei] = true;
		} else if (strcmp(e->key, "bg8") == 0) {
			if (parse_colour8(L, e, &st->bg8) == 0) bg8_set[ei] = true;
		} else if (strcmp(e->key, "attrs") == 0)
			parse_attrs(L, e, &st->attrs);
		else if (strcmp(e->key, "mono_attrs") == 0) {
			if (parse_attrs(L, e, &st->mono_attrs) == 0) mono_set[ei] = true;
		} else {
			static const char *const keys[] = {
				"fg", "bg", "fg8", "bg8", "attrs", "mono_attrs", NULL };
			const char *near = params_nearest(e->key, keys, 6);
			char dym[64] = "";
			if (near)
				snprintf(dym, sizeof dym, ", did you mean '%s'?", near);
			TBAD("%s:%d: [%s] %s: unknown key%s (allowed: fg, bg, fg8, bg8, attrs, "
			     "mono_attrs)", TAT(e), dym);
		}
	}
	config_ini_free(ini);
	if (L->errs)
		return -1;
	for (int i = 0; i < TE_COUNT; i++) {
		theme_style *st = &out.st[i];
		if (!seen[i] && i != TE_TEXT) {
			*st = out.st[TE_TEXT];
			continue;
		}
		if (!fg8_set[i])
			st->fg8 = c256_to_8(st->fg256);
		if (!bg8_set[i])
			st->bg8 = c256_to_8(st->bg256);
		if (!mono_set[i])
			st->mono_attrs = st->attrs;
	}
	*t = out;
	return 0;
}
