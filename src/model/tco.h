/* tco.h — tco.c's offer to fleet.c: the API's price per request,
 * break-even, and one [option.*] priced (a new option kind is one more case
 * in tco_option). */
#ifndef INFERTUI_MODEL_TCO_H
#define INFERTUI_MODEL_TCO_H

#include "model/capacity.h"

/* the API's $ per request: pricing.api_*, else the first API option's */
double tco_api_per_request(const scenario *s, const region_set *rs);
/* The smallest requests/day at which the API's annual bill reaches the
 * self-hosted fleet's annual cost (reserved basis), the fleet sized for
 * that volume; 0 ("never") when the API is cheaper per request than a
 * fully loaded fleet. */
double tco_break_even(const region_set *rs, double replica_usd_h,
                      double r_slo, double r_max, double api_per_req);
/* One option, priced in every region of rs (zeroed, then filled); its
 * replica shapes come from set, shared with the rest of the evaluation. */
void tco_option(shape_set *set, const option *op, const region_set *rs,
                option_result *or);

/* Each option's meets (fit, SLOs and availability) once every kind is
 * priced (after model_own). */
void tco_meets(results *r);

#endif
