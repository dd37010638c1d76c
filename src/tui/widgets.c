/* widgets.c — number formatting with units, text that fits without cutting
 * a word, theme attributes, and the drawing primitives (slider, gauge, bars,
 * titled rules), all into stdscr. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/ui.h"

/* the curses attribute of a theme element: colour pair when colours are
 * in use, else the mono attributes */
attr_t ui_attr(const tui_app *a, enum theme_elem e)
{
	const theme_style *st = &a->th.st[e];
	unsigned ta = a->colour ? st->attrs : st->mono_attrs;
	attr_t at = A_NORMAL;

	if (ta & TA_BOLD)
		at |= A_BOLD;
	if (ta & TA_UNDERLINE)
		at |= A_UNDERLINE;
	if (ta & TA_REVERSE)
		at |= A_REVERSE;
	if (ta & TA_DIM)
		at |= A_DIM;
	if (a->colour)
		at |= COLOR_PAIR(e + 1);
	return at;
}

/* a choice (cycled, picked from a list) rather than a slider */
bool ui_is_choice(const param *p)
{
	return p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU ||
	       p->type == PT_BOOL;
}

void ui_glyphs_init(ui_glyphs *g, bool utf8)
{
	static const char *const ublocks[9] = {
		" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586",
		"\u2587", "\u2588" };
	static const char *const ablocks[9] = {
		" ", ".", ".", "_", "_", "=", "=", "#", "#" };
	memset(g, 0, sizeof *g);
	g->utf8 = utf8;
	if (utf8) {
		g->fill = "\u2588";      /* █ */
		g->track = "\u2500";     /* ─ */
		g->knob = "\u2502";
		g->left_end = "";
		g->right_end = "";
		/* bars told apart by character as well as colour (htop) */
		g->seg[0] = "\u2588";    /* weights  █ */
		g->seg[1] = "\u2593";    /* KV used  ▓ */
		g->seg[2] = "\u2592";    /* KV waste ▒ */
		g->seg[3] = "\u2591";    /* overhead ░ */
		g->seg[4] = "\u00b7";    /* free     · */
		g->hline = "\u2500";
		g->vline = "\u2502";
		g->ok = "ok";
		g->fail = "FAIL";
		g->up = "\u25b2";
		g->up_open = "\u25b3";
		g->down = "\u25bc";
		g->left = "\u25c2";
		g->right = "\u25b8";
		memcpy(g->blocks, ublocks, sizeof ublocks);
		g->dot = "\u25cf";       /* ● */
		g->times = "\u00d7";
		g->ellipsis = "\u2026";
	} else {
		g->fill = "#";
		g->track = "-";
		g->knob = "|";
		g->left_end = "";
		g->right_end = "";
		g->seg[0] = "#";
		g->seg[1] = "=";
		g->seg[2] = "~";
		g->seg[3] = "+";
		g->seg[4] = ".";
		g->hline = "-";
		g->vline = "|";
		g->ok = "ok";
		g->fail = "FAIL";
		g->up = "^";
		g->up_open = "'";
		g->down = "v";
		g->left = "<";
		g->right = ">";
		memcpy(g->blocks, ablocks, sizeof ablocks);
		g->dot = "o";
		g->times = "x";
		g->ellipsis = "...";
	}
}

void ui_copy(char *dst, size_t n, const char *src)
{
	size_t len;
	if (n == 0)
		return;
	len = strlen(src);
	if (len >= n)
		len = n - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* ---- text width and fitting ------------------------------------------- */

/* columns of one multibyte character starting at s (its length in *len) */
static int char_width(const char *s, int *len)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;

	if ((unsigned char)*s < 0x80) {   /* ASCII: most of what is drawn */
		*len = 1;
		return 1;
	}
	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*len = 1;
		return 1;
	}
	*len = (int)n;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int ui_width(const char *s)
{
	int w = 0, len;
	while (*s) {
		w += char_width(s, &len);
		s += len;
	}
	return w;
}

int ui_fit(const char *s, int w, char *out, size_t outlen)
{
	int used = 0, len, cw;
	size_t i = 0, cut = 0;
	int cut_w = 0;
	bool fits = true;

	if (outlen == 0)
		return 0;
	while (s[i]) {
		cw = char_width(s + i, &len);
		if (used + cw > w) {
			fits = false;
			break;
		}
		if (s[i] == ' ' && i > 0 && s[i - 1] != ' ') {
			cut = i;
			cut_w = used;
		}
		used += cw;
		i += (size_t)len;
	}
	if (fits) {
		cut = i;
		cut_w = used;
	} else if (s[i] == ' ') {
		/* the text breaks exactly at a word end */
		cut = i;
		cut_w = used;
	}
	if (cut >= outlen)
		cut = outlen - 1;   /* callers size buffers; never hit in practice */
	memcpy(out, s, cut);
	out[cut] = '\0';
	if (!fits) {
		/* never leave a bracket open: cut before it */
		char *open_ = strrchr(out, '(');
		if (open_ && !strchr(open_, ')')) {
			cut = (size_t)(open_ - out);
			out[cut] = '\0';
			cut_w = ui_width(out);
		}
	}
	/* drop trailing spaces and separators left dangling at the cut */
	while (cut > 0 && !fits && (out[cut - 1] == ' ' || out[cut - 1] == ',' ||
	                            out[cut - 1] == ';' || out[cut - 1] == ':')) {
		out[--cut] = '\0';
		cut_w--;
	}
	return cut_w;
}

int ui_put(int y, int x, int w, attr_t attr, const char *s)
{
	char buf[512];
	int used;

	if (w <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	used = ui_fit(s, w, buf, sizeof buf);
	attrset(attr);
	mvaddstr(y, x, buf);
	attrset(A_NORMAL);
	return used;
}

int ui_putf(int y, int x, int w, attr_t attr, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ui_put(y, x, w, attr, buf);
}

int ui_put_right(int y, int x, int w, attr_t attr, const char *s)
{
	char buf[512];
	int used = ui_fit(s, w, buf, sizeof buf);
	return ui_put(y, x + w - used, used, attr, buf);
}

/* a cell of one glyph with attributes, for the line-drawing calls */
static void glyph_cell(cchar_t *cc, const char *glyph, attr_t attr)
{
	wchar_t wc[2] = { L' ', L'\0' };
	mbstate_t st;

	memset(&st, 0, sizeof st);
	if (mbrtowc(&wc[0], glyph, strlen(glyph), &st) > (size_t)-3)
		wc[0] = L'?';
	setcchar(cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
}

void ui_fill(int y, int x, int h, int w, attr_t attr)
{
	cchar_t cc;

	if (x < 0 || y < 0)
		return;
	if (x + w > COLS)
		w = COLS - x;
	if (y + h > LINES)
		h = LINES - y;
	if (w <= 0 || h <= 0)
		return;
	glyph_cell(&cc, " ", attr);
	for (int r = 0; r < h; r++)
		mvhline_set(y + r, x, &cc, w);
}

static void repeat(int y, int x, int n, attr_t attr, const char *glyph)
{
	cchar_t cc;

	if (n <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (x + n > COLS)
		n = COLS - x;
	glyph_cell(&cc, glyph, attr);
	mvhline_set(y, x, &cc, n);
}

void ui_hline_title(const tui_app *a, int y, int x, int w, const char *title,
                    const char *right)
{
	attr_t b = ui_attr(a, TE_BORDER);
	int tw = 0;

	repeat(y, x, w, b, a->g.hline);
	if (title && *title && w > 4)
		tw = ui_putf(y, x + 1, w - 2, ui_attr(a, TE_TITLE), " %s ", title);
	if (right && *right && w > tw + 6) {
		char buf[128];
		snprintf(buf, sizeof buf, " %s ", right);
		int rw = ui_width(buf);
		if (rw <= w - tw - 4)
			ui_put(y, x + w - rw - 1, rw, ui_attr(a, TE_DIM), buf);
	}
}

/* A gauge-style slider: filled part, then the track, in eighths of a cell
 * in UTF-8 so that even a 5-cell bar has 40 positions. */
void ui_slider(const tui_app *a, int y, int x, int w, double pos, bool selected)
{
	static const char *const eighths[8] = {
		"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589" };
	attr_t fill = ui_attr(a, TE_SLIDER_FILL);
	attr_t track = ui_attr(a, TE_SLIDER_TRACK);
	(void)selected;

	if (w <= 0)
		return;
	if (!(pos >= 0))
		pos = 0;
	if (pos > 1)
		pos = 1;
	if (a->g.utf8) {
		int units = (int)lround(pos * w * 8);
		int full = units / 8, part = units % 8;
		repeat(y, x, full, fill, a->g.fill);
		int c = full;
		if (part && c < w) {
			attrset(fill);
			mvaddstr(y, x + c, eighths[part]);
			attrset(A_NORMAL);
			c++;
		}
		repeat(y, x + c, w - c, track, a->g.track);
	} else {
		int full = (int)lround(pos * w);
		repeat(y, x, full, fill, a->g.fill);
		repeat(y, x + full, w - full, track, a->g.track);
	}
}

void ui_stacked_bar(const tui_app *a, int y, int x, int w, const double *v,
                    const enum theme_elem *el, int n, double total)
{
	double sum = 0, cum = 0;
	int prev = 0;

	for (int i = 0; i < n; i++)
		sum += v[i] > 0 ? v[i] : 0;
	if (total < sum)
		total = sum;
	if (total <= 0 || w <= 0)
		return;
	for (int i = 0; i < n; i++) {
		cum += v[i] > 0 ? v[i] : 0;
		int end = (int)lround(cum / total * w);
		/* a present but tiny segment still shows one cell when the
		 * neighbour can spare it */
		if (end == prev && v[i] > 0 && end < w && i < n - 1)
			end = prev + 1;
		if (end > w)
			end = w;
		repeat(y, x + prev, end - prev, ui_attr(a, el[i]),
		       a->g.seg[i < 5 ? i : 4]);
		if (end > prev)
			prev = end;
	}
	if (prev < w)
		repeat(y, x + prev, w - prev, ui_attr(a, el[n - 1]), a->g.seg[4]);
}

void ui_row_value(const tui_app *a, int y, int x, int w, const char *label,
                  const char *value, const char *mark, attr_t mark_attr,
                  const char *delta, int delta_w)
{
	int xr = x + w - 1;
	attr_t text = ui_attr(a, TE_TEXT);

	if (delta_w > 0) {
		if (delta && *delta)
			ui_put_right(y, xr - delta_w, delta_w, ui_attr(a, TE_BASELINE), delta);
		xr -= delta_w + 1;
	}
	if (mark) {
		ui_put(y, xr - 4, 4, mark_attr, mark);
		xr -= 5;
	}
	int vw = ui_width(value);
	if (vw > xr - x - 1)
		vw = xr - x - 1;
	ui_put_right(y, xr - vw, vw, ui_attr(a, TE_ACCENT), value);
	/* "label|optional tail": the tail shows only when it fits whole */
	char full[256], head[256];
	const char *bar = strchr(label, '|');
	int room = xr - vw - x - 2;
	if (bar) {
		snprintf(head, sizeof head, "%.*s", (int)(bar - label), label);
		snprintf(full, sizeof full, "%s%s", head, bar + 1);
		ui_put(y, x + 1, room, text, ui_width(full) <= room ? full : head);
	} else {
		ui_put(y, x + 1, room, text, label);
	}
}

/* ---- numbers ------------------------------------------------------------ */

/* three significant digits, no exponent */
static void sig3(char *b, size_t n, double v)
{
	double av = fabs(v);
	if (av < 1e-12) {
		snprintf(b, n, "0");
		return;
	}
	int mag = (int)floor(log10(av));
	/* rounding can carry into the next magnitude (9.996 -> 10.0) */
	int dec = 2 - mag;
	if (dec < 0)
		dec = 0;
	double r = round(av * pow(10, dec)) / pow(10, dec);
	if (r >= pow(10, mag + 1) && dec > 0)
		dec--;
	snprintf(b, n, "%s%.*f", v < 0 ? "-" : "", dec, av);
}

/* Divide *av by 1000 while it would print as 1000 or more, at most max
 * times; returns how many times (the index of the SI prefix). */
static int scale1000(double *av, int max)
{
	int i = 0;

	while (*av >= 999.5 && i < max) {
		*av /= 1000;
		i++;
	}
	return i;
}

/* with k / M / B suffix above a thousand */
static void sig3_suffix(char *b, size_t n, double v)
{
	static const char *const suf[] = { "", "k", "M", "B", "T" };
	double av = fabs(v);
	int i = scale1000(&av, 4);
	char num[48];

	sig3(num, sizeof num, av);
	snprintf(b, n, "%s%s%s", v < 0 ? "-" : "", num, suf[i]);
}

void fmt_usd(char *b, size_t n, double usd)
{
	char num[48];
	sig3_suffix(num, sizeof num, fabs(usd));
	snprintf(b, n, "%s$%s", usd < 0 ? "-" : "", num);
}

void fmt_bytes(char *b, size_t n, double bytes)
{
	static const char *const unit[] = { "B", "kB", "MB", "GB", "TB", "PB" };
	double av = fabs(bytes);
	int i = scale1000(&av, 5);
	char num[48];

	sig3(num, sizeof num, av);
	snprintf(b, n, "%s%s %s", bytes < 0 ? "-" : "", num, unit[i]);
}

void fmt_time(char *b, size_t n, double s)
{
	char num[48];
	double av = fabs(s);
	const char *u;

	if (av >= 0.9995) {
		u = "s";
	} else if (av >= 0.9995e-3 || av == 0) {
		av *= 1e3;
		u = "ms";
	} else {
		av *= 1e6;
		u = "us";
	}
	if (av >= 1e5)
		sig3_suffix(num, sizeof num, av);
	else if (av >= 999.5)
		snprintf(num, sizeof num, "%.0f", av);
	else
		sig3(num, sizeof num, av);
	snprintf(b, n, "%s%s %s", s < 0 ? "-" : "", num, u);
}

void fmt_rate(char *b, size_t n, double per_s, const char *unit)
{
	char num[48];
	sig3_suffix(num, sizeof num, per_s);
	snprintf(b, n, "%s %s", num, unit);
}

void fmt_count(char *b, size_t n, double v)
{
	if (fabs(v) < 9999.5 && fabs(v - round(v)) < 1e-9)
		snprintf(b, n, "%.0f", v);
	else
		sig3_suffix(b, n, v);
}

static void fmt_pct_rel(char *b, size_t n, double cur, double base)
{
	double rel;
	if (base == 0) {
		b[0] = '\0';
		return;
	}
	rel = (cur - base) / fabs(base) * 100;
	if (fabs(rel) >= 999.5)
		snprintf(b, n, "%+.0fx", (cur / base));
	else if (fabs(rel) >= 9.95)
		snprintf(b, n, "%+.0f%%", rel);
	else
		snprintf(b, n, "%+.1f%%", rel);
}

void fmt_delta(char *b, size_t n, double cur, double base,
               void (*fmt)(char *, size_t, double))
{
	char abs_[48], rel[24];
	double d = cur - base;

	if (fabs(d) <= 1e-9 * fmax(fabs(cur), fabs(base)) || !isfinite(d)) {
		b[0] = '\0';
		return;
	}
	fmt(abs_, sizeof abs_, fabs(d));
	fmt_pct_rel(rel, sizeof rel, cur, base);
	snprintf(b, n, "%s%s%s%s", d < 0 ? "-" : "+", abs_, *rel ? " " : "", rel);
}

void fmt_delta_unit(char *b, size_t n, double cur, double base, const char *unit)
{
	char abs_[48], rel[24];
	double d = cur - base;

	if (fabs(d) <= 1e-9 * fmax(fabs(cur), fabs(base)) || !isfinite(d)) {
		b[0] = '\0';
		return;
	}
	sig3_suffix(abs_, sizeof abs_, fabs(d));
	fmt_pct_rel(rel, sizeof rel, cur, base);
	snprintf(b, n, "%s%s%s%s%s%s", d < 0 ? "-" : "+", abs_,
	         unit && *unit ? " " : "", unit ? unit : "", *rel ? " " : "", rel);
}

/* A framed box, centred; on a small screen the whole width between title
 * and status lines. */
ui_rect ui_box(const tui_app *a, int want_w, int want_h, const char *title,
               const char *foot)
{
	ui_rect r;
	r.w = want_w + 4 <= a->cols_n ? want_w : a->cols_n;
	r.h = want_h + 2 <= a->rows_n - 2 ? want_h : a->rows_n - 2;
	r.x = (a->cols_n - r.w) / 2;
	r.y = 1 + (a->rows_n - 2 - r.h) / 2;
	ui_fill(r.y, r.x, r.h, r.w, ui_attr(a, TE_TEXT));
	ui_hline_title(a, r.y, r.x, r.w, title, NULL);
	ui_hline_title(a, r.y + r.h - 1, r.x, r.w, NULL, foot);
	attrset(ui_attr(a, TE_BORDER));
	for (int i = 1; i < r.h - 1; i++) {
		mvaddstr(r.y + i, r.x, a->g.vline);
		mvaddstr(r.y + i, r.x + r.w - 1, a->g.vline);
	}
	attrset(A_NORMAL);
	return r;
}

/* a shorter spelling of a long unit, for the narrow list */
const char *ui_short_unit(const char *u)
{
	static const struct { const char *l, *s; } m[] = {
		{ "$/1M tokens", "$/Mtok" }, { "per region", "/region" },
		{ "tokens", "tok" }, { "weights", "wts" }, { "req/day", "/day" },
		{ "TFLOPS", "TF" },
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		if (!strcmp(u, m[i].l))
			return m[i].s;
	return u;
}

/* A figure as the screen shows it, typed back: "1M", "2.5k", "500k /day",
 * "100 ms", "4.096 $/h" become what params_set_text takes ("1000000",
 * "2500", "500000", "100", "4.096").  Anything else is passed on as typed
 * (so its error is the command line's). */
void ui_typed_value(const param *p, const char *in, char *out, size_t n)
{
	char t[UI_EDIT_LEN];
	const char *units[2] = { p->unit, ui_short_unit(p->unit) };
	double v, mult = 1;

	ui_copy(out, n, in);
	if (ui_is_choice(p))
		return;
	ui_copy(t, sizeof t, in);
	size_t len = strlen(t);
	while (len && t[len - 1] == ' ')
		t[--len] = '\0';
	/* a trailing unit, as shown ("/day" or "req/day", "ms", "$/h") */
	for (int i = 0; i < 2 && *units[i]; i++) {
		size_t ul = strlen(units[i]);
		if (len > ul && !strcmp(t + len - ul, units[i])) {
			len -= ul;
			t[len] = '\0';
			while (len && t[len - 1] == ' ')
				t[--len] = '\0';
			break;
		}
	}
	/* an SI suffix, as fmt_count writes it */
	if (len > 1) {
		switch (t[len - 1]) {
		case 'k': case 'K': mult = 1e3; break;
		case 'M': mult = 1e6; break;
		case 'G': case 'B': mult = 1e9; break;
		default: break;
		}
		if (mult != 1)
			t[--len] = '\0';
	}
	if (params_parse_number(t, &v) != 0)
		return;   /* not a number: as typed */
	if (mult != 1)
		snprintf(out, n, "%.15g", v * mult);
	else
		ui_copy(out, n, t);
}
