/* view_search.c — the search panel (key o): the cheapest configurations
 * that meet the current scenario's SLOs and availability target, rerun on
 * every key while the panel is open (a search takes a few milliseconds);
 * Enter applies the selected one to the sliders as one undoable step.
 * The search itself is answers/search.c, the same as --optimize. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answers/answers.h"
#include "answers/emit.h"
#include "tui/ui.h"

static struct {
	search_opts opts;
	search_result *res;
	int sel;
	double ms;
	bool failed;
	char err[200];
} sv;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void rerun(tui_app *a)
{
	double t0 = now_ms();

	if (!sv.res && !(sv.res = malloc(sizeof *sv.res))) {
		sv.failed = true;
		snprintf(sv.err, sizeof sv.err, "out of memory");
		return;
	}
	sv.failed = search_run(&a->cur, &sv.opts, sv.res, sv.err, sizeof sv.err) != 0;
	sv.ms = now_ms() - t0;
	if (sv.failed)
		sv.res->n_rows = 0;
	if (sv.sel >= sv.res->n_rows)
		sv.sel = sv.res->n_rows > 0 ? sv.res->n_rows - 1 : 0;
}

void view_search_open(tui_app *a)
{
	search_opts_defaults(&sv.opts);
	sv.opts.top = 10;
	sv.sel = 0;
	rerun(a);
	a->mode = MODE_SEARCH;
	a->dirty |= D_ALL;
}

static const char *objective_label(enum search_objective o)
{
	return o == OBJ_RESERVED ? "$/month reserved" :
	       o == OBJ_TOKENS ? "$/1M tokens at SLO load" : "$/month on demand";
}

static void apply(tui_app *a)
{
	char label[128];

	if (!sv.res || sv.sel >= sv.res->n_rows)
		return;
	search_config_label(&sv.res->rows[sv.sel].c, label, sizeof label);
	search_apply(&a->cur, &sv.res->rows[sv.sel].c);
	state_commit(a, -1);
	a->mode = MODE_MAIN;
	state_message(a, false, "applied %s (u undoes)", label);
}

bool view_search_key(tui_app *a, TermKey *tk, TermKeyKey *k)
{
	(void)tk;
	a->dirty |= D_ALL;
	if (k->type == TERMKEY_TYPE_KEYSYM) {
		switch (k->code.sym) {
		case TERMKEY_SYM_UP: if (sv.sel > 0) sv.sel--; break;
		case TERMKEY_SYM_DOWN: sv.sel++; break;
		case TERMKEY_SYM_HOME: sv.sel = 0; break;
		case TERMKEY_SYM_END: sv.sel = SEARCH_TOP_MAX; break;
		case TERMKEY_SYM_ENTER: apply(a); return true;
		case TERMKEY_SYM_ESCAPE: a->mode = MODE_MAIN; return true;
		default: break;
		}
	} else if (k->type == TERMKEY_TYPE_UNICODE) {
		switch (k->code.codepoint) {
		case 'k': if (sv.sel > 0) sv.sel--; break;
		case 'j': sv.sel++; break;
		case 'm':
			sv.opts.objective = (enum search_objective)((sv.opts.objective + 1) % 3);
			sv.sel = 0;
			break;
		case 'i':
			sv.opts.instances = !sv.opts.instances;
			sv.sel = 0;
			break;
		case 'q': case 'o': a->mode = MODE_MAIN; return true;
		default: break;
		}
	}
	rerun(a);     /* every key: the panel stays live */
	return true;
}

void view_search_draw(tui_app *a)
{
	int w = a->cols_n, h = a->rows_n - 2, y0 = 1, x0 = 0;
	char buf[320], money[64], foot[128];
	attr_t text = ui_attr(a, TE_TEXT), dim = ui_attr(a, TE_DIM);

	if (w < 20 || h < 6)
		return;
	ui_fill(y0, x0, h, w, text);
	ui_hline_title(a, y0, x0, w, "Search: cheapest within the SLOs",
	               objective_label(sv.opts.objective));
	snprintf(foot, sizeof foot, "Enter apply %s %s%s select %s m objective %s "
	         "i instances %s Esc close", a->g.dot, a->g.up, a->g.down, a->g.dot, a->g.dot,
	         a->g.dot);
	ui_hline_title(a, y0 + h - 1, x0, w, NULL, foot);
	int y = y0 + 1, inner = w - 2;
	if (sv.failed || !sv.res) {
		ui_put(y, x0 + 1, inner, ui_attr(a, TE_BAD), sv.failed ? sv.err : "no search");
		return;
	}
	const search_result *r = sv.res;
	snprintf(buf, sizeof buf, "%s req/day; TTFT %.2g s, TPOT %.3g ms, E2E %.3g s, "
	         "availability %g%%", emit_money(money, sizeof money,
	         a->cur.requests_per_day, 0), a->cur.ttft_slo_s,
	         a->cur.tpot_slo_s * 1e3, a->cur.e2e_slo_s, 100 * a->cur.availability);
	ui_put(y++, x0 + 1, inner, dim, buf);
	if (r->n_rows == 0) {
		ui_put(y++, x0 + 1, inner, ui_attr(a, TE_BAD),
		       "No configuration in the space meets every constraint.");
	} else {
		int cw = inner - 36 > 20 ? inner - 36 : 20;
		snprintf(buf, sizeof buf, "   %-*.*s %5s %12s %8s %-5s", cw, cw,
		         "configuration", "GPUs", "$/month", "$/1M", "binds");
		ui_put(y++, x0 + 1, inner, ui_attr(a, TE_TITLE), buf);
	}
	/* rows: as many as fit, leaving room for the selected one's details
	 * and a few reasons */
	int room = h - 2 - (y - y0) - 4;
	if (room < 1)
		room = 1;
	int n = r->n_rows < room ? r->n_rows : room;
	if (sv.sel >= n)
		sv.sel = n > 0 ? n - 1 : 0;
	for (int i = 0; i < n; i++) {
		const search_row *w_ = &r->rows[i];
		char label[128];
		int cw = inner - 36 > 20 ? inner - 36 : 20;
		search_config_label(&w_->c, label, sizeof label);
		emit_money(money, sizeof money, w_->monthly_usd, 0);
		snprintf(buf, sizeof buf, "%s%-3d%-*.*s %5ld %12s %8.3f %-5.5s",
		         i == sv.sel ? "" : "", i + 1, cw, cw, label, w_->fleet_gpus,
		         money, w_->usd_per_1m_tokens, w_->binds);
		ui_put(y++, x0 + 1, inner, i == sv.sel ? ui_attr(a, TE_SELECTION) : text, buf);
	}
	if (n > 0 && y < y0 + h - 2) {
		const search_row *s = &r->rows[sv.sel];
		char t[4][16];
		emit_pct(t[0], sizeof t[0], s->m_ttft);
		emit_pct(t[1], sizeof t[1], s->m_tpot);
		emit_pct(t[2], sizeof t[2], s->m_e2e);
		emit_pct(t[3], sizeof t[3], s->m_avail);
		snprintf(buf, sizeof buf, "#%d margins: TTFT %s, TPOT %s, E2E %s, "
		         "availability %s; %d replicas, batch %d", sv.sel + 1, t[0],
		         t[1], t[2], t[3], s->replicas, s->batch);
		ui_put(y++, x0 + 1, inner, ui_attr(a, TE_ACCENT), buf);
	}
	for (int i = 0; i < r->n_excluded && y < y0 + h - 2; i++) {
		snprintf(buf, sizeof buf, "no: %s: %s", r->excluded[i].what,
		         r->excluded[i].why);
		ui_put(y++, x0 + 1, inner, dim, buf);
	}
	char c1[32], c2[32];
	snprintf(buf, sizeof buf, "%s configurations, %s evaluations, %.1f ms",
	         emit_money(c1, sizeof c1, (double)r->configurations, 0),
	         emit_money(c2, sizeof c2, (double)r->evaluations, 0), sv.ms);
	ui_put_right(y0 + h - 2, x0 + 1, inner, dim, buf);
}
