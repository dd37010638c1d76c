/* xparams.c — the list's parameters: the table's (indices 0 ..
 * params_count() - 1) and after them one per key of the scenario's own
 * regions and options ("hk share", "a instance").  Each of those shows the
 * key --set takes (region.hk.share, option.a.instance) and is set through
 * the same code as --set, so the explorer never holds a state that a
 * preset could not: shares sum to 1, an instance is in the catalog, a kind
 * has what it needs.
 *
 * Shares: setting one region's share rescales the other regions in
 * proportion to their shares (equally when they are all 0), so the sum
 * stays 1; with one region its share is 1 and stays so. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "config.h"
#include "tui/ui.h"

enum xfield {
	XF_SHARE, XF_PRICE_FACTOR, XF_KWH,                 /* [region.NAME] */
	XF_KIND, XF_INSTANCE, XF_ACCEL, XF_COUNT, XF_USD_H, /* [option.NAME] */
	XF_GPR, XF_API_IN, XF_API_OUT
};

static const char *const c_kinds[] = { "instances", "api", "owned", "spot", NULL };

/* The keys shown, with the ranges of infertui.ini(5) (src/config/preset.c
 * checks the same): off is into region or option. */
static const struct {
	enum xfield f;
	const char *key, *label, *unit, *help;
	enum param_type type;
	double min, max, step, big, scale;
	unsigned flags;
	size_t off;
} tmpl[] = {
	{ XF_SHARE, "share", "share", "", "traffic share; the other regions rescale to "
	  "sum 1",
	  PT_REAL, 0, 1, 0.01, 0.1, 1, 0, offsetof(region, share) },
	{ XF_PRICE_FACTOR, "price_factor", "price factor", "x",
	  "$/h multiplier against the base price",
	  PT_REAL, 0.01, 100, 0.05, 0.5, 1, 0, offsetof(region, price_factor) },
	{ XF_KWH, "usd_per_kwh", "electricity", "$/kWh",
	  "electricity price (0 = own.usd_per_kwh)",
	  PT_REAL, 0, 2, 0.005, 0.05, 1, PF_ZERO_AUTO, offsetof(region, usd_per_kwh) },
	{ XF_KIND, "kind", "kind", "", "instances, api, owned or spot; what carries "
	  "over is kept",
	  PT_CHOICE, 0, 3, 1, 1, 1, 0, 0 },
	{ XF_INSTANCE, "instance", "instance", "", "cloud instance; sets accelerators and "
	  "catalog price", PT_CHOICE, 0, 0, 1, 1, 1, 0, 0 },
	{ XF_ACCEL, "accelerator", "accelerator", "", "catalog id of the accelerator it runs "
	  "on", PT_GPU, 0, 0, 1, 1, 1, 0, 0 },
	{ XF_COUNT, "instances_per_region", "instances", "per region",
	  "0 = sized from demand",
	  PT_INT, 0, 100000, 1, 10, 1, PF_ZERO_AUTO, offsetof(option, instances_per_region) },
	{ XF_USD_H, "usd_per_hour", "price", "$/h",
	  "per instance-hour (0 = the catalog's)",
	  PT_REAL, 0, 100000, 1.1, 2, 1, PF_ZERO_AUTO | PF_LOG, offsetof(option, usd_per_hour) },
	{ XF_GPR, "gpus_per_replica", "GPUs/replica", "",
	  "devices per replica (0 = the layout needing the fewest instances)",
	  PT_INT, 0, 4096, 1, 8, 1, PF_ZERO_AUTO, offsetof(option, gpus_per_replica) },
	{ XF_API_IN, "api_input_per_m", "API input", "$/1M tokens",
	  "per 1M input tokens",
	  PT_REAL, 0, 1000, 1.1, 2, 1e-6, PF_LOG, offsetof(option, api_input_per_token) },
	{ XF_API_OUT, "api_output_per_m", "API output", "$/1M tokens",
	  "per 1M output tokens",
	  PT_REAL, 0, 1000, 1.1, 2, 1e-6, PF_LOG, offsetof(option, api_output_per_token) },
};

/* the catalog's instance ids, for the pick-list of an instance row */
static const char *inst_ids[UI_MAX_NAMES + 1];

static const char *const *instance_names(void)
{
	size_t n = catalog_instance_count();
	if (!inst_ids[0])
		for (size_t i = 0; i < n && i < UI_MAX_NAMES; i++)
			inst_ids[i] = catalog_instance_at(i)->id;
	return inst_ids;
}

static void add(tui_app *a, const char *sec, const char *name, enum xfield f)
{
	size_t t = 0;
	while (tmpl[t].f != f)
		t++;
	ui_xparam *x = &a->xp[a->n_xp++];
	int opt = -1;
	for (int i = 0; i < a->cur.n_options; i++)
		if (!strcmp(a->cur.options[i].name, name))
			opt = i;
	bool owned = opt >= 0 && a->cur.options[opt].kind == OPT_OWNED;
	memset(x, 0, sizeof *x);
	x->field = f;
	ui_copy(x->name, sizeof x->name, name);
	snprintf(x->key, sizeof x->key, "%s.%s.%s", sec, name,
	         f == XF_COUNT && owned ? "servers_per_region" : tmpl[t].key);
	snprintf(x->label, sizeof x->label, "%s %s", name,
	         f == XF_COUNT && owned ? "servers" : tmpl[t].label);
	x->p.key = x->key;
	x->p.label = x->label;
	x->p.unit = tmpl[t].unit;
	x->p.help = tmpl[t].help;
	x->p.type = tmpl[t].type;
	x->p.group = G_FLEET;
	x->p.min = tmpl[t].min;
	x->p.max = tmpl[t].max;
	x->p.step = tmpl[t].step;
	x->p.big_step = tmpl[t].big;
	x->p.scale = tmpl[t].scale;
	x->p.flags = tmpl[t].flags;
	x->p.choices = f == XF_KIND ? c_kinds : f == XF_INSTANCE ? instance_names() : NULL;
}

unsigned long xp_shape(const scenario *s)
{
	unsigned long h = 14695981039346656037UL;
	char buf[ID_MAX + 8];
	for (int i = 0; i < s->n_regions; i++) {
		snprintf(buf, sizeof buf, "r%s", s->regions[i].name);
		for (const char *c = buf; *c; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211UL;
	}
	for (int i = 0; i < s->n_options; i++) {
		const option *o = &s->options[i];
		snprintf(buf, sizeof buf, "o%d%d%s", (int)o->kind, o->instance[0] != 0, o->name);
		for (const char *c = buf; *c; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211UL;
	}
	return h;
}

void xp_build(tui_app *a)
{
	const scenario *s = &a->cur;
	a->n_xp = 0;
	for (int i = 0; i < s->n_regions; i++) {
		add(a, "region", s->regions[i].name, XF_SHARE);
		add(a, "region", s->regions[i].name, XF_PRICE_FACTOR);
		add(a, "region", s->regions[i].name, XF_KWH);
	}
	a->n_xp_regions = a->n_xp;
	for (int i = 0; i < s->n_options; i++) {
		const option *o = &s->options[i];
		add(a, "option", o->name, XF_KIND);
		switch (o->kind) {
		case OPT_API:
			add(a, "option", o->name, XF_API_IN);
			add(a, "option", o->name, XF_API_OUT);
			break;
		case OPT_OWNED:
			add(a, "option", o->name, XF_ACCEL);
			add(a, "option", o->name, XF_COUNT);
			add(a, "option", o->name, XF_GPR);
			break;
		case OPT_INSTANCES:
		case OPT_SPOT:
			add(a, "option", o->name, o->instance[0] ? XF_INSTANCE : XF_ACCEL);
			add(a, "option", o->name, XF_COUNT);
			add(a, "option", o->name, XF_USD_H);
			add(a, "option", o->name, XF_GPR);
			break;
		default:   /* hybrid: its base and burst are rows of their own */
			break;
		}
	}
	a->xp_shape = xp_shape(s);
}

static const ui_xparam *xp_at(const tui_app *a, int pi)
{
	int j = pi - (int)params_count();
	return j >= 0 && j < a->n_xp ? &a->xp[j] : NULL;
}

const param *ui_param(const tui_app *a, int pi)
{
	const ui_xparam *x = xp_at(a, pi);
	if (x)
		return &x->p;
	return pi >= 0 ? params_at((size_t)pi) : NULL;
}

/* The row's param with its offset into s (where the region or option of
 * that name is in s), or NULL when s has none of that name. */
static const param *located(const ui_xparam *x, const scenario *s, param *out)
{
	size_t t = 0;
	while (tmpl[t].f != (enum xfield)x->field)
		t++;
	*out = x->p;
	if (x->field <= XF_KWH) {
		for (int i = 0; i < s->n_regions; i++)
			if (!strcmp(s->regions[i].name, x->name)) {
				out->offset = offsetof(scenario, regions) + (size_t)i * sizeof(region) +
				              tmpl[t].off;
				return out;
			}
		return NULL;
	}
	for (int i = 0; i < s->n_options; i++)
		if (!strcmp(s->options[i].name, x->name)) {
			out->offset = offsetof(scenario, options) + (size_t)i * sizeof(option) +
			              tmpl[t].off;
			return out;
		}
	return NULL;
}

static const option *option_of(const ui_xparam *x, const scenario *s)
{
	for (int i = 0; i < s->n_options; i++)
		if (!strcmp(s->options[i].name, x->name))
			return &s->options[i];
	return NULL;
}

void ui_param_text(const tui_app *a, const scenario *s, int pi, char *buf, size_t n)
{
	const ui_xparam *x = xp_at(a, pi);
	param lp;
	buf[0] = '\0';
	if (!x) {
		params_get_text(s, ui_param(a, pi), buf, n);
		return;
	}
	const option *o = option_of(x, s);
	switch (x->field) {
	case XF_KIND:
		if (o)
			snprintf(buf, n, "%s", preset_kind_name((int)o->kind));
		return;
	case XF_INSTANCE:
		if (o)
			snprintf(buf, n, "%s", o->instance);
		return;
	case XF_ACCEL:
		if (o)
			snprintf(buf, n, "%s", o->gpu.id);
		return;
	default:
		if (located(x, s, &lp))
			params_get_text(s, &lp, buf, n);
		return;
	}
}

double ui_param_get(const tui_app *a, const scenario *s, int pi)
{
	const ui_xparam *x = xp_at(a, pi);
	param lp;
	if (!x)
		return params_get(s, ui_param(a, pi));
	if (ui_is_choice(&x->p) || !located(x, s, &lp))
		return 0;
	return params_get(s, &lp);
}

double ui_param_position(const tui_app *a, int pi)
{
	const ui_xparam *x = xp_at(a, pi);
	param lp;
	if (!x)
		return params_position(&a->cur, ui_param(a, pi));
	if (ui_is_choice(&x->p) || !located(x, &a->cur, &lp))
		return 0;
	return params_position(&a->cur, &lp);
}

/* a message of --set without "--set KEY: " (the screen names the key) */
static void set_message(const char *m, const char *key, char *msg, size_t n)
{
	size_t kl = strlen(key);
	if (!strncmp(m, "--set ", 6))
		m += 6;
	if (!strncmp(m, key, kl) && m[kl] == ':' && m[kl + 1] == ' ')
		m += kl + 2;
	snprintf(msg, n, "%s", m);
}

static double round9(double v)
{
	return round(v * 1e9) / 1e9;
}

/* region share v for x, the others rescaled: the --set assignments */
static int set_share(const ui_xparam *x, scenario *s, const char *text,
                     char *msg, size_t n)
{
	static scenario scratch;
	param lp;
	double share[MAX_REGIONS], rest = 0, v;
	int me = -1, big = -1;

	scratch = *s;
	if (!located(x, s, &lp) || params_set_text(&scratch, &lp, text, msg, n) != 0)
		return -1;
	v = params_get(&scratch, &lp);
	for (int i = 0; i < s->n_regions; i++) {
		if (!strcmp(s->regions[i].name, x->name))
			me = i;
		else
			rest += s->regions[i].share;
	}
	if (s->n_regions == 1) {
		if (v == 1)
			return 0;
		snprintf(msg, n, "the only region carries all the traffic (allowed: 1; more "
		         "regions come from a preset's fleet.regions)");
		return -1;
	}
	if (v == s->regions[me].share)
		return 0;
	/* the others in proportion (equally when all are 0), to 1e-9; the
	 * largest takes what rounding leaves */
	double left = 1 - v, sum = 0;
	for (int i = 0; i < s->n_regions; i++) {
		if (i == me)
			continue;
		share[i] = rest > 0 ? round9(s->regions[i].share * left / rest) :
		           round9(left / (s->n_regions - 1));
		if (big < 0 || share[i] > share[big])
			big = i;
	}
	for (int i = 0; i < s->n_regions; i++)
		if (i != me && i != big)
			sum += share[i];
	share[big] = round9(left - sum);
	if (share[big] < 0)
		share[big] = 0;
	share[me] = v;

	char sets[MAX_REGIONS][ID_MAX + 64];
	const char *ptr[MAX_REGIONS];
	for (int i = 0; i < s->n_regions; i++) {
		char num[40];
		params_format_exact(num, sizeof num, share[i], 1);
		snprintf(sets[i], sizeof sets[i], "region.%s.share=%s", s->regions[i].name, num);
		ptr[i] = sets[i];
	}
	diag d;
	diag_init(&d);
	if (config_apply_sets(s, ptr, s->n_regions, &d) != 0) {
		set_message(d.count ? d.msg[0] : "not changed", x->key, msg, n);
		return -1;
	}
	snprintf(msg, n, "%s share %.4g: the other regions rescaled to keep the sum 1",
	         x->name, v);
	return 0;
}

int ui_param_set_text(tui_app *a, scenario *s, int pi, const char *text,
                      char *msg, size_t n)
{
	const ui_xparam *x = xp_at(a, pi);
	msg[0] = '\0';
	if (!x)
		return params_set_text(s, ui_param(a, pi), text, msg, n) != 0 ? -1 : 0;
	if (x->field == XF_SHARE)
		return set_share(x, s, text, msg, n);
	char set[ID_MAX + UI_EDIT_LEN + 64];
	snprintf(set, sizeof set, "%s=%s", x->key, text);
	diag d;
	diag_init(&d);
	if (config_apply_set(s, set, &d) != 0) {
		set_message(d.count ? d.msg[0] : "not changed", x->key, msg, n);
		return -1;
	}
	/* a price of the option's own outlives the instance it was for */
	const option *o = option_of(x, s);
	if ((x->field == XF_INSTANCE || x->field == XF_ACCEL) && o && o->usd_per_hour > 0)
		snprintf(msg, n, "%s price $%.2f/h kept (set); 0 = the catalog's $%.2f/h",
		         x->name, o->usd_per_hour, o->inst.usd_per_hour);
	return 0;
}

/* the value a step or a slider position gives, as text */
static void moved_text(const tui_app *a, const scenario *s, const ui_xparam *x,
                       int dir, bool big, double pos, char *out, size_t n)
{
	static scenario scratch;
	param lp;
	out[0] = '\0';
	if (ui_is_choice(&x->p)) {
		char cur[UI_NAME_LEN];
		size_t nc = params_choice_count(&x->p);
		long i = -1;
		ui_param_text(a, s, (int)params_count() + (int)(x - a->xp), cur, sizeof cur);
		for (size_t k = 0; k < nc; k++)
			if (!strcmp(params_choice_name(&x->p, k), cur))
				i = (long)k;
		if (nc == 0)
			return;
		if (dir)
			i = i < 0 ? (dir > 0 ? 0 : (long)nc - 1) : ((i + dir) % (long)nc + (long)nc) % (long)nc;
		else
			i = lround(pos * (double)(nc - 1));
		snprintf(out, n, "%s", params_choice_name(&x->p, (size_t)i));
		return;
	}
	if (!located(x, s, &lp))
		return;
	scratch = *s;
	if (dir)
		params_step(&scratch, &lp, dir, big);
	else
		params_set_position(&scratch, &lp, pos);
	params_get_text(&scratch, &lp, out, n);
}

static int move_to(tui_app *a, scenario *s, int pi, int dir, bool big, double pos,
                char *msg, size_t n)
{
	const ui_xparam *x = xp_at(a, pi);
	char now[UI_NAME_LEN], want[UI_NAME_LEN];
	msg[0] = '\0';
	if (!x) {
		if (dir)
			params_step(s, ui_param(a, pi), dir, big);
		else
			params_set_position(s, ui_param(a, pi), pos);
		return 0;
	}
	ui_param_text(a, s, pi, now, sizeof now);
	moved_text(a, s, x, dir, big, pos, want, sizeof want);
	if (!want[0] || !strcmp(now, want))
		return 0;
	return ui_param_set_text(a, s, pi, want, msg, n);
}

int ui_param_step(tui_app *a, scenario *s, int pi, int dir, bool big, char *msg, size_t n)
{
	return move_to(a, s, pi, dir > 0 ? 1 : -1, big, 0, msg, n);
}

int ui_param_set_position(tui_app *a, scenario *s, int pi, double pos, char *msg, size_t n)
{
	return move_to(a, s, pi, 0, false, pos, msg, n);
}
