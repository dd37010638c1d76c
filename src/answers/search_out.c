/* search_out.c — the search's answer as text, JSON, CSV or Markdown. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "answers/answers.h"
#include "answers/emit.h"
#include "params.h"

static const char *objective_name(enum search_objective o)
{
	return o == OBJ_RESERVED ? "$/month reserved" :
	       o == OBJ_TOKENS ? "$/1M tokens at SLO capacity" : "$/month on demand";
}

static const char *objective_key(enum search_objective o)
{
	return o == OBJ_RESERVED ? "reserved" : o == OBJ_TOKENS ? "tokens" : "monthly";
}

/* the columns of one result, machine form */
#define NCOL 27
static const char *const keys[NCOL] = {
	"rank", "accelerator", "instance", "usd_per_gpu_hour", "gpus_per_replica",
	"weights", "kv_cache", "batching", "max_batch", "speculative", "spares",
	"replicas", "fleet_gpus", "batch", "slo_batch", "monthly_usd",
	"monthly_reserved_usd", "usd_per_1m_tokens", "usd_per_1m_tokens_at_slo",
	"ttft_p95_s", "tpot_s", "e2e_p95_s", "availability", "binds",
	"margin_ttft", "margin_tpot", "set",
};
static const bool numeric[NCOL] = {
	1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0,
};

/* a column by its key (the excluded rows fill two of them) */
static int col_of(const char *key)
{
	int k = 0;
	while (k < NCOL - 1 && strcmp(keys[k], key))
		k++;
	return k;
}

static void row_cells(const scenario *base, const search_row *w, int rank,
                      char cell[NCOL][512])
{
	const search_config *c = &w->c;
	double v[NCOL];
	for (int i = 0; i < NCOL; i++) {
		v[i] = NAN;
		cell[i][0] = '\0';
	}
	v[0] = rank;
	snprintf(cell[1], 512, "%s", c->gpu);
	snprintf(cell[2], 512, "%s", c->instance);
	v[3] = c->usd_per_gpu_hour;
	v[4] = c->gpus;
	snprintf(cell[5], 512, "%s", params_prec_name(c->weights));
	snprintf(cell[6], 512, "%s", params_prec_name(c->kv));
	snprintf(cell[7], 512, "%s", c->batching == BATCH_STATIC ? "static" : "continuous");
	v[8] = c->max_batch;
	snprintf(cell[9], 512, "%s", c->speculative ? "true" : "false");
	v[10] = c->spares;
	v[11] = w->replicas;
	v[12] = (double)w->fleet_gpus;
	v[13] = w->batch;
	v[14] = w->slo_batch > 0 ? w->slo_batch : NAN;
	v[15] = w->monthly_usd;
	v[16] = w->monthly_reserved_usd;
	v[17] = w->usd_per_1m_tokens;
	v[18] = w->usd_per_1m_at_slo;
	v[19] = w->ttft_p95_s;
	v[20] = w->tpot_s;
	v[21] = w->e2e_p95_s;
	v[22] = w->availability;
	snprintf(cell[23], 512, "%s", w->binds);
	v[24] = w->m_ttft;
	v[25] = w->m_tpot;
	search_config_sets(base, c, cell[26], 512);
	for (int i = 0; i < NCOL; i++)
		if (numeric[i] && i != 9)
			emit_num(cell[i], 512, v[i]);
}

static void text_head(FILE *out, const scenario *b, const search_opts *o,
                      const search_result *r, bool md)
{
	char d[64], n1[64], n2[64], n3[64];
	fprintf(out, "%sSEARCH: %s; %s req/day, peak x%g; TTFT p95 %.2f s, TPOT %.1f ms, "
	        "E2E %.2f s; availability %g%%\n", md ? "## " : "", b->model.id,
	        emit_money(d, sizeof d, b->requests_per_day, 0), b->peak_factor,
	        b->ttft_slo_s, b->tpot_slo_s * 1e3, b->e2e_slo_s, 100 * b->availability);
	if (md)
		fputc('\n', out);
	fprintf(out, "ranked by %s; %s configurations in %s families, %s model "
	        "evaluations\n", objective_name(o->objective),
	        emit_money(n1, sizeof n1, (double)r->configurations, 0),
	        emit_money(n2, sizeof n2, (double)r->families, 0),
	        emit_money(n3, sizeof n3, (double)r->evaluations, 0));
	fputc('\n', out);
}

int search_write(FILE *out, enum report_format f, const scenario *base,
                 const search_opts *o, const search_result *r)
{
	static char cell[NCOL][512];

	if (f == REPORT_JSON) {
		fprintf(out, "{\n  \"objective\": \"%s\",\n  \"configurations\": %ld,\n"
		        "  \"families\": %ld,\n  \"evaluations\": %ld,\n  \"results\": [",
		        objective_key(o->objective), r->configurations, r->families,
		        r->evaluations);
		for (int i = 0; i < r->n_rows; i++) {
			row_cells(base, &r->rows[i], i + 1, cell);
			fputs(i ? ",\n    {" : "\n    {", out);
			for (int k = 0; k < NCOL; k++) {
				if (k)
					fputs(", ", out);
				emit_json_str(out, keys[k]);
				fputs(": ", out);
				if (numeric[k])
					fputs(cell[k][0] ? cell[k] : "null", out);
				else
					emit_json_str(out, cell[k]);
			}
			fputs(", \"margin_e2e\": ", out);
			emit_json_num(out, r->rows[i].m_e2e);
			fputs(", \"margin_availability\": ", out);
			emit_json_num(out, r->rows[i].m_avail);
			fputc('}', out);
		}
		fputs(r->n_rows ? "\n  ],\n  \"excluded\": [" : "],\n  \"excluded\": [", out);
		for (int i = 0; i < r->n_excluded; i++) {
			fputs(i ? ",\n    {\"family\": " : "\n    {\"family\": ", out);
			emit_json_str(out, r->excluded[i].what);
			fputs(", \"reason\": ", out);
			emit_json_str(out, r->excluded[i].why);
			fputc('}', out);
		}
		fputs(r->n_excluded ? "\n  ]\n}\n" : "]\n}\n", out);
		return ferror(out) ? -1 : 0;
	}
	if (f == REPORT_CSV) {
		/* one table: the answers (kind result), then the families with
		 * none (kind excluded: accelerator holds the family, binds the
		 * reason) */
		const char *v[1 + NCOL];
		v[0] = "kind";
		for (int k = 0; k < NCOL; k++)
			v[1 + k] = keys[k];
		emit_csv_line(out, v, 1 + NCOL);
		for (int i = 0; i < r->n_rows; i++) {
			row_cells(base, &r->rows[i], i + 1, cell);
			v[0] = "result";
			for (int k = 0; k < NCOL; k++)
				v[1 + k] = cell[k];
			emit_csv_line(out, v, 1 + NCOL);
		}
		for (int i = 0; i < r->n_excluded; i++) {
			v[0] = "excluded";
			for (int k = 0; k < NCOL; k++)
				v[1 + k] = "";
			v[1 + col_of("accelerator")] = r->excluded[i].what;
			v[1 + col_of("binds")] = r->excluded[i].why;
			emit_csv_line(out, v, 1 + NCOL);
		}
		return ferror(out) ? -1 : 0;
	}

	bool md = f == REPORT_MARKDOWN;
	text_head(out, base, o, r, md);
	if (r->n_rows == 0)
		fputs("No configuration in the space meets every constraint.\n", out);
	static const char *const heads[] = {
		"#", "configuration", "replicas", "GPUs", "$/month", "$/mo reserved",
		"$/1M tok", "binds", "TTFT", "TPOT", "E2E", "avail",
	};
	static const int width[] = { 2, 44, 8, 6, 13, 13, 8, 12, 5, 5, 5, 5 };
	static const bool num[] = { 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1 };
	table t = { .out = out, .style = md ? TS_MARKDOWN : TS_TEXT, .n = 12,
	            .keys = heads, .numeric = num, .width = width };
	if (r->n_rows > 0)
		table_begin(&t);
	for (int i = 0; i < r->n_rows; i++) {
		const search_row *w = &r->rows[i];
		char c[12][128];
		const char *cp[12];
		snprintf(c[0], sizeof c[0], "%d", i + 1);
		search_config_label(&w->c, c[1], sizeof c[1]);
		snprintf(c[2], sizeof c[2], "%d", w->replicas);
		snprintf(c[3], sizeof c[3], "%ld", w->fleet_gpus);
		emit_money(c[4], sizeof c[4], w->monthly_usd, 2);
		emit_money(c[5], sizeof c[5], w->monthly_reserved_usd, 2);
		snprintf(c[6], sizeof c[6], "%.4f", w->usd_per_1m_tokens);
		snprintf(c[7], sizeof c[7], "%s", w->binds);
		emit_pct(c[8], sizeof c[8], w->m_ttft);
		emit_pct(c[9], sizeof c[9], w->m_tpot);
		emit_pct(c[10], sizeof c[10], w->m_e2e);
		emit_pct(c[11], sizeof c[11], w->m_avail);
		for (int k = 0; k < 12; k++)
			cp[k] = c[k];
		table_row(&t, cp);
	}
	if (r->n_rows > 0) {
		fprintf(out, "%s(margins: how far each figure is inside its limit; "
		        "avail on the unavailability)\n", md ? "\n" : "");
		fputs(md ? "\nTo reproduce:\n\n" : "to reproduce:\n", out);
		for (int i = 0; i < r->n_rows; i++) {
			char sets[512];
			search_config_sets(base, &r->rows[i].c, sets, sizeof sets);
			fprintf(out, "%s%d:", md ? "- " : "  ", i + 1);
			for (char *tok = strtok(sets, " "); tok; tok = strtok(NULL, " "))
				fprintf(out, " --set %s", tok);
			fputc('\n', out);
		}
	}
	if (r->n_excluded > 0) {
		fputs(md ? "\n### No answer (nearest families)\n\n" : "\nNO ANSWER (nearest families)\n", out);
		for (int i = 0; i < r->n_excluded; i++)
			fprintf(out, "%s%s: %s\n", md ? "- " : "  ", r->excluded[i].what,
			        r->excluded[i].why);
	}
	return ferror(out) ? -1 : 0;
}
