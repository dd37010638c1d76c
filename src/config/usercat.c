/* usercat.c — [model.ID] and [gpu.ID] sections: one handler for the shape
 * both share (id, `base =`, keys), the catalog commit, and the record of
 * which ids came from files. */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "config/usercat.h"

/* ---- what differs between the two kinds ---- */

typedef struct {
	const char *key;
	size_t off, len;            /* a text field of the scenario's row */
} text_field;

typedef struct {
	size_t prefix;              /* strlen("model.") */
	const char *noun;           /* in messages */
	const char *name_param;     /* the key that names one (for "unknown id") */
	const char *const *keys;    /* allowed keys */
	const char *const *required;
	const char *needs;          /* what a new one needs, for "missing" */
	const text_field *texts;    /* NULL-key terminated */
	/* copy the row of id into s (pending entries first): false if none */
	bool (*lookup)(const loader *L, const char *id, scenario *s);
	/* a new entry (no base, no same id): defaults and checks of its own */
	void (*init_new)(loader *L, const config_ini *ini, const config_entry *hdr,
	                 scenario *s);
	char *(*id_of)(scenario *s);
	/* the parameter a key sets (and s set up for it), NULL = unknown */
	const param *(*param_of)(const char *key, scenario *s);
	/* once every key is read without a problem */
	void (*finish)(loader *L, const config_ini *ini, const config_entry *hdr,
	               scenario *s, bool is_new);
	int *(*count)(loader *L);
	void (*store)(loader *L, const scenario *s);
} entry_kind;

/* ---- [model.ID] ---- */

static const char *const model_keys[] = {
	"base", "label", "source", "params_b", "layers", "hidden", "heads",
	"kv_heads", "head_dim", "ffn", "vocab", "experts", "experts_active",
	"shared_experts", "dense_layers", "dense_ffn", "tied_embeddings", "mlp",
	"mla_latent", "mla_rope", "q_lora", "v_head_dim", "max_context", NULL
};
static const char *const model_required[] = {
	"layers", "hidden", "heads", "ffn", "vocab", NULL
};
static const text_field model_texts[] = {
	{ "label", offsetof(scenario, model.label), sizeof ((model_spec *)0)->label },
	{ "source", offsetof(scenario, model.source), sizeof ((model_spec *)0)->source },
	{ NULL, 0, 0 },
};

static bool model_lookup(const loader *L, const char *id, scenario *s)
{
	const model_spec *m = loader_find_model(L, id);
	if (m)
		s->model = *m;
	return m != NULL;
}

static void model_init_new(loader *L, const config_ini *ini, const config_entry *hdr,
                           scenario *s)
{
	(void)L, (void)ini, (void)hdr;
	s->model.experts = s->model.experts_active = 1;
	s->model.mlp = MLP_GATED;
	s->model.max_context = 4096;
}

static char *model_id_of(scenario *s) { return s->model.id; }

static const param *model_param_of(const char *key, scenario *s)
{
	(void)s;
	char pk[80];
	snprintf(pk, sizeof pk, "model.%s", key);
	const param *p = params_find(pk);
	return p && p->type != PT_MODEL ? p : NULL;
}

static void model_finish(loader *L, const config_ini *ini, const config_entry *hdr,
                         scenario *s, bool is_new)
{
	if (is_new && !config_ini_find(ini, hdr->section, "kv_heads"))
		s->model.kv_heads = s->model.heads;     /* MHA unless told */
	char err[DIAG_LEN];
	const char *k;
	if (params_validate(s, err, sizeof err, &k) != 0)
		BAD("%s:%d: [%s] %s: %s", L->path, hdr->line, hdr->section, k + 6, err);
}

static int *model_count(loader *L) { return &L->n_models; }
static void model_store(loader *L, const scenario *s) { L->models[L->n_models++] = s->model; }

static const entry_kind model_kind = {
	6, "model", "model.name", model_keys, model_required,
	"layers, hidden, heads, ffn and vocab", model_texts,
	model_lookup, model_init_new, model_id_of, model_param_of, model_finish,
	model_count, model_store,
};

/* ---- [gpu.ID] ---- */

const usercat_gpu_key usercat_gpu_keys[] = {
	{ "memory_gb", "hardware.memory_gb", -1 },
	{ "bandwidth_tbps", "hardware.bandwidth_tbps", -1 },
	{ "tflops_fp32", "hardware.tflops", PREC_FP32 },
	{ "tflops_bf16", "hardware.tflops", PREC_BF16 },
	{ "tflops_fp16", "hardware.tflops", PREC_FP16 },
	{ "tflops_fp8", "hardware.tflops", PREC_FP8 },
	{ "tflops_int8", "hardware.tflops", PREC_INT8 },
	{ "tflops_int4", "hardware.tflops", PREC_INT4 },
	{ "link_gbps", "hardware.link_gbps", -1 },
	{ "alpha_us", "hardware.alpha_us", -1 },
	{ "usd_per_hour", "hardware.gpu_hour_usd", -1 },
	{ "mbu", "hardware.mbu", -1 },
	{ "mfu", "hardware.mfu", -1 },
	{ "overhead_gb", "hardware.overhead_gb", -1 },
	{ "mbu_half_mb", "hardware.mbu_half_mb", -1 },
	{ "mfu_half_hidden", "hardware.mfu_half_hidden", -1 },
	{ "tdp_w", "own.gpu_tdp_w", -1 },
	{ "devices_per_server", "own.gpu_devices_per_server", -1 },
	{ "power_w", "own.gpu_power_w", -1 },
	{ "purchase_usd", "own.gpu_purchase_usd", -1 },
};
const size_t usercat_n_gpu_keys = sizeof usercat_gpu_keys / sizeof usercat_gpu_keys[0];

static const char *const gpu_keys[] = {
	"base", "label", "source", "eff_source", "memory_gb", "bandwidth_tbps",
	"tflops_fp32", "tflops_bf16", "tflops_fp16", "tflops_fp8", "tflops_int8",
	"tflops_int4", "link_gbps", "alpha_us", "usd_per_hour", "mbu", "mfu",
	"overhead_gb", "mbu_half_mb", "mfu_half_hidden", "tdp_w", "devices_per_server",
	"power_w", "purchase_usd", NULL
};
static const char *const gpu_required[] = {
	"memory_gb", "bandwidth_tbps", "usd_per_hour", "mbu", "mfu", NULL
};
static const text_field gpu_texts[] = {
	{ "label", offsetof(scenario, gpu.label), sizeof ((gpu_spec *)0)->label },
	{ "source", offsetof(scenario, gpu.source), sizeof ((gpu_spec *)0)->source },
	{ "eff_source", offsetof(scenario, gpu.eff_source), sizeof ((gpu_spec *)0)->eff_source },
	{ NULL, 0, 0 },
};

static bool gpu_lookup(const loader *L, const char *id, scenario *s)
{
	const gpu_spec *g = loader_find_gpu(L, id);
	if (g)
		s->gpu = *g;
	return g != NULL;
}

static void gpu_init_new(loader *L, const config_ini *ini, const config_entry *hdr,
                         scenario *s)
{
	(void)s;
	bool any = false;
	for (int pr = 0; pr < PREC_COUNT; pr++) {
		char k[32];
		snprintf(k, sizeof k, "tflops_%s", params_prec_name(pr));
		any |= config_ini_find(ini, hdr->section, k) != NULL;
	}
	if (!any)
		BAD("%s:%d: [%s] tflops_bf16: missing (a new accelerator needs at "
		    "least one dense tflops_* figure)", L->path, hdr->line, hdr->section);
}

static char *gpu_id_of(scenario *s) { return s->gpu.id; }

static const param *gpu_param_of(const char *key, scenario *s)
{
	for (size_t m = 0; m < usercat_n_gpu_keys; m++)
		if (strcmp(usercat_gpu_keys[m].key, key) == 0) {
			s->compute = usercat_gpu_keys[m].prec >= 0 ? usercat_gpu_keys[m].prec
			             : PREC_BF16;
			return params_find(usercat_gpu_keys[m].param);
		}
	return NULL;
}

static void gpu_finish(loader *L, const config_ini *ini, const config_entry *hdr,
                       scenario *s, bool is_new)
{
	(void)L;
	/* the efficiencies of a user entry are the user's (or those of the
	 * built-in it started from, which the user may have changed): not
	 * measured here, so its figures carry the "assumed" error band */
	s->gpu.eff_basis = EFF_ASSUMED;
	if (!is_new)
		return;
	/* a new device without its own fit: carry the H100 fit's size terms,
	 * as the built-in "assumed" entries do, so that it is not flat where
	 * every catalog device is size-dependent */
	if (!config_ini_find(ini, hdr->section, "mbu_half_mb"))
		s->gpu.mbu_half_bytes = catalog_assumed_mbu_half_bytes(s->gpu.bandwidth,
		                                                       s->gpu.mbu);
	if (!config_ini_find(ini, hdr->section, "mfu_half_hidden"))
		s->gpu.mfu_half_hidden = catalog_assumed_mfu_half_hidden();
	if (!s->gpu.eff_source[0])
		config_copy_str(s->gpu.eff_source, "user entry: mbu/mfu as given, size "
		                "terms carried from the H100 fit unless given",
		                sizeof s->gpu.eff_source);
}

static int *gpu_count(loader *L) { return &L->n_gpus; }
static void gpu_store(loader *L, const scenario *s) { L->gpus[L->n_gpus++] = s->gpu; }

static const entry_kind gpu_kind = {
	4, "accelerator", "hardware.gpu", gpu_keys, gpu_required,
	"memory_gb, bandwidth_tbps, a tflops_* figure, usd_per_hour, mbu and mfu",
	gpu_texts,
	gpu_lookup, gpu_init_new, gpu_id_of, gpu_param_of, gpu_finish,
	gpu_count, gpu_store,
};

/* ---- the shared shape ---- */

static void load_entry(loader *L, const entry_kind *K, const config_ini *ini,
                       const config_entry *hdr)
{
	const char *id = hdr->section + K->prefix;
	static scenario tmp;
	int before = L->errs;
	if (!config_valid_id(id)) {
		BAD("%s:%d: [%s]: invalid %s id '%s' (allowed: a-z, 0-9, '.', '_', "
		    "'-', at most %d characters)", L->path, hdr->line, hdr->section, K->noun,
		    id, ID_MAX - 1);
		return;
	}
	memset(&tmp, 0, sizeof tmp);
	const config_entry *base = config_ini_find(ini, hdr->section, "base");
	bool found;
	if (base) {
		found = K->lookup(L, base->value, &tmp);
		if (!found) {
			char err[DIAG_LEN];
			(void)params_set_text(&tmp, params_find(K->name_param), base->value,
			                      err, sizeof err);
			BAD("%s:%d: [%s] %s: %s", AT(base), err);
			return;
		}
	} else {
		found = K->lookup(L, id, &tmp);     /* same id: override the entry */
	}
	if (!found) {
		for (int i = 0; K->required[i]; i++)
			if (!config_ini_find(ini, hdr->section, K->required[i]))
				BAD("%s:%d: [%s] %s: missing (a new %s needs %s, or base = a "
				    "catalog id)", L->path, hdr->line, hdr->section,
				    K->required[i], K->noun, K->needs);
		K->init_new(L, ini, hdr, &tmp);
	}
	config_copy_str(K->id_of(&tmp), id, ID_MAX);
	for (const config_entry *e = hdr; (e = config_ini_section_next(ini, e));) {
		if (!e->key[0] || strcmp(e->key, "base") == 0)
			continue;
		const text_field *t = K->texts;
		while (t->key && strcmp(t->key, e->key) != 0)
			t++;
		if (t->key) {
			loader_parse_text(L, e, (char *)&tmp + t->off, t->len);
			continue;
		}
		const param *p = K->param_of(e->key, &tmp);
		if (!p) {
			loader_unknown_key(L, e, K->keys);
			continue;
		}
		scenario *keep = L->s;
		L->s = &tmp;
		loader_apply_param(L, e, p);
		L->s = keep;
	}
	if (L->errs == before)
		K->finish(L, ini, hdr, &tmp, !found);
	if (L->errs != before)
		return;
	if (*K->count(L) >= MAX_USER_ENTRIES) {
		BAD("%s:%d: [%s]: too many [%.*sID] sections (at most %d)", L->path,
		    hdr->line, hdr->section, (int)K->prefix, hdr->section, MAX_USER_ENTRIES);
		return;
	}
	K->store(L, &tmp);
}

void usercat_load(loader *L, const config_ini *ini, const config_entry *hdr)
{
	load_entry(L, strncmp(hdr->section, "model.", 6) == 0 ? &model_kind : &gpu_kind,
	           ini, hdr);
}

/* ---- the commit, and ids that came from files ---- */

/* Ids this module added to the catalog, so that a saved preset carries the
 * [model.ID] / [gpu.ID] sections it depends on. */
#define MAX_RECORDED 128
static char recorded_models[MAX_RECORDED][ID_MAX];
static char recorded_gpus[MAX_RECORDED][ID_MAX];
static int n_recorded_models, n_recorded_gpus;

static void record_id(char ids[][ID_MAX], int *n, const char *id)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(ids[i], id) == 0)
			return;
	if (*n < MAX_RECORDED)
		config_copy_str(ids[(*n)++], id, ID_MAX);
}

static bool recorded(char ids[][ID_MAX], int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

bool usercat_is_user_model(const char *id)
{
	return recorded(recorded_models, n_recorded_models, id);
}

bool usercat_is_user_gpu(const char *id)
{
	return recorded(recorded_gpus, n_recorded_gpus, id);
}

int usercat_commit(loader *L)
{
	for (int i = 0; i < L->n_models; i++) {
		if (catalog_add_model(&L->models[i]) != 0) {
			BAD("%s: [model.%s]: the catalog is full", L->path, L->models[i].id);
			return -1;
		}
		record_id(recorded_models, &n_recorded_models, L->models[i].id);
	}
	for (int i = 0; i < L->n_gpus; i++) {
		if (catalog_add_gpu(&L->gpus[i]) != 0) {
			BAD("%s: [gpu.%s]: the catalog is full", L->path, L->gpus[i].id);
			return -1;
		}
		record_id(recorded_gpus, &n_recorded_gpus, L->gpus[i].id);
	}
	return 0;
}
