/* tco.c — what each way of serving costs (model.md §7): the API's bill,
 * break-even against the self-hosted fleet, and the [option.*] alternatives
 * (API, rented instances), each priced per region.  Calls capacity.c below.
 *
 * Cost.  replica $/h = T·gpu $/h (model.c); region $/h = replicas·replica
 * $/h·price factor; month = Σ·hours_per_month; reserved = month·(1 −
 * discount); annual = 12·reserved (the seed's convention; the report
 * gives both months).  The cost block (model.c) is at the effective batch;
 * when the SLOs fail there, usd_per_1k_output_tokens_at_slo = replica $/h /
 * (R(b_slo)·out·3.6) and a note give the cost where the fleet is sized.
 * API: per request in·$in + out·$out;
 * day = D·that; year = 365·day; month = year/12.  Break-even: the smallest
 * requests/day at which the API's annual bill reaches the self-hosted
 * fleet's annual cost (reserved basis, as annual_usd), the fleet sized for
 * that volume (fixed-point iteration D ← S(D)/(365·c_api) on the step
 * function S: exact first crossing); "never" (0) when the API is cheaper
 * per request than a fully loaded self-hosted fleet.
 *
 * Options ([option.NAME]).  kind api: the API cost above with the option's
 * prices (pricing.api_* when it gives none); the provider's latency is not
 * modelled, so meets_slo is an assumption and its note says so.  kind
 * instances: T = gpus_per_replica, or, among the T that fit in one instance
 * (1, 2, 4, ... and the instance's own count), the one whose fleet needs the
 * fewest instances within the SLOs (ties: the smaller T; none meeting the
 * SLOs: the smallest that fits; none fitting: 2, 4, 8 instances per
 * replica).  Replicas per instance = floor(G/T).  Fixed count
 * (instances_per_region > 0): that many per region, meets_slo when every
 * region's peak is within replicas·R_slo, and the note says what the load
 * needs (with min_replicas and spares).  Sized (0): what the load needs.
 * Instance price in a region: usd_per_hour × the region's factor when the
 * option sets a price; else the catalog's own price for a region named by
 * its cloud code (already regional: no factor); else the catalog's default
 * × the factor.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "model/capacity.h"
#include "model/notebuf.h"
#include "model/tco.h"


/* the self-hosted fleet's annual cost (reserved basis) at volume D */
static double selfhost_annual(const region_set *rs,
                              double D, double replica_usd_h, double r_slo,
                              double r_max)
{
	double usd_h = 0.0;

	for (int i = 0; i < rs->n; i++)
		usd_h += capacity_region_replicas(rs, D, rs->share[i], r_slo, r_max) *
		         replica_usd_h * rs->factor[i];
	return usd_h * rs->hpm * 12.0 * rs->keep;
}

double tco_break_even(const region_set *rs, double replica_usd_h,
                      double r_slo, double r_max, double api_per_req)
{
	double a_slope = 365.0 * api_per_req;   /* API $/year per (request/day) */
	double r_eff = r_slo > 0.0 ? r_slo : r_max;
	double s_slope = 0.0, D, S;

	if (!(a_slope > 0.0) || !(r_eff > 0.0) || !(replica_usd_h > 0.0))
		return 0.0;
	for (int i = 0; i < rs->n; i++)
		s_slope += rs->share[i] * rs->peak / 86400.0 / r_eff *
		           replica_usd_h * rs->factor[i];
	s_slope *= rs->hpm * 12.0 * rs->keep;
	if (a_slope <= s_slope)
		return 0.0;   /* the API is cheaper at every volume */
	/* first crossing of the line a_slope·D with the step function S(D) */
	D = selfhost_annual(rs, 1e-9, replica_usd_h, r_slo, r_max) / a_slope;
	for (int i = 0; i < 200; i++) {
		S = selfhost_annual(rs, D, replica_usd_h, r_slo, r_max);
		if (a_slope * D >= S * (1.0 - 1e-12))
			return D;
		D = S / a_slope;
	}
	return D;
}

/* ---- per-option evaluation --------------------------------------------- */

static double option_price(const option *o, const region_set *rs, int i)
{
	if (o->usd_per_hour > 0.0)
		return o->usd_per_hour * rs->factor[i];
	for (int j = 0; j < o->inst.n_prices && j < MAX_INSTANCE_PRICES; j++)
		if (!strcmp(o->inst.prices[j].region, rs->name[i]) &&
		    o->inst.prices[j].usd_per_hour > 0.0)
			return o->inst.prices[j].usd_per_hour;   /* already regional */
	return o->inst.usd_per_hour * rs->factor[i];
}

/* what each region needs: "2" when all agree, else "hk 2, sg 2, syd 1"
 * (inlined: its one caller's outbuf stays in registers) */
static inline __attribute__((always_inline))
void put_needed(outbuf *o, const region_set *rs, const int *need)
{
	bool same = true;

	for (int i = 1; i < rs->n; i++)
		if (need[i] != need[0])
			same = false;
	if (same) {
		put_i(o, need[0]);
		return;
	}
	for (int i = 0; i < rs->n; i++) {
		if (i)
			PUT(o, ", ");
		put_s(o, rs->name[i]);
		PUT(o, " ");
		put_i(o, need[i]);
	}
}

/* fabs(k - round(k)) < 1e-6 without libm's round: below 2^52 the
 * distances to the whole numbers either side, k - trunc(k) and its
 * complement to 1, are exact (the one round picks is the smaller, and only
 * that one can be under 1e-6); from 2^52 on every double is whole, and
 * infinities and NaN are not near one */
static bool near_whole(double k)
{
	if (!(fabs(k) < 4503599627370496.0))
		return k - k == 0.0;
	double f = fabs(k - (double)(long long)k);

	return f < 1e-6 || 1.0 - f < 1e-6;
}

/* 2 decimals for a whole number of cents, else up to 6 (whole cents, the
 * usual case, tested before the loop: its constants are not set up) */
static int cents_digits(double v)
{
	double k = v * 100.0;

	if (near_whole(k))
		return 2;
	for (int d = 3; d < 6; d++) {
		k *= 10.0;
		if (near_whole(k))
			return d;
	}
	return 6;
}

/* a price per 1M tokens with cents_digits's decimals: whole cents (the
 * usual case) through put_f's constant-decimal path, in place; the
 * outbuf by value and returned (notebuf.h's put_fixed_any) */
static outbuf per_1m_at(outbuf ob, double v)
{
	int d = cents_digits(v);

	if (d == 2)
		put_f(&ob, v, 2);
	else
		put_f(&ob, v, d);
	return ob;
}

/* per_1m_at where the note is, with the most it writes said (put_f's) */
static inline void put_per_1m(outbuf *o, double v)
{
	size_t was = o->room;

	*o = per_1m_at(*o, v);
	ob_took(o, was, 34);
}

static void eval_api_option(const scenario *s, const region_set *rs,
                            const option *o, bool text, option_result *or)
{
	double pin = o->api_input_per_token, pout = o->api_output_per_token;
	double per_req, daily;

	if (!(pin > 0.0) && !(pout > 0.0)) {
		pin = s->api_input_per_token;
		pout = s->api_output_per_token;
	}
	per_req = model_finite(rs->in * model_cap(pin, 1e3) + rs->out * model_cap(pout, 1e3));
	daily = rs->D * per_req;
	or->api_daily_usd = model_finite(daily);
	or->annual_usd = model_finite(daily * 365.0);
	or->monthly_on_demand_usd = or->annual_usd / 12.0;
	or->monthly_reserved_usd = or->monthly_on_demand_usd;
	or->meets_slo = true;
	or->meets_availability = true;    /* the provider's: assumed, as SLOs */
	or->meets = true;
	or->fits = true;
	if (text) {   /* the note (tco_option has begun it empty) */
		outbuf ob, *nb = &ob;
		outbuf_init(nb, or->notes, sizeof or->notes);
		PUT(nb, "$");
		put_f(nb, daily, 2);
		PUT(nb, "/day at $");
		put_per_1m(nb, pin * 1e6);
		PUT(nb, " + $");
		put_per_1m(nb, pout * 1e6);
		PUT(nb, " per 1M in/out tokens; provider latency not modelled "
		    "(SLOs assumed met)");
		outbuf_end(nb);
	}
}

/* One way to lay replicas out on an option's instances: T devices each.
 * What it needs at each distinct peak (region_set.peak_region) is kept as
 * it is worked out: each stage of the pick, and the option's figures for
 * the one picked, read it rather than divide again. */
typedef struct {
	int T, bmax, rpi, ipr;
	int slo_batch;                /* where r_slo is (0: none, or not searched) */
	int stage;                    /* 0: R_max taken as the SLO capacity;
	                                 1: the SLO capacity, fleet.spares only;
	                                 2: with the availability target's spares */
	bool served;                  /* serve[] is set (from stage 1) */
	bool counted;                 /* nrep[] is set (stage 2, r_slo > 0) */
	double r_max, r_slo;
	double inv_rpi;               /* model_ceil_div_inv(rpi) */
	double need_total;            /* instances the load needs, all regions:
	                                 at stage 2 the count, before it a lower
	                                 bound on it (HUGE_VAL: meets no SLO) */
	replica_shape *sh;            /* the shape g × T (capacity.h) */
	const gpu_spec *g;            /* the option's accelerator (capacity_gpu) */
	/* per distinct peak u: capacity_max_term on R_max (when bmax > 0),
	 * the serving replicas at the SLO capacity (capacity_needed), and
	 * those with the availability target's spares (capacity_with_spares) */
	double m[MAX_REGIONS], serve[MAX_REGIONS], nrep[MAX_REGIONS];
} layout;

/* instances for nrep (whole) replicas in a region: ceil(nrep/rpi), the
 * same double without a division (one replica per instance: nrep itself,
 * as nrep/1; several, in model_ceil_div's range: by 1/rpi) */
static inline double layout_instances(const layout *l, double nrep)
{
	if (l->rpi == 1)
		return model_ceil_pos(nrep);
	if (l->inv_rpi > 0.0 && model_ceil_div_n(nrep))
		return model_ceil_div(nrep, l->inv_rpi);
	return l->rpi ? model_ceil_pos(nrep / l->rpi) : nrep * l->ipr;
}

/* instances for n serving replicas in a region with fleet.spares only
 * (at least min_replicas): the lower bounds' count, before the spares the
 * availability target may add */
static inline double layout_fleet_spares(const region_set *rs,
                                         const layout *l, double n)
{
	return layout_instances(l, (n > rs->min_rep ? n : rs->min_rep) +
	                           rs->spares);
}

/* The stage-0 lower bound on the instances the regions need: R_max taken
 * as the SLO capacity (ceil(λ/R_max) <= floor(λ/R_max) + 1, so the SLO
 * term drops out), fleet.spares only; m[] is worked out on the way.  A
 * replica's capacity does not depend on the region: regions with the same
 * peak need as many (whole numbers: count × one region's sums exactly, in
 * any order). */
static inline double layout_bound0(const region_set *rs, layout *l)
{
	double need = 0.0;

	for (int u = 0; u < rs->n_peaks; u++) {
		double lam = rs->lam[rs->peak_region[u]];
		double n = capacity_needed_m(lam, 0.0,
			l->m[u] = capacity_max_term(lam, l->r_max));
		need += rs->peak_count[u] * layout_fleet_spares(rs, l, n);
	}
	return need;
}

/* the serving replicas each peak needs at the layout's SLO capacity */
static inline void layout_serve(const region_set *rs, layout *l)
{
	for (int u = 0; u < rs->n_peaks; u++)
		l->serve[u] = capacity_needed_m(rs->lam[rs->peak_region[u]],
		                                l->r_slo, l->m[u]);
	l->served = true;
}

/* the stage-1 lower bound: the SLO capacity, fleet.spares only (not the
 * spares the availability target may add) */
static inline double layout_bound1(const region_set *rs, layout *l)
{
	double need = 0.0;

	layout_serve(rs, l);
	for (int u = 0; u < rs->n_peaks; u++)
		need += rs->peak_count[u] * layout_fleet_spares(rs, l, l->serve[u]);
	return need;
}

/* the instances the regions need at the layout's SLO capacity, with the
 * availability target's spares (r_slo > 0) */
MODEL_HOT double layout_need(const region_set *rs, layout *l)
{
	double need = 0.0;

	if (!l->served)
		layout_serve(rs, l);
	for (int u = 0; u < rs->n_peaks; u++) {
		l->nrep[u] = capacity_with_spares(rs, l->serve[u]);
		need += rs->peak_count[u] * layout_instances(l, l->nrep[u]);
	}
	l->counted = true;
	return need;
}

/* One step further for a layout set up by layout_eval: stage 0 → 1
 * searches the shape's SLO capacity (a layout that meets no SLO cannot be
 * the best: HUGE_VAL) and bounds the count on it with fleet.spares only;
 * 1 → 2 adds the spares the availability target asks for.  Each stage's
 * count is at least the one before: capacity_needed(λ, R_slo, R_max) >=
 * floor(λ/R_max) + 1 = capacity_needed(λ, 0, R_max), and the spares
 * for the target are at least fleet.spares. */
MODEL_HOT void layout_refine(shape_set *set, const region_set *rs, layout *l,
                             bool exact)
{
	if (l->stage == 0) {
		/* the shape layout_eval set up, unless its slot has gone to
		 * another since (every slot taken: capacity_shape reuses the
		 * last) */
		if (l->sh->T != l->T || l->sh->gpu != l->g)
			l->sh = capacity_shape(set, l->g, l->T);
		const fleet_capacity *c = capacity_slo(set, l->sh);
		l->r_slo = c->requests_per_s;
		l->slo_batch = c->batch;
		/* exact: the count is wanted, not a bound on it first */
		l->need_total = !(l->r_slo > 0.0) ? HUGE_VAL : exact ?
			layout_need(rs, l) : layout_bound1(rs, l);
		l->stage = l->r_slo > 0.0 && !exact ? 1 : 2;
	} else if (l->stage == 1) {
		l->need_total = layout_need(rs, l);
		l->stage = 2;
	}
}

/* Fill l for T devices per replica (the shape g × T, set up once per
 * evaluation): the effective batch, R_max and the optimistic instance
 * count (R_max taken as the SLO capacity, a lower bound on what the SLOs
 * need); with capacity, also the SLO capacity and the instances it needs.
 * The per-peak arrays are not cleared: each is read only once its flag
 * (or, for m[], bmax > 0) says it is set. */
MODEL_HOT void layout_eval(shape_set *set, const option *o,
                           const gpu_spec *g, const region_set *rs, int T,
                           bool capacity, layout *l)
{
	int G = o->inst.gpus > 0 ? o->inst.gpus : 1;
	replica_shape *sh = capacity_shape(set, g, T);

	l->sh = sh;
	l->g = g;
	l->T = T;
	l->rpi = T <= G ? G / T : 0;
	l->inv_rpi = model_ceil_div_inv(l->rpi);
	/* cppcheck-suppress zerodivcond ; G >= 1 two lines up, whatever T is */
	l->ipr = T <= G ? 1 : (T + G - 1) / G;
	l->bmax = sh->bmax;
	l->slo_batch = 0;
	l->stage = 0;
	l->served = l->counted = false;
	l->r_max = l->r_slo = l->need_total = 0.0;
	if (l->bmax <= 0)
		return;
	l->r_max = model_finite(sh->top.rps);
	l->need_total = layout_bound0(rs, l);
	if (capacity)
		layout_refine(set, rs, l, true);
}

/* The GPUs-per-replica search (the one place it is done):
 * gpus_per_replica when given; otherwise every T that fits in one instance
 * (1, 2, 4, ... and the instance's own count), the one whose fleet needs the
 * fewest instances within the SLOs (ties: the smaller T; when no T meets the
 * SLOs, the smallest that fits); when none fits in one instance, 2, 4, 8
 * instances per replica.  Best first: each candidate carries a lower bound
 * on its count (layout.stage), and the one with the smallest (bound, T) is
 * refined, until that one's count is exact: no other can need fewer
 * instances (or as few with a smaller T).  The SLO search and the
 * availability spares are worked out only for candidates that could win.
 * The candidates are laid out in c; the one picked is returned (one of
 * them: not copied out). */
static const layout *pick_layout(shape_set *set, const option *o,
                                 const region_set *rs, layout c[16],
                                 int *smallest_fit)
{
	int G = o->inst.gpus > 0 ? o->inst.gpus : 1;
	layout *fit[16];
	int nc = 0, nf = 0;
	const gpu_spec *g = capacity_gpu(set, &o->gpu);

	*smallest_fit = 0;
	if (o->gpus_per_replica > 0) {
		layout_eval(set, o, g, rs, o->gpus_per_replica, true, c);
		*smallest_fit = c->bmax > 0 ? o->gpus_per_replica : 0;
		return c;
	}
	for (int t = 1; t < G && nc < 15; t *= 2, nc++)
		layout_eval(set, o, g, rs, t, false, &c[nc]);
	layout_eval(set, o, g, rs, G, false, &c[nc]);
	nc++;
	/* the candidates that fit, by increasing T */
	for (int i = 0; i < nc; i++)
		if (c[i].bmax > 0)
			fit[nf++] = &c[i];
	if (nf > 0)
		*smallest_fit = fit[0]->T;
	while (nf > 0) {
		layout *l = fit[0];
		/* the first smallest: on a tie, the smaller T */
		for (int i = 1; i < nf; i++)
			if (fit[i]->need_total < l->need_total)
				l = fit[i];
		if (l->need_total == HUGE_VAL)
			break;         /* none meets the SLOs */
		if (l->stage == 2)
			return l;
		layout_refine(set, rs, l, false);
	}
	if (nf > 0)            /* none meets the SLOs: the smallest fit */
		return fit[0];
	for (int k = 2; k <= 8; k *= 2) {
		layout_eval(set, o, g, rs, k * G, true, c);
		if (c->bmax > 0) {
			*smallest_fit = k * G;
			return c;
		}
	}
	layout_eval(set, o, g, rs, G, false, c);
	return c;
}

/* not inlined into tco_option: the API option would pay for its frame */
static __attribute__((noinline))
void eval_instance_option(shape_set *set, const option *o,
                          const region_set *rs, option_result *or)
{
	const scenario *s = set->s;
	int T, rpi, ipr, smallest;
	/* zeroed: a region reads the figures of an earlier one (first[i] <
	 * i), which gcc -fanalyzer cannot always see (a few vector stores) */
	int need[MAX_REGIONS] = { 0 }, needrep[MAX_REGIONS] = { 0 };
	int fixed_inst = o->instances_per_region, fixed_reps = 0;
	int inst_total = 0, reps_total = 0, need_total = 0;
	double r_max, r_slo, usd_h = 0.0;
	layout cand[16];
	const layout *lay;
	bool fixed = fixed_inst > 0, fits, carries = true, short_any = false;
	outbuf ob, *nb = &ob;

	lay = pick_layout(set, o, rs, cand, &smallest);
	T = lay->T;
	rpi = lay->rpi;
	ipr = lay->ipr;
	r_max = lay->r_max;
	r_slo = lay->r_slo;
	fits = lay->bmax > 0;
	or->gpus_per_replica = T;
	or->batch = lay->bmax;
	or->fits = fits;
	or->usd_per_instance_hour = o->usd_per_hour > 0.0 ? o->usd_per_hour :
	                            o->inst.usd_per_hour;
	or->replicas_per_instance = rpi;
	or->requests_per_s = r_max;
	or->slo_requests_per_s = r_slo;
	or->slo_batch = lay->slo_batch;
	if (fixed)
		fixed_reps = rpi ? fixed_inst * rpi : fixed_inst / ipr;

	for (int i = 0, u = 0; i < rs->n; i++) {
		int j = rs->first[i];
		if (j == i) {
			/* what this peak (the u-th) needs and what the option has
			 * for it: as the pick worked it out, when it did */
			double lam = rs->lam[i];
			double serving, nrep, ninst;
			int inst, reps;

			if (lay->counted) {
				serving = lay->serve[u];
				nrep = lay->nrep[u];
			} else {
				serving = capacity_needed(lam, r_slo, r_max);
				nrep = capacity_with_spares(rs, serving);
			}
			u++;
			ninst = layout_instances(lay, nrep);

			if (ninst > REPLICAS_CAP)
				ninst = REPLICAS_CAP;
			need[i] = (int)ninst;
			needrep[i] = fits ? (int)serving : 0;
			if (fixed) {
				inst = fixed_inst;
				reps = fixed_reps;
			} else {
				inst = need[i];
				reps = (int)nrep;
			}
			if (!fits)
				reps = 0;
			or->instances[i] = inst;
			or->replicas[i] = reps;
			if (lam > 0.0 &&
			    !(r_slo > 0.0 && lam <= reps * r_slo * (1.0 + 1e-12)))
				carries = false;
			if (fixed && inst < need[i])
				short_any = true;
		} else {
			/* the peak of an earlier region (first[i] < i): a
			 * replica's capacity does not depend on the region, so
			 * neither does any of this (only the price does) */
			need[i] = need[j];
			needrep[i] = needrep[j];
			or->instances[i] = or->instances[j];
			or->replicas[i] = or->replicas[j];
		}
		inst_total += or->instances[i];
		reps_total += or->replicas[i];
		need_total += need[i];
		or->usd_per_instance_hour_region[i] = model_cap(option_price(o, rs, i), 1e9);
		usd_h += or->instances[i] * or->usd_per_instance_hour_region[i];
	}
	or->instances_total = inst_total;
	or->replicas_total = reps_total;
	or->instances_needed = need_total;
	or->monthly_on_demand_usd = model_finite(usd_h * rs->hpm);
	or->monthly_reserved_usd = or->monthly_on_demand_usd * rs->keep;
	or->annual_usd = 12.0 * or->monthly_reserved_usd;
	or->meets_slo = fits && r_slo > 0.0 && carries;
	/* availability: as the headline fleet's, from the replicas it has
	 * and those its peak needs */
	or->availability = fits ?
		capacity_availability(rs, or->replicas, needrep) : 0.0;
	or->meets_availability = fits && (!(rs->target > 0.0) ||
		or->availability >= rs->target);
	or->meets = or->meets_slo && or->meets_availability;

	if (!set->text)
		return;       /* model_eval_figures: the note stays empty */
	outbuf_init(nb, or->notes, sizeof or->notes);
	if (!fits) {
		PUT(nb, "the model does not fit in ");
		put_i(nb, ipr);
		PUT(nb, " x ");
		PUT_A(nb, o->inst.id);
		PUT(nb, " of ");
		PUT_A(nb, o->gpu.id);
	} else if (!(r_slo > 0.0)) {
		put_i(nb, T);
		PUT(nb, "x ");
		PUT_A(nb, o->gpu.id);
		PUT(nb, " per replica: no batch size meets the SLOs; ");
		if (fixed) {
			PUT(nb, "fixed ");
			put_i(nb, fixed_inst);
		} else {
			PUT(nb, "sized on throughput: ");
			put_i(nb, need[0]);
		}
		PUT(nb, " instances per region");
	} else {
		if (fixed) {
			put_i(nb, fixed_inst);
			if (fixed_inst == 1)
				PUT(nb, " instance per region fixed; the load needs ");
			else
				PUT(nb, " instances per region fixed; the load needs ");
		} else {
			PUT(nb, "sized from demand: ");
		}
		put_needed(nb, rs, need);
		if (!fixed && need_total == rs->n)
			PUT(nb, " instance per region");
		else if (!fixed)
			PUT(nb, " instances per region");
		if (s->spares > 0) {
			PUT(nb, " with N+");
			put_i(nb, s->spares);
		}
		PUT(nb, " (");
		put_i(nb, T);
		PUT(nb, "x ");
		PUT_A(nb, o->gpu.id);
		PUT(nb, " per replica, ");
		put_g(nb, r_slo, 3);
		PUT(nb, " req/s each within the SLOs)");
		if (fixed && !carries)
			PUT(nb, "; too few for the peak");
		else if (fixed && short_any)
			PUT(nb, "; short of min/spares");
	}
	if (fits && !or->meets_availability) {
		PUT(nb, "; availability ");
		put_pct(nb, or->availability, 2);
		PUT(nb, " < ");
		put_pct(nb, rs->target, 2);
		PUT(nb, " target");
	}
	outbuf_end(nb);
}

double tco_api_per_request(const scenario *s, const region_set *rs)
{
	double v = rs->in * model_cap(s->api_input_per_token, 1e3) +
	           rs->out * model_cap(s->api_output_per_token, 1e3);

	if (!(v > 0.0))
		for (int i = 0; i < s->n_options && i < MAX_OPTIONS; i++)
			if (s->options[i].kind == OPT_API) {
				v = rs->in * model_cap(s->options[i].api_input_per_token, 1e3) +
				    rs->out * model_cap(s->options[i].api_output_per_token, 1e3);
				break;
			}
	return model_finite(v);
}

void tco_option(shape_set *set, const option *op, const region_set *rs,
                option_result *or)
{
	/* every field zeroed but the note, which every kind writes with its
	 * terminator (a hybrid's in model_own; begun empty here), as
	 * model_eval leaves r->notes: 200 bytes not cleared per option; nor
	 * the name, copied whole below (the fields from kind on: a few
	 * vector stores, not a string loop over the name too) */
	char *bytes = (void *)or;
	size_t kind = offsetof(option_result, kind);
	size_t after = offsetof(option_result, notes) + sizeof(or->notes);
	memset(bytes + kind, 0, offsetof(option_result, notes) - kind);
	memset(bytes + after, 0, sizeof(option_result) - after);
	or->notes[0] = '\0';
	memcpy(or->name, op->name, ID_MAX);
	or->name[ID_MAX - 1] = '\0';
	or->kind = op->kind;
	switch (op->kind) {
	case OPT_API:
		eval_api_option(set->s, rs, op, set->text, or);
		break;
	case OPT_HYBRID:
		break;      /* priced from its parts by model_own (tco_own.c) */
	default:        /* instances, and owned/spot sized as instances and
	                   priced by model_own */
		eval_instance_option(set, op, rs, or);
		break;
	}
}

void tco_meets(results *r)
{
	/* owned and spot options are sized as instances here and priced by
	 * model_own, which may find their SLOs unmet; spot and hybrid keep the
	 * availability target their own way (spares for interruptions, the
	 * base option's) */
	for (int i = 0; i < r->n_options && i < MAX_OPTIONS; i++) {
		option_result *o = &r->options[i];
		switch (o->kind) {
		case OPT_API:
			break;
		case OPT_SPOT:
		case OPT_HYBRID:
			o->meets = o->meets_slo;
			break;
		default:
			o->meets = o->fits && o->meets_slo && o->meets_availability;
			break;
		}
	}
}
