/* report.c — text, JSON, Markdown and CSV reports of one evaluation.
 *
 * JSON and CSV come from one walk over the results (the emitter below), so
 * the two always carry the same fields with the same values:
 *   JSON: one object, the sections of interface.md "Report", numbers in SI
 *         units unless the key names another unit; a value that is not
 *         finite is written as null and named in a note.
 *   CSV:  a header "key,value" and one row per scalar; key is the dotted
 *         path of the JSON field (arrays of objects use the element's name:
 *         fleet.regions.hk.replicas, tco.options.a.annual_usd; notes are
 *         notes.1, notes.2, ...).
 * Text is laid out for a person (one screenful for a three-region preset
 * with three options); Markdown carries the same tables.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "model/fleet.h"
#include "params.h"
#include "report.h"

/* copy with truncation */
static void copy_str(char *dst, size_t n, const char *src)
{
	size_t l = strlen(src);

	if (l >= n)
		l = n - 1;
	memcpy(dst, src, l);
	dst[l] = '\0';
}

static const char *prec_name(int prec)
{
	static const char *const names[PREC_COUNT] = {
		"fp32", "bf16", "fp16", "fp8", "int8", "int4"
	};
	return prec >= 0 && prec < PREC_COUNT ? names[prec] : "auto";
}

/* ======================================================================
 * The structured emitter (JSON or CSV)
 * ==================================================================== */

#define EMIT_DEPTH 8
#define EMIT_PATH 256
#define EMIT_BAD 8

typedef struct {
	FILE *out;
	bool json;
	int depth;
	bool first[EMIT_DEPTH];
	bool in_array[EMIT_DEPTH];
	char path[EMIT_PATH];
	size_t plen[EMIT_DEPTH];
	int n_bad;                     /* non-finite values written as null */
	char bad[EMIT_BAD][64];
} emitter;

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void csv_field(FILE *out, const char *s)
{
	if (strpbrk(s, ",\"\n\r")) {
		fputc('"', out);
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	} else {
		fputs(s, out);
	}
}

/* set the CSV path for a member called key at the current depth */
static void path_push(emitter *e, const char *key)
{
	size_t base = e->plen[e->depth];
	int w = snprintf(e->path + base, EMIT_PATH - base, "%s%s",
	                 base ? "." : "", key);
	if (w < 0 || (size_t)w >= EMIT_PATH - base)
		e->path[EMIT_PATH - 1] = '\0';
}

/* the separator and key of a new member; key NULL inside arrays */
static void member(emitter *e, const char *key)
{
	if (e->json) {
		if (!e->first[e->depth])
			fputc(',', e->out);
		e->first[e->depth] = false;
		fputc('\n', e->out);
		for (int i = 0; i <= e->depth; i++)
			fputs("  ", e->out);
		if (key && !e->in_array[e->depth]) {
			json_string(e->out, key);
			fputs(": ", e->out);
		}
	}
	path_push(e, key ? key : "");
}

static void csv_row_start(emitter *e)
{
	csv_field(e->out, e->path);
	fputc(',', e->out);
}

static void e_begin(emitter *e, const char *key, bool array)
{
	if (e->depth >= 0) {
		member(e, key);
		if (e->json)
			fputc(array ? '[' : '{', e->out);
	} else if (e->json) {
		fputc('{', e->out);
	}
	if (e->depth + 1 < EMIT_DEPTH) {
		e->depth++;
		e->first[e->depth] = true;
		e->in_array[e->depth] = array;
		e->plen[e->depth] = strlen(e->path);
	}
}

static void e_end(emitter *e)
{
	bool array = e->in_array[e->depth];
	bool empty = e->first[e->depth];

	e->depth--;   /* the next member rewrites the path from plen[depth] */
	if (e->json) {
		if (!empty) {
			fputc('\n', e->out);
			for (int i = 0; i <= e->depth; i++)
				fputs("  ", e->out);
		}
		fputc(array ? ']' : '}', e->out);
		if (e->depth < 0)
			fputc('\n', e->out);
	}
}

/* One scalar member: JSON writes text as it is; CSV a row "path,text". */
static void e_scalar(emitter *e, const char *key, const char *text)
{
	member(e, key);
	if (!e->json)
		csv_row_start(e);
	fputs(text, e->out);
	if (!e->json)
		fputc('\n', e->out);
}

/* null in JSON, an empty field in CSV */
static void e_null(emitter *e, const char *key)
{
	e_scalar(e, key, e->json ? "null" : "");
}

static void e_num(emitter *e, const char *key, double v)
{
	char buf[40];

	if (!isfinite(v)) {
		/* member() below sets the path; record it after */
		e_null(e, key);
		if (e->n_bad < EMIT_BAD)
			copy_str(e->bad[e->n_bad], sizeof e->bad[0], e->path);
		e->n_bad++;
		return;
	}
	if (v == 0.0)
		v = 0.0;   /* no "-0" */
	snprintf(buf, sizeof buf, "%.12g", v);
	e_scalar(e, key, buf);
}

static void e_int(emitter *e, const char *key, long v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%ld", v);
	e_scalar(e, key, buf);
}

static void e_bool(emitter *e, const char *key, bool v)
{
	e_scalar(e, key, v ? "true" : "false");
}

static void e_str(emitter *e, const char *key, const char *v)
{
	member(e, key);
	if (e->json) {
		json_string(e->out, v ? v : "");
	} else {
		csv_row_start(e);
		csv_field(e->out, v ? v : "");
		fputc('\n', e->out);
	}
}

/* an array element object named (for CSV) by name */
static void e_elem_begin(emitter *e, const char *name)
{
	member(e, name);
	if (e->json)
		fputc('{', e->out);
	if (e->depth + 1 < EMIT_DEPTH) {
		e->depth++;
		e->first[e->depth] = true;
		e->in_array[e->depth] = false;
		e->plen[e->depth] = strlen(e->path);
	}
}

/* ---- the fields -------------------------------------------------------- */

static void emit_inputs(emitter *e, const scenario *s)
{
	char buf[256], name[32];

	e_begin(e, "inputs", false);
	for (size_t i = 0; i < params_count(); i++) {
		const param *p = params_at(i);
		params_get_text(s, p, buf, sizeof buf);
		switch (p->type) {
		case PT_INT:
		case PT_REAL: {
			char *end;
			double v = strtod(buf, &end);
			if (end != buf && *end == '\0')
				e_num(e, p->key, v);
			else
				e_str(e, p->key, buf);   /* e.g. "auto" */
			break;
		}
		case PT_BOOL:
			e_bool(e, p->key, params_get(s, p) != 0.0);
			break;
		default:
			e_str(e, p->key, buf);
		}
	}
	{
		char list[MAX_REGIONS * (ID_MAX + 2)];
		size_t n = 0;
		list[0] = '\0';
		for (int i = 0; i < s->n_regions && i < MAX_REGIONS; i++) {
			if (i)
				n += (size_t)snprintf(list + n, sizeof list - n, ", ");
			n += (size_t)snprintf(list + n, sizeof list - n, "%s",
			                      s->regions[i].name);
		}
		e_str(e, "fleet.regions", list);
	}
	e_begin(e, "regions", true);
	for (int i = 0; i < s->n_regions && i < MAX_REGIONS; i++) {
		e_elem_begin(e, s->regions[i].name);
		e_str(e, "name", s->regions[i].name);
		e_num(e, "share", s->regions[i].share);
		e_num(e, "price_factor", s->regions[i].price_factor);
		e_end(e);
	}
	e_end(e);
	e_begin(e, "options", true);
	for (int i = 0; i < s->n_options && i < MAX_OPTIONS; i++) {
		const option *o = &s->options[i];
		e_elem_begin(e, o->name);
		e_str(e, "name", o->name);
		if (o->kind == OPT_API) {
			e_str(e, "kind", "api");
			e_num(e, "api_input_per_m", o->api_input_per_token * 1e6);
			e_num(e, "api_output_per_m", o->api_output_per_token * 1e6);
		} else {
			e_str(e, "kind", "instances");
			e_str(e, "instance", o->instance);
			e_int(e, "instances_per_region", o->instances_per_region);
			e_num(e, "usd_per_hour", o->usd_per_hour > 0 ? o->usd_per_hour :
			      o->inst.usd_per_hour);
			e_int(e, "gpus_per_replica", o->gpus_per_replica);
		}
		e_end(e);
	}
	e_end(e);
	snprintf(name, sizeof name, "%s", "description");
	e_str(e, name, s->description);
	e_end(e);
}

static void emit_all(emitter *e, const scenario *s, const results *r)
{
	const param *pm = params_find("hardware.mbu");
	const param *pf = params_find("hardware.mfu");

	e_begin(e, NULL, false);
	emit_inputs(e, s);

	e_begin(e, "model", false);
	e_str(e, "name", s->model.id);
	e_num(e, "params_total", r->p.total);
	e_num(e, "params_active", r->p.active);
	e_num(e, "flops_per_token", r->p.flops_per_token);
	e_num(e, "weights_bytes", r->weights_bytes);
	e_end(e);

	e_begin(e, "memory", false);
	e_num(e, "weights_bytes", r->weights_bytes);
	e_num(e, "kv_bytes_per_token", r->kv_bytes_per_token);
	e_num(e, "kv_bytes_per_request", r->kv_bytes_per_request);
	e_num(e, "kv_mha_bytes_per_request", r->kv_mha_bytes_per_request);
	e_num(e, "kv_room_bytes", r->kv_room_bytes);
	e_int(e, "max_concurrency", r->max_concurrency);
	e_int(e, "batch", r->batch);
	e_str(e, "batch_limit", r->batch_limit == LIMIT_MAX_BATCH ? "max_batch" :
	      r->batch_limit == LIMIT_KV_MEMORY ? "kv_memory" : "no_fit");
	e_bool(e, "fits", r->fits);
	e_int(e, "min_gpus_to_fit", r->min_gpus_to_fit);
	e_num(e, "fragmentation_waste", r->fragmentation_waste);
	e_end(e);

	e_begin(e, "latency", false);
	e_num(e, "prefill_s", r->prefill.total_s);
	e_num(e, "step_s", r->step.total_s);
	e_num(e, "tpot_s", r->tpot_s);
	e_num(e, "ttft_s", r->ttft_s);
	e_num(e, "ttft_p95_s", r->ttft_p95_s);
	e_num(e, "e2e_s", r->e2e_s);
	e_num(e, "e2e_p95_s", r->e2e_p95_s);
	e_num(e, "queue_s", r->queue_s);
	e_num(e, "queue_p95_s", r->queue_p95_s);
	e_str(e, "queue_model", "M/D/1, t_service = 1/R_max; p95 = exponential tail");
	e_num(e, "step_memory_s", r->step.memory_s);
	e_num(e, "step_compute_s", r->step.compute_s);
	e_num(e, "step_comm_s", r->step.comm_s);
	e_str(e, "bound", r->step.compute_bound ? "compute" : "memory");
	e_num(e, "prefill_interference_s", r->prefill_interference_s);
	if (s->speculative) {
		e_num(e, "spec_tokens_per_round", r->spec_tokens_per_round);
		e_num(e, "spec_speedup", r->spec_speedup);
	}
	e_end(e);

	e_begin(e, "throughput", false);
	e_num(e, "output_tokens_per_s", r->output_tokens_per_s);
	e_num(e, "requests_per_s", r->requests_per_s);
	e_num(e, "continuous_requests_per_s", r->continuous_requests_per_s);
	e_num(e, "static_requests_per_s", r->static_requests_per_s);
	e_num(e, "batch1_requests_per_s", r->batch1_requests_per_s);
	/* where the fleet is sized: the largest batch meeting the SLOs, its
	 * capacity within them and its R_max */
	e_num(e, "slo_requests_per_s", r->slo_requests_per_s);
	e_int(e, "slo_batch", r->slo_batch);
	e_num(e, "slo_batch_requests_per_s", r->slo_batch_requests_per_s);
	e_num(e, "mbu", r->mbu);
	e_num(e, "mfu", r->mfu);
	e_begin(e, "efficiencies", false);
	e_num(e, "mbu", s->gpu.mbu);
	e_num(e, "mfu", s->gpu.mfu);
	e_str(e, "mbu_provenance", pm ? params_provenance(s, pm) : "");
	e_str(e, "mfu_provenance", pf ? params_provenance(s, pf) : "");
	e_str(e, "source", s->gpu.eff_source);
	e_end(e);
	e_end(e);

	e_begin(e, "cost", false);
	e_num(e, "replica_usd_per_hour", r->replica_usd_per_hour);
	e_num(e, "usd_per_1k_output_tokens", r->usd_per_1k_output_tokens);
	e_num(e, "usd_per_1m_tokens", r->usd_per_1m_tokens);
	e_num(e, "usd_per_request", r->usd_per_request);
	e_num(e, "tokens_per_usd", r->tokens_per_usd);
	/* the cost above is at the effective batch (full load); this one at
	 * the SLO batch (null when no batch size meets the SLOs) */
	if (r->usd_per_1k_output_tokens_at_slo > 0.0)
		e_num(e, "usd_per_1k_output_tokens_at_slo",
		      r->usd_per_1k_output_tokens_at_slo);
	else
		e_null(e, "usd_per_1k_output_tokens_at_slo");
	e_end(e);

	e_begin(e, "fleet", false);
	e_num(e, "peak_requests_per_s", r->peak_requests_per_s);
	e_num(e, "mean_requests_per_s", r->mean_requests_per_s);
	e_begin(e, "regions", true);
	for (int i = 0; i < r->n_regions && i < MAX_REGIONS; i++) {
		const region_result *g = &r->regions[i];
		e_elem_begin(e, g->name);
		e_str(e, "name", g->name);
		e_num(e, "share", g->share);
		e_num(e, "peak_requests_per_s", g->lambda);
		e_int(e, "replicas", g->replicas);
		e_int(e, "needed", g->needed);
		/* one per replica: the headline fleet rents T accelerators
		 * by the hour per replica (whole instances: tco.options) */
		e_int(e, "instances", g->instances);
		e_int(e, "gpus", g->gpus);
		e_num(e, "utilisation", g->utilisation);
		e_num(e, "peak_load", g->rho);
		e_num(e, "availability", g->availability);
		e_num(e, "monthly_usd", g->usd_per_month);
		e_end(e);
	}
	e_end(e);
	e_int(e, "replicas_total", r->replicas_total);
	e_num(e, "utilisation", r->utilisation);
	e_num(e, "availability", r->availability);
	e_num(e, "availability_target", s->availability);
	e_num(e, "replica_availability", s->replica_availability);
	e_num(e, "usd_per_hour", r->fleet_usd_per_hour);
	e_end(e);

	e_begin(e, "tco", false);
	/* monthly_usd is on demand; annual_usd = 12 x the reserved month */
	e_num(e, "monthly_usd", r->monthly_usd);
	e_num(e, "monthly_on_demand_usd", r->monthly_usd);
	e_num(e, "monthly_reserved_usd", r->monthly_reserved_usd);
	e_num(e, "annual_usd", r->annual_usd);
	e_begin(e, "options", true);
	for (int i = 0; i < r->n_options && i < MAX_OPTIONS; i++) {
		const option_result *o = &r->options[i];
		e_elem_begin(e, o->name);
		e_str(e, "name", o->name);
		e_str(e, "kind", o->kind == OPT_API ? "api" : "instances");
		e_num(e, "monthly_on_demand_usd", o->monthly_on_demand_usd);
		e_num(e, "monthly_reserved_usd", o->monthly_reserved_usd);
		e_num(e, "annual_usd", o->annual_usd);
		e_int(e, "replicas_total", o->replicas_total);
		e_bool(e, "meets_slo", o->meets_slo);
		e_str(e, "notes", o->notes);
		if (o->kind == OPT_API) {
			e_num(e, "daily_usd", o->api_daily_usd);
		} else {
			e_int(e, "instances_total", o->instances_total);
			e_int(e, "instances_needed", o->instances_needed);
			e_bool(e, "fits", o->fits);
			e_int(e, "gpus_per_replica", o->gpus_per_replica);
			e_num(e, "requests_per_s", o->requests_per_s);
			e_num(e, "slo_requests_per_s", o->slo_requests_per_s);
			e_begin(e, "regions", true);
			for (int k = 0; k < r->n_regions && k < MAX_REGIONS; k++) {
				e_elem_begin(e, r->regions[k].name);
				e_str(e, "name", r->regions[k].name);
				e_int(e, "instances", o->instances[k]);
				e_int(e, "replicas", o->replicas[k]);
				e_end(e);
			}
			e_end(e);
		}
		e_end(e);
	}
	e_end(e);
	e_end(e);

	e_begin(e, "api", false);
	e_num(e, "usd_per_request", r->api_usd_per_request);
	e_num(e, "daily_usd", r->api_daily_usd);
	e_num(e, "annual_usd", r->api_annual_usd);
	if (r->break_even_requests_per_day > 0.0)
		e_num(e, "break_even_requests_per_day", r->break_even_requests_per_day);
	else
		e_null(e, "break_even_requests_per_day");
	e_end(e);

	e_begin(e, "slo", false);
	e_bool(e, "ttft_ok", r->ttft_ok);
	e_bool(e, "tpot_ok", r->tpot_ok);
	e_bool(e, "e2e_ok", r->e2e_ok);
	e_num(e, "ttft_slo_s", s->ttft_slo_s);
	e_num(e, "tpot_slo_s", s->tpot_slo_s);
	e_num(e, "e2e_slo_s", s->e2e_slo_s);
	e_num(e, "capacity_requests_per_s", r->slo_requests_per_s);
	e_int(e, "capacity_batch", r->slo_batch);
	e_end(e);

	e_begin(e, "notes", true);
	{
		int k = 0;
		char idx[16];
		for (int i = 0; i < r->n_notes && i < MODEL_MAX_NOTES; i++) {
			snprintf(idx, sizeof idx, "%d", ++k);
			e_str(e, idx, r->notes[i]);
		}
		if (!(r->break_even_requests_per_day > 0.0)) {
			snprintf(idx, sizeof idx, "%d", ++k);
			e_str(e, idx, !(r->batch > 0) ?
			      "api.break_even_requests_per_day is null: the model "
			      "does not fit, so no self-hosted fleet is sized" :
			      r->api_usd_per_request > 0.0 ?
			      "api.break_even_requests_per_day is null: the API is "
			      "cheaper than self-hosting at every volume" :
			      "api.break_even_requests_per_day is null: no API price");
		}
		if (e->n_bad > 0) {
			char msg[EMIT_BAD * 64 + 96];
			size_t used = (size_t)snprintf(msg, sizeof msg,
				"%d value(s) not finite, written as null:", e->n_bad);
			for (int i = 0; i < e->n_bad && i < EMIT_BAD; i++)
				used += (size_t)snprintf(msg + used, sizeof msg - used,
				                         " %s", e->bad[i]);
			snprintf(idx, sizeof idx, "%d", ++k);
			e_str(e, idx, msg);
		}
	}
	e_end(e);
	e_end(e);
}

static void emit_structured(FILE *out, bool json, const scenario *s,
                            const results *r)
{
	static const emitter zero;
	emitter e = zero;

	e.out = out;
	e.json = json;
	e.depth = -1;
	if (!json)
		fputs("key,value\n", out);
	emit_all(&e, s, r);
}

/* ======================================================================
 * Text and Markdown
 * ==================================================================== */

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
	line(out, md, 0, 2, "%s%s; %s weights, %s KV; %dx %s per replica; %s "
	     "batching (max %d), %s KV", li,
	     s->model.label[0] ? s->model.label : s->model.id,
	     prec_name(s->weights), prec_name(s->kv_cache), s->gpus,
	     s->gpu.label[0] ? s->gpu.label : s->gpu.id,
	     s->batching == BATCH_STATIC ? "static" : "continuous", s->max_batch,
	     s->kv_manager == KV_PAGED ? "paged" : "contiguous");
	line(out, md, 0, 2, "%s%.0f in / %.0f out tokens; %s req/day, peak x%.3g; "
	     "SLOs: TTFT p95 %s, TPOT %s, E2E %s; availability %.4g%%", li,
	     s->input_tokens, s->output_tokens,
	     money(a, sizeof a, s->requests_per_day, 0), s->peak_factor,
	     dur(b, sizeof b, s->ttft_slo_s), dur(c, sizeof c, s->tpot_slo_s),
	     dur(d, sizeof d, s->e2e_slo_s), 100.0 * s->availability);
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
		        "$/year | replicas | SLOs | notes |\n"
		        "|---|---|---:|---:|---:|---:|---|---|\n",
		        100.0 * s->reserved_discount);
	else
		fprintf(out, "\nOPTIONS (reserved: %.0f%% off; a year is 12 reserved "
		        "months)\n  %-6s %-17s %13s %12s %13s %4s %s\n",
		        100.0 * s->reserved_discount, "option", "what", "$/mo on dem.",
		        "$/mo reserv.", "$/year", "repl", "SLOs");
	for (int i = 0; i < r->n_options && i < MAX_OPTIONS; i++) {
		const option_result *o = &r->options[i];
		const option *so = &s->options[i];
		char what[64];

		if (o->kind == OPT_API)
			snprintf(what, sizeof what, "API");
		else
			snprintf(what, sizeof what, "%d x %s", o->instances_total,
			         so->instance);
		if (md) {
			fprintf(out, "| %s | %s | %s | %s | %s | %d | %s | %s |\n",
			        o->name, what,
			        money(a, sizeof a, o->monthly_on_demand_usd, 2),
			        money(b, sizeof b, o->monthly_reserved_usd, 2),
			        money(c, sizeof c, o->annual_usd, 2), o->replicas_total,
			        o->meets_slo ? "met" : "NOT met", o->notes);
		} else {
			fprintf(out, "  %-6.6s %-17.17s %13s %12s %13s %4d %s\n", o->name,
			        what, money(a, sizeof a, o->monthly_on_demand_usd, 2),
			        money(b, sizeof b, o->monthly_reserved_usd, 2),
			        money(c, sizeof c, o->annual_usd, 2), o->replicas_total,
			        o->meets_slo ? "met" : "NOT met");
			put_wrapped(out, md, 9, 9, o->notes);
		}
	}
}

static void text_fleet(FILE *out, const scenario *s, const results *r, bool md)
{
	B(a); B(b); B(c);

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
	     "%.4g%%, replicas up %.4g%% each); $%s/month on demand, $%s "
	     "reserved, $%s/year (12 x reserved)", md ? "Total: " : "total: ",
	     100.0 * r->utilisation, 100.0 * r->availability,
	     100.0 * s->availability, 100.0 * s->replica_availability,
	     money(a, sizeof a, r->monthly_usd, 2),
	     money(b, sizeof b, r->monthly_reserved_usd, 2),
	     money(c, sizeof c, r->annual_usd, 2));
}

static void text_api(FILE *out, const scenario *s, const results *r, bool md)
{
	B(a); B(b); B(c); B(d);
	char be[160];

	if (r->break_even_requests_per_day > 0.0)
		snprintf(be, sizeof be, "break-even with self-hosting: %s "
		         "requests/day (above it self-hosting is cheaper)",
		         money(c, sizeof c, r->break_even_requests_per_day, 0));
	else if (!(r->batch > 0))
		snprintf(be, sizeof be, "break-even with self-hosting: none (the "
		         "model does not fit: no fleet is sized)");
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
	B(a); B(b); B(c); B(d); B(e); B(f);
	const char *li = md ? "- " : "";
	const param *pm = params_find("hardware.mbu");
	int in = md ? 0 : 2, hang = md ? 0 : 14;

	if (md)
		fprintf(out, "\n## One replica (%dx %s)\n\n", s->gpus, s->gpu.id);
	else
		fprintf(out, "\nONE REPLICA (%dx %s)\n", s->gpus, s->gpu.id);
	line(out, md, in, hang, "%sMemory:     weights %.1f GB, KV %s/request, "
	     "room %.1f GB; %s, batch %d (%s)", li, gb(r->weights_bytes),
	     bytes_h(a, sizeof a, r->kv_bytes_per_request), gb(r->kv_room_bytes),
	     r->fits ? "fits" : "DOES NOT FIT", r->batch,
	     r->batch_limit == LIMIT_MAX_BATCH ? "max batch" :
	     r->batch_limit == LIMIT_KV_MEMORY ? "KV memory" : "no fit");
	line(out, md, in, hang, "%sLatency:    prefill %s, step %s (%s-bound), "
	     "TPOT %s, TTFT %s (p95 %s), E2E %s", li,
	     dur(a, sizeof a, r->prefill.total_s), dur(b, sizeof b, r->step.total_s),
	     r->step.compute_bound ? "compute" : "memory",
	     dur(c, sizeof c, r->tpot_s), dur(d, sizeof d, r->ttft_s),
	     dur(e, sizeof e, r->ttft_p95_s), dur(f, sizeof f, r->e2e_s));
	line(out, md, in, hang, "%sThroughput: %.3g req/s, %.4g out tok/s "
	     "(achieved MBU %.0f%%, MFU %.0f%%); within the SLOs %.3g req/s at "
	     "batch %d", li, r->requests_per_s, r->output_tokens_per_s,
	     100.0 * r->mbu, 100.0 * r->mfu, r->slo_requests_per_s, r->slo_batch);
	line(out, md, in, hang, "%sEfficiency: MBU %.2f, MFU %.2f (%s)", li,
	     s->gpu.mbu, s->gpu.mfu,
	     pm ? params_provenance(s, pm) : s->gpu.eff_source);
	{
		/* at the effective batch; at the SLO batch too when it differs */
		char slo[96] = "";
		if (r->usd_per_1k_output_tokens_at_slo > 0.0 && r->slo_batch != r->batch)
			snprintf(slo, sizeof slo, "; at the SLO batch %d: $%.4g per "
			         "1K out tokens", r->slo_batch,
			         r->usd_per_1k_output_tokens_at_slo);
		line(out, md, in, hang, "%sCost:       $%.2f/h; $%.4g per 1K out "
		     "tokens, $%.4g per 1M tokens, $%.3g/request%s", li,
		     r->replica_usd_per_hour, r->usd_per_1k_output_tokens,
		     r->usd_per_1m_tokens, r->usd_per_request, slo);
	}
	{
		char tail[96] = "";
		bool all = r->ttft_ok && r->tpot_ok && r->e2e_ok;
		if (!all && r->slo_requests_per_s > 0.0 && r->slo_batch < r->batch)
			snprintf(tail, sizeof tail, "; all hold with serving.max_batch "
			         "<= %d", r->slo_batch);
		else if (!(r->batch > 0))
			snprintf(tail, sizeof tail, "; the model does not fit");
		else if (!all && !(r->slo_requests_per_s > 0.0))
			snprintf(tail, sizeof tail, "; no batch size meets them");
		line(out, md, in, hang, "%sSLOs:       at batch %d: TTFT %s, TPOT %s, "
		     "E2E %s%s", li, r->batch, okfail(r->ttft_ok), okfail(r->tpot_ok),
		     okfail(r->e2e_ok), tail);
	}
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

static void emit_text(FILE *out, const scenario *s, const results *r, bool md)
{
	/* the answer first (what each option costs, SLOs, replicas per region,
	 * break-even), then how one replica gets there */
	text_header(out, s, md);
	text_options(out, s, r, md);
	text_fleet(out, s, r, md);
	text_api(out, s, r, md);
	text_replica(out, s, r, md);
	text_notes(out, r, md);
}

int report_write(FILE *out, enum report_format f, const scenario *s,
                 const results *r)
{
	switch (f) {
	case REPORT_JSON: emit_structured(out, true, s, r); break;
	case REPORT_CSV: emit_structured(out, false, s, r); break;
	case REPORT_MARKDOWN: emit_text(out, s, r, true); break;
	case REPORT_TEXT:
	default: emit_text(out, s, r, false); break;
	}
	if (fflush(out) != 0 || ferror(out)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}
