/* rows.c — the parameter list's rows: sections in the order a meeting turns
 * the knobs (decisions, workload, prices), the scenario's own regions and
 * options (xparams.c), the model's architecture folded under Model, and
 * every other input after them by its group. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

/* The named sections, first on screen.  Model is one row (the catalog
 * choice) with its architecture folded below it; the decisions come next,
 * so that from the start (on the accelerator) count and precision are one
 * and two keys away and the batch one Tab. */
static const char *const sec_model[] = { "model.name", NULL };
static const char *const sec_hardware[] = {
	"hardware.gpu", "hardware.gpus", "precision.weights", "precision.kv_cache",
	NULL };
static const char *const sec_batching[] = {
	"serving.max_batch", "serving.batching", NULL };
static const char *const sec_workload[] = {
	"workload.requests_per_day", "workload.peak_factor", "workload.input_tokens",
	"workload.output_tokens", "workload.ttft_slo_s", "workload.tpot_slo_ms",
	"workload.e2e_slo_s", "workload.availability", NULL };
static const char *const sec_prices[] = {
	"hardware.gpu_hour_usd", "pricing.reserved_discount", "pricing.api_input_per_m",
	"pricing.api_output_per_m", NULL };

static const struct {
	const char *name;
	const char *const *keys;
} sections[] = {
	{ "Model", sec_model },
	{ "Hardware and precision", sec_hardware },
	{ "Batching", sec_batching },
	{ "Workload", sec_workload },
	{ "Prices", sec_prices },
};
#define N_SECTIONS ((int)(sizeof sections / sizeof sections[0]))

static bool in_sections(const char *key)
{
	for (int s = 0; s < N_SECTIONS; s++)
		for (const char *const *k = sections[s].keys; *k; k++)
			if (!strcmp(*k, key))
				return true;
	return false;
}

/* an architecture row: folded under Model */
static bool is_arch(const param *p)
{
	return p->group == G_MODEL && !in_sections(p->key);
}

int rows_arch_count(void)
{
	int n = 0;
	for (size_t i = 0; i < params_count(); i++)
		n += is_arch(params_at(i));
	return n;
}

/* index of a key in the parameter table, -1 if none */
static int index_of(const char *key)
{
	for (size_t i = 0; i < params_count(); i++)
		if (!strcmp(params_at(i)->key, key))
			return (int)i;
	return -1;
}

static void add(tui_app *a, int param, int group, const char *name)
{
	a->rows[a->n_rows].param = param;
	a->rows[a->n_rows].group = group;
	a->rows[a->n_rows].name = name;
	a->n_rows++;
}

void rows_build(tui_app *a)
{
	size_t np = params_count();
	int keep = a->rows && a->sel >= 0 && a->sel < a->n_rows ?
	           a->rows[a->sel].param : -1;
	char keep_key[sizeof a->xp[0].key] = "";
	int g = 0;

	/* the selection is kept by its key: the regions' and options' rows
	 * are built anew */
	if (keep >= 0)
		ui_copy(keep_key, sizeof keep_key, ui_param(a, keep)->key);
	xp_build(a);
	free(a->rows);
	a->n_rows = 0;
	a->rows = calloc(np + (size_t)a->n_xp + N_SECTIONS + 2 + G_COUNT, sizeof *a->rows);
	if (!a->rows)
		return;
	for (int s = 0; s < N_SECTIONS; s++, g++) {
		add(a, -1, g, sections[s].name);
		for (const char *const *k = sections[s].keys; *k; k++) {
			int i = index_of(*k);
			if (i >= 0)
				add(a, i, g, NULL);
		}
		if (s == 0 && a->arch_open)
			for (size_t i = 0; i < np; i++)
				if (is_arch(params_at(i)))
					add(a, (int)i, g, NULL);
	}
	/* the scenario's regions, then its options */
	for (int part = 0; part < 2; part++) {
		int from = part ? a->n_xp_regions : 0, to = part ? a->n_xp : a->n_xp_regions;
		if (from == to)
			continue;
		add(a, -1, g, part ? "Options" : "Regions");
		for (int j = from; j < to; j++)
			add(a, (int)np + j, g, NULL);
		g++;
	}
	for (int pg = 0; pg < G_COUNT; pg++) {
		bool any = false;
		if (pg == G_MODEL)
			continue;   /* all in Model */
		for (size_t i = 0; i < np; i++) {
			const param *p = params_at(i);
			if ((int)p->group != pg || in_sections(p->key))
				continue;
			if (!any) {
				add(a, -1, g, params_group_name((enum param_group)pg));
				any = true;
			}
			add(a, (int)i, g, NULL);
		}
		g += any;
	}
	a->n_groups = g;

	/* the selection stays on its parameter; a folded one gives way to
	 * Model; at the start, the accelerator */
	int want = keep < 0 ? index_of("hardware.gpu") :
	           keep < (int)np && is_arch(params_at((size_t)keep)) && !a->arch_open ?
	           index_of("model.name") : keep;
	a->sel = 1;
	if (keep >= (int)np) {
		/* the same key, else the first of the same region or option
		 * (its kind changed), else the first row */
		const char *dot = strrchr(keep_key, '.');
		size_t pre = dot ? (size_t)(dot - keep_key) + 1 : 0;
		int same = -1;
		for (int i = a->n_rows - 1; i >= 0; i--) {
			if (a->rows[i].param < (int)np)
				continue;
			const char *k = ui_param(a, a->rows[i].param)->key;
			if (!strcmp(k, keep_key))
				same = i + a->n_rows;   /* ranks above a prefix match */
			else if (same < a->n_rows && pre && !strncmp(k, keep_key, pre))
				same = i;
		}
		if (same >= 0)
			a->sel = same % a->n_rows;
		return;
	}
	for (int i = 0; i < a->n_rows; i++)
		if (a->rows[i].param == want)
			a->sel = i;
}

void rows_toggle_arch(tui_app *a)
{
	a->arch_open = !a->arch_open;
	rows_build(a);
	memset(a->list_sig, 0, sizeof a->list_sig);
	a->dirty |= D_LIST | D_STATUS;
}
