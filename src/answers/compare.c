/* compare.c — scenarios side by side: one column per scenario, one row
 * per figure (the inputs that differ, then the headline figures), with the
 * change against the first scenario. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/answers.h"
#include "answers/emit.h"
#include "params.h"

#define CMP_MAX 8

/* a figure that does not exist for this scenario, in words, into buf */
static void missing(const headline *h, const results *r, char *buf, size_t n)
{
	const char *w = "n/a";

	if (!r->fits) {
		w = "does not fit";
	} else if (!strncmp(h->key, "slo.capacity", 12) && r->op.reason == OP_NO_SLO_BATCH) {
		/* "cannot meet TPOT 5 ms (6.92 ms at batch 1) at any batch" */
		size_t len = strcspn(r->op.text, "(");
		while (len > 0 && r->op.text[len - 1] == ' ')
			len--;
		snprintf(buf, n, "%.*s", (int)len, r->op.text);
		return;
	} else if (!strncmp(h->key, "api.break_even", 14)) {
		w = "never";
	} else if (!strncmp(h->key, "api.", 4)) {
		w = "no API price";
	}
	snprintf(buf, n, "%s", w);
}

void compare_cell(const headline *h, const scenario *s, const results *r,
                  bool human, char *buf, size_t n)
{
	double v = h->get(s, r);

	if (h->kind == 2)
		snprintf(buf, n, "%s", human ? (v != 0 ? "yes" : "no") :
		         (v != 0 ? "true" : "false"));
	else if (human && !isfinite(v))
		missing(h, r, buf, n);
	else if (human && h->kind == 1)
		snprintf(buf, n, "%.0f", v);
	else if (human && strstr(h->key, "usd"))
		emit_money(buf, n, v, fabs(v) >= 100 ? 0 : 4);
	else if (human)
		snprintf(buf, n, "%.4g", v);
	else
		emit_num(buf, n, v);
}

void compare_change(const headline *h, const scenario *s0, const results *r0,
                    const scenario *s, const results *r, bool human, char *buf,
                    size_t n)
{
	double v0 = h->get(s0, r0), v = h->get(s, r), d = v - v0;

	if (h->kind == 2)
		snprintf(buf, n, "%s", (v != 0) == (v0 != 0) || !human ? "" : "changed");
	else if (!human)
		emit_num(buf, n, d);
	else if (!isfinite(d))
		snprintf(buf, n, "n/a");    /* a word on one side: no change to give */
	else if (v0 != 0)
		snprintf(buf, n, "%+.1f%%", 100 * d / fabs(v0));
	else
		snprintf(buf, n, "%+.4g", d);
}

int compare_write(FILE *out, enum report_format f, int n,
                  const scenario *const *s, const char *const *names)
{
	static results r[CMP_MAX];
	size_t np = params_count(), nh = headline_count();
	bool human = f == REPORT_TEXT || f == REPORT_MARKDOWN;
	int nc = 1 + n + (n - 1);
	const char *keys[1 + 2 * CMP_MAX];
	char kbuf[2 * CMP_MAX][ID_MAX + 80];
	bool num[1 + 2 * CMP_MAX];
	int width[1 + 2 * CMP_MAX];
	char c[1 + 2 * CMP_MAX][MODEL_NOTE_LEN + 8];   /* the reason whole */
	const char *cp[1 + 2 * CMP_MAX];

	if (n < 1 || n > CMP_MAX)
		return -1;
	for (int i = 0; i < n; i++)
		model_eval(s[i], &r[i]);
	/* columns: figure, each scenario, then the change of each against the
	 * first */
	keys[0] = "figure";
	num[0] = false;
	width[0] = 30;
	for (int i = 0; i < n; i++) {
		snprintf(kbuf[i], sizeof kbuf[i], "%s", names[i]);
		keys[1 + i] = kbuf[i];
		num[1 + i] = true;
		width[1 + i] = 14;
	}
	for (int i = 1; i < n; i++) {
		snprintf(kbuf[n + i - 1], sizeof kbuf[0], "%s%s", human ? "change " : "delta.", names[i]);
		keys[n + i] = kbuf[n + i - 1];
		num[n + i] = true;
		width[n + i] = 14;
	}
	for (int i = 0; i < nc; i++)
		cp[i] = c[i];
	if (human) {
		fprintf(out, "%sCOMPARE: %d scenarios; changes against '%s'\n\n",
		        f == REPORT_MARKDOWN ? "## " : "", n, names[0]);
		for (int i = 0; i < n; i++)
			fprintf(out, "%s%s: %s\n", f == REPORT_MARKDOWN ? "- " : "  ",
			        names[i], s[i]->description[0] ? s[i]->description :
			        "(no description)");
		fputc('\n', out);
	}
	table t = { .out = out, .n = nc, .keys = keys, .numeric = num, .width = width,
	            .style = f == REPORT_JSON ? TS_JSON : f == REPORT_CSV ? TS_CSV :
	                     f == REPORT_MARKDOWN ? TS_MARKDOWN : TS_TEXT };
	table_begin(&t);
	/* the inputs that differ */
	for (size_t k = 0; k < np; k++) {
		const param *p = params_at(k);
		bool differ = false;
		for (int i = 0; i < n; i++) {
			params_get_text(s[i], p, c[1 + i], sizeof c[0]);
			differ = differ || strcmp(c[1 + i], c[1]) != 0;
		}
		if (differ && human && p->type == PT_REAL)
			for (int i = 0; i < n; i++)
				snprintf(c[1 + i], sizeof c[0], "%.6g", params_get(s[i], p));
		if (!differ)
			continue;
		snprintf(c[0], sizeof c[0], "%s", p->key);
		bool numeric = p->type == PT_INT || p->type == PT_REAL;
		for (int i = 1; i < n; i++) {
			if (numeric) {
				double d = params_get(s[i], p) - params_get(s[0], p);
				if (human)
					snprintf(c[n + i], sizeof c[0], "%+.6g", d);
				else
					emit_num(c[n + i], sizeof c[0], d);
			} else {
				snprintf(c[n + i], sizeof c[0], "%s",
				         strcmp(c[1 + i], c[1]) ? (human ? "changed" : "") : "");
			}
		}
		table_row(&t, cp);
	}
	/* the headline figures, then what sets the operating point */
	for (size_t k = 0; k < nh; k++) {
		const headline *h = headline_at(k);
		snprintf(c[0], sizeof c[0], "%s", human ? h->label : h->key);
		for (int i = 0; i < n; i++) {
			compare_cell(h, s[i], &r[i], human, c[1 + i], sizeof c[0]);
			if (i > 0)
				compare_change(h, s[0], &r[0], s[i], &r[i], human, c[n + i],
				               sizeof c[0]);
		}
		table_row(&t, cp);
	}
	snprintf(c[0], sizeof c[0], "%s", human ? COMPARE_BINDS_LABEL : "operating_point.reason");
	for (int i = 0; i < n; i++) {
		snprintf(c[1 + i], sizeof c[0], "%s", r[i].op.text);
		if (i > 0)
			snprintf(c[n + i], sizeof c[0], "%s", strcmp(r[i].op.text, r[0].op.text) &&
			         human ? "changed" : "");
	}
	table_row(&t, cp);
	table_end(&t);
	return ferror(out) ? -1 : 0;
}
