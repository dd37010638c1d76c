/* owned.h — owned hardware, energy per token, spot capacity and the hybrid
 * split: the cost side of buying instead of renting (man infertui-model(7),
 * "Own, rent or both").  Pure math: no I/O, no globals, no allocation.
 * Every function here is worked out by hand in tests/unit/test_owned.c. */
#ifndef INFERTUI_OWNED_H
#define INFERTUI_OWNED_H

#include <stdbool.h>

#include "model/model.h"

/* One owned server (or device): what it costs to buy, power and house. */
typedef struct {
	double purchase_usd;         /* price of one server, paid up front */
	int depreciation_months;     /* straight-line period N (>= 1) */
	double residual_fraction;    /* value left after N months / purchase */
	double cost_of_capital;      /* annual rate r (0 = none) */
	double server_power_w;       /* whole server at full load (IT power) */
	double idle_fraction;        /* idle draw / full-load draw */
	double pue;                  /* facility power / IT power (>= 1) */
	double usd_per_kwh;          /* electricity */
	double colo_usd_per_kw_month;  /* rack space and power provisioning,
	                                  per kW of full-load IT power */
	double ops_usd_per_server_month; /* remote hands, support, spares */
	double hours_per_month;      /* 730 */
} owned_server;

/* Capital cost per month.  With r = 0, straight-line depreciation:
 *   (P − R)/N, R = residual_fraction·P.
 * With r > 0, the annuity that repays P over N months at i = r/12 and
 * leaves R:  (P − R/(1+i)^N)·i / (1 − (1+i)^−N). */
double owned_capital_month(const owned_server *o);

/* Draw at utilisation u (0..1), linear from idle to full load:
 *   W(u) = W_max·(f_idle + (1 − f_idle)·u). */
double owned_power_w(const owned_server *o, double utilisation);

/* Electricity per month at utilisation u, facility included:
 *   W(u)/1000 · PUE · hours · $/kWh. */
double owned_energy_month(const owned_server *o, double utilisation);

/* Rack/colocation per month: W_max/1000 · $/kW-month. */
double owned_colo_month(const owned_server *o);

/* The whole monthly cost of one server at utilisation u:
 * capital + energy + colocation + operations. */
typedef struct {
	double capital;
	double energy;
	double colo;
	double ops;
	double total;
	double power_w;              /* W(u), IT */
	double kwh;                  /* facility kWh in the month */
} owned_month;
void owned_month_cost(const owned_server *o, double utilisation,
                      owned_month *m);

/* Cash break-even against a rented alternative: buying costs P now and
 * `opex` a month (energy, colo, ops); renting costs `rent` a month.  The
 * month m at which the rent saved, (rent − opex)·m, repays P; with a
 * cost of capital r the savings are discounted at i = r/12:
 *   m = −ln(1 − P·i/(rent − opex)) / ln(1 + i).
 * Returns -1 when buying never pays back (rent <= opex, or P·i >= the
 * monthly saving). */
double owned_break_even_months(double purchase_usd, double opex_month,
                               double rent_month, double cost_of_capital);

/* Energy per token and per 1M tokens of one replica or fleet drawing
 * `it_power_w` (IT) while producing `tokens_per_s`:
 *   J/token        = W / tok/s                       (IT energy)
 *   kWh per 1M tok = J/token · PUE · 1e6 / 3.6e6     (facility)
 *   $ per 1M tok   = kWh per 1M · $/kWh
 *   tokens per MW  = tok/s / (W · PUE) · 1e6          (tok/s per facility MW)
 * All zero when tokens_per_s <= 0 or it_power_w <= 0. */
typedef struct {
	double joules_per_token;
	double kwh_per_1m;
	double usd_per_1m;
	double tokens_per_s_per_mw;
} energy_figures;
void owned_energy_per_token(double it_power_w, double tokens_per_s,
                            double pue, double usd_per_kwh,
                            energy_figures *e);

/* Spot capacity: a replica is interrupted `interruptions_per_month` times a
 * month on average and is back `recovery_h` later, so it is up a fraction
 *   a_spot = a·(1 − min(1, interruptions·recovery_h / hours)).
 * The spares k are the fewest with P(at least `needed` of needed + k up)
 * >= target, replicas failing independently (fleet_availability).
 * Returns k, or -1 when even `max_spares` spares do not reach the target. */
double spot_replica_availability(double replica_availability,
                                 double interruptions_per_month,
                                 double recovery_h, double hours_per_month);
int spot_spares(int needed, double replica_availability, double target,
                int max_spares);

/* The daily profile: 24 hourly arrival rates, as multiples of the daily
 * mean, peaking at `peak` (the peak factor) in hour `peak_hour` and falling
 * to `trough` twelve hours later:
 *   x_h = trough + (peak − trough)·s_h,
 *   s_h = ((1 + cos(2π(h − peak_hour)/24))/2)^k,
 * with k > 0 chosen (bisection) so that the 24 values average exactly 1.
 * Needs trough <= 1 <= peak; peak == 1 gives a flat day.  Returns false
 * when no k can do it: (1 − trough)/(peak − trough) must lie in
 * (1/24, 1) ... the peak hour alone cannot carry the mean, or the trough
 * is above the mean. */
bool daily_profile(double peak, double trough, int peak_hour, double x[24]);

/* The hybrid split.  Hour h needs n_h = ceil(λ_h / capacity) replicas
 * (λ_h = mean·x_h).  `base` replicas are bought or reserved and run all
 * day at `base_usd_month` each; the rest burst:
 *   burst to cloud: Σ_h max(0, n_h − base) replica-hours at
 *                   burst_usd_per_replica_hour, × days per month;
 *   burst to API:   Σ_h max(0, λ_h − base·capacity)·3600 requests at
 *                   burst_usd_per_request, × days per month
 *                   (set burst_usd_per_replica_hour to 0 to choose this).
 * days per month = hours_per_month/24. */
typedef struct {
	double mean_requests_per_s;       /* daily mean arrival rate */
	double capacity_requests_per_s;   /* one base replica's SLO capacity */
	double burst_capacity_requests_per_s; /* one burst replica's (0 = same) */
	double base_usd_month;            /* one base replica per month */
	double burst_usd_per_replica_hour;  /* > 0: burst to cloud replicas */
	double burst_usd_per_request;       /* used when the above is 0 (API) */
	double hours_per_month;
} hybrid_inputs;
typedef struct {
	int base;                   /* base replicas */
	int peak_replicas;          /* replicas the peak hour needs */
	double base_usd_month;
	double burst_usd_month;
	double total_usd_month;
	double burst_share;         /* share of the day's requests that burst */
} hybrid_split;
/* The cost of one split with `base` replicas. */
void hybrid_cost(const hybrid_inputs *in, const double x[24], int base,
                 hybrid_split *out);
/* The cheapest split over base = 0 … peak_replicas (ties: fewer base
 * replicas).  Returns false when the inputs give no replicas to size
 * (capacity <= 0). */
bool hybrid_best(const hybrid_inputs *in, const double x[24],
                 hybrid_split *best);

/* Price the owned, spot and hybrid options, the energy block and the TCO
 * horizon (tco_own.c).  model_eval calls it after model_fleet, whose
 * sizing of every option's replicas it reuses. */
void model_own(const scenario *s, results *r);

#endif
