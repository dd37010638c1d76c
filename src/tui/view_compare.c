/* view_compare.c — pinned scenarios side by side (keys P and c): P pins
 * the current scenario (up to four); c shows one column per pinned one
 * plus "now", one row per headline figure, each with its change against
 * the first pinned column.  The cells are answers/compare.c's, the same
 * text --compare prints, so the two always agree.  At 80x24 three columns
 * show at a time (Left/Right moves the selected column and scrolls) and
 * the figures are the short list; from 160x48 every column and every
 * headline figure. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/answers.h"
#include "tui/ui.h"

#define PIN_MAX 4
#define COL_MAX (PIN_MAX + 1)

typedef struct {
	scenario s;
	results r;
	char name[UI_NAME_LEN];    /* the preset it came from */
	bool changed;              /* changed since that preset was loaded */
} pin;

static struct {
	pin pins[PIN_MAX];
	int n;
	int sel;                   /* selected column: 0..n (n is "now") */
	int left;                  /* first column shown */
} cmp;

/* the figures of the short list (80x24), in this order */
static const char *const short_keys[] = {
	"tco.monthly_usd", "tco.monthly_reserved_usd", "cost.fleet_usd_per_1m_tokens",
	"latency.ttft_p95_s", "latency.tpot_s", "latency.e2e_p95_s", "operating_point.batch",
	"fleet.replicas_total", "fleet.gpus", "memory.fits", "fleet.availability",
	"slo.met",
};
#define N_SHORT ((int)(sizeof short_keys / sizeof short_keys[0]))

void view_compare_pin(tui_app *a)
{
	for (int i = 0; i < cmp.n; i++)
		if (memcmp(&cmp.pins[i].s, &a->cur, sizeof a->cur) == 0) {
			state_message(a, false, "already pinned as %d (c compares)", i + 1);
			return;
		}
	if (cmp.n >= PIN_MAX) {
		state_message(a, true, "%d scenarios are pinned already, the most: c, "
		              "then x unpins one (X all)", PIN_MAX);
		return;
	}
	pin *p = &cmp.pins[cmp.n++];
	p->s = a->cur;
	model_eval(&p->s, &p->r);
	ui_copy(p->name, sizeof p->name, a->preset_name[0] ? a->preset_name : "defaults");
	p->changed = a->changed;
	state_message(a, false, "pinned as %d of %d: c compares the pinned scenarios "
	              "with now", cmp.n, PIN_MAX);
}

void view_compare_open(tui_app *a)
{
	cmp.sel = cmp.n;     /* "now" */
	cmp.left = 0;
	a->mode = MODE_COMPARE;
	a->dirty |= D_ALL;
}

static void unpin(tui_app *a, int i)
{
	if (i >= cmp.n) {
		state_message(a, false, "now is not pinned: P pins it; x unpins the "
		              "selected pinned column");
		return;
	}
	memmove(&cmp.pins[i], &cmp.pins[i + 1], (size_t)(cmp.n - i - 1) * sizeof cmp.pins[0]);
	cmp.n--;
	state_message(a, false, "unpinned %d; %d pinned", i + 1, cmp.n);
}

/* the selected pinned scenario back into the sliders, undoably */
static void restore(tui_app *a)
{
	if (cmp.sel >= cmp.n)
		return;
	a->cur = cmp.pins[cmp.sel].s;
	state_commit(a, -1);
	a->mode = MODE_MAIN;
	state_message(a, false, "pinned scenario %d is the current one (u undoes)",
	              cmp.sel + 1);
}

/* the keys of the view; Left/Right and h/l alike */
static int key_of(const TermKeyKey *k)
{
	if (k->type == TERMKEY_TYPE_UNICODE && !(k->modifiers & TERMKEY_KEYMOD_CTRL))
		return k->code.codepoint == 'h' ? 'L' + 256 : k->code.codepoint == 'l' ?
		       'R' + 256 : (int)k->code.codepoint;
	if (k->type != TERMKEY_TYPE_KEYSYM)
		return 0;
	switch (k->code.sym) {
	case TERMKEY_SYM_LEFT: return 'L' + 256;
	case TERMKEY_SYM_RIGHT: return 'R' + 256;
	case TERMKEY_SYM_HOME: return 'H' + 256;
	case TERMKEY_SYM_END: return 'E' + 256;
	case TERMKEY_SYM_DELETE: return 'x';
	case TERMKEY_SYM_ENTER: return '\n';
	case TERMKEY_SYM_ESCAPE: return 'q';
	default: return 0;
	}
}

bool view_compare_key(tui_app *a, TermKey *tk, TermKeyKey *k)
{
	(void)tk;
	a->dirty |= D_ALL;
	a->msg[0] = '\0';
	switch (key_of(k)) {
	case 'L' + 256: cmp.sel -= cmp.sel > 0; break;
	case 'R' + 256: cmp.sel += cmp.sel < cmp.n; break;
	case 'H' + 256: cmp.sel = 0; break;
	case 'E' + 256: cmp.sel = cmp.n; break;
	case 'x': unpin(a, cmp.sel); break;
	case 'X':
		cmp.n = 0;
		state_message(a, false, "every pinned scenario unpinned");
		break;
	case 'P': view_compare_pin(a); break;
	case '\n': restore(a); break;
	case 'q': case 'c': a->mode = MODE_MAIN; break;
	default: break;
	}
	if (cmp.sel > cmp.n)
		cmp.sel = cmp.n;
	return true;
}

/* ---- drawing -------------------------------------------------------------- */

/* s in at most w columns; a cut one ends in the ellipsis */
static void put_cut(const tui_app *a, int y, int x, int w, attr_t at, const char *s,
                    bool right)
{
	char buf[256];
	if (w <= 0)
		return;
	if (ui_width(s) <= w) {
		if (right)
			ui_put_right(y, x, w, at, s);
		else
			ui_put(y, x, w, at, s);
		return;
	}
	int used = ui_fit(s, w - 1, buf, sizeof buf);
	if (!buf[0])
		used = 0;
	ui_put(y, x, used, at, buf);
	ui_put(y, x + used, 1, at, a->g.ellipsis);
}

/* "a100-40g ×8 int4" */
static void hardware_words(const tui_app *a, const scenario *s, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s%d %s", s->gpu.id, a->g.times, s->gpus,
	         params_prec_name(s->weights));
}

/* the inputs where s differs from the first pinned scenario: "max_batch=8
 * +2" (the key without its section; +N more; the catalog's figures that
 * follow a changed model or accelerator are not counted) */
static void changes_words(const scenario *s0, const scenario *s, char *buf, size_t n)
{
	char v0[96], v[96];
	int count = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < params_count(); k++) {
		const param *p = params_at(k);
		params_get_text(s0, p, v0, sizeof v0);
		params_get_text(s, p, v, sizeof v);
		/* a figure the catalog fills in follows its model or
		 * accelerator: that choice is the change, not this */
		if (!strcmp(v0, v) || ((p->flags & (PF_FROM_MODEL | PF_FROM_GPU)) &&
		    params_is_default(s, p)))
			continue;
		if (count++ == 0) {
			const char *dot = strrchr(p->key, '.');
			snprintf(buf, n, "%s=%s", dot ? dot + 1 : p->key, v);
		}
	}
	if (count > 1) {
		size_t used = strlen(buf);
		snprintf(buf + used, n - used, " +%d", count - 1);
	}
	if (count == 0)
		snprintf(buf, n, "same inputs");
}

/* column c: its scenario, results and names */
static const scenario *col_s(const tui_app *a, int c) { return c < cmp.n ? &cmp.pins[c].s : &a->cur; }
static const results *col_r(const tui_app *a, int c) { return c < cmp.n ? &cmp.pins[c].r : &a->res; }

static void col_title(const tui_app *a, int c, char *buf, size_t n)
{
	if (c < cmp.n)
		snprintf(buf, n, "%d %s%s", c + 1, cmp.pins[c].name, cmp.pins[c].changed ? "*" : "");
	else
		snprintf(buf, n, "now %s%s", a->preset_name[0] ? a->preset_name : "defaults",
		         a->changed ? "*" : "");
}

void view_compare_draw(tui_app *a)
{
	int w = a->cols_n, h = a->rows_n - 2, y0 = 1;
	int ncol = cmp.n + 1;
	char buf[256], title[128], foot[200];
	attr_t text = ui_attr(a, TE_TEXT), dim = ui_attr(a, TE_DIM);
	const headline *rows[64];
	int nrows = 0;

	if (w < 40 || h < 12)
		return;
	ui_fill(y0, 0, h, w, text);
	/* the figures: every headline when they fit, else the short list */
	int room = h - 8;
	if ((int)headline_count() + 1 <= room) {
		for (size_t i = 0; i < headline_count() && nrows < 63; i++)
			rows[nrows++] = headline_at(i);
	} else {
		for (int i = 0; i < N_SHORT; i++)
			for (size_t j = 0; j < headline_count(); j++)
				if (!strcmp(headline_at(j)->key, short_keys[i]) && nrows < room - 1)
					rows[nrows++] = headline_at(j);
	}
	/* widths: the labels, then columns of value + change */
	int lw = (int)strlen(COMPARE_BINDS_LABEL);
	for (int i = 0; i < nrows; i++)
		if (ui_width(rows[i]->label) > lw)
			lw = ui_width(rows[i]->label);
	lw += 2;
	int cw = (w - 2 - lw) / ncol;
	if (cw > 36)
		cw = 36;
	if (cw < 19)
		cw = 19;
	int shown = (w - 2 - lw) / cw;
	if (shown > ncol)
		shown = ncol;
	if (shown < 1)
		shown = 1;
	if (cmp.sel < cmp.left)
		cmp.left = cmp.sel;
	if (cmp.sel >= cmp.left + shown)
		cmp.left = cmp.sel - shown + 1;
	if (cmp.left > ncol - shown)
		cmp.left = ncol - shown;
	if (cmp.left < 0)
		cmp.left = 0;
	int dw = 8, vw = cw - dw - 2;

	snprintf(title, sizeof title, "Compare: %d pinned and now; changes against %s",
	         cmp.n, cmp.n ? "pin 1" : "nothing (pin one with P)");
	snprintf(buf, sizeof buf, "columns %d-%d of %d", cmp.left + 1, cmp.left + shown, ncol);
	ui_hline_title(a, y0, 0, w, title, shown < ncol ? buf : NULL);
	snprintf(foot, sizeof foot, "%s%s column %s P pin now %s x unpin %s X all %s "
	         "Enter load pin %s Esc close", a->g.left, a->g.right, a->g.dot,
	         a->g.dot, a->g.dot, a->g.dot, a->g.dot);
	ui_hline_title(a, y0 + h - 1, 0, w, NULL, foot);

	/* headings: name, hardware, what differs from pin 1 */
	int x0 = 1 + lw;
	for (int j = 0; j < shown; j++) {
		int c = cmp.left + j, x = x0 + j * cw;
		attr_t at = c == cmp.sel ? ui_attr(a, TE_SELECTION) : ui_attr(a, TE_TITLE);
		col_title(a, c, buf, sizeof buf);
		ui_fill(y0 + 1, x, 1, cw - 1, at);
		put_cut(a, y0 + 1, x, cw - 1, at, buf, false);
		hardware_words(a, col_s(a, c), buf, sizeof buf);
		put_cut(a, y0 + 2, x, cw - 1, text, buf, false);
		if (c == 0 && cmp.n > 0)
			snprintf(buf, sizeof buf, "base for changes");
		else if (cmp.n > 0)
			changes_words(&cmp.pins[0].s, col_s(a, c), buf, sizeof buf);
		else
			buf[0] = '\0';
		put_cut(a, y0 + 3, x, cw - 1, dim, buf, false);
	}
	if (shown < ncol) {
		if (cmp.left > 0)
			ui_put(y0 + 1, x0 - 2, 1, dim, a->g.left);
		if (cmp.left + shown < ncol)
			ui_put(y0 + 1, x0 + shown * cw - 1, 1, dim, a->g.right);
	}

	/* one row per figure, then what binds */
	int y = y0 + 4;
	const scenario *s0 = cmp.n ? &cmp.pins[0].s : NULL;
	const results *r0 = cmp.n ? &cmp.pins[0].r : NULL;
	for (int i = 0; i <= nrows; i++, y++) {
		const headline *hd = i < nrows ? rows[i] : NULL;
		ui_put(y, 1, lw - 1, text, hd ? hd->label : COMPARE_BINDS_LABEL);
		for (int j = 0; j < shown; j++) {
			int c = cmp.left + j, x = x0 + j * cw;
			char v[128], d[64];
			if (!hd) {
				put_cut(a, y, x, cw - 1, text, col_r(a, c)->op.text, false);
				continue;
			}
			compare_cell(hd, col_s(a, c), col_r(a, c), true, v, sizeof v);
			d[0] = '\0';
			if (s0 && c > 0)
				compare_change(hd, s0, r0, col_s(a, c), col_r(a, c), true, d, sizeof d);
			double num = hd->get(col_s(a, c), col_r(a, c));
			if (hd->kind != 2 && !isfinite(num)) {
				/* a state in words, no change: under the numbers when
				 * it fits there, else across the whole cell */
				bool fits = ui_width(v) <= vw;
				put_cut(a, y, x, fits ? vw : cw - 1, ui_attr(a, TE_BAD), v, fits);
				continue;
			}
			put_cut(a, y, x, vw, text, v, true);
			if (strcmp(d, "n/a"))
				put_cut(a, y, x + vw + 1, dw, dim, d, false);
		}
	}

	/* the selected column in full */
	y++;
	if (y < y0 + h - 1) {
		int c = cmp.sel;
		char t[96], hw[96], ch[160];
		col_title(a, c, t, sizeof t);
		hardware_words(a, col_s(a, c), hw, sizeof hw);
		if (c > 0 && cmp.n > 0)
			changes_words(&cmp.pins[0].s, col_s(a, c), ch, sizeof ch);
		else
			ch[0] = '\0';
		char line[640];
		snprintf(line, sizeof line, "%s: %s%s%s; %s", t, hw, ch[0] ? "; " : "", ch,
		         col_r(a, c)->op.text);
		ui_put(y++, 1, w - 2, ui_attr(a, TE_ACCENT), line);
	}
	if (y < y0 + h - 1 && cmp.n == 0)
		ui_put(y, 1, w - 2, dim, "Nothing pinned: P pins the current scenario "
		       "(up to 4), here or in the explorer.");
}
