/* test_config.c — presets, the user catalog, themes and the INI reader.
 *
 * The corpus: tests/config/bad/NAME.ini must be refused with exactly the
 * messages in NAME.expected (one per line; a line ending in "..." matches
 * as a prefix, for lists that grow with the catalog), and the scenario must
 * be left unchanged; tests/config/good/NAME.ini must load (CRLF line ends
 * and a UTF-8 BOM are accepted: see config/ini.c).  Paths are read from
 * $top_srcdir, which the test harness exports. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "check.h"
#include "config.h"
#include "params.h"
#include "theme.h"

static scenario S, T;
static diag D;
static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	catalog_reset_user();
	scenario_defaults(&S);
	diag_init(&D);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* sorted file names in dir ending in ext; returns the count */
static size_t list_dir(const char *dir, const char *ext, char **out, size_t max)
{
	DIR *dp = opendir(dir);
	size_t n = 0, el = strlen(ext);
	if (!dp)
		return 0;
	struct dirent *de;
	while ((de = readdir(dp)) && n < max) {
		size_t l = strlen(de->d_name);
		if (l > el && strcmp(de->d_name + l - el, ext) == 0)
			out[n++] = strdup(de->d_name);
	}
	closedir(dp);
	qsort(out, n, sizeof *out, cmp_names);
	return n;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void dump_diag(const diag *d)
{
	for (int i = 0; i < d->count; i++)
		print_message("  got: %s\n", d->msg[i]);
}

static void test_bad_corpus(void **state)
{
	(void)state;
	char *names[256];
	size_t n = list_dir("tests/config/bad", ".ini", names, 256);
	assert_true(n >= 30);
	static scenario before;
	for (size_t i = 0; i < n; i++) {
		char path[512], exp[512];
		snprintf(path, sizeof path, "tests/config/bad/%s", names[i]);
		snprintf(exp, sizeof exp, "tests/config/bad/%.*s.expected",
		         (int)(strlen(names[i]) - 4), names[i]);
		char *want = slurp(exp);
		if (!want)
			fail_msg("%s has no .expected file", path);
		want = strdup(want);
		catalog_reset_user();
		scenario_defaults(&S);
		before = S;
		diag_init(&D);
		int rc;
		if (strncmp(names[i], "theme-", 6) == 0) {
			static theme t;
			rc = theme_load(path, &t, &D);
		} else {
			rc = config_load_preset(path, &S, &D);
		}
		if (rc != -1)
			fail_msg("%s was accepted", path);
		if (memcmp(&before, &S, sizeof S) != 0)
			fail_msg("%s changed the scenario", path);
		/* compare line by line */
		int k = 0;
		char *save = NULL;
		for (char *line = strtok_r(want, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save), k++) {
			if (k >= D.count) {
				dump_diag(&D);
				fail_msg("%s: missing message: %s", path, line);
			}
			size_t ll = strlen(line);
			bool prefix = ll > 3 && strcmp(line + ll - 3, "...") == 0;
			bool ok = prefix ? strncmp(D.msg[k], line, ll - 3) == 0
			                 : strcmp(D.msg[k], line) == 0;
			if (!ok) {
				dump_diag(&D);
				fail_msg("%s: message %d\n  want: %s", path, k + 1, line);
			}
		}
		if (k != D.count) {
			dump_diag(&D);
			fail_msg("%s: %d messages, expected %d", path, D.count, k);
		}
		free(want);
		free(names[i]);
	}
}

static void load_ok(const char *path)
{
	diag_init(&D);
	if (config_load_preset(path, &S, &D) != 0) {
		dump_diag(&D);
		fail_msg("%s refused", path);
	}
}

static void test_good_corpus(void **state)
{
	(void)state;
	/* CRLF line ends: accepted, nothing of the \r left in values */
	load_ok("tests/config/good/crlf.ini");
	assert_int_equal(S.max_batch, 64);
	assert_int_equal(S.kv_manager, KV_CONTIGUOUS);
	assert_string_equal(S.description, "written on Windows");
	/* a UTF-8 byte-order mark: skipped */
	scenario_defaults(&S);
	load_ok("tests/config/good/bom.ini");
	assert_int_equal(S.max_batch, 64);
	/* 010 is ten */
	scenario_defaults(&S);
	load_ok("tests/config/good/leading-zero.ini");
	assert_int_equal(S.max_batch, 10);
	/* [Serving] Max_Batch: iniparser lower-cases sections and keys */
	scenario_defaults(&S);
	load_ok("tests/config/good/case.ini");
	assert_int_equal(S.max_batch, 64);
}

/* good/full.ini: every kind of section, each value checked. */
static void test_full_preset(void **state)
{
	(void)state;
	load_ok("tests/config/good/full.ini");
	assert_string_equal(S.description,
	                    "Seed options A/B/C on a custom chip; quoted 'text' ; with a semicolon");
	/* [model.my-70b] base = llama-2-70b: its shape, a new id and context */
	const model_spec *l70 = catalog_model("llama-2-70b");
	assert_string_equal(S.model.id, "my-70b");
	assert_int_equal(S.model.layers, l70->layers);
	assert_int_equal(S.model.kv_heads, 8);
	assert_int_equal(S.model.max_context, 8192);
	assert_string_equal(S.model.label, "Llama 2 70B, renamed");
	assert_non_null(catalog_model("my-70b"));     /* committed to the catalog */
	/* [gpu.my-h100] base = h100-sxm, $2.5/h, mbu 0.8; tflops override at fp8 */
	const gpu_spec *h = catalog_gpu("h100-sxm");
	assert_string_equal(S.gpu.id, "my-h100");
	assert_true(S.gpu.usd_per_hour == 2.5);
	assert_true(S.gpu.mbu == 0.8);
	assert_true(S.gpu.mem_bytes == h->mem_bytes);
	assert_true(S.gpu.flops[PREC_FP8] == 1900e12);
	assert_true(S.gpu.flops[PREC_BF16] == h->flops[PREC_BF16]);
	assert_int_equal(S.gpus, 4);
	assert_int_equal(S.weights, PREC_FP8);
	assert_int_equal(S.kv_cache, PREC_FP8);
	assert_int_equal(S.max_batch, 4096);
	assert_int_equal(S.reserve_tokens, 1048576);
	assert_true(S.speculative);
	assert_true(S.input_tokens == 1e6 && S.output_tokens == 80);
	assert_true(S.requests_per_day == 1e12);
	assert_true(fabs(S.tpot_slo_s - 0.05) < 1e-15);
	assert_int_equal(S.output_distribution, DIST_EXPONENTIAL);
	assert_int_equal(S.spares, 1);
	assert_int_equal(S.n_regions, 2);
	assert_string_equal(S.regions[0].name, "us-east-1");
	assert_true(S.regions[0].share == 0.7 && S.regions[0].price_factor == 1);
	assert_string_equal(S.regions[1].name, "ap-southeast-2");
	assert_true(S.regions[1].share == 0.3 && S.regions[1].price_factor == 1.3);
	assert_true(S.reserved_discount == 0.4);
	assert_int_equal(S.n_options, 4);
	const option *a = &S.options[0], *b = &S.options[1], *own = &S.options[2],
	             *c = &S.options[3];
	assert_string_equal(a->name, "a");
	assert_int_equal(a->kind, OPT_INSTANCES);
	assert_string_equal(a->inst.id, "p4d.24xlarge");
	assert_string_equal(a->gpu.id, a->inst.gpu);
	assert_int_equal(a->instances_per_region, 6);
	assert_true(a->usd_per_hour == 32.77);
	assert_int_equal(b->kind, OPT_INSTANCES);      /* kind defaults to instances */
	assert_string_equal(b->inst.id, "inf2.48xlarge");
	assert_true(b->usd_per_hour == 0);             /* 0 = catalog price */
	/* a bare accelerator: an "instance" of gpus_per_replica devices at the
	 * accelerator's price: 8 × $2.5 = $20/h */
	assert_string_equal(own->instance, "");
	assert_string_equal(own->gpu.id, "my-h100");
	assert_int_equal(own->inst.gpus, 8);
	assert_true(own->inst.usd_per_hour == 20);
	/* the API option takes [pricing]'s prices: $0.15 and $0.60 per 1M */
	assert_int_equal(c->kind, OPT_API);
	assert_true(c->api_input_per_token == 0.15 * 1e-6);
	assert_true(c->api_output_per_token == 0.60 * 1e-6);
	assert_string_equal(S.ui_theme, "light");
}

/* Which field differs, for a readable failure. */
static void explain_difference(const scenario *x, const scenario *y, const char *what)
{
	for (size_t i = 0; i < params_count(); i++) {
		char a[128], b[128];
		params_get_text(x, params_at(i), a, sizeof a);
		params_get_text(y, params_at(i), b, sizeof b);
		if (strcmp(a, b) != 0)
			fail_msg("%s: %s is %s, then %s", what, params_at(i)->key, a, b);
	}
	const unsigned char *p = (const void *)x, *q = (const void *)y;
	for (size_t o = 0; o < sizeof *x; o++)
		if (p[o] != q[o])
			fail_msg("%s: differs at byte %zu (model %zu, gpu %zu, regions %zu, "
			         "options %zu, description %zu)", what, o, offsetof(scenario, model),
			         offsetof(scenario, gpu), offsetof(scenario, regions),
			         offsetof(scenario, options), offsetof(scenario, description));
}

/* load -> save -> load reproduces the scenario byte for byte */
static void round_trip(const char *path)
{
	char out[512];
	catalog_reset_user();
	scenario_defaults(&S);
	load_ok(path);
	snprintf(out, sizeof out, "%s/rt.ini", tmpdir);
	diag_init(&D);
	if (config_save_preset(out, &S, NULL, &D) != 0) {
		dump_diag(&D);
		fail_msg("%s: save failed", path);
	}
	scenario_defaults(&T);
	diag_init(&D);
	if (config_load_preset(out, &T, &D) != 0) {
		dump_diag(&D);
		fail_msg("%s: the saved file does not load", path);
	}
	if (memcmp(&S, &T, sizeof S) != 0)
		explain_difference(&S, &T, path);
	/* a second save is identical text */
	char out2[512];
	snprintf(out2, sizeof out2, "%s/rt2.ini", tmpdir);
	assert_int_equal(config_save_preset(out2, &T, NULL, &D), 0);
	char *t1 = strdup(slurp(out));
	assert_string_equal(t1, slurp(out2));
	free(t1);
}

static void test_round_trip(void **state)
{
	(void)state;
	char *names[128];
	size_t n = list_dir("tests/config/good", ".ini", names, 128);
	assert_true(n >= 5);
	for (size_t i = 0; i < n; i++) {
		char p[512];
		snprintf(p, sizeof p, "tests/config/good/%s", names[i]);
		round_trip(p);
		free(names[i]);
	}
	/* every shipped preset */
	n = list_dir("presets", ".ini", names, 128);
	print_message("round trip: %zu shipped presets\n", n);
	for (size_t i = 0; i < n; i++) {
		char p[512];
		snprintf(p, sizeof p, "presets/%s", names[i]);
		round_trip(p);
		free(names[i]);
	}
	/* the defaults, and a scenario changed through the sliders */
	scenario_defaults(&S);
	for (size_t i = 0; i < params_count(); i++)
		params_set_position(&S, params_at(i), 0.61);
	/* keep it valid: the sliders move kv_heads/experts independently */
	S.model.kv_heads = S.model.heads;
	S.model.experts_active = S.model.experts;
	S.model.dense_layers = 0;
	S.model.head_dim = 64;
	char out[512];
	snprintf(out, sizeof out, "%s/sliders.ini", tmpdir);
	assert_int_equal(config_save_preset(out, &S, "moved sliders", &D), 0);
	scenario_defaults(&T);
	diag_init(&D);
	if (config_load_preset(out, &T, &D) != 0) {
		dump_diag(&D);
		fail_msg("sliders: saved file refused");
	}
	snprintf(S.description, sizeof S.description, "moved sliders");
	if (memcmp(&S, &T, sizeof S) != 0)
		explain_difference(&S, &T, "sliders");
}

/* A preset that uses user catalog entries carries them: it loads in a
 * process that has never seen them (catalog_reset_user stands for that). */
static void test_saved_preset_is_self_contained(void **state)
{
	(void)state;
	load_ok("tests/config/good/full.ini");
	char out[512];
	snprintf(out, sizeof out, "%s/self.ini", tmpdir);
	assert_int_equal(config_save_preset(out, &S, NULL, &D), 0);
	char *t = slurp(out);
	assert_non_null(strstr(t, "\n[model.my-70b]\n"));
	assert_non_null(strstr(t, "\n[gpu.my-h100]\n"));
	catalog_reset_user();
	assert_null(catalog_model("my-70b"));
	scenario_defaults(&T);
	diag_init(&D);
	if (config_load_preset(out, &T, &D) != 0) {
		dump_diag(&D);
		fail_msg("the saved preset needs entries it does not carry");
	}
	if (memcmp(&S, &T, sizeof S) != 0)
		explain_difference(&S, &T, "self-contained");
	/* the entry is back in the catalog, without the preset's own override
	 * of hardware.tflops (1900 at fp8) */
	const gpu_spec *g = catalog_gpu("my-h100");
	assert_non_null(g);
	assert_true(g->usd_per_hour == 2.5);
	assert_true(g->flops[PREC_FP8] == catalog_gpu("h100-sxm")->flops[PREC_FP8]);
}

static void test_save_is_atomic(void **state)
{
	(void)state;
	char target[512];
	/* the target is a directory: rename fails, the directory stays, no
	 * temporary file is left behind */
	snprintf(target, sizeof target, "%s/adir", tmpdir);
	assert_int_equal(mkdir(target, 0755), 0);
	assert_int_equal(config_save_preset(target, &S, "x", &D), -1);
	assert_int_equal(D.count, 1);
	assert_non_null(strstr(D.msg[0], "cannot save: Is a directory (the old file is unchanged)"));
	struct stat st;
	assert_int_equal(stat(target, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	char *names[16];
	assert_int_equal(list_dir(tmpdir, ".ini", names, 0), 0);
	DIR *dp = opendir(tmpdir);
	struct dirent *de;
	while ((de = readdir(dp)))
		if (strncmp(de->d_name, ".adir.", 6) == 0)
			fail_msg("temporary file %s left behind", de->d_name);
	closedir(dp);
	/* a missing directory */
	diag_init(&D);
	snprintf(target, sizeof target, "%s/no/such/dir/p.ini", tmpdir);
	assert_int_equal(config_save_preset(target, &S, "x", &D), -1);
	assert_non_null(strstr(D.msg[0], "cannot create a temporary file"));
	/* an existing file is replaced whole */
	diag_init(&D);
	snprintf(target, sizeof target, "%s/old.ini", tmpdir);
	FILE *f = fopen(target, "w");
	fputs("[serving]\nmax_batch = 3\n", f);
	fclose(f);
	S.max_batch = 77;
	assert_int_equal(config_save_preset(target, &S, "new", &D), 0);
	scenario_defaults(&T);
	assert_int_equal(config_load_preset(target, &T, &D), 0);
	assert_int_equal(T.max_batch, 77);
	assert_string_equal(T.description, "new");
}

static void test_saved_text(void **state)
{
	(void)state;
	/* catalog-derived keys commented out when equal to the catalog, live
	 * when changed; descriptions quoted */
	char out[512];
	snprintf(out, sizeof out, "%s/text.ini", tmpdir);
	S.model.layers = 40;
	assert_int_equal(config_save_preset(out, &S, "say \"hi\"; #1", &D), 0);
	char *t = slurp(out);
	assert_non_null(strstr(t, "\nlayers = 40\n"));
	assert_non_null(strstr(t, "\n; hidden = 4096\n"));
	assert_non_null(strstr(t, "\nname = llama-3.1-8b\n"));
	assert_non_null(strstr(t, "\ndescription = 'say \"hi\"; #1'\n"));
	assert_non_null(strstr(t, "\n[region.us-east-1]\n"));
	assert_non_null(strstr(t, "\nrequests_per_day = 1000000\n"));
	scenario_defaults(&T);
	assert_int_equal(config_load_preset(out, &T, &D), 0);
	assert_string_equal(T.description, "say \"hi\"; #1");
	assert_int_equal(T.model.layers, 40);
}

static void test_apply_set(void **state)
{
	(void)state;
	assert_int_equal(config_apply_set(&S, "serving.max_batch=64", &D), 0);
	assert_int_equal(S.max_batch, 64);
	assert_int_equal(config_apply_set(&S, "serving.max_batch = 010", &D), 0);
	assert_int_equal(S.max_batch, 10);
	assert_int_equal(config_apply_set(&S, "model.name=llama-2-70b", &D), 0);
	assert_int_equal(S.model.layers, 80);
	assert_int_equal(config_apply_set(&S, "hardware.memory_gb=141", &D), 0);
	assert_true(S.gpu.mem_bytes == 141e9);
	assert_int_equal(D.count, 0);

	static scenario before;
	before = S;
	static const struct { const char *set, *msg; } bad[] = {
		{ "serving.max_batch=9999999",
		  "--set serving.max_batch: value '9999999' out of range (allowed: 1 to 65536)" },
		{ "serving.max_bach=64",
		  "--set serving.max_bach: unknown key, did you mean 'serving.max_batch'? "
		  "(allowed: the keys listed by infertui.ini(5))" },
		{ "serving.max_batch",
		  "--set 'serving.max_batch': expected KEY=VALUE (e.g. serving.max_batch=64)" },
		{ "workload.peak_factor=nan",
		  "--set workload.peak_factor: value 'nan' is not a number (allowed: 1 to 100)" },
		{ "model.kv_heads=65",
		  "--set model.kv_heads: value '65' is more than model.heads "
		  "(allowed: 1 to 64)" },
		{ "fleet.regions=mars",
		  "--set fleet.regions: region 'mars' is not defined (allowed: us-east-1; define "
		  "others in a preset's [region.NAME])" },
		{ "region.us-east-1.share=0.5",
		  "--set region shares: shares sum to 0.5, not 1 (us-east-1 0.5) (allowed: "
		  "shares summing to 1 within 1e-6)" },
		{ "region.us-east-1.price_factor=abc",
		  "--set region.us-east-1.price_factor: value 'abc' is not a number (allowed: "
		  "0.01 to 100)" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		diag_init(&D);
		assert_int_equal(config_apply_set(&S, bad[i].set, &D), -1);
		assert_int_equal(D.count, 1);
		assert_string_equal(D.msg[0], bad[i].msg);
		assert_memory_equal(&before, &S, sizeof S);
	}
	/* regions and options of a loaded preset */
	catalog_reset_user();
	scenario_defaults(&S);
	load_ok("tests/config/good/full.ini");
	diag_init(&D);
	assert_int_equal(config_apply_set(&S, "region.ap-southeast-2.price_factor=1.4", &D), 0);
	assert_true(S.regions[1].price_factor == 1.4);
	assert_int_equal(config_apply_set(&S, "fleet.regions=ap-southeast-2", &D), 0);
	assert_int_equal(S.n_regions, 1);
	assert_true(S.regions[0].share == 1);          /* one region takes it all */
	assert_int_equal(config_apply_set(&S, "option.a.usd_per_hour=21.96", &D), 0);
	assert_true(S.options[0].usd_per_hour == 21.96);
	assert_int_equal(config_apply_set(&S, "option.a.instance=p5.48xlarge", &D), 0);
	assert_string_equal(S.options[0].inst.id, "p5.48xlarge");
	diag_init(&D);
	assert_int_equal(config_apply_set(&S, "option.a.instance=p9", &D), -1);
	assert_memory_equal(D.msg[0], "--set option.a.instance: unknown instance 'p9'", 46);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_find_and_list(void **state)
{
	(void)state;
	char dir[512], p[600], out[1024];
	snprintf(dir, sizeof dir, "%s/xdg", tmpdir);
	mkdir(dir, 0755);
	snprintf(p, sizeof p, "%s/infertui", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/infertui/presets", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/infertui/presets/mine.ini", dir);
	write_file(p, "[preset]\ndescription = \"my own preset\"\n[serving]\nmax_batch = 8\n");
	snprintf(p, sizeof p, "%s/infertui/presets/broken.ini", dir);
	write_file(p, "[serving]\nmax_batch lots\n");
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(config_find("presets", "mine", out, sizeof out, &D), 0);
	snprintf(p, sizeof p, "%s/infertui/presets/mine.ini", dir);
	assert_string_equal(out, p);
	/* a path is read as a path */
	assert_int_equal(config_find("presets", p, out, sizeof out, &D), 0);
	assert_string_equal(out, p);
	assert_int_equal(config_find("presets", "./nope.ini", out, sizeof out, &D), -1);
	assert_string_equal(D.msg[0], "./nope.ini: cannot read: No such file or directory");
	diag_init(&D);
	assert_int_equal(config_find("presets", "mien", out, sizeof out, &D), -1);
	assert_memory_equal(D.msg[0], "unknown preset 'mien', did you mean 'mine'? (allowed: ",
	                    strlen("unknown preset 'mien', did you mean 'mine'? (allowed: "));
	assert_non_null(strstr(D.msg[0], "broken"));
	/* the list: name and description; an invalid file says so */
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	config_list("presets", m);
	fclose(m);
	assert_non_null(strstr(buf, "mine                   my own preset\n"));
	assert_non_null(strstr(buf, "broken                 (invalid: see --check)\n"));
	free(buf);
	/* the user catalog */
	snprintf(p, sizeof p, "%s/infertui/catalog.ini", dir);
	write_file(p, "[gpu.test-chip]\nlabel = \"Test chip\"\nmemory_gb = 64\n"
	              "bandwidth_tbps = 2\ntflops_bf16 = 500\nusd_per_hour = 1.5\n"
	              "mbu = 0.7\nmfu = 0.5\n\n[model.tiny]\nlayers = 2\nhidden = 256\n"
	              "heads = 4\nffn = 1024\nvocab = 1000\n");
	diag_init(&D);
	assert_int_equal(config_load_user_catalog(&D), 0);
	const gpu_spec *g = catalog_gpu("test-chip");
	assert_non_null(g);
	assert_true(g->mem_bytes == 64e9 && g->bandwidth == 2e12 && g->flops[PREC_BF16] == 500e12);
	/* no size terms given: the H100 fit's are carried, as for the built-in
	 * "assumed" devices: 39.6e-6 s x 2e12 B/s x 0.7 = 55.44e6 B per layer
	 * at half efficiency, and 286 hidden columns per device for MFU */
	assert_float_equal(g->mbu_half_bytes, 55.44e6, 1e3);
	assert_float_equal(g->mfu_half_hidden, 286, 1e-9);
	assert_int_equal(g->eff_basis, EFF_ASSUMED);
	assert_non_null(strstr(g->eff_source, "user entry"));
	const model_spec *t = catalog_model("tiny");
	assert_non_null(t);
	assert_int_equal(t->kv_heads, 4);              /* MHA unless told */
	assert_int_equal(t->experts, 1);
	/* only catalog sections belong there */
	write_file(p, "[serving]\nmax_batch = 3\n");
	diag_init(&D);
	assert_int_equal(config_load_user_catalog(&D), -1);
	char want[700];
	snprintf(want, sizeof want, "%s:1: [serving]: not allowed in the catalog file "
	         "(allowed: [gpu.ID], [model.ID])", p);
	assert_string_equal(D.msg[0], want);
	unsetenv("XDG_CONFIG_HOME");
}

static void test_themes(void **state)
{
	(void)state;
	static theme t;
	static const char *const shipped[] = {
		"default", "light", "high-contrast", "solarized", "mono" };
	for (int i = 0; i < 5; i++) {
		char p[256];
		snprintf(p, sizeof p, "themes/%s.ini", shipped[i]);
		diag_init(&D);
		if (theme_load(p, &t, &D) != 0) {
			dump_diag(&D);
			fail_msg("%s refused", p);
		}
		assert_string_equal(t.name, shipped[i]);
		assert_true(t.description[0] != '\0');
		assert_int_equal(t.mono, i == 4);
		for (int e = 0; e < TE_COUNT; e++) {
			assert_true(t.st[e].fg256 >= -1 && t.st[e].fg256 <= 255);
			assert_true(t.st[e].fg8 >= -1 && t.st[e].fg8 <= 7);
		}
	}
	/* solarized text fg "#839496" = (131, 148, 150): the nearest cube
	 * colour is (135,135,135) at distance 4²+13²+15² = 410, the nearest grey
	 * 8 + 10·13 = 138 (index 232 + 13 = 245) at 7²+10²+12² = 293: grey 245 */
	diag_init(&D);
	assert_int_equal(theme_load("themes/solarized.ini", &t, &D), 0);
	assert_int_equal(t.st[TE_TEXT].fg256, 245);
	/* "#ff0000": cube (5,0,0) = 16 + 36·5 = 196; 8-colour fallback red (1) */
	char p[512];
	snprintf(p, sizeof p, "%s/red.ini", tmpdir);
	write_file(p, "[theme]\ndescription = \"red\"\n[bad]\nfg = \"#ff0000\"\nattrs = bold\n");
	diag_init(&D);
	assert_int_equal(theme_load(p, &t, &D), 0);
	assert_int_equal(t.st[TE_BAD].fg256, 196);
	assert_int_equal(t.st[TE_BAD].fg8, 1);
	assert_int_equal(t.st[TE_BAD].attrs, TA_BOLD);
	assert_int_equal(t.st[TE_BAD].mono_attrs, TA_BOLD);   /* defaults to attrs */
	assert_int_equal(t.st[TE_TEXT].fg256, -1);
	/* the built-in mono theme */
	theme_builtin_mono(&t);
	assert_true(t.mono);
	assert_string_equal(t.name, "mono");
	for (int e = 0; e < TE_COUNT; e++)
		assert_int_equal(t.st[e].fg256, -1);
	assert_int_equal(t.st[TE_SELECTION].mono_attrs, TA_REVERSE);
	assert_string_equal(theme_elem_name(TE_SLIDER_FILL), "slider_fill");
}

static void test_check_files(void **state)
{
	(void)state;
	char *paths[64];
	int n = 0;
	char *names[64];
	size_t k = list_dir("themes", ".ini", names, 32);
	for (size_t i = 0; i < k; i++) {
		paths[n] = malloc(300);
		snprintf(paths[n++], 300, "themes/%s", names[i]);
		free(names[i]);
	}
	k = list_dir("presets", ".ini", names, 32);
	for (size_t i = 0; i < k; i++) {
		paths[n] = malloc(300);
		snprintf(paths[n++], 300, "presets/%s", names[i]);
		free(names[i]);
	}
	paths[n++] = strdup("tests/config/good/full.ini");
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int bad = config_check_files(n, paths, m);
	fclose(m);
	if (bad)
		fail_msg("--check: %s", buf);
	assert_int_equal(len, 0);
	free(buf);
	/* one bad preset, one bad theme */
	char *two[] = { "tests/config/bad/nan.ini", "tests/config/bad/theme-bad-colour.ini" };
	buf = NULL;
	m = open_memstream(&buf, &len);
	assert_int_equal(config_check_files(2, two, m), 2);
	fclose(m);
	assert_non_null(strstr(buf, "infertui: tests/config/bad/nan.ini:2: [workload] "
	                            "peak_factor: value 'nan' is not a number"));
	assert_non_null(strstr(buf, "[text] fg8: unknown colour 'purple'"));
	free(buf);
	for (int i = 0; i < n; i++)
		free(paths[i]);
}

static void test_reader(void **state)
{
	(void)state;
	/* values come from iniparser; comments after values; quotes kept off */
	char p[512];
	snprintf(p, sizeof p, "%s/r.ini", tmpdir);
	write_file(p, "[a]\nx = 1 ; comment\ny = \"q ; not a comment\"\nz = ''\n");
	int nerr = -1;
	config_ini *ini = config_ini_read(p, &D, &nerr);
	assert_non_null(ini);
	assert_int_equal(nerr, 0);
	assert_int_equal(config_ini_count(ini), 4);
	assert_string_equal(config_ini_at(ini, 1)->value, "1");
	assert_string_equal(config_ini_at(ini, 2)->value, "q ; not a comment");
	assert_string_equal(config_ini_at(ini, 3)->value, "");
	assert_int_equal(config_ini_at(ini, 2)->line, 3);
	assert_int_equal(config_ini_section_line(ini, "a"), 1);
	config_ini_free(ini);
	/* a file that cannot be read */
	diag_init(&D);
	assert_null(config_ini_read("/nonexistent/x.ini", &D, &nerr));
	assert_string_equal(D.msg[0], "/nonexistent/x.ini: cannot read: No such file or directory");
	/* every problem, capped */
	snprintf(p, sizeof p, "%s/many.ini", tmpdir);
	FILE *f = fopen(p, "w");
	fputs("[serving]\n", f);
	for (int i = 0; i < 100; i++)
		fprintf(f, "k%d = 1\n", i);
	fclose(f);
	diag_init(&D);
	scenario_defaults(&S);
	assert_int_equal(config_load_preset(p, &S, &D), -1);
	assert_int_equal(D.count, DIAG_MAX);
	assert_int_equal(D.dropped, 100 - DIAG_MAX);
}

/* Issue 13 #5: a FIFO (or any file that is not regular) is refused without
 * a blocking open; the alarm fails the test if the loader blocks. */
static void test_not_regular_refused(void **state)
{
	(void)state;
	char p[512];
	snprintf(p, sizeof p, "%s/fifo.ini", tmpdir);
	assert_int_equal(mkfifo(p, 0600), 0);
	alarm(10);
	assert_int_equal(config_load_preset(p, &S, &D), -1);
	assert_int_equal(D.count, 1);
	char want[600];
	snprintf(want, sizeof want, "%s: cannot read: not a regular file (allowed: a "
	         "regular file)", p);
	assert_string_equal(D.msg[0], want);
	static theme t;
	diag_init(&D);
	assert_int_equal(theme_load(p, &t, &D), -1);
	assert_string_equal(D.msg[0], want);
	FILE *m = fopen("/dev/null", "w");
	char *one[] = { p };
	assert_int_equal(config_check_files(1, one, m), 1);
	fclose(m);
	alarm(0);
	unlink(p);
	/* a character device too */
	diag_init(&D);
	assert_int_equal(config_load_preset("/dev/zero", &S, &D), -1);
	assert_non_null(strstr(D.msg[0], "not a regular file"));
}

/* Issue 13 #4: more entries than any preset has are refused at the line
 * where the cap is passed (what keeps iniparser's linear look-ups bounded);
 * tests/bench/bench_config times the loading. */
static void test_entry_cap(void **state)
{
	(void)state;
	char p[512];
	snprintf(p, sizeof p, "%s/many.ini", tmpdir);
	FILE *f = fopen(p, "w");
	for (int i = 0; i < CONFIG_ENTRIES_MAX + 10; i++)
		fprintf(f, "[s%d]\n", i);
	fclose(f);
	assert_int_equal(config_load_preset(p, &S, &D), -1);
	assert_int_equal(D.count, 1);
	char want[600];
	snprintf(want, sizeof want, "%s:%d: too many sections and keys (allowed: at most "
	         "%d in one file)", p, CONFIG_ENTRIES_MAX + 1, CONFIG_ENTRIES_MAX);
	assert_string_equal(D.msg[0], want);
	/* at the cap, the file is read (and its unknown sections reported) */
	f = fopen(p, "w");
	for (int i = 0; i < CONFIG_ENTRIES_MAX; i++)
		fprintf(f, "[s%d]\n", i);
	fclose(f);
	diag_init(&D);
	assert_int_equal(config_load_preset(p, &S, &D), -1);
	assert_int_equal(D.count, DIAG_MAX);
	assert_int_equal(D.dropped, CONFIG_ENTRIES_MAX - DIAG_MAX);
	assert_non_null(strstr(D.msg[0], ":1: [s0]: unknown section"));
}

/* Issue 13 #14: messages carry no control bytes or invalid UTF-8, whatever
 * they quote (here a --set value with ESC and a stray byte). */
static void test_messages_clean(void **state)
{
	(void)state;
	assert_int_equal(config_apply_set(&S, "serving.max_batch=\x1b[31m6\xff", &D), -1);
	assert_int_equal(D.count, 1);
	assert_non_null(strstr(D.msg[0], "value '?[31m6?' is not a number"));
	for (const char *c = D.msg[0]; *c; c++)
		assert_true((unsigned char)*c >= 0x20 && (unsigned char)*c < 0x7f);
}

/* Issue 13 #6: a save keeps the replaced file's mode, gives a new file the
 * umask's, refuses a read-only file unless forced, and removes the
 * temporary files of a save that was killed; listings never show them. */
static void test_save_modes(void **state)
{
	(void)state;
	char p[700];
	struct stat st;
	snprintf(p, sizeof p, "%s/mode.ini", tmpdir);
	FILE *f = fopen(p, "w");
	fputs("[serving]\nmax_batch = 3\n", f);
	fclose(f);
	assert_int_equal(chmod(p, 0600), 0);
	assert_int_equal(config_save_preset(p, &S, "x", &D), 0);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	/* a new file: 0666 less the umask */
	snprintf(p, sizeof p, "%s/new-mode.ini", tmpdir);
	mode_t um = umask(027);
	assert_int_equal(config_save_preset(p, &S, "x", &D), 0);
	umask(um);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	/* read-only: refused whole, then forced (the mode kept) */
	snprintf(p, sizeof p, "%s/ro.ini", tmpdir);
	f = fopen(p, "w");
	fputs("[serving]\nmax_batch = 3\n", f);
	fclose(f);
	assert_int_equal(chmod(p, 0444), 0);
	S.max_batch = 99;
	assert_int_equal(config_save_preset(p, &S, "x", &D), -1);
	assert_int_equal(D.count, 1);
	assert_non_null(strstr(D.msg[0], "cannot save: the file is read-only"));
	assert_string_equal(slurp(p), "[serving]\nmax_batch = 3\n");
	diag_init(&D);
	assert_int_equal(config_save_preset_as(p, &S, "x", true, &D), 0);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0444);
	assert_non_null(strstr(slurp(p), "\nmax_batch = 99\n"));
	/* a killed save's temporary file (a minute old) goes; a fresh one, maybe
	 * another save's, stays; neither is listed */
	char dir[512], stale[600], fresh[600];
	snprintf(dir, sizeof dir, "%s/cfg/infertui/presets", tmpdir);
	snprintf(p, sizeof p, "%s/cfg", tmpdir);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/cfg/infertui", tmpdir);
	assert_int_equal(mkdir(p, 0755), 0);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(p, sizeof p, "%s/mine.ini", dir);
	snprintf(stale, sizeof stale, "%s/.mine.ini.Ab12Cd", dir);
	snprintf(fresh, sizeof fresh, "%s/.mine.ini.Ef34Gh", dir);
	fclose(fopen(stale, "w"));
	fclose(fopen(fresh, "w"));
	struct timespec old[2] = { { time(NULL) - 120, 0 }, { time(NULL) - 120, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, stale, old, 0), 0);
	assert_int_equal(config_save_preset(p, &S, "mine", &D), 0);
	assert_int_not_equal(access(stale, F_OK), 0);
	assert_int_equal(access(fresh, F_OK), 0);
	snprintf(p, sizeof p, "%s/cfg", tmpdir);
	setenv("XDG_CONFIG_HOME", p, 1);
	char *buf = NULL;
	size_t len = 0;
	f = open_memstream(&buf, &len);
	config_list("presets", f);
	fclose(f);
	unsetenv("XDG_CONFIG_HOME");
	assert_non_null(strstr(buf, "mine "));
	assert_null(strstr(buf, ".mine"));
	assert_null(strstr(buf, "Ef34Gh"));
	free(buf);
}

/* Issue 13 #8, #11, #12: --set values are checked whole, the shares after
 * the last --set, and text is checked on the way in. */
static void test_set_checks(void **state)
{
	(void)state;
	/* #8: past the old 1000-character cut */
	static char a[1200];
	snprintf(a, sizeof a, "serving.memory_utilization=0.9");
	memset(a + strlen(a), '0', 1010);
	strcat(a, "junk");
	assert_int_equal(config_apply_set(&S, a, &D), -1);
	assert_string_equal(D.msg[0], "--set serving.memory_utilization: value too long, "
	                    "1017 characters (allowed: at most 1000)");
	/* and past the 255 of a parameter's value */
	diag_init(&D);
	a[27 + 300] = '\0';
	strcat(a, "junk");
	assert_int_equal(config_apply_set(&S, a, &D), -1);
	assert_string_equal(D.msg[0], "--set serving.memory_utilization: value too long, "
	                    "304 characters (allowed: at most 255)");
	/* #11: two shares, each alone breaking the sum */
	load_ok("tests/config/good/full.ini");
	diag_init(&D);
	const char *two[] = { "region.us-east-1.share=0.4", "region.ap-southeast-2.share=0.6" };
	assert_int_equal(config_apply_sets(&S, two, 2, &D), 0);
	assert_true(S.regions[0].share == 0.4 && S.regions[1].share == 0.6);
	const char *bad[] = { "region.us-east-1.share=0.5", "region.ap-southeast-2.share=0.6" };
	assert_int_equal(config_apply_sets(&S, bad, 2, &D), -1);
	assert_string_equal(D.msg[0], "--set region shares: shares sum to 1.1, not 1 "
	                    "(us-east-1 0.5 + ap-southeast-2 0.6) (allowed: shares summing "
	                    "to 1 within 1e-6)");
	assert_true(S.regions[0].share == 0.4);        /* unchanged */
	/* #12: a label that would not load back */
	diag_init(&D);
	assert_int_equal(config_apply_set(&S, "option.a.label=\xff", &D), -1);
	assert_string_equal(D.msg[0], "--set option.a.label: not UTF-8 text, or a control "
	                    "character (allowed: UTF-8 text without control characters)");
	diag_init(&D);
	assert_int_equal(config_apply_set(&S, "option.a.label=a\x1b[2Jb", &D), -1);
	diag_init(&D);
	assert_int_equal(config_apply_set(&S, "option.a.label=caf\xc3\xa9", &D), 0);
	char p[512];
	snprintf(p, sizeof p, "%s/label.ini", tmpdir);
	assert_int_equal(config_save_preset(p, &S, "x", &D), 0);
	scenario_defaults(&T);
	assert_int_equal(config_load_preset(p, &T, &D), 0);
	assert_string_equal(T.options[0].label, "caf\xc3\xa9");
}

/* Conventions: an empty listing says where it looked. */
static void test_empty_listing(void **state)
{
	(void)state;
	char p[600];
	snprintf(p, sizeof p, "%s/nothing", tmpdir);
	setenv("XDG_CONFIG_HOME", p, 1);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	size_t n = config_list("presets", f);
	fclose(f);
	size_t lines = 0;
	for (const char *c = buf; *c; c++)
		lines += *c == '\n';
	assert_int_equal(lines, n);
	free(buf);
	f = open_memstream(&buf, &len);
	config_list_none("presets", f);
	fclose(f);
	unsetenv("XDG_CONFIG_HOME");
	char want[700];
	snprintf(want, sizeof want, "infertui: no presets: none found in %s/infertui/presets, ", p);
	assert_memory_equal(buf, want, strlen(want));
	free(buf);
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	if (!top || chdir(top) != 0) {
		fprintf(stderr, "test_config: set top_srcdir to the source tree\n");
		return 1;
	}
	snprintf(tmpdir, sizeof tmpdir, "/tmp/infertui-test-config.XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	unsetenv("XDG_CONFIG_HOME");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_bad_corpus, setup),
		cmocka_unit_test_setup(test_good_corpus, setup),
		cmocka_unit_test_setup(test_full_preset, setup),
		cmocka_unit_test_setup(test_round_trip, setup),
		cmocka_unit_test_setup(test_saved_preset_is_self_contained, setup),
		cmocka_unit_test_setup(test_save_is_atomic, setup),
		cmocka_unit_test_setup(test_saved_text, setup),
		cmocka_unit_test_setup(test_apply_set, setup),
		cmocka_unit_test_setup(test_find_and_list, setup),
		cmocka_unit_test_setup(test_themes, setup),
		cmocka_unit_test_setup(test_check_files, setup),
		cmocka_unit_test_setup(test_reader, setup),
		cmocka_unit_test_setup(test_not_regular_refused, setup),
		cmocka_unit_test_setup(test_entry_cap, setup),
		cmocka_unit_test_setup(test_messages_clean, setup),
		cmocka_unit_test_setup(test_save_modes, setup),
		cmocka_unit_test_setup(test_set_checks, setup),
		cmocka_unit_test_setup(test_empty_listing, setup),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "test_config: could not remove %s\n", tmpdir);
	return rc;
}
