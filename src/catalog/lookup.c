/* lookup.c — the catalog's API: listing, look-up by id (case-insensitive),
 * user entries shadowing built-ins, and regional instance prices. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "catalog_impl.h"

_Static_assert(offsetof(model_spec, id) == 0 && offsetof(gpu_spec, id) == 0
               && offsetof(instance_spec, id) == 0, "catalog rows start with their id");

static const char *row_id(const void *rows, size_t stride, size_t i)
{
	return (const char *)rows + i * stride;
}

/* Index of the row with this id (case-insensitive), or -1. */
static long row_find(const void *rows, size_t n, size_t stride, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(row_id(rows, stride, i), id) == 0)
			return (long)i;
	return -1;
}

static bool shadows_builtin(const catalog_table *t, size_t u)
{
	return row_find(t->builtin, t->n_builtin, t->stride, row_id(t->user, t->stride, u)) >= 0;
}

/* Listing order: the built-ins (each replaced in place by a user row of the
 * same id), then the user rows with new ids, in order of addition. */
static size_t table_count(const catalog_table *t)
{
	size_t n = t->n_builtin;
	for (size_t u = 0; u < t->n_user; u++)
		if (!shadows_builtin(t, u))
			n++;
	return n;
}

static const void *table_at(const catalog_table *t, size_t i)
{
	if (i < t->n_builtin) {
		const void *row = row_id(t->builtin, t->stride, i);
		long u = row_find(t->user, t->n_user, t->stride, row);
		return u >= 0 ? row_id(t->user, t->stride, (size_t)u) : row;
	}
	i -= t->n_builtin;
	for (size_t u = 0; u < t->n_user; u++) {
		if (shadows_builtin(t, u))
			continue;
		if (i-- == 0)
			return row_id(t->user, t->stride, u);
	}
	return NULL;
}

static const void *table_lookup(const catalog_table *t, const char *id)
{
	if (!id)
		return NULL;
	long u = row_find(t->user, t->n_user, t->stride, id);
	if (u >= 0)
		return row_id(t->user, t->stride, (size_t)u);
	long b = row_find(t->builtin, t->n_builtin, t->stride, id);
	return b >= 0 ? row_id(t->builtin, t->stride, (size_t)b) : NULL;
}

/* Add or replace a user row: 0, or -1 when full or the id is empty or
 * unterminated. */
static int table_add(catalog_table *t, const void *row)
{
	const char *id = row;
	if (!row || !id[0] || !memchr(id, '\0', ID_MAX))
		return -1;
	long u = row_find(t->user, t->n_user, t->stride, id);
	if (u < 0) {
		if (t->n_user >= CATALOG_USER_MAX)
			return -1;
		u = (long)t->n_user++;
	}
	memcpy((char *)t->user + (size_t)u * t->stride, row, t->stride);
	return 0;
}

static void table_reset(catalog_table *t)
{
	memset(t->user, 0, CATALOG_USER_MAX * t->stride);
	t->n_user = 0;
}
/* ------------------------------------------------------------ the API */

size_t catalog_model_count(void) { return table_count(&catalog_models); }
const model_spec *catalog_model_at(size_t i) { return table_at(&catalog_models, i); }
const model_spec *catalog_model(const char *id) { return table_lookup(&catalog_models, id); }

size_t catalog_gpu_count(void) { return table_count(&catalog_gpus); }
const gpu_spec *catalog_gpu_at(size_t i) { return table_at(&catalog_gpus, i); }
const gpu_spec *catalog_gpu(const char *id) { return table_lookup(&catalog_gpus, id); }

char *catalog_fmt_memory(char *b, size_t n, double bytes)
{
	double gib = bytes / 1073741824.0;
	if (gib >= 1 && fabs(gib - round(gib)) < 1e-9 * gib)
		snprintf(b, n, "%.4g GB (%.0f GiB)", bytes / 1e9, gib);
	else
		snprintf(b, n, "%.4g GB", bytes / 1e9);
	return b;
}

size_t catalog_instance_count(void) { return table_count(&catalog_instances); }
const instance_spec *catalog_instance_at(size_t i) { return table_at(&catalog_instances, i); }
const instance_spec *catalog_instance(const char *id) { return table_lookup(&catalog_instances, id); }

int catalog_add_model(const model_spec *m) { return table_add(&catalog_models, m); }
int catalog_add_gpu(const gpu_spec *g) { return table_add(&catalog_gpus, g); }

void catalog_reset_user(void)
{
	table_reset(&catalog_models);
	table_reset(&catalog_gpus);
}

double catalog_instance_price(const instance_spec *in, const char *region_id, int *known)
{
	if (known)
		*known = 0;
	if (!in)
		return 0;
	if (region_id && region_id[0]) {
		int n = in->n_prices < MAX_INSTANCE_PRICES ? in->n_prices : MAX_INSTANCE_PRICES;
		for (int i = 0; i < n; i++) {
			if (strcasecmp(in->prices[i].region, region_id) == 0) {
				if (known)
					*known = 1;
				return in->prices[i].usd_per_hour;
			}
		}
	}
	return in->usd_per_hour;
}

double catalog_assumed_mbu_half_bytes(double bandwidth, double mbu)
{
	return H100_LAYER_S * bandwidth * mbu;
}

double catalog_assumed_mfu_half_hidden(void)
{
	return H100_MFU_HALF_HIDDEN;
}
