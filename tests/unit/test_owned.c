/* test_owned.c — owned hardware, energy per token, spot spares and the
 * hybrid split (src/model/owned.c).  Every expected value is worked out by
 * hand in the comment beside it. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

#include "model/owned.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_straight_line),
		cmocka_unit_test(test_annuity),
		cmocka_unit_test(test_power_energy),
		cmocka_unit_test(test_break_even),
		cmocka_unit_test(test_energy_per_token),
		cmocka_unit_test(test_spot),
		cmocka_unit_test(test_profile),
		cmocka_unit_test(test_hybrid_cloud),
		cmocka_unit_test(test_hybrid_api),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
