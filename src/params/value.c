/* value.c — reading and writing one parameter's value in a scenario: parsing
 * and formatting text, sliders and steps, defaults and their provenance,
 * the checks across keys, and the default scenario. */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"
#include "params.h"

/* ---- where a value lives ---- */

int params_compute_prec(const scenario *s)
{
	if (s->compute != PREC_AUTO && s->compute >= 0 && s->compute < PREC_COUNT)
		return s->compute;
	/* scenario.h: AUTO is fp8 for fp8 weights, otherwise bf16 */
	return s->weights == PREC_FP8 ? PREC_FP8 : PREC_BF16;
}

static size_t field_offset(const scenario *s, const param *p)
{
	if (p->flags & PF_COMPUTE_FLOPS)
		return p->offset + (size_t)params_compute_prec(s) * sizeof(double);
	return p->offset;
}

static void *field(scenario *s, const param *p)
{
	return (char *)s + field_offset(s, p);
}

static const void *cfield(const scenario *s, const param *p)
{
	return (const char *)s + field_offset(s, p);
}

/* stored value (SI; choice: the enum value) */
static double raw_get(const scenario *s, const param *p)
{
	const void *f = cfield(s, p);
	switch (p->type) {
	case PT_INT: case PT_CHOICE: return *(const int *)f;
	case PT_REAL: return *(const double *)f;
	case PT_BOOL: return *(const bool *)f ? 1 : 0;
	default: return 0;
	}
}

static int choice_index(const param *p, int v)
{
	for (size_t i = 0; p->choices[i]; i++)
		if ((p->choice_values ? p->choice_values[i] : (int)i) == v)
			return (int)i;
	return -1;
}

static int choice_value(const param *p, size_t i)
{
	return p->choice_values ? p->choice_values[i] : (int)i;
}

/* ---- numbers ---- */

/* "%.10g" without the "e+" noise: 1e+13 -> 1e13.  Re-parseable. */
static void fmt_num(char *buf, size_t len, double v)
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%.10g", v);
	char *e = strstr(tmp, "e+");
	if (e)
		memmove(e + 1, e + 2, strlen(e + 2) + 1);
	snprintf(buf, len, "%s", tmp);
}

/* Strict decimal: [+-]?(digits[.digits]|.digits)([eE][+-]?digits)?  */
static bool is_decimal(const char *t)
{
	const char *c = t;
	bool digits = false;
	if (*c == '+' || *c == '-')
		c++;
	while (isdigit((unsigned char)*c)) {
		c++;
		digits = true;
	}
	if (*c == '.') {
		c++;
		while (isdigit((unsigned char)*c)) {
			c++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*c == 'e' || *c == 'E') {
		c++;
		if (*c == '+' || *c == '-')
			c++;
		if (!isdigit((unsigned char)*c))
			return false;
		while (isdigit((unsigned char)*c))
			c++;
	}
	return *c == '\0';
}

int params_parse_number(const char *text, double *out)
{
	if (!is_decimal(text))
		return -1;
	errno = 0;
	char *end;
	double v = strtod(text, &end);
	if (*end != '\0')
		return -1;
	if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL))
		return -2;
	if (!isfinite(v))
		return -2;
	if (errno == ERANGE)   /* underflow: a denormal or zero, say what it is */
		v = 0;
	*out = v;
	return 0;
}

static void range_text(const param *p, char *buf, size_t len)
{
	char a[32], b[32];
	fmt_num(a, sizeof a, p->min);
	fmt_num(b, sizeof b, p->max);
	snprintf(buf, len, "%s to %s", a, b);
}

static void choices_text(const param *p, char *buf, size_t len)
{
	size_t n = params_choice_count(p), o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && o + 1 < len; i++) {
		int w = snprintf(buf + o, len - o, "%s%s", i ? ", " : "",
		                 params_choice_name(p, i));
		if (w < 0)
			break;
		o += (size_t)w;
		if (o >= len) {
			o = len - 1;
			break;
		}
	}
}

static void trim_copy(char *dst, size_t len, const char *src)
{
	while (isspace((unsigned char)*src))
		src++;
	size_t n = strlen(src);
	while (n > 0 && isspace((unsigned char)src[n - 1]))
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int parse_bool(const char *t, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };
	for (int i = 0; i < 4; i++) {
		if (strcasecmp(t, yes[i]) == 0) { *out = true; return 0; }
		if (strcasecmp(t, no[i]) == 0) { *out = false; return 0; }
	}
	return -1;
}

static void store(scenario *s, const param *p, double user)
{
	void *f = field(s, p);
	switch (p->type) {
	case PT_INT: *(int *)f = (int)llround(user); break;
	case PT_REAL: *(double *)f = user * p->scale; break;
	case PT_BOOL: *(bool *)f = user != 0; break;
	case PT_CHOICE: {
		long i = lround(user);
		size_t n = params_choice_count(p);
		if (i < 0) i = 0;
		if ((size_t)i >= n) i = (long)n - 1;
		*(int *)f = choice_value(p, (size_t)i);
		break;
	}
	default: break;
	}
}

int params_set_text(scenario *s, const param *p, const char *text,
                    char *err, size_t errlen)
{
	char t[256], allowed[1200];
	if (!s || !p || !text) {
		snprintf(err, errlen, "no value");
		return -1;
	}
	/* checked whole: a value is never cut before it is read */
	const char *lead = text;
	while (isspace((unsigned char)*lead))
		lead++;
	size_t raw = strlen(lead);
	while (raw && isspace((unsigned char)lead[raw - 1]))
		raw--;
	if (raw >= sizeof t) {
		snprintf(err, errlen, "value too long, %zu characters (allowed: at most %zu)",
		         raw, sizeof t - 1);
		return -1;
	}
	trim_copy(t, sizeof t, text);
	/* print the value as the user wrote it, but never a whole novel */
	char shown[64];
	size_t tl = strlen(t);
	if (tl > 60) {
		memcpy(shown, t, 56);
		memcpy(shown + 56, "...", 4);
	} else {
		memcpy(shown, t, tl + 1);
	}

	switch (p->type) {
	case PT_INT:
	case PT_REAL: {
		double v;
		range_text(p, allowed, sizeof allowed);
		if (t[0] == '\0') {
			snprintf(err, errlen, "value is empty (allowed: %s)", allowed);
			return -1;
		}
		int rc = params_parse_number(t, &v);
		if (rc == -1) {
			snprintf(err, errlen, "value '%s' is not a number (allowed: %s)",
			         shown, allowed);
			return -1;
		}
		if (rc == -2 || v < p->min || v > p->max) {
			snprintf(err, errlen, "value '%s' out of range (allowed: %s)",
			         shown, allowed);
			return -1;
		}
		if (p->type == PT_INT && v != floor(v)) {
			snprintf(err, errlen,
			         "value '%s' is not a whole number (allowed: %s)",
			         shown, allowed);
			return -1;
		}
		store(s, p, v);
		return 0;
	}
	case PT_BOOL: {
		bool b;
		if (parse_bool(t, &b) != 0) {
			snprintf(err, errlen, "value '%s' is not a boolean "
			         "(allowed: true, false, yes, no, on, off, 1, 0)", shown);
			return -1;
		}
		*(bool *)field(s, p) = b;
		return 0;
	}
	case PT_CHOICE:
		for (size_t i = 0; p->choices[i]; i++)
			if (strcasecmp(t, p->choices[i]) == 0) {
				*(int *)field(s, p) = choice_value(p, i);
				return 0;
			}
		choices_text(p, allowed, sizeof allowed);
		snprintf(err, errlen, "unknown choice '%s' (allowed: %s)", shown, allowed);
		return -1;
	case PT_MODEL:
	case PT_GPU: {
		char low[ID_MAX + 1];
		size_t n = strlen(t);
		if (n < sizeof low) {
			for (size_t i = 0; i <= n; i++)
				low[i] = (char)tolower((unsigned char)t[i]);
			if (p->type == PT_MODEL) {
				const model_spec *m = catalog_model(low);
				if (m) {
					s->model = *m;
					return 0;
				}
			} else {
				const gpu_spec *g = catalog_gpu(low);
				if (g) {
					s->gpu = *g;
					return 0;
				}
			}
		}
		size_t nc = params_choice_count(p);
		const char *names[256];
		if (nc > 256)
			nc = 256;
		for (size_t i = 0; i < nc; i++)
			names[i] = params_choice_name(p, i);
		const char *near = params_nearest(t, names, nc);
		choices_text(p, allowed, sizeof allowed);
		char dym[ID_MAX + 32] = "";
		if (near)
			snprintf(dym, sizeof dym, ", did you mean '%s'?", near);
		snprintf(err, errlen, "unknown %s '%s'%s (allowed: %s)",
		         p->type == PT_MODEL ? "model" : "accelerator", shown, dym,
		         allowed);
		return -1;
	}
	}
	snprintf(err, errlen, "internal: unknown parameter type");
	return -1;
}

/* The shortest decimal u such that parsing u and scaling gives back x
 * exactly, so that get_text -> set_text is the identity. */
void params_format_exact(char *buf, size_t len, double x, double scale)
{
	double u = scale == 1 ? x : x / scale;
	char tmp[64];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, u);
		double back = strtod(tmp, NULL);
		if ((scale == 1 ? back : back * scale) == x)
			goto done;
	}
	/* u·scale rounds off x: search the neighbours of u */
	double lo = u, hi = u;
	for (int k = 0; k < 64; k++) {
		lo = nextafter(lo, -INFINITY);
		hi = nextafter(hi, INFINITY);
		if (lo * scale == x) { u = lo; break; }
		if (hi * scale == x) { u = hi; break; }
	}
	snprintf(tmp, sizeof tmp, "%.17g", u);
done:;
	/* plain form for everyday magnitudes: 500, not 5e+02 */
	double a = fabs(strtod(tmp, NULL));
	if (strchr(tmp, 'e') && a >= 1e-4 && a < 1e7) {
		char alt[64];
		for (int dec = 0; dec <= 17; dec++) {
			snprintf(alt, sizeof alt, "%.*f", dec, strtod(tmp, NULL));
			if (strtod(alt, NULL) == strtod(tmp, NULL)) {
				memcpy(tmp, alt, sizeof alt);
				break;
			}
		}
	}
	char *e = strstr(tmp, "e+");
	if (e)
		memmove(e + 1, e + 2, strlen(e + 2) + 1);
	snprintf(buf, len, "%s", tmp);
}

void params_get_text(const scenario *s, const param *p, char *buf, size_t len)
{
	const void *f = cfield(s, p);
	switch (p->type) {
	case PT_INT: snprintf(buf, len, "%d", *(const int *)f); break;
	case PT_REAL: params_format_exact(buf, len, *(const double *)f, p->scale); break;
	case PT_BOOL: snprintf(buf, len, "%s", *(const bool *)f ? "true" : "false"); break;
	case PT_CHOICE: {
		int i = choice_index(p, *(const int *)f);
		snprintf(buf, len, "%s", i >= 0 ? p->choices[i] : "?");
		break;
	}
	case PT_MODEL: snprintf(buf, len, "%s", s->model.id); break;
	case PT_GPU: snprintf(buf, len, "%s", s->gpu.id); break;
	}
}

double params_get(const scenario *s, const param *p)
{
	switch (p->type) {
	case PT_REAL: return raw_get(s, p) / p->scale;
	case PT_CHOICE: {
		int i = choice_index(p, *(const int *)cfield(s, p));
		return i < 0 ? 0 : i;
	}
	case PT_MODEL:
		for (size_t i = 0; i < catalog_model_count(); i++)
			if (strcmp(catalog_model_at(i)->id, s->model.id) == 0)
				return (double)i;
		return 0;
	case PT_GPU:
		for (size_t i = 0; i < catalog_gpu_count(); i++)
			if (strcmp(catalog_gpu_at(i)->id, s->gpu.id) == 0)
				return (double)i;
		return 0;
	default: return raw_get(s, p);
	}
}

static double clampd(double v, double lo, double hi)
{
	if (!(v >= lo)) return lo;   /* also catches NaN */
	if (v > hi) return hi;
	return v;
}

void params_set(scenario *s, const param *p, double v)
{
	if (p->type == PT_MODEL || p->type == PT_GPU) {
		size_t n = params_choice_count(p);
		if (n == 0)
			return;
		long i = lround(clampd(v, 0, (double)(n - 1)));
		char e[8];
		(void)params_set_text(s, p, params_choice_name(p, (size_t)i), e, sizeof e);
		return;
	}
	v = clampd(v, p->min, p->max);
	if (p->type == PT_INT)
		v = round(v);
	store(s, p, v);
}

/* lower end of a log slider: min, or for a range starting at 0 a point
 * six decades below max (position 0 itself is 0). */
static double log_lo(const param *p)
{
	return p->min > 0 ? p->min : p->max * 1e-6;
}

void params_step(scenario *s, const param *p, int dir, bool big)
{
	if (dir == 0)
		return;
	dir = dir > 0 ? 1 : -1;
	if (p->type == PT_BOOL) {
		bool *b = field(s, p);
		*b = !*b;
		return;
	}
	if (p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU) {
		long n = (long)params_choice_count(p);
		if (n <= 0)
			return;
		long i = lround(params_get(s, p)) + dir;
		i = ((i % n) + n) % n;
		params_set(s, p, (double)i);
		return;
	}
	double v = params_get(s, p), nv;
	double st = big ? p->big_step : p->step;
	if (p->flags & PF_LOG) {
		double lo = log_lo(p);
		if (v <= 0)
			nv = dir > 0 ? lo : 0;
		else if (dir > 0)
			nv = v * st;
		else {
			nv = v / st;
			if (nv < lo)
				nv = p->min;
		}
		if (p->type == PT_INT) {
			nv = dir > 0 ? ceil(nv) : floor(nv);
			if (nv == v)
				nv = v + dir;
		}
	} else {
		/* snap to the step grid so repeated steps give round numbers */
		double k = dir > 0 ? floor(v / st + 1e-9) + 1 : ceil(v / st - 1e-9) - 1;
		nv = k * st;
		if (fabs(nv) < st * 1e-9)
			nv = 0;
	}
	params_set(s, p, nv);
}

double params_position(const scenario *s, const param *p)
{
	double v = params_get(s, p);
	double lo = p->min, hi = p->max;
	if (p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU) {
		size_t n = params_choice_count(p);
		return n > 1 ? v / (double)(n - 1) : 0;
	}
	if (hi <= lo)
		return 0;
	if (p->flags & PF_LOG) {
		double l = log_lo(p);
		if (v <= l)
			return 0;
		return clampd(log(v / l) / log(hi / l), 0, 1);
	}
	return clampd((v - lo) / (hi - lo), 0, 1);
}

void params_set_position(scenario *s, const param *p, double pos)
{
	pos = clampd(pos, 0, 1);
	if (p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU) {
		size_t n = params_choice_count(p);
		if (n > 0)
			params_set(s, p, round(pos * (double)(n - 1)));
		return;
	}
	double v;
	if (p->flags & PF_LOG) {
		double l = log_lo(p);
		v = pos <= 0 ? p->min : l * exp(pos * log(p->max / l));
	} else {
		v = p->min + pos * (p->max - p->min);
	}
	params_set(s, p, v);
}

/* The catalog entry's bytes that a PF_FROM_* row reads (NULL when the
 * entry is unknown): the same field, inside the catalog's struct. */
static const void *catalog_field(const scenario *s, const param *p)
{
	size_t off = field_offset(s, p);
	if (p->flags & PF_FROM_MODEL) {
		const model_spec *m = catalog_model(s->model.id);
		return m ? (const char *)m + (off - offsetof(scenario, model)) : NULL;
	}
	if (p->flags & PF_FROM_GPU) {
		const gpu_spec *g = catalog_gpu(s->gpu.id);
		return g ? (const char *)g + (off - offsetof(scenario, gpu)) : NULL;
	}
	return NULL;
}

static const char default_model[] = "llama-3.1-8b";
static const char default_gpu[] = "h100-sxm";

bool params_is_default(const scenario *s, const param *p)
{
	if (p->type == PT_MODEL)
		return strcmp(s->model.id, default_model) == 0;
	if (p->type == PT_GPU)
		return strcmp(s->gpu.id, default_gpu) == 0;
	const void *f = cfield(s, p);
	if (p->flags & (PF_FROM_MODEL | PF_FROM_GPU)) {
		const void *c = catalog_field(s, p);
		if (!c)
			return false;
		switch (p->type) {
		case PT_INT: case PT_CHOICE: return *(const int *)c == *(const int *)f;
		case PT_REAL: return *(const double *)c == *(const double *)f;
		case PT_BOOL: return *(const bool *)c == *(const bool *)f;
		default: return false;
		}
	}
	if (p->type == PT_REAL)
		return raw_get(s, p) == p->def * p->scale;
	if (p->type == PT_CHOICE)
		return *(const int *)f == choice_value(p, (size_t)p->def);
	return raw_get(s, p) == p->def;
}

const char *params_provenance(const scenario *s, const param *p)
{
	static char buf[SOURCE_MAX + 16];
	if (!params_is_default(s, p))
		return "set";
	if (p->flags & PF_FROM_MODEL) {
		const model_spec *m = catalog_model(s->model.id);
		snprintf(buf, sizeof buf, "catalog: %s", m ? m->source : "?");
		return buf;
	}
	if (p->flags & PF_FROM_GPU) {
		const gpu_spec *g = catalog_gpu(s->gpu.id);
		bool eff = strcmp(p->key, "hardware.mbu") == 0 ||
		           strcmp(p->key, "hardware.mfu") == 0;
		snprintf(buf, sizeof buf, "catalog: %s",
		         g ? (eff ? g->eff_source : g->source) : "?");
		return buf;
	}
	return "default";
}

size_t params_choice_count(const param *p)
{
	if (p->type == PT_MODEL)
		return catalog_model_count();
	if (p->type == PT_GPU)
		return catalog_gpu_count();
	if (p->type == PT_BOOL)
		return 2;
	size_t n = 0;
	if (p->choices)
		while (p->choices[n])
			n++;
	return n;
}

const char *params_choice_name(const param *p, size_t i)
{
	if (p->type == PT_MODEL) {
		const model_spec *m = catalog_model_at(i);
		return m ? m->id : "";
	}
	if (p->type == PT_GPU) {
		const gpu_spec *g = catalog_gpu_at(i);
		return g ? g->id : "";
	}
	if (p->type == PT_BOOL)
		return i ? "true" : "false";
	return (p->choices && i < params_choice_count(p)) ? p->choices[i] : "";
}

const char *params_prec_name(int prec)
{
	static const char *const names[PREC_COUNT] = {
		"fp32", "bf16", "fp16", "fp8", "int8", "int4" };
	if (prec == PREC_AUTO)
		return "auto";
	return (prec >= 0 && prec < PREC_COUNT) ? names[prec] : "?";
}

int params_validate(const scenario *s, char *err, size_t errlen, const char **key)
{
	const model_spec *m = &s->model;
	const char *k = NULL;
	if (m->kv_heads > m->heads) {
		k = "model.kv_heads";
		snprintf(err, errlen, "value '%d' is more than model.heads (allowed: 1 to %d)",
		         m->kv_heads, m->heads);
	} else if (m->experts_active > m->experts) {
		k = "model.experts_active";
		snprintf(err, errlen, "value '%d' is more than model.experts (allowed: 1 to %d)",
		         m->experts_active, m->experts);
	} else if (m->dense_layers > m->layers) {
		k = "model.dense_layers";
		snprintf(err, errlen, "value '%d' is more than model.layers (allowed: 0 to %d)",
		         m->dense_layers, m->layers);
	} else if (m->head_dim == 0 && m->hidden % m->heads != 0) {
		k = "model.head_dim";
		snprintf(err, errlen, "is 0 (hidden / heads) but hidden %d is not a multiple "
		         "of heads %d (allowed: set head_dim explicitly)", m->hidden, m->heads);
	} else if (s->speculative && s->acceptance >= 1) {
		k = "serving.acceptance";
		snprintf(err, errlen, "must be below 1 (allowed: 0 to 0.99)");
	}
	if (key)
		*key = k;
	return k ? -1 : 0;
}

void scenario_defaults(scenario *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < params_count(); i++) {
		const param *p = params_at(i);
		if (p->type == PT_MODEL || p->type == PT_GPU ||
		    (p->flags & (PF_FROM_MODEL | PF_FROM_GPU)))
			continue;
		if (p->type == PT_CHOICE)
			*(int *)field(s, p) = choice_value(p, (size_t)p->def);
		else
			store(s, p, p->def);
	}
	/* model.md's running example and the calibration's hardware: Llama 3.1
	 * 8B on one H100 SXM (shapes and specs with their sources in src/catalog/) */
	const model_spec *m = catalog_model(default_model);
	if (m)
		s->model = *m;
	const gpu_spec *g = catalog_gpu(default_gpu);
	if (g)
		s->gpu = *g;
	/* one region at the base price */
	s->n_regions = 1;
	memcpy(s->regions[0].name, "us-east-1", sizeof "us-east-1");   /* rest is 0 */
	s->regions[0].share = 1;
	s->regions[0].price_factor = 1;
}
