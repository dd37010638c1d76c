/* fleet.c — model_fleet(): the scenario's own fleet (model.md §6–7), put
 * together from capacity.c (SLO capacity, replicas, availability) and tco.c
 * (API, break-even, options), with the notes that say what binds.
 *
 * Runs after the replica model has filled *r (one replica at the effective
 * batch b: step, prefill, TPOT, R_max, TTFT = t_req + prefill with no queue).
 * Pure: no I/O, no globals, no allocation.  Reported latency: the worst
 * region at peak with every replica up (M/D/1, capacity.c).
 *
 * Not fitting.  When the model does not fit (batch 0) the fleet is not
 * sized: model.c's batch-1 "as if it fitted" figures are kept for the
 * replica, but regions and totals have 0 replicas, $0, utilisation and
 * availability 0, every SLO flag is false (nothing is served), break-even
 * is 0 (null), and a note gives min_gpus_to_fit.
 *
 * Instances.  The headline fleet is priced per accelerator-hour: a replica
 * is T devices at T·gpu $/h, region.instances counts those groups (=
 * replicas) and region.gpus = replicas·T.  Whole cloud instances are the
 * options'; a note says so when an option rents the same accelerator and
 * replicas·T is not a whole number of its instances.
 */
#include <math.h>
#include <string.h>

#include "model/capacity.h"
#include "model/fleet.h"
#include "model/owned.h"
#include "model/notebuf.h"
#include "model/tco.h"


#define REPLICAS_CAP 100000000.0   /* keeps counts in int range */

/* Notes are written with notebuf.h's put_* formatters (no printf on
 * the common path: model_eval runs on every keystroke and in optimisers).
 * note_begin returns NULL when every note slot is taken. */
static outbuf *note_begin(results *r, outbuf *o)
{
	if (r->n_notes < 0 || r->n_notes >= MODEL_MAX_NOTES)
		return NULL;
	outbuf_init(o, r->notes[r->n_notes], MODEL_NOTE_LEN);
	return o;
}

static void note_end(results *r, outbuf *o)
{
	outbuf_end(o);
	r->n_notes++;
}

/* a copy of a name: the sources are char[ID_MAX] arrays (region and
 * option names, or all_name below), so one fixed-size copy, terminated */
static void copy_name(char dst[ID_MAX], const char src[ID_MAX])
{
	memcpy(dst, src, ID_MAX);
	dst[ID_MAX - 1] = '\0';
}

/* ---- the whole fleet --------------------------------------------------- */

/* the names of the failing SLOs, "TTFT, E2E"; the outbuf by value and
 * returned (notebuf.h's put_fixed_any): the caller's stays in
 * registers.  Inlined: a few literals, less than the call, and the room
 * checks after them fold with the note's */
static inline __attribute__((always_inline))
outbuf slo_names_at(outbuf ob, unsigned failing)
{
	outbuf *o = &ob;

	/* the separators are literals (a string chosen at run time would be
	 * a strlen and a memcpy, even an empty one) */
	if (failing & SLO_TTFT)
		PUT(o, "TTFT");
	if (failing & SLO_TPOT) {
		if (failing & SLO_TTFT)
			PUT(o, ", ");
		PUT(o, "TPOT");
	}
	if (failing & SLO_E2E) {
		if (failing & (SLO_TTFT | SLO_TPOT))
			PUT(o, ", ");
		PUT(o, "E2E");
	}
	return ob;
}

/* one failing SLO of the best case: "TTFT 2.50 s with no queue > SLO
 * 2.00 s (+25%)" */
static void put_slo_miss(outbuf *o, const char *what, double v, double slo,
                         double unit, const char *u, const char *where)
{
	put_s(o, what);
	put_g(o, v * unit, 3);
	put_s(o, u);
	put_s(o, where);
	PUT(o, " > SLO ");
	put_g(o, slo * unit, 3);
	put_s(o, u);
	PUT(o, " (+");
	put_f(o, slo > 0.0 ? 100.0 * (v / slo - 1.0) : 0.0, 0);
	PUT(o, "%)");
}

static void slo_failure_note(const scenario *s, results *r,
                             const fleet_capacity *c)
{
	outbuf ob, *o;
	const char *sep = "";

	if (!(o = note_begin(r, &ob)))
		return;
	PUT(o, "no batch size meets the SLOs: ");
	if (c->failing & SLO_TTFT) {
		put_slo_miss(o, "TTFT ", c->best_ttft_s, s->ttft_slo_s, 1.0, " s",
		             " with no queue");
		sep = "; ";
	}
	if (c->failing & SLO_TPOT) {
		put_s(o, sep);
		put_slo_miss(o, "TPOT ", c->best_tpot_s, s->tpot_slo_s, 1e3, " ms",
		             " at batch 1");
		sep = "; ";
	}
	if (c->failing & SLO_E2E) {
		put_s(o, sep);
		put_slo_miss(o, "E2E ", c->best_e2e_s, s->e2e_slo_s, 1.0, " s",
		             " at batch 1");
	}
	note_end(r, o);
}

/* The headline fleet is priced per accelerator-hour (T × $/device-h per
 * replica).  When an instances option rents the same accelerator in
 * instances of G and some region's replicas·T is not a whole number of
 * them, say so: the options are the shape that can be rented. */
static void instance_shape_note(const scenario *s, results *r, int T)
{
	outbuf ob, *o;

	for (int i = 0; i < s->n_options && i < MAX_OPTIONS; i++) {
		const option *op = &s->options[i];
		int G = op->inst.gpus;
		bool whole = true;

		if (op->kind != OPT_INSTANCES || G <= 1 ||
		    strcmp(op->gpu.id, s->gpu.id) != 0)
			continue;
		/* with T a multiple of G every count of replicas is whole
		 * instances: no division per region */
		if (T % G != 0)
			for (int k = 0; k < r->n_regions && k < MAX_REGIONS; k++)
				if ((long long)r->regions[k].replicas * T % G != 0) {
					whole = false;
					break;
				}
		if (whole || !(o = note_begin(r, &ob)))
			return;
		PUT(o, "the fleet is priced per accelerator-hour (");
		put_i(o, T);
		PUT(o, " x ");
		PUT_A(o, s->gpu.id);
		PUT(o, " per replica), not in whole ");
		PUT_A(o, op->inst.id);
		PUT(o, " (");
		put_i(o, G);
		PUT(o, " each); the options (tco.options) price whole instances, "
		    "the shape that can be rented");
		note_end(r, o);
		return;
	}
}

void model_fleet_shapes(const scenario *s, results *r, shape_set *set)
{
	region_set rs;
	struct spare_memo spares;
	fleet_capacity cap;
	double r_max = model_finite(r->requests_per_s);
	double replica_h, fleet_h = 0.0, mean_total = 0.0, cap_total = 0.0;
	double worst_rho = -1.0, api_per_req;
	int T = s->gpus > 0 ? s->gpus : 1;
	int reps[MAX_REGIONS], needs[MAX_REGIONS], spares_k[MAX_REGIONS];
	double needs_d[MAX_REGIONS];
	double base_ttft = r->ttft_s, base_e2e = r->e2e_s, ts, w, w95;
	double out;
	bool avail_short = false, unsized = false;
	/* A scenario whose model does not fit is not sized: model.c computes
	 * its replica figures at batch 1 "as if it fitted", but no fleet is
	 * priced on them (0 replicas, no price, every SLO flag false, a note). */
	bool fits = r->batch > 0 && r_max > 0.0;
	outbuf ob, *o;

	capacity_regions(s, &rs, &spares);
	out = rs.out;

	/* one replica's $/h and per-token costs come from model.c (§7), at the
	 * operating batch, as R_max (r_max) is */
	replica_h = model_cap(r->replica_usd_per_hour, 1e9);

	/* SLO capacity of the scenario's own replica: its shape was searched
	 * by model_eval to find the operating point (free here) */
	if (fits && set->own)
		cap = *capacity_slo(set, set->own);
	else
		memset(&cap, 0, sizeof cap);
	r->slo_requests_per_s = cap.requests_per_s;
	r->slo_batch = cap.batch;
	r->slo_failing = cap.failing;
	r->slo_batch_requests_per_s = cap.batch_requests_per_s;
	r->usd_per_1k_output_tokens_at_slo = cap.requests_per_s > 0.0 ?
		model_usd_per_1k_of(replica_h, cap.batch_requests_per_s * out) : 0.0;

	/* regions */
	r->n_regions = rs.n;
	r->replicas_total = 0;
	r->mean_requests_per_s = rs.D / 86400.0;
	r->peak_requests_per_s = 0.0;
	for (int i = 0; i < rs.n; i++) {
		region_result *g = &r->regions[i];
		double lam = rs.lam[i];
		int j = rs.first[i];   /* the same peak: the same replicas */
		double need = !fits ? 0.0 : j < i ? needs_d[j] :
		              capacity_needed(lam, cap.requests_per_s, r_max);
		double serve = fits ? (need > rs.min_rep ? need : rs.min_rep) : 0.0;
		int k = !fits ? 0 : j < i ? spares_k[j] :
		        capacity_spares(&rs, serve, need);
		double n;

		needs_d[i] = need;
		spares_k[i] = k;

		if (k < 0) {
			avail_short = true;
			k = (int)rs.spares;
		}
		if (need >= REPLICAS_CAP)
			unsized = true;
		n = !fits ? 0.0 : serve + k < REPLICAS_CAP ? serve + k : REPLICAS_CAP;
		memset(g, 0, sizeof *g);
		copy_name(g->name, rs.name[i]);
		g->share = rs.share[i];
		g->lambda = lam;
		g->mean_lambda = rs.D * rs.share[i] / 86400.0;
		g->replicas = (int)n;
		g->spares = fits ? k : 0;
		/* the headline fleet rents accelerators by the hour: a replica's
		 * T devices are its "instance" (whole cloud instances: options) */
		g->instances = g->replicas;
		g->gpus = (double)g->replicas * T < 2147483647.0 ?
		          g->replicas * T : 2147483647;
		g->needed = (int)need;
		g->utilisation = fits && n > 0 ? g->mean_lambda / (n * r_max) : 0.0;
		g->rho = fits && n > 0 ? lam / (n * r_max) : 0.0;
		g->usd_per_month = n * replica_h * rs.factor[i] * rs.hpm;
		g->availability = !fits ? 0.0 : j < i ? r->regions[j].availability :
		                  capacity_fleet_up(&rs, g->replicas,
		                                    g->needed > 0 ? g->needed : 1);
		reps[i] = g->replicas;
		needs[i] = g->needed;
		r->replicas_total += g->replicas;
		r->peak_requests_per_s += lam;
		fleet_h += n * replica_h * rs.factor[i];
		mean_total += g->mean_lambda;
		cap_total += n * r_max;
		if (lam > 0.0 && g->rho > worst_rho)
			worst_rho = g->rho;
	}
	r->utilisation = fits && cap_total > 0.0 ? mean_total / cap_total : 0.0;
	/* regions without traffic are failover: their replicas stand in for
	 * one failed region at a time */
	r->availability = fits ? capacity_availability(&rs, reps, needs) : 0.0;

	/* queueing at the worst region's peak, every replica up */
	if (worst_rho < 0.0)
		worst_rho = 0.0;
	r->rho = worst_rho;
	ts = fits ? 1.0 / r_max : 0.0;
	w = fleet_md1_wait(worst_rho, ts);
	w95 = fleet_md1_wait_p95(worst_rho, ts);
	if (w < 0.0 || w95 < 0.0)   /* cannot happen: sizing keeps ρ < 1 */
		w = w95 = 0.0;
	r->queue_s = w;
	r->queue_p95_s = w95;
	r->ttft_s = base_ttft + w;
	r->ttft_p95_s = base_ttft + w95;
	r->e2e_s = base_e2e + w;
	r->e2e_p95_s = base_e2e + w95;

	/* SLOs at the operating batch (with the fleet's queue); none holds
	 * when nothing fits (nothing is served), even one that is not set */
	r->ttft_ok = fits && (!(s->ttft_slo_s > 0.0) || r->ttft_p95_s <= s->ttft_slo_s);
	r->tpot_ok = fits && (!(s->tpot_slo_s > 0.0) || r->tpot_s <= s->tpot_slo_s);
	r->e2e_ok = fits && (!(s->e2e_slo_s > 0.0) || r->e2e_p95_s <= s->e2e_slo_s);

	/* does the priced fleet serve the target?  the first thing that fails */
	r->op.sized = fits && !unsized;
	outbuf_init(&ob, r->op.unmet, sizeof r->op.unmet);
	if (!fits) {
		PUT_A(&ob, r->op.text);
	} else if (unsized) {
		PUT(&ob, "the fleet cannot be sized: the peak load needs more than ");
		put_f(&ob, REPLICAS_CAP, 0);
		PUT(&ob, " replicas in a region");
	} else if (!(cap.requests_per_s > 0.0)) {
		PUT_A(&ob, r->op.text);
	} else if (!(r->ttft_ok && r->tpot_ok && r->e2e_ok)) {
		PUT(&ob, "SLOs fail at the operating batch: ");
		ob = slo_names_at(ob, (r->ttft_ok ? 0u : SLO_TTFT) |
		                        (r->tpot_ok ? 0u : SLO_TPOT) |
		                        (r->e2e_ok ? 0u : SLO_E2E));
	} else if (avail_short) {
		PUT(&ob, "cannot meet the availability target ");
		put_pct(&ob, s->availability, 4);
		PUT(&ob, " at any number of spares: ");
		put_pct(&ob, r->availability, 4);
	}
	outbuf_end(&ob);
	r->op.meets = r->op.unmet[0] == '\0';

	/* TCO of the scenario's own deployment: annual = 12 × the reserved
	 * month (the seed's convention) */
	r->fleet_usd_per_hour = fleet_h;
	r->monthly_usd = fleet_h * rs.hpm;
	r->monthly_reserved_usd = r->monthly_usd * rs.keep;
	r->annual_usd = 12.0 * r->monthly_reserved_usd;

	/* API */
	api_per_req = tco_api_per_request(s, &rs);
	r->api_usd_per_request = model_finite(api_per_req);
	r->api_daily_usd = model_finite(rs.D * api_per_req);
	r->api_annual_usd = r->api_daily_usd * 365.0;
	r->break_even_requests_per_day = fits ?
		model_finite(tco_break_even(&rs, replica_h, cap.requests_per_s, r_max,
		                      api_per_req)) : 0.0;

	/* options */
	r->n_options = s->n_options > MAX_OPTIONS ? MAX_OPTIONS : s->n_options;
	for (int i = 0; i < r->n_options; i++)
		tco_option(set, &s->options[i], &rs, &r->options[i]);

	/* notes (notebuf.h's formatters: no printf here), unless the caller
	 * reads only figures (model_eval_figures) */
	if (!set->text)
		return;
	if (!fits && r->batch > 0 && (o = note_begin(r, &ob))) {
		/* fits in memory but serves nothing (absurd inputs) */
		PUT(o, "the replica has no throughput: no fleet is sized and no "
		    "SLO counts as met");
		note_end(r, o);
	} else if (!fits && (o = note_begin(r, &ob))) {
		PUT(o, "the model does not fit: ");
		if (r->min_gpus_to_fit > 0) {
			put_i(o, r->min_gpus_to_fit);
			PUT(o, " GPUs needed (min_gpus_to_fit)");
		} else {
			PUT(o, "no replica of up to 1024 GPUs holds it");
		}
		PUT(o, "; no fleet is sized and no SLO counts as met");
		note_end(r, o);
	}
	if (fits && !(cap.requests_per_s > 0.0)) {
		slo_failure_note(s, r, &cap);
	} else if (fits && r->op.batch < r->batch && (o = note_begin(r, &ob))) {
		/* the max-batch point beside the operating one */
		const batch_point *m = &r->at_max;
		PUT(o, "priced at batch ");
		put_i(o, r->op.batch);
		PUT(o, " (");
		PUT_A(o, r->op.text);
		PUT(o, "); at max batch ");
		put_i(o, m->batch);
		PUT(o, ": TPOT ");
		put_g(o, m->tpot_s * 1e3, 3);
		PUT(o, " ms, E2E ");
		put_g(o, m->e2e_s, 3);
		PUT(o, " s with no queue");
		if (!(m->ttft_ok && m->tpot_ok && m->e2e_ok)) {
			PUT(o, " (");
			*o = slo_names_at(*o, (m->ttft_ok ? 0u : SLO_TTFT) |
			                        (m->tpot_ok ? 0u : SLO_TPOT) |
			                        (m->e2e_ok ? 0u : SLO_E2E));
			PUT(o, " over)");
		}
		PUT(o, ", $");
		put_g(o, m->usd_per_1k_output_tokens, 3);
		PUT(o, " per 1K output tokens");
		note_end(r, o);
	}
	if (fits && unsized && (o = note_begin(r, &ob))) {
		PUT_A(o, r->op.unmet);
		PUT(o, ": no fleet price (utilisation would be ");
		put_pct(o, r->utilisation, 0);
		PUT(o, ")");
		note_end(r, o);
	}
	{
		double share_sum = 0.0;
		for (int i = 0; i < rs.n; i++)
			share_sum += rs.share[i];
		if (s->n_regions > 0 && fabs(share_sum - 1.0) > 1e-6 &&
		    (o = note_begin(r, &ob))) {
			PUT(o, "region shares add up to ");
			put_g(o, share_sum, 4);
			PUT(o, ", not 1: load is taken as given");
			note_end(r, o);
		}
	}
	if (fits && avail_short && (o = note_begin(r, &ob))) {
		PUT(o, "availability estimate ");
		put_pct(o, r->availability, 4);
		PUT(o, " is below the ");
		put_pct(o, s->availability, 4);
		PUT(o, " target at any number of spares (fleet.replica_availability "
		    "too low)");
		note_end(r, o);
	}
	if (w95 < w && (o = note_begin(r, &ob))) {
		PUT(o, "under 5% of requests wait at this load: the p95 TTFT has "
		    "no queueing in it and sits below the mean");
		note_end(r, o);
	}
	if (fits)
		instance_shape_note(s, r, T);
	if (r->replicas_total > 0 && (o = note_begin(r, &ob))) {
		PUT(o, "queueing: M/D/1 on R_max (t_service = 1/R_max), p95 from "
		    "an exponential tail; availability: replicas fail "
		    "independently (fleet.replica_availability)");
		note_end(r, o);
	}
}

void model_fleet(const scenario *s, results *r)
{
	model_hw hw;
	shape_set set;

	model_hw_init(&hw, s, &s->gpu, s->gpus, &r->p);
	capacity_shapes_init(&set, s, &r->p, r->search_hint);
	if (r->batch > 0 && r->at_max.requests_per_s > 0.0) {
		/* the own shape at the effective batch, from the max-batch point */
		slo_point own;
		capacity_point(s, r->at_max.tpot_s, r->at_max.ttft_s,
		               r->at_max.requests_per_s, &own);
		capacity_shape_seed(&set, &hw, r->batch, &own, &r->prefill);
	}
	model_fleet_shapes(s, r, &set);
	model_own(s, r);
	tco_meets(r);
}
