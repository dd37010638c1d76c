/* usercat.h — user catalog entries: [model.ID] and [gpu.ID] sections, read
 * by one handler (an id, an optional `base =`, then keys), added to the
 * catalog once the whole file is good, and remembered so that a saved
 * preset carries the entries it uses.
 */
#ifndef INFERTUI_CONFIG_USERCAT_H
#define INFERTUI_CONFIG_USERCAT_H

#include <stdbool.h>
#include <stddef.h>

#include "config/loader.h"

/* Read the [model.ID] or [gpu.ID] section that opens at hdr into L's
 * pending entries (problems into L). */
void usercat_load(loader *L, const config_ini *ini, const config_entry *hdr);
/* Add L's pending entries to the catalog: 0, or -1 (reported) when full. */
int usercat_commit(loader *L);
/* Whether an id was added by a preset or the user catalog file. */
bool usercat_is_user_model(const char *id);
bool usercat_is_user_gpu(const char *id);

/* The keys of a [gpu.ID] section that map to a parameter (tflops_* at the
 * precision prec, -1 = none), in the order a saved preset writes them. */
typedef struct { const char *key, *param; int prec; } usercat_gpu_key;
extern const usercat_gpu_key usercat_gpu_keys[];
extern const size_t usercat_n_gpu_keys;

#endif
