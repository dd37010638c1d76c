/* headline.c — the figures every answer table carries (sweep, compare,
 * sensitivity), named as in the report's JSON/CSV where the report has
 * them.  A figure that does not exist for a scenario (no fleet when the
 * model does not fit, no SLO batch when none meets the SLOs, break-even
 * "never") is NAN: written as null / empty, never as 0. */
#include <math.h>

#include "answers/answers.h"

static bool served(const results *r) { return r->fits && r->batch > 0; }
static double fleet_only(const results *r, double v) { return served(r) ? v : NAN; }

double answers_fleet_usd_per_1m(const scenario *s, const results *r)
{
	double tokens_month = s->requests_per_day * (s->input_tokens + s->output_tokens)
	                      * s->hours_per_month / 24.0;
	return served(r) && tokens_month > 0 ? r->monthly_usd / tokens_month * 1e6 : NAN;
}

static bool avail_ok(const scenario *s, const results *r)
{
	return served(r) && (!(s->availability > 0) || r->availability >= s->availability);
}

bool answers_meets(const scenario *s, const results *r)
{
	return served(r) && r->ttft_ok && r->tpot_ok && r->e2e_ok && avail_ok(s, r);
}

static long fleet_gpus(const results *r)
{
	long n = 0;
	for (int i = 0; i < r->n_regions; i++)
		n += r->regions[i].gpus;
	return n;
}

static double h_fits(const scenario *s, const results *r) { (void)s; return served(r); }
static double h_batch(const scenario *s, const results *r) { (void)s; return served(r) ? r->batch : NAN; }
/* the batch the fleet is priced at (the report's operating_point.batch),
 * which every other figure here describes; memory.batch is the max-batch
 * point the KV memory allows */
static double h_op_batch(const scenario *s, const results *r) { (void)s; return served(r) && r->op.batch > 0 ? r->op.batch : NAN; }
static double h_slo_batch(const scenario *s, const results *r) { (void)s; return r->slo_batch > 0 ? r->slo_batch : NAN; }
static double h_ttft(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->ttft_p95_s); }
/* the replica's own figures too: model_eval computes them at batch 1 "as
 * if it fitted" (the report says so beside them); a table row of a
 * scenario that does not fit says "does not fit", not a TPOT it cannot
 * have */
static double h_tpot(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->tpot_s); }
static double h_e2e(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->e2e_p95_s); }
static double h_rps(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->requests_per_s); }
static double h_slo_rps(const scenario *s, const results *r) { (void)s; return r->slo_requests_per_s > 0 ? r->slo_requests_per_s : NAN; }
static double h_replicas(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->replicas_total); }
static double h_gpus(const scenario *s, const results *r) { (void)s; return fleet_only(r, (double)fleet_gpus(r)); }
static double h_avail(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->availability); }
static double h_ttft_ok(const scenario *s, const results *r) { (void)s; return r->ttft_ok; }
static double h_tpot_ok(const scenario *s, const results *r) { (void)s; return r->tpot_ok; }
static double h_e2e_ok(const scenario *s, const results *r) { (void)s; return r->e2e_ok; }
static double h_avail_ok(const scenario *s, const results *r) { return avail_ok(s, r); }
static double h_meets(const scenario *s, const results *r) { return answers_meets(s, r); }
static double h_month(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->monthly_usd); }
static double h_reserved(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->monthly_reserved_usd); }
static double h_annual(const scenario *s, const results *r) { (void)s; return fleet_only(r, r->annual_usd); }
static double h_per_m(const scenario *s, const results *r) { return answers_fleet_usd_per_1m(s, r); }
static double h_replica_per_m(const scenario *s, const results *r) { (void)s; return served(r) && r->usd_per_1m_tokens > 0 ? r->usd_per_1m_tokens : NAN; }
static double h_api_day(const scenario *s, const results *r) { (void)s; return r->api_daily_usd > 0 ? r->api_daily_usd : NAN; }
static double h_break_even(const scenario *s, const results *r) { (void)s; return r->break_even_requests_per_day > 0 ? r->break_even_requests_per_day : NAN; }

static const headline table[] = {
	{ "memory.fits", "fits", 2, h_fits },
	{ "operating_point.batch", "batch", 1, h_op_batch },
	{ "memory.batch", "max batch (KV)", 1, h_batch },
	{ "slo.capacity_batch", "SLO batch", 1, h_slo_batch },
	{ "latency.ttft_p95_s", "TTFT p95 s", 0, h_ttft },
	{ "latency.tpot_s", "TPOT s", 0, h_tpot },
	{ "latency.e2e_p95_s", "E2E p95 s", 0, h_e2e },
	{ "throughput.requests_per_s", "req/s per replica", 0, h_rps },
	{ "slo.capacity_requests_per_s", "req/s within SLOs", 0, h_slo_rps },
	{ "fleet.replicas_total", "replicas", 1, h_replicas },
	{ "fleet.gpus", "GPUs", 1, h_gpus },
	{ "fleet.availability", "availability", 0, h_avail },
	{ "slo.ttft_ok", "TTFT ok", 2, h_ttft_ok },
	{ "slo.tpot_ok", "TPOT ok", 2, h_tpot_ok },
	{ "slo.e2e_ok", "E2E ok", 2, h_e2e_ok },
	{ "slo.availability_ok", "availability ok", 2, h_avail_ok },
	{ "slo.met", "all met", 2, h_meets },
	{ "tco.monthly_usd", "$/month", 0, h_month },
	{ "tco.monthly_reserved_usd", "$/month reserved", 0, h_reserved },
	{ "tco.annual_usd", "$/year", 0, h_annual },
	{ "cost.fleet_usd_per_1m_tokens", "$/1M tokens (fleet)", 0, h_per_m },
	{ "cost.usd_per_1m_tokens", "$/1M tokens (replica)", 0, h_replica_per_m },
	{ "api.daily_usd", "API $/day", 0, h_api_day },
	{ "api.break_even_requests_per_day", "break-even req/day", 0, h_break_even },
};

size_t headline_count(void) { return sizeof table / sizeof table[0]; }
const headline *headline_at(size_t i) { return i < headline_count() ? &table[i] : NULL; }
