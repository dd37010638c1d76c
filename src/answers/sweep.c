/* sweep.c — --sweep KEY=v1,v2,... or KEY=a:b:step, repeatable: a grid of
 * scenarios, one row each with every input of the parameter table and the
 * headline figures (wide CSV, JSON Lines or a Markdown table). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/answers.h"
#include "answers/emit.h"
#include "params.h"

#define SWEEP_MAX_VALUES 100000L
#define SWEEP_MAX_ROWS 1000000L

struct sweep_axis {
	const param *p;
	long n;
	char (*vals)[64];
};

/* Every axis allocated and not yet freed, released at exit: main returns
 * early on many usage errors after --sweep has been parsed. */
#define LIVE_MAX 64
static sweep_axis *live[LIVE_MAX];
static bool live_hooked;

static void free_axis(sweep_axis *a)
{
	for (int i = 0; i < LIVE_MAX; i++)
		if (live[i] == a)
			live[i] = NULL;
	free(a->vals);
	free(a);
}

static void free_live(void)
{
	for (int i = 0; i < LIVE_MAX; i++)
		if (live[i])
			free_axis(live[i]);
}

static void keep_live(sweep_axis *a)
{
	if (!live_hooked)
		live_hooked = atexit(free_live) == 0;
	for (int i = 0; i < LIVE_MAX; i++)
		if (!live[i]) {
			live[i] = a;
			return;
		}
}

static int axis_error(char *err, size_t errlen, const char *key,
                      const char *fmt, const char *what)
{
	int w = snprintf(err, errlen, "--sweep %s: ", key);
	if (w >= 0 && (size_t)w < errlen)
		snprintf(err + w, errlen - (size_t)w, fmt, what);
	return -1;
}

/* check one value against the parameter table */
static int check_value(const param *p, const char *v, char *err, size_t errlen)
{
	static scenario s;
	char msg[256];
	scenario_defaults(&s);
	if (params_set_text(&s, p, v, msg, sizeof msg) == 0)
		return 0;
	snprintf(err, errlen, "--sweep %s: %s", p->key, msg);
	return -1;
}

int sweep_add(sweep_plan *pl, const char *spec, char *err, size_t errlen)
{
	const char *eq = strchr(spec, '=');
	char key[128];
	sweep_axis *a;

	if (!eq || eq == spec || (size_t)(eq - spec) >= sizeof key) {
		snprintf(err, errlen, "--sweep '%s': expected KEY=v1,v2,... or "
		         "KEY=from:to:step", spec);
		return -1;
	}
	memcpy(key, spec, (size_t)(eq - spec));
	key[eq - spec] = '\0';
	const param *p = params_find(key);
	if (!p) {
		const char *near = params_suggest(key);
		snprintf(err, errlen, "--sweep: unknown key '%s'%s%s%s (see "
		         "--list-keys)", key, near ? " (did you mean '" : "",
		         near ? near : "", near ? "'?)" : "");
		return -1;
	}
	for (int i = 0; i < pl->n; i++)
		if (pl->axes[i]->p == p)
			return axis_error(err, errlen, key, "%s", "given twice (one "
			                  "--sweep per key; list every value in it)");
	if (pl->n >= SWEEP_MAX_KEYS)
		return axis_error(err, errlen, key, "more than %s keys", "16");
	const char *v = eq + 1;
	if (!*v)
		return axis_error(err, errlen, key, "%s", "no values (expected "
		                  "v1,v2,... or from:to:step)");
	if (!(a = calloc(1, sizeof *a)))
		return axis_error(err, errlen, key, "%s", "out of memory");
	a->p = p;

	if (strchr(v, ':')) {
		double from, to, step;
		char buf[256], *c1, *c2;
		if (p->type != PT_INT && p->type != PT_REAL) {
			free(a);
			return axis_error(err, errlen, key, "'%s': a range needs a "
			                  "numeric key (list the values: v1,v2,...)", v);
		}
		snprintf(buf, sizeof buf, "%s", v);
		c1 = strchr(buf, ':');
		c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c2 || strchr(c2 + 1, ':')) {
			free(a);
			return axis_error(err, errlen, key, "bad range '%s' (expected "
			                  "from:to:step)", v);
		}
		*c1 = *c2 = '\0';
		if (params_parse_number(buf, &from) || params_parse_number(c1 + 1, &to) ||
		    params_parse_number(c2 + 1, &step)) {
			free(a);
			return axis_error(err, errlen, key, "bad range '%s' (from, to "
			                  "and step must be plain decimal numbers)", v);
		}
		if (!(step > 0) || to < from) {
			free(a);
			return axis_error(err, errlen, key, "bad range '%s' (allowed: "
			                  "from <= to and a step above 0)", v);
		}
		double cnt = floor((to - from) / step * (1 + 1e-12) + 1e-9) + 1;
		if (!(cnt <= SWEEP_MAX_VALUES)) {
			free(a);
			return axis_error(err, errlen, key, "range '%s' has more than "
			                  "100000 values", v);
		}
		a->n = (long)cnt;
		a->vals = calloc((size_t)a->n, sizeof *a->vals);
		if (!a->vals) {
			free(a);
			return axis_error(err, errlen, key, "%s", "out of memory");
		}
		for (long i = 0; i < a->n; i++)
			snprintf(a->vals[i], 64, "%.12g", from + (double)i * step);
	} else {
		long n = 1;
		for (const char *c = v; *c; c++)
			n += *c == ',';
		if (n > SWEEP_MAX_VALUES) {
			free(a);
			return axis_error(err, errlen, key, "%s", "more than 100000 values");
		}
		a->vals = calloc((size_t)n, sizeof *a->vals);
		if (!a->vals) {
			free(a);
			return axis_error(err, errlen, key, "%s", "out of memory");
		}
		const char *s = v;
		for (long i = 0; i < n; i++) {
			const char *e = strchr(s, ',');
			size_t l = e ? (size_t)(e - s) : strlen(s);
			if (l == 0 || l >= 64) {
				free(a->vals);
				free(a);
				return axis_error(err, errlen, key, "bad list '%s' (an empty "
				                  "or over-long value)", v);
			}
			memcpy(a->vals[i], s, l);
			a->vals[i][l] = '\0';
			s = e ? e + 1 : s + l;
		}
		a->n = n;
	}
	for (long i = 0; i < a->n; i++)
		if (check_value(p, a->vals[i], err, errlen) != 0) {
			free(a->vals);
			free(a);
			return -1;
		}
	long rows = pl->n ? pl->rows : 1;
	if ((double)rows * (double)a->n > SWEEP_MAX_ROWS) {
		free(a->vals);
		free(a);
		return axis_error(err, errlen, key, "%s", "the grid would have more "
		                  "than 1000000 scenarios");
	}
	keep_live(a);
	pl->axes[pl->n++] = a;
	pl->rows = rows * a->n;
	return 0;
}

void sweep_free(sweep_plan *pl)
{
	for (int i = 0; i < pl->n; i++)
		free_axis(pl->axes[i]);
	pl->n = 0;
	pl->rows = 0;
}

int sweep_write(FILE *out, enum report_format f, const scenario *base,
                const sweep_plan *pl, FILE *progress, char *err, size_t errlen)
{
	size_t np = params_count(), nh = headline_count(), nc = np + nh + 1;
	const char **keys = calloc(nc, sizeof *keys);
	const char **cells = calloc(nc, sizeof *cells);
	bool *num = calloc(nc, sizeof *num);
	char (*buf)[128] = calloc(nc, sizeof *buf);
	long idx[SWEEP_MAX_KEYS] = { 0 };
	static scenario s;
	static results r;
	int rc = -1;

	if (!keys || !cells || !num || !buf) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < np; i++) {
		const param *p = params_at(i);
		keys[i] = p->key;
		num[i] = p->type == PT_INT || p->type == PT_REAL;
	}
	for (size_t i = 0; i < nh; i++) {
		keys[np + i] = headline_at(i)->key;
		num[np + i] = true;
	}
	keys[nc - 1] = "error";
	for (size_t i = 0; i < nc; i++)
		cells[i] = buf[i];

	table t = { .out = out, .n = (int)nc, .keys = keys, .numeric = num,
	            .style = f == REPORT_JSON ? TS_JSONL :
	                     f == REPORT_MARKDOWN ? TS_MARKDOWN : TS_CSV };
	table_begin(&t);
	for (long row = 0; row < pl->rows; row++) {
		char msg[256];
		const char *bad = NULL;
		bool ok = true;

		s = *base;
		for (int k = 0; k < pl->n; k++)
			if (params_set_text(&s, pl->axes[k]->p, pl->axes[k]->vals[idx[k]],
			                    msg, sizeof msg) != 0) {
				ok = false;    /* checked at parse time: cannot happen */
				bad = pl->axes[k]->p->key;
				break;
			}
		if (ok && params_validate(&s, msg, sizeof msg, &bad) != 0)
			ok = false;
		for (size_t i = 0; i < np; i++)
			params_get_text(&s, params_at(i), buf[i], sizeof buf[i]);
		if (ok) {
			model_eval_figures(&s, &r);
			for (size_t i = 0; i < nh; i++) {
				const headline *h = headline_at(i);
				double v = h->get(&s, &r);
				if (h->kind == 2)
					snprintf(buf[np + i], sizeof buf[0], "%s", v != 0 ? "true" : "false");
				else
					emit_num(buf[np + i], sizeof buf[0], v);
			}
			buf[nc - 1][0] = '\0';
		} else {
			for (size_t i = 0; i < nh; i++)
				buf[np + i][0] = '\0';
			snprintf(buf[nc - 1], sizeof buf[0], "%.40s: %.80s", bad ? bad : "", msg);
		}
		table_row(&t, cells);
		/* the last key moves fastest */
		for (int k = pl->n - 1; k >= 0; k--) {
			if (++idx[k] < pl->axes[k]->n)
				break;
			idx[k] = 0;
		}
		if (progress && (row + 1) % 1000 == 0) {
			fprintf(progress, "\rinfertui: sweep %ld/%ld scenarios", row + 1, pl->rows);
			fflush(progress);
		}
	}
	table_end(&t);
	if (progress && pl->rows >= 1000)
		fprintf(progress, "\rinfertui: sweep %ld/%ld scenarios\n", pl->rows, pl->rows);
	rc = ferror(out) ? -1 : 0;
	if (rc)
		snprintf(err, errlen, "writing the sweep failed");
done:
	free(keys);
	free(cells);
	free(num);
	free(buf);
	return rc;
}
