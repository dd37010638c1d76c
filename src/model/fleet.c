/* fleet.c — §6–7 of model.md: load, queueing, SLOs, fleet, cost and TCO.
 *
 * Runs after the replica model has filled *r (one replica at the effective
 * batch b: step, prefill, TPOT, R_max, TTFT = t_req + prefill with no queue).
 * Pure: no I/O, no globals, no allocation.
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
 * ln(20ρ) = x(1−ρ), x = 2·slack/t_service (Newton from the left, monotone
 * since the left side is concave); the capacity is ρ·R(b).  TPOT and E2E0
 * grow with b, so the feasible b form 1..b_hi.  Under continuous batching
 * TTFT0 does not depend on b and R(b) grows with b, so when the TTFT slack
 * binds at b_max the answer is b_max at once (one evaluation); otherwise
 * (E2E binds, or static batching, whose TTFT0 grows with b) the capacity is
 * taken unimodal in b and a bisection on the sign of cap(b+1) − cap(b) finds
 * the best b in 2·log2(b_max) evaluations (checked against an exhaustive
 * scan in tests/unit/test_fleet.c).  The replica is set up once per search
 * (model_hw_init), and model_eval's own point at b_max is reused, so the
 * common case costs no replica evaluation at all.
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
#include <string.h>

#include "model/fleet.h"
#include "model/model_impl.h"

#define REPLICAS_CAP 100000000.0   /* keeps counts in int range */

/* Notes are written with model_impl.h's put_* formatters (no printf on
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

static const char all_name[ID_MAX] = "all";

static double finite_or0(double v)
{
	return isfinite(v) ? v : 0.0;
}

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

double fleet_max_rho(double slack_s, double service_s)
{
	double x, rho = 0.05;

	if (!(slack_s > 0.0) || !(service_s > 0.0))
		return 0.0;
	if (isinf(slack_s))
		return 1.0;
	x = 2.0 * slack_s / service_s;
	/* g(ρ) = ln(20ρ) − x(1−ρ): increasing, concave, g(0.05) < 0 < g(1).
	 * Newton from the left stays left of the root and converges.  Start
	 * at max(0.05, 1 − ln(20)/x), where g = ln ρ < 0: left of the root. */
	if (1.0 - log(20.0) / x > rho)
		rho = 1.0 - log(20.0) / x;
	for (int i = 0; i < 60; i++) {
		double g = log(20.0 * rho) - x * (1.0 - rho);
		double step = g / (1.0 / rho + x);
		rho -= step;
		if (rho >= 1.0) {
			rho = 1.0 - 1e-15;
			break;
		}
		/* quadratic convergence: the error left after a step of h is
		 * about |g''/(2g')|·h² <= h²/(2ρ) <= 10h², so a step under
		 * 1e-7·ρ leaves less than 1e-13·ρ */
		if (fabs(step) < 1e-7 * rho)
			break;
	}
	return rho;
}

/* ---- SLO capacity ------------------------------------------------------ */

typedef struct {
	double cap;       /* requests/s within the SLOs (0: none) */
	double rho;
	double rps;       /* R_max at this batch */
	double tpot, ttft0, e2e0;
} slo_point;

/* the SLO capacity at one batch size from its TPOT, TTFT (no queue) and
 * R_max */
static void slo_point_of(const scenario *s, double tpot, double ttft0,
                         double rps, slo_point *o)
{
	double slack = INFINITY;

	o->tpot = tpot;
	o->ttft0 = ttft0;   /* t_req + prefill (static: the batch's prompts) */
	o->e2e0 = ttft0 + s->output_tokens * tpot;
	o->rps = rps;
	o->cap = 0.0;
	o->rho = 0.0;
	if (!(rps > 0.0) || !isfinite(rps))
		return;
	if (s->tpot_slo_s > 0.0 && o->tpot > s->tpot_slo_s)
		return;
	if (s->ttft_slo_s > 0.0)
		slack = s->ttft_slo_s - o->ttft0;
	if (s->e2e_slo_s > 0.0 && s->e2e_slo_s - o->e2e0 < slack)
		slack = s->e2e_slo_s - o->e2e0;
	if (!(slack > 0.0))
		return;
	o->rho = fleet_max_rho(slack, 1.0 / rps);
	o->cap = o->rho * rps;
}

/* What does not change across the search: the replica's set-up
 * (model_hw_init, once per search) and one prompt's prefill (computed at
 * the first evaluation).  Each point then costs a decode step. */
typedef struct {
	const model_hw *hw;
	phase_time prefill1;
	bool have_prefill;
} slo_search;

static void slo_eval(const scenario *s, slo_search *q, int b,
                     slo_point *o, int *evals)
{
	model_perf m;

	if (!q->have_prefill) {
		model_hw_prefill(q->hw, model_in_tokens(s), 1, &q->prefill1);
		q->have_prefill = true;
	}
	model_perf_at_pre(q->hw, b, false, &q->prefill1, &m);
	(*evals)++;
	slo_point_of(s, m.tpot_s, m.ttft_s, m.rps, o);
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

/* The search of fleet_slo_capacity on a replica already set up; at_bmax,
 * when not NULL, is the point at bmax already computed by the caller
 * (model_eval's own figures at the effective batch), prefill1 one prompt's
 * prefill (model_eval's r->prefill). */
static void slo_capacity(const scenario *s, const model_hw *hw, int bmax,
                         const slo_point *at_bmax, const phase_time *prefill1,
                         fleet_capacity *c)
{
	slo_point a, b;
	int lo, hi, at_a, at_b = -1;
	slo_search q0 = { .hw = hw, .have_prefill = prefill1 != NULL }, *q = &q0;

	if (prefill1)
		q0.prefill1 = *prefill1;
	memset(c, 0, sizeof *c);
	if (bmax < 1)
		return;
	if (at_bmax)
		a = *at_bmax;
	else
		slo_eval(s, q, bmax, &a, &c->evaluations);
	if (a.cap > 0.0 && s->batching != BATCH_STATIC && ttft_binds(s, &a)) {
		/* continuous: below bmax the TTFT slack is the same (one prompt's
		 * prefill) and R(b) ≤ R(bmax), so bmax is best */
		c->requests_per_s = a.cap;
		c->rho = a.rho;
		c->batch = bmax;
		c->batch_requests_per_s = a.rps;
		return;
	}
	/* the feasible batches are 1..b_hi: nothing at batch 1, nothing at all */
	lo = 1;
	hi = bmax;
	at_a = bmax;                 /* a holds that point */
	if (!(a.cap > 0.0)) {
		if (bmax > 1)
			slo_eval(s, q, 1, &a, &c->evaluations);
		if (!(a.cap > 0.0))
			goto none;           /* a holds batch 1 */
		at_a = 1;
	}
	/* unimodal in b: bisect on the sign of cap(b+1) − cap(b); the last two
	 * points are kept so that the answer is not evaluated twice */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		slo_eval(s, q, mid, &a, &c->evaluations);
		slo_eval(s, q, mid + 1, &b, &c->evaluations);
		at_a = mid;
		at_b = mid + 1;
		if (b.cap > a.cap)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == at_b)
		a = b;
	else if (lo != at_a)
		slo_eval(s, q, lo, &a, &c->evaluations);
	if (!(a.cap > 0.0) && lo != 1) {
		/* not unimodal after all: fall back on batch 1 */
		lo = 1;
		slo_eval(s, q, 1, &a, &c->evaluations);
	}
	if (a.cap > 0.0) {
		c->requests_per_s = a.cap;
		c->rho = a.rho;
		c->batch = lo;
		c->batch_requests_per_s = a.rps;
		return;
	}
none:
	/* nothing holds: report the best case (batch 1, no queue), in a */
	c->best_ttft_s = a.ttft0;
	c->best_tpot_s = a.tpot;
	c->best_e2e_s = a.e2e0;
	if (s->ttft_slo_s > 0.0 && a.ttft0 > s->ttft_slo_s)
		c->failing |= SLO_TTFT;
	if (s->tpot_slo_s > 0.0 && a.tpot > s->tpot_slo_s)
		c->failing |= SLO_TPOT;
	if (s->e2e_slo_s > 0.0 && a.e2e0 > s->e2e_slo_s)
		c->failing |= SLO_E2E;
	if (!c->failing)   /* e.g. the replica has no throughput at all */
		c->failing = (s->ttft_slo_s > 0.0 ? SLO_TTFT : 0) |
		             (s->e2e_slo_s > 0.0 ? SLO_E2E : 0);
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
	slo_capacity(s, &hw, bmax, NULL, NULL, c);
}

/* ---- availability ------------------------------------------------------ */

/* ln(n!) : exact sum up to 30, Stirling series above (error < 1e-12) */
static double log_factorial(double n)
{
	if (n < 2.0)
		return 0.0;
	if (n <= 30.0) {
		double v = 0.0;
		for (int i = 2; i <= (int)n; i++)
			v += log((double)i);
		return v;
	}
	return n * log(n) - n + 0.5 * log(2.0 * M_PI * n) + 1.0 / (12.0 * n) -
	       1.0 / (360.0 * n * n * n);
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
	/* down when more than n − k replicas fail: Σ_{f=f0}^{n} C(n,f) q^f a^(n−f) */
	f0 = n - k + 1;
	if (n <= 64) {
		/* small fleets (the common case): C(n,f0)·q^f0·a^(n−f0) by
		 * products, no exp/log */
		int m = f0 < n - f0 ? f0 : n - f0;
		double qp = 1.0, ap = 1.0;
		term = 1.0;
		for (int i = 1; i <= m; i++)
			term = term * (double)(n - m + i) / (double)i;
		for (int i = 0; i < f0; i++)
			qp *= q;
		for (int i = 0; i < n - f0; i++)
			ap *= a;
		term *= qp * ap;
	} else {
		term = exp(log_factorial(n) - log_factorial(f0) -
		           log_factorial(n - f0) + f0 * log(q) + (n - f0) * log(a));
	}
	for (int f = f0; f <= n && f < f0 + 400; f++) {
		sum += term;
		if (term < 1e-18 * sum)
			break;
		term *= (double)(n - f) / (double)(f + 1) * q / a;
	}
	if (sum > 1.0)
		sum = 1.0;
	return 1.0 - sum;
}

/* ---- fleet sizing ------------------------------------------------------ */

/* Serving replicas the peak load lam needs: within the SLO capacity and with
 * a stable queue on R_max; at least one when there is any load. */
/* floor and ceil of x >= 0 through a 64-bit integer (no libm call, no
 * software rounding); beyond 2^52 every double is already whole */
static double floor_pos(double x)
{
	return x < 4503599627370496.0 ? (double)(long long)x : x;
}

static double ceil_pos(double x)
{
	double f = floor_pos(x);
	return f < x ? f + 1.0 : f;
}

static double needed_replicas(double lam, double r_slo, double r_max)
{
	double n = 0.0;

	if (!(lam > 0.0))
		return 0.0;
	if (r_slo > 0.0)
		n = ceil_pos(lam / r_slo);
	if (r_max > 0.0 && floor_pos(lam / r_max) + 1.0 > n)
		n = floor_pos(lam / r_max) + 1.0;
	if (n < 1.0)
		n = 1.0;
	return n > REPLICAS_CAP ? REPLICAS_CAP : n;
}

/* The regions and the fleet-level inputs, sanitised once (a non-finite or
 * negative input counts as 0, a missing price factor as 1): every figure
 * stays finite whatever the scenario holds. */
typedef struct {
	int n;
	double share[MAX_REGIONS];
	double factor[MAX_REGIONS];
	const char *name[MAX_REGIONS];
	double D;                 /* requests/day */
	double peak;              /* peak factor */
	double min_rep, spares;   /* per region */
	double hpm;               /* hours per month */
	double keep;              /* 1 − reserved discount */
	double in, out;           /* tokens per request */
} region_set;

static double nonneg(double v)
{
	return isfinite(v) && v > 0.0 ? v : 0.0;
}

/* sane bounds far beyond any validated value: no product overflows */
static double bounded(double v, double max)
{
	v = nonneg(v);
	return v < max ? v : max;
}

static void regions_of(const scenario *s, region_set *rs)
{
	rs->D = bounded(s->requests_per_day, 1e15);
	rs->peak = bounded(s->peak_factor, 1e4);
	rs->min_rep = s->min_replicas > 0 ? s->min_replicas : 0;
	rs->spares = s->spares > 0 ? s->spares : 0;
	rs->hpm = bounded(s->hours_per_month, 1e4);
	rs->keep = 1.0 - fmin(nonneg(s->reserved_discount), 1.0);
	rs->in = bounded(s->input_tokens, 1e12);
	rs->out = bounded(s->output_tokens, 1e12);
	if (s->n_regions <= 0) {
		rs->n = 1;
		rs->share[0] = 1.0;
		rs->factor[0] = 1.0;
		rs->name[0] = all_name;
		return;
	}
	rs->n = s->n_regions > MAX_REGIONS ? MAX_REGIONS : s->n_regions;
	for (int i = 0; i < rs->n; i++) {
		rs->share[i] = bounded(s->regions[i].share, 1.0);
		rs->factor[i] = bounded(s->regions[i].price_factor, 1e6) > 0.0 ?
		                bounded(s->regions[i].price_factor, 1e6) : 1.0;
		rs->name[i] = s->regions[i].name;
	}
}

/* replicas per region for a daily volume D (serving + spares) */
static double region_replicas(const region_set *rs, double D, double share,
                              double r_slo, double r_max)
{
	double lam = D * share * rs->peak / 86400.0;
	double n = needed_replicas(lam, r_slo, r_max);

	return (n > rs->min_rep ? n : rs->min_rep) + rs->spares;
}

/* the self-hosted fleet's annual cost (reserved basis) at volume D */
static double selfhost_annual(const region_set *rs,
                              double D, double replica_usd_h, double r_slo,
                              double r_max)
{
	double usd_h = 0.0;

	for (int i = 0; i < rs->n; i++)
		usd_h += region_replicas(rs, D, rs->share[i], r_slo, r_max) *
		         replica_usd_h * rs->factor[i];
	return usd_h * rs->hpm * 12.0 * rs->keep;
}

static double break_even(const region_set *rs,
                         double replica_usd_h, double r_slo, double r_max,
                         double api_per_req)
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

/* what each region needs: "2" when all agree, else "hk 2, sg 2, syd 1" */
static void put_needed(outbuf *o, const region_set *rs, const int *need)
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

/* 2 decimals for a whole number of cents, else up to 6 */
static int cents_digits(double v)
{
	double k = v * 100.0;

	for (int d = 2; d < 6; d++, k *= 10.0)
		if (fabs(k - round(k)) < 1e-6)
			return d;
	return 6;
}

static void eval_api_option(const scenario *s, const region_set *rs,
                            const option *o, option_result *or)
{
	double pin = o->api_input_per_token, pout = o->api_output_per_token;
	double per_req, daily;

	if (!(pin > 0.0) && !(pout > 0.0)) {
		pin = s->api_input_per_token;
		pout = s->api_output_per_token;
	}
	per_req = finite_or0(rs->in * bounded(pin, 1e3) + rs->out * bounded(pout, 1e3));
	daily = rs->D * per_req;
	or->api_daily_usd = finite_or0(daily);
	or->annual_usd = finite_or0(daily * 365.0);
	or->monthly_on_demand_usd = or->annual_usd / 12.0;
	or->monthly_reserved_usd = or->monthly_on_demand_usd;
	or->meets_slo = true;
	or->fits = true;
	{
		outbuf ob, *nb = &ob;
		outbuf_init(nb, or->notes, sizeof or->notes);
		PUT(nb, "$");
		put_f(nb, daily, 2);
		PUT(nb, "/day at $");
		put_f(nb, pin * 1e6, cents_digits(pin * 1e6));
		PUT(nb, " + $");
		put_f(nb, pout * 1e6, cents_digits(pout * 1e6));
		PUT(nb, " per 1M in/out tokens; provider latency not modelled "
		    "(SLOs assumed met)");
		outbuf_end(nb);
	}
}

/* One way to lay replicas out on an option's instances: T devices each. */
typedef struct {
	int T, bmax, rpi, ipr;
	double r_max, r_slo;
	double need_total;            /* instances the load needs, all regions */
} layout;

/* instances the regions need for given per-replica capacities */
static double layout_need(const region_set *rs,
                          const layout *l, double r_slo, double r_max)
{
	double need = 0.0;

	for (int i = 0; i < rs->n; i++) {
		double nrep = region_replicas(rs, rs->D, rs->share[i],
		                              r_slo, r_max);
		need += l->rpi ? ceil(nrep / l->rpi) : nrep * l->ipr;
	}
	return need;
}

/* Fill l for T devices per replica: the effective batch, R_max and the
 * optimistic instance count (R_max taken as the SLO capacity, a lower bound
 * on what the SLOs need); with capacity, also the SLO capacity and the
 * instances it needs. */
static void layout_eval(const scenario *s, const option *o,
                        const model_params *p, const region_set *rs, int T,
                        bool capacity, layout *l)
{
	int G = o->inst.gpus > 0 ? o->inst.gpus : 1;
	replica_perf rp;

	memset(l, 0, sizeof *l);
	l->T = T;
	l->rpi = T <= G ? G / T : 0;
	l->ipr = T <= G ? 1 : (T + G - 1) / G;
	l->bmax = model_max_batch(s, &o->gpu, T, p);
	if (l->bmax <= 0)
		return;
	model_replica_perf(s, &o->gpu, T, p, l->bmax, &rp);
	l->r_max = finite_or0(rp.requests_per_s);
	l->need_total = layout_need(rs, l, l->r_max, l->r_max);
	if (capacity) {
		fleet_capacity cap;
		fleet_slo_capacity(s, &o->gpu, T, p, l->bmax, &cap);
		l->r_slo = cap.requests_per_s;
		l->need_total = layout_need(rs, l, l->r_slo, l->r_max);
	}
}

/* gpus_per_replica when given; otherwise every T that fits in one instance
 * (1, 2, 4, ... and the instance's own count), the one whose fleet needs the
 * fewest instances within the SLOs (ties: the smaller T; when no T meets the
 * SLOs, the smallest that fits); when none fits in one instance, 2, 4, 8
 * instances per replica.  Branch and bound: candidates are searched in the
 * order of their optimistic count and skipped once it cannot win. */
static void pick_layout(const scenario *s, const option *o,
                        const model_params *p, const region_set *rs,
                        layout *best, int *smallest_fit)
{
	int G = o->inst.gpus > 0 ? o->inst.gpus : 1;
	layout c[16];
	int order[16], nc = 0, nfit = 0;
	bool have = false;

	*smallest_fit = 0;
	if (o->gpus_per_replica > 0) {
		layout_eval(s, o, p, rs, o->gpus_per_replica, true, best);
		*smallest_fit = best->bmax > 0 ? o->gpus_per_replica : 0;
		return;
	}
	for (int t = 1; t < G && nc < 15; t *= 2)
		layout_eval(s, o, p, rs, t, false, &c[nc++]);
	layout_eval(s, o, p, rs, G, false, &c[nc++]);
	/* fitting candidates by (optimistic count, T): insertion sort */
	for (int i = 0; i < nc; i++) {
		int j;
		if (c[i].bmax <= 0)
			continue;
		if (!*smallest_fit)
			*smallest_fit = c[i].T;
		for (j = nfit; j > 0 && c[order[j - 1]].need_total > c[i].need_total; j--)
			order[j] = order[j - 1];
		order[j] = i;
		nfit++;
	}
	for (int k = 0; k < nfit; k++) {
		layout *l = &c[order[k]];
		if (have && (l->need_total > best->need_total ||
		             (l->need_total == best->need_total && l->T > best->T)))
			continue;   /* cannot need fewer instances than the best */
		layout_eval(s, o, p, rs, l->T, true, l);
		if (l->r_slo > 0.0 && (!have || l->need_total < best->need_total ||
		                      (l->need_total == best->need_total && l->T < best->T))) {
			*best = *l;
			have = true;
		}
	}
	if (have)
		return;
	for (int i = 0; i < nc; i++)
		if (c[i].bmax > 0) {   /* none meets the SLOs: the smallest fit */
			*best = c[i];
			return;
		}
	for (int k = 2; k <= 8; k *= 2) {
		layout_eval(s, o, p, rs, k * G, true, best);
		if (best->bmax > 0) {
			*smallest_fit = k * G;
			return;
		}
	}
	layout_eval(s, o, p, rs, G, false, best);
}

static void eval_instance_option(const scenario *s, const option *o,
                                 const results *r, const region_set *rs,
                                 option_result *or)
{
	int bmax, T, rpi, ipr, need[MAX_REGIONS], smallest;
	double r_max, r_slo, usd_h = 0.0;
	layout lay;
	bool fixed = o->instances_per_region > 0, carries = true, short_any = false;
	outbuf ob, *nb = &ob;

	pick_layout(s, o, &r->p, rs, &lay, &smallest);
	T = lay.T;
	bmax = lay.bmax;
	rpi = lay.rpi;
	ipr = lay.ipr;
	r_max = lay.r_max;
	r_slo = lay.r_slo;
	or->gpus_per_replica = T;
	or->batch = bmax;
	or->fits = bmax > 0;
	or->usd_per_instance_hour = o->usd_per_hour > 0.0 ? o->usd_per_hour :
	                            o->inst.usd_per_hour;
	or->replicas_per_instance = rpi;
	or->requests_per_s = r_max;
	or->slo_requests_per_s = r_slo;

	or->replicas_total = 0;
	or->instances_total = 0;
	or->instances_needed = 0;
	for (int i = 0; i < rs->n; i++) {
		double lam = rs->D * rs->share[i] * rs->peak / 86400.0;
		double nrep = region_replicas(rs, rs->D, rs->share[i],
		                              r_slo, r_max);
		double ninst = fmin(rpi ? ceil(nrep / rpi) : nrep * ipr, REPLICAS_CAP);
		int inst, reps;

		need[i] = (int)ninst;
		if (fixed) {
			inst = o->instances_per_region;
			reps = rpi ? inst * rpi : inst / ipr;
		} else {
			inst = (int)ninst;
			reps = (int)nrep;
		}
		if (!or->fits)
			reps = 0;
		or->instances[i] = inst;
		or->replicas[i] = reps;
		or->instances_total += inst;
		or->replicas_total += reps;
		or->instances_needed += need[i];
		if (lam > 0.0 && !(r_slo > 0.0 && lam <= reps * r_slo * (1.0 + 1e-12)))
			carries = false;
		if (fixed && inst < need[i])
			short_any = true;
		usd_h += inst * bounded(option_price(o, rs, i), 1e9);
	}
	or->monthly_on_demand_usd = finite_or0(usd_h * rs->hpm);
	or->monthly_reserved_usd = or->monthly_on_demand_usd * rs->keep;
	or->annual_usd = 12.0 * or->monthly_reserved_usd;
	or->meets_slo = or->fits && r_slo > 0.0 && carries;

	outbuf_init(nb, or->notes, sizeof or->notes);
	if (!or->fits) {
		PUT(nb, "the model does not fit in ");
		put_i(nb, ipr);
		PUT(nb, " x ");
		put_s(nb, o->inst.id);
		PUT(nb, " of ");
		put_s(nb, o->gpu.id);
	} else if (!(r_slo > 0.0)) {
		put_i(nb, T);
		PUT(nb, "x ");
		put_s(nb, o->gpu.id);
		PUT(nb, " per replica: no batch size meets the SLOs; ");
		if (fixed) {
			PUT(nb, "fixed ");
			put_i(nb, o->instances_per_region);
		} else {
			PUT(nb, "sized on throughput: ");
			put_i(nb, need[0]);
		}
		PUT(nb, " instances per region");
	} else {
		if (fixed) {
			put_i(nb, o->instances_per_region);
			if (o->instances_per_region == 1)
				PUT(nb, " instance per region fixed; the load needs ");
			else
				PUT(nb, " instances per region fixed; the load needs ");
			put_needed(nb, rs, need);
		} else {
			PUT(nb, "sized from demand: ");
			put_needed(nb, rs, need);
			if (or->instances_needed == rs->n)
				PUT(nb, " instance per region");
			else
				PUT(nb, " instances per region");
		}
		if (s->spares > 0) {
			PUT(nb, " with N+");
			put_i(nb, s->spares);
		}
		PUT(nb, " (");
		put_i(nb, T);
		PUT(nb, "x ");
		put_s(nb, o->gpu.id);
		PUT(nb, " per replica, ");
		put_g(nb, r_slo, 3);
		PUT(nb, " req/s each within the SLOs)");
		if (fixed && !carries)
			PUT(nb, "; too few for the peak");
		else if (fixed && short_any)
			PUT(nb, "; short of min/spares");
	}
	outbuf_end(nb);
}

/* ---- the whole fleet --------------------------------------------------- */

static void put_slo_names(outbuf *o, unsigned failing)
{
	const char *sep = "";

	if (failing & SLO_TTFT) {
		PUT(o, "TTFT");
		sep = ", ";
	}
	if (failing & SLO_TPOT) {
		put_s(o, sep);
		PUT(o, "TPOT");
		sep = ", ";
	}
	if (failing & SLO_E2E) {
		put_s(o, sep);
		PUT(o, "E2E");
	}
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
		for (int k = 0; k < r->n_regions && k < MAX_REGIONS; k++)
			if ((long long)r->regions[k].replicas * T % G != 0)
				whole = false;
		if (whole || !(o = note_begin(r, &ob)))
			return;
		PUT(o, "the fleet is priced per accelerator-hour (");
		put_i(o, T);
		PUT(o, " x ");
		put_s(o, s->gpu.id);
		PUT(o, " per replica), not in whole ");
		put_s(o, op->inst.id);
		PUT(o, " (");
		put_i(o, G);
		PUT(o, " each); the options (tco.options) price whole instances, "
		    "the shape that can be rented");
		note_end(r, o);
		return;
	}
}

void model_fleet_hw(const scenario *s, results *r, const model_hw *hw)
{
	region_set rs;
	fleet_capacity cap;
	double r_max = finite_or0(r->requests_per_s);
	double replica_h, fleet_h = 0.0, mean_total = 0.0, cap_total = 0.0;
	double worst_rho = -1.0, api_per_req, share_sum = 0.0, avail_w = 0.0;
	int pool = 0, T = s->gpus > 0 ? s->gpus : 1;
	double base_ttft = r->ttft_s, base_e2e = r->e2e_s, ts, w, w95;
	double out;
	/* A scenario whose model does not fit is not sized: model.c computes
	 * its replica figures at batch 1 "as if it fitted", but no fleet is
	 * priced on them (0 replicas, $0, every SLO flag false, a note). */
	bool fits = r->batch > 0 && r_max > 0.0;
	outbuf ob, *o;

	regions_of(s, &rs);
	out = rs.out;

	/* one replica's $/h and per-token costs come from model.c (§7) */
	replica_h = bounded(r->replica_usd_per_hour, 1e9);

	/* SLO capacity of the scenario's own replica; the point at its own
	 * batch is model.c's (TTFT before queueing, TPOT, R_max) */
	if (fits) {
		slo_point own;
		slo_point_of(s, r->tpot_s, base_ttft, r_max, &own);
		slo_capacity(s, hw, r->batch, &own, &r->prefill, &cap);
	} else {
		memset(&cap, 0, sizeof cap);
	}
	r->slo_requests_per_s = cap.requests_per_s;
	r->slo_batch = cap.batch;
	r->slo_failing = cap.failing;
	r->slo_batch_requests_per_s = cap.batch_requests_per_s;
	r->usd_per_1k_output_tokens_at_slo = cap.requests_per_s > 0.0 ?
		model_usd_per_1k(replica_h, cap.batch_requests_per_s * out) : 0.0;

	/* regions */
	r->n_regions = rs.n;
	r->replicas_total = 0;
	r->mean_requests_per_s = rs.D / 86400.0;
	r->peak_requests_per_s = 0.0;
	for (int i = 0; i < rs.n; i++) {
		region_result *g = &r->regions[i];
		double lam = rs.D * rs.share[i] * rs.peak / 86400.0;
		double n = fits ? region_replicas(&rs, rs.D, rs.share[i],
		                                  cap.requests_per_s, r_max) : 0.0;
		double need = fits ? needed_replicas(lam, cap.requests_per_s,
		                                     r_max) : 0.0;

		memset(g, 0, sizeof *g);
		copy_name(g->name, rs.name[i]);
		g->share = rs.share[i];
		g->lambda = lam;
		g->mean_lambda = rs.D * rs.share[i] / 86400.0;
		g->replicas = (int)n;
		/* the headline fleet rents accelerators by the hour: a replica's
		 * T devices are its "instance" (whole cloud instances: options) */
		g->instances = g->replicas;
		g->gpus = (double)g->replicas * T < 2147483647.0 ?
		          g->replicas * T : 2147483647;
		g->needed = (int)need;
		g->utilisation = fits && n > 0 ? g->mean_lambda / (n * r_max) : 0.0;
		g->rho = fits && n > 0 ? lam / (n * r_max) : 0.0;
		g->usd_per_month = n * replica_h * rs.factor[i] * rs.hpm;
		g->availability = fits ? fleet_availability(g->replicas,
		                                     g->needed > 0 ? g->needed : 1,
		                                     s->replica_availability) : 0.0;
		if (rs.share[i] > 0.0)
			share_sum += rs.share[i];
		else
			pool += g->replicas;   /* a failover region */
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
	for (int i = 0; i < rs.n; i++) {
		const region_result *g = &r->regions[i];
		double a = g->availability;
		if (!(rs.share[i] > 0.0))
			continue;
		if (pool > 0)
			a += (1.0 - a) * fleet_availability(pool, g->needed > 0 ? g->needed : 1,
			                                    s->replica_availability);
		avail_w += rs.share[i] * a;
	}
	r->availability = fits && share_sum > 0.0 ? avail_w / share_sum : 0.0;

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

	/* SLOs at the scenario's own batch; none holds when nothing fits
	 * (nothing is served), even one that is not set */
	r->ttft_ok = fits && (!(s->ttft_slo_s > 0.0) || r->ttft_p95_s <= s->ttft_slo_s);
	r->tpot_ok = fits && (!(s->tpot_slo_s > 0.0) || r->tpot_s <= s->tpot_slo_s);
	r->e2e_ok = fits && (!(s->e2e_slo_s > 0.0) || r->e2e_p95_s <= s->e2e_slo_s);

	/* TCO of the scenario's own deployment: annual = 12 × the reserved
	 * month (the seed's convention) */
	r->fleet_usd_per_hour = fleet_h;
	r->monthly_usd = fleet_h * rs.hpm;
	r->monthly_reserved_usd = r->monthly_usd * rs.keep;
	r->annual_usd = 12.0 * r->monthly_reserved_usd;

	/* API */
	api_per_req = finite_or0(rs.in * bounded(s->api_input_per_token, 1e3) +
	                         out * bounded(s->api_output_per_token, 1e3));
	if (!(api_per_req > 0.0))
		for (int i = 0; i < s->n_options && i < MAX_OPTIONS; i++)
			if (s->options[i].kind == OPT_API) {
				api_per_req = finite_or0(rs.in * bounded(s->options[i].api_input_per_token, 1e3) +
				                         out * bounded(s->options[i].api_output_per_token, 1e3));
				break;
			}
	r->api_usd_per_request = finite_or0(api_per_req);
	r->api_daily_usd = finite_or0(rs.D * api_per_req);
	r->api_annual_usd = r->api_daily_usd * 365.0;
	r->break_even_requests_per_day = fits ?
		finite_or0(break_even(&rs, replica_h, cap.requests_per_s, r_max,
		                      api_per_req)) : 0.0;

	/* options */
	r->n_options = s->n_options > MAX_OPTIONS ? MAX_OPTIONS : s->n_options;
	for (int i = 0; i < r->n_options; i++) {
		const option *op = &s->options[i];
		option_result *or = &r->options[i];

		memset(or, 0, sizeof *or);
		copy_name(or->name, op->name);
		or->kind = op->kind;
		if (op->kind == OPT_API)
			eval_api_option(s, &rs, op, or);
		else
			eval_instance_option(s, op, r, &rs, or);
	}

	/* notes (model_impl.h's formatters: no printf here) */
	if (!fits && r->batch > 0 && (o = note_begin(r, &ob))) {
		/* fits in memory but serves nothing (absurd inputs) */
		PUT(o, "the replica has no throughput: the fleet is not sized "
		    "(0 replicas, $0) and no SLO counts as met");
		note_end(r, o);
	} else if (!fits && (o = note_begin(r, &ob))) {
		PUT(o, "the model does not fit: ");
		if (r->min_gpus_to_fit > 0) {
			put_i(o, r->min_gpus_to_fit);
			PUT(o, " GPUs needed (min_gpus_to_fit)");
		} else {
			PUT(o, "no replica of up to 1024 GPUs holds it");
		}
		PUT(o, "; the fleet is not sized (0 replicas, $0) and no SLO "
		    "counts as met");
		note_end(r, o);
	}
	if (fits && !(cap.requests_per_s > 0.0)) {
		slo_failure_note(s, r, &cap);
	} else if (fits && cap.batch < r->batch &&
	           !(r->ttft_ok && r->tpot_ok && r->e2e_ok) &&
	           (o = note_begin(r, &ob))) {
		/* the cost block stays at the effective batch (the contract);
		 * this gives the cost where the fleet is actually sized */
		PUT(o, "SLOs fail at batch ");
		put_i(o, r->batch);
		PUT(o, " (");
		put_slo_names(o, (r->ttft_ok ? 0u : SLO_TTFT) |
		                 (r->tpot_ok ? 0u : SLO_TPOT) |
		                 (r->e2e_ok ? 0u : SLO_E2E));
		PUT(o, "); they hold up to batch ");
		put_i(o, cap.batch);
		PUT(o, ": ");
		put_g(o, cap.requests_per_s, 3);
		PUT(o, " req/s per replica, $");
		put_g(o, r->usd_per_1k_output_tokens_at_slo, 3);
		PUT(o, " per 1K output tokens at that batch (the cost block is at "
		    "batch ");
		put_i(o, r->batch);
		PUT(o, ": $");
		put_g(o, r->usd_per_1k_output_tokens, 3);
		PUT(o, ")");
		note_end(r, o);
	}
	if (s->n_regions > 0 && fabs(share_sum - 1.0) > 1e-6 &&
	    (o = note_begin(r, &ob))) {
		PUT(o, "region shares add up to ");
		put_g(o, share_sum, 4);
		PUT(o, ", not 1: load is taken as given");
		note_end(r, o);
	}
	if (fits && s->availability > 0.0 && r->availability < s->availability &&
	    (o = note_begin(r, &ob))) {
		PUT(o, "availability estimate ");
		put_pct(o, r->availability, 4);
		PUT(o, " is below the ");
		put_pct(o, s->availability, 4);
		PUT(o, " target: add fleet.spares");
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

	model_hw_init(&hw, s, &s->gpu, s->gpus, &r->p);
	model_fleet_hw(s, r, &hw);
}
