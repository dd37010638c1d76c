/* text.c — the text and Markdown reports of one evaluation, laid out for a
 * person (one screenful for a three-region preset with three options);
 * Markdown carries the same tables. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "catalog.h"
#include "model/fleet.h"
#include "params.h"
#include "text.h"
#include "report/report_impl.h"

static const char *prec_name(int prec)
{
	static const char *const names[PREC_COUNT] = {
		"fp32", "bf16", "fp16", "fp8", "int8", "int4"
	};
	return prec >= 0 && prec < PREC_COUNT ? names[prec] : "auto";
}

/* 1234567.891 -> "1,234,567.89" (decimals digits after the point) */
static const char *money(char *buf, size_t len, double v, int decimals)
{
	char raw[64], *dot;
	size_t n, ip, o = 0;
	bool neg = v < 0;

	if (!isfinite(v)) {
		snprintf(buf, len, "n/a");
		return buf;
	}
	snprintf(raw, sizeof raw, "%.*f", decimals, neg ? -v : v);
	dot = strchr(raw, '.');
	ip = dot ? (size_t)(dot - raw) : strlen(raw);
	n = strlen(raw);
	if (neg && o + 1 < len)
		buf[o++] = '-';
	for (size_t i = 0; i < n && o + 1 < len; i++) {
		if (i < ip && i > 0 && (ip - i) % 3 == 0 && o + 2 < len)
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
	return buf;
}

/* a duration with a sensible unit */
static const char *dur(char *buf, size_t len, double s)
{
	if (!isfinite(s))
		snprintf(buf, len, "n/a");
	else if (s >= 1.0)
		snprintf(buf, len, "%.2f s", s);
	else if (s >= 1e-3)
		snprintf(buf, len, "%.1f ms", s * 1e3);
	else
		snprintf(buf, len, "%.1f us", s * 1e6);
	return buf;
}

/* a price: cents when it is a whole number of cents, else 4 digits */
static const char *price(char *buf, size_t len, double v)
{
	if (isfinite(v) && fabs(v * 100.0 - round(v * 100.0)) < 1e-9)
		snprintf(buf, len, "%.2f", v);
	else
		snprintf(buf, len, "%.4g", v);
	return buf;
}

/* bytes with a decimal unit: "231 MB", "15.9 GB" */
static const char *bytes_h(char *buf, size_t len, double b)
{
	if (!isfinite(b))
		snprintf(buf, len, "n/a");
	else if (fabs(b) >= 1e9)
		snprintf(buf, len, "%.3g GB", b / 1e9);
	else if (fabs(b) >= 1e6)
		snprintf(buf, len, "%.3g MB", b / 1e6);
	else
		snprintf(buf, len, "%.3g kB", b / 1e3);
	return buf;
}

/* bytes in GB (1e9) */
static double gb(double b) { return b / 1e9; }

static const char *okfail(bool ok) { return ok ? "ok" : "FAIL"; }

#define B(n) char n[48]

/* Text lines are wrapped at 79 columns with a hanging indent; Markdown
 * lines are left whole (the renderer wraps). */
#define TEXT_WIDTH 79

static void put_wrapped(FILE *out, bool md, int indent, int hang,
                        const char *text)
{
	const char *p = text;
	int col, first = 1;

	if (md) {
		fprintf(out, "%s\n", text);
		return;
	}
	while (*p) {
		int start = first ? indent : hang;
		int room = TEXT_WIDTH - start, len = (int)strlen(p), cut;

		if (room < 20)
			room = 20;
		if (len <= room) {
			cut = len;
		} else {
			cut = room;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0) {          /* one long word: break after it */
				cut = room;
				while (p[cut] && p[cut] != ' ')
					cut++;
			}
		}
		for (col = 0; col < start; col++)
			fputc(' ', out);
		fprintf(out, "%.*s\n", cut, p);
		p += cut;
		while (*p == ' ')
			p++;
		first = 0;
	}
}

/* printf into a line, then wrap it */
static void line(FILE *out, bool md, int indent, int hang, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void line(FILE *out, bool md, int indent, int hang, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	put_wrapped(out, md, indent, hang, buf);
}

static void text_header(FILE *out, const scenario *s, bool md)
{
	B(a); B(b); B(c); B(d);
	const char *li = md ? "- " : "";

	line(out, md, 0, 2, "%sinfertui report%s%s", md ? "# " : "",
	     s->description[0] ? ": " : "", s->description);
	if (md)
		fputs("\n", out);
	char mem[48];
	line(out, md, 0, 2, "%s%s; %s weights, %s KV; %dx %s per replica, %s and "
	     "%.3g TB/s each; %s batching (max %d), %s KV", li,
	     s->model.label[0] ? s->model.label : s->model.id,
	     prec_name(s->weights), prec_name(s->kv_cache), s->gpus,
	     s->gpu.label[0] ? s->gpu.label : s->gpu.id,
	     catalog_fmt_memory(mem, sizeof mem, s->gpu.mem_bytes),
	     s->gpu.bandwidth / 1e12,
	     s->batching == BATCH_STATIC ? "static" : "continuous", s->max_batch,
	     s->kv_manager == KV_PAGED ? "paged" : "contiguous");
	line(out, md, 0, 2, "%s%.0f in / %.0f out tokens; %s req/day, peak x%.3g; "
	     "SLOs: TTFT p95 %s, TPOT %s, E2E %s; availability %.4g%%", li,
	     s->input_tokens, s->output_tokens,
	     money(a, sizeof a, s->requests_per_day, 0), s->peak_factor,
	     dur(b, sizeof b, s->ttft_slo_s), dur(c, sizeof c, s->tpot_slo_s),
	     dur(d, sizeof d, s->e2e_slo_s), 100.0 * s->availability);
}

/* the answer in one place: where the fleet is priced, why, whether it
 * serves the target and what it costs */
static void text_operating(FILE *out, const scenario *s, const results *r,
                           bool md)
{
	B(a);
	const char *li = md ? "- " : "  ";

	(void)s;
	if (md)
		fputs("\n## Operating point\n\n", out);
	else
		fputs("\nOPERATING POINT\n", out);
	if (r->op.batch > 0)
		snprintf(a, sizeof a, "batch %d", r->op.batch);
	else
		snprintf(a, sizeof a, "no batch");
	if (r->op.meets)
		line(out, md, 0, 4, "%s%s (%s): meets the target (fits, every SLO "
		     "holds, availability %.4f%%)", li, a, r->op.text,
		     100.0 * r->availability);
	else if (r->op.batch > 0)
		line(out, md, 0, 4, "%s%s (%s): does NOT meet the target: %s", li,
		     a, r->op.text, r->op.unmet);
	else
		line(out, md, 0, 4, "%s%s: does NOT meet the target", li,
		     r->op.unmet);
}

/* the effective max batch, when the operating batch is smaller */
static void text_at_max(FILE *out, const scenario *s, const results *r,
                        bool md)
{
	B(a); B(b); B(c);
	const batch_point *m = &r->at_max;
	int in = md ? 0 : 2, hang = md ? 0 : 4;

	(void)s;
	if (!(r->op.batch > 0) || m->batch == r->op.batch)
		return;
	if (md)
		fprintf(out, "\n## At max batch %d (not priced)\n\n", m->batch);
	else
		fprintf(out, "\nAT MAX BATCH %d (not priced)\n", m->batch);
	line(out, md, in, hang, "%sTPOT %s, TTFT %s, E2E %s with no queue "
	     "(TTFT %s, TPOT %s, E2E %s); %.3g req/s, %.4g out tok/s; $%.4g per "
	     "1K out tokens", md ? "- " : "",
	     dur(a, sizeof a, m->tpot_s), dur(b, sizeof b, m->ttft_s),
	     dur(c, sizeof c, m->e2e_s), okfail(m->ttft_ok), okfail(m->tpot_ok),
	     okfail(m->e2e_ok), m->requests_per_s, m->output_tokens_per_s,
	     m->usd_per_1k_output_tokens);
}

/* yes, or the first of fit, SLOs and availability that fails */
static const char *option_meets(const option_result *o)
{
	if (o->meets)
		return "yes";
	if (!o->fits)
		return "NO: fit";
	if (!o->meets_slo)
		return "NO: SLOs";
	return "NO: availability";
}

bool report_option_priced(const option_result *o)
{
	return o->kind == OPT_API || o->kind == OPT_HYBRID || o->fits;
}

static void text_options(FILE *out, const scenario *s, const results *r, bool md)
{
	B(a); B(b); B(c);

	if (r->n_options <= 0)
		return;
	if (md)
		fprintf(out, "\n## Options (reserved: %.0f%% off; a year is 12 "
		        "reserved months)\n\n"
		        "| option | what | $/month on demand | $/month reserved | "
		        "$/year | replicas | meets | notes |\n"
		        "|---|---|---:|---:|---:|---:|---|---|\n",
		        100.0 * s->reserved_discount);
	else
		fprintf(out, "\nOPTIONS (reserved: %.0f%% off; a year is 12 reserved "
		        "months)\n  %-6s %-17s %13s %12s %13s %4s %s\n",
		        100.0 * s->reserved_discount, "option", "what", "$/mo on dem.",
		        "$/mo reserv.", "$/year", "repl", "meets");
	for (int i = 0; i < r->n_options && i < MAX_OPTIONS; i++) {
		const option_result *o = &r->options[i];
		const option *so = &s->options[i];
		char what[2 * ID_MAX + 16];

		if (o->kind == OPT_API)
			snprintf(what, sizeof what, "API");
		else if (o->kind == OPT_HYBRID)
			snprintf(what, sizeof what, "%s+%s", so->base, so->burst);
		else if (o->kind == OPT_OWNED)
			snprintf(what, sizeof what, "%d x %s own", o->instances_total,
			         so->gpu.id);
		else
			snprintf(what, sizeof what, "%d x %s%s", o->instances_total,
			         so->instance[0] ? so->instance : so->gpu.id,
			         o->kind == OPT_SPOT ? " spot" : "");
		/* an option that does not fit has no price and no replicas */
		bool priced = report_option_priced(o);
		char reps[16];
		if (o->kind == OPT_API || !priced)
			snprintf(reps, sizeof reps, "-");
		else
			snprintf(reps, sizeof reps, "%d", o->replicas_total);
		if (priced) {
			money(a, sizeof a, o->monthly_on_demand_usd, 2);
			money(b, sizeof b, o->monthly_reserved_usd, 2);
			money(c, sizeof c, o->annual_usd, 2);
		} else {
			snprintf(a, sizeof a, "does not fit");
			snprintf(b, sizeof b, "-");
			snprintf(c, sizeof c, "-");
		}
		if (md) {
			fprintf(out, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
			        o->name, what, a, b, c, reps, option_meets(o), o->notes);
		} else {
			fprintf(out, "  %-6.6s %-17.17s %13s %12s %13s %4s %s\n", o->name,
			        what, a, b, c, reps, option_meets(o));
			put_wrapped(out, md, 9, 9, o->notes);
		}
	}
}

/* The TCO over the horizon, and what owning costs month by month. */
static void text_horizon(FILE *out, const scenario *s, const results *r, bool md)
{
	B(a); B(b); B(c); B(d); B(x);

	if (r->n_options <= 0)
		return;
	if (md)
		fprintf(out, "\n## TCO over %.0f months\n\n", r->horizon_months);
	else
		fprintf(out, "\nTCO OVER %.0f MONTHS\n", r->horizon_months);
	for (int i = 0; i < r->n_options && i < MAX_OPTIONS; i++) {
		const option_result *o = &r->options[i];

		if (!report_option_priced(o))
			line(out, md, 2, 4, "%s%s: not priced (does not fit)", md ? "- " : "",
			     o->name);
		else if (o->kind == OPT_INSTANCES && s->reserved_discount > 0)
			line(out, md, 2, 4, "%s%s: $%s reserved, $%s on demand", md ? "- " : "",
			     o->name, money(a, sizeof a, o->horizon_usd, 0),
			     money(b, sizeof b, o->monthly_on_demand_usd * r->horizon_months, 0));
		else
			line(out, md, 2, 4, "%s%s: $%s", md ? "- " : "", o->name,
			     money(a, sizeof a, o->horizon_usd, 0));
		if (o->kind == OPT_OWNED && o->fits) {
			char be[96 + ID_MAX];
			if (o->break_even_months >= 0 && o->break_even_reserved_months >= 0)
				snprintf(be, sizeof be, "pays back in month %.0f against %s on "
				         "demand, month %.0f against reserved",
				         ceil(o->break_even_months - 1e-9), o->versus,
				         ceil(o->break_even_reserved_months - 1e-9));
			else if (o->break_even_months >= 0)
				snprintf(be, sizeof be, "pays back in month %.0f against %s on "
				         "demand, never against reserved",
				         ceil(o->break_even_months - 1e-9), o->versus);
			else
				snprintf(be, sizeof be, "never pays back against %s", o->versus);
			line(out, md, 4, 6, "%s$%s up front; a month: capital $%s, energy $%s, "
			     "colocation $%s, operations $%s (%.1f kW at %.0f%% load); %s",
			     md ? "  - " : "", money(a, sizeof a, o->purchase_usd, 0),
			     money(b, sizeof b, o->capital_month, 2),
			     money(c, sizeof c, o->energy_month, 2),
			     money(d, sizeof d, o->colo_month, 2),
			     money(x, sizeof x, o->ops_month, 2), o->power_kw,
			     100.0 * o->utilisation, be);
		} else if (o->kind == OPT_HYBRID && o->fits) {
			line(out, md, 4, 6, "%sbase %d replicas $%s/month + burst $%s/month "
			     "(%.1f%% of requests); best split: %d base replicas (%.0f%% of "
			     "peak) at $%s/month", md ? "  - " : "", o->base_replicas,
			     money(a, sizeof a, o->base_month, 2),
			     money(b, sizeof b, o->burst_month, 2), 100.0 * o->burst_share,
			     o->best_base_replicas, 100.0 * o->best_base_share,
			     money(c, sizeof c, o->best_month, 2));
		}
	}
}

/* Energy per token: one replica at full load, the fleet at its mean load. */
static void text_energy(FILE *out, const scenario *s, const results *r, bool md)
{
	const energy_result *p = &r->energy_replica, *f = &r->energy_fleet;
	B(a);

	if (md)
		fprintf(out, "\n## Energy\n\n");
	else
		fprintf(out, "\nENERGY (PUE %.2f, $%.4g/kWh)\n", s->owned.pue, r->usd_per_kwh);
	if (!(p->joules_per_token > 0)) {
		line(out, md, 2, 4, "no power figure for %s: set own.gpu_power_w",
		     s->gpu.id);
		return;
	}
	line(out, md, 2, 4, "%sreplica at full load: %.3g kW, %.3g J per output "
	     "token, %.3g kWh and $%.3g of electricity per 1M output tokens, %.3g "
	     "tok/s per MW", md ? "- " : "", p->power_w / 1000.0, p->joules_per_token,
	     p->kwh_per_1m, p->usd_per_1m, p->tokens_per_s_per_mw);
	if (f->joules_per_token > 0)
		line(out, md, 2, 4, "%sfleet at %.0f%% load: %.3g kW, %.3g J per output "
		     "token, %.3g kWh and $%.3g per 1M output tokens; %s kWh and $%.2f "
		     "a month", md ? "- " : "", 100.0 * r->utilisation,
		     f->power_w / 1000.0, f->joules_per_token, f->kwh_per_1m,
		     f->usd_per_1m, money(a, sizeof a, r->energy_kwh_month, 0),
		     r->energy_usd_month);
}

static void text_fleet(FILE *out, const scenario *s, const results *r, bool md)
{
	B(a); B(b); B(c);

	if (!r->op.sized) {
		if (md)
			fprintf(out, "\n## Fleet\n\n");
		else
			fprintf(out, "\nFLEET\n");
		line(out, md, md ? 0 : 2, 4, "no fleet is priced: %s",
		     r->fits && r->batch > 0 ? r->op.unmet : r->op.text);
		return;
	}

	if (md)
		fprintf(out, "\n## Fleet: %dx %s per replica, %d replicas; peak "
		        "%.3g req/s\n\n"
		        "| region | share | peak req/s | needed | replicas | "
		        "utilisation | $/month |\n"
		        "|---|---:|---:|---:|---:|---:|---:|\n", s->gpus, s->gpu.id,
		        r->replicas_total, r->peak_requests_per_s);
	else
		fprintf(out, "\nFLEET: %dx %s per replica, %d replicas; peak %.3g "
		        "req/s\n  %-10s %6s %10s %7s %9s %5s %14s\n", s->gpus,
		        s->gpu.id, r->replicas_total, r->peak_requests_per_s,
		        "region", "share", "peak req/s", "needed", "replicas",
		        "util", "$/month");
	for (int i = 0; i < r->n_regions && i < MAX_REGIONS; i++) {
		const region_result *g = &r->regions[i];
		if (md)
			fprintf(out, "| %s | %.3g | %.3g | %d | %d | %.0f%% | %s |\n",
			        g->name, g->share, g->lambda, g->needed, g->replicas,
			        100.0 * g->utilisation,
			        money(a, sizeof a, g->usd_per_month, 2));
		else
			fprintf(out, "  %-10.10s %6.3g %10.3g %7d %9d %4.0f%% %14s\n",
			        g->name, g->share, g->lambda, g->needed, g->replicas,
			        100.0 * g->utilisation,
			        money(a, sizeof a, g->usd_per_month, 2));
	}
	if (md)
		fputc('\n', out);
	line(out, md, 2, 4, "%sutilisation %.0f%%, availability %.4f%% (target "
	     "%.4g%%, replicas up %.4g%% each, spares per region as the target "
	     "needs); $%s/month on demand, $%s reserved, $%s/year (12 x "
	     "reserved)%s", md ? "Total: " : "total: ",
	     100.0 * r->utilisation, 100.0 * r->availability,
	     100.0 * s->availability, 100.0 * s->replica_availability,
	     money(a, sizeof a, r->monthly_usd, 2),
	     money(b, sizeof b, r->monthly_reserved_usd, 2),
	     money(c, sizeof c, r->annual_usd, 2),
	     r->op.meets ? "" : "; NOT meeting the target");
}

static void text_api(FILE *out, const scenario *s, const results *r, bool md)
{
	B(a); B(b); B(c); B(d);
	char be[160];

	if (r->break_even_requests_per_day > 0.0)
		snprintf(be, sizeof be, "break-even with self-hosting: %s "
		         "requests/day (above it self-hosting is cheaper)",
		         money(c, sizeof c, r->break_even_requests_per_day, 0));
	else if (!r->op.sized)
		snprintf(be, sizeof be, "break-even with self-hosting: none (no "
		         "self-hosted fleet is priced)");
	else
		snprintf(be, sizeof be, "break-even with self-hosting: never (the "
		         "API is cheaper at every volume)");
	if (md)
		fputs("\n## API\n\n", out);
	else
		fputc('\n', out);
	line(out, md, 0, 2, "%s $%s / $%s per 1M in/out tokens: $%.4g/request, "
	     "$%s/day, $%s/year; %s", md ? "At" : "API at",
	     price(c, sizeof c, s->api_input_per_token * 1e6),
	     price(d, sizeof d, s->api_output_per_token * 1e6),
	     r->api_usd_per_request, money(a, sizeof a, r->api_daily_usd, 2),
	     money(b, sizeof b, r->api_annual_usd, 2), be);
}

static void text_replica(FILE *out, const scenario *s, const results *r, bool md)
{
	B(a); B(b); B(c); B(d); B(e); B(f); B(g);
	const char *li = md ? "- " : "";
	const param *pm = params_find("hardware.mbu");
	int in = md ? 0 : 2, hang = md ? 0 : 14;

	if (md)
		fprintf(out, "\n## One replica (%dx %s) at the operating batch\n\n",
		        s->gpus, s->gpu.id);
	else
		fprintf(out, "\nONE REPLICA (%dx %s) AT THE OPERATING BATCH\n",
		        s->gpus, s->gpu.id);
	if (r->fits)
		line(out, md, in, hang, "%sMemory:     weights %.1f GB, KV %s/request, "
		     "room %.1f GB; fits; batch %d (max %d, set by %s), KV in use %s",
		     li, gb(r->weights_bytes),
		     bytes_h(a, sizeof a, r->kv_bytes_per_request),
		     gb(r->kv_room_bytes), r->op.batch, r->batch,
		     r->batch_limit == LIMIT_KV_MEMORY ? "KV memory" : "max batch",
		     bytes_h(b, sizeof b, r->kv_in_use_bytes));
	else
		line(out, md, in, hang, "%sMemory:     weights %.1f GB, KV %s/request, "
		     "room %.1f GB; DOES NOT FIT (the figures below assume batch 1 "
		     "as if it fitted)", li, gb(r->weights_bytes),
		     bytes_h(a, sizeof a, r->kv_bytes_per_request), gb(r->kv_room_bytes));
	line(out, md, in, hang, "%sLatency:    prefill %s, step %s (%s-bound), "
	     "TPOT %s, TTFT %s (p95 %s), E2E %s (p95 %s)", li,
	     dur(a, sizeof a, r->prefill.total_s), dur(b, sizeof b, r->step.total_s),
	     r->step.compute_bound ? "compute" : "memory",
	     dur(c, sizeof c, r->tpot_s), dur(d, sizeof d, r->ttft_s),
	     dur(e, sizeof e, r->ttft_p95_s), dur(f, sizeof f, r->e2e_s),
	     dur(g, sizeof g, r->e2e_p95_s));
	{
		char basis[192];
		model_error_band_basis(s, &s->gpu, basis, sizeof basis);
		line(out, md, in, hang, "%sError band: times +/-%.0f%% (%s); TTFT = "
		     "request overhead %s + prefill + queueing, no network round trip",
		     li, 100.0 * r->error_band, basis,
		     dur(a, sizeof a, s->request_overhead_s));
	}
	line(out, md, in, hang, "%sThroughput: %.3g req/s, %.4g out tok/s "
	     "(achieved MBU %.0f%%, MFU %.0f%%); within the SLOs %.3g req/s",
	     li, r->requests_per_s, r->output_tokens_per_s,
	     100.0 * r->mbu, 100.0 * r->mfu, r->slo_requests_per_s);
	line(out, md, in, hang, "%sEfficiency: MBU %.2f, MFU %.2f (%s)", li,
	     s->gpu.mbu, s->gpu.mfu,
	     pm ? params_provenance(s, pm) : s->gpu.eff_source);
	line(out, md, in, hang, "%sCost:       $%.2f/h; $%.4g per 1K out "
	     "tokens, $%.4g per 1M tokens, $%.3g/request", li,
	     r->replica_usd_per_hour, r->usd_per_1k_output_tokens,
	     r->usd_per_1m_tokens, r->usd_per_request);
	if (r->fits && r->op.batch > 0)
		line(out, md, in, hang, "%sSLOs:       TTFT p95 %s, TPOT %s, E2E p95 "
		     "%s%s", li, okfail(r->ttft_ok), okfail(r->tpot_ok),
		     okfail(r->e2e_ok), r->op.reason == OP_NO_SLO_BATCH ?
		     " (no batch meets them)" : "");
	else
		line(out, md, in, hang, "%sSLOs:       none counts as met (the "
		     "model does not fit)", li);
}

static void text_notes(FILE *out, const results *r, bool md)
{
	char buf[MODEL_NOTE_LEN + 8];

	if (r->n_notes <= 0)
		return;
	fputs(md ? "\n## Notes\n\n" : "\nNOTES\n", out);
	for (int i = 0; i < r->n_notes && i < MODEL_MAX_NOTES; i++) {
		snprintf(buf, sizeof buf, "- %s", r->notes[i]);
		put_wrapped(out, md, 2, 4, md ? buf : buf);
	}
}

static void emit_sections(FILE *out, const scenario *s, const results *r, bool md)
{
	/* the answer first, in the same order as the JSON and CSV reports:
	 * the inputs, the operating point, the fleet priced there, the
	 * options, the API; then one replica at the operating batch, the
	 * max-batch point beside it, the notes */
	text_header(out, s, md);
	text_operating(out, s, r, md);
	text_fleet(out, s, r, md);
	text_options(out, s, r, md);
	text_api(out, s, r, md);
	text_horizon(out, s, r, md);
	text_energy(out, s, r, md);
	text_replica(out, s, r, md);
	text_at_max(out, s, r, md);
	text_notes(out, r, md);
}

struct md_ctx { const scenario *s; const results *r; };

static int md_sections(FILE *m, void *ctx)
{
	const struct md_ctx *c = ctx;
	emit_sections(m, c->s, c->r, true);
	return 0;
}

void report_emit_text(FILE *out, const scenario *s, const results *r, bool md)
{
	struct md_ctx c = { s, r };

	if (!md) {
		emit_sections(out, s, r, false);
		return;
	}
	/* Markdown: every '$' escaped (text_md_escaped) */
	if (text_md_escaped(out, md_sections, &c) != 0)
		emit_sections(out, s, r, true);     /* no memory: unescaped rather than nothing */
}
