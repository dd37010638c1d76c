/* preset.c — applying a preset file: the group sections in a fixed order,
 * [region.NAME] and fleet.regions, [option.NAME], the user catalog sections
 * (through usercat.c) and the checks across keys. */
#include <limits.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "catalog.h"
#include "config/loader.h"
#include "config/paths.h"
#include "config/preset.h"
#include "config/usercat.h"

enum load_mode { MODE_PRESET, MODE_CATALOG };

static const char *const group_sections[] = {
	"model", "precision", "hardware", "serving", "workload", "fleet", "pricing", "own",
	"preset", "ui", NULL
};

/* keys of a group, for "allowed:" */
static void group_keys(const char *group, char *buf, size_t len)
{
	size_t gl = strlen(group), o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < params_count(); i++) {
		const char *k = params_at(i)->key;
		if (strncmp(k, group, gl) == 0 && k[gl] == '.') {
			int w = snprintf(buf + o, len - o, "%s%s", o ? ", " : "", k + gl + 1);
			if (w < 0 || (size_t)w >= len - o)
				break;
			o += (size_t)w;
		}
	}
	if (strcmp(group, "fleet") == 0 && o + 10 < len)
		snprintf(buf + o, len - o, ", regions");
}

/* ---- [region.NAME] ---- */

static const char *const region_keys[] = { "share", "price_factor", "usd_per_kwh", NULL };

int preset_region_index(const scenario *s, const char *name)
{
	for (int i = 0; i < s->n_regions; i++)
		if (strcmp(s->regions[i].name, name) == 0)
			return i;
	return -1;
}

int preset_region_key(loader *L, const config_entry *e, region *r)
{
	double v;
	if (strcmp(e->key, "share") == 0) {
		if (loader_parse_num(L, e, 0, 1, false, &v) != 0)
			return -1;
		r->share = v;
	} else if (strcmp(e->key, "price_factor") == 0) {
		if (loader_parse_num(L, e, 0.01, 100, false, &v) != 0)
			return -1;
		r->price_factor = v;
	} else if (strcmp(e->key, "usd_per_kwh") == 0) {
		if (loader_parse_num(L, e, 0, 2, false, &v) != 0)
			return -1;
		r->usd_per_kwh = v;
	} else {
		loader_unknown_key(L, e, region_keys);
		return -1;
	}
	return 0;
}

/* ---- [option.NAME] ---- */

const char *const preset_option_keys[] = {
	"kind", "label", "instance", "accelerator", "instances_per_region",
	"usd_per_hour", "gpus_per_replica", "api_input_per_m", "api_output_per_m",
	"servers_per_region", "purchase_usd", "depreciation_months", "residual",
	"cost_of_capital", "idle_fraction", "pue", "usd_per_kwh",
	"colo_usd_per_kw_month", "ops_usd_per_server_month", "lead_months",
	"spot_discount", "interruptions_per_month", "recovery_h",
	"base", "burst", "base_share",
	NULL
};

/* The overrides of kinds owned, spot and hybrid: each < 0 until given
 * (then the scenario's own.* apply); the same ranges as
 * those keys in the parameter table. */
static const struct {
	const char *key;
	int kind;
	double min, max;
	size_t off;
} own_keys[] = {
	{ "purchase_usd", OPT_OWNED, 0, 1e8, offsetof(option, own.purchase_usd) },
	{ "depreciation_months", OPT_OWNED, 1, 120, offsetof(option, own.depreciation_months) },
	{ "residual", OPT_OWNED, 0, 0.9, offsetof(option, own.residual) },
	{ "cost_of_capital", OPT_OWNED, 0, 0.5, offsetof(option, own.cost_of_capital) },
	{ "idle_fraction", OPT_OWNED, 0, 1, offsetof(option, own.idle_fraction) },
	{ "pue", OPT_OWNED, 1, 3, offsetof(option, own.pue) },
	{ "usd_per_kwh", OPT_OWNED, 0, 2, offsetof(option, own.usd_per_kwh) },
	{ "colo_usd_per_kw_month", OPT_OWNED, 0, 5000, offsetof(option, own.colo_usd_per_kw_month) },
	{ "ops_usd_per_server_month", OPT_OWNED, 0, 1e6, offsetof(option, own.ops_usd_per_server_month) },
	{ "lead_months", OPT_OWNED, 0, 36, offsetof(option, own.lead_months) },
	{ "spot_discount", OPT_SPOT, 0, 0.95, offsetof(option, spot_discount) },
	{ "interruptions_per_month", OPT_SPOT, 0, 1000, offsetof(option, interruptions_per_month) },
	{ "recovery_h", OPT_SPOT, 0, 720, offsetof(option, recovery_h) },
	{ "base_share", OPT_HYBRID, 0, 1, offsetof(option, base_share) },
};
#define N_OWN_KEYS (sizeof own_keys / sizeof own_keys[0])

void preset_option_unset(option *o)
{
	const double unset = -1;
	for (size_t i = 0; i < N_OWN_KEYS; i++)   /* memcpy: no char* -> double* cast */
		memcpy((char *)o + own_keys[i].off, &unset, sizeof unset);
}

const char *preset_kind_name(int kind)
{
	static const char *const names[] = { "instances", "api", "owned", "spot", "hybrid" };
	return kind >= 0 && kind <= OPT_HYBRID ? names[kind] : "?";
}

/* The keys of each kind, for "does not apply" messages. */
static const char *kind_keys(int kind)
{
	switch (kind) {
	case OPT_API:
		return "label, api_input_per_m, api_output_per_m";
	case OPT_OWNED:
		return "label, accelerator, servers_per_region, gpus_per_replica, "
		       "purchase_usd, depreciation_months, residual, cost_of_capital, "
		       "idle_fraction, pue, usd_per_kwh, colo_usd_per_kw_month, "
		       "ops_usd_per_server_month, lead_months";
	case OPT_SPOT:
		return "label, instance, accelerator, instances_per_region, usd_per_hour, "
		       "gpus_per_replica, spot_discount, interruptions_per_month, recovery_h";
	case OPT_HYBRID:
		return "label, base, burst, base_share";
	default:
		return "label, instance, accelerator, instances_per_region, "
		       "usd_per_hour, gpus_per_replica";
	}
}

static bool key_applies(int kind, const char *key)
{
	const char *list = kind_keys(kind), *p = list;
	size_t n = strlen(key);

	while ((p = strstr(p, key)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return true;
		p += n;
	}
	return false;
}

/* Numeric option keys: 0 on success, 1 when the key is not numeric. */
int preset_option_num(loader *L, const config_entry *e, option *o)
{
	double v;
	for (size_t i = 0; i < N_OWN_KEYS; i++)
		if (strcmp(e->key, own_keys[i].key) == 0) {
			if (loader_parse_num(L, e, own_keys[i].min, own_keys[i].max, false, &v) == 0)
				memcpy((char *)o + own_keys[i].off, &v, sizeof v);
			return 0;
		}
	if (strcmp(e->key, "instances_per_region") == 0 ||
	    strcmp(e->key, "servers_per_region") == 0) {
		if (loader_parse_num(L, e, 0, 100000, true, &v) == 0)
			o->instances_per_region = (int)v;
	} else if (strcmp(e->key, "usd_per_hour") == 0) {
		if (loader_parse_num(L, e, 0, 100000, false, &v) == 0)
			o->usd_per_hour = v;
	} else if (strcmp(e->key, "gpus_per_replica") == 0) {
		if (loader_parse_num(L, e, 0, 4096, true, &v) == 0)
			o->gpus_per_replica = (int)v;
	} else if (strcmp(e->key, "api_input_per_m") == 0) {
		if (loader_parse_num(L, e, 0, 1000, false, &v) == 0)
			o->api_input_per_token = v * 1e-6;
	} else if (strcmp(e->key, "api_output_per_m") == 0) {
		if (loader_parse_num(L, e, 0, 1000, false, &v) == 0)
			o->api_output_per_token = v * 1e-6;
	} else {
		return 1;
	}
	return 0;
}

/* An owned option's "instance" is one server of the accelerator's
 * devices_per_server devices (1 when the catalog gives none), at $0/h:
 * model_own prices it. */
void preset_owned_server(option *o)
{
	int n = o->gpu.devices_per_server > 0 ? o->gpu.devices_per_server : 1;

	if (o->gpus_per_replica > n)
		n = o->gpus_per_replica;
	o->inst.gpus = n;
	o->inst.usd_per_hour = 0;
	o->usd_per_hour = 0;
}

/* Resolve an option's instance and accelerator; 0 or -1 (reported at
 * the entry e, or at the section line when e is NULL). */
int preset_option_resolve(loader *L, const char *sec, int line, option *o,
                          const config_entry *inst_e, const config_entry *acc_e)
{
	if (o->kind == OPT_API)
		return 0;
	if (o->instance[0]) {
		const instance_spec *in = catalog_instance(o->instance);
		if (!in) {
			char allowed[DIAG_LEN / 2];
			const char *names[64];
			size_t n = catalog_instance_count();
			if (n > 64)
				n = 64;
			for (size_t i = 0; i < n; i++)
				names[i] = catalog_instance_at(i)->id;
			diag_list(names, n, allowed, sizeof allowed);
			const char *near = params_nearest(o->instance, names, n);
			char dym[ID_MAX + 32] = "";
			if (near)
				snprintf(dym, sizeof dym, ", did you mean '%s'?", near);
			BAD("%s:%d: [%s] instance: unknown instance '%s'%s (allowed: %s)",
			    L->path, inst_e ? inst_e->line : line, sec, o->instance, dym, allowed);
			return -1;
		}
		o->inst = *in;
		const gpu_spec *g = loader_find_gpu(L, in->gpu);
		if (!g) {
			BAD("%s:%d: [%s] instance: instance '%s' holds accelerator '%s', "
			    "which is not in the catalog (allowed: add a [gpu.%s] section)",
			    L->path, inst_e ? inst_e->line : line, sec, o->instance, in->gpu, in->gpu);
			return -1;
		}
		o->gpu = *g;
		return 0;
	}
	/* a bare accelerator: an "instance" of gpus_per_replica devices */
	const gpu_spec *g = loader_find_gpu(L, o->gpu.id);
	if (!g) {
		char err[DIAG_LEN];
		static scenario tmp;
		(void)params_set_text(&tmp, params_find("hardware.gpu"), o->gpu.id, err, sizeof err);
		BAD("%s:%d: [%s] accelerator: %s", L->path, acc_e ? acc_e->line : line, sec, err);
		return -1;
	}
	o->gpu = *g;
	memset(&o->inst, 0, sizeof o->inst);
	config_copy_str(o->inst.id, g->id, ID_MAX);
	config_copy_str(o->inst.gpu, g->id, ID_MAX);
	o->inst.gpus = o->gpus_per_replica > 0 ? o->gpus_per_replica : 1;
	o->inst.usd_per_hour = g->usd_per_hour * o->inst.gpus;
	config_copy_str(o->inst.source, g->source, SOURCE_MAX);
	return 0;
}

static void load_option(loader *L, const config_ini *ini, const config_entry *hdr,
                        option *o)
{
	const char *name = hdr->section + 7;
	memset(o, 0, sizeof *o);
	if (!config_valid_id(name)) {
		BAD("%s:%d: [%s]: invalid option name '%s' (allowed: a-z, 0-9, '.', '_', "
		    "'-', at most %d characters)", L->path, hdr->line, hdr->section, name, ID_MAX - 1);
		return;
	}
	config_copy_str(o->name, name, ID_MAX);
	const config_entry *kind = config_ini_find(ini, hdr->section, "kind");
	const config_entry *inst = config_ini_find(ini, hdr->section, "instance");
	const config_entry *acc = config_ini_find(ini, hdr->section, "accelerator");
	o->kind = OPT_INSTANCES;
	preset_option_unset(o);
	if (kind) {
		int k;
		for (k = 0; k <= OPT_HYBRID; k++)
			if (strcasecmp(kind->value, preset_kind_name(k)) == 0)
				break;
		if (k > OPT_HYBRID) {
			BAD("%s:%d: [%s] %s: unknown choice '%.60s' (allowed: instances, api, "
			    "owned, spot, hybrid)", AT(kind), kind->value);
			return;
		}
		o->kind = k;
	}
	int before = L->errs;
	for (const config_entry *e = hdr; (e = config_ini_section_next(ini, e));) {
		if (!e->key[0] || strcmp(e->key, "kind") == 0)
			continue;
		bool known = false;
		for (int k = 0; preset_option_keys[k]; k++)
			known |= strcmp(preset_option_keys[k], e->key) == 0;
		if (!known) {
			loader_unknown_key(L, e, preset_option_keys);
			continue;
		}
		if (!key_applies(o->kind, e->key)) {
			BAD("%s:%d: [%s] %s: does not apply to kind = %s (allowed: %s)", AT(e),
			    preset_kind_name(o->kind), kind_keys(o->kind));
			continue;
		}
		if (strcmp(e->key, "label") == 0)
			loader_parse_text(L, e, o->label, sizeof o->label);
		else if (strcmp(e->key, "base") == 0 || strcmp(e->key, "burst") == 0) {
			char *dst = e->key[1] == 'a' ? o->base : o->burst;
			if (!config_valid_id(e->value)) {
				BAD("%s:%d: [%s] %s: value '%.60s' is not an option name", AT(e),
				    e->value);
				continue;
			}
			config_copy_str(dst, e->value, ID_MAX);
			config_lower(dst);
		}
		else if (strcmp(e->key, "instance") == 0 || strcmp(e->key, "accelerator") == 0) {
			char id[ID_MAX];
			if (strlen(e->value) >= ID_MAX || !e->value[0]) {
				BAD("%s:%d: [%s] %s: value '%.60s' is not a catalog id", AT(e), e->value);
				continue;
			}
			config_copy_str(id, e->value, ID_MAX);
			config_lower(id);
			config_copy_str(strcmp(e->key, "instance") == 0 ? o->instance : o->gpu.id, id, ID_MAX);
		} else
			(void)preset_option_num(L, e, o);
	}
	if (L->errs != before)
		return;
	if (o->kind == OPT_HYBRID) {
		if (!o->base[0] || !o->burst[0])
			BAD("%s:%d: [%s] %s: missing (allowed: base = an owned, instances or spot "
			    "option; burst = an instances, spot or api option)", L->path,
			    hdr->line, hdr->section, o->base[0] ? "burst" : "base");
		return;
	}
	if (o->kind == OPT_OWNED) {
		if (!acc) {
			BAD("%s:%d: [%s] accelerator: missing (allowed: a catalog id; a server "
			    "holds its devices_per_server)", L->path, hdr->line, hdr->section);
			return;
		}
		if (preset_option_resolve(L, hdr->section, hdr->line, o, inst, acc) == 0)
			preset_owned_server(o);
		return;
	}
	if (o->kind == OPT_INSTANCES || o->kind == OPT_SPOT) {
		if (inst && acc) {
			BAD("%s:%d: [%s] accelerator: give either instance or accelerator, "
			    "not both", L->path, acc->line, hdr->section);
			return;
		}
		if (!inst && !acc) {
			BAD("%s:%d: [%s] instance: missing (allowed: instance = a cloud instance "
			    "id, or accelerator = a catalog id)", L->path, hdr->line, hdr->section);
			return;
		}
		preset_option_resolve(L, hdr->section, hdr->line, o, inst, acc);
	} else {
		if (!config_ini_find(ini, hdr->section, "api_input_per_m"))
			o->api_input_per_token = -1;    /* filled from pricing.* below */
		if (!config_ini_find(ini, hdr->section, "api_output_per_m"))
			o->api_output_per_token = -1;
	}
}

/* A hybrid's base must be an owned, instances or spot option, its burst an
 * instances, spot or api one; both other options of this preset. */
void preset_check_hybrid(loader *L, const option *opts, int n, const option *h)
{
	for (int pass = 0; pass < 2; pass++) {
		const char *want = pass ? h->burst : h->base;
		int k = -1;
		for (int i = 0; i < n; i++)
			if (strcmp(opts[i].name, want) == 0)
				k = i;
		bool ok = k >= 0 && (pass ? (opts[k].kind == OPT_INSTANCES ||
		                             opts[k].kind == OPT_SPOT ||
		                             opts[k].kind == OPT_API)
		                          : (opts[k].kind == OPT_OWNED ||
		                             opts[k].kind == OPT_INSTANCES ||
		                             opts[k].kind == OPT_SPOT));
		if (!ok)
			BAD("%s: [option.%s] %s: '%s' is not %s option of this preset "
			    "(allowed: %s)", L->path, h->name, pass ? "burst" : "base", want,
			    k < 0 ? "an" : "a fitting",
			    pass ? "an instances, spot or api option" :
			           "an owned, instances or spot option");
	}
}

/* ---- fleet.regions ---- */

int preset_region_list(loader *L, const config_entry *e, char names[][ID_MAX],
                             int *n)
{
	char buf[CONFIG_LINE_MAX + 1];
	snprintf(buf, sizeof buf, "%s", e->value);
	config_lower(buf);
	*n = 0;
	char *save = NULL;
	int bad = 0;
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *b = tok, *en = tok + strlen(tok);
		config_strip(&b, &en);
		*en = '\0';
		if (!config_valid_id(b)) {
			BAD("%s:%d: [%s] %s: invalid region name '%.60s' (allowed: a-z, 0-9, "
			    "'.', '_', '-', separated by commas)", AT(e), b);
			bad++;
			continue;
		}
		for (int i = 0; i < *n; i++)
			if (strcmp(names[i], b) == 0) {
				BAD("%s:%d: [%s] %s: region '%s' listed twice", AT(e), b);
				bad++;
			}
		if (*n >= MAX_REGIONS) {
			BAD("%s:%d: [%s] %s: too many regions (at most %d)", AT(e), MAX_REGIONS);
			return -1;
		}
		config_copy_str(names[(*n)++], b, ID_MAX);
	}
	if (*n == 0 && !bad) {
		BAD("%s:%d: [%s] %s: no region given (allowed: a comma list of names, each "
		    "with a [region.NAME] section)", AT(e));
		return -1;
	}
	return bad ? -1 : 0;
}

void preset_check_shares(loader *L, const scenario *s, const char *where)
{
	double sum = 0;
	for (int i = 0; i < s->n_regions; i++)
		sum += s->regions[i].share;
	if (fabs(sum - 1) > 1e-6) {
		char parts[DIAG_LEN / 2];
		size_t o = 0;
		parts[0] = '\0';
		for (int i = 0; i < s->n_regions && o + 1 < sizeof parts; i++) {
			int w = snprintf(parts + o, sizeof parts - o, "%s%s %.6g", i ? " + " : "",
			                 s->regions[i].name, s->regions[i].share);
			if (w < 0 || (size_t)w >= sizeof parts - o)
				break;
			o += (size_t)w;
		}
		BAD("%s: shares sum to %.9g, not 1 (%s) (allowed: shares summing to 1 "
		    "within 1e-6)", where, sum, parts);
	}
}

/* ---- the whole file ---- */

static bool is_group(const char *sec)
{
	for (int i = 0; group_sections[i]; i++)
		if (strcmp(group_sections[i], sec) == 0)
			return true;
	return false;
}

static void unknown_section(loader *L, const config_entry *hdr, enum load_mode mode)
{
	if (diag_full(L->d)) {
		BAD("%s", "");          /* counted only */
		return;
	}
	static const char *const cands[] = {
		"model", "precision", "hardware", "serving", "workload", "fleet",
		"pricing", "own", "preset", "ui", "region", "option", "gpu", NULL
	};
	char word[64];
	snprintf(word, sizeof word, "%s", hdr->section);
	char *dot = strchr(word, '.');
	if (dot)
		*dot = '\0';
	const char *near = params_nearest(word, cands, 13);
	if (mode == MODE_CATALOG)
		BAD("%s:%d: [%s]: not allowed in the catalog file (allowed: [gpu.ID], "
		    "[model.ID])", L->path, hdr->line, hdr->section);
	else if (near)
		BAD("%s:%d: [%s]: unknown section, did you mean [%s%s]? (allowed: [model], "
		    "[precision], [hardware], [serving], [workload], [fleet], [pricing], "
		    "[own], [preset], [ui], [region.NAME], [option.NAME], [gpu.ID], [model.ID])",
		    L->path, hdr->line, hdr->section, near, dot ? strchr(hdr->section, '.') : "");
	else
		BAD("%s:%d: [%s]: unknown section (allowed: [model], [precision], "
		    "[hardware], [serving], [workload], [fleet], [pricing], [own], [preset], "
		    "[ui], [region.NAME], [option.NAME], [gpu.ID], [model.ID])",
		    L->path, hdr->line, hdr->section);
}

static int entry_rank(const config_entry *e)
{
	/* the catalog ids first, then the compute precision (hardware.tflops
	 * follows it), then everything else in file order */
	if ((strcmp(e->section, "model") == 0 && strcmp(e->key, "name") == 0) ||
	    (strcmp(e->section, "hardware") == 0 && strcmp(e->key, "gpu") == 0))
		return 0;
	if (strcmp(e->section, "precision") == 0 &&
	    (strcmp(e->key, "compute") == 0 || strcmp(e->key, "weights") == 0))
		return 1;
	return 2;
}

/* The first header of a [region.NAME] section. */
static bool is_region_header(const config_ini *ini, const config_entry *e)
{
	return !e->key[0] && strncmp(e->section, "region.", 7) == 0 &&
	       config_ini_find(ini, e->section, "") == e;
}

/* fleet.regions (regions_e, or NULL: every [region.NAME] in file order) and
 * the [region.NAME] sections. */
static void apply_regions(loader *L, const config_ini *ini, const config_entry *regions_e)
{
	scenario *s = L->s;
	char listed[MAX_REGIONS][ID_MAX];
	int n_listed = 0;
	bool have_list = regions_e && preset_region_list(L, regions_e, listed, &n_listed) == 0;
	int n_sections = 0;
	const char *secs[MAX_REGIONS];      /* valid section names, for messages */
	int ns = 0;
	for (size_t i = 0; i < config_ini_count(ini); i++) {
		const config_entry *e = config_ini_at(ini, i);
		if (!is_region_header(ini, e))
			continue;
		n_sections++;
		const char *name = e->section + 7;
		if (!config_valid_id(name)) {
			BAD("%s:%d: [%s]: invalid region name '%s' (allowed: a-z, 0-9, '.', "
			    "'_', '-', at most %d characters)", L->path, e->line, e->section,
			    name, ID_MAX - 1);
			continue;
		}
		if (ns < MAX_REGIONS)
			secs[ns++] = name;
		if (regions_e)
			continue;
		/* without fleet.regions, the sections are the list */
		if (n_listed == MAX_REGIONS) {
			BAD("%s:%d: [%s]: too many regions (at most %d [region.NAME] "
			    "sections)", L->path, e->line, e->section, MAX_REGIONS);
			n_listed++;                 /* said once */
		} else if (n_listed < MAX_REGIONS) {
			config_copy_str(listed[n_listed++], name, ID_MAX);
		}
	}
	if (n_listed > MAX_REGIONS)
		n_listed = MAX_REGIONS;
	if (!have_list && (regions_e || n_sections == 0))
		return;
	scenario old = *s;
	s->n_regions = 0;
	memset(s->regions, 0, sizeof s->regions);
	for (int r = 0; r < n_listed; r++) {
		char sec[ID_MAX + 8];
		snprintf(sec, sizeof sec, "region.%.*s", ID_MAX - 1, listed[r]);
		region *rg = &s->regions[s->n_regions];
		config_copy_str(rg->name, listed[r], ID_MAX);
		rg->price_factor = 1;
		rg->usd_per_kwh = catalog_region_usd_per_kwh(listed[r]);
		rg->share = n_listed == 1 ? 1 : -1;
		const config_entry *h = config_ini_find(ini, sec, "");
		int oi = preset_region_index(&old, listed[r]);
		if (!h && oi < 0) {
			char names[DIAG_LEN / 2];
			diag_list(secs, (size_t)ns, names, sizeof names);
			BAD("%s:%d: [fleet] regions: region '%s' has no [region.%s] section "
			    "(allowed: %s)", L->path, regions_e ? regions_e->line : 0, listed[r],
			    listed[r], ns ? names : "none defined in this file");
			continue;
		}
		if (!h) {
			*rg = old.regions[oi];
		} else {
			for (const config_entry *e = h; e; e = config_ini_section_next(ini, e))
				if (e->key[0])
					preset_region_key(L, e, rg);
			if (rg->share < 0) {
				BAD("%s:%d: [%s] share: missing (allowed: 0 to 1; with several "
				    "regions each needs its share of the traffic)", L->path, h->line, sec);
				rg->share = 0;
			}
		}
		s->n_regions++;
	}
	/* sections not in the list */
	for (size_t i = 0; have_list && i < config_ini_count(ini); i++) {
		const config_entry *e = config_ini_at(ini, i);
		if (!is_region_header(ini, e) || !config_valid_id(e->section + 7))
			continue;
		bool in = false;
		for (int r = 0; r < n_listed; r++)
			in |= strcmp(listed[r], e->section + 7) == 0;
		if (!in)
			BAD("%s:%d: [%s]: region not listed in [fleet] regions on line %d "
			    "(allowed: list it there, or remove the section)",
			    L->path, e->line, e->section, regions_e->line);
	}
	if (L->errs == 0) {
		char where[PATH_MAX + 64];
		int line = regions_e ? regions_e->line : 0;
		for (size_t i = 0; !regions_e && i < config_ini_count(ini); i++)
			if (strncmp(config_ini_at(ini, i)->section, "region.", 7) == 0) {
				line = config_ini_at(ini, i)->line;
				break;
			}
		snprintf(where, sizeof where, "%s:%d: [fleet] regions", L->path, line);
		preset_check_shares(L, s, where);
	}
}

static int apply_file(loader *L, const config_ini *ini, enum load_mode mode)
{
	scenario *s = L->s;
	/* 1. sections: catalog entries first (model.name may name one) */
	for (size_t i = 0; i < config_ini_count(ini); i++) {
		const config_entry *e = config_ini_at(ini, i);
		if (e->key[0] || config_ini_section_line(ini, e->section) != e->line)
			continue;
		if (strncmp(e->section, "model.", 6) == 0 || strncmp(e->section, "gpu.", 4) == 0)
			usercat_load(L, ini, e);
		else if (mode == MODE_CATALOG)
			unknown_section(L, e, mode);
		else if (!is_group(e->section) && strncmp(e->section, "region.", 7) != 0 &&
		         strncmp(e->section, "option.", 7) != 0)
			unknown_section(L, e, mode);
	}
	if (mode == MODE_CATALOG)
		return L->errs;

	/* a redefined entry that the scenario uses takes effect */
	for (int i = 0; i < L->n_models; i++)
		if (strcmp(L->models[i].id, s->model.id) == 0)
			s->model = L->models[i];
	for (int i = 0; i < L->n_gpus; i++)
		if (strcmp(L->gpus[i].id, s->gpu.id) == 0)
			s->gpu = L->gpus[i];

	/* 2. keys of the groups */
	const config_entry *regions_e = NULL;
	for (int rank = 0; rank <= 2; rank++)
		for (size_t i = 0; i < config_ini_count(ini); i++) {
			const config_entry *e = config_ini_at(ini, i);
			if (!e->key[0] || !is_group(e->section) || entry_rank(e) != rank)
				continue;
			if (strcmp(e->section, "preset") == 0) {
				if (strcmp(e->key, "description") == 0)
					loader_parse_text(L, e, s->description, sizeof s->description);
				else {
					static const char *const k[] = { "description", NULL };
					loader_unknown_key(L, e, k);
				}
				continue;
			}
			if (strcmp(e->section, "ui") == 0) {
				if (strcmp(e->key, "theme") == 0) {
					if (!config_valid_id(e->value))
						BAD("%s:%d: [%s] %s: invalid theme name '%.60s' (allowed: "
						    "a-z, 0-9, '.', '_', '-')", AT(e), e->value);
					else
						config_copy_str(s->ui_theme, e->value, ID_MAX);
				} else {
					static const char *const k[] = { "theme", NULL };
					loader_unknown_key(L, e, k);
				}
				continue;
			}
			if (strcmp(e->section, "fleet") == 0 && strcmp(e->key, "regions") == 0) {
				regions_e = e;
				continue;
			}
			char dotted[140];
			snprintf(dotted, sizeof dotted, "%s.%s", e->section, e->key);
			const param *p = params_find(dotted);
			if (p) {
				loader_apply_param(L, e, p);
				continue;
			}
			if (diag_full(L->d)) {
				BAD("%s", "");      /* counted only */
				continue;
			}
			char allowed[400];
			group_keys(e->section, allowed, sizeof allowed);
			const char *near = params_suggest(dotted);
			if (near && strncmp(near, e->section, strlen(e->section)) == 0 &&
			    near[strlen(e->section)] == '.')
				BAD("%s:%d: [%s] %s: unknown key, did you mean '%s'? (allowed: %s)",
				    AT(e), near + strlen(e->section) + 1, allowed);
			else if (near) {
				char grp[64];
				snprintf(grp, sizeof grp, "%.*s", (int)(strchr(near, '.') - near), near);
				BAD("%s:%d: [%s] %s: unknown key, did you mean [%s] %s? (allowed: %s)",
				    AT(e), grp, strchr(near, '.') + 1, allowed);
			} else
				BAD("%s:%d: [%s] %s: unknown key (allowed: %s)", AT(e), allowed);
		}

	/* 3. regions */
	apply_regions(L, ini, regions_e);

	/* 4. options (a file with [option.*] replaces the scenario's list) */
	int n_opt = 0;
	static option opts[MAX_OPTIONS];
	for (size_t i = 0; i < config_ini_count(ini); i++) {
		const config_entry *e = config_ini_at(ini, i);
		if (e->key[0] || strncmp(e->section, "option.", 7) != 0 ||
		    config_ini_section_line(ini, e->section) != e->line)
			continue;
		if (n_opt >= MAX_OPTIONS) {
			BAD("%s:%d: [%s]: too many options (at most %d)", L->path, e->line,
			    e->section, MAX_OPTIONS);
			break;
		}
		load_option(L, ini, e, &opts[n_opt++]);
	}
	if (n_opt > 0) {
		for (int i = 0; i < n_opt; i++) {
			if (opts[i].kind == OPT_HYBRID)
				preset_check_hybrid(L, opts, n_opt, &opts[i]);
			if (opts[i].kind == OPT_API && opts[i].api_input_per_token < 0)
				opts[i].api_input_per_token = s->api_input_per_token;
			if (opts[i].kind == OPT_API && opts[i].api_output_per_token < 0)
				opts[i].api_output_per_token = s->api_output_per_token;
		}
		memset(s->options, 0, sizeof s->options);
		memcpy(s->options, opts, (size_t)n_opt * sizeof opts[0]);
		s->n_options = n_opt;
	}

	/* 5. checks across keys */
	if (L->errs == 0) {
		char err[DIAG_LEN];
		const char *k;
		if (params_validate(s, err, sizeof err, &k) != 0) {
			char sec[32];
			snprintf(sec, sizeof sec, "%.*s", (int)(strchr(k, '.') - k), k);
			const config_entry *e = config_ini_find(ini, sec, strchr(k, '.') + 1);
			if (e)
				BAD("%s:%d: [%s] %s: %s", AT(e), err);
			else
				BAD("%s: [%s] %s: %s", L->path, sec, strchr(k, '.') + 1, err);
		}
	}
	return L->errs;
}

/* ---- a file, or nothing, applied ---- */

static int load_file(const char *path, scenario *s, diag *d, enum load_mode mode)
{
	int first = d->count;
	static loader L;          /* large (user entries): not on the stack */
	static scenario work;
	int nerr = 0;
	config_ini *ini = config_ini_read(path, d, &nerr);
	if (!ini)
		return -1;
	memset(&L, 0, sizeof L);
	L.path = path;
	L.d = d;
	L.errs = nerr;
	if (s)
		work = *s;
	else
		scenario_defaults(&work);
	L.s = &work;
	apply_file(&L, ini, mode);
	if (L.errs == 0)
		usercat_commit(&L);
	config_ini_free(ini);
	diag_sort(d, first);
	if (L.errs)
		return -1;
	if (s)
		*s = work;
	return 0;
}

int config_load_preset(const char *path, scenario *s, diag *d)
{
	return load_file(path, s, d, MODE_PRESET);
}

int config_load_user_catalog(diag *d)
{
	char path[PATH_MAX];
	config_user_dir(path, sizeof path - 16, NULL);
	strcat(path, "/catalog.ini");
	if (access(path, F_OK) != 0)
		return 0;
	return load_file(path, NULL, d, MODE_CATALOG);
}
