/* view_charts.c — the charts (key g): the frontier (output tokens/s per
 * GPU against tokens/s per user across batch sizes, the current
 * configuration and the search's best three, the TPOT SLO as a line),
 * $/month against daily volume (this fleet and the API), the roofline
 * placement of the decode step and the prefill, and the sensitivity
 * tornado.  At 80x24 one chart at a time (Tab, 1-4); from 160x48 all four.
 * The figures come from answers/charts.c and sensitivity.c. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/answers.h"
#include "answers/emit.h"
#include "tui/ui.h"

#define N_CHARTS 4
#define MAX_SERIES 4
#define TORNADO_MAX 64

static const char *const chart_names[N_CHARTS] = {
	"frontier", "$/month vs volume", "roofline", "sensitivity"
};

static struct {
	int which;
	/* frontier: the current configuration and the search's best three */
	frontier_pt fp[MAX_SERIES][CHART_POINTS];
	int nfp[MAX_SERIES];
	char fname[MAX_SERIES][64];
	int nser;
	volume_pt vp[25];
	int nvp;
	roofline rl;
	sens_row sens[TORNADO_MAX];
	int nsens, unmoved;
	double month, per_m;
} cv;

static void compute(tui_app *a)
{
	static search_result sr;
	static scenario t;
	search_opts o;
	char err[200];

	cv.nfp[0] = chart_frontier(&a->cur, cv.fp[0], CHART_POINTS);
	snprintf(cv.fname[0], sizeof cv.fname[0], "current");
	cv.nser = 1;
	search_opts_defaults(&o);
	o.top = MAX_SERIES - 1;
	if (search_run(&a->cur, &o, &sr, err, sizeof err) == 0)
		for (int i = 0; i < sr.n_rows && cv.nser < MAX_SERIES; i++) {
			t = a->cur;
			search_apply(&t, &sr.rows[i].c);
			cv.nfp[cv.nser] = chart_frontier(&t, cv.fp[cv.nser], CHART_POINTS);
			snprintf(cv.fname[cv.nser], sizeof cv.fname[0], "#%d %s x%d %s",
			         i + 1, sr.rows[i].c.gpu, sr.rows[i].c.gpus,
			         params_prec_name(sr.rows[i].c.weights));
			cv.nser++;
		}
	cv.nvp = chart_volume(&a->cur, cv.vp, 25);
	chart_roofline(&a->cur, &a->res, &cv.rl);
	cv.nsens = sensitivity_compute(&a->cur, cv.sens, TORNADO_MAX, &cv.unmoved,
	                               &cv.month, &cv.per_m);
}

void view_charts_open(tui_app *a)
{
	compute(a);
	a->mode = MODE_CHARTS;
	a->dirty |= D_ALL;
}

bool view_charts_key(tui_app *a, TermKey *tk, TermKeyKey *k)
{
	(void)tk;
	a->dirty |= D_ALL;
	if (k->type == TERMKEY_TYPE_KEYSYM) {
		switch (k->code.sym) {
		case TERMKEY_SYM_TAB:
		case TERMKEY_SYM_RIGHT: cv.which = (cv.which + 1) % N_CHARTS; break;
		case TERMKEY_SYM_LEFT: cv.which = (cv.which + N_CHARTS - 1) % N_CHARTS; break;
		case TERMKEY_SYM_ESCAPE: a->mode = MODE_MAIN; break;
		default: break;
		}
	} else if (k->type == TERMKEY_TYPE_UNICODE) {
		long c = k->code.codepoint;
		if (c >= '1' && c < '1' + N_CHARTS)
			cv.which = (int)(c - '1');
		else if (c == 'q' || c == 'g')
			a->mode = MODE_MAIN;
	}
	return true;
}

/* ---- a plot --------------------------------------------------------------- */

typedef struct {
	const double *x, *y;
	int n;
	const char *glyph;
	attr_t attr;
} series;

static double tx(double v, bool lg) { return lg ? log10(v) : v; }

static void short_num(char *b, size_t n, double v)
{
	double a = fabs(v);
	if (a >= 1e12) snprintf(b, n, "%.3gT", v / 1e12);
	else if (a >= 1e9) snprintf(b, n, "%.3gG", v / 1e9);
	else if (a >= 1e6) snprintf(b, n, "%.3gM", v / 1e6);
	else if (a >= 1e3) snprintf(b, n, "%.3gk", v / 1e3);
	else snprintf(b, n, "%.3g", v);
}

/* points of the series in [y, y+h) x [x, x+w): a left axis of labels, a
 * bottom axis; vx (NAN: none) draws a vertical line there */
static void plot(tui_app *a, int y, int x, int h, int w, const series *s,
                 int ns, bool xlog, bool ylog, double vx, const char *xlabel)
{
	double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
	int lw = 7, ph = h - 2, pw = w - lw - 1;
	char b[32];
	attr_t dim = ui_attr(a, TE_DIM);

	if (ph < 3 || pw < 10)
		return;
	for (int k = 0; k < ns; k++)
		for (int i = 0; i < s[k].n; i++) {
			double px = s[k].x[i], py = s[k].y[i];
			if (!isfinite(px) || !isfinite(py) || (xlog && px <= 0) || (ylog && py <= 0))
				continue;
			x0 = fmin(x0, tx(px, xlog)); x1 = fmax(x1, tx(px, xlog));
			y0 = fmin(y0, tx(py, ylog)); y1 = fmax(y1, tx(py, ylog));
		}
	if (isfinite(vx) && (!xlog || vx > 0)) {
		x0 = fmin(x0, tx(vx, xlog));
		x1 = fmax(x1, tx(vx, xlog));
	}
	if (!(x0 <= x1) || !(y0 <= y1)) {
		ui_put(y + h / 2, x + 2, w - 4, dim, "nothing to draw (does not fit)");
		return;
	}
	if (!ylog && y0 > 0)
		y0 = 0;
	if (x1 - x0 < 1e-12) { x0 -= 0.5; x1 += 0.5; }
	if (y1 - y0 < 1e-12) { y0 -= 0.5; y1 += 0.5; }
	/* axes */
	for (int i = 0; i < ph; i++)
		ui_put(y + i, x + lw, 1, dim, a->g.vline);
	for (int i = 0; i < pw + 1; i++)
		ui_put(y + ph, x + lw + i, 1, dim, a->g.hline);
	short_num(b, sizeof b, ylog ? pow(10, y1) : y1);
	ui_put_right(y, x, lw - 1, dim, b);
	short_num(b, sizeof b, ylog ? pow(10, y0) : y0);
	ui_put_right(y + ph - 1, x, lw - 1, dim, b);
	short_num(b, sizeof b, xlog ? pow(10, x0) : x0);
	ui_put(y + ph + 1, x + lw, 10, dim, b);
	short_num(b, sizeof b, xlog ? pow(10, x1) : x1);
	ui_put_right(y + ph + 1, x + lw + pw - 10, 10, dim, b);
	ui_put(y + ph + 1, x + lw + 11, pw - 22 > 0 ? pw - 22 : 0, dim, xlabel);
	if (isfinite(vx) && (!xlog || vx > 0)) {
		int cx = (int)lround((tx(vx, xlog) - x0) / (x1 - x0) * (pw - 1));
		for (int i = 0; i < ph; i++)
			ui_put(y + i, x + lw + 1 + cx, 1, ui_attr(a, TE_WARN), ":");
	}
	for (int k = 0; k < ns; k++)
		for (int i = 0; i < s[k].n; i++) {
			double px = s[k].x[i], py = s[k].y[i];
			if (!isfinite(px) || !isfinite(py) || (xlog && px <= 0) || (ylog && py <= 0))
				continue;
			int cx = (int)lround((tx(px, xlog) - x0) / (x1 - x0) * (pw - 1));
			int cy = (int)lround((tx(py, ylog) - y0) / (y1 - y0) * (ph - 1));
			ui_put(y + ph - 1 - cy, x + lw + 1 + cx, 1, s[k].attr, s[k].glyph);
		}
}

/* ---- the four charts ------------------------------------------------------ */

static const char *const glyphs[MAX_SERIES] = { "*", "1", "2", "3" };

static void draw_frontier(tui_app *a, int y, int x, int h, int w)
{
	static double xs[MAX_SERIES][CHART_POINTS], ys[MAX_SERIES][CHART_POINTS];
	series s[MAX_SERIES];
	char buf[256];
	int used = 0;

	for (int k = 0; k < cv.nser; k++) {
		for (int i = 0; i < cv.nfp[k]; i++) {
			xs[k][i] = cv.fp[k][i].user_tok_s;
			ys[k][i] = cv.fp[k][i].gpu_tok_s;
		}
		s[k] = (series){ xs[k], ys[k], cv.nfp[k], glyphs[k],
		                 ui_attr(a, k ? TE_DIM : TE_ACCENT) };
	}
	buf[0] = '\0';
	for (int k = 0; k < cv.nser; k++)
		used += snprintf(buf + used, sizeof buf - (size_t)used, "%s%s %s",
		                 k ? "  " : "", glyphs[k], cv.fname[k]);
	ui_put(y, x, w, ui_attr(a, TE_TEXT), buf);
	snprintf(buf, sizeof buf, "out tok/s per GPU (up) against tok/s per user; "
	         ": the TPOT SLO (%g tok/s)", a->cur.tpot_slo_s > 0 ?
	         1 / a->cur.tpot_slo_s : 0);
	ui_put(y + 1, x, w, ui_attr(a, TE_DIM), buf);
	plot(a, y + 2, x, h - 2, w, s, cv.nser, false, false,
	     a->cur.tpot_slo_s > 0 ? 1 / a->cur.tpot_slo_s : NAN,
	     "tok/s per user, across batch sizes");
}

static void draw_volume(tui_app *a, int y, int x, int h, int w)
{
	static double xs[25], f[25], api[25];
	char buf[200];
	for (int i = 0; i < cv.nvp; i++) {
		xs[i] = cv.vp[i].requests_per_day;
		f[i] = cv.vp[i].fleet_usd_month;
		api[i] = cv.vp[i].api_usd_month;
	}
	series s[2] = {
		{ xs, f, cv.nvp, "*", ui_attr(a, TE_ACCENT) },
		{ xs, api, cv.nvp, "o", ui_attr(a, TE_WARN) },
	};
	ui_put(y, x, w, ui_attr(a, TE_TEXT), "* this fleet  o the API   ($/month, log, against req/day, log)");
	if (a->res.break_even_requests_per_day > 0)
		snprintf(buf, sizeof buf, "break-even at %.3g req/day; : today's volume",
		         a->res.break_even_requests_per_day);
	else
		snprintf(buf, sizeof buf, "no break-even: the API is cheaper at every volume; "
		         ": today's volume");
	ui_put(y + 1, x, w, ui_attr(a, TE_DIM), buf);
	plot(a, y + 2, x, h - 2, w, s, 2, true, true, a->cur.requests_per_day,
	     "requests per day");
}

static void draw_roofline(tui_app *a, int y, int x, int h, int w)
{
	static double ax[40], ay[40], dx[1], dy[1], px[1], py[1];
	const roofline *r = &cv.rl;
	char buf[200];
	double lo = fmin(r->decode_ai, r->prefill_ai) / 4, hi = fmax(r->decode_ai, r->prefill_ai) * 4;
	if (!(lo > 0) || !isfinite(hi)) { lo = 1; hi = 1e4; }
	lo = fmin(lo, r->ridge / 4);
	hi = fmax(hi, r->ridge * 4);
	for (int i = 0; i < 40; i++) {
		ax[i] = lo * pow(hi / lo, i / 39.0);
		ay[i] = fmin(r->peak_flops, r->bandwidth * ax[i]);
	}
	dx[0] = r->decode_ai; dy[0] = r->decode_flops;
	px[0] = r->prefill_ai; py[0] = r->prefill_flops;
	series s[3] = {
		{ ax, ay, 40, ".", ui_attr(a, TE_DIM) },
		{ dx, dy, 1, "D", ui_attr(a, TE_ACCENT) },
		{ px, py, 1, "P", ui_attr(a, TE_WARN) },
	};
	snprintf(buf, sizeof buf, ". ceilings %.0f TFLOP/s, %.2f TB/s  D decode: %s  "
	         "P prefill: %s", r->peak_flops / 1e12, r->bandwidth / 1e12,
	         r->decode_compute_bound ? "compute" : "memory",
	         r->prefill_compute_bound ? "compute" : "memory");
	ui_put(y, x, w, ui_attr(a, TE_TEXT), buf);
	snprintf(buf, sizeof buf, "achieved FLOP/s per GPU (log) against FLOP per "
	         "byte (log); : the ridge, %.0f FLOP/byte", r->ridge);
	ui_put(y + 1, x, w, ui_attr(a, TE_DIM), buf);
	plot(a, y + 2, x, h - 2, w, s, 3, true, true, r->ridge, "arithmetic intensity");
}

static void draw_tornado(tui_app *a, int y, int x, int h, int w)
{
	char buf[200], m[64];
	double maxs = 0;
	int kw = 26, half = (w - kw - 14) / 2;

	snprintf(buf, sizeof buf, "-10%% (half bar) / +10%% (full bar) of each input, "
	         "or one step: $/month against $%s", isfinite(cv.month) ?
	         emit_money(m, sizeof m, cv.month, 0) : "no fleet");
	ui_put(y, x, w, ui_attr(a, TE_TEXT), buf);
	if (half < 3)
		return;
	for (int i = 0; i < cv.nsens; i++)
		for (int k = 0; k < 2; k++)
			if (isfinite(cv.sens[i].month[k]) && isfinite(cv.month) && cv.month > 0)
				maxs = fmax(maxs, fabs(cv.sens[i].month[k] - cv.month) / cv.month);
	int rows = h - 2 < cv.nsens ? h - 2 : cv.nsens;
	for (int i = 0; i < rows; i++) {
		const sens_row *s = &cv.sens[i];
		int yy = y + 1 + i, cx = x + kw + half;
		ui_put(yy, x, kw - 1, ui_attr(a, TE_TEXT), s->key);
		ui_put(yy, cx, 1, ui_attr(a, TE_DIM), a->g.vline);
		for (int k = 0; k < 2; k++) {
			double d = isfinite(s->month[k]) && isfinite(cv.month) && cv.month > 0 ?
			           (s->month[k] - cv.month) / cv.month : NAN;
			if (!isfinite(d)) {
				ui_put(yy, k ? cx + 1 : cx - 7, 7, ui_attr(a, TE_BAD), "no fit");
				continue;
			}
			int n = maxs > 0 ? (int)lround(fabs(d) / maxs * half) : 0;
			if (n == 0 && d != 0)
				n = 1;
			/* the low side's bar in the accent, the high side's in warn;
			 * left of the axis when it lowers the month */
			attr_t at = ui_attr(a, k ? TE_WARN : TE_ACCENT);
			int bx = d < 0 ? cx - n : cx + 1;
			for (int j = 0; j < n; j++)
				ui_put(yy, bx + j, 1, at, k ? a->g.blocks[8] : a->g.blocks[4]);
		}
		snprintf(buf, sizeof buf, "%+.0f%%", 100 * (isfinite(s->swing_month) ? s->swing_month : 0));
		ui_put_right(yy, x + w - 7, 7, ui_attr(a, TE_DIM), isfinite(s->swing_month) ? buf : "no fit");
	}
	if (rows < cv.nsens || cv.unmoved) {
		snprintf(buf, sizeof buf, "%d more move the cost less; %d move neither figure",
		         cv.nsens - rows, cv.unmoved);
		ui_put(y + h - 1, x, w, ui_attr(a, TE_DIM), buf);
	}
}

static void draw_one(tui_app *a, int which, int y, int x, int h, int w)
{
	switch (which) {
	case 0: draw_frontier(a, y, x, h, w); break;
	case 1: draw_volume(a, y, x, h, w); break;
	case 2: draw_roofline(a, y, x, h, w); break;
	default: draw_tornado(a, y, x, h, w); break;
	}
}

void view_charts_draw(tui_app *a)
{
	int w = a->cols_n, h = a->rows_n - 2, y0 = 1;
	char title[160], foot[128];
	bool grid = a->cols_n >= 160 && a->rows_n >= 48;

	if (w < 40 || h < 10)
		return;
	ui_fill(y0, 0, h, w, ui_attr(a, TE_TEXT));
	if (grid) {
		int hw = w / 2, hh = (h - 1) / 2;
		for (int i = 0; i < N_CHARTS; i++) {
			int yy = y0 + (i / 2) * hh, xx = (i % 2) * hw;
			snprintf(title, sizeof title, "%d %s", i + 1, chart_names[i]);
			ui_hline_title(a, yy, xx, hw - 1, title, NULL);
			draw_one(a, i, yy + 1, xx + 1, hh - 1, hw - 3);
		}
		ui_hline_title(a, y0 + h - 1, 0, w, NULL, "Esc close");
		return;
	}
	snprintf(title, sizeof title, "Charts: %d %s", cv.which + 1, chart_names[cv.which]);
	snprintf(foot, sizeof foot, "Tab/1-4 next chart %s Esc close", a->g.dot);
	ui_hline_title(a, y0, 0, w, title, NULL);
	ui_hline_title(a, y0 + h - 1, 0, w, NULL, foot);
	draw_one(a, cv.which, y0 + 1, 1, h - 2, w - 2);
}
