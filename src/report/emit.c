/* emit.c — the JSON and CSV reports of one evaluation.
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
#include "report/report_impl.h"
#include "text.h"

/* copy with truncation */
static void copy_str(char *dst, size_t n, const char *src)
{
	size_t l = strlen(src);

	if (l >= n)
		l = n - 1;
	memcpy(dst, src, l);
	dst[l] = '\0';
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

/* A JSON string: valid UTF-8 only (an invalid byte becomes U+FFFD) and no
 * raw control character (C0, DEL and C1 are escaped). */
static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n) {
		int l = utf8_seq_len(p, n);
		if (l == 0) {
			fputs("\\ufffd", out);
			p++;
			n--;
			continue;
		}
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (text_is_control(p, l))
				fprintf(out, "\\u%04x", l == 1 ? *p : p[1]);
			else
				fwrite(p, 1, (size_t)l, out);
		}
		p += l;
		n -= (size_t)l;
	}
	fputc('"', out);
}

/* A CSV field, quoted when it must be; invalid UTF-8 and control
 * characters other than line ends become '?'. */
static void csv_field(FILE *out, const char *s)
{
	bool quote = strpbrk(s, ",\"\n\r") != NULL;
	if (quote)
		fputc('"', out);
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n) {
		int l = utf8_seq_len(p, n);
		if (l == 0 || (text_is_control(p, l) && *p != '\n' && *p != '\r')) {
			fputc('?', out);
			l = l ? l : 1;
		} else {
			if (*p == '"')
				fputc('"', out);
			fwrite(p, 1, (size_t)l, out);
		}
		p += l;
		n -= (size_t)l;
	}
	if (quote)
		fputc('"', out);
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

/* a fleet figure: null when no fleet is priced (nothing fits, or the load
 * cannot be sized): never a $0 that reads as free */
static void e_fleet(emitter *e, const char *key, double v, bool priced)
{
	if (priced)
		e_num(e, key, v);
	else
		e_null(e, key);
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

static const char *kind_name(int kind)
{
	static const char *const names[] = { "instances", "api", "owned", "spot", "hybrid" };
	return kind >= 0 && kind <= OPT_HYBRID ? names[kind] : "?";
}

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
		e_num(e, "usd_per_kwh", s->regions[i].usd_per_kwh > 0 ?
		      s->regions[i].usd_per_kwh : s->owned.usd_per_kwh);
		e_end(e);
	}
	e_end(e);
	e_begin(e, "options", true);
	for (int i = 0; i < s->n_options && i < MAX_OPTIONS; i++) {
		const option *o = &s->options[i];
		e_elem_begin(e, o->name);
		e_str(e, "name", o->name);
		e_str(e, "kind", kind_name(o->kind));
		if (o->kind == OPT_API) {
			e_num(e, "api_input_per_m", o->api_input_per_token * 1e6);
			e_num(e, "api_output_per_m", o->api_output_per_token * 1e6);
		} else if (o->kind == OPT_HYBRID) {
			e_str(e, "base", o->base);
			e_str(e, "burst", o->burst);
			e_num(e, "base_share", o->base_share >= 0 ? o->base_share : s->base_share);
		} else if (o->kind == OPT_OWNED) {
			e_str(e, "accelerator", o->gpu.id);
			e_int(e, "devices_per_server", o->inst.gpus);
			e_int(e, "servers_per_region", o->instances_per_region);
			e_int(e, "gpus_per_replica", o->gpus_per_replica);
		} else {
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

/* kind owned: the month's parts, the cash up front, and the break-even
 * month against the rented option it names (null: never pays back) */
static void emit_owned(emitter *e, const option_result *o)
{
	e_num(e, "purchase_usd", o->purchase_usd);
	e_num(e, "capital_month_usd", o->capital_month);
	e_num(e, "energy_month_usd", o->energy_month);
	e_num(e, "colo_month_usd", o->colo_month);
	e_num(e, "ops_month_usd", o->ops_month);
	e_num(e, "utilisation", o->utilisation);
	e_num(e, "power_kw", o->power_kw);
	e_str(e, "versus", o->versus);
	if (o->break_even_months >= 0)
		e_num(e, "break_even_months", o->break_even_months);
	else
		e_null(e, "break_even_months");
	if (o->break_even_reserved_months >= 0)
		e_num(e, "break_even_reserved_months", o->break_even_reserved_months);
	else
		e_null(e, "break_even_reserved_months");
}

static void emit_hybrid(emitter *e, const option_result *o)
{
	e_int(e, "base_replicas", o->base_replicas);
	e_int(e, "peak_replicas", o->peak_replicas);
	e_num(e, "base_month_usd", o->base_month);
	e_num(e, "burst_month_usd", o->burst_month);
	e_num(e, "burst_share", o->burst_share);
	e_int(e, "best_base_replicas", o->best_base_replicas);
	e_num(e, "best_base_share", o->best_base_share);
	e_num(e, "best_month_usd", o->best_month);
}

static void emit_energy_one(emitter *e, const char *key, const energy_result *x)
{
	e_begin(e, key, false);
	e_num(e, "power_w", x->power_w);
	e_num(e, "output_tokens_per_s", x->tokens_per_s);
	e_num(e, "joules_per_token", x->joules_per_token);
	e_num(e, "kwh_per_1m_tokens", x->kwh_per_1m);
	e_num(e, "usd_per_1m_tokens", x->usd_per_1m);
	e_num(e, "tokens_per_s_per_mw", x->tokens_per_s_per_mw);
	e_end(e);
}

/* energy: null when the accelerator has no power figure (not 0 J) */
static void emit_energy(emitter *e, const results *r)
{
	if (!(r->energy_replica.power_w > 0) || !(r->energy_replica.joules_per_token > 0)) {
		e_null(e, "energy");
		return;
	}
	e_begin(e, "energy", false);
	e_num(e, "usd_per_kwh", r->usd_per_kwh);
	emit_energy_one(e, "replica", &r->energy_replica);
	if (r->energy_fleet.joules_per_token > 0) {
		emit_energy_one(e, "fleet", &r->energy_fleet);
		e_num(e, "fleet_kwh_month", r->energy_kwh_month);
		e_num(e, "fleet_usd_month", r->energy_usd_month);
	}
	e_end(e);
}

static void emit_all(emitter *e, const scenario *s, const results *r)
{
	const param *pm = params_find("hardware.mbu");
	const param *pf = params_find("hardware.mfu");

	e_begin(e, NULL, false);
	emit_inputs(e, s);

	/* the answer first, in the text report's order: where the fleet is
	 * priced and why, the fleet, the options, the API; then one replica
	 * (model, memory, latency, throughput, cost, slo: every figure at
	 * operating_point.batch) and at_max_batch, the secondary, unpriced */
	e_begin(e, "operating_point", false);
	if (r->op.batch > 0)
		e_int(e, "batch", r->op.batch);
	else
		e_null(e, "batch");
	if (r->op.max_batch > 0)
		e_int(e, "max_batch", r->op.max_batch);
	else
		e_null(e, "max_batch");
	e_str(e, "reason", r->op.text);
	e_str(e, "limit", r->op.reason == OP_MAX_BATCH ? "max_batch" :
	      r->op.reason == OP_KV_MEMORY ? "kv_memory" :
	      r->op.reason == OP_SLO ? "slo" :
	      r->op.reason == OP_NO_SLO_BATCH ? "no_slo_batch" : "no_fit");
	if (r->op.reason == OP_SLO || r->op.reason == OP_NO_SLO_BATCH)
		e_str(e, "binding", r->op.binding & SLO_TPOT ? "tpot" :
		      r->op.binding & SLO_TTFT ? "ttft_p95" : "e2e_p95");
	else
		e_null(e, "binding");
	e_bool(e, "meets", r->op.meets);
	if (r->op.meets)
		e_null(e, "unmet");
	else
		e_str(e, "unmet", r->op.unmet);
	e_bool(e, "sized", r->op.sized);
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
		e_int(e, "spares", g->spares);
		/* one per replica: the headline fleet rents T accelerators
		 * by the hour per replica (whole instances: tco.options) */
		e_int(e, "instances", g->instances);
		e_int(e, "gpus", g->gpus);
		e_fleet(e, "utilisation", g->utilisation, r->op.sized);
		e_num(e, "peak_load", g->rho);
		e_num(e, "availability", g->availability);
		e_fleet(e, "monthly_usd", g->usd_per_month, r->op.sized);
		e_end(e);
	}
	e_end(e);
	if (r->op.sized)
		e_int(e, "replicas_total", r->replicas_total);
	else
		e_null(e, "replicas_total");
	e_fleet(e, "utilisation", r->utilisation, r->op.sized);
	e_num(e, "availability", r->availability);
	e_num(e, "availability_target", s->availability);
	e_num(e, "replica_availability", s->replica_availability);
	e_fleet(e, "usd_per_hour", r->fleet_usd_per_hour, r->op.sized);
	e_end(e);

	e_begin(e, "tco", false);
	/* monthly_usd is on demand; annual_usd = 12 x the reserved month */
	e_fleet(e, "monthly_usd", r->monthly_usd, r->op.sized);
	e_fleet(e, "monthly_on_demand_usd", r->monthly_usd, r->op.sized);
	e_fleet(e, "monthly_reserved_usd", r->monthly_reserved_usd, r->op.sized);
	e_fleet(e, "annual_usd", r->annual_usd, r->op.sized);
	e_num(e, "horizon_months", r->horizon_months);
	e_num(e, "horizon_usd", r->horizon_usd);
	e_begin(e, "options", true);
	for (int i = 0; i < r->n_options && i < MAX_OPTIONS; i++) {
		const option_result *o = &r->options[i];
		/* an option whose model does not fit has no price: null, not
		 * the price of hardware that cannot serve it */
		bool priced = report_option_priced(o);
		e_elem_begin(e, o->name);
		e_str(e, "name", o->name);
		e_str(e, "kind", kind_name(o->kind));
		e_fleet(e, "monthly_on_demand_usd", o->monthly_on_demand_usd, priced);
		e_fleet(e, "monthly_reserved_usd", o->monthly_reserved_usd, priced);
		e_fleet(e, "annual_usd", o->annual_usd, priced);
		e_fleet(e, "horizon_usd", o->horizon_usd, priced);
		if (o->kind == OPT_OWNED)
			emit_owned(e, o);
		else if (o->kind == OPT_SPOT) {
			e_int(e, "extra_spares", o->extra_spares);
			e_num(e, "spot_availability", o->spot_availability);
		} else if (o->kind == OPT_HYBRID)
			emit_hybrid(e, o);
		if (priced)
			e_int(e, "replicas_total", o->replicas_total);
		else
			e_null(e, "replicas_total");
		e_bool(e, "meets_slo", o->meets_slo);
		e_bool(e, "meets", o->meets);
		e_str(e, "notes", o->notes);
		if (o->kind == OPT_API) {
			e_num(e, "daily_usd", o->api_daily_usd);
		} else if (o->kind != OPT_HYBRID) {
			e_int(e, "instances_total", o->instances_total);
			e_int(e, "instances_needed", o->instances_needed);
			e_bool(e, "fits", o->fits);
			e_int(e, "gpus_per_replica", o->gpus_per_replica);
			e_num(e, "requests_per_s", o->requests_per_s);
			e_num(e, "slo_requests_per_s", o->slo_requests_per_s);
			if (o->slo_batch > 0)
				e_int(e, "slo_batch", o->slo_batch);
			else
				e_null(e, "slo_batch");
			e_num(e, "availability", o->availability);
			e_bool(e, "meets_availability", o->meets_availability);
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

	emit_energy(e, r);

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
	/* room for KV after the weights; when the weights alone do not fit,
	 * 0 and the shortfall (no negative figure in the JSON) */
	e_num(e, "kv_room_bytes", r->kv_room_bytes > 0 ? r->kv_room_bytes : 0);
	if (r->kv_room_bytes < 0)
		e_num(e, "memory_shortfall_bytes", -r->kv_room_bytes);
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
	{
		/* how far a time may be off (± fraction), and why */
		char basis[192];
		model_error_band_basis(s, &s->gpu, basis, sizeof basis);
		e_num(e, "error_band", r->error_band);
		e_str(e, "error_band_basis", basis);
	}
	e_num(e, "request_overhead_s", s->request_overhead_s);
	e_str(e, "ttft_includes", "request overhead (serving.request_overhead_s) + "
	      "prefill + queueing; no network round trip");
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

	e_begin(e, "at_max_batch", false);
	/* one replica at the effective max batch, no queueing: not priced */
	if (r->at_max.batch > 0)
		e_int(e, "batch", r->at_max.batch);
	else
		e_null(e, "batch");
	e_num(e, "step_s", r->at_max.step_s);
	e_num(e, "tpot_s", r->at_max.tpot_s);
	e_num(e, "ttft_s", r->at_max.ttft_s);
	e_num(e, "e2e_s", r->at_max.e2e_s);
	e_num(e, "requests_per_s", r->at_max.requests_per_s);
	e_num(e, "output_tokens_per_s", r->at_max.output_tokens_per_s);
	e_num(e, "usd_per_1k_output_tokens", r->at_max.usd_per_1k_output_tokens);
	e_num(e, "usd_per_1m_tokens", r->at_max.usd_per_1m_tokens);
	e_num(e, "kv_in_use_bytes", r->at_max.kv_in_use_bytes);
	e_bool(e, "ttft_ok", r->at_max.ttft_ok);
	e_bool(e, "tpot_ok", r->at_max.tpot_ok);
	e_bool(e, "e2e_ok", r->at_max.e2e_ok);
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

void report_emit_structured(FILE *out, bool json, const scenario *s,
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
