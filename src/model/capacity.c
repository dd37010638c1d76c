/* capacity.c — what one replica and a region's load need (model.md §6):
 * M/D/1 queueing, the SLO capacity of a replica (the SLO-batch search),
 * replicas per region and their availability.  Calls the replica model only.
 *
 * Load.  Peak arrivals per region λ = D·share·p/86400 (no [region.*]: one
 * implicit region "all" with share 1 and price factor 1).
 *
 * Queueing (named approximation: M/D/1).  Under continuous batching a replica
 * behaves as one fluid server of throughput R_max: each request occupies
 * t_service = 1/R_max of its capacity (= out·TPOT/b), deterministic given the
 * workload.  Arrivals are Poisson.  The mean wait is the Pollaczek–Khinchine
 * M/D/1 value
 *     W = ρ/(2(1−ρ))·t_service,          ρ = λ_replica/R_max.
 * For the p95: in M/G/1, P(W > 0) = ρ exactly (PASTA); the wait of a delayed
 * request is taken exponential with mean W/ρ (exact in heavy traffic,
 * Kingman), so P(W > t) = ρ·exp(−ρt/W) and
 *     W95 = (W/ρ)·ln(ρ/0.05) = t_service·ln(20ρ)/(2(1−ρ))   (0 for ρ ≤ 0.05).
 * Against Erlang's exact M/D/1 distribution (computed with mpmath, in units
 * of t_service) W95 is, at ρ = 0.1/0.2/0.3/0.5/0.7/0.8/0.9/0.95:
 * 0.385/0.866/1.280/2.303/4.398/6.93/14.45/29.44 vs exact
 * 0.541/0.859/1.071/2.051/4.103/6.62/14.13/29.12: −29% at ρ = 0.1 (a
 * fraction of one service time), +20% at 0.3, within +5% from ρ = 0.8 on —
 * conservative where sizing decisions are made.
 *     TTFT mean = t_req + t_prefill + W,  TTFT p95 = t_req + t_prefill + W95
 *     E2E  = TTFT + out·TPOT (mean), E2E p95 = E2E(no queue) + W95
 * SLOs: TTFT is checked at p95, TPOT as is, E2E at the p95 queueing delay
 * with the mean output length.  An SLO of 0 is not checked.
 *
 * SLO capacity.  For a batch b (TPOT(b), R(b) and TTFT0(b) from
 * model_replica_perf), the queueing slack is min(TTFT_SLO − TTFT0,
 * E2E_SLO − E2E0(b)); the largest ρ with W95 ≤ slack solves
 * ln(20ρ) = x(1−ρ), x = 2·slack/t_service (one Halley step, one log, from
 * rho_table.h's start); the capacity is ρ·R(b).  TPOT and E2E0
 * grow with b, so the feasible b form 1..b_hi.  Under continuous batching
 * TTFT0 does not depend on b and R(b) grows with b, so when the TTFT slack
 * binds at b_max the answer is b_max at once (one evaluation); otherwise
 * (E2E binds, or static batching, whose TTFT0 grows with b) the capacity is
 * taken unimodal in b and a bisection on the sign of cap(b+1) − cap(b) finds
 * the best b in 2·log2(b_max) evaluations (checked against an exhaustive
 * scan in tests/unit/test_fleet.c).  Started from where the previous
 * evaluation's search ended (results.search_hint), it gallops out to a
 * bracket and bisects that: three evaluations when the answer has not
 * moved, and the same answer whatever the hint.  Each replica shape
 * (accelerator × T) is set up once per evaluation (replica_shape) and its
 * search run once, whoever asks: the scenario's own fleet, an option on
 * the same accelerator, each GPUs-per-replica candidate; model_eval's own
 * point at b_max is reused.
 *
 * Fleet.  Serving replicas per region n = max(min_replicas, ceil(λ/R_slo),
 * floor(λ/R_max)+1) (the last term keeps the queue stable when no latency
 * SLO is set; when no batch meets the SLOs the fleet is sized on R_max
 * alone), plus spares.  Reported latency: the worst region at peak with
 * every replica up.  Availability: replicas fail independently, each up a
 * fraction a = fleet.replica_availability of the time; a region is up when
 * at least the replicas its peak needs are up (binomial tail).  Regions
 * with no traffic (share 0) are failover: when a region is down, their
 * pooled replicas stand in for it (one failed region at a time), so its
 * traffic is served with probability A_r + (1 − A_r)·A_pool.  The fleet
 * figure weights regions by traffic share.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "model/capacity.h"
#include "model/fleet.h"
#include "model/model_impl.h"
#include "model/rho_table.h"

static const char all_name[ID_MAX] = "all";

/* ---- queueing ---------------------------------------------------------- */

double fleet_md1_wait(double rho, double service_s)
{
	if (!(rho > 0.0) || !(service_s > 0.0))
		return 0.0;
	if (rho >= 1.0)
		return -1.0;
	return rho / (2.0 * (1.0 - rho)) * service_s;
}

double fleet_md1_wait_p95(double rho, double service_s)
{
	if (!(rho > 0.05) || !(service_s > 0.0))
		return 0.0;
	if (rho >= 1.0)
		return -1.0;
	return service_s * log(20.0 * rho) / (2.0 * (1.0 - rho));
}

/* ρ̃(x), rho_table's interpolant: within RHO_TAB_ERR of the root of
 * ln(20ρ) = x(1−ρ) for a finite x > 0 */
static double rho_approx(double x)
{
	double u = x / (x + RHO_TAB_C) * RHO_TAB_N;
	int k = (int)u;
	const double *a;

	if (k > RHO_TAB_N - 1)
		k = RHO_TAB_N - 1;   /* t rounded to 1: the last interval's end */
	u -= k;
	a = rho_table[k];
	return a[0] + u * (a[1] + u * (a[2] + u * a[3]));
}

/* the root of ln(20ρ) = x(1−ρ) for a finite x > 0, from a start rho
 * within RHO_TAB_ERR of it (rho_approx's) */
static double rho_from(double x, double rho)
{
	/* g(ρ) = ln(20ρ) − x(1−ρ): increasing, concave, g(0.05) < 0 < g(1).
	 * Halley's steps, g/g' / (1 − g·g''/(2g'²)) with g' = 1/ρ + x and
	 * g'' = −1/ρ², cubic near the root (one log per step); a Newton step
	 * where the correction is not small.  From rho_table's start (3.4e-8
	 * off at most) the first step is under 1e-5·ρ and is the last: one
	 * log.  test_fleet checks the root against bisection on a grid of x
	 * from 1e-4 to 1e12. */
	for (int i = 0; i < 60; i++) {
		double g = log(20.0 * rho) - x * (1.0 - rho);
		double d1 = 1.0 / rho + x;
		double a = -g / (2.0 * rho * rho * d1 * d1);
		double step = a > -0.5 && a < 0.5 ? g / d1 / (1.0 - a) : g / d1;
		rho -= step;
		if (rho >= 1.0) {
			rho = 1.0 - 1e-15;
			break;
		}
		/* cubic convergence: the error left after a step of h is about
		 * |g'''/(6g') − (g''/(2g'))²|·h³ <= h³/ρ² (g''' = 2/ρ³), so a
		 * step under 1e-5·ρ leaves less than 1e-15·ρ */
		if (fabs(step) < 1e-5 * rho)
			break;
	}
	return rho;
}

double capacity_rho_approx(double x)
{
	return rho_approx(x);
}

/* the root for any x > 0 (1 for an infinite x) */
static double rho_of_x(double x)
{
	return isinf(x) ? 1.0 : rho_from(x, rho_approx(x));
}

double fleet_max_rho(double slack_s, double service_s)
{
	if (!(slack_s > 0.0) || !(service_s > 0.0))
		return 0.0;
	if (isinf(slack_s))
		return 1.0;
	return rho_of_x(2.0 * slack_s / service_s);
}

/* ---- SLO capacity ------------------------------------------------------ */

/* one batch size from its TPOT, TTFT (no queue) and R_max: ρ is left to
 * capacity_solve (cap and rho are written when solved: at once, as 0,
 * for a point that is not ok) */
void capacity_point(const scenario *s, double tpot, double ttft0,
                         double rps, slo_point *o)
{
	double slack = INFINITY;

	o->tpot = tpot;
	o->ttft0 = ttft0;   /* t_req + prefill (static: the batch's prompts) */
	o->e2e0 = ttft0 + s->output_tokens * tpot;
	o->rps = rps;
	o->approx = 0.0;
	/* rps positive and finite (one compare each way; NaN fails both) */
	if (!(rps > 0.0 && rps <= DBL_MAX))
		goto none;
	if (s->tpot_slo_s > 0.0 && tpot > s->tpot_slo_s)
		goto none;
	if (s->ttft_slo_s > 0.0)
		slack = s->ttft_slo_s - ttft0;
	if (s->e2e_slo_s > 0.0 && s->e2e_slo_s - o->e2e0 < slack)
		slack = s->e2e_slo_s - o->e2e0;
	if (!(slack > 0.0))
		goto none;
	/* fleet_max_rho(slack, t_service)'s x = 2·slack/t_service, with
	 * t_service = 1/R_max: 2·slack·R_max, one multiplication rather than
	 * two dependent divisions (the figures did not change in any report) */
	o->x = isinf(slack) ? INFINITY : 2.0 * slack * rps;
	o->ok = true;
	o->solved = false;
	return;
none:
	o->cap = 0.0;
	o->rho = 0.0;
	o->x = 0.0;
	o->ok = false;
	o->solved = true;   /* cap 0 */
}

/* the point's ρ as the table has it (exact once solved) */
MODEL_HOT double rho_guess(slo_point *o)
{
	if (o->solved)
		return o->rho;
	if (!(o->approx > 0.0))
		o->approx = rho_approx(o->x);
	return o->approx;
}

/* its SLO capacity: cap = ρ·R_max (0 when not ok) */
static void capacity_solve(slo_point *o)
{
	if (o->solved)
		return;
	o->rho = isinf(o->x) ? 1.0 : rho_from(o->x, rho_guess(o));
	o->cap = o->rho * o->rps;
	o->solved = true;
}

/* the sign of g(ρ) = ln(20ρ) − x(1−ρ) at a point's x: positive when its
 * root (its ρ) is below rho */
static double g_at(const slo_point *o, double rho)
{
	return log(20.0 * rho) - o->x * (1.0 - rho);
}

/* cap(n) > cap(p) for two ok points.  The table's ρ (RHO_TAB_ERR off at
 * most) decides unless the two capacities lie within its error of each
 * other; then one is solved and the other's ρ compared with the one that
 * would tie (g is increasing in ρ, so one log decides, not a solve).
 * Both roots lie in (0.05, 1]. */
MODEL_HOT bool cap_above(slo_point *n, slo_point *p)
{
	double tie, cn, cp, err;

	if (isinf(n->x) || isinf(p->x)) {
		capacity_solve(n);   /* ρ = 1 at once */
		capacity_solve(p);
	}
	if (n->solved && p->solved)
		return n->cap > p->cap;
	cn = rho_guess(n) * n->rps;
	cp = rho_guess(p) * p->rps;
	err = RHO_TAB_ERR * ((n->solved ? 0.0 : n->rps) +
	                     (p->solved ? 0.0 : p->rps));
	if (cn - cp > err)
		return true;
	if (cp - cn > err)
		return false;
	if (n->solved) {
		/* cap(n) > cap(p) ⟺ ρ_p < cap(n)/R_p */
		tie = n->cap / p->rps;
		if (tie >= 1.0)
			return true;
		if (tie <= 0.05)
			return false;
		return g_at(p, tie) > 0.0;
	}
	capacity_solve(p);
	/* cap(n) > cap(p) ⟺ ρ_n > cap(p)/R_n */
	tie = p->cap / n->rps;
	if (tie >= 1.0)
		return false;
	if (tie <= 0.05)
		return true;
	return g_at(n, tie) < 0.0;
}

/* The points of one search, the last few kept so that none is evaluated
 * twice: what does not change across the search is the replica's set-up
 * (model_hw_init, once per shape) and one prompt's prefill; each new point
 * then costs a decode step and a queueing solve. */
#define SEARCH_KEEP 8   /* a power of two: b's slot is b & 7 */
typedef struct {
	const scenario *s;
	const model_hw *hw;
	const phase_time *prefill1;   /* one prompt's: the caller's, or pre1 */
	phase_time pre1;
	bool prepped;              /* prep is known (after the first probe) */
	const slo_prep *prep;      /* the constants of model_slo_prep_at, or
	                              NULL: model_perf_slo */
	slo_prep own;              /* prep's storage when set up here */
	int b[SEARCH_KEEP];        /* the batch in each slot (0: none) */
	slo_point *at[SEARCH_KEEP];   /* its point: in pt, or the caller's
	                                 point at bmax (not copied) */
	slo_point pt[SEARCH_KEEP];
	int *evals;
} slo_search;

/* The points of a search lie in a window of a few batch sizes (the hint's
 * neighbours, a bisection's last steps), so each keeps the slot b & 7
 * until a point 8 away takes it: one compare finds it. */
static slo_point *probed(slo_search *q, int b)
{
	int k = b & (SEARCH_KEEP - 1);

	/* cppcheck-suppress ctuuninitvar ; search() zeroes b[] before any probe, and at[k] is read only once b[k] names it */
	return q->b[k] == b ? q->at[k] : NULL;
}

/* a point of the search, computed on first use (MODEL_HOT, as rising and
 * search: as calls they cost apac-3region 900 instructions an evaluation) */
MODEL_HOT slo_point *probe(slo_search *q, int b)
{
	slo_perf m;
	slo_point *o;
	int k = b & (SEARCH_KEEP - 1);

	if ((o = probed(q, b)) != NULL)
		return o;
	if (!q->prepped) {
		q->prep = model_slo_prep(q->hw, q->prefill1, &q->own) ? &q->own :
		          NULL;
		q->prepped = true;
	}
	if (q->prep) {
		model_slo_prep_at(q->prep, b, &m);
	} else {
		if (!q->prefill1) {
			model_hw_prefill(q->hw, model_in_tokens(q->s), 1, &q->pre1);
			q->prefill1 = &q->pre1;
		}
		model_perf_slo(q->hw, b, q->prefill1, &m);
	}
	(*q->evals)++;
	o = q->at[k] = &q->pt[k];
	q->b[k] = b;
	capacity_point(q->s, m.tpot_s, m.ttft_s, m.rps, o);
	return o;
}

/* the capacity still rises from b to b + 1 (b and b + 1 keep different
 * slots: a solve of either stays for the rest of the search) */
MODEL_HOT bool rising(slo_search *q, int b)
{
	slo_point *here = probe(q, b), *next = probe(q, b + 1);

	if (!next->ok)
		return false;
	if (!here->ok)
		return true;
	return cap_above(next, here);
}

/* true when the TTFT slack (not E2E) binds at this point */
static bool ttft_binds(const scenario *s, const slo_point *o)
{
	if (s->e2e_slo_s <= 0.0)
		return true;
	if (s->ttft_slo_s <= 0.0)
		return false;
	return s->e2e_slo_s - o->e2e0 >= s->ttft_slo_s - o->ttft0;
}

/* The SLO-batch search (the one place it is done).  The answer is the
 * first b in 1..bmax at which the capacity stops rising (bmax if it never
 * does): for a capacity unimodal in b, the best batch.  Without a hint
 * the bracket is 1..bmax; with one (where the last evaluation's search
 * ended), it is found by galloping out from the hint (two points when the
 * hint is the answer).  Either way a bisection on the sign of
 * cap(b + 1) − cap(b) closes it, so the answer does not depend on the hint. */
MODEL_HOT void search(const scenario *s, const model_hw *hw, int bmax,
                      slo_point *at_bmax, const phase_time *prefill1,
                      const slo_prep *prep, int hint, fleet_capacity *c)
{
	slo_point *a;
	int lo = 1, hi = bmax;
	slo_search q;

	q.s = s;
	q.hw = hw;
	q.prefill1 = prefill1;
	q.prepped = prep != NULL;
	q.prep = prep;
	memset(q.b, 0, sizeof q.b);
	memset(c, 0, sizeof *c);
	q.evals = &c->evaluations;
	if (bmax < 1)
		return;
	if (at_bmax) {
		/* solved in place, if the search solves it */
		q.b[bmax & (SEARCH_KEEP - 1)] = bmax;
		q.at[bmax & (SEARCH_KEEP - 1)] = at_bmax;
	}
	a = probe(&q, bmax);
	if (a->ok && s->batching != BATCH_STATIC && ttft_binds(s, a)) {
		capacity_solve(a);
		/* continuous: below bmax the TTFT slack is the same (one prompt's
		 * prefill) and R(b) ≤ R(bmax), so bmax is best */
		c->requests_per_s = a->cap;
		c->rho = a->rho;
		c->batch = bmax;
		c->batch_requests_per_s = a->rps;
		return;
	}
	if (hint > 0 && bmax > 1) {
		int h = hint < bmax ? hint : bmax - 1, step;
		if (rising(&q, h)) {
			lo = h + 1;                        /* the answer is above h */
			for (step = 2; h + step < hi; step *= 2) {
				if (!rising(&q, h + step)) {
					hi = h + step;
					break;
				}
				lo = h + step + 1;
			}
		} else {
			hi = h;                            /* at h or below */
			for (step = 1; h - step >= lo; step *= 2) {
				if (rising(&q, h - step)) {
					lo = h - step + 1;
					break;
				}
				hi = h - step;
			}
		}
	} else if (!a->ok && bmax > 1 && !probe(&q, 1)->ok) {
		hi = 1;                                /* nothing holds at batch 1 */
	}
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (rising(&q, mid))
			lo = mid + 1;
		else
			hi = mid;
	}
	a = probe(&q, lo);
	if (!a->ok && lo != 1) {
		/* not unimodal after all: fall back on batch 1 */
		lo = 1;
		a = probe(&q, 1);
	}
	if (a->ok) {
		capacity_solve(a);
		c->requests_per_s = a->cap;
		c->rho = a->rho;
		c->batch = lo;
		c->batch_requests_per_s = a->rps;
		return;
	}
	/* nothing holds: report the best case (batch 1, no queue), in a */
	c->best_ttft_s = a->ttft0;
	c->best_tpot_s = a->tpot;
	c->best_e2e_s = a->e2e0;
	if (s->ttft_slo_s > 0.0 && a->ttft0 > s->ttft_slo_s)
		c->failing |= SLO_TTFT;
	if (s->tpot_slo_s > 0.0 && a->tpot > s->tpot_slo_s)
		c->failing |= SLO_TPOT;
	if (s->e2e_slo_s > 0.0 && a->e2e0 > s->e2e_slo_s)
		c->failing |= SLO_E2E;
	if (!c->failing)   /* e.g. the replica has no throughput at all */
		c->failing = (s->ttft_slo_s > 0.0 ? SLO_TTFT : 0) |
		             (s->e2e_slo_s > 0.0 ? SLO_E2E : 0);
}

void capacity_search(const scenario *s, const model_hw *hw, int bmax,
                     slo_point *at_bmax, const phase_time *prefill1,
                     int hint, fleet_capacity *c)
{
	search(s, hw, bmax, at_bmax, prefill1, NULL, hint, c);
}

void fleet_slo_capacity(const scenario *s, const gpu_spec *gpu, int gpus,
                        const model_params *p, int bmax, fleet_capacity *c)
{
	model_hw hw;

	if (bmax < 1) {
		memset(c, 0, sizeof *c);
		return;
	}
	model_hw_init(&hw, s, gpu, gpus, p);
	capacity_search(s, &hw, bmax, NULL, NULL, 0, c);
}

/* ---- replica shapes ---------------------------------------------------- */

/* Two accelerators that perform alike: every figure from mem_bytes on is
 * the same but the price (a preset's gpu_hour_usd, an instance's own).
 * Compared as bytes so that a figure added to gpu_spec later counts too
 * (padding that differs only costs a second set-up). */
static bool same_perf(const gpu_spec *a, const gpu_spec *b)
{
	const char *pa = (const char *)a, *pb = (const char *)b;
	size_t from = offsetof(gpu_spec, mem_bytes),
	       price = offsetof(gpu_spec, usd_per_hour),
	       after = price + sizeof a->usd_per_hour;

	if (a == b)
		return true;
	return memcmp(pa + from, pb + from, price - from) == 0 &&
	       memcmp(pa + after, pb + after, sizeof *a - after) == 0;
}

void capacity_shapes_init(shape_set *set, const scenario *s,
                          const model_params *p, int *hints)
{
	set->s = s;
	set->p = p;
	set->weights = -1.0;      /* worked out at the first new shape */
	set->hints = hints;
	set->n = 0;
	set->own = NULL;
	set->n_gpus = 0;
	set->text = true;
	set->usable_gpu = NULL;
}

const gpu_spec *capacity_gpu(shape_set *set, const gpu_spec *g)
{
	for (int i = 0; i < set->n_gpus; i++)
		if (same_perf(set->gpus[i], g))
			return set->gpus[i];
	if (set->n_gpus < (int)(sizeof set->gpus / sizeof set->gpus[0]))
		set->gpus[set->n_gpus++] = g;
	return g;   /* when none is left: only not shared */
}

/* a fresh slot (when every slot is taken the last is reused: correct,
 * only not remembered) */
static replica_shape *new_shape(shape_set *set, const gpu_spec *g, int T)
{
	replica_shape *sh;

	if (set->n < MODEL_SEARCH_SHAPES)
		set->n++;
	sh = &set->e[set->n - 1];
	sh->gpu = g;
	sh->T = T;
	sh->bmax = 0;
	sh->searched = false;
	return sh;
}

replica_shape *capacity_shape_seed(shape_set *set, const model_hw *hw,
                                   int bmax, const slo_point *top,
                                   const phase_time *prefill1)
{
	replica_shape *sh = new_shape(set, capacity_gpu(set, &set->s->gpu),
	                              hw->gpus);

	sh->bmax = bmax;
	sh->hw = *hw;
	sh->prefill1 = *prefill1;
	sh->fast = model_slo_prep(&sh->hw, &sh->prefill1, &sh->prep);
	sh->top = *top;
	sh->top_ready = true;
	set->own = sh;
	return sh;
}

replica_shape *capacity_shape(shape_set *set, const gpu_spec *g, int T)
{
	replica_shape *sh;
	slo_perf m;

	for (int i = 0; i < set->n; i++)
		if (set->e[i].T == T && set->e[i].gpu == g)
			return &set->e[i];
	sh = new_shape(set, g, T);
	if (set->weights < 0.0) {
		set->weights = model_held_weight_bytes(set->s, set->p);
		set->kv_req = model_held_kv_per_request(set->s);
	}
	if (set->usable_gpu != g) {
		set->usable_gpu = g;
		set->usable_per = model_usable_per_gpu(set->s, g);
	}
	/* model_batch_for's figure, T · one device's usable bytes */
	sh->bmax = model_batch_for_usable(set->s, (T > 0 ? T : 1) *
	                                  set->usable_per, set->weights,
	                                  set->kv_req);
	if (sh->bmax > 0) {
		/* another T of an accelerator set up already: only what
		 * depends on T is worked out again */
		const replica_shape *like = NULL;
		for (int i = set->n - 2; i >= 0 && !like; i--)
			if (set->e[i].bmax > 0 && set->e[i].gpu == g)
				like = &set->e[i];
		if (!like && set->own && set->own != sh && set->own->bmax > 0 &&
		    set->own->gpu == g)
			like = set->own;    /* the scenario's own accelerator */
		if (like) {
			sh->hw = like->hw;
			model_hw_regpus(&sh->hw, g, T);
		} else if (set->own) {
			/* another accelerator: the model's and the request's
			 * terms are the own shape's */
			sh->hw = set->own->hw;
			model_hw_set_gpu(&sh->hw, g, T);
		} else {
			model_hw_init(&sh->hw, set->s, g, T, set->p);
		}
		/* the prepared path works one prompt's prefill time out
		 * itself; the others want the whole phase */
		sh->fast = model_slo_prep(&sh->hw, NULL, &sh->prep);
		if (sh->fast) {
			model_slo_prep_at(&sh->prep, sh->bmax, &m);
		} else {
			model_hw_prefill(&sh->hw, model_in_tokens(set->s), 1,
			                 &sh->prefill1);
			model_perf_slo(&sh->hw, sh->bmax, &sh->prefill1, &m);
		}
		/* the SLO figures of this point wait for a search that needs them */
		sh->top.tpot = m.tpot_s;
		sh->top.ttft0 = m.ttft_s;
		sh->top.rps = m.rps;
		sh->top_ready = false;
	}
	return sh;
}

const fleet_capacity *capacity_slo(shape_set *set, replica_shape *sh)
{
	int slot = (int)(sh - set->e);

	if (sh->searched)
		return &sh->cap;
	if (sh->bmax > 0 && !sh->top_ready) {
		capacity_point(set->s, sh->top.tpot, sh->top.ttft0, sh->top.rps,
		               &sh->top);
		sh->top_ready = true;
	}
	if (sh->bmax > 0)
		search(set->s, &sh->hw, sh->bmax, &sh->top,
		       sh->fast ? NULL : &sh->prefill1, sh->fast ? &sh->prep : NULL,
		       set->hints ? set->hints[slot] : 0, &sh->cap);
	else
		memset(&sh->cap, 0, sizeof sh->cap);
	if (set->hints)
		set->hints[slot] = sh->cap.batch;
	sh->searched = true;
	return &sh->cap;
}

/* ---- availability ------------------------------------------------------ */

/* ln(n!) : exact sum up to 30, Stirling series above (error < 1e-12) */
static double log_factorial(double n)
{
	if (n < 2.0)
		return 0.0;
	if (n <= 30.0) {
		/* ln 0! .. ln 30! (lgamma(k + 1), to double precision) */
		static const double small[31] = {
		0.0, 0.0, 0.693147180559945,
		1.7917594692280554, 3.178053830347945, 4.787491742782047,
		6.579251212010102, 8.525161361065415, 10.604602902745249,
		12.801827480081467, 15.104412573075514, 17.502307845873887,
		19.987214495661885, 22.55216385312342, 25.191221182738683,
		27.89927138384089, 30.671860106080672, 33.50507345013689,
		36.39544520803305, 39.339884187199495, 42.335616460753485,
		45.38013889847691, 48.47118135183522, 51.60667556776438,
		54.78472939811232, 58.00360522298052, 61.26170176100201,
		64.55753862700634, 67.88974313718153, 71.257038967168,
		74.65823634883017
		};
		return small[(int)n];
	}
	return n * log(n) - n + 0.5 * log(2.0 * M_PI * n) + 1.0 / (12.0 * n) -
	       1.0 / (360.0 * n * n * n);
}

/* C(n,f)·q^f·a^(n−f): by products for small fleets (no exp/log), in logs
 * above (underflowing to 0 where it is negligible) */
static double binom_term(int n, int f, double q, double a)
{
	if (n <= 64) {
		int m = f < n - f ? f : n - f;
		double term = 1.0, qp = 1.0, ap = 1.0;
		for (int i = 1; i <= m; i++)
			term = term * (double)(n - m + i) / (double)i;
		for (int i = 0; i < f; i++)
			qp *= q;
		for (int i = 0; i < n - f; i++)
			ap *= a;
		return term * qp * ap;
	}
	return exp(log_factorial(n) - log_factorial(f) - log_factorial(n - f) +
	           f * log(q) + (n - f) * log(a));
}

double fleet_availability(int n, int k, double a)
{
	double q, sum = 0.0, term;
	int f0;

	if (k <= 0)
		return 1.0;
	if (n < k || !(a > 0.0))
		return 0.0;
	if (a >= 1.0)
		return 1.0;
	q = 1.0 - a;
	/* down when more than n − k replicas fail (f >= f0).  Sum the side of
	 * the binomial away from its mode, where the terms fall off: the
	 * down tail Σ_{f=f0}^{n} when f0 is above the mode, else the up side
	 * Σ_{f=0}^{f0−1} (large fleets needing most of their replicas) */
	f0 = n - k + 1;
	if ((double)f0 > (n + 1.0) * q) {
		term = binom_term(n, f0, q, a);
		for (int f = f0; f < f0 + 400; f++) {
			sum += term;
			if (f == n || term < 1e-18 * sum)
				break;   /* the last term, or the rest negligible */
			term *= (double)(n - f) / (double)(f + 1) * q / a;
		}
		if (sum > 1.0)
			sum = 1.0;
		return 1.0 - sum;
	}
	term = binom_term(n, f0 - 1, q, a);
	for (int f = f0 - 1; f > f0 - 1 - 400; f--) {
		sum += term;
		if (f == 0 || term < 1e-18 * sum)
			break;   /* the last term, or the rest negligible */
		term *= (double)f / (double)(n - f + 1) * a / q;
	}
	return sum > 1.0 ? 1.0 : sum;
}

/* ---- fleet sizing ------------------------------------------------------ */

/* z with Φ(z) = p (0.5 < p < 1): Newton on Φ from z = 3 */
static double normal_quantile(double p)
{
	double z = 3.0;

	for (int i = 0; i < 8; i++) {
		double f = 0.5 * erfc(-z / sqrt(2.0)) - p;
		double d = exp(-0.5 * z * z) / sqrt(2.0 * M_PI);
		double step = d > 1e-300 ? f / d : 0.0;
		z -= step;
		if (fabs(step) < 1e-6)
			break;
	}
	return z;
}

void capacity_regions(const scenario *s, region_set *rs,
                      struct spare_memo *memo)
{
	rs->memo = memo;
	if (memo) {
		memo->n = memo->next = 0;
		memo->up_n = memo->up_next = 0;
		memo->z = 0.0;
	}
	rs->D = model_cap(s->requests_per_day, 1e15);
	rs->peak = model_cap(s->peak_factor, 1e4);
	rs->min_rep = s->min_replicas > 0 ? s->min_replicas : 0;
	rs->spares = s->spares > 0 ? s->spares : 0;
	rs->hpm = model_cap(s->hours_per_month, 1e4);
	rs->keep = 1.0 - model_cap(s->reserved_discount, 1.0);
	rs->in = model_cap(s->input_tokens, 1e12);
	rs->out = model_cap(s->output_tokens, 1e12);
	rs->up = model_cap(s->replica_availability, 1.0);
	rs->target = model_cap(s->availability, 1.0);

	if (s->n_regions <= 0) {
		rs->n = 1;
		rs->share[0] = 1.0;
		rs->factor[0] = 1.0;
		rs->name[0] = all_name;
		rs->lam[0] = rs->D * rs->peak / 86400.0;
		rs->first[0] = 0;
		rs->n_peaks = 1;
		rs->peak_region[0] = 0;
		rs->peak_count[0] = 1.0;
		rs->pool = 0.0;
		rs->failover = 0;
		return;
	}
	rs->n = s->n_regions > MAX_REGIONS ? MAX_REGIONS : s->n_regions;
	rs->n_peaks = 0;
	rs->pool = 0.0;
	rs->failover = 0;
	for (int i = 0; i < rs->n; i++) {
		rs->share[i] = model_cap(s->regions[i].share, 1.0);
		rs->factor[i] = model_cap(s->regions[i].price_factor, 1e6) > 0.0 ?
		                model_cap(s->regions[i].price_factor, 1e6) : 1.0;
		rs->name[i] = s->regions[i].name;
		rs->lam[i] = rs->D * rs->share[i] * rs->peak / 86400.0;
		/* the first region with this peak is the first of the distinct
		 * peaks so far with it (they are distinct: one at most) */
		rs->first[i] = i;
		for (int u = 0; u < rs->n_peaks; u++)
			if (rs->lam[rs->peak_region[u]] == rs->lam[i]) {
				rs->first[i] = rs->peak_region[u];
				rs->peak_count[u] += 1.0;
				break;
			}
		if (rs->first[i] == i) {
			rs->peak_region[rs->n_peaks] = i;
			rs->peak_count[rs->n_peaks++] = 1.0;
		}
		if (!(rs->share[i] > 0.0)) {
			rs->pool += rs->min_rep + rs->spares;
			rs->failover++;
		}
	}
}

/* the slot a memo's next entry goes in: the oldest once all are taken */
static int memo_slot(int *next, int *n)
{
	int slot = *next;

	*next = (slot + 1) % MEMO_SLOTS;
	if (*n < MEMO_SLOTS)
		(*n)++;
	return slot;
}

double capacity_fleet_up_new(const region_set *rs, int n, int k)
{
	struct spare_memo *m = rs->memo;
	double a = fleet_availability(n, k, rs->up);

	if (m) {
		int slot = memo_slot(&m->up_next, &m->up_n);
		m->up_key[slot] = capacity_up_key(n, k);
		m->up_a[slot] = a;
	}
	return a;
}

static double region_up(const region_set *rs, int n, int need,
                        double pool_up)
{
	double a = capacity_fleet_up(rs, n, need);

	return a + (1.0 - a) * pool_up;
}

/* capacity_spares, worked out (not inlined: a memo hit then costs no
 * saving of the registers the search uses) */
static __attribute__((noinline)) int
spares_search(const region_set *rs, double n, double need)
{
	int k = (int)rs->spares, lo, hi, g, cap;
	double q = 1.0 - rs->up;

	if (!(rs->target > 0.0) || !(need > 0.0) || n + k > REPLICAS_CAP)
		return k;
	/* up on its own, or with the failover pool standing in */
	double pool_up = rs->pool > 0.0 ?
		capacity_fleet_up(rs, (int)rs->pool, (int)need) : 0.0;
#define UP_WITH(j) (region_up(rs, (int)n + (j), (int)need, pool_up) >= \
                    rs->target)
	if (UP_WITH(k))
		return k;
	/* the availability grows with every spare: find the first k that is
	 * enough, starting from a normal approximation of the binomial for
	 * large regions (failures F ~ Bin(n + k, q) must stay at or below
	 * n + k − need: n + k − need >= (n + k)·q + z·sqrt((n + k)·q·(1 − q))),
	 * a few tried one by one for small ones, then galloping, then bisection */
	lo = k;                      /* not enough */
	g = k + 1;
	if (n > 64.0 && q > 0.0 && rs->target < 1.0 && rs->target > 0.5) {
		double z, t = n + k;
		/* the target's normal quantile, once per evaluation */
		if (rs->memo && rs->memo->z > 0.0) {
			z = rs->memo->z;
		} else {
			z = normal_quantile(rs->target);
			if (rs->memo)
				rs->memo->z = z;
		}
		for (int i = 0; i < 3; i++)
			t = need + t * q + z * sqrt(t * q * (1.0 - q));
		g = (int)fmax(k + 1.0, ceil(t - n) - 1.0);
	}
	cap = (int)fmin(4.0 * n + 64.0, REPLICAS_CAP - n);
	if (g > cap)
		g = cap;
	if (g > k + 1 && UP_WITH(g)) {
		hi = g;                  /* between k and the guess */
	} else {
		int step = 1;
		if (g > k + 1)
			lo = g;
		for (hi = lo + 1; hi < cap && !UP_WITH(hi); hi = lo + step) {
			lo = hi;
			step *= 2;
		}
		if (hi >= cap) {
			hi = cap;
			if (!UP_WITH(hi))
				return -1;
		}
	}
	while (hi - lo > 1) {
		int mid = lo + (hi - lo) / 2;
		if (UP_WITH(mid))
			hi = mid;
		else
			lo = mid;
	}
#undef UP_WITH
	return hi;
}

double capacity_availability(const region_set *rs, const int *replicas,
                             const int *needed)
{
	double share_sum = 0.0, w = 0.0, a = 0.0;
	int pool = 0, last_n = -1, last_k = 0;

	if (rs->failover > 0)
		for (int i = 0; i < rs->n; i++)
			if (!(rs->share[i] > 0.0))
				pool += replicas[i];
	for (int i = 0; i < rs->n; i++) {
		int k = needed[i] > 0 ? needed[i] : 1;
		if (!(rs->share[i] > 0.0))
			continue;
		/* a region as large as the one before, needing as many, is up
		 * as often (an earlier one further back: capacity_fleet_up
		 * remembers it) */
		if (replicas[i] != last_n || k != last_k) {
			a = capacity_fleet_up(rs, replicas[i], k);
			if (pool > 0)
				a += (1.0 - a) * capacity_fleet_up(rs, pool, k);
			last_n = replicas[i];
			last_k = k;
		}
		share_sum += rs->share[i];
		w += rs->share[i] * a;
	}
	return share_sum > 0.0 ? w / share_sum : 0.0;
}

/* capacity_spares when rs->memo has no answer: worked out, and kept */
int capacity_spares_new(const region_set *rs, double n, double need)
{
	struct spare_memo *m = rs->memo;
	int k = spares_search(rs, n, need);

	if (m) {
		int slot = memo_slot(&m->next, &m->n);
		m->serve[slot] = n;
		m->need[slot] = need;
		m->k[slot] = k;
	}
	return k;
}

/* replicas per region for a daily volume D (serving + spares) */
double capacity_region_replicas(const region_set *rs, double D, double share,
                                double r_slo, double r_max)
{
	double lam = D * share * rs->peak / 86400.0;

	return capacity_with_spares(rs, capacity_needed(lam, r_slo, r_max));
}
