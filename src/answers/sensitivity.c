/* sensitivity.c — which assumption matters most: every numeric input moved
 * by -10 % and +10 % (whole numbers by at least 1), every choice and
 * yes/no input one slider step each way, the others held; inputs ranked by
 * how far they move the fleet's $/month and $/1M tokens.  The model and
 * the accelerator are decisions, not assumptions (their neighbours in the
 * catalog are arbitrary), so they are left out; so are inputs at 0
 * (0 ± 10 % is 0). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/answers.h"
#include "answers/emit.h"
#include "params.h"


static double swing(double base, const double v[2])
{
	double s = 0;
	for (int i = 0; i < 2; i++) {
		if (isfinite(v[i]) != isfinite(base))
			return INFINITY;      /* served on one side only */
		if (isfinite(base) && base > 0)
			s = fmax(s, fabs(v[i] - base) / base);
	}
	return s;
}

static int cmp_rows(const void *a, const void *b)
{
	const sens_row *x = a, *y = b;
	if (x->swing_month != y->swing_month)
		return x->swing_month > y->swing_month ? -1 : 1;
	if (x->swing_per_m != y->swing_per_m)
		return x->swing_per_m > y->swing_per_m ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* move one input one way: 0, or -1 when it cannot move (0 ± 10 % is 0;
 * a choice at the end of its list; the model and the accelerator) */
static int move(scenario *s, const param *p, int dir)
{
	if (p->group == G_MODEL)
		return -1;            /* the model's shape is a decision */
	if (p->type == PT_INT || p->type == PT_REAL) {
		double v = params_get(s, p), nv = v * (1 + 0.1 * dir);
		if (!(v != 0))
			return -1;
		if (p->type == PT_INT) {
			nv = round(nv);
			if (nv == v)
				nv = v + dir;
		}
		params_set(s, p, nv);
		return 0;
	}
	if (p->type == PT_BOOL) {
		bool *b = (bool *)((char *)s + p->offset);
		*b = dir > 0;         /* off on one side, on on the other */
		return 0;
	}
	if (p->type == PT_CHOICE) {
		long i = lround(params_get(s, p)) + dir;
		if (i < 0 || i >= (long)params_choice_count(p))
			return -1;        /* no wrapping around the list */
		params_set(s, p, (double)i);
		return 0;
	}
	return -1;
}

/* a value as a person reads it */
static void value_text(const scenario *s, const param *p, char *buf, size_t len)
{
	if (p->type == PT_REAL)
		snprintf(buf, len, "%.6g", params_get(s, p));
	else
		params_get_text(s, p, buf, len);
}

int sensitivity_compute(const scenario *base, sens_row *rows, int max,
                        int *unmoved, double *month, double *per_m)
{
	size_t np = params_count();
	int n = 0;
	static scenario s;
	static results r;
	double b_month, b_per_m;

	*unmoved = 0;
	s = *base;
	model_eval_figures(&s, &r);
	b_month = r.fits && r.batch > 0 ? r.monthly_usd : NAN;
	b_per_m = answers_fleet_usd_per_1m(&s, &r);
	*month = b_month;
	*per_m = b_per_m;

	for (size_t i = 0; i < np && n < max; i++) {
		const param *p = params_at(i);
		sens_row *w = &rows[n];
		bool moved = false;
		memset(w, 0, sizeof *w);
		w->key = p->key;
		for (int k = 0; k < 2; k++) {
			char before[64];
			s = *base;
			params_get_text(&s, p, before, sizeof before);
			/* a side that cannot move keeps the base's figures */
			if (move(&s, p, k ? 1 : -1) != 0)
				s = *base;
			value_text(&s, p, k ? w->hi_h : w->lo_h, 64);
			params_get_text(&s, p, k ? w->hi : w->lo, 64);
			const char *after = k ? w->hi : w->lo;
			if (!strcmp(before, after)) {
				w->month[k] = b_month;
				w->per_m[k] = b_per_m;
				continue;
			}
			moved = true;
			model_eval_figures(&s, &r);
			w->month[k] = r.fits && r.batch > 0 ? r.monthly_usd : NAN;
			w->per_m[k] = answers_fleet_usd_per_1m(&s, &r);
		}
		if (!moved)
			continue;
		w->swing_month = swing(b_month, w->month);
		w->swing_per_m = swing(b_per_m, w->per_m);
		if (w->swing_month == 0 && w->swing_per_m == 0) {
			(*unmoved)++;
			continue;
		}
		n++;
	}
	qsort(rows, (size_t)n, sizeof *rows, cmp_rows);
	return n;
}

int sensitivity_write(FILE *out, enum report_format f, const scenario *base)
{
	size_t np = params_count();
	sens_row *rows = calloc(np, sizeof *rows);
	static scenario s;
	double b_month, b_per_m;
	int unmoved = 0;

	if (!rows)
		return -1;
	size_t n = (size_t)sensitivity_compute(base, rows, (int)np, &unmoved,
	                                       &b_month, &b_per_m);


	static const char *const keys[] = {
		"key", "value", "low", "high", "monthly_usd_low", "monthly_usd_high",
		"monthly_swing", "usd_per_1m_tokens_low", "usd_per_1m_tokens_high",
		"per_1m_swing",
	};
	static const char *const heads[] = {
		"input", "value", "low", "high", "$/month low", "$/month high",
		"swing", "$/1M low", "$/1M high", "tornado ($/month)",
	};
	static const bool num[] = { 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 };
	static const bool num_human[] = { 0, 0, 0, 0, 1, 1, 1, 1, 1, 0 };
	static const int width[] = { 28, 10, 10, 10, 13, 13, 7, 9, 9, 20 };
	bool human = f == REPORT_TEXT || f == REPORT_MARKDOWN;
	table t = { .out = out, .n = 10, .keys = keys, .heads = human ? heads : NULL,
	            .numeric = human ? num_human : num, .width = width,
	            .style = f == REPORT_JSON ? TS_JSON : f == REPORT_CSV ? TS_CSV :
	                     f == REPORT_MARKDOWN ? TS_MARKDOWN : TS_TEXT };
	if (human) {
		char m[64], pm[64];
		fprintf(out, "%sSENSITIVITY: each input -10%% / +10%% (choices one step), "
		        "ranked by the swing of $/month\n", f == REPORT_MARKDOWN ? "## " : "");
		fprintf(out, "%sbase: $%s/month, $%s per 1M tokens%s\n\n",
		        f == REPORT_MARKDOWN ? "\n" : "",
		        isfinite(b_month) ? emit_money(m, sizeof m, b_month, 2) : "no fleet (does not fit)",
		        isfinite(b_per_m) ? emit_money(pm, sizeof pm, b_per_m, 4) : "n/a",
		        "");
	}
	double maxs = 0;
	for (size_t i = 0; i < n; i++)
		if (isfinite(rows[i].swing_month))
			maxs = fmax(maxs, rows[i].swing_month);
	table_begin(&t);
	for (size_t i = 0; i < n; i++) {
		sens_row *w = &rows[i];
		char c[10][64];
		const char *cp[10];
		s = *base;
		const param *wp = params_find(w->key);
		snprintf(c[0], 64, "%s", w->key);
		if (human)
			value_text(&s, wp, c[1], 64);
		else
			params_get_text(&s, wp, c[1], 64);
		snprintf(c[2], 64, "%s", human ? w->lo_h : w->lo);
		snprintf(c[3], 64, "%s", human ? w->hi_h : w->hi);
		for (int k = 0; k < 2; k++) {
			if (human)
				isfinite(w->month[k]) ? (void)emit_money(c[4 + k], 64, w->month[k], 0)
				                      : (void)snprintf(c[4 + k], 64, "no fit");
			else
				emit_num(c[4 + k], 64, w->month[k]);
			if (human && isfinite(w->per_m[k]))
				snprintf(c[7 + k], 64, "%.4f", w->per_m[k]);
			else if (human)
				snprintf(c[7 + k], 64, "no fit");
			else
				emit_num(c[7 + k], 64, w->per_m[k]);
		}
		if (human) {
			emit_pct(c[6], 64, w->swing_month);
			if (!isfinite(w->swing_month))
				snprintf(c[6], 64, "no fit");
			/* the tornado: the swing against the largest finite one */
			int bars = !isfinite(w->swing_month) ? 20 : maxs > 0 ?
				(int)lround(20 * w->swing_month / maxs) : 0;
			if (bars == 0 && w->swing_month > 0)
				bars = 1;     /* moved, if little against the largest */
			memset(c[9], '#', (size_t)bars);
			c[9][bars] = '\0';
		} else {
			emit_num(c[6], 64, isfinite(w->swing_month) ? w->swing_month : NAN);
			emit_num(c[9], 64, isfinite(w->swing_per_m) ? w->swing_per_m : NAN);
		}
		for (int k = 0; k < 10; k++)
			cp[k] = c[k];
		table_row(&t, cp);
	}
	table_end(&t);
	if (human)
		fprintf(out, "%s%d other input(s) move neither figure.\n",
		        f == REPORT_MARKDOWN ? "\n" : "", unmoved);
	free(rows);
	return ferror(out) ? -1 : 0;
}
