/* loader.c — reading one entry's value into the scenario being loaded
 * (numbers, text, catalog ids, parameters), with FILE:LINE messages. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "config/loader.h"
#include "text.h"

/* bounded copy, the rest of dst zeroed (deterministic bytes for memcmp) */
void config_copy_str(char *dst, const char *src, size_t len)
{
	size_t n = strnlen(src, len - 1);
	memcpy(dst, src, n);
	memset(dst + n, 0, len - n);
}

const model_spec *loader_find_model(const loader *L, const char *id)
{
	for (int i = L->n_models - 1; i >= 0; i--)
		if (strcmp(L->models[i].id, id) == 0)
			return &L->models[i];
	return catalog_model(id);
}

const gpu_spec *loader_find_gpu(const loader *L, const char *id)
{
	for (int i = L->n_gpus - 1; i >= 0; i--)
		if (strcmp(L->gpus[i].id, id) == 0)
			return &L->gpus[i];
	return catalog_gpu(id);
}

bool config_valid_id(const char *s)
{
	if (!*s || strlen(s) >= ID_MAX)
		return false;
	for (; *s; s++)
		if (!config_name_char((unsigned char)*s, true))
			return false;
	return true;
}

/* A model/gpu id from the file: pending user entries first. */
static int apply_catalog_id(loader *L, const config_entry *e, const param *p,
                            const char *val)
{
	char id[ID_MAX + 8];
	snprintf(id, sizeof id, "%s", val);
	config_lower(id);
	if (p->type == PT_MODEL) {
		const model_spec *m = strlen(val) < ID_MAX ? loader_find_model(L, id) : NULL;
		if (m) {
			L->s->model = *m;
			return 0;
		}
	} else {
		const gpu_spec *g = strlen(val) < ID_MAX ? loader_find_gpu(L, id) : NULL;
		if (g) {
			L->s->gpu = *g;
			return 0;
		}
	}
	char err[DIAG_LEN];
	(void)params_set_text(L->s, p, val, err, sizeof err);   /* the message */
	BAD("%s:%d: [%s] %s: %s", AT(e), err);
	return -1;
}

int loader_apply_param(loader *L, const config_entry *e, const param *p)
{
	if (p->type == PT_MODEL || p->type == PT_GPU)
		return apply_catalog_id(L, e, p, e->value);
	char err[DIAG_LEN];
	if (params_set_text(L->s, p, e->value, err, sizeof err) != 0) {
		BAD("%s:%d: [%s] %s: %s", AT(e), err);
		return -1;
	}
	return 0;
}

int loader_parse_num(loader *L, const config_entry *e, double lo, double hi,
                     bool whole, double *out)
{
	double v;
	char a[32], b[32];
	params_format_exact(a, sizeof a, lo, 1);
	params_format_exact(b, sizeof b, hi, 1);
	if (!e->value[0]) {
		BAD("%s:%d: [%s] %s: value is empty (allowed: %s to %s)", AT(e), a, b);
		return -1;
	}
	int rc = params_parse_number(e->value, &v);
	if (rc == -1) {
		BAD("%s:%d: [%s] %s: value '%.60s' is not a number (allowed: %s to %s)",
		    AT(e), e->value, a, b);
		return -1;
	}
	if (rc == -2 || v < lo || v > hi) {
		BAD("%s:%d: [%s] %s: value '%.60s' out of range (allowed: %s to %s)",
		    AT(e), e->value, a, b);
		return -1;
	}
	if (whole && v != floor(v)) {
		BAD("%s:%d: [%s] %s: value '%.60s' is not a whole number (allowed: %s to %s)",
		    AT(e), e->value, a, b);
		return -1;
	}
	*out = v;
	return 0;
}

int loader_parse_text(loader *L, const config_entry *e, char *dst, size_t len)
{
	if (strlen(e->value) >= len) {
		BAD("%s:%d: [%s] %s: text too long (at most %zu characters)", AT(e), len - 1);
		return -1;
	}
	/* what is kept must save and load back: files are checked when read,
	 * --set values here */
	if (!text_is_clean(e->value)) {
		BAD("%s:%d: [%s] %s: not UTF-8 text, or a control character (allowed: "
		    "UTF-8 text without control characters)", AT(e));
		return -1;
	}
	config_copy_str(dst, e->value, len);
	return 0;
}

void loader_unknown_key(loader *L, const config_entry *e, const char *const *keys)
{
	if (diag_full(L->d)) {
		BAD("%s", "");          /* counted only */
		return;
	}
	char allowed[400];
	size_t n = 0;
	while (keys[n])
		n++;
	diag_list(keys, n, allowed, sizeof allowed);
	const char *near = params_nearest(e->key, keys, n);
	if (near)
		BAD("%s:%d: [%s] %s: unknown key, did you mean '%s'? (allowed: %s)",
		    AT(e), near, allowed);
	else
		BAD("%s:%d: [%s] %s: unknown key (allowed: %s)", AT(e), allowed);
}
