/* charts.c — the data behind the charts: the frontier (output tokens/s
 * per GPU against tokens/s per user across batch sizes), $/month against
 * daily volume for the fleet and the API, and the roofline placement of
 * the decode step and the prefill.  The explorer draws them; --charts
 * prints them as tables, and so does the Markdown report after its
 * headline figures. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/answers.h"
#include "answers/emit.h"
#include "text.h"

int chart_frontier(const scenario *s, frontier_pt *pt, int max)
{
	model_params p;
	int T = s->gpus > 0 ? s->gpus : 1, n = 0;

	model_count_params(&s->model, &p);
	int bmax = model_max_batch(s, &s->gpu, T, &p);
	for (int b = 1; b >= 1 && b <= bmax && n < max; b = b < bmax && 2 * b > bmax ? bmax : 2 * b) {
		replica_perf rp;
		model_replica_perf(s, &s->gpu, T, &p, b, &rp);
		pt[n].batch = b;
		pt[n].user_tok_s = rp.tpot_s > 0 ? 1.0 / rp.tpot_s : NAN;
		pt[n].gpu_tok_s = rp.output_tokens_per_s / T;
		pt[n].tpot_ok = !(s->tpot_slo_s > 0) || rp.tpot_s <= s->tpot_slo_s;
		n++;
		if (b == bmax)
			break;
	}
	return n;
}

int chart_volume(const scenario *s, volume_pt *pt, int n)
{
	static scenario t;
	static results r;
	double d0 = s->requests_per_day / 100, d1 = s->requests_per_day * 100;

	if (n < 2 || !(d0 > 0))
		return 0;
	if (d0 < 1)
		d0 = 1;
	for (int i = 0; i < n; i++) {
		t = *s;
		t.n_options = 0;
		t.requests_per_day = d0 * pow(d1 / d0, (double)i / (n - 1));
		model_eval_figures(&t, &r);
		pt[i].requests_per_day = t.requests_per_day;
		pt[i].fleet_usd_month = r.fits && r.batch > 0 ? r.monthly_usd : NAN;
		pt[i].api_usd_month = r.api_daily_usd > 0 ?
			r.api_daily_usd * 365.0 / 12.0 : NAN;
	}
	return n;
}

void chart_roofline(const scenario *s, const results *r, roofline *o)
{
	int prec = r->compute_prec >= 0 && r->compute_prec < PREC_COUNT ?
	           r->compute_prec : PREC_BF16;

	memset(o, 0, sizeof *o);
	o->peak_flops = s->gpu.flops[prec] > 0 ? s->gpu.flops[prec] :
	                s->gpu.flops[PREC_BF16];
	o->bandwidth = s->gpu.bandwidth;
	o->ridge = o->bandwidth > 0 ? o->peak_flops / o->bandwidth : NAN;
	o->decode_ai = r->step.bytes > 0 ? r->step.flops / r->step.bytes : NAN;
	o->decode_flops = r->step.total_s > 0 ? r->step.flops / r->step.total_s : NAN;
	o->prefill_ai = r->prefill.bytes > 0 ? r->prefill.flops / r->prefill.bytes : NAN;
	o->prefill_flops = r->prefill.total_s > 0 ? r->prefill.flops / r->prefill.total_s : NAN;
	o->decode_compute_bound = r->step.compute_bound;
	o->prefill_compute_bound = r->prefill.compute_bound;
}

/* ---- --charts ------------------------------------------------------------ */

static enum table_style style_of(enum report_format f)
{
	return f == REPORT_JSON ? TS_JSON : f == REPORT_CSV ? TS_CSV :
	       f == REPORT_MARKDOWN ? TS_MARKDOWN : TS_TEXT;
}

/* the three tables; h prefixes the headings of text and Markdown */
static int charts_emit(FILE *out, enum report_format f, const scenario *s,
                       const char *h)
{
	static results r;
	frontier_pt fp[CHART_POINTS];
	volume_pt vp[13];
	roofline rl;
	bool human = f == REPORT_TEXT || f == REPORT_MARKDOWN;
	char c[6][64];
	const char *cp[6] = { c[0], c[1], c[2], c[3], c[4], c[5] };

	model_eval(s, &r);
	int nf = chart_frontier(s, fp, CHART_POINTS);
	int nv = chart_volume(s, vp, 13);
	chart_roofline(s, &r, &rl);
	static const char *const roof_names[7] = { "peak_flops", "bandwidth",
		"ridge", "decode_ai", "decode_flops", "prefill_ai", "prefill_flops" };
	const double roof_v[7] = { rl.peak_flops, rl.bandwidth, rl.ridge,
		rl.decode_ai, rl.decode_flops, rl.prefill_ai, rl.prefill_flops };

	if (f == REPORT_CSV) {
		/* one value per row: chart, point, key, value */
		fputs("chart,point,key,value\n", out);
		for (int i = 0; i < nf; i++) {
			emit_num(c[0], 64, fp[i].user_tok_s);
			emit_num(c[1], 64, fp[i].gpu_tok_s);
			fprintf(out, "frontier,%d,batch,%d\nfrontier,%d,user_tok_s,%s\n"
			        "frontier,%d,gpu_tok_s,%s\nfrontier,%d,tpot_ok,%s\n", i + 1,
			        fp[i].batch, i + 1, c[0], i + 1, c[1], i + 1,
			        fp[i].tpot_ok ? "true" : "false");
		}
		for (int i = 0; i < nv; i++) {
			emit_num(c[0], 64, vp[i].requests_per_day);
			emit_num(c[1], 64, vp[i].fleet_usd_month);
			emit_num(c[2], 64, vp[i].api_usd_month);
			fprintf(out, "volume,%d,requests_per_day,%s\nvolume,%d,fleet_usd_month,%s\n"
			        "volume,%d,api_usd_month,%s\n", i + 1, c[0], i + 1, c[1], i + 1, c[2]);
		}
		emit_num(c[0], 64, r.break_even_requests_per_day > 0 ?
		         r.break_even_requests_per_day : NAN);
		fprintf(out, "volume,,break_even_requests_per_day,%s\n", c[0]);
		for (int i = 0; i < 7; i++) {
			emit_num(c[0], 64, roof_v[i]);
			fprintf(out, "roofline,,%s,%s\n", roof_names[i], c[0]);
		}
		return ferror(out) ? -1 : 0;
	}

	if (f == REPORT_JSON)
		fputs("{\"frontier\": ", out);
	else
		fprintf(out, "%sFRONTIER: one replica across batch sizes (TPOT SLO %g ms)\n%s",
		        h, s->tpot_slo_s * 1e3, f == REPORT_MARKDOWN ? "\n" : "");
	{
		static const char *const k[] = { "chart", "batch", "user_tok_s", "gpu_tok_s", "tpot_ok" };
		static const char *const hd[] = { "", "batch", "tok/s per user", "out tok/s per GPU", "TPOT ok" };
		static const bool num[] = { 0, 1, 1, 1, 1 };
		static const int w[] = { 0, 6, 14, 17, 7 };
		table t = { .out = out, .style = style_of(f), .n = 4, .keys = k + 1,
		            .heads = human ? hd + 1 : NULL, .numeric = num + 1, .width = w + 1 };
		table_begin(&t);
		for (int i = 0; i < nf; i++) {
			int o = 0;
			snprintf(c[o], 64, "%d", fp[i].batch);
			if (human) {
				snprintf(c[o + 1], 64, "%.1f", fp[i].user_tok_s);
				snprintf(c[o + 2], 64, "%.1f", fp[i].gpu_tok_s);
			} else {
				emit_num(c[o + 1], 64, fp[i].user_tok_s);
				emit_num(c[o + 2], 64, fp[i].gpu_tok_s);
			}
			snprintf(c[o + 3], 64, "%s", human ? (fp[i].tpot_ok ? "yes" : "no") :
			         fp[i].tpot_ok ? "true" : "false");
			table_row(&t, cp);
		}
		if (nf == 0 && human)
			fputs("(the model does not fit: no batch size to trace)\n", out);
		table_end(&t);
	}
	if (f == REPORT_JSON)
		fputs(", \"volume\": ", out);
	else
		fprintf(out, "\n%s$/MONTH AGAINST DAILY VOLUME: this fleet and the API\n%s",
		        h, f == REPORT_MARKDOWN ? "\n" : "");
	{
		static const char *const k[] = { "chart", "requests_per_day", "fleet_usd_month", "api_usd_month" };
		static const char *const hd[] = { "", "req/day", "fleet $/month", "API $/month" };
		static const bool num[] = { 0, 1, 1, 1 };
		static const int w[] = { 0, 15, 15, 15 };
		table t = { .out = out, .style = style_of(f), .n = 3, .keys = k + 1,
		            .heads = human ? hd + 1 : NULL, .numeric = num + 1,
		            .width = w + 1 };
		table_begin(&t);
		for (int i = 0; i < nv; i++) {
			int o = 0;
			double v[3] = { vp[i].requests_per_day, vp[i].fleet_usd_month, vp[i].api_usd_month };
			for (int j = 0; j < 3; j++) {
				if (human && isfinite(v[j]))
					emit_money(c[o + j], 64, v[j], 0);
				else if (human)
					snprintf(c[o + j], 64, j == 1 ? "does not fit" : "n/a");
				else
					emit_num(c[o + j], 64, v[j]);
			}
			table_row(&t, cp);
		}
		table_end(&t);
	}
	/* where the two lines cross (the report's break-even), or that they
	 * do not: never a volume of 0 */
	double be = r.break_even_requests_per_day > 0 ? r.break_even_requests_per_day : NAN;
	if (f == REPORT_JSON) {
		fputs(", \"break_even_requests_per_day\": ", out);
		emit_json_num(out, be);
	} else if (isfinite(be)) {
		fprintf(out, "\nbreak-even: %s req/day (above it this fleet costs less than the API)\n",
		        emit_money(c[0], 64, be, 0));
	} else {
		fprintf(out, "\nbreak-even: %s\n", r.fits && r.batch > 0 ?
		        "none (the API is cheaper at every volume)" :
		        "none (the model does not fit: no fleet)");
	}
	if (f == REPORT_JSON) {
		fputs(", \"roofline\": {", out);
		for (int i = 0; i < 7; i++) {
			fprintf(out, "%s\"%s\": ", i ? ", " : "", roof_names[i]);
			emit_json_num(out, roof_v[i]);
		}
		fputs("}}\n", out);
	} else {
		fprintf(out, "\n%sROOFLINE (per GPU): peak %.1f TFLOP/s, %.2f TB/s, ridge %.0f FLOP/byte\n%s",
		        h, rl.peak_flops / 1e12, rl.bandwidth / 1e12, rl.ridge,
		        f == REPORT_MARKDOWN ? "\n" : "");
		static const char *const hd[] = { "phase", "FLOP/byte", "TFLOP/s achieved", "ceiling TFLOP/s", "bound" };
		static const bool num[] = { 0, 1, 1, 1, 0 };
		static const int w[] = { 8, 10, 17, 16, 8 };
		table t = { .out = out, .style = style_of(f), .n = 5, .keys = hd,
		            .numeric = num, .width = w };
		table_begin(&t);
		for (int i = 0; i < 2; i++) {
			double ai = i ? rl.prefill_ai : rl.decode_ai;
			double fl = i ? rl.prefill_flops : rl.decode_flops;
			snprintf(c[0], 64, "%s", i ? "prefill" : "decode");
			snprintf(c[1], 64, "%.1f", ai);
			snprintf(c[2], 64, "%.1f", fl / 1e12);
			snprintf(c[3], 64, "%.1f", fmin(rl.peak_flops, rl.bandwidth * ai) / 1e12);
			snprintf(c[4], 64, "%s", (i ? rl.prefill_compute_bound : rl.decode_compute_bound) ?
			         "compute" : "memory");
			table_row(&t, cp);
		}
		table_end(&t);
	}
	return ferror(out) ? -1 : 0;
}

int charts_write(FILE *out, enum report_format f, const scenario *s)
{
	return charts_emit(out, f, s, f == REPORT_MARKDOWN ? "## " : "");
}

static int charts_section(FILE *m, void *ctx)
{
	fputs("\n## Charts\n\nThe explorer's charts (key g) as tables.\n\n", m);
	return charts_emit(m, REPORT_MARKDOWN, ctx, "### ");
}

int report_write_with_charts(FILE *out, const scenario *s, const results *r)
{
	if (report_write(out, REPORT_MARKDOWN, s, r) != 0)
		return -1;
	return text_md_escaped(out, charts_section, (void *)s) != 0 || fflush(out) != 0 ? -1 : 0;
}
