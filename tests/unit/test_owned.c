/* test_owned.c — owned hardware, energy per token, spot spares and the
 * hybrid split (src/model/owned.c).  Every expected value is worked out by
 * hand in the comment beside it. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalog.h"
#include "config.h"
#include "model/owned.h"
#include "params.h"
#include "preset_fixture.h"

#define CENT 0.005

static owned_server server(void)
{
	owned_server o = {
		.purchase_usd = 270000.0, .depreciation_months = 36,
		.residual_fraction = 0.10, .cost_of_capital = 0.0,
		.server_power_w = 10200.0, .idle_fraction = 0.2, .pue = 1.5,
		.usd_per_kwh = 0.10, .colo_usd_per_kw_month = 196.0,
		.ops_usd_per_server_month = 1000.0, .hours_per_month = 730.0,
	};
	return o;
}

static void test_straight_line(void **state)
{
	owned_server o = server();

	(void)state;
	/* (270,000 − 10% residual 27,000) / 36 = 243,000/36 = 6,750.00 */
	assert_float_equal(owned_capital_month(&o), 6750.0, CENT);
	/* no residual over 12 months: 270,000/12 = 22,500 */
	o.residual_fraction = 0.0;
	o.depreciation_months = 12;
	assert_float_equal(owned_capital_month(&o), 22500.0, CENT);
}

static void test_annuity(void **state)
{
	owned_server o = server();

	(void)state;
	/* 100,000 over 12 months at 12%/yr, i = 0.01: 1.01^12 = 1.1268250,
	 * 1 − 1/1.1268250 = 0.1125508, 1000/0.1125508 = 8,884.88 (the
	 * textbook loan payment) */
	o.purchase_usd = 100000.0;
	o.depreciation_months = 12;
	o.residual_fraction = 0.0;
	o.cost_of_capital = 0.12;
	assert_float_equal(owned_capital_month(&o), 8884.88, 0.01);
	/* with 10,000 left at the end: (100,000 − 10,000/1.1268250)
	 * = 91,125.51; × 0.01/0.1125508 = × 0.08884879 = 8,096.39 */
	o.residual_fraction = 0.10;
	assert_float_equal(owned_capital_month(&o), 8096.39, 0.01);
}

static void test_power_energy(void **state)
{
	owned_server o = server();
	owned_month m;

	(void)state;
	/* W(u) = 10,200·(0.2 + 0.8u): idle 2,040 W, half load 6,120 W, full
	 * 10,200 W; u is clamped to 0..1 */
	assert_float_equal(owned_power_w(&o, 0.0), 2040.0, 1e-9);
	assert_float_equal(owned_power_w(&o, 0.5), 6120.0, 1e-9);
	assert_float_equal(owned_power_w(&o, 1.0), 10200.0, 1e-9);
	assert_float_equal(owned_power_w(&o, 1.7), 10200.0, 1e-9);
	/* 6.12 kW × PUE 1.5 × 730 h × $0.10 = 9.18 × 730 × 0.1 = $670.14 */
	assert_float_equal(owned_energy_month(&o, 0.5), 670.14, CENT);
	/* 10.2 kW × $196/kW-month = $1,999.20 */
	assert_float_equal(owned_colo_month(&o), 1999.20, CENT);
	/* the month: 6,750 + 670.14 + 1,999.20 + 1,000 = 10,419.34;
	 * 6.12 × 1.5 × 730 = 6,701.4 kWh */
	owned_month_cost(&o, 0.5, &m);
	assert_float_equal(m.capital, 6750.0, CENT);
	assert_float_equal(m.energy, 670.14, CENT);
	assert_float_equal(m.kwh, 6701.4, 1e-6);
	assert_float_equal(m.total, 10419.34, CENT);
}

static void test_break_even(void **state)
{
	(void)state;
	/* p5.48xlarge at $55.04/h × 730 h = $40,179.20 a month; owning costs
	 * $3,000 a month to run: saving 37,179.20; 270,000/37,179.20 = 7.2621 */
	assert_float_equal(owned_break_even_months(270000.0, 3000.0,
	                                           55.04 * 730.0, 0.0),
	                   7.2621, 1e-4);
	/* at 12%/yr (i = 0.01): 1 − 2,700/37,179.2 = 0.9273791;
	 * −ln(0.9273791)/ln(1.01) = 0.0753946/0.0099503 = 7.5770 */
	assert_float_equal(owned_break_even_months(270000.0, 3000.0,
	                                           55.04 * 730.0, 0.12),
	                   7.5770, 1e-4);
	/* renting cheaper than running: never */
	assert_true(owned_break_even_months(270000.0, 3000.0, 2500.0, 0.0) < 0.0);
	/* interest alone (270,000 × 0.01 = 2,700) eats a 2,000 saving: never */
	assert_true(owned_break_even_months(270000.0, 3000.0, 5000.0, 0.12) < 0.0);
}

static void test_energy_per_token(void **state)
{
	energy_figures e;

	(void)state;
	/* 8 × 700 W = 5,600 W at 2,000 tok/s: 2.8 J/token; × PUE 1.5 × 1e6
	 * / 3.6e6 = 1.16667 kWh per 1M; × $0.20 = $0.23333; 2,000 /
	 * (5,600 × 1.5) × 1e6 = 238,095.24 tok/s per MW */
	owned_energy_per_token(5600.0, 2000.0, 1.5, 0.20, &e);
	assert_float_equal(e.joules_per_token, 2.8, 1e-12);
	assert_float_equal(e.kwh_per_1m, 1.1666667, 1e-6);
	assert_float_equal(e.usd_per_1m, 0.2333333, 1e-6);
	assert_float_equal(e.tokens_per_s_per_mw, 238095.238, 1e-3);
	/* no tokens: zeros, not inf */
	owned_energy_per_token(5600.0, 0.0, 1.5, 0.20, &e);
	assert_float_equal(e.joules_per_token, 0.0, 0.0);
	assert_float_equal(e.tokens_per_s_per_mw, 0.0, 0.0);
}

static void test_spot(void **state)
{
	double a;

	(void)state;
	/* 0.2 interruptions a month, 1 h to recover: down 0.2/730 =
	 * 0.000274; 0.99 × 0.999726 = 0.989729 */
	a = spot_replica_availability(0.99, 0.2, 1.0, 730.0);
	assert_float_equal(a, 0.989729, 1e-6);
	/* 73 a month × 1 h = 10% down: 0.99 × 0.9 = 0.891 */
	a = spot_replica_availability(0.99, 73.0, 1.0, 730.0);
	assert_float_equal(a, 0.891, 1e-12);
	/* 2 needed at 99.9%.  On demand (a = 0.99): k = 0 gives 0.99² =
	 * 0.9801; k = 1: 1 − q³ − 3q²a = 1 − 1e-6 − 2.97e-4 = 0.999702: 1
	 * spare.  Spot at a = 0.891 (q = 0.109): k = 1: a³ + 3a²q = 0.70734
	 * + 0.25960 = 0.96694; k = 2: 1 − q⁴ − 4q³a = 1 − 0.000141 −
	 * 0.004616 = 0.995243; k = 3: 1 − q⁵ − 5q⁴a = 1 − 0.0000154 −
	 * 0.000629 = 0.999356 >= 0.999: 3 spares, 2 more than on demand */
	assert_int_equal(spot_spares(2, 0.99, 0.999, 50), 1);
	assert_int_equal(spot_spares(2, 0.891, 0.999, 50), 3);
	/* k = 2 is not enough (0.995243): a cap of 2 cannot reach it */
	assert_int_equal(spot_spares(2, 0.891, 0.999, 2), -1);
	/* one replica at 0.99 for 99.9%: 1 − 0.01² = 0.9999 with 1 spare */
	assert_int_equal(spot_spares(1, 0.99, 0.999, 50), 1);
}

static void test_profile(void **state)
{
	double x[24], sum = 0.0;

	(void)state;
	/* peak 1.5, trough 0.5: (1 − 0.5)/(1.5 − 0.5) = 0.5 = the mean of
	 * (1 + cos)/2 over a whole period, so k = 1 and x_h = 1 +
	 * 0.5·cos(2π(h − 12)/24): 1.5 at noon, 1.0 at 6 and 18, 0.5 at 0,
	 * 1 + 0.5·cos(π/4) = 1.353553 at 9 and 15 */
	assert_true(daily_profile(1.5, 0.5, 12, x));
	assert_float_equal(x[12], 1.5, 1e-9);
	assert_float_equal(x[6], 1.0, 1e-9);
	assert_float_equal(x[18], 1.0, 1e-9);
	assert_float_equal(x[0], 0.5, 1e-9);
	assert_float_equal(x[9], 1.353553, 1e-6);
	/* peak 3, trough 0.2: k is found so that the mean is exactly 1, the
	 * peak hour 3 and the opposite hour 0.2 */
	assert_true(daily_profile(3.0, 0.2, 20, x));
	for (int h = 0; h < 24; h++)
		sum += x[h];
	assert_float_equal(sum / 24.0, 1.0, 1e-9);
	assert_float_equal(x[20], 3.0, 1e-9);
	assert_float_equal(x[8], 0.2, 1e-9);
	/* flat day */
	assert_true(daily_profile(1.0, 0.3, 5, x));
	assert_float_equal(x[0], 1.0, 0.0);
	/* impossible: the peak hour alone cannot carry the mean at 30×, and
	 * a trough above the mean */
	assert_false(daily_profile(30.0, 0.0, 12, x));
	assert_false(daily_profile(2.0, 1.2, 12, x));
}

/* daily_profile works its bases out once and shares pow between an hour
 * and its mirror about the peak: the profile is the same, to the last
 * bit, as one cos and one pow per hour at every step of the same
 * bisection (written out here as the formula reads). */
static double plain_mean(int peak_hour, double k, double s[24])
{
	double sum = 0.0;

	for (int h = 0; h < 24; h++) {
		double c = (1.0 + cos(2.0 * M_PI * (double)(h - peak_hour) / 24.0)) / 2.0;
		s[h] = c > 0.0 ? pow(c, k) : 0.0;
		sum += s[h];
	}
	return sum / 24.0;
}

static void plain_profile(double peak, double trough, int peak_hour,
                          double x[24])
{
	double s[24], want = (1.0 - trough) / (peak - trough);
	double lo = 1e-6, hi = 1.0, k;

	peak_hour = ((peak_hour % 24) + 24) % 24;
	while (plain_mean(peak_hour, hi, s) > want)
		hi *= 2.0;
	for (int it = 0; it < 200 && hi - lo > 1e-13 * hi; it++) {
		k = 0.5 * (lo + hi);
		if (plain_mean(peak_hour, k, s) > want)
			lo = k;
		else
			hi = k;
	}
	plain_mean(peak_hour, 0.5 * (lo + hi), s);
	for (int h = 0; h < 24; h++)
		x[h] = trough + (peak - trough) * s[h];
}

static void test_profile_shared_pow(void **state)
{
	const int hours[] = { 0, 5, 12, 17, 23, 30, -3 };
	const double pt[][2] = { { 1.5, 0.5 }, { 3.0, 0.2 }, { 2.0, 0.0 },
	                         { 4.0, 0.5 } };
	double x[24], y[24];

	(void)state;
	for (int i = 0; i < 7; i++)
		for (int j = 0; j < 4; j++) {
			assert_true(daily_profile(pt[j][0], pt[j][1], hours[i], x));
			plain_profile(pt[j][0], pt[j][1], hours[i], y);
			for (int h = 0; h < 24; h++)
				assert_true(x[h] == y[h]);
		}
	/* a grid of peaks and troughs: daily_profile decides most of its
	 * bisection from a bracket found by Newton on exp, the rest with
	 * pow; the profile is still the plain bisection's, bit for bit */
	for (double peak = 1.05; peak < 12.0; peak *= 1.37)
		for (double trough = 0.0; trough < 1.0; trough += 0.13) {
			if (!daily_profile(peak, trough, 12, x))
				continue;
			plain_profile(peak, trough, 12, y);
			for (int h = 0; h < 24; h++)
				if (x[h] != y[h])
					fail_msg("peak %g trough %g hour %d: %.17g, plain %.17g",
					         peak, trough, h, x[h], y[h]);
		}
}

/* λ_h = 10 + 5·cos(2π(h − 12)/24) req/s (the profile above, mean 10),
 * capacity 3 req/s per replica: n_h = ceil(λ_h/3) is 5 for |h − 12| <= 4
 * (λ >= 12.5; 9 hours), 4 for |h − 12| = 5, 6 (11.29, 10.0; 4 hours), 3
 * for 7..9 (8.71, 7.5, 6.46; 6 hours) and 2 for 10, 11, 12 (5.67, 5.17,
 * 5.0; 5 hours): 89 replica-hours a day. */
static void test_hybrid_cloud(void **state)
{
	double x[24];
	hybrid_inputs in = {
		.mean_requests_per_s = 10.0, .capacity_requests_per_s = 3.0,
		.base_usd_month = 1500.0, .burst_usd_per_replica_hour = 4.0,
		.hours_per_month = 730.0,
	};
	hybrid_split h;

	(void)state;
	assert_true(daily_profile(1.5, 0.5, 12, x));
	/* burst replica-hours a day by base b: 89, 65, 41, 22, 9, 0; × $4 ×
	 * 730/24 days = × 121.6667:
	 * b=0 10,828.33; b=1 1,500 + 7,908.33 = 9,408.33; b=2 3,000 +
	 * 4,988.33 = 7,988.33; b=3 4,500 + 2,676.67 = 7,176.67; b=4 6,000 +
	 * 1,095.00 = 7,095.00; b=5 7,500 */
	hybrid_cost(&in, x, 0, &h);
	assert_int_equal(h.peak_replicas, 5);
	assert_float_equal(h.total_usd_month, 10828.33, 0.01);
	hybrid_cost(&in, x, 2, &h);
	assert_float_equal(h.burst_usd_month, 4988.33, 0.01);
	assert_float_equal(h.total_usd_month, 7988.33, 0.01);
	hybrid_cost(&in, x, 5, &h);
	assert_float_equal(h.total_usd_month, 7500.0, 0.01);
	assert_float_equal(h.burst_share, 0.0, 0.0);
	assert_true(hybrid_best(&in, x, &h));
	assert_int_equal(h.base, 4);
	assert_float_equal(h.base_usd_month, 6000.0, CENT);
	assert_float_equal(h.total_usd_month, 7095.0, 0.01);
	/* requests above 4 × 3 = 12 req/s: 3 + 2·(2.829629 + 2.330127 +
	 * 1.535534 + 0.5) = 17.39058 req/s-hours of 240: 7.24608% */
	assert_float_equal(h.burst_share, 0.0724608, 1e-6);
}

static void test_hybrid_api(void **state)
{
	double x[24];
	hybrid_inputs in = {
		.mean_requests_per_s = 10.0, .capacity_requests_per_s = 3.0,
		.base_usd_month = 1500.0, .burst_usd_per_request = 0.0005,
		.hours_per_month = 730.0,
	};
	hybrid_split h;

	(void)state;
	assert_true(daily_profile(1.5, 0.5, 12, x));
	/* b=4: 17.39058 × 3600 = 62,606.09 requests a day × $0.0005 =
	 * $31.303 × 30.41667 = $952.13; total 6,952.13.
	 * b=3: above 9 req/s: 6 + 2·(5.829629 + 5.330127 + 4.535534 + 3.5 +
	 * 2.294095 + 1.0) = 50.97877 × 3600 × 0.0005 × 30.41667 = 2,791.09;
	 * total 7,291.09.  b=5: 7,500.  The best is 4. */
	hybrid_cost(&in, x, 4, &h);
	assert_float_equal(h.burst_usd_month, 952.13, 0.01);
	hybrid_cost(&in, x, 3, &h);
	assert_float_equal(h.total_usd_month, 7291.09, 0.01);
	assert_true(hybrid_best(&in, x, &h));
	assert_int_equal(h.base, 4);
	assert_float_equal(h.total_usd_month, 6952.13, 0.01);
	/* no capacity: nothing to size */
	in.capacity_requests_per_s = 0.0;
	assert_false(hybrid_best(&in, x, &h));
}


/* ---- the shipped presets, checked by hand ---------------------------- */

static void load(const char *name, scenario *s, results *r)
{
	load_preset(name, s);
	model_eval(s, r);
}

static const option_result *find(const results *r, const char *name)
{
	for (int i = 0; i < r->n_options; i++)
		if (strcmp(r->options[i].name, name) == 0)
			return &r->options[i];
	fail_msg("no option %s", name);
	return NULL;
}

/* Lead time, worked by hand on own-vs-rent-70b: bought hardware serves
 * after L months and the rented option it is compared with (p5 on demand,
 * 55.04 $/h x 730 h = $40,179.20 a month) carries the load until then, so
 * over the 36-month horizon the owned option costs month x (36 - L) +
 * 40,179.20 x L.  L is capped at the horizon: 48 months of lead is 36
 * months of rent.  An option's own lead time wins over own.lead_months. */
static void test_lead_time(void **state)
{
	static scenario s;
	static results r;
	const option_result *own;
	double month;

	(void)state;
	load("own-vs-rent-70b", &s, &r);
	own = find(&r, "own");
	month = own->monthly_on_demand_usd;
	assert_float_equal(own->horizon_usd, 36.0 * month, 0.01);   /* L = 0 */

	s.owned.lead_months = 4;
	model_eval(&s, &r);
	own = find(&r, "own");
	assert_float_equal(own->monthly_on_demand_usd, month, CENT);   /* unchanged */
	assert_float_equal(own->horizon_usd, 32.0 * month + 4.0 * 40179.20, 0.01);

	s.owned.lead_months = 48;
	model_eval(&s, &r);
	assert_float_equal(find(&r, "own")->horizon_usd, 36.0 * 40179.20, 0.01);

	for (int i = 0; i < s.n_options; i++)
		if (strcmp(s.options[i].name, "own") == 0)
			s.options[i].own.lead_months = 6;
	model_eval(&s, &r);
	assert_float_equal(find(&r, "own")->horizon_usd, 30.0 * month + 6.0 * 40179.20,
	                   0.01);
}

static void test_own_vs_rent(void **state)
{
	static scenario s;
	static results r;
	const option_result *own, *p5, *api;
	double u, energy, opex, month;

	(void)state;
	load("own-vs-rent-70b", &s, &r);
	own = find(&r, "own");
	p5 = find(&r, "p5");
	api = find(&r, "api");
	/* one DGX H100 holding two replicas of 4 GPUs */
	assert_int_equal(own->instances_total, 1);
	assert_int_equal(own->replicas_total, 2);
	assert_true(own->fits && own->meets_slo);
	assert_float_equal(own->purchase_usd, 270000.0, CENT);
	/* 270,000/36 = 7,500; 8 x 1,275 W = 10.2 kW x $196 = 1,999.20;
	 * support 3,317 */
	assert_float_equal(own->capital_month, 7500.0, CENT);
	assert_float_equal(own->colo_month, 1999.20, CENT);
	assert_float_equal(own->ops_month, 3317.0, CENT);
	/* u = mean load / capacity = (8e5/86400) / (2 x R_max) */
	u = 8e5 / 86400.0 / (2.0 * own->requests_per_s);
	assert_float_equal(own->utilisation, u, 1e-12);
	/* energy = 10.2 kW x (0.2 + 0.8u) x PUE 1.56 x 730 h x $0.0895 */
	energy = 10.2 * (0.2 + 0.8 * u) * 1.56 * 730.0 * 0.0895;
	assert_float_equal(own->energy_month, energy, CENT);
	month = 7500.0 + 1999.20 + 3317.0 + energy;
	assert_float_equal(own->monthly_on_demand_usd, month, CENT);
	assert_float_equal(own->horizon_usd, 36.0 * month, 0.01);
	/* p5 on demand 55.04 x 730 = 40,179.20; reserved 28.5% off =
	 * 28,728.128; the break-even 270,000/(rent - opex) */
	assert_float_equal(p5->monthly_on_demand_usd, 40179.20, CENT);
	assert_float_equal(p5->monthly_reserved_usd, 28728.128, CENT);
	assert_float_equal(p5->horizon_usd, 36.0 * 28728.128, 0.01);
	opex = month - 7500.0;
	assert_string_equal(own->versus, "p5");
	assert_float_equal(own->break_even_months, 270000.0 / (40179.20 - opex), 1e-9);
	assert_float_equal(own->break_even_reserved_months,
	                   270000.0 / (28728.128 - opex), 1e-9);
	/* the story's months: 8 on demand, 12 reserved (opex ~5,844) */
	assert_int_equal((int)ceil(own->break_even_months), 8);
	assert_int_equal((int)ceil(own->break_even_reserved_months), 12);
	/* the API: (500 x 0.59 + 200 x 0.79)/1e6 x 8e5 = $362.40 a day;
	 * 362.40 x 365/12 x 36 = 396,828 */
	assert_float_equal(api->horizon_usd, 396828.0, 0.01);
	/* energy of a replica: 4 x 1,275 W = 5.1 kW over its output tok/s */
	assert_float_equal(r.energy_replica.power_w, 5100.0, 1e-9);
	assert_float_equal(r.energy_replica.joules_per_token,
	                   5100.0 / r.output_tokens_per_s, 1e-12);
	/* the fleet is the owned server's shape (two replicas of 4 GPUs), but
	 * runs at the operating batch (the SLO batch, below the option's
	 * max batch): its load is the mean over 2 x R at that batch */
	assert_int_equal(r.replicas_total, 2);
	u = 8e5 / 86400.0 / (2.0 * r.requests_per_s);
	assert_float_equal(r.utilisation, u, 1e-12);
	assert_float_equal(r.energy_usd_month,
	                   10.2 * (0.2 + 0.8 * u) * 1.56 * 730.0 * 0.0895, CENT);
}

static void test_own_vs_rent_spot(void **state)
{
	static scenario s;
	static results r;
	const option_result *spot;
	option *o;

	(void)state;
	load("own-vs-rent-70b", &s, &r);
	/* the p5 option bought as spot: 57% off, 73 interruptions a month of
	 * 1 h each, so a replica is up 0.99 x 0.9 = 0.891.  2 replicas needed
	 * for 98%: on demand 0.99^2 = 0.9801 needs no spare; at 0.891 one
	 * spare gives 0.96694 and two 0.995243 (test_spot): +2 replicas, 2
	 * p5s: 2 x 55.04 x 0.43 = 47.3344 x 730 = 34,554.11 a month */
	o = &s.options[s.n_options];
	*o = s.options[1];
	snprintf(o->name, sizeof o->name, "spot");
	o->kind = OPT_SPOT;
	o->spot_discount = 0.57;
	o->interruptions_per_month = 73;
	o->recovery_h = 1;
	s.n_options++;
	model_eval(&s, &r);
	spot = find(&r, "spot");
	assert_float_equal(spot->spot_availability, 0.891, 1e-12);
	assert_int_equal(spot->extra_spares, 2);
	assert_int_equal(spot->replicas_total, 4);
	assert_int_equal(spot->instances_total, 2);
	assert_float_equal(spot->monthly_on_demand_usd, 34554.11, 0.01);
}

static void test_hybrid_burst(void **state)
{
	static scenario s;
	static results r;
	const option_result *own, *hp, *ha, *api;
	double per_replica, peak, cap;
	int base, peak_n;

	(void)state;
	load("hybrid-burst", &s, &r);
	own = find(&r, "own");
	hp = find(&r, "own-p5");
	ha = find(&r, "own-api");
	api = find(&r, "api");
	/* a base replica: an owned server's month over its 2 replicas */
	per_replica = own->monthly_on_demand_usd / own->instances_total / 2.0;
	/* peak 6e6/86400 x 3 = 208.33 req/s; base share 0.5 of it over one
	 * replica's SLO capacity, rounded up */
	peak = 6e6 / 86400.0 * 3.0;
	cap = own->slo_requests_per_s;
	base = (int)ceil(0.5 * peak / cap - 1e-9);
	peak_n = (int)ceil(peak / cap - 1e-9);
	assert_int_equal(hp->base_replicas, base);
	assert_int_equal(hp->peak_replicas, peak_n);
	assert_float_equal(hp->base_month, base * per_replica, CENT);
	assert_float_equal(hp->monthly_on_demand_usd, hp->base_month + hp->burst_month,
	                   CENT);
	/* the best split is no dearer than the chosen one, than all base
	 * (peak_n replicas, no burst) or than all burst */
	assert_true(hp->best_month <= hp->monthly_on_demand_usd + 1e-6);
	assert_true(hp->best_month <= peak_n * per_replica + 1e-6);
	assert_true(ha->best_month <= ha->monthly_on_demand_usd + 1e-6);
	/* all burst to the API is the API option itself */
	assert_true(ha->best_month <= api->monthly_on_demand_usd + 1e-6);
	/* the story: own-api's best split, 3 base replicas, is 11% under the
	 * API alone */
	assert_int_equal(ha->best_base_replicas, 3);
	assert_true(ha->best_month < 0.9 * api->monthly_on_demand_usd);
	assert_true(ha->burst_share > 0.0 && ha->burst_share < 1.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_straight_line),
		cmocka_unit_test(test_annuity),
		cmocka_unit_test(test_power_energy),
		cmocka_unit_test(test_break_even),
		cmocka_unit_test(test_lead_time),
		cmocka_unit_test(test_energy_per_token),
		cmocka_unit_test(test_spot),
		cmocka_unit_test(test_profile),
		cmocka_unit_test(test_profile_shared_pow),
		cmocka_unit_test(test_hybrid_cloud),
		cmocka_unit_test(test_hybrid_api),
		cmocka_unit_test(test_own_vs_rent),
		cmocka_unit_test(test_own_vs_rent_spot),
		cmocka_unit_test(test_hybrid_burst),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
