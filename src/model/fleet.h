/* fleet.h — §6–7 of model.md: load, queueing, SLOs, fleet, cost and TCO.
 * Part of the math module (pure: no I/O, no globals, no allocation). */
#ifndef INFERTUI_FLEET_H
#define INFERTUI_FLEET_H

#include "model/model.h"

/* Called by model_eval() once every replica-level field of *r is filled
 * (queue_s = 0, ttft_s = t_req + prefill, e2e from it).  Adds queueing to
 * TTFT (mean and p95), checks the SLOs, finds the SLO capacity, sizes the
 * fleet per region, and fills cost, TCO, options and API fields.  A model
 * that does not fit (r->batch == 0) gets no fleet: 0 replicas, $0, SLO
 * flags false and a note.  (model_eval itself calls model_fleet_hw,
 * which reuses its replica set-up; this entry point sets the replica up
 * again.) */
void model_fleet(const scenario *s, results *r);
/* model_fleet() on the replica shapes model_eval has set up (capacity.h),
 * the scenario's own searched already. */
struct shape_set;
void model_fleet_shapes(const scenario *s, results *r, struct shape_set *set);

/* --- the pieces, exported for tests and the TUI (added by fleet) --- */

/* M/D/1 mean waiting time in queue: rho/(2(1-rho))·service_s, where
 * service_s = 1/R_max is the time one request occupies a replica's
 * throughput (continuous batching as one fluid server).  0 for rho <= 0;
 * for rho >= 1 (unstable) returns -1. */
double fleet_md1_wait(double rho, double service_s);
/* Its p95: P(W > t) ~ rho·exp(-rho·t/E[W]) (P(W>0) = rho exactly, the wait
 * of a delayed request taken exponential with mean E[W]/rho), so
 * t95 = service_s/(2(1-rho))·ln(20·rho), 0 when rho <= 0.05; -1 if rho >= 1. */
double fleet_md1_wait_p95(double rho, double service_s);
/* The largest load rho < 1 at which fleet_md1_wait_p95(rho, service_s) <=
 * slack_s (0 when slack_s <= 0). */
double fleet_max_rho(double slack_s, double service_s);

/* Which SLOs fail (bits). */
enum { SLO_TTFT = 1, SLO_TPOT = 2, SLO_E2E = 4 };

/* The SLO capacity of one replica on gpu x gpus: the largest arrival rate at
 * which TTFT p95, TPOT and E2E (p95 queueing) all hold, over batch sizes
 * 1..bmax.  When none holds, failing tells which SLOs fail at batch 1 with no
 * queue (the best case) and *_s give those best-case figures. */
typedef struct {
	double requests_per_s;     /* 0: no batch size meets the SLOs */
	int batch;                 /* the batch size that achieves it */
	double rho;                /* the replica's load at that point */
	unsigned failing;          /* SLO_* bits, when requests_per_s == 0 */
	double best_ttft_s, best_tpot_s, best_e2e_s;  /* batch 1, no queue */
	int evaluations;           /* batch sizes evaluated (model_perf_at) */
	double batch_requests_per_s;  /* R_max at `batch` (added: fix helper) */
} fleet_capacity;
void fleet_slo_capacity(const scenario *s, const gpu_spec *gpu, int gpus,
                        const model_params *p, int bmax, fleet_capacity *c);

/* Probability that at least k of n replicas are up, each up with
 * probability a, independently (binomial tail). */
double fleet_availability(int n, int k, double a);

#endif
