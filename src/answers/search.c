/* search.c — the cheapest configuration that meets the SLOs (--optimize).
 *
 * The space, per accelerator: GPUs per replica × weight precision × KV
 * precision × batching × speculative decoding × max batch × price (the
 * accelerator's own hourly price, and each catalog instance of it at its
 * per-device rate).  A configuration is an answer when model_eval says it
 * fits, meets the TTFT, TPOT and E2E SLOs and the availability target, and
 * it is within the caps; the spares per region are raised (up to
 * max_spares above the scenario's) until the availability target holds.
 *
 * Pruning (each step exact under the stated monotonicity, which the tests
 * check against a brute force through --sweep):
 *  - fit does not depend on batching, speculative decoding, max batch or
 *    price: one evaluation per (accelerator, T, weights, KV) decides it;
 *  - the price enters the fleet's cost linearly and nothing else: each
 *    family is evaluated at $1 per device-hour and every price is a
 *    multiplication;
 *  - in max batch, the limits are tried from the smallest up and the
 *    scan stops at the first limit whose failure no larger limit can mend
 *    (TPOT, or TTFT/E2E with no queue: latency grows with the batch), or
 *    once KV memory caps the batch (larger limits change nothing);
 *  - spares: for each point the fewest spares that meet the availability
 *    target (and the queueing part of TTFT/E2E), by doubling then
 *    bisection, since more spares never lower the availability nor
 *    lengthen the queue, and each one costs more.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/answers.h"
#include "answers/emit.h"
#include "catalog.h"
#include "params.h"

static const int default_tp[] = { 1, 2, 4, 8 };
static const int default_max_batch[] = {
	1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024
};

/* ---- the space ------------------------------------------------------------ */

typedef struct {
	char instance[ID_MAX];
	double price;               /* per device-hour */
} variant;

#define MAX_VARIANTS 16

/* the prices one accelerator is rented at, for a replica of T devices */
static int variants_of(const search_opts *o, const gpu_spec *g, int T,
                       variant *v)
{
	int n = 0;

	if (!o->region[0] && g->usd_per_hour > 0)
		v[n++] = (variant){ .instance = "", .price = g->usd_per_hour };
	if (!o->instances && !o->region[0])
		return n;
	for (size_t i = 0; i < catalog_instance_count() && n < MAX_VARIANTS; i++) {
		const instance_spec *in = catalog_instance_at(i);
		double p = in->usd_per_hour;
		if (strcmp(in->gpu, g->id) != 0 || in->gpus < 1)
			continue;
		/* replicas pack into instances, or span whole ones */
		if (!(in->gpus % T == 0 || T % in->gpus == 0))
			continue;
		if (o->region[0]) {
			int known = 0;
			p = catalog_instance_price(in, o->region, &known);
			if (!known)
				continue;
		}
		if (!(p > 0))
			continue;
		snprintf(v[n].instance, ID_MAX, "%s", in->id);
		v[n++].price = p / in->gpus;
	}
	return n;
}

static int tp_list(const search_opts *o, const gpu_spec *g, int *tp)
{
	int n = 0;
	if (o->n_tp > 0) {
		memcpy(tp, o->tp, sizeof(int) * (size_t)o->n_tp);
		return o->n_tp;
	}
	for (size_t i = 0; i < sizeof default_tp / sizeof default_tp[0]; i++)
		tp[n++] = default_tp[i];
	for (size_t i = 0; i < catalog_instance_count() && n < SEARCH_MAX_LIST; i++) {
		const instance_spec *in = catalog_instance_at(i);
		bool have = false;
		if (strcmp(in->gpu, g->id) != 0)
			continue;
		for (int j = 0; j < n; j++)
			have = have || tp[j] == in->gpus;
		if (!have && in->gpus > 0)
			tp[n++] = in->gpus;
	}
	return n;
}

static bool has_fp8(const gpu_spec *g) { return g->flops[PREC_FP8] > 0; }
static int prec16(const gpu_spec *g)
{
	return g->flops[PREC_BF16] > 0 || !(g->flops[PREC_FP16] > 0) ?
	       PREC_BF16 : PREC_FP16;
}

static int weights_list(const search_opts *o, const gpu_spec *g, int *w)
{
	int n = 0;
	if (o->n_weights > 0) {
		memcpy(w, o->weights, sizeof(int) * (size_t)o->n_weights);
		return o->n_weights;
	}
	w[n++] = prec16(g);
	if (has_fp8(g))
		w[n++] = PREC_FP8;
	w[n++] = PREC_INT8;        /* weight-only: 16-bit compute */
	w[n++] = PREC_INT4;
	return n;
}

static int kv_list(const search_opts *o, const gpu_spec *g, int *k)
{
	int n = 0;
	if (o->n_kv > 0) {
		memcpy(k, o->kv, sizeof(int) * (size_t)o->n_kv);
		return o->n_kv;
	}
	k[n++] = prec16(g);
	if (has_fp8(g))
		k[n++] = PREC_FP8;
	return n;
}

/* ---- evaluation ------------------------------------------------------------ */

enum stage { ST_NOFIT, ST_SLO, ST_AVAIL, ST_CAP, ST_OK };

typedef struct {
	const scenario *base;
	const search_opts *o;
	scenario s;
	results *r;
	long evals;
	const int *mb;
	int n_mb;
} ctx;

/* figures kept for a family's best point (at $1 per device-hour) */
typedef struct {
	int spares, max_batch;
	double monthly, reserved;      /* at $1 per device-hour */
	double slo_rps;
	long fleet_gpus;
} point;

static const char *prec_name(int p)
{
	return params_prec_name(p);
}

void search_config_label(const search_config *c, char *buf, size_t len)
{
	snprintf(buf, len, "%s x%d %s/%s %s b%d%s%s%s", c->gpu, c->gpus,
	         prec_name(c->weights), prec_name(c->kv),
	         c->batching == BATCH_STATIC ? "static" : "continuous",
	         c->max_batch, c->speculative ? " spec" : "",
	         c->instance[0] ? " @" : "", c->instance);
}

void search_apply(scenario *s, const search_config *c)
{
	if (strcmp(s->gpu.id, c->gpu) != 0) {
		const gpu_spec *g = catalog_gpu(c->gpu);
		if (g)
			s->gpu = *g;
	}
	s->gpu.usd_per_hour = c->usd_per_gpu_hour;
	s->gpus = c->gpus;
	s->weights = c->weights;
	s->kv_cache = c->kv;
	s->compute = PREC_AUTO;
	s->batching = c->batching;
	s->max_batch = c->max_batch;
	s->speculative = c->speculative;
	s->spares = c->spares;
}

void search_config_sets(const scenario *base, const search_config *c,
                        char *buf, size_t len)
{
	static const char *const keys[] = {
		"hardware.gpu", "hardware.gpus", "hardware.gpu_hour_usd",
		"precision.weights", "precision.kv_cache", "precision.compute",
		"serving.batching", "serving.max_batch", "serving.speculative",
		"fleet.spares",
	};
	static scenario s, ref;
	size_t used = 0;

	s = *base;
	search_apply(&s, c);
	/* what the base gives once the accelerator is named (naming it copies
	 * the catalog's spec, price included): only the keys that differ
	 * from that are written, so base + these sets == the configuration */
	ref = *base;
	if (strcmp(base->gpu.id, c->gpu) != 0) {
		const gpu_spec *g = catalog_gpu(c->gpu);
		if (g)
			ref.gpu = *g;
		ref.gpu.id[0] = '\0';    /* so that the accelerator is named */
	}
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const param *p = params_find(keys[i]);
		char a[128], b[128];
		if (!p)
			continue;
		params_get_text(&s, p, a, sizeof a);
		params_get_text(&ref, p, b, sizeof b);
		if (!strcmp(a, b))
			continue;
		int w = snprintf(buf + used, len - used, "%s%s=%s",
		                 used ? " " : "", keys[i], a);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}

/* One model_eval of c with sp spares per region: ST_OK, or the stage it
 * fails at; *hopeless when more spares cannot mend it (it does not fit,
 * or TPOT, or TTFT / E2E with no queue at all fail). */
static enum stage eval_at(ctx *x, const search_config *c, int sp, bool *hopeless)
{
	const scenario *b = x->base;
	results *r = x->r;
	search_config cc = *c;

	cc.spares = sp;
	search_apply(&x->s, &cc);
	model_eval_figures(&x->s, r);
	x->evals++;
	*hopeless = true;
	if (!r->fits || r->batch <= 0)
		return ST_NOFIT;
	bool slo = r->ttft_ok && r->tpot_ok && r->e2e_ok;
	bool avail = !(b->availability > 0) || r->availability >= b->availability;
	if (slo && avail)
		return ST_OK;
	*hopeless = !r->tpot_ok ||
		(b->ttft_slo_s > 0 && r->ttft_p95_s - r->queue_p95_s > b->ttft_slo_s) ||
		(b->e2e_slo_s > 0 && r->e2e_p95_s - r->queue_p95_s > b->e2e_slo_s);
	return slo ? ST_AVAIL : ST_SLO;
}

static void keep_point(const results *r, const search_config *c, int sp,
                       point *pt)
{
	pt->spares = sp;
	pt->max_batch = c->max_batch;
	pt->monthly = r->monthly_usd;
	pt->reserved = r->monthly_reserved_usd;
	pt->slo_rps = r->slo_requests_per_s;
	pt->fleet_gpus = 0;
	for (int i = 0; i < r->n_regions; i++)
		pt->fleet_gpus += r->regions[i].gpus;
}

/* why the last evaluation failed, worst first */
static void explain(const scenario *b, const results *r, enum stage st, int sp,
                    int gpus, char *why, size_t whylen)
{
	double ttft0 = r->ttft_p95_s - r->queue_p95_s;
	double e2e0 = r->e2e_p95_s - r->queue_p95_s;

	if (st == ST_NOFIT)
		snprintf(why, whylen, "does not fit: weights %.1f GB, %.1f GB "
		         "usable on %d GPU%s", r->weights_bytes / 1e9,
		         r->usable_bytes / 1e9, gpus, gpus > 1 ? "s" : "");
	else if (!r->tpot_ok)
		snprintf(why, whylen, "TPOT %.1f ms at batch %d (SLO %.1f ms)",
		         r->tpot_s * 1e3, r->batch, b->tpot_slo_s * 1e3);
	else if (!r->ttft_ok && b->ttft_slo_s > 0 && ttft0 > b->ttft_slo_s)
		snprintf(why, whylen, "TTFT %.2f s with no queue at batch %d (SLO "
		         "%.2f s)", ttft0, r->batch, b->ttft_slo_s);
	else if (!r->e2e_ok && b->e2e_slo_s > 0 && e2e0 > b->e2e_slo_s)
		snprintf(why, whylen, "E2E %.2f s with no queue at batch %d (SLO "
		         "%.2f s)", e2e0, r->batch, b->e2e_slo_s);
	else if (!r->ttft_ok)
		snprintf(why, whylen, "TTFT p95 %.2f s at batch %d with the queue "
		         "(SLO %.2f s)", r->ttft_p95_s, r->batch, b->ttft_slo_s);
	else if (!r->e2e_ok)
		snprintf(why, whylen, "E2E p95 %.2f s at batch %d with the queue "
		         "(SLO %.2f s)", r->e2e_p95_s, r->batch, b->e2e_slo_s);
	else
		snprintf(why, whylen, "availability %.4f%% with %d spare(s) per "
		         "region (target %.4f%%)", 100 * r->availability, sp,
		         100 * b->availability);
}

/* Evaluate one configuration at $1 per device-hour with the fewest spares
 * per region (from the scenario's own, up to max_spares more) that meet
 * the availability target: more spares never lower the availability nor
 * lengthen the queue, so a doubling then a bisection finds them.  why (may
 * be NULL) gets the reason when it fails. */
static enum stage eval_cfg(ctx *x, const search_config *c, point *pt,
                           char *why, size_t whylen, bool *stop)
{
	int s0 = x->base->spares, smax = s0 + x->o->max_spares;
	bool hopeless;
	enum stage st = eval_at(x, c, s0, &hopeless);

	if (st == ST_OK) {
		keep_point(x->r, c, s0, pt);
		return ST_OK;
	}
	if (!hopeless && smax > s0) {
		int lo = s0, hi = -1, step = 1;   /* lo fails */
		while (hi < 0) {
			int t = lo + step > smax ? smax : lo + step;
			enum stage ts = eval_at(x, c, t, &hopeless);
			if (ts == ST_OK) {
				keep_point(x->r, c, t, pt);
				hi = t;
			} else if (t == smax || hopeless) {
				st = ts;
				break;
			} else {
				lo = t;
				step *= 2;
			}
		}
		if (hi >= 0) {
			point best = *pt;
			while (hi - lo > 1) {
				int mid = lo + (hi - lo) / 2;
				if (eval_at(x, c, mid, &hopeless) == ST_OK) {
					keep_point(x->r, c, mid, &best);
					hi = mid;
				} else {
					lo = mid;
				}
			}
			*pt = best;
			return ST_OK;
		}
	}
	if (why)
		explain(x->base, x->r, st, x->s.spares, c->gpus, why, whylen);
	if (stop)
		*stop = hopeless;
	return st;
}

/* a family's better point: cheaper (or, for $/1M tokens, more capacity
 * within the SLOs); ties keep the smaller batch limit found first */
static bool better(const search_opts *o, const point *a, const point *b)
{
	if (o->objective == OBJ_TOKENS)
		return a->slo_rps > b->slo_rps;
	return a->monthly < b->monthly;
}

/* ---- results ---------------------------------------------------------------- */

typedef struct {
	search_config c;
	double objective;
	int group;                    /* index into the excluded-family table */
} candidate;

typedef struct {
	char what[96];
	char why[200];
	enum stage stage;
	double replica_usd_h;
	bool feasible;
	bool pruned;                  /* a bound ruled it out: not shown */
	int gpu_index, gpus;          /* one line per accelerator × T */
	bool listed;
} family_note;

static void note_family(family_note *f, enum stage st, const char *why)
{
	if (f->stage < st || !f->why[0]) {
		f->stage = st;
		snprintf(f->why, sizeof f->why, "%s", why);
	}
}

/* cheaper first; at the same price fewer GPUs per replica, then the
 * wider weights and KV (less quantisation), then by name */
static int cmp_candidate(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	if (x->objective != y->objective)
		return x->objective < y->objective ? -1 : 1;
	if (x->c.gpus != y->c.gpus)
		return x->c.gpus < y->c.gpus ? -1 : 1;
	if (x->c.weights != y->c.weights)
		return x->c.weights < y->c.weights ? -1 : 1;
	if (x->c.kv != y->c.kv)
		return x->c.kv < y->c.kv ? -1 : 1;
	return strcmp(x->c.gpu, y->c.gpu);
}

/* nearest to an answer first (the furthest stage it got to), then by the
 * price of one replica */
static int cmp_family(const void *a, const void *b)
{
	const family_note *x = a, *y = b;
	if (x->stage != y->stage)
		return x->stage > y->stage ? -1 : 1;
	if (x->replica_usd_h != y->replica_usd_h)
		return x->replica_usd_h < y->replica_usd_h ? -1 : 1;
	return strcmp(x->what, y->what);
}

static double margin(double limit, double v)
{
	return limit > 0 ? (limit - v) / limit : NAN;
}

/* the figures of a ranked configuration, from model_eval at its price */
static void fill_row(ctx *x, const candidate *cd, search_row *row)
{
	const scenario *b = x->base;
	results *r = x->r;
	static const char *const names[] = { "TTFT", "TPOT", "E2E", "availability" };

	memset(row, 0, sizeof *row);
	row->c = cd->c;
	row->objective = cd->objective;
	x->s = *b;
	x->s.n_options = 0;
	search_apply(&x->s, &cd->c);
	model_eval_figures(&x->s, r);
	x->evals++;
	row->monthly_usd = r->monthly_usd;
	row->monthly_reserved_usd = r->monthly_reserved_usd;
	row->usd_per_1m_tokens = answers_fleet_usd_per_1m(&x->s, r);
	row->usd_per_1m_at_slo = r->slo_requests_per_s > 0 ?
		r->replica_usd_per_hour / (r->slo_requests_per_s *
		(b->input_tokens + b->output_tokens) * 3600) * 1e6 : NAN;
	row->replicas = r->replicas_total;
	for (int i = 0; i < r->n_regions; i++)
		row->fleet_gpus += r->regions[i].gpus;
	row->batch = r->batch;
	row->slo_batch = r->slo_batch;
	row->ttft_p95_s = r->ttft_p95_s;
	row->tpot_s = r->tpot_s;
	row->e2e_p95_s = r->e2e_p95_s;
	row->availability = r->availability;
	row->m_ttft = margin(b->ttft_slo_s, r->ttft_p95_s);
	row->m_tpot = margin(b->tpot_slo_s, r->tpot_s);
	row->m_e2e = margin(b->e2e_slo_s, r->e2e_p95_s);
	row->m_avail = b->availability > 0 && b->availability < 1 ?
		1 - (1 - r->availability) / (1 - b->availability) : NAN;
	double m[4] = { row->m_ttft, row->m_tpot, row->m_e2e, row->m_avail };
	row->binds = "none";
	double best = INFINITY;
	for (int i = 0; i < 4; i++)
		if (isfinite(m[i]) && m[i] < best) {
			best = m[i];
			row->binds = names[i];
		}
}

/* The best objective of each of the N best groups found so far (group:
 * accelerator × T × weights × price): a family whose lower bound is above
 * its group's threshold cannot enter the answer. */
typedef struct {
	int n, cap;
	long key[SEARCH_TOP_MAX];
	double val[SEARCH_TOP_MAX];
} topn;

static double topn_threshold(const topn *t, long key)
{
	for (int i = 0; i < t->n; i++)
		if (t->key[i] == key)
			return t->val[i];
	return t->n < t->cap ? INFINITY : t->val[t->n - 1];
}

static void topn_offer(topn *t, long key, double v)
{
	int i;
	for (i = 0; i < t->n && t->key[i] != key; i++)
		;
	if (i < t->n) {
		if (!(v < t->val[i]))
			return;
	} else if (t->n < t->cap) {
		i = t->n++;
	} else if (v < t->val[t->n - 1]) {
		i = t->n - 1;
	} else {
		return;
	}
	t->key[i] = key;
	t->val[i] = v;
	for (; i > 0 && t->val[i - 1] > t->val[i]; i--) {
		long k = t->key[i]; t->key[i] = t->key[i - 1]; t->key[i - 1] = k;
		double w = t->val[i]; t->val[i] = t->val[i - 1]; t->val[i - 1] = w;
	}
}

/* A lower bound of a family's objective at price P, from R_up, the most
 * requests/s one replica can take at any batch limit (R_max at the
 * largest batch KV memory allows): no fleet serves a region's peak with
 * fewer than ceil(peak/R_up) replicas, nor with fewer than
 * fleet.min_replicas, and the scenario's spares come on top; no replica's
 * SLO capacity is above R_up. */
static double lower_bound(const scenario *b, const search_opts *o, int T,
                          double P, double r_up)
{
	double tok = b->input_tokens + b->output_tokens, sum = 0;
	if (!(r_up > 0))
		return INFINITY;
	if (o->objective == OBJ_TOKENS)
		return T * P / (r_up * tok * 3600) * 1e6;
	int n = b->n_regions > 0 ? b->n_regions : 1;
	for (int i = 0; i < n; i++) {
		double share = b->n_regions > 0 ? b->regions[i].share : 1.0;
		double f = b->n_regions > 0 && b->regions[i].price_factor > 0 ?
		           b->regions[i].price_factor : 1.0;
		/* whole replicas, at least the minimum, plus the scenario's
		 * spares (the search never goes below them) */
		double need = ceil(b->requests_per_day * share * b->peak_factor /
		                   86400.0 / r_up * (1 - 1e-12));
		if (need < b->min_replicas)
			need = b->min_replicas;
		sum += (need + (b->spares > 0 ? b->spares : 0)) * f;
	}
	sum *= T * P * b->hours_per_month;
	if (o->objective == OBJ_RESERVED)
		sum *= 1.0 - b->reserved_discount;
	return sum;
}

/* prices of one accelerator at one T */
typedef struct {
	int n;
	variant v[MAX_VARIANTS];
} price_set;

/* a family (all but the batch limit and the price) still open after its
 * first look at the smallest limit */
typedef struct {
	search_config c;
	int fam, ps;
	double lb;                 /* lower bound at its cheapest price */
	double r_up;
} item;

static int cmp_item(const void *a, const void *b)
{
	const item *x = a, *y = b;
	return (x->lb > y->lb) - (x->lb < y->lb);
}

/* grow an array by doubling: 0, or -1 when out of memory */
static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	void *q = realloc(*p, 2 * *cap * size);
	if (!q)
		return -1;
	*p = q;
	*cap *= 2;
	return 0;
}

int search_run(const scenario *base, const search_opts *o, search_result *out,
               char *err, size_t errlen)
{
	ctx x = { .base = base, .o = o };
	const int *mb = o->n_max_batch ? o->max_batch : default_max_batch;
	int n_mb = o->n_max_batch ? o->n_max_batch :
		(int)(sizeof default_max_batch / sizeof default_max_batch[0]);
	size_t n_gpus = o->n_gpu_ids ? (size_t)o->n_gpu_ids : catalog_gpu_count();
	static const int all_batching[] = { BATCH_CONTINUOUS, BATCH_STATIC };
	static const int all_spec[] = { 0, 1 };
	const int *bt = o->n_batching ? o->batching : all_batching;
	int n_bt = o->n_batching ? o->n_batching : 2;
	const int *sp = o->n_spec ? o->spec : all_spec;
	int n_sp = o->n_spec ? o->n_spec : 2;
	size_t cap_cand = 1024, n_cand = 0, cap_fam = 256, n_fam = 0;
	size_t cap_item = 1024, n_item = 0, cap_ps = 64, n_ps = 0;
	candidate *cand = malloc(cap_cand * sizeof *cand);
	family_note *fam = malloc(cap_fam * sizeof *fam);
	item *items = malloc(cap_item * sizeof *items);
	price_set *pss = malloc(cap_ps * sizeof *pss);
	model_params mp;
	topn top = { .cap = o->top };
	int rc = -1;

	memset(out, 0, sizeof *out);
	x.r = malloc(sizeof *x.r);
	if (!cand || !fam || !x.r || !items || !pss)
		goto oom;
	x.mb = mb;
	x.n_mb = n_mb;
	x.s = *base;
	x.s.n_options = 0;      /* the options do not change the headline fleet */
	model_count_params(&base->model, &mp);

	/* pass 1: every family at the smallest batch limit with the
	 * scenario's spares: does it fit, can it meet the SLOs at all, and a
	 * lower bound of what it can cost */
	for (size_t gi = 0; gi < n_gpus; gi++) {
		const gpu_spec *g = o->n_gpu_ids ? catalog_gpu(o->gpu_ids[gi]) :
		                    catalog_gpu_at(gi);
		int tp[SEARCH_MAX_LIST], wl[PREC_COUNT], kl[PREC_COUNT];
		int n_tp, n_w, n_k;

		if (!g) {
			snprintf(err, errlen, "--search accelerators: unknown '%s'",
			         o->gpu_ids[gi]);
			goto done;
		}
		n_tp = tp_list(o, g, tp);
		n_w = weights_list(o, g, wl);
		n_k = kv_list(o, g, kl);
		for (int ti = 0; ti < n_tp; ti++) {
			if (grow((void **)&pss, &cap_ps, n_ps, sizeof *pss))
				goto oom;
			price_set *ps = &pss[n_ps];
			double cheapest = INFINITY;
			ps->n = variants_of(o, g, tp[ti], ps->v);
			if (ps->n == 0)
				continue;
			n_ps++;
			for (int vi = 0; vi < ps->n; vi++)
				cheapest = fmin(cheapest, ps->v[vi].price);
			for (int wi = 0; wi < n_w; wi++) {
				/* one family note per accelerator × T × weights */
				if (grow((void **)&fam, &cap_fam, n_fam, sizeof *fam))
					goto oom;
				family_note *fn = &fam[n_fam];
				memset(fn, 0, sizeof *fn);
				snprintf(fn->what, sizeof fn->what, "%s %s x%d", g->id,
				         prec_name(wl[wi]), tp[ti]);
				fn->replica_usd_h = tp[ti] * cheapest;
				fn->gpu_index = (int)gi;
				fn->gpus = tp[ti];
				for (int ki = 0; ki < n_k; ki++) {
					search_config c;
					memset(&c, 0, sizeof c);
					memcpy(c.gpu, g->id, ID_MAX);
					c.usd_per_gpu_hour = 1.0;
					c.gpus = tp[ti];
					c.weights = wl[wi];
					c.kv = kl[ki];
					c.spares = base->spares;
					out->configurations += (long)n_mb * ps->n * n_bt * n_sp;
					out->families += (long)n_bt * n_sp * ps->n;
					for (int bi = 0; bi < n_bt; bi++)
					for (int si = 0; si < n_sp; si++) {
						bool hopeless;
						char why[200];
						c.batching = bt[bi];
						c.speculative = sp[si] != 0;
						c.max_batch = mb[0];
						enum stage st = eval_at(&x, &c, base->spares, &hopeless);
						if (st != ST_OK && hopeless) {
							explain(base, x.r, st, base->spares, c.gpus,
							        why, sizeof why);
							note_family(fn, st, why);
							if (st == ST_NOFIT)
								goto next_kv;   /* nothing else fits it */
							continue;
						}
						/* R_up: R_max at the largest batch KV allows */
						replica_perf rp;
						x.s.max_batch = mb[n_mb - 1];
						int bm = model_max_batch(&x.s, &x.s.gpu, c.gpus, &mp);
						model_replica_perf(&x.s, &x.s.gpu, c.gpus, &mp,
						                   bm > 0 ? bm : 1, &rp);
						if (grow((void **)&items, &cap_item, n_item, sizeof *items))
							goto oom;
						item *it = &items[n_item++];
						it->c = c;
						it->fam = (int)n_fam;
						it->ps = (int)n_ps - 1;
						it->r_up = rp.requests_per_s;
						it->lb = lower_bound(base, o, c.gpus, cheapest, rp.requests_per_s);
					}
next_kv:;
				}
				n_fam++;
			}
		}
	}

	/* pass 2: the open families, the most promising first; each batch
	 * limit with its fewest spares, unless the bound rules it out */
	qsort(items, n_item, sizeof *items, cmp_item);
	for (size_t ii = 0; ii < n_item; ii++) {
		item *it = &items[ii];
		const price_set *ps = &pss[it->ps];
		family_note *fn = &fam[it->fam];
		search_config c = it->c;
		point best = { 0 }, pt;
		bool have = false, open = false;
		char why[200];

		for (int vi = 0; vi < ps->n && !open; vi++)
			open = !(lower_bound(base, o, c.gpus, ps->v[vi].price, it->r_up) >
			         topn_threshold(&top, (long)it->fam * MAX_VARIANTS + vi));
		if (!open) {
			out->pruned++;
			fn->pruned = true;
			continue;
		}
		why[0] = '\0';
		for (int i = 0; i < n_mb; i++) {
			bool stop = false;
			c.max_batch = mb[i];
			enum stage st = eval_cfg(&x, &c, &pt, i == 0 ? why : NULL,
			                         sizeof why, &stop);
			if (st == ST_OK && (!have || better(o, &pt, &best))) {
				best = pt;
				have = true;
			}
			if (i == 0 && st != ST_OK)
				note_family(fn, st, why);
			if (st != ST_OK && stop)
				break;
			/* KV memory caps the batch: larger limits change nothing */
			if (x.r->fits && x.r->batch < c.max_batch)
				break;
		}
		if (!have)
			continue;
		/* every price of this family */
		for (int vi = 0; vi < ps->n; vi++) {
			double P = ps->v[vi].price, obj;
			double month = best.monthly * P;
			double res = best.reserved * P;
			if (o->objective == OBJ_RESERVED)
				obj = res;
			else if (o->objective == OBJ_TOKENS)
				obj = best.slo_rps > 0 ? c.gpus * P / (best.slo_rps *
				      (base->input_tokens + base->output_tokens) * 3600) * 1e6 :
				      INFINITY;
			else
				obj = month;
			if (o->max_gpus > 0 && best.fleet_gpus > o->max_gpus) {
				snprintf(why, sizeof why, "needs %ld GPUs (cap %ld)",
				         best.fleet_gpus, o->max_gpus);
				note_family(fn, ST_CAP, why);
				continue;
			}
			double capv = o->objective == OBJ_RESERVED ? res : month;
			if (o->max_usd_month > 0 && capv > o->max_usd_month) {
				snprintf(why, sizeof why, "$%.0f/month (cap $%.0f)", capv,
				         o->max_usd_month);
				note_family(fn, ST_CAP, why);
				continue;
			}
			if (!isfinite(obj))
				continue;
			if (grow((void **)&cand, &cap_cand, n_cand, sizeof *cand))
				goto oom;
			candidate *cd = &cand[n_cand++];
			cd->c = c;
			cd->c.max_batch = best.max_batch;
			cd->c.spares = best.spares;
			cd->c.usd_per_gpu_hour = P;
			memcpy(cd->c.instance, ps->v[vi].instance, ID_MAX);
			cd->objective = obj;
			cd->group = it->fam;
			topn_offer(&top, (long)it->fam * MAX_VARIANTS + vi, obj);
			fn->feasible = true;
			out->feasible_families++;
		}
	}
	out->evaluations = x.evals;

	/* the best configuration of each accelerator × T × weights × price */
	qsort(cand, n_cand, sizeof *cand, cmp_candidate);
	for (size_t i = 0; i < n_cand && out->n_rows < o->top; i++) {
		bool dup = false;
		for (int j = 0; j < out->n_rows && !dup; j++) {
			const search_config *a = &out->rows[j].c, *b = &cand[i].c;
			dup = !strcmp(a->gpu, b->gpu) && a->gpus == b->gpus &&
			      a->weights == b->weights && !strcmp(a->instance, b->instance);
		}
		if (!dup)
			fill_row(&x, &cand[i], &out->rows[out->n_rows++]);
	}

	/* the nearest families with no answer: those one replica of which
	 * costs less per hour than the winner's whole fleet (else any), the
	 * furthest a family got first (fit, SLOs, availability, caps), then
	 * by the price of a replica */
	qsort(fam, n_fam, sizeof *fam, cmp_family);
	double lim = out->n_rows && base->hours_per_month > 0 ?
	             out->rows[0].monthly_usd / base->hours_per_month : INFINITY;
	for (int pass = 0; pass < 2 && out->n_excluded == 0; pass++)
		for (size_t i = 0; i < n_fam && out->n_excluded < SEARCH_EXCLUDED_MAX; i++) {
			bool seen = false;
			if (fam[i].feasible || fam[i].pruned || !fam[i].why[0])
				continue;
			for (size_t j = 0; j < i && !seen; j++)
				seen = fam[j].listed && fam[j].gpu_index == fam[i].gpu_index &&
				       fam[j].gpus == fam[i].gpus;
			if (seen)
				continue;
			if (pass == 0 && !(fam[i].replica_usd_h <= lim))
				continue;
			search_excluded *e = &out->excluded[out->n_excluded++];
			snprintf(e->what, sizeof e->what, "%s", fam[i].what);
			snprintf(e->why, sizeof e->why, "%s", fam[i].why);
			e->replica_usd_h = fam[i].replica_usd_h;
			fam[i].listed = true;
		}
	rc = 0;
	goto done;
oom:
	snprintf(err, errlen, "out of memory");
done:
	free(cand);
	free(fam);
	free(items);
	free(pss);
	free(x.r);
	return rc;
}
