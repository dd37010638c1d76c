/* set.h — --set KEY=VALUE: one assignment of a dotted key (a parameter,
 * fleet.regions, region.NAME.KEY or option.NAME.KEY) to a scenario.
 */
#ifndef INFERTUI_CONFIG_SET_H
#define INFERTUI_CONFIG_SET_H

#include "config/ini.h"
#include "scenario.h"

/* --set KEY=VALUE: 0, or -1 with one message in *d; *s is unchanged on
 * error. */
int config_apply_set(scenario *s, const char *assignment, diag *d);
/* Several in order, the checks across keys (region shares summing to 1,
 * kv_heads against heads, ...) after the last: what main does with every
 * --set of the command line. */
int config_apply_sets(scenario *s, const char *const *sets, int n, diag *d);

#endif
