/* loader.h — the state of one file being applied to a scenario, and reading
 * one entry's value into it with a FILE:LINE message on a bad value.  Shared
 * by preset.c, usercat.c and set.c; private to src/config/.
 */
#ifndef INFERTUI_CONFIG_LOADER_H
#define INFERTUI_CONFIG_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "config/ini.h"
#include "params.h"
#include "scenario.h"

#define MAX_USER_ENTRIES 32

typedef struct {
	const char *path;
	diag *d;
	int errs;
	scenario *s;                    /* the working copy */
	int n_models, n_gpus;           /* user entries read, not yet committed */
	model_spec models[MAX_USER_ENTRIES];
	gpu_spec gpus[MAX_USER_ENTRIES];
} loader;

/* "FILE:LINE: [section] key" of an entry, and a problem counted in L->errs */
#define AT(e) L->path, (e)->line, (e)->section, (e)->key
#define BAD(...) do { diag_add(L->d, __VA_ARGS__); L->errs++; } while (0)

/* bounded copy, the rest of dst zeroed (deterministic bytes for memcmp) */
void config_copy_str(char *dst, const char *src, size_t len);
/* a catalog id, region or option name: a-z 0-9 . _ -, shorter than ID_MAX */
bool config_valid_id(const char *s);

/* A model/accelerator id: the file's pending user entries first. */
const model_spec *loader_find_model(const loader *L, const char *id);
const gpu_spec *loader_find_gpu(const loader *L, const char *id);

/* Each: 0, or -1 with the problem reported at e. */
int loader_apply_param(loader *L, const config_entry *e, const param *p);
int loader_parse_num(loader *L, const config_entry *e, double lo, double hi,
                     bool whole, double *out);
int loader_parse_text(loader *L, const config_entry *e, char *dst, size_t len);
/* "unknown key, did you mean ...? (allowed: keys)" at e */
void loader_unknown_key(loader *L, const config_entry *e, const char *const *keys);

#endif
