/* set.c — --set KEY=VALUE: a parameter, fleet.regions, or one key of a
 * region or an option, checked as a preset's value would be. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config/loader.h"
#include "config/preset.h"
#include "config/set.h"

/* option.NAME.kind: the option becomes one of another kind.  What carries
 * over is kept (the accelerator or instance, the count per region, the
 * price per hour); what the new kind needs and the old one lacks comes from
 * the scenario (hardware.gpu and hardware.gpus, pricing.api_*), so that the
 * result is what a preset with those keys would load.  hybrid needs base
 * and burst options: it is written in a preset, not set here. */
static int set_kind(loader *L, const config_entry *e, const scenario *s, option *o,
                    const char *key, diag *d)
{
	int k;
	for (k = 0; k <= OPT_HYBRID; k++)
		if (strcasecmp(e->value, preset_kind_name(k)) == 0)
			break;
	if (k > OPT_HYBRID) {
		diag_add(d, "--set %s: unknown choice '%.60s' (allowed: instances, api, owned, "
		         "spot, hybrid)", key, e->value);
		return -1;
	}
	if (k == (int)o->kind)
		return 0;
	if (k == OPT_HYBRID) {
		diag_add(d, "--set %s: a hybrid option needs base and burst options (allowed: "
		         "instances, api, owned, spot; write a hybrid in a preset's "
		         "[option.NAME])", key);
		return -1;
	}
	static option n;
	bool hosted = o->kind == OPT_INSTANCES || o->kind == OPT_SPOT || o->kind == OPT_OWNED;
	memset(&n, 0, sizeof n);
	memcpy(n.name, o->name, sizeof n.name);
	memcpy(n.label, o->label, sizeof n.label);
	n.kind = k;
	preset_option_unset(&n);
	if (k == OPT_API) {
		n.api_input_per_token = s->api_input_per_token;
		n.api_output_per_token = s->api_output_per_token;
		*o = n;
		return 0;
	}
	if (hosted) {
		n.instances_per_region = o->instances_per_region;
		n.gpus_per_replica = o->gpus_per_replica;
		config_copy_str(n.gpu.id, o->gpu.id, ID_MAX);
		if (k != OPT_OWNED && o->kind != OPT_OWNED) {
			memcpy(n.instance, o->instance, sizeof n.instance);
			n.usd_per_hour = o->usd_per_hour;
		}
	} else {   /* from api or hybrid: the scenario's own hardware */
		config_copy_str(n.gpu.id, s->gpu.id, ID_MAX);
		n.gpus_per_replica = s->gpus;
	}
	if (preset_option_resolve(L, e->section, 0, &n, e, e) != 0)
		return -1;
	if (k == OPT_OWNED)
		preset_owned_server(&n);
	*o = n;
	return 0;
}

/* One assignment to *s; the checks across keys (region shares, and those
 * of params_validate) wait for the last one: *shares says that the regions
 * changed, and where. */
static int apply_one(scenario *s, const char *assignment, diag *d, const char **shares)
{
	static scenario work;
	const char *eq = strchr(assignment, '=');
	if (!eq) {
		diag_add(d, "--set '%.100s': expected KEY=VALUE (e.g. serving.max_batch=64)",
		         assignment);
		return -1;
	}
	char key[128];
	const char *kb = assignment, *ke = eq;
	while (kb < ke && isspace((unsigned char)*kb))
		kb++;
	while (ke > kb && isspace((unsigned char)ke[-1]))
		ke--;
	if ((size_t)(ke - kb) >= sizeof key) {
		diag_add(d, "--set: key too long");
		return -1;
	}
	memcpy(key, kb, (size_t)(ke - kb));
	key[ke - kb] = '\0';
	config_lower(key);
	const char *val = eq + 1;
	while (isspace((unsigned char)*val))
		val++;
	char vbuf[CONFIG_LINE_MAX + 1];
	if (strlen(val) >= sizeof vbuf) {
		diag_add(d, "--set %s: value too long, %zu characters (allowed: at most %d)",
		         key, strlen(val), CONFIG_LINE_MAX);
		return -1;
	}
	snprintf(vbuf, sizeof vbuf, "%s", val);
	size_t vl = strlen(vbuf);
	while (vl && isspace((unsigned char)vbuf[vl - 1]))
		vbuf[--vl] = '\0';

	static loader L;
	memset(&L, 0, sizeof L);
	work = *s;
	L.s = &work;
	L.d = d;
	L.path = "--set";
	config_entry e;
	memset(&e, 0, sizeof e);
	e.line = 0;
	e.value = vbuf;
	char msg[DIAG_LEN];
	diag tmpd;
	diag_init(&tmpd);
	L.d = &tmpd;

	const param *p = params_find(key);
	if (p) {
		if (p->type == PT_MODEL || p->type == PT_GPU) {
			char lowv[CONFIG_LINE_MAX + 1];
			memcpy(lowv, vbuf, sizeof lowv);
			config_lower(lowv);
			if (params_set_text(&work, p, lowv, msg, sizeof msg) != 0) {
				diag_add(d, "--set %s: %s", key, msg);
				return -1;
			}
		} else if (params_set_text(&work, p, vbuf, msg, sizeof msg) != 0) {
			diag_add(d, "--set %s: %s", key, msg);
			return -1;
		}
	} else if (strcmp(key, "fleet.regions") == 0) {
		char names[MAX_REGIONS][ID_MAX];
		int n = 0;
		snprintf(e.section, sizeof e.section, "fleet");
		snprintf(e.key, sizeof e.key, "regions");
		if (preset_region_list(&L, &e, names, &n) != 0)
			goto fail;
		region nr[MAX_REGIONS];
		memset(nr, 0, sizeof nr);
		for (int i = 0; i < n; i++) {
			int oi = preset_region_index(s, names[i]);
			if (oi < 0) {
				const char *have[MAX_REGIONS];
				for (int r = 0; r < s->n_regions; r++)
					have[r] = s->regions[r].name;
				char allowed[DIAG_LEN / 2];
				diag_list(have, (size_t)s->n_regions, allowed, sizeof allowed);
				diag_add(d, "--set fleet.regions: region '%s' is not defined "
				         "(allowed: %s; define others in a preset's [region.NAME])",
				         names[i], allowed);
				return -1;
			}
			nr[i] = s->regions[oi];
			if (n == 1)
				nr[i].share = 1;
		}
		memset(work.regions, 0, sizeof work.regions);
		memcpy(work.regions, nr, (size_t)n * sizeof nr[0]);
		work.n_regions = n;
		*shares = "--set fleet.regions";
	} else if (strncmp(key, "region.", 7) == 0 || strncmp(key, "option.", 7) == 0) {
		bool is_region = key[0] == 'r';
		static char kcopy[128];
		memcpy(kcopy, key, sizeof kcopy);
		char *name = kcopy + 7, *dot = strrchr(name, '.');
		if (!dot) {
			diag_add(d, "--set %s: expected %s.NAME.KEY", key,
			         is_region ? "region" : "option");
			return -1;
		}
		*dot = '\0';
		if (strlen(name) >= ID_MAX || strlen(dot + 1) >= sizeof e.key) {
			diag_add(d, "--set %s: name too long", key);
			return -1;
		}
		snprintf(e.section, sizeof e.section, "%s.%.*s",
		         is_region ? "region" : "option", ID_MAX - 1, name);
		snprintf(e.key, sizeof e.key, "%.*s", (int)sizeof e.key - 1, dot + 1);
		if (is_region) {
			int ri = preset_region_index(&work, name);
			if (ri < 0) {
				diag_add(d, "--set %s: unknown region '%s'", key, name);
				return -1;
			}
			if (preset_region_key(&L, &e, &work.regions[ri]) != 0)
				goto fail;
			*shares = "--set region shares";
		} else {
			int oi = -1;
			for (int i = 0; i < work.n_options; i++)
				if (strcmp(work.options[i].name, name) == 0)
					oi = i;
			if (oi < 0) {
				diag_add(d, "--set %s: unknown option '%s'", key, name);
				return -1;
			}
			option *o = &work.options[oi];
			if (strcmp(e.key, "kind") == 0) {
				if (set_kind(&L, &e, &work, o, key, d) != 0) {
					if (L.errs)
						goto fail;
					return -1;
				}
				for (int i = 0; i < work.n_options; i++)
					if (work.options[i].kind == OPT_HYBRID)
						preset_check_hybrid(&L, work.options, work.n_options,
						                    &work.options[i]);
			} else if (strcmp(e.key, "label") == 0)
				loader_parse_text(&L, &e, o->label, sizeof o->label);
			else if (strcmp(e.key, "instance") == 0 || strcmp(e.key, "accelerator") == 0) {
				if ((o->kind != OPT_INSTANCES && o->kind != OPT_SPOT &&
				     o->kind != OPT_OWNED) || strlen(vbuf) >= ID_MAX ||
				    (o->kind == OPT_OWNED && strcmp(e.key, "instance") == 0)) {
					diag_add(d, "--set %s.%s: not an instance option or id too long",
					         key, e.key);
					return -1;
				}
				if (strcmp(e.key, "instance") == 0)
					config_copy_str(o->instance, vbuf, ID_MAX);
				else {
					o->instance[0] = '\0';
					config_copy_str(o->gpu.id, vbuf, ID_MAX);
				}
				config_lower(o->instance);
				config_lower(o->gpu.id);
				if (preset_option_resolve(&L, e.section, 0, o, &e, &e) == 0 &&
				    o->kind == OPT_OWNED)
					preset_owned_server(o);
			} else if (preset_option_num(&L, &e, o) == 1) {
				loader_unknown_key(&L, &e, preset_option_keys);
			} else if (L.errs == 0 && (o->kind == OPT_INSTANCES ||
			                           o->kind == OPT_SPOT) && !o->instance[0]) {
				preset_option_resolve(&L, e.section, 0, o, &e, &e);
			} else if (L.errs == 0 && o->kind == OPT_OWNED) {
				if (preset_option_resolve(&L, e.section, 0, o, &e, &e) == 0)
					preset_owned_server(o);
			}
		}
	} else {
		const char *near = params_suggest(key);
		if (near)
			diag_add(d, "--set %s: unknown key, did you mean '%s'? (allowed: the keys "
			         "listed by infertui.ini(5))", key, near);
		else
			diag_add(d, "--set %s: unknown key (allowed: the keys listed by "
			         "infertui.ini(5))", key);
		return -1;
	}
	if (L.errs)
		goto fail;
	*s = work;
	return 0;
fail:
	/* messages from the file path: "--set:0: [sec] key: ..." -> "--set sec.key: ..." */
	for (int i = 0; i < tmpd.count; i++) {
		const char *m = strstr(tmpd.msg[i], "] ");
		const char *c = m ? strchr(m + 2, ':') : NULL;
		if (m && c && strncmp(tmpd.msg[i], "--set:0: [", 10) == 0)
			diag_add(d, "--set %s:%s", key, c + 1);
		else
			diag_add(d, "%s", tmpd.msg[i]);
	}
	return -1;
}

int config_apply_sets(scenario *s, const char *const *sets, int n, diag *d)
{
	static scenario work;
	static loader L;
	work = *s;
	const char *shares = NULL;
	for (int i = 0; i < n; i++)
		if (apply_one(&work, sets[i], d, &shares) != 0)
			return -1;
	memset(&L, 0, sizeof L);
	L.path = "--set";
	L.d = d;
	L.s = &work;
	if (shares)
		preset_check_shares(&L, &work, shares);
	if (L.errs)
		return -1;
	char msg[DIAG_LEN];
	const char *k;
	if (params_validate(&work, msg, sizeof msg, &k) != 0) {
		diag_add(d, "--set %s: %s", k, msg);
		return -1;
	}
	*s = work;
	return 0;
}

int config_apply_set(scenario *s, const char *assignment, diag *d)
{
	return config_apply_sets(s, &assignment, 1, d);
}
