/* panels.c — Cost, Latency, Memory fit, Fleet/TCO, the notes line and the
 * batch chart, every figure from results (model_eval) with its unit. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/fleet.h"
#include "tui/ui.h"

/* With a baseline each row shows the change, absolute and relative.  Rows
 * are listed most important first: a small panel shows the first few, a
 * large one all of them. */

typedef void (*fmt_fn)(char *, size_t, double);

typedef struct {
	const tui_app *a;
	ui_rect r;
	int y;           /* next line */
	int dw;          /* delta column width (0: no baseline) */
} panel;

static void panel_begin(panel *p, const tui_app *a, ui_rect r, const char *title,
                        const char *right)
{
	p->a = a;
	p->r = r;
	p->y = r.y + 1;
	p->dw = a->has_base ? (a->big ? 18 : 16) : 0;
	ui_fill(r.y, r.x, r.h, r.w, ui_attr(a, TE_TEXT));
	ui_hline_title(a, r.y, r.x, r.w, title, right);
	/* rows no wider than the eye can follow from label to value */
	int maxw = 58 + p->dw;
	if (p->r.w > maxw)
		p->r.w = maxw;
}

static bool panel_room(const panel *p)
{
	return p->y < p->r.y + p->r.h;
}

static void fmt_usd_h(char *b, size_t n, double v)
{
	char t[40];
	fmt_usd(t, sizeof t, v);
	snprintf(b, n, "%s/h", t);
}

static void fmt_usd_mo(char *b, size_t n, double v)
{
	char t[40];
	fmt_usd(t, sizeof t, v);
	snprintf(b, n, "%s/mo", t);
}

static void fmt_usd_yr(char *b, size_t n, double v)
{
	char t[40];
	fmt_usd(t, sizeof t, v);
	snprintf(b, n, "%s/yr", t);
}

static void fmt_tok_s(char *b, size_t n, double v) { fmt_rate(b, n, v, "tok/s"); }
static void fmt_req_s(char *b, size_t n, double v) { fmt_rate(b, n, v, "req/s"); }
static void fmt_req_day(char *b, size_t n, double v) { fmt_rate(b, n, v, "req/day"); }
static void fmt_tok_usd(char *b, size_t n, double v) { fmt_rate(b, n, v, "tok/$"); }
static void fmt_seqs(char *b, size_t n, double v)
{
	char t[48];
	fmt_count(t, sizeof t, v);
	snprintf(b, n, "%s seqs", t);
}
static void fmt_pct(char *b, size_t n, double v)
{
	snprintf(b, n, "%.1f%%", v * 100);
}
static void fmt_x(char *b, size_t n, double v)
{
	snprintf(b, n, "%.2fx", v);
}

/* one "label  value [mark]  delta" row */
static void prow(panel *p, const char *label, double cur, double base, fmt_fn f,
                 const char *mark, attr_t mark_attr)
{
	char val[64], delta[64] = "";

	if (!panel_room(p))
		return;
	f(val, sizeof val, cur);
	if (p->dw)
		fmt_delta(delta, sizeof delta, cur, base, f);
	ui_row_value(p->a, p->y, p->r.x, p->r.w, label, val, mark, mark_attr, delta,
	             p->dw);
	p->y++;
}

static void slo_mark(const tui_app *a, bool ok, const char **mark, attr_t *at)
{
	*mark = ok ? a->g.ok : a->g.fail;
	*at = ui_attr(a, ok ? TE_GOOD : TE_BAD) | (ok ? 0 : A_BOLD);
}

static void draw_cost(tui_app *a)
{
	const results *r = &a->res, *b = &a->base_res;
	panel p;
	char right[64], t[48];

	fmt_usd(t, sizeof t, r->replica_usd_per_hour);
	snprintf(right, sizeof right, "replica %s/h", t);
	panel_begin(&p, a, a->r_cost, "Cost", right);
	prow(&p, "Per 1M tokens| (in+out)", r->usd_per_1m_tokens, b->usd_per_1m_tokens,
	     fmt_usd, NULL, 0);
	prow(&p, "Per 1K output| tokens", r->usd_per_1k_output_tokens,
	     b->usd_per_1k_output_tokens, fmt_usd, NULL, 0);
	prow(&p, "Per 1K requests", r->usd_per_request * 1e3, b->usd_per_request * 1e3,
	     fmt_usd, NULL, 0);
	if (r->usd_per_1k_output_tokens_at_slo > 0) {
		char lab[96];
		snprintf(lab, sizeof lab, "Per 1K output| at SLO batch %d", r->slo_batch);
		prow(&p, lab, r->usd_per_1k_output_tokens_at_slo,
		     b->usd_per_1k_output_tokens_at_slo, fmt_usd, NULL, 0);
	}
	prow(&p, "Tokens per dollar", r->tokens_per_usd, b->tokens_per_usd, fmt_tok_usd,
	     NULL, 0);
	prow(&p, "Replica| (on demand)", r->replica_usd_per_hour, b->replica_usd_per_hour,
	     fmt_usd_h, NULL, 0);
	prow(&p, "Fleet| (on demand)", r->fleet_usd_per_hour, b->fleet_usd_per_hour,
	     fmt_usd_h, NULL, 0);
	prow(&p, "API per year", r->api_annual_usd, b->api_annual_usd, fmt_usd_yr, NULL, 0);
}

/* The operating point in words: "batch 24 (SLO-limited; max 64)",
 * "batch 64 (max batch)", "batch 40 (KV memory)", "cannot meet TPOT 50 ms
 * at any batch", "does not fit"; long adds the binding SLO. */
void panels_op_title(const tui_app *a, char *out, size_t n, bool longer)
{
	const results *r = &a->res;
	const scenario *s = &a->cur;
	char t[48];
	const char *slo = (r->op.binding & SLO_TPOT) ? "TPOT" :
	                  (r->op.binding & SLO_E2E) ? "E2E p95" :
	                  (r->op.binding & SLO_TTFT) ? "TTFT p95" : "the SLOs";
	double lim = (r->op.binding & SLO_TPOT) ? s->tpot_slo_s :
	             (r->op.binding & SLO_E2E) ? s->e2e_slo_s : s->ttft_slo_s;

	switch (r->op.reason) {
	case OP_NO_FIT:
		snprintf(out, n, "does not fit");
		break;
	case OP_NO_SLO_BATCH:
		fmt_time(t, sizeof t, lim);
		if (r->op.binding)
			snprintf(out, n, "cannot meet %s %s at any batch", slo, t);
		else
			snprintf(out, n, "no batch meets the SLOs");
		break;
	case OP_SLO:
		if (longer) {
			fmt_time(t, sizeof t, lim);
			snprintf(out, n, "batch %d (SLO-limited by %s %s; max %d)", r->op.batch,
			         slo, t, r->op.max_batch);
		} else {
			snprintf(out, n, "batch %d (SLO-limited; max %d)", r->op.batch,
			         r->op.max_batch);
		}
		break;
	case OP_KV_MEMORY:
		snprintf(out, n, "batch %d (KV memory%s)", r->op.batch,
		         longer ? " holds no more" : "");
		break;
	case OP_MAX_BATCH:
	default:
		snprintf(out, n, "batch %d (max batch)", r->op.batch);
		break;
	}
}

static void draw_latency(tui_app *a)
{
	const results *r = &a->res, *b = &a->base_res;
	const scenario *s = &a->cur;
	panel p;
	char right[128], lab[96], t[48];
	const char *mk;
	attr_t ma;
	/* how far the times may be off (infertui-model(7), "Error band") */
	char title[32];
	snprintf(title, sizeof title, "Latency %s%.0f%%", a->g.utf8 ? "±" : "+/-",
	         100.0 * r->error_band);

	{
		/* the operating point and why, the longest that fits the title:
		 * "batch 24 (SLO-limited; max 64)", "does not fit", ... */
		char c[5][96];
		int nc = 0;
		panels_op_title(a, c[nc++], sizeof c[0], true);
		panels_op_title(a, c[nc++], sizeof c[0], false);
		if (r->op.reason == OP_SLO) {
			snprintf(c[nc++], sizeof c[0], "batch %d (SLO; max %d)", r->op.batch,
			         r->op.max_batch);
			snprintf(c[nc++], sizeof c[0], "batch %d", r->op.batch);
		} else if (r->op.reason == OP_NO_SLO_BATCH) {
			snprintf(c[nc++], sizeof c[0], "no batch meets the SLOs");
			snprintf(c[nc++], sizeof c[0], "SLOs missed");
		} else if (r->op.batch > 0) {
			snprintf(c[nc++], sizeof c[0], "batch %d", r->op.batch);
		}
		int i = 0;
		while (i < nc - 1 && ui_width(c[i]) + 2 > a->r_lat.w - ui_width(title) - 6)
			i++;
		ui_copy(right, sizeof right, c[i]);
	}
	panel_begin(&p, a, a->r_lat, title, right);
	fmt_time(t, sizeof t, s->ttft_slo_s);
	snprintf(lab, sizeof lab, "TTFT p95| (SLO %s)", t);
	slo_mark(a, r->ttft_ok, &mk, &ma);
	prow(&p, lab, r->ttft_p95_s, b->ttft_p95_s, fmt_time, mk, ma);
	fmt_time(t, sizeof t, s->tpot_slo_s);
	snprintf(lab, sizeof lab, "TPOT| (SLO %s)", t);
	slo_mark(a, r->tpot_ok, &mk, &ma);
	prow(&p, lab, r->tpot_s, b->tpot_s, fmt_time, mk, ma);
	fmt_time(t, sizeof t, s->e2e_slo_s);
	snprintf(lab, sizeof lab, "E2E p95| (SLO %s)", t);
	slo_mark(a, r->e2e_ok, &mk, &ma);
	prow(&p, lab, r->e2e_p95_s, b->e2e_p95_s, fmt_time, mk, ma);
	if (r->op.batch > 0 && r->at_max.batch > r->op.batch && panel_room(&p)) {
		/* the max-batch point: a secondary line, not the headline */
		const batch_point *m = &r->at_max;
		char v[160], t2[48];
		bool ok = m->ttft_ok && m->tpot_ok && m->e2e_ok;
		fmt_time(t, sizeof t, m->tpot_s);
		fmt_time(t2, sizeof t2, m->e2e_s);
		snprintf(lab, sizeof lab, "at max %d|, no queue", m->batch);
		snprintf(v, sizeof v, "TPOT %s, E2E %s", t, t2);
		slo_mark(a, ok, &mk, &ma);
		ui_row_value(a, p.y++, p.r.x, p.r.w, lab, v, mk, ma, "", p.dw);
	}
	prow(&p, "Throughput| per replica", r->output_tokens_per_s, b->output_tokens_per_s,
	     fmt_tok_s, NULL, 0);
	snprintf(lab, sizeof lab, "Decode step| (%s-bound)",
	         r->step.compute_bound ? "compute" : "memory");
	prow(&p, lab, r->step.total_s, b->step.total_s, fmt_time, NULL, 0);
	prow(&p, "Prefill| (one prompt)", r->prefill.total_s, b->prefill.total_s,
	     fmt_time, NULL, 0);
	prow(&p, "TTFT mean", r->ttft_s, b->ttft_s, fmt_time, NULL, 0);
	prow(&p, "E2E mean", r->e2e_s, b->e2e_s, fmt_time, NULL, 0);
	prow(&p, "Queue wait| (mean)", r->queue_s, b->queue_s, fmt_time, NULL, 0);
	prow(&p, "Requests| per replica", r->requests_per_s, b->requests_per_s,
	     fmt_req_s, NULL, 0);
	prow(&p, "SLO capacity| per replica", r->slo_requests_per_s,
	     b->slo_requests_per_s, fmt_req_s, NULL, 0);
	prow(&p, "MBU| (bandwidth used)", r->mbu, b->mbu, fmt_pct, NULL, 0);
	prow(&p, "MFU| (compute used)", r->mfu, b->mfu, fmt_pct, NULL, 0);
	if (s->speculative)
		prow(&p, "Speculative| speedup", r->spec_speedup, b->spec_speedup, fmt_x,
		     NULL, 0);
	prow(&p, "Continuous/static| batching", r->static_requests_per_s > 0 ?
	     r->continuous_requests_per_s / r->static_requests_per_s : 0,
	     b->static_requests_per_s > 0 ?
	     b->continuous_requests_per_s / b->static_requests_per_s : 0, fmt_x, NULL, 0);
}

static void legend(const tui_app *a, int y, int x, int w, const char *glyph,
                   enum theme_elem e, const char *name, double bytes)
{
	char v[48];
	fmt_bytes(v, sizeof v, bytes);
	int vw = ui_width(v);
	ui_put(y, x, 1, ui_attr(a, e), glyph);
	ui_put(y, x + 2, w - 4 - vw, ui_attr(a, TE_TEXT), name);
	ui_put_right(y, x + 2, w - 3, ui_attr(a, TE_ACCENT), v);
}

static void draw_memory(tui_app *a)
{
	const results *r = &a->res, *b = &a->base_res;
	panel p;
	char right[128], t[48];
	static const enum theme_elem el[5] = {
		TE_GAUGE_WEIGHTS, TE_GAUGE_KV, TE_GAUGE_WASTE, TE_GAUGE_OVERHEAD,
		TE_GAUGE_FREE };
	static const char *const names[5] = {
		"weights", "KV used", "KV waste", "overhead", "free" };
	double v[5], total = r->replica_memory_bytes;

	v[0] = r->weights_bytes;
	v[1] = r->kv_in_use_bytes;
	v[2] = r->kv_wasted_bytes;
	v[3] = r->overhead_bytes;
	v[4] = total - v[0] - v[1] - v[2] - v[3];
	if (v[4] < 0)
		v[4] = 0;

	/* free memory named in the title, so that the legend below takes
	 * two lines and a row with the baseline's change still fits at 80x24 */
	fmt_bytes(t, sizeof t, total);
	if (r->fits) {
		char f[48];
		fmt_bytes(f, sizeof f, v[4]);
		snprintf(right, sizeof right, "%s %s free of %s", a->g.seg[4], f, t);
		if (ui_width(right) + 18 > a->r_mem.w)   /* "─ Memory fit ─" + ends */
			snprintf(right, sizeof right, "%s %s free", a->g.seg[4], f);
	} else {
		snprintf(right, sizeof right, "DOES NOT FIT in %s", t);
	}
	panel_begin(&p, a, a->r_mem, "Memory fit", right);
	if (!panel_room(&p))
		return;
	ui_stacked_bar(a, p.y, p.r.x + 1, p.r.w - 2, v, el, 5, total);
	p.y++;
	/* legend of the used parts: two columns (four at large sizes) */
	int cols = (p.r.w - 2) / 20;   /* "█ KV waste  157 MB" needs 19 */
	if (cols > 4)
		cols = 4;
	if (cols == 3)
		cols = 2;
	if (cols < 1)
		cols = 1;
	int cw = (p.r.w - 2) / cols;
	for (int i = 0; i < 4 && panel_room(&p); i += cols) {
		for (int c = 0; c < cols && i + c < 4; c++)
			legend(a, p.y, p.r.x + 1 + c * cw, cw - 1, a->g.seg[i + c], el[i + c],
			       names[i + c], v[i + c]);
		p.y++;
	}
	/* with a baseline, first the figure that moves with nearly every input */
	double bfree = fmax(0, b->replica_memory_bytes - b->weights_bytes -
	                       b->kv_in_use_bytes - b->kv_wasted_bytes - b->overhead_bytes);
	if (a->has_base)
		prow(&p, "Free memory", v[4], bfree, fmt_bytes, NULL, 0);
	if (r->fits)
		prow(&p, "Concurrency| (KV room)", (double)r->max_concurrency,
		     (double)b->max_concurrency, fmt_seqs, NULL, 0);
	else if (panel_room(&p))   /* not "0 seqs": there is no room at all */
		ui_row_value(a, p.y++, p.r.x, p.r.w, "Concurrency| (KV room)",
		             "none: does not fit", a->g.fail, ui_attr(a, TE_BAD) | A_BOLD,
		             "", p.dw);
	if (!a->has_base)
		prow(&p, "Free memory", v[4], bfree, fmt_bytes, NULL, 0);
	prow(&p, "Weights", r->weights_bytes, b->weights_bytes, fmt_bytes, NULL, 0);
	prow(&p, "KV per token", r->kv_bytes_per_token, b->kv_bytes_per_token, fmt_bytes,
	     NULL, 0);
	prow(&p, "KV per request", r->kv_bytes_per_request, b->kv_bytes_per_request,
	     fmt_bytes, NULL, 0);
	prow(&p, "MHA KV per request| (no GQA)", r->kv_mha_bytes_per_request,
	     b->kv_mha_bytes_per_request, fmt_bytes, NULL, 0);
	prow(&p, "KV fragmentation| waste", r->fragmentation_waste,
	     b->fragmentation_waste, fmt_pct, NULL, 0);
	prow(&p, "KV room", r->kv_room_bytes, b->kv_room_bytes, fmt_bytes, NULL, 0);
	if (r->min_gpus_to_fit > 0)
		prow(&p, "GPUs to fit| the weights", r->min_gpus_to_fit, b->min_gpus_to_fit,
		     fmt_count, NULL, 0);
}

/* "$18,950.80": the headline figure as the preset's story states it
 * (whole dollars from $1M up; the short form from $10M up) */
static void fmt_usd_exact(char *b, size_t n, double usd)
{
	double av = fabs(usd);
	if (av >= 1e7) {
		fmt_usd(b, n, usd);
		return;
	}
	long long cents = llround(av * 100);
	long long whole = cents / 100;
	char digits[32], grouped[48];
	snprintf(digits, sizeof digits, "%lld", whole);
	size_t len = strlen(digits), k = 0;
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			grouped[k++] = ',';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	if (av >= 1e6)
		snprintf(b, n, "%s$%s", usd < 0 ? "-" : "", grouped);
	else
		snprintf(b, n, "%s$%s.%02lld", usd < 0 ? "-" : "", grouped, cents % 100);
}

static const option_result *base_option(const results *b, const char *name)
{
	for (int j = 0; j < b->n_options; j++)
		if (!strcmp(b->options[j].name, name))
			return &b->options[j];
	return NULL;
}

/* One option: "a 6×p4d.24xlarge   $144k/mo ok" — per month on demand (the
 * panel's title says so), the reserved figure named beside it when there
 * is room; an option that does not fit shows that, not a price. */
/* "a 6×p4d.24xlarge", "own 8×h100-sxm bought", "c API" */
static void option_label(const tui_app *a, const option_result *o, char *lab,
                         size_t n)
{
	const char *inst = "", *gpu = "";
	int per_server = 1;
	bool api = o->kind == OPT_API;

	for (int j = 0; j < a->cur.n_options; j++)
		if (!strcmp(a->cur.options[j].name, o->name)) {
			inst = a->cur.options[j].instance;
			gpu = a->cur.options[j].gpu.id;
			per_server = a->cur.options[j].gpu.devices_per_server;
		}
	if (api)
		snprintf(lab, n, "%s API", o->name);
	else if (o->kind == OPT_HYBRID)   /* base + burst (infertui-model(7)) */
		snprintf(lab, n, "%s hybrid, %d base", o->name, o->base_replicas);
	else if (o->kind == OPT_OWNED && o->fits)
		/* servers bought, counted in devices: one 8-GPU server is
		 * "own 8×h100-sxm bought", not "1×h100-sxm" (the report gives
		 * the servers) */
		snprintf(lab, n, "%s %d%s%s bought", o->name,
		         o->instances_total * (per_server > 1 ? per_server : 1),
		         a->g.times, gpu);
	else if (!o->fits)
		snprintf(lab, n, "%s %s", o->name, *inst ? inst : "instances");
	else if (*inst)
		snprintf(lab, n, "%s %d%s%s%s", o->name, o->instances_total,
		         a->g.times, inst, o->kind == OPT_SPOT ? " spot" : "");
	else
		snprintf(lab, n, "%s %d instances", o->name, o->instances_total);
}

/* an option's month on demand (the API's: a twelfth of its year) and
 * whether it meets the target (the API: its SLOs are assumed met) */
static double option_month(const option_result *o)
{
	return o->kind == OPT_API ? o->annual_usd / 12 : o->monthly_on_demand_usd;
}

static bool option_ok(const option_result *o)
{
	return o->kind == OPT_API ? o->meets_slo : o->meets;
}

static void option_row(panel *p, const option_result *o, const option_result *ob,
                       bool headline)
{
	const tui_app *a = p->a;
	char val[200], m[80], rv[80], delta[64] = "", lab[160];
	const char *mk;
	attr_t ma;
	bool api = o->kind == OPT_API;
	double mo = option_month(o), bmo = ob ? option_month(ob) : 0;

	if (!panel_room(p))
		return;
	option_label(a, o, lab, sizeof lab);
	if (!api && !o->fits) {
		ui_row_value(a, p->y++, p->r.x, p->r.w, lab, "does not fit", a->g.fail,
		             ui_attr(a, TE_BAD) | A_BOLD, "", p->dw);
		return;
	}
	char t[64];
	if (headline && !p->dw)
		fmt_usd_exact(t, sizeof t, mo);
	else
		fmt_usd(t, sizeof t, mo);
	snprintf(m, sizeof m, "%s/mo", t);
	fmt_usd(t, sizeof t, o->monthly_reserved_usd);
	snprintf(rv, sizeof rv, "%s/mo", t);
	bool resv = !api && o->monthly_reserved_usd < mo - 0.005;
	if (resv && !p->dw && p->r.w >= 56)
		snprintf(val, sizeof val, "%s  reserved %s", m, rv);
	else
		snprintf(val, sizeof val, "%s", m);
	if (p->dw && ob)
		fmt_delta(delta, sizeof delta, mo, bmo, fmt_usd);
	slo_mark(a, option_ok(o), &mk, &ma);
	ui_row_value(a, p->y++, p->r.x, p->r.w, lab, val, mk, ma, delta, p->dw);
	/* on a large screen, the reserved figure on a line of its own */
	if (resv && a->big && !strstr(val, "reserved") && panel_room(p)) {
		if (p->dw && ob)
			fmt_delta(delta, sizeof delta, o->monthly_reserved_usd,
			          ob->monthly_reserved_usd, fmt_usd);
		ui_row_value(a, p->y++, p->r.x, p->r.w, "  reserved", rv, NULL, 0, delta,
		             p->dw);
	}
}

/* Presentation mode below 120x40: the figure the Fleet panel leads with
 * (the preset's first option, else this fleet), three rows tall, whether
 * it meets the target and beside it, for an option, its reserved month
 * and the cheapest option that meets the target, else what a token and a
 * request cost.  A state that is not a number is said in words, never
 * drawn as $0. */
static void draw_headline(tui_app *a)
{
	const results *r = &a->res;
	ui_rect h = a->r_head;
	char fig[64] = "", cap[200], lab[160], t[64], state[160] = "";
	bool meets = false;
	double month = 0;   /* the figure, when it is one */

	if (r->n_options > 0) {
		const option_result *o = &r->options[0];
		option_label(a, o, lab, sizeof lab);
		snprintf(cap, sizeof cap, "option %s, per month on demand", lab);
		if (o->kind != OPT_API && !o->fits)
			snprintf(state, sizeof state, "does not fit");
		else
			month = option_month(o);
		meets = option_ok(o);
	} else {
		snprintf(cap, sizeof cap, "this fleet, per month on demand");
		if (!r->fits)
			snprintf(state, sizeof state, "does not fit");
		else if (r->op.reason == OP_NO_SLO_BATCH)
			panels_op_title(a, state, sizeof state, false);
		else if (!(r->op.sized && r->replicas_total > 0))
			snprintf(state, sizeof state, "cannot be sized");
		else
			month = r->monthly_usd;
		meets = r->op.meets;
	}
	if (!state[0])
		fmt_usd_exact(fig, sizeof fig, month);
	ui_fill(h.y, h.x, h.h, h.w, ui_attr(a, TE_TEXT));
	ui_hline_title(a, h.y, h.x, h.w, "Headline", cap);

	char big[3][UI_BIG_BYTES];
	int bw = fig[0] ? ui_big_render(fig, a->g.utf8, big) : -1;
	if (bw > h.w - 30 && fig[0]) {   /* too wide: the short form */
		fmt_usd(fig, sizeof fig, month);
		bw = ui_big_render(fig, a->g.utf8, big);
	}
	int x = h.x + 1, y = h.y + 1;
	attr_t fa = ui_attr(a, meets ? TE_GOOD : TE_BAD) | A_BOLD;
	if (fig[0] && bw > 0 && bw <= h.w - 30 && h.h >= 4) {
		for (int k = 0; k < 3; k++)
			ui_put(y + k, x, bw, fa, big[k]);
		x += bw + 1;
		ui_put(y + 1, x, 4, ui_attr(a, TE_TEXT), "/mo");
		x += 5;
	} else if (fig[0]) {
		char fm[sizeof fig + 4];
		snprintf(fm, sizeof fm, "%s/mo", fig);
		ui_put(y + 1, x, h.w - 2, fa, fm);
		x += ui_width(fm) + 2;
	} else {   /* not a number: the state in words, the reason below */
		char v[200];
		snprintf(v, sizeof v, "%s: %s", a->g.fail, state);
		ui_put(y + 1, x, h.w - 2, ui_attr(a, TE_BAD) | A_BOLD, v);
		return;
	}
	/* beside it: the verdict, then what a token and a request cost */
	int w = h.x + h.w - 1 - x;
	if (w < 12)
		return;
	char v[256];
	snprintf(v, sizeof v, "%s %s", meets ? a->g.ok : a->g.fail,
	         meets ? "meets the target" : "misses the target");
	ui_put(y, x, w, ui_attr(a, meets ? TE_GOOD : TE_BAD) | A_BOLD, v);
	if (r->n_options > 0) {
		/* an option's story: its reserved month, and the cheapest option
		 * that meets the target (the answer the room is after) */
		const option_result *o = &r->options[0], *best = NULL;
		if (o->kind != OPT_API && o->fits &&
		    o->monthly_reserved_usd < o->monthly_on_demand_usd - 0.005) {
			fmt_usd(t, sizeof t, o->monthly_reserved_usd);
			snprintf(v, sizeof v, "reserved %s/mo", t);
			ui_put(y + 1, x, w, ui_attr(a, TE_TEXT), v);
		}
		for (int i = 0; i < r->n_options; i++) {
			const option_result *c = &r->options[i];
			if (option_ok(c) && option_month(c) > 0 &&
			    (!best || option_month(c) < option_month(best)))
				best = c;
		}
		if (best && best != o) {
			option_label(a, best, lab, sizeof lab);
			fmt_usd(t, sizeof t, option_month(best));
			snprintf(v, sizeof v, "cheapest ok: %s %s/mo", lab, t);
			ui_put(y + 2, x, w, ui_attr(a, TE_ACCENT), v);
		}
		return;
	}
	if (fig[0] && r->usd_per_1m_tokens > 0) {
		fmt_usd(t, sizeof t, r->usd_per_1m_tokens);
		snprintf(v, sizeof v, "per 1M tokens %s", t);
		ui_put(y + 1, x, w, ui_attr(a, TE_TEXT), v);
	}
	if (fig[0] && r->usd_per_request > 0) {
		fmt_usd(t, sizeof t, r->usd_per_request * 1e3);
		snprintf(v, sizeof v, "per 1K requests %s", t);
		ui_put(y + 2, x, w, ui_attr(a, TE_TEXT), v);
	}
}

static void draw_fleet(tui_app *a)
{
	const results *r = &a->res, *b = &a->base_res;
	const scenario *s = &a->cur;
	panel p;
	char t[64], lab[256];
	bool sized = r->op.sized && r->fits && r->replicas_total > 0;
	bool avail_miss = sized && s->availability > 0 &&
	                  r->availability + 1e-12 < s->availability;

	/* every price below is per month on demand unless its row says
	 * otherwise; the options (the preset's story) come first */
	panel_begin(&p, a, a->r_fleet, "Fleet / TCO", "per month, on demand");
	for (int i = 0; i < r->n_options; i++)
		option_row(&p, &r->options[i], base_option(b, r->options[i].name), i == 0);

	/* this scenario's own fleet: replicas of the list's hardware */
	if (!sized) {
		if (panel_room(&p))
			ui_row_value(a, p.y++, p.r.x, p.r.w, "This fleet",
			             !r->fits ? "does not fit" : r->op.reason == OP_NO_SLO_BATCH ?
			             "misses the SLOs" : "cannot be sized", a->g.fail,
			             ui_attr(a, TE_BAD) | A_BOLD, "", p.dw);
	} else {
		fmt_count(t, sizeof t, r->replicas_total);
		/* "7 replicas of 4×h100-sxm" */
		snprintf(lab, sizeof lab, "Fleet %s replica%s| of %d%s%s, %.0f%% busy", t,
		         r->replicas_total == 1 ? "" : "s", s->gpus, a->g.times,
		         s->gpu.id[0] ? s->gpu.id : "GPU", r->utilisation * 100);
		const char *fm;
		attr_t fa;
		slo_mark(a, r->op.meets, &fm, &fa);   /* SLOs, fit and availability */
		prow(&p, lab, r->monthly_usd, b->monthly_usd, fmt_usd_mo, fm, fa);
	}
	if (avail_miss) {
		/* a constraint, not a footnote: the achieved figure, marked */
		fmt_pct(t, sizeof t, s->availability);
		snprintf(lab, sizeof lab, "Availability| (target %s)", t);
		prow(&p, lab, r->availability, b->availability, fmt_pct, a->g.fail,
		     ui_attr(a, TE_BAD) | A_BOLD);
	}
	if (sized && r->monthly_reserved_usd < r->monthly_usd - 0.005)
		prow(&p, "Fleet reserved| per month", r->monthly_reserved_usd,
		     b->monthly_reserved_usd, fmt_usd_mo, NULL, 0);
	bool api_option = false;
	for (int i = 0; i < r->n_options; i++)
		api_option |= r->options[i].kind == OPT_API;
	if (!api_option)   /* else the API is one of the options above */
		prow(&p, "API instead| per month", r->api_annual_usd / 12,
		     b->api_annual_usd / 12, fmt_usd_mo, NULL, 0);
	if (panel_room(&p) && sized) {
		if (r->break_even_requests_per_day > 0)
			prow(&p, "Break-even| vs API", r->break_even_requests_per_day,
			     b->break_even_requests_per_day, fmt_req_day, NULL, 0);
		else
			ui_row_value(a, p.y++, p.r.x, p.r.w, "Break-even| vs API", "never", NULL,
			             0, "", p.dw);
	}
	if (sized) {
		prow(&p, "Fleet per year| (reserved)", r->annual_usd, b->annual_usd,
		     fmt_usd_yr, NULL, 0);
		if (!avail_miss) {
			fmt_pct(t, sizeof t, s->availability);
			snprintf(lab, sizeof lab, "Availability| (target %s)", t);
			prow(&p, lab, r->availability, b->availability, fmt_pct, NULL, 0);
		}
	}
	/* energy per output token at the fleet's load (none without a power
	 * figure: no 0 J) */
	if (panel_room(&p) && sized && r->energy_fleet.joules_per_token > 0) {
		char ev[64];
		snprintf(ev, sizeof ev, "%.3g J  $%.3g/1M", r->energy_fleet.joules_per_token,
		         r->energy_fleet.usd_per_1m);
		ui_row_value(a, p.y++, p.r.x, p.r.w, "Energy| per output token", ev, NULL, 0,
		             "", p.dw);
	}
	for (int i = 0; i < r->n_regions && panel_room(&p) && sized; i++) {
		const region_result *g = &r->regions[i];
		char val[64];
		fmt_usd_mo(t, sizeof t, g->usd_per_month);
		snprintf(lab, sizeof lab, "%s|: %d replicas, %.0f%% busy", g->name,
		         g->replicas, g->utilisation * 100);
		snprintf(val, sizeof val, "%s", t);
		ui_row_value(a, p.y++, p.r.x, p.r.w, lab, val, NULL, 0, "", p.dw);
	}
}

/* ---- chart: throughput and TPOT against batch size ------------------- */

static int chart_plot_w(const tui_app *a)
{
	int w = a->r_chart.w - 2 - 12 - 12;
	return w < 0 ? 0 : w > UI_CHART_MAX ? UI_CHART_MAX : w;
}

void panels_chart_compute(tui_app *a)
{
	ui_chart *c = &a->chart;
	const scenario *s = &a->cur;
	int w = chart_plot_w(a);
	int last = 0;

	c->n = 0;
	c->valid = true;
	if (w < 4 || a->res.batch <= 0)
		return;
	/* The axis runs to the largest batch the KV memory holds, not to the
	 * max batch: the curve is what each batch would give, and a Max batch
	 * step then only moves its mark (a step at 160x48 redraws a few cells
	 * of the chart, not all of it). */
	long room = a->res.max_concurrency;
	int maxb = room > 65536 ? 65536 : (int)room;
	if (maxb < a->res.batch)
		maxb = a->res.batch;
	if (maxb < 2)
		maxb = 2;
	/* distinct batch sizes, log-spaced from 1 to that batch, with every
	 * power of two among them (the axis labels) */
	int p2 = 1;
	for (int i = 0; i < w && c->n < UI_CHART_MAX; i++) {
		int bt = (int)lround(exp(log((double)maxb) * i / (w - 1)));
		while (p2 < bt && p2 <= maxb) {
			if (p2 > last && c->n < UI_CHART_MAX) {
				c->batch[c->n++] = p2;
				last = p2;
			}
			p2 *= 2;
		}
		if (bt <= last || c->n >= UI_CHART_MAX)
			continue;
		c->batch[c->n++] = bt;
		last = bt;
	}
	for (int i = 0; i < c->n; i++) {
		replica_perf pf;
		model_replica_perf(s, &s->gpu, s->gpus, &a->res.p, c->batch[i], &pf);
		c->tok_s[i] = pf.output_tokens_per_s;
		c->tpot_s[i] = pf.tpot_s;
		c->reachable[i] = c->batch[i] <= a->res.max_concurrency;
	}
}

static void draw_chart(tui_app *a)
{
	ui_rect r = a->r_chart;
	ui_chart *c = &a->chart;
	char t[64], u[64];
	attr_t dim = ui_attr(a, TE_DIM);
	int pw = chart_plot_w(a);
	/* the operating batch: where the fleet is priced */
	int now_b = a->res.op.batch > 0 ? a->res.op.batch : a->res.batch;

	ui_fill(r.y, r.x, r.h, r.w, ui_attr(a, TE_TEXT));
	char leg[160];
	if (!c->valid)
		panels_chart_compute(a);
	int maxb_now = a->cur.max_batch;
	bool max_on_axis = c->n > 1 && maxb_now != now_b &&
	                   maxb_now <= c->batch[c->n - 1];
	if (max_on_axis)
		snprintf(leg, sizeof leg, "one replica; %s batch %d now, %s max %d; "
		         "to the KV room", a->g.up, now_b, a->g.up_open, maxb_now);
	else
		snprintf(leg, sizeof leg, "one replica; %s batch %d now; to the KV room",
		         a->g.up, now_b);
	ui_hline_title(a, r.y, r.x, r.w, "Throughput and TPOT against batch size", leg);
	int ph = r.h - 3;   /* plot rows */
	if (c->n < 2 || ph < 2) {
		ui_put(r.y + 1, r.x + 1, r.w - 2, dim,
		       "no throughput: the weights do not fit in this replica");
		return;
	}
	/* a logarithmic batch axis over the whole plot width: batch b starts
	 * at column log(b)/log(max) of it and runs to the next one */
	int used = pw;
	int bmax = c->batch[c->n - 1];
	int col0[UI_CHART_MAX + 1];
	for (int i = 0; i < c->n; i++)
		col0[i] = (int)lround(log((double)c->batch[i]) / log((double)bmax) *
		                      (used - 1));
	col0[c->n] = used;
	double tmax = 0, pmax = 0;
	for (int i = 0; i < c->n; i++) {
		if (c->tok_s[i] > tmax)
			tmax = c->tok_s[i];
		if (c->tpot_s[i] > pmax)
			pmax = c->tpot_s[i];
	}
	if (a->cur.tpot_slo_s > pmax && a->cur.tpot_slo_s < 4 * pmax)
		pmax = a->cur.tpot_slo_s;
	if (tmax <= 0)
		tmax = 1;
	if (pmax <= 0)
		pmax = 1;
	int x0 = r.x + 1 + 12;   /* plot's first column */
	int xr = x0 + used + 1;  /* right axis */
	fmt_tok_s(t, sizeof t, tmax);
	ui_put_right(r.y + 1, r.x + 1, 11, ui_attr(a, TE_GAUGE_KV), t);
	ui_put_right(r.y + ph, r.x + 1, 11, dim, "0 tok/s");
	ui_put_right(r.y + 2, r.x + 1, 11, dim, "bars:");
	ui_put_right(r.y + 3, r.x + 1, 11, dim, "output");
	ui_put_right(r.y + 4, r.x + 1, 11, dim, "tokens/s");
	fmt_time(u, sizeof u, pmax);
	ui_put(r.y + ph, xr, 9, dim, "0 ms");
	int slo_row = -1;
	if (a->cur.tpot_slo_s > 0 && a->cur.tpot_slo_s <= pmax) {
		slo_row = ph - 1 - (int)lround(a->cur.tpot_slo_s / pmax * (ph - 1));
		fmt_time(t, sizeof t, a->cur.tpot_slo_s);
		char sl[80];
		snprintf(sl, sizeof sl, "SLO %s", t);
		ui_put(r.y + 1 + slo_row, xr, r.x + r.w - xr - 1, ui_attr(a, TE_BAD), sl);
	}
	if (slo_row != 0)
		ui_put(r.y + 1, xr, 9, ui_attr(a, TE_WARN), u);
	ui_put(r.y + 2 + (slo_row == 1), xr, 9, dim, "dots:");
	ui_put(r.y + 3 + (slo_row == 1 || slo_row == 2), xr, 9, dim, "TPOT");
	for (int i = 0; i < c->n; i++) {
		attr_t bar = c->reachable[i] ? ui_attr(a, TE_GAUGE_KV) : dim;
		int units = (int)lround(c->tok_s[i] / tmax * ph * 8);
		int dot = ph - 1 - (int)lround(c->tpot_s[i] / pmax * (ph - 1));
		for (int k = col0[i]; k < col0[i + 1] || k == col0[i]; k++) {
			int x = x0 + k;
			for (int row = 0; row < ph; row++) {
				int y = r.y + 1 + row;
				int cell = units - (ph - 1 - row) * 8;
				const char *gl = cell >= 8 ? a->g.blocks[8] :
				                 cell > 0 ? a->g.blocks[cell] : NULL;
				if (row == dot)
					ui_put(y, x, 1, ui_attr(a, TE_WARN) | A_BOLD, a->g.dot);
				else if (gl)
					ui_put(y, x, 1, bar, gl);
				else if (row == slo_row)
					ui_put(y, x, 1, ui_attr(a, TE_BAD), a->g.track);
			}
		}
	}
	/* x axis: batch sizes (powers of two), the current batch marked */
	int ya = r.y + 1 + ph;
	attrset(dim);
	for (int i = 0; i < used; i++)
		mvaddstr(ya, x0 + i, a->g.hline);
	attrset(A_NORMAL);
	int cur = -1, mx = -1;
	for (int i = 0; i < c->n; i++) {
		if (c->batch[i] <= now_b)
			cur = i;
		if (c->batch[i] <= maxb_now)
			mx = i;
	}
	if (max_on_axis && mx >= 0 && mx != cur)
		ui_put(ya, x0 + col0[mx], 1, ui_attr(a, TE_ACCENT), a->g.up_open);
	if (cur >= 0)
		ui_put(ya, x0 + col0[cur], 1, ui_attr(a, TE_ACCENT) | A_BOLD,
		       a->g.up);
	ui_put_right(ya + 1, r.x + 1, 11, dim, "batch");
	int last_end = -1;
	for (int i = 0; i < c->n; i++) {
		int bt = c->batch[i];
		if (bt & (bt - 1))
			continue;   /* not a power of two */
		char lab[16];
		snprintf(lab, sizeof lab, "%d", bt);
		int lx = x0 + col0[i];
		if (lx <= last_end + 1 || lx + (int)strlen(lab) > x0 + used + 8)
			continue;
		ui_put(ya + 1, lx, (int)strlen(lab), dim, lab);
		last_end = lx + (int)strlen(lab);
	}

}

/* The notes line: clauses in order of importance, as many as fit in w
 * columns (a clause is never cut). */
void panels_notes(const tui_app *a, char *out, size_t n, int w)
{
	const results *r = &a->res;
	const scenario *s = &a->cur;
	char cl[8][200], t1[48], t2[48];
	int nc = 0;

	/* most decision-relevant first: fit, the binding SLO, availability;
	 * then what sets the batch, then what bounds the step */
	if (!r->op.meets && r->op.unmet[0] && r->batch_limit != LIMIT_NO_FIT)
		snprintf(cl[nc++], sizeof cl[0], "%s", r->op.unmet);
	if (r->batch_limit == LIMIT_NO_FIT) {
		fmt_bytes(t1, sizeof t1, r->weights_bytes);
		fmt_bytes(t2, sizeof t2, r->usable_bytes);
		if (r->min_gpus_to_fit > 0)
			snprintf(cl[nc++], sizeof cl[0], "does not fit: weights need %d "
			         "GPUs (%s of weights, %s usable now)", r->min_gpus_to_fit,
			         t1, t2);
		else
			snprintf(cl[nc++], sizeof cl[0], "does not fit: weights (%s) fit "
			         "on no replica size tried", t1);
	}
	if (!r->ttft_ok) {
		fmt_time(t1, sizeof t1, r->ttft_p95_s);
		fmt_time(t2, sizeof t2, s->ttft_slo_s);
		snprintf(cl[nc++], sizeof cl[0], "TTFT %s over SLO %s", t1, t2);
	}
	if (!r->tpot_ok) {
		fmt_time(t1, sizeof t1, r->tpot_s);
		fmt_time(t2, sizeof t2, s->tpot_slo_s);
		snprintf(cl[nc++], sizeof cl[0], "TPOT %s over SLO %s", t1, t2);
	}
	if (!r->e2e_ok) {
		fmt_time(t1, sizeof t1, r->e2e_p95_s);
		fmt_time(t2, sizeof t2, s->e2e_slo_s);
		snprintf(cl[nc++], sizeof cl[0], "E2E p95 %s over SLO %s", t1, t2);
	}
	if (r->fits && r->replicas_total > 0 && s->availability > 0 &&
	    r->availability + 1e-12 < s->availability) {
		snprintf(cl[nc++], sizeof cl[0], "availability %.1f%% misses the "
		         "%.1f%% target", r->availability * 100, s->availability * 100);
	}
	/* options the Fleet panel marks FAIL: why, with the achieved figure
	 * (an option with a fixed count can miss the availability target) */
	if (nc < 6) {
		size_t len = 0;
		cl[nc][0] = '\0';
		for (int i = 0; i < r->n_options && len < sizeof cl[0] - 1; i++) {
			const option_result *o = &r->options[i];
			char why[96];
			if (o->meets)
				continue;
			if (!o->fits)
				snprintf(why, sizeof why, "does not fit");
			else if (!o->meets_slo)
				snprintf(why, sizeof why, "misses the SLOs");
			else
				snprintf(why, sizeof why, "availability %.2f%% < %.1f%% target",
				         o->availability * 100, s->availability * 100);
			len += (size_t)snprintf(cl[nc] + len, sizeof cl[0] - len, "%s%s: %s",
			                        len ? ", " : "option ", o->name, why);
		}
		if (cl[nc][0])
			nc++;
	}
	if (r->op.reason == OP_SLO || r->op.reason == OP_NO_SLO_BATCH) {
		panels_op_title(a, cl[nc++], sizeof cl[0], true);
	} else switch (r->batch_limit) {
	case LIMIT_NO_FIT:
		break;
	case LIMIT_KV_MEMORY:
		snprintf(cl[nc++], sizeof cl[0], "batch held to %d by KV memory "
		         "(max batch %d)", r->batch, s->max_batch);
		break;
	case LIMIT_MAX_BATCH:
	default:
		snprintf(cl[nc++], sizeof cl[0], "batch %d set by max batch "
		         "(KV room for %ld)", r->batch, r->max_concurrency);
		break;
	}
	if (r->batch_limit != LIMIT_NO_FIT)
		snprintf(cl[nc++], sizeof cl[0], "decode %s-bound",
		         r->step.compute_bound ? "compute" : "memory");
	out[0] = '\0';
	int used = 0;
	for (int i = 0; i < nc; i++) {
		int cw = ui_width(cl[i]) + (i ? 2 : 0);
		if (i && used + cw > w)
			continue;   /* a later, shorter clause may still fit */
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%s", i ? "; " : "", cl[i]);
		used += cw;
	}
}

void panels_draw(tui_app *a)
{
	if (a->r_head.h > 0)
		draw_headline(a);
	else
		draw_cost(a);
	draw_latency(a);
	draw_memory(a);
	draw_fleet(a);
	if (a->big)
		draw_chart(a);
}
