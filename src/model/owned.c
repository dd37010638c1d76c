/* owned.c — owned hardware (capital, power, colocation, operations), energy
 * per token, spot spares and the hybrid base/burst split.  Pure math; the
 * formulas are in owned.h and man infertui-model(7). */
#include <math.h>

#include "model/fleet.h"
#include "model/owned.h"
#include "model/units.h"

double owned_capital_month(const owned_server *o)
{
	double p = o->purchase_usd, r = p * o->residual_fraction;
	double n = o->depreciation_months >= 1 ? o->depreciation_months : 1;
	double i = o->cost_of_capital / 12.0;

	if (!(i > 0.0))
		return (p - r) / n;
	return (p - r / pow(1.0 + i, n)) * i / (1.0 - pow(1.0 + i, -n));
}

double owned_power_w(const owned_server *o, double utilisation)
{
	double u = utilisation < 0.0 ? 0.0 : utilisation > 1.0 ? 1.0 : utilisation;

	return o->server_power_w * (o->idle_fraction + (1.0 - o->idle_fraction) * u);
}

double owned_energy_month(const owned_server *o, double utilisation)
{
	return owned_power_w(o, utilisation) / 1000.0 * o->pue *
	       o->hours_per_month * o->usd_per_kwh;
}

double owned_colo_month(const owned_server *o)
{
	return o->server_power_w / 1000.0 * o->colo_usd_per_kw_month;
}

void owned_month_cost(const owned_server *o, double utilisation,
                      owned_month *m)
{
	m->capital = owned_capital_month(o);
	m->power_w = owned_power_w(o, utilisation);
	m->kwh = m->power_w / 1000.0 * o->pue * o->hours_per_month;
	m->energy = m->kwh * o->usd_per_kwh;
	m->colo = owned_colo_month(o);
	m->ops = o->ops_usd_per_server_month;
	m->total = m->capital + m->energy + m->colo + m->ops;
}

double owned_break_even_months(double purchase_usd, double opex_month,
                               double rent_month, double cost_of_capital)
{
	double saving = rent_month - opex_month, i = cost_of_capital / 12.0;

	if (!(saving > 0.0))
		return -1.0;
	if (!(purchase_usd > 0.0))
		return 0.0;
	if (!(i > 0.0))
		return purchase_usd / saving;
	if (purchase_usd * i >= saving)
		return -1.0;
	return -log(1.0 - purchase_usd * i / saving) / log(1.0 + i);
}

void owned_energy_per_token(double it_power_w, double tokens_per_s,
                            double pue, double usd_per_kwh,
                            energy_figures *e)
{
	if (!(tokens_per_s > 0.0) || !(it_power_w > 0.0)) {
		e->joules_per_token = e->kwh_per_1m = e->usd_per_1m = 0.0;
		e->tokens_per_s_per_mw = 0.0;
		return;
	}
	e->joules_per_token = it_power_w / tokens_per_s;
	e->kwh_per_1m = e->joules_per_token * pue * 1e6 / 3.6e6;
	e->usd_per_1m = e->kwh_per_1m * usd_per_kwh;
	e->tokens_per_s_per_mw = tokens_per_s / (it_power_w * pue) * 1e6;
}

double spot_replica_availability(double replica_availability,
                                 double interruptions_per_month,
                                 double recovery_h, double hours_per_month)
{
	double down = hours_per_month > 0.0 ?
	              interruptions_per_month * recovery_h / hours_per_month : 1.0;

	if (down > 1.0)
		down = 1.0;
	if (down < 0.0)
		down = 0.0;
	return replica_availability * (1.0 - down);
}

int spot_spares(int needed, double replica_availability, double target,
                int max_spares)
{
	if (needed <= 0)
		return 0;
	for (int k = 0; k <= max_spares; k++)
		if (fleet_availability(needed + k, needed, replica_availability) >= target)
			return k;
	return -1;
}

/* The bisection below evaluates s_h = c_h^k for some fifty k: the bases
 * c_h = (1 + cos(2π(h − peak_hour)/24))/2 are worked out once, and hours
 * with the same base (h and its mirror about the peak: cos is even) share
 * one pow.  Every s_h and the sum are the same numbers, in the same
 * order, as one cos and one pow per hour and k. */
typedef struct {
	double c[24];
	int first[24];            /* the first hour with this base */
} profile_base;

static void profile_base_init(int peak_hour, profile_base *pb)
{
	for (int h = 0; h < 24; h++) {
		pb->c[h] = (1.0 + cos(2.0 * M_PI * (double)(h - peak_hour) / 24.0)) / 2.0;
		pb->first[h] = h;
		for (int j = 0; j < h; j++)
			if (pb->c[j] == pb->c[h]) {
				pb->first[h] = j;
				break;
			}
	}
}

/* s_h for one exponent k, and the mean of the 24 values. */
static double profile_mean(const profile_base *pb, double k, double s[24])
{
	double sum = 0.0;

	for (int h = 0; h < 24; h++) {
		double c = pb->c[h];
		if (pb->first[h] != h)
			s[h] = s[pb->first[h]];
		else
			s[h] = c > 0.0 ? pow(c, k) : 0.0;
		sum += s[h];
	}
	return sum / 24.0;
}

/* Where mean(c_h^k) crosses want, to about 1e-13 relative: safeguarded
 * Newton on exp(k·ln c_h) (no pow; the mean is decreasing and convex in
 * k) from k = 1, in a bracket that doubles its upper end until the mean
 * is below want.  Only a guide for the bisection below, which decides
 * with pow. */
static double profile_root(const profile_base *pb, double want)
{
	double lc[24] = { 0 }, k = 1.0, lo = 0.0, hi = INFINITY;   /* zeroed: cppcheck cannot see lc[0..n) written first */
	int n = 0;

	for (int h = 0; h < 24; h++)
		if (pb->c[h] > 0.0)
			lc[n++] = log(pb->c[h]);
	for (int it = 0; it < 200; it++) {
		double f = 0.0, d = 0.0, next;
		for (int j = 0; j < n; j++) {
			double e = exp(k * lc[j]);
			f += e;
			d += lc[j] * e;
		}
		f = f / 24.0 - want;
		d /= 24.0;
		if (f > 0.0)
			lo = k;
		else
			hi = k;
		next = d < 0.0 ? k - f / d : lo + 1.0;
		if (!(next > lo && next < hi))
			next = isinf(hi) ? 2.0 * k : 0.5 * (lo + hi);
		if (fabs(next - k) <= 1e-13 * k)
			return next;
		k = next;
	}
	return k;
}

/* mean(c_h^k) > want, decided by the bracket [kl, kh] of the crossing
 * when k is outside it (kh = 0: no bracket), else with pow */
static bool above(const profile_base *pb, double k, double want, double kl,
                  double kh, double s[24])
{
	if (kh > 0.0 && k <= kl)
		return true;       /* mean(k) >= mean(kl) > want */
	if (kh > 0.0 && k >= kh)
		return false;      /* mean(k) <= mean(kh) < want */
	return profile_mean(pb, k, s) > want;
}

bool daily_profile(double peak, double trough, int peak_hour, double x[24])
{
	double s[24], want, lo = 1e-6, hi = 1.0, k = 1.0, kl = 0.0, kh = 0.0;
	profile_base pb;

	peak_hour = ((peak_hour % 24) + 24) % 24;
	if (!(peak >= 1.0) || !(trough >= 0.0) || !(trough <= 1.0))
		return false;
	if (peak - 1.0 < 1e-12) {
		for (int h = 0; h < 24; h++)
			x[h] = 1.0;
		return true;
	}
	want = (1.0 - trough) / (peak - trough);
	/* mean(s) falls from 23/24 (k -> 0: all hours but the trough at 1) to
	 * 1/24 (k -> inf: the peak hour alone) */
	if (!(want > 1.0 / 24.0 + 1e-9) || !(want < 23.0 / 24.0 - 1e-9))
		return false;
	profile_base_init(peak_hour, &pb);
	/* The bisection's points far from the crossing need no pow: a
	 * narrow bracket [kl, kh] around Newton's root, checked with pow
	 * (the mean above want at kl and below at kh, each by a margin far
	 * beyond rounding), decides them, for the mean falls with k.  Those
	 * inside are evaluated as before, so k, and the profile, are the
	 * same to the last bit (test_owned: test_profile_shared_pow). */
	{
		double r = profile_root(&pb, want), w = 1e-11 * r;
		if (profile_mean(&pb, r - w, s) > want + 1e-14 &&
		    profile_mean(&pb, r + w, s) < want - 1e-14) {
			kl = r - w;
			kh = r + w;
		}
	}
	while (above(&pb, hi, want, kl, kh, s))
		hi *= 2.0;
	for (int it = 0; it < 200 && hi - lo > 1e-13 * hi; it++) {
		k = 0.5 * (lo + hi);
		if (above(&pb, k, want, kl, kh, s))
			lo = k;
		else
			hi = k;
	}
	k = 0.5 * (lo + hi);
	profile_mean(&pb, k, s);
	for (int h = 0; h < 24; h++)
		x[h] = trough + (peak - trough) * s[h];
	return true;
}

/* What the hybrid split's cost does not owe to the base: each hour's
 * arrivals, the replicas the busiest hour needs, the day's requests. */
typedef struct {
	double lam[24];
	double all_req;
	int peak_n;
} hybrid_day;

static void hybrid_day_of(const hybrid_inputs *in, const double x[24],
                          hybrid_day *d)
{
	double cap = in->capacity_requests_per_s;

	d->all_req = 0.0;
	d->peak_n = 0;
	for (int h = 0; h < 24; h++) {
		double lam = in->mean_requests_per_s * x[h];
		int n = cap > 0.0 ? (int)ceil(lam / cap - 1e-9) : 0;

		d->lam[h] = lam;
		if (n > d->peak_n)
			d->peak_n = n;
		d->all_req += lam * 3600.0;
	}
}

static void hybrid_cost_day(const hybrid_inputs *in, const hybrid_day *d,
                            int base, hybrid_split *out)
{
	double cap = in->capacity_requests_per_s, days = in->hours_per_month / 24.0;
	double cap_b = in->burst_capacity_requests_per_s > 0.0 ?
	               in->burst_capacity_requests_per_s : cap;
	double burst_day = 0.0, burst_req = 0.0;

	for (int h = 0; h < 24; h++) {
		double over = d->lam[h] - base * cap;

		if (over > 0.0)
			burst_req += over * 3600.0;
		if (in->burst_usd_per_replica_hour > 0.0) {
			/* model_ceil_pos, not libm's ceil: the same whole number
			 * (0 for the -1e-9 of a tiny excess: -0 in ceil, the
			 * same sum) */
			if (over > 0.0 && cap_b > 0.0)
				burst_day += model_ceil_pos(over / cap_b - 1e-9) *
				             in->burst_usd_per_replica_hour;
		} else if (over > 0.0) {
			burst_day += over * 3600.0 * in->burst_usd_per_request;
		}
	}
	out->base = base;
	out->peak_replicas = d->peak_n;
	out->base_usd_month = base * in->base_usd_month;
	out->burst_usd_month = burst_day * days;
	out->total_usd_month = out->base_usd_month + out->burst_usd_month;
	out->burst_share = d->all_req > 0.0 ? burst_req / d->all_req : 0.0;
}

void hybrid_cost(const hybrid_inputs *in, const double x[24], int base,
                 hybrid_split *out)
{
	hybrid_day d;

	hybrid_day_of(in, x, &d);
	hybrid_cost_day(in, &d, base, out);
}

bool hybrid_best(const hybrid_inputs *in, const double x[24],
                 hybrid_split *best)
{
	hybrid_split t;
	hybrid_day d;
	int top;

	if (!(in->capacity_requests_per_s > 0.0))
		return false;
	hybrid_day_of(in, x, &d);   /* once: it does not depend on the base */
	hybrid_cost_day(in, &d, 0, best);
	top = best->peak_replicas;
	for (int b = 1; b <= top; b++) {
		hybrid_cost_day(in, &d, b, &t);
		if (t.total_usd_month < best->total_usd_month - 1e-9)
			*best = t;
	}
	return true;
}
