/* search_opts.c — the options of a search (--optimize, --search KEY=VALUE):
 * their defaults and the parser that checks each one whole and names what
 * is allowed.  The search itself is in search.c.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/answers.h"
#include "catalog.h"
#include "params.h"

void search_opts_defaults(search_opts *o)
{
	memset(o, 0, sizeof *o);
	o->instances = true;
	o->max_spares = 64;
	o->objective = OBJ_MONTHLY;
	o->top = 5;
}

/* ---- --search KEY=VALUE -------------------------------------------------- */

static int prec_of(const char *w)
{
	static const char *const n[PREC_COUNT] = {
		"fp32", "bf16", "fp16", "fp8", "int8", "int4"
	};
	for (int i = 0; i < PREC_COUNT; i++)
		if (!strcmp(w, n[i]))
			return i;
	return -1;
}

/* split a comma list into words (in place); returns the count or -1 */
static int words(char *v, char **w, int max)
{
	int n = 0;
	for (char *t = strtok(v, ","); t; t = strtok(NULL, ",")) {
		while (isspace((unsigned char)*t))
			t++;
		size_t l = strlen(t);
		while (l > 0 && isspace((unsigned char)t[l - 1]))
			t[--l] = '\0';
		if (!*t || n >= max)
			return -1;
		w[n++] = t;
	}
	return n > 0 ? n : -1;
}

static int whole(const char *w, long lo, long hi, long *out)
{
	double v;
	if (params_parse_number(w, &v) != 0 || v != floor(v) || v < lo || v > hi)
		return -1;
	*out = (long)v;
	return 0;
}

#define BAD(...) do { snprintf(err, errlen, __VA_ARGS__); return -1; } while (0)

int search_opts_set(search_opts *o, const char *assignment, char *err,
                    size_t errlen)
{
	static const char *const keys[] = {
		"accelerators", "gpus_per_replica", "weights", "kv_cache",
		"batching", "max_batch", "speculative", "instances", "spares",
		"max_gpus", "max_usd_month", "region", "objective", "top", NULL
	};
	char buf[1024], *w[SEARCH_MAX_GPU_IDS];
	const char *eq = strchr(assignment, '=');
	size_t kl;
	int n;
	long x;

	if (!eq || eq == assignment)
		BAD("--search '%s': expected KEY=VALUE (keys: accelerators, "
		    "gpus_per_replica, weights, kv_cache, batching, max_batch, "
		    "speculative, instances, spares, max_gpus, max_usd_month, "
		    "region, objective, top)", assignment);
	kl = (size_t)(eq - assignment);
	if (strlen(eq + 1) >= sizeof buf || kl >= 32)
		BAD("--search '%.40s...': too long", assignment);
	char key[32];
	memcpy(key, assignment, kl);
	key[kl] = '\0';
	snprintf(buf, sizeof buf, "%s", eq + 1);
	const char *val = eq + 1;

	if (!strcmp(key, "accelerators")) {
		if (!strcmp(val, "all")) {
			o->n_gpu_ids = 0;
			return 0;
		}
		if ((n = words(buf, w, SEARCH_MAX_GPU_IDS)) < 0)
			BAD("--search accelerators: bad list '%s' (allowed: all, or "
			    "up to %d accelerator ids separated by commas)", val,
			    SEARCH_MAX_GPU_IDS);
		for (int i = 0; i < n; i++) {
			for (char *c = w[i]; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			size_t l = strlen(w[i]);
			if (l >= ID_MAX || !catalog_gpu(w[i]))
				BAD("--search accelerators: unknown accelerator '%.60s' "
				    "(see --list-gpus)", w[i]);
			memcpy(o->gpu_ids[i], w[i], l + 1);
		}
		o->n_gpu_ids = n;
		return 0;
	}
	if (!strcmp(key, "gpus_per_replica") || !strcmp(key, "max_batch")) {
		bool tp = key[0] == 'g';
		int *dst = tp ? o->tp : o->max_batch;
		long hi = tp ? 4096 : 65536;
		if ((n = words(buf, w, SEARCH_MAX_LIST)) < 0)
			BAD("--search %s: bad list '%s' (allowed: up to %d whole "
			    "numbers from 1 to %ld, separated by commas)", key, val,
			    SEARCH_MAX_LIST, hi);
		for (int i = 0; i < n; i++) {
			if (whole(w[i], 1, hi, &x) != 0)
				BAD("--search %s: bad value '%s' (allowed: whole "
				    "numbers from 1 to %ld)", key, w[i], hi);
			dst[i] = (int)x;
		}
		/* ascending, no repeats: the bisection over max_batch needs it */
		for (int i = 1; i < n; i++)
			for (int j = i; j > 0 && dst[j - 1] > dst[j]; j--) {
				int t = dst[j]; dst[j] = dst[j - 1]; dst[j - 1] = t;
			}
		int m = 0;
		for (int i = 0; i < n; i++)
			if (m == 0 || dst[m - 1] != dst[i])
				dst[m++] = dst[i];
		if (tp) o->n_tp = m; else o->n_max_batch = m;
		return 0;
	}
	if (!strcmp(key, "weights") || !strcmp(key, "kv_cache")) {
		bool wt = key[0] == 'w';
		int *dst = wt ? o->weights : o->kv;
		if ((n = words(buf, w, PREC_COUNT)) < 0)
			BAD("--search %s: bad list '%s'", key, val);
		for (int i = 0; i < n; i++) {
			int p = prec_of(w[i]);
			if (p < 0 || (!wt && p != PREC_FP16 && p != PREC_BF16 &&
			              p != PREC_FP8 && p != PREC_INT8) ||
			    (wt && p == PREC_FP32))
				BAD("--search %s: bad value '%s' (allowed: %s)", key,
				    w[i], wt ? "bf16, fp16, fp8, int8, int4" :
				    "fp16, bf16, fp8, int8");
			dst[i] = p;
		}
		if (wt) o->n_weights = n; else o->n_kv = n;
		return 0;
	}
	if (!strcmp(key, "batching")) {
		if ((n = words(buf, w, 2)) < 0)
			BAD("--search batching: bad list '%s' (allowed: continuous, "
			    "static)", val);
		for (int i = 0; i < n; i++) {
			if (!strcmp(w[i], "continuous")) o->batching[i] = BATCH_CONTINUOUS;
			else if (!strcmp(w[i], "static")) o->batching[i] = BATCH_STATIC;
			else BAD("--search batching: bad value '%s' (allowed: "
			         "continuous, static)", w[i]);
		}
		o->n_batching = n;
		return 0;
	}
	if (!strcmp(key, "speculative")) {
		if ((n = words(buf, w, 2)) < 0)
			BAD("--search speculative: bad list '%s' (allowed: off, on)", val);
		for (int i = 0; i < n; i++) {
			if (!strcmp(w[i], "off")) o->spec[i] = 0;
			else if (!strcmp(w[i], "on")) o->spec[i] = 1;
			else BAD("--search speculative: bad value '%s' (allowed: off, "
			         "on)", w[i]);
		}
		o->n_spec = n;
		return 0;
	}
	if (!strcmp(key, "instances")) {
		if (!strcmp(val, "yes")) o->instances = true;
		else if (!strcmp(val, "no")) o->instances = false;
		else BAD("--search instances: bad value '%s' (allowed: yes, no)", val);
		return 0;
	}
	if (!strcmp(key, "spares") || !strcmp(key, "max_gpus") ||
	    !strcmp(key, "top")) {
		long lo = key[0] == 't' ? 1 : 0;
		long hi = key[0] == 's' ? 1000 : key[0] == 't' ? SEARCH_TOP_MAX : 100000000;
		if (whole(val, lo, hi, &x) != 0)
			BAD("--search %s: bad value '%s' (allowed: whole numbers from "
			    "%ld to %ld%s)", key, val, lo, hi,
			    key[0] == 'm' ? "; 0 = no cap" : "");
		if (key[0] == 's') o->max_spares = (int)x;
		else if (key[0] == 't') o->top = (int)x;
		else o->max_gpus = x;
		return 0;
	}
	if (!strcmp(key, "max_usd_month")) {
		double v;
		if (params_parse_number(val, &v) != 0 || v < 0 || v > 1e15)
			BAD("--search max_usd_month: bad value '%s' (allowed: 0 to "
			    "1e15 dollars; 0 = no cap)", val);
		o->max_usd_month = v;
		return 0;
	}
	if (!strcmp(key, "region")) {
		bool known = false;
		for (size_t i = 0; i < catalog_instance_count() && !known; i++) {
			const instance_spec *in = catalog_instance_at(i);
			for (int j = 0; j < in->n_prices; j++)
				if (!strcmp(in->prices[j].region, val))
					known = true;
		}
		if (!known || strlen(val) >= ID_MAX)
			BAD("--search region: no catalog instance is priced in '%s' "
			    "(allowed: a cloud region the catalog prices, e.g. "
			    "us-east-1)", val);
		snprintf(o->region, ID_MAX, "%s", val);
		return 0;
	}
	if (!strcmp(key, "objective")) {
		if (!strcmp(val, "monthly")) o->objective = OBJ_MONTHLY;
		else if (!strcmp(val, "reserved")) o->objective = OBJ_RESERVED;
		else if (!strcmp(val, "tokens")) o->objective = OBJ_TOKENS;
		else BAD("--search objective: bad value '%s' (allowed: monthly, "
		         "reserved, tokens)", val);
		return 0;
	}
	const char *near = params_nearest(key, keys, sizeof keys / sizeof keys[0] - 1);
	BAD("--search: unknown key '%s'%s%s%s (keys: accelerators, "
	    "gpus_per_replica, weights, kv_cache, batching, max_batch, "
	    "speculative, instances, spares, max_gpus, max_usd_month, region, "
	    "objective, top)", key, near ? " (did you mean '" : "",
	    near ? near : "", near ? "'?)" : "");
}

