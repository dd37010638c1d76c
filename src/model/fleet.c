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
 * scan in tests/unit/test_fleet.c).
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
 * Cost.  replica $/h = T·gpu $/h (model.c); region $/h = replicas·replica
 * $/h·price factor; month = Σ·hours_per_month; reserved = month·(1 −
 * discount); annual = 12·reserved.  API: per request in·$in + out·$out;
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
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model/fleet.h"

#define REPLICAS_CAP 100000000.0   /* keeps counts in int range */

static void add_note(results *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add_note(results *r, const char *fmt, ...)
{
	va_list ap;

	if (r->n_notes < 0 || r->n_notes >= MODEL_MAX_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(r->notes[r->n_notes], MODEL_NOTE_LEN, fmt, ap);
	va_end(ap);
	r->n_notes++;
}

static void add_text_note(results *r, const char *text)
{
	size_t n;

	if (r->n_notes < 0 || r->n_notes >= MODEL_MAX_NOTES)
		return;
	n = strlen(text);
	if (n >= MODEL_NOTE_LEN)
		n = MODEL_NOTE_LEN - 1;
	memcpy(r->notes[r->n_notes], text, n);
	r->notes[r->n_notes][n] = '\0';
	r->n_notes++;
}

static size_t append(char *buf, size_t n, size_t len, const char *s)
{
	while (*s && n + 1 < len)
		buf[n++] = *s++;
	buf[n] = '\0';
	return n;
}

/* 0.997310 -> "99.7310%" (4 decimals, no printf) */
static void pct4(char out[16], double v)
{
	long long k;
	char digits[24];
	int nd = 0, o = 0;

	if (!isfinite(v) || v < 0)
		v = 0;
	if (v > 1e6)
		v = 1e6;
	k = llround(v * 1e6);            /* percent x 1e4 */
	do {
		digits[nd++] = (char)('0' + k % 10);
		k /= 10;
	} while (k > 0 || nd < 5);
	while (nd > 0 && o < 14) {
		out[o++] = digits[--nd];
		if (nd == 4)
			out[o++] = '.';
	}
	out[o++] = '%';
	out[o] = '\0';
}

/* snprintf through a va_list: notes may be cut at their field's size */
static void fmt_into(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fmt_into(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

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
		if (fabs(step) < 1e-12 * rho)
			break;
	}
	return rho;
}

/* ---- SLO capacity ------------------------------------------------------ */

typedef struct {
	double cap;       /* requests/s within the SLOs (0: none) */
	double rho;
	double tpot, ttft0, e2e0;
} slo_point;

static void slo_eval(const scenario *s, const gpu_spec *g, int gpus,
                     const model_params *p, int b, slo_point *o, int *evals)
{
	replica_perf rp;
	double slack = INFINITY;

	model_replica_perf(s, g, gpus, p, b, &rp);
	(*evals)++;
	o->tpot = rp.tpot_s;
	o->ttft0 = rp.ttft_s;   /* t_req + prefill (static: the batch's prompts) */
	o->e2e0 = o->ttft0 + s->output_tokens * rp.tpot_s;
	o->cap = 0.0;
	o->rho = 0.0;
	if (!(rp.requests_per_s > 0.0) || !isfinite(rp.requests_per_s))
		return;
	if (s->tpot_slo_s > 0.0 && o->tpot > s->tpot_slo_s)
		return;
	if (s->ttft_slo_s > 0.0)
		slack = s->ttft_slo_s - o->ttft0;
	if (s->e2e_slo_s > 0.0 && s->e2e_slo_s - o->e2e0 < slack)
		slack = s->e2e_slo_s - o->e2e0;
	if (!(slack > 0.0))
		return;
	o->rho = fleet_max_rho(slack, 1.0 / rp.requests_per_s);
	o->cap = o->rho * rp.requests_per_s;
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

void fleet_slo_capacity(const scenario *s, const gpu_spec *gpu, int gpus,
                        const model_params *p, int bmax, fleet_capacity *c)
{
	slo_point a, b;
	int lo, hi, at_a, at_b = -1;

	memset(c, 0, sizeof *c);
	if (bmax < 1)
		return;
	slo_eval(s, gpu, gpus, p, bmax, &a, &c->evaluations);
	if (a.cap > 0.0 && s->batching != BATCH_STATIC && ttft_binds(s, &a)) {
		/* continuous: below bmax the TTFT slack is the same (one prompt's
		 * prefill) and R(b) ≤ R(bmax), so bmax is best */
		c->requests_per_s = a.cap;
		c->rho = a.rho;
		c->batch = bmax;
		return;
	}
	/* the feasible batches are 1..b_hi: nothing at batch 1, nothing at all */
	lo = 1;
	hi = bmax;
	at_a = bmax;                 /* a holds that point */
	if (!(a.cap > 0.0)) {
		if (bmax > 1)
			slo_eval(s, gpu, gpus, p, 1, &a, &c->evaluations);
		if (!(a.cap > 0.0))
			goto none;           /* a holds batch 1 */
		at_a = 1;
	}
	/* unimodal in b: bisect on the sign of cap(b+1) − cap(b); the last two
	 * points are kept so that the answer is not evaluated twice */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		slo_eval(s, gpu, gpus, p, mid, &a, &c->evaluations);
		slo_eval(s, gpu, gpus, p, mid + 1, &b, &c->evaluations);
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
		slo_eval(s, gpu, gpus, p, lo, &a, &c->evaluations);
	if (!(a.cap > 0.0) && lo != 1) {
		/* not unimodal after all: fall back on batch 1 */
		lo = 1;
		slo_eval(s, gpu, gpus, p, 1, &a, &c->evaluations);
	}
	if (a.cap > 0.0) {
		c->requests_per_s = a.cap;
		c->rho = a.rho;
		c->batch = lo;
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
	term = exp(log_factorial(n) - log_factorial(f0) - log_factorial(n - f0) +
	           f0 * log(q) + (n - f0) * log(a));
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
static double needed_replicas(double lam, double r_slo, double r_max)
{
	double n = 0.0;

	if (!(lam > 0.0))
		return 0.0;
	if (r_slo > 0.0)
		n = ceil(lam / r_slo);
	if (r_max > 0.0 && floor(lam / r_max) + 1.0 > n)
		n = floor(lam / r_max) + 1.0;
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
		rs->name[0] = "all";
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

static void fmt_needed(char *buf, size_t len, const region_set *rs,
                       const int *need)
{
	bool same = true;
	size_t used = 0;

	for (int i = 1; i < rs->n; i++)
		if (need[i] != need[0])
			same = false;
	if (same) {
		snprintf(buf, len, "%d", need[0]);
		return;
	}
	buf[0] = '\0';
	for (int i = 0; i < rs->n && used + 1 < len; i++) {
		int w = snprintf(buf + used, len - used, "%s%s %d", i ? ", " : "",
		                 rs->name[i], need[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

/* 2 decimals for a whole number of cents, else up to 6 */
static int cents_digits(double v)
{
	for (int d = 2; d < 6; d++) {
		double k = v * pow(10.0, d);
		if (fabs(k - round(k)) < 1e-6)
			return d;
	}
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
	fmt_into(or->notes, sizeof or->notes,
	         "$%.2f/day at $%.*f + $%.*f per 1M in/out tokens; provider "
	         "latency not modelled (SLOs assumed met)",
	         daily, cents_digits(pin * 1e6), pin * 1e6,
	         cents_digits(pout * 1e6), pout * 1e6);
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
	char needbuf[120], sparebuf[24];

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

	fmt_needed(needbuf, sizeof needbuf, rs, need);
	if (s->spares > 0)
		fmt_into(sparebuf, sizeof sparebuf, " with N+%d", s->spares);
	else
		sparebuf[0] = '\0';
	if (!or->fits) {
		fmt_into(or->notes, sizeof or->notes,
		         "the model does not fit in %d x %s of %s", ipr, o->inst.id,
		         o->gpu.id);
	} else if (!(r_slo > 0.0)) {
		fmt_into(or->notes, sizeof or->notes,
		         "%dx %s per replica: no batch size meets the SLOs; "
		         "%s %d instances per region",
		         T, o->gpu.id, fixed ? "fixed" : "sized on throughput:",
		         fixed ? o->instances_per_region : need[0]);
	} else if (fixed) {
		fmt_into(or->notes, sizeof or->notes,
		         "%d instance%s per region fixed; the load needs %s%s "
		         "(%dx %s per replica, %.3g req/s each within the SLOs)%s",
		         o->instances_per_region,
		         o->instances_per_region == 1 ? "" : "s", needbuf, sparebuf, T,
		         o->gpu.id, r_slo,
		         carries ? (short_any ? "; short of min/spares" : "") :
		                   "; too few for the peak");
	} else {
		fmt_into(or->notes, sizeof or->notes,
		         "sized from demand: %s instance%s per region%s "
		         "(%dx %s per replica, %.3g req/s each within the SLOs)",
		         needbuf, or->instances_needed == rs->n ? "" : "s", sparebuf, T,
		         o->gpu.id, r_slo);
	}
}

/* ---- the whole fleet --------------------------------------------------- */

static void slo_failure_note(const scenario *s, results *r,
                             const fleet_capacity *c)
{
	char buf[MODEL_NOTE_LEN];
	size_t used = 0;
	int w;

	buf[0] = '\0';
	if (c->failing & SLO_TTFT) {
		w = snprintf(buf + used, sizeof buf - used,
		             "%sTTFT %.3g s with no queue > SLO %.3g s (+%.0f%%)",
		             used ? "; " : "", c->best_ttft_s, s->ttft_slo_s,
		             100.0 * (c->best_ttft_s / s->ttft_slo_s - 1.0));
		if (w > 0 && (size_t)w < sizeof buf - used)
			used += (size_t)w;
	}
	if (c->failing & SLO_TPOT) {
		w = snprintf(buf + used, sizeof buf - used,
		             "%sTPOT %.3g ms at batch 1 > SLO %.3g ms (+%.0f%%)",
		             used ? "; " : "", c->best_tpot_s * 1e3,
		             s->tpot_slo_s * 1e3,
		             100.0 * (c->best_tpot_s / s->tpot_slo_s - 1.0));
		if (w > 0 && (size_t)w < sizeof buf - used)
			used += (size_t)w;
	}
	if (c->failing & SLO_E2E) {
		w = snprintf(buf + used, sizeof buf - used,
		             "%sE2E %.3g s at batch 1 > SLO %.3g s (+%.0f%%)",
		             used ? "; " : "", c->best_e2e_s, s->e2e_slo_s,
		             100.0 * (c->best_e2e_s / s->e2e_slo_s - 1.0));
		if (w > 0 && (size_t)w < sizeof buf - used)
			used += (size_t)w;
	}
	add_note(r, "no batch size meets the SLOs: %s", buf);
}

void model_fleet(const scenario *s, results *r)
{
	region_set rs;
	fleet_capacity cap;
	double r_max = finite_or0(r->requests_per_s);
	double replica_h, fleet_h = 0.0, mean_total = 0.0, cap_total = 0.0;
	double worst_rho = -1.0, api_per_req, share_sum = 0.0, avail_w = 0.0;
	int pool = 0;
	double base_ttft = r->ttft_s, base_e2e = r->e2e_s, ts, w, w95;
	double out;
	bool fits = r->batch > 0 && r_max > 0.0;

	regions_of(s, &rs);
	out = rs.out;

	/* one replica's $/h and per-token costs come from model.c (§7) */
	replica_h = bounded(r->replica_usd_per_hour, 1e9);

	/* SLO capacity of the scenario's own replica */
	if (fits)
		fleet_slo_capacity(s, &s->gpu, s->gpus, &r->p, r->batch, &cap);
	else
		memset(&cap, 0, sizeof cap);
	r->slo_requests_per_s = cap.requests_per_s;
	r->slo_batch = cap.batch;
	r->slo_failing = cap.failing;

	/* regions */
	r->n_regions = rs.n;
	r->replicas_total = 0;
	r->mean_requests_per_s = rs.D / 86400.0;
	r->peak_requests_per_s = 0.0;
	for (int i = 0; i < rs.n; i++) {
		region_result *g = &r->regions[i];
		double lam = rs.D * rs.share[i] * rs.peak / 86400.0;
		double n = region_replicas(&rs, rs.D, rs.share[i],
		                           cap.requests_per_s, r_max);
		double need = needed_replicas(lam, cap.requests_per_s, r_max);

		memset(g, 0, sizeof *g);
		snprintf(g->name, sizeof g->name, "%s", rs.name[i]);
		g->share = rs.share[i];
		g->lambda = lam;
		g->mean_lambda = rs.D * rs.share[i] / 86400.0;
		g->replicas = (int)n;
		g->instances = g->replicas;
		g->needed = (int)need;
		g->utilisation = fits && n > 0 ? g->mean_lambda / (n * r_max) : 0.0;
		g->rho = fits && n > 0 ? lam / (n * r_max) : 0.0;
		g->usd_per_month = n * replica_h * rs.factor[i] * rs.hpm;
		g->availability = fleet_availability(g->replicas,
		                                     g->needed > 0 ? g->needed : 1,
		                                     s->replica_availability);
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
	r->utilisation = cap_total > 0.0 ? mean_total / cap_total : 0.0;
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
	r->availability = share_sum > 0.0 ? avail_w / share_sum : 0.0;

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

	/* SLOs at the scenario's own batch */
	r->ttft_ok = !(s->ttft_slo_s > 0.0) || (fits && r->ttft_p95_s <= s->ttft_slo_s);
	r->tpot_ok = !(s->tpot_slo_s > 0.0) || (fits && r->tpot_s <= s->tpot_slo_s);
	r->e2e_ok = !(s->e2e_slo_s > 0.0) || (fits && r->e2e_p95_s <= s->e2e_slo_s);

	/* TCO of the scenario's own deployment */
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
		const option *o = &s->options[i];
		option_result *or = &r->options[i];

		memset(or, 0, sizeof *or);
		snprintf(or->name, sizeof or->name, "%s", o->name);
		or->kind = o->kind;
		if (o->kind == OPT_API)
			eval_api_option(s, &rs, o, or);
		else
			eval_instance_option(s, o, r, &rs, or);
	}

	/* notes */
	if (fits && !(cap.requests_per_s > 0.0))
		slo_failure_note(s, r, &cap);
	else if (fits && cap.batch < r->batch && !(r->ttft_ok && r->tpot_ok && r->e2e_ok))
		add_note(r, "the SLOs hold up to batch %d (%.3g req/s per replica); "
		         "serving.max_batch %d breaks %s%s%s", cap.batch,
		         cap.requests_per_s, r->batch,
		         r->ttft_ok ? "" : "TTFT ", r->tpot_ok ? "" : "TPOT ",
		         r->e2e_ok ? "" : "E2E");
	if (s->n_regions > 0 && fabs(share_sum - 1.0) > 1e-6)
		add_note(r, "region shares add up to %.4g, not 1: load is taken as given",
		         share_sum);
	/* below: constant text and hand-made percentages, no printf in the
	 * common path (model_eval runs on every keystroke and in optimisers) */
	if (s->availability > 0.0 && r->availability < s->availability) {
		char a[16], b[16], msg[MODEL_NOTE_LEN];
		size_t n = 0;
		pct4(a, r->availability);
		pct4(b, s->availability);
		n = append(msg, n, sizeof msg, "availability estimate ");
		n = append(msg, n, sizeof msg, a);
		n = append(msg, n, sizeof msg, " is below the ");
		n = append(msg, n, sizeof msg, b);
		append(msg, n, sizeof msg, " target: add fleet.spares");
		add_text_note(r, msg);
	}
	if (w95 < w)
		add_text_note(r, "under 5% of requests wait at this load: the p95 "
		              "TTFT has no queueing in it and sits below the mean");
	if (r->replicas_total > 0)
		add_text_note(r, "queueing: M/D/1 on R_max (t_service = 1/R_max), "
		              "p95 from an exponential tail; availability: replicas "
		              "fail independently (fleet.replica_availability)");
}
