/* layout.c — where everything goes at this size, and the frame: title bar,
 * the grouped scrollable parameter list, the notes line and the status line. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/fleet.h"
#include "tui/ui.h"

/* Panels are drawn by panels.c, dialogs by dialogs.c.
 *   80x24 .. 119x39   list | Cost / Latency / Memory fit / Fleet-TCO stacked
 *   120x40 and up     list | two columns of wider panels + the batch chart
 *   below 80x24       "terminal too small" */

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static ui_rect rect(int y, int x, int h, int w)
{
	ui_rect r = { y, x, h, w };
	return r;
}

void layout_compute(tui_app *a)
{
	int rows = a->rows_n, cols = a->cols_n;
	int lw, px, pw, ph, y0 = 1;

	a->too_small = rows < UI_MIN_ROWS || cols < UI_MIN_COLS;
	a->big = !a->too_small && rows >= UI_BIG_ROWS && cols >= UI_BIG_COLS;
	if (a->too_small)
		return;

	a->r_title = rect(0, 0, 1, cols);
	a->r_status = rect(rows - 1, 0, 1, cols);
	if (!a->big) {
		lw = clampi(36 + (cols - 80) * 2 / 5, 36, 50);
		a->r_notes = rect(rows - 2, 0, 1, cols);
		ph = rows - 3;
	} else {
		lw = clampi(46 + (cols - 120) / 4, 46, 64);
		a->r_notes = rect(rows - 4, 0, 3, cols);
		ph = rows - 5;
	}
	if (a->present) {   /* presentation: the panels take the whole width */
		lw = 0;
		a->r_list = rect(y0, 0, 0, 0);
		px = 0;
	} else {
		a->r_list = rect(y0, 0, ph, lw);
		px = lw + 1;
	}
	pw = cols - px;
	a->r_panels = rect(y0, px, ph, pw);

	/* list columns: marker, label, bar, value */
	a->list_value_w = a->big ? 14 : 10;
	a->list_label_w = a->big ? 22 : 17;
	a->list_bar_w = lw - 1 - a->list_label_w - 1 - 1 - a->list_value_w - 1;
	if (a->list_bar_w < 4) {
		a->list_label_w -= 4 - a->list_bar_w;
		a->list_bar_w = 4;
	}

	if (!a->big) {
		/* stacked: 4 + 5 + 5 + the rest (≥ 7) at 24 rows; spare rows
		 * go one each to the first three, then to Fleet/TCO */
		int extra = ph - 21, e1 = 0, e2 = 0, e3 = 0;
		if (extra > 0) {
			e1 = clampi(extra / 4, 0, 3);
			e2 = clampi(extra / 4, 0, 4);
			e3 = clampi(extra / 4, 0, 3);
		}
		int y = y0;
		if (a->present) {
			/* presentation: the headline figure large, where the Cost
			 * panel was (its three main figures beside it) */
			a->r_head = rect(y, px, 4 + e1, pw);
			a->r_cost = rect(0, 0, 0, 0);
			y += a->r_head.h;
		} else {
			a->r_head = rect(0, 0, 0, 0);
			a->r_cost = rect(y, px, 4 + e1, pw);
			y += a->r_cost.h;
		}
		a->r_lat = rect(y, px, 5 + e2, pw);
		y += a->r_lat.h;
		a->r_mem = rect(y, px, 5 + e3, pw);
		y += a->r_mem.h;
		a->r_fleet = rect(y, px, y0 + ph - y, pw);
		a->r_chart = rect(0, 0, 0, 0);
	} else {
		a->r_head = rect(0, 0, 0, 0);
		int ch = clampi(ph - 24, 9, 14);
		int rest = ph - ch;
		int ha = rest * 9 / 20;
		int w1 = (pw - 1) / 2, w2 = pw - w1 - 1;
		a->r_cost = rect(y0, px, ha, w1);
		a->r_mem = rect(y0, px + w1 + 1, ha, w2);
		a->r_lat = rect(y0 + ha, px, rest - ha, w1);
		a->r_fleet = rect(y0 + ha, px + w1 + 1, rest - ha, w2);
		a->r_chart = rect(y0 + rest, px, ch, pw);
	}
	layout_scroll_to_sel(a);
}

void layout_scroll_to_sel(tui_app *a)
{
	int h = a->r_list.h;
	if (h <= 0)
		return;
	/* show the group heading above the first parameter of a group */
	int want_top = a->sel > 0 && a->rows[a->sel - 1].param < 0 ? a->sel - 1 : a->sel;
	if (want_top < a->top)
		a->top = want_top;
	if (a->sel >= a->top + h)
		a->top = a->sel - h + 1;
	if (a->top > a->n_rows - h)
		a->top = a->n_rows - h;
	if (a->top < 0)
		a->top = 0;
}

int layout_row_at(const tui_app *a, int y)
{
	if (a->too_small || y < a->r_list.y || y >= a->r_list.y + a->r_list.h)
		return -1;
	int row = a->top + (y - a->r_list.y);
	return row < a->n_rows ? row : -1;
}

void layout_bar_cols(const tui_app *a, int *x0, int *x1)
{
	*x0 = a->r_list.x + 1 + a->list_label_w + 1;
	*x1 = *x0 + a->list_bar_w;
}

/* A label too long for the list column: "per" becomes "/", then long
 * words take their usual abbreviations; what still does not fit is cut at
 * a word boundary by ui_put. */
static void short_label(const char *label, int w, char *out, size_t n)
{
	static const struct { const char *l, *s; } m[] = {
		{ " per ", "/" }, { "utilization", "util." }, { "availability", "avail." },
		{ "Availability", "Avail." }, { "latency", "lat." }, { "embeddings", "emb." },
		{ "decoding", "dec." }, { "quantisation", "quant." },
		{ "experts", "exp." }, { "overhead", "ovh." }, { "discount", "disc." },
		{ "electricity", "elec." }, { "price factor", "factor" },
		{ "instances", "inst." }, { "API output", "API out" }, { "API input", "API in" },
	};
	char tmp[96];
	ui_copy(out, n, label);
	for (size_t i = 0; i < sizeof m / sizeof m[0] && ui_width(out) > w; i++) {
		char *at = strstr(out, m[i].l);
		if (!at)
			continue;
		snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)(at - out), out, m[i].s,
		         at + strlen(m[i].l));
		ui_copy(out, n, tmp);
	}
}

/* The value of a parameter as shown in the list: exact text with its unit
 * when that fits, else three significant digits with k/M and the unit. */
static void list_value(const tui_app *a, int pi, char *out, size_t n)
{
	const param *p = ui_param(a, pi);
	char txt[96], num[48];
	double v;

	ui_param_text(a, &a->cur, pi, txt, sizeof txt);
	if (ui_is_choice(p)) {
		snprintf(out, n, "%s", txt);
		return;
	}
	v = ui_param_get(a, &a->cur, pi);
	if ((p->flags & PF_ZERO_AUTO) && v == 0) {
		snprintf(out, n, "auto");
		return;
	}
	/* exact text unless it is long (42.94967296): then four significant
	 * digits, or k/M for big numbers */
	if (strlen(txt) > 6 && fabs(v) < 9999.5)
		snprintf(txt, sizeof txt, "%.4g", v);
	else if (strlen(txt) > 6)
		fmt_count(txt, sizeof txt, v);
	const char *unit = p->unit;
	if (*unit)
		snprintf(out, n, "%s %s", txt, unit);
	else
		snprintf(out, n, "%s", txt);
	if (ui_width(out) <= a->list_value_w)
		return;
	unit = ui_short_unit(unit);
	if (*unit)
		snprintf(out, n, "%s %s", txt, unit);
	if (ui_width(out) <= a->list_value_w)
		return;
	fmt_count(num, sizeof num, v);
	if (fabs(v) < 9999.5 && fabs(v - round(v)) > 1e-9) {
		/* a real number: three significant digits */
		snprintf(num, sizeof num, "%.3g", v);
	}
	if (*unit)
		snprintf(out, n, "%s %s", num, unit);
	else
		snprintf(out, n, "%s", num);
	if (ui_width(out) > a->list_value_w)
		snprintf(out, n, "%s", num);
}

static unsigned long hash_str(unsigned long h, const char *s)
{
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211UL;   /* FNV-1a */
	return h;
}

/* One line of the list.  Each line's content is summed up in a hash; a line
 * whose hash has not changed since it was drawn is left alone (a slider step
 * redraws one line, not the list), unless full. */
static void draw_list_line(tui_app *a, int i, bool full)
{
	ui_rect r = a->r_list;
	attr_t text = ui_attr(a, TE_TEXT), selattr = ui_attr(a, TE_SELECTION);
	int row = a->top + i, y = r.y + i, bx0, bx1;
	char val[128] = "", mark[8] = " ", sig[320];
	const param *p = NULL;
	bool sel = row == a->sel;
	double pos = 0;
	const char *hint = i == 0 && a->top > 0 ? a->g.up :
	                   i == r.h - 1 && a->top + r.h < a->n_rows ? a->g.down : "";

	int pi = row < a->n_rows ? a->rows[row].param : -1;
	if (pi >= 0) {
		p = ui_param(a, pi);
		list_value(a, pi, val, sizeof val);
		if (!ui_is_choice(p))
			pos = ui_param_position(a, pi);
		if (a->has_base && !sel) {
			char t1[96], t2[96];
			ui_param_text(a, &a->cur, pi, t1, sizeof t1);
			ui_param_text(a, &a->base, pi, t2, sizeof t2);
			if (strcmp(t1, t2))
				snprintf(mark, sizeof mark, "*");
		}
	}
	snprintf(sig, sizeof sig, "%d|%d|%d|%d|%s|%.6f|%s|%s", row, row < a->n_rows, pi, sel,
	         val, pos, mark, hint);
	unsigned long h = hash_str(14695981039346656037UL, sig);
	if (!full && i < UI_LIST_LINES && a->list_sig[i] == h)
		return;
	if (i < UI_LIST_LINES)
		a->list_sig[i] = h;

	layout_bar_cols(a, &bx0, &bx1);
	ui_fill(y, r.x, 1, r.w, sel ? selattr : text);
	if (row < a->n_rows && !p) {
		char more[48] = "";
		if (a->rows[row].group == 0)
			snprintf(more, sizeof more, "m %s %d rows", a->arch_open ? "hides" :
			         "shows", rows_arch_count());
		ui_hline_title(a, y, r.x, r.w, a->rows[row].name, more[0] ? more : NULL);
	} else if (p) {
		attr_t la = sel ? selattr : text;
		char lab[96];
		if (sel)
			ui_put(y, r.x, 1, selattr, a->g.right);
		else if (*mark == '*')
			ui_put(y, r.x, 1, ui_attr(a, TE_BASELINE), "*");
		short_label(p->label, a->list_label_w, lab, sizeof lab);
		ui_put(y, r.x + 1, a->list_label_w, la, lab);
		if (ui_is_choice(p)) {
			int w = bx1 - bx0 + 1 + a->list_value_w;
			char buf[160];
			snprintf(buf, sizeof buf, "%s %s %s", a->g.left, val, a->g.right);
			if (!sel || ui_width(buf) > w)
				snprintf(buf, sizeof buf, "%s", val);
			ui_put_right(y, bx0, w, sel ? selattr : ui_attr(a, TE_ACCENT), buf);
		} else {
			ui_slider(a, y, bx0, a->list_bar_w, pos, sel);
			ui_put_right(y, bx1 + 1, a->list_value_w,
			             sel ? selattr : ui_attr(a, TE_ACCENT), val);
		}
	}
	if (*hint)   /* scroll hints */
		ui_put(y, r.x + r.w - 1, 1, ui_attr(a, TE_DIM), hint);
}

static void draw_list(tui_app *a, bool full)
{
	ui_rect r = a->r_list;

	if (r.w <= 0)
		return;   /* presentation mode */
	if (a->sel < a->top || a->sel >= a->top + r.h)
		layout_scroll_to_sel(a);   /* the rows were built anew (state.c) */

	for (int i = 0; i < r.h; i++)
		draw_list_line(a, i, full);
	if (full) {
		/* the rule between list and panels */
		attrset(ui_attr(a, TE_BORDER));
		for (int i = 0; i < r.h; i++)
			mvaddstr(r.y + i, r.x + r.w, a->g.vline);
		attrset(A_NORMAL);
	}
}

static void draw_title(tui_app *a)
{
	ui_rect r = a->r_title;
	attr_t st = ui_attr(a, TE_STATUS);
	char left[256], right[96];
	const scenario *s = &a->cur;

	ui_fill(r.y, r.x, 1, r.w, st);
	snprintf(right, sizeof right, "%s%s? help  q quit ",
	         a->has_base ? "[baseline]  " : "", a->present ? "z list  " : "");
	int rw = ui_width(right);
	snprintf(left, sizeof left, " infertui%s%s%s  %s on %d%s%s", *a->preset_name ? "  " : "",
	         a->preset_name, *a->preset_name && a->changed ? " (changed)" : "",
	         s->model.id[0] ? s->model.id : "custom model", s->gpus,
	         a->g.times, s->gpu.id[0] ? s->gpu.id : "custom GPU");
	int lw = ui_put(r.y, r.x, r.w - rw - 1, st | A_BOLD, left);
	if (lw + rw + 1 <= r.w)
		ui_put(r.y, r.x + r.w - rw, rw, st, right);
}

static void draw_notes(tui_app *a)
{
	ui_rect r = a->r_notes;
	char buf[512];

	ui_fill(r.y, r.x, r.h, r.w, ui_attr(a, TE_TEXT));
	panels_notes(a, buf, sizeof buf, r.w - 2);
	bool warn = a->res.batch_limit != LIMIT_MAX_BATCH || !a->res.fits ||
	            !a->res.ttft_ok || !a->res.tpot_ok || !a->res.e2e_ok;
	ui_put(r.y, r.x + 1, r.w - 2, ui_attr(a, warn ? TE_WARN : TE_DIM), buf);
	/* at large sizes, the model's own notes below */
	for (int i = 0, y = r.y + 1; i < a->res.n_notes && y < r.y + r.h; i++, y++) {
		char line[MODEL_NOTE_LEN + 8];
		snprintf(line, sizeof line, "%s %s", a->g.dot, a->res.notes[i]);
		ui_put(y, r.x + 1, r.w - 2, ui_attr(a, TE_DIM), line);
	}
}

static void draw_status(tui_app *a)
{
	ui_rect r = a->r_status;
	attr_t st = ui_attr(a, TE_STATUS);

	ui_fill(r.y, r.x, 1, r.w, st);
	if (a->mode == MODE_EDIT || a->mode == MODE_SAVE) {
		dialog_edit_draw(a);
		return;
	}
	if (a->msg[0]) {
		ui_put(r.y, r.x + 1, r.w - 2, a->msg_error ? ui_attr(a, TE_BAD) | A_BOLD : st,
		       a->msg);
		return;
	}
	if (a->sel >= 0 && a->sel < a->n_rows && a->rows[a->sel].param >= 0) {
		const param *p = ui_param(a, a->rows[a->sel].param);
		char buf[512], range[96] = "";
		if (!ui_is_choice(p)) {
			/* as people write them: 16.8M, not 1.67772e+07 */
			char lo[32], hi[32];
			fmt_count(lo, sizeof lo, p->min);
			fmt_count(hi, sizeof hi, p->max);
			snprintf(range, sizeof range, " (%s to %s%s%s)", lo, hi,
			         *p->unit ? " " : "", p->unit);
		}
		snprintf(buf, sizeof buf, "%s: %s%s", p->key, p->help ? p->help : p->label,
		         range);
		/* a slider that cannot change the answer says so */
		if (!strcmp(p->key, "serving.max_batch") && a->res.op.reason == OP_SLO &&
		    a->res.op.batch < a->cur.max_batch)
			snprintf(buf, sizeof buf, "Max batch %d is above the SLO batch %d, the "
			         "one priced: no change above %d", a->cur.max_batch,
			         a->res.op.batch, a->res.op.batch);
		ui_put(r.y, r.x + 1, r.w - 2, st, buf);
	}
}

static void draw_too_small(tui_app *a)
{
	char l1[64], l2[64];
	int y = a->rows_n / 2 - 1;

	erase();
	snprintf(l1, sizeof l1, "Terminal too small");
	snprintf(l2, sizeof l2, "%dx%d, needs %dx%d", a->cols_n, a->rows_n,
	         UI_MIN_COLS, UI_MIN_ROWS);
	const char *l3 = "enlarge it, or q to quit";
	const char *lines[3] = { l1, l2, l3 };
	for (int i = 0; i < 3; i++) {
		int w = ui_width(lines[i]);
		int x = (a->cols_n - w) / 2;
		if (x < 0)
			x = 0;
		if (y + i >= 0 && y + i < a->rows_n)
			ui_put(y + i, x, a->cols_n - x, ui_attr(a, i ? TE_TEXT : TE_BAD) |
			       (i ? 0 : A_BOLD), lines[i]);
	}
}

void layout_draw(tui_app *a)
{
	if (!a->dirty)
		return;
	if (a->too_small) {
		draw_too_small(a);
		a->dirty = 0;
		return;
	}
	/* dialogs sit on top of everything: all is drawn while one is open,
	 * and once more when it closes */
	bool full = a->full_redraw || a->mode != a->drawn_mode ||
	            a->mode == MODE_HELP || a->mode == MODE_PICKER ||
	            a->mode == MODE_SEARCH || a->mode == MODE_CHARTS ||
	            a->mode == MODE_COMPARE;
	if (full) {
		/* also the cells no region owns (the gap between two panels at
		 * large sizes), which a closed dialog would leave behind;
		 * ncurses sends only the cells that changed */
		erase();
		a->dirty = D_ALL;
	}
	a->full_redraw = false;
	a->drawn_mode = a->mode;
	if (a->dirty & D_TITLE)
		draw_title(a);
	if (a->dirty & D_LIST)
		draw_list(a, full);
	if (a->dirty & D_PANELS) {
		panels_draw(a);
		draw_notes(a);
	}
	if (a->dirty & D_STATUS)
		draw_status(a);
	if (a->mode == MODE_HELP)
		dialog_help_draw(a);
	else if (a->mode == MODE_PICKER)
		pick_draw(a);
	else if (a->mode == MODE_SEARCH)
		view_search_draw(a);
	else if (a->mode == MODE_CHARTS)
		view_charts_draw(a);
	else if (a->mode == MODE_COMPARE)
		view_compare_draw(a);
	a->dirty = 0;
}
