/* fleet.h — §6–7 of model.md: load, queueing, SLOs, fleet, cost and TCO.
 * Part of the math module (pure: no I/O, no globals, no allocation). */
#ifndef INFERTUI_FLEET_H
#define INFERTUI_FLEET_H

#include "model/model.h"

/* Called by model_eval() once every replica-level field of *r is filled
 * (queue_s = 0, ttft_s = t_req + prefill, e2e from it).  Adds queueing to
 * TTFT (mean and p95), checks the SLOs, finds the SLO capacity, sizes the
 * fleet per region, and fills cost, TCO, options and API fields. */
void model_fleet(const scenario *s, results *r);

#endif
