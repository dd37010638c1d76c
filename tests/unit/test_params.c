/* test_params.c — the parameter table: ranges, defaults, parsing, units,
 * sliders, suggestions.  Every expected number is derived in a comment. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "params.h"

static scenario S;

/* |a - b| <= tol, with both values in the message */
#define assert_near(a, b, tol) do { \
	double a_ = (a), b_ = (b); \
	if (!(fabs(a_ - b_) <= (tol))) \
		fail_msg("%s = %.17g, expected %.17g", #a, a_, b_); \
} while (0)

static const param *P(const char *key)
{
	const param *p = params_find(key);
	if (!p)
		fail_msg("no parameter %s", key);
	return p;
}

/* set_text that must succeed */
static void set_ok(const char *key, const char *text)
{
	char err[512] = "";
	int rc = params_set_text(&S, P(key), text, err, sizeof err);
	if (rc != 0)
		fail_msg("%s = %s: %s", key, text, err);
}

/* set_text that must fail with exactly this message, leaving S unchanged */
static void set_bad(const char *key, const char *text, const char *msg)
{
	static scenario before;
	char err[512] = "";
	before = S;
	assert_int_equal(params_set_text(&S, P(key), text, err, sizeof err), -1);
	assert_string_equal(err, msg);
	assert_memory_equal(&before, &S, sizeof S);
}

static int setup(void **state)
{
	(void)state;
	catalog_reset_user();
	scenario_defaults(&S);
	return 0;
}

static void test_table_is_sound(void **state)
{
	(void)state;
	size_t n = params_count();
	assert_true(n >= 60);
	for (size_t i = 0; i < n; i++) {
		const param *p = params_at(i);
		/* dotted key whose group is the row's group */
		char grp[32];
		snprintf(grp, sizeof grp, "%s", params_group_name(p->group));
		grp[0] = (char)(grp[0] - 'A' + 'a');
		size_t gl = strlen(grp);
		if (strncmp(p->key, grp, gl) != 0 || p->key[gl] != '.')
			fail_msg("%s is not in group %s", p->key, grp);
		/* unique */
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(p->key, params_at(j)->key);
		assert_ptr_equal(params_find(p->key), p);
		assert_true(p->label && p->label[0] && p->help && p->help[0] && p->unit);
		assert_true(p->min <= p->max);
		assert_true(p->scale > 0);
		if ((p->type == PT_INT || p->type == PT_REAL) &&
		    !(p->flags & (PF_FROM_MODEL | PF_FROM_GPU)))
			if (!(p->def >= p->min && p->def <= p->max))
				fail_msg("%s: default %g outside %g..%g", p->key, p->def, p->min, p->max);
		if (p->flags & PF_LOG) {
			assert_true(p->step > 1);    /* a factor */
			assert_true(p->min > 0 || (p->flags & PF_ZERO_AUTO) || p->min == 0);
		}
		if (p->type == PT_CHOICE)
			assert_true(params_choice_count(p) >= 2);
	}
	assert_null(params_find("serving.nope"));
	assert_null(params_find(NULL));
}

/* interface.md: "batch up to at least 4096, GPUs per replica up to at least
 * 1024, requests/day from 1 to at least 1e12, context up to at least 1M". */
static void test_ranges_allow_real_what_ifs(void **state)
{
	(void)state;
	assert_true(P("serving.max_batch")->max >= 4096);
	assert_true(P("hardware.gpus")->max >= 1024);
	assert_true(P("workload.requests_per_day")->min <= 1);
	assert_true(P("workload.requests_per_day")->max >= 1e12);
	assert_true(P("workload.input_tokens")->max >= 1048576);
	assert_true(P("serving.reserve_tokens")->max >= 1048576);
	assert_true(P("model.max_context")->max >= 1048576);
	/* spanning decades: log sliders */
	assert_true(P("workload.requests_per_day")->flags & PF_LOG);
	assert_true(P("serving.max_batch")->flags & PF_LOG);
	assert_true(P("hardware.gpus")->flags & PF_LOG);
}

static void test_every_interface_key_exists(void **state)
{
	(void)state;
	static const char *const keys[] = {
		"model.name", "model.params_b", "model.layers", "model.hidden",
		"model.heads", "model.kv_heads", "model.head_dim", "model.ffn",
		"model.vocab", "model.experts", "model.experts_active",
		"model.tied_embeddings", "model.mlp", "precision.weights",
		"precision.group_size", "precision.kv_cache", "hardware.gpu",
		"hardware.gpus", "hardware.mbu", "hardware.mfu", "hardware.memory_gb",
		"hardware.bandwidth_tbps", "hardware.tflops", "hardware.gpu_hour_usd",
		"serving.batching", "serving.max_batch", "serving.kv_manager",
		"serving.block_tokens", "serving.reserve_tokens",
		"serving.memory_utilization", "serving.prefix_hit_rate",
		"serving.speculative", "serving.draft_cost_ratio", "serving.draft_tokens",
		"serving.acceptance", "workload.input_tokens", "workload.output_tokens",
		"workload.output_distribution", "workload.requests_per_day",
		"workload.peak_factor", "workload.ttft_slo_s", "workload.tpot_slo_ms",
		"workload.e2e_slo_s", "workload.availability", "fleet.min_replicas",
		"fleet.spares", "pricing.reserved_discount", "pricing.hours_per_month",
		"pricing.api_input_per_m", "pricing.api_output_per_m",
		"serving.request_overhead_s", "serving.step_overhead_s", NULL
	};
	for (int i = 0; keys[i]; i++)
		if (!params_find(keys[i]))
			fail_msg("missing key %s", keys[i]);
	/* every choice list of interface.md */
	assert_int_equal(params_choice_count(P("precision.weights")), 6);
	assert_int_equal(params_choice_count(P("precision.kv_cache")), 4);
}

static void test_defaults(void **state)
{
	(void)state;
	assert_string_equal(S.model.id, "llama-3.1-8b");
	assert_string_equal(S.gpu.id, "h100-sxm");
	const model_spec *m = catalog_model("llama-3.1-8b");
	assert_non_null(m);
	assert_memory_equal(&S.model, m, sizeof *m);
	assert_int_equal(S.model.layers, 32);          /* Llama 3.1 8B config.json */
	assert_int_equal(S.weights, PREC_BF16);
	assert_int_equal(S.compute, PREC_AUTO);
	assert_int_equal(S.batching, BATCH_CONTINUOUS);
	assert_int_equal(S.kv_manager, KV_PAGED);
	assert_int_equal(S.gpus, 1);
	assert_true(S.input_tokens == 500 && S.output_tokens == 200);
	assert_true(S.requests_per_day == 1e6);
	assert_true(S.request_overhead_s == 0.02 && S.step_overhead_s == 0);
	assert_true(S.memory_utilization == 0.90);
	assert_true(S.hours_per_month == 730);
	/* $0.15 / 1M tokens stored per token: 0.15 × 1e-6 */
	assert_true(S.api_input_per_token == 0.15 * 1e-6);
	/* 100 ms stored in seconds */
	assert_true(S.tpot_slo_s == 100 * 1e-3);
	assert_int_equal(S.n_regions, 1);
	assert_true(S.regions[0].share == 1);
	for (size_t i = 0; i < params_count(); i++)
		if (!params_is_default(&S, params_at(i)))
			fail_msg("%s is not default in the defaults", params_at(i)->key);
}

static void test_numbers_are_decimal(void **state)
{
	(void)state;
	set_ok("serving.max_batch", "010");            /* ten, never octal */
	assert_int_equal(S.max_batch, 10);
	set_ok("serving.max_batch", " 64 ");
	assert_int_equal(S.max_batch, 64);
	set_ok("serving.max_batch", "1e3");             /* exponent form */
	assert_int_equal(S.max_batch, 1000);
	set_ok("serving.max_batch", "+4096");
	assert_int_equal(S.max_batch, 4096);
	set_ok("workload.requests_per_day", "1e12");
	assert_true(S.requests_per_day == 1e12);
	set_ok("workload.peak_factor", "2.5");
	assert_true(S.peak_factor == 2.5);
	set_ok("workload.peak_factor", ".5e1");
	assert_true(S.peak_factor == 5);

	set_bad("serving.max_batch", "0x40",
	        "value '0x40' is not a number (allowed: 1 to 65536)");
	set_bad("serving.max_batch", "64abc",
	        "value '64abc' is not a number (allowed: 1 to 65536)");
	set_bad("serving.max_batch", "",
	        "value is empty (allowed: 1 to 65536)");
	set_bad("serving.max_batch", "64.5",
	        "value '64.5' is not a whole number (allowed: 1 to 65536)");
	set_bad("serving.max_batch", "99999",
	        "value '99999' out of range (allowed: 1 to 65536)");
	set_bad("serving.max_batch", "1e",
	        "value '1e' is not a number (allowed: 1 to 65536)");
	set_bad("workload.peak_factor", "nan",
	        "value 'nan' is not a number (allowed: 1 to 100)");
	set_bad("workload.peak_factor", "inf",
	        "value 'inf' is not a number (allowed: 1 to 100)");
	set_bad("workload.peak_factor", "-inf",
	        "value '-inf' is not a number (allowed: 1 to 100)");
	set_bad("workload.peak_factor", "1e999",
	        "value '1e999' out of range (allowed: 1 to 100)");
	set_bad("workload.requests_per_day", "1,000",
	        "value '1,000' is not a number (allowed: 1 to 1e13)");
	set_bad("workload.requests_per_day", "0",
	        "value '0' out of range (allowed: 1 to 1e13)");
	set_bad("hardware.gpus", "2 4", "value '2 4' is not a number (allowed: 1 to 4096)");

	double v;
	assert_int_equal(params_parse_number("007", &v), 0);
	assert_true(v == 7);
	assert_int_equal(params_parse_number("1e400", &v), -2);
	assert_int_equal(params_parse_number("0x1p3", &v), -1);
	assert_int_equal(params_parse_number("NaN", &v), -1);
	assert_int_equal(params_parse_number("infinity", &v), -1);
	assert_int_equal(params_parse_number("-", &v), -1);
	assert_int_equal(params_parse_number(".", &v), -1);
}

static void test_booleans_and_choices(void **state)
{
	(void)state;
	static const char *const yes[] = { "true", "yes", "on", "1", "TRUE", "Yes" };
	static const char *const no[] = { "false", "no", "off", "0" };
	for (int i = 0; i < 6; i++) {
		S.speculative = false;
		set_ok("serving.speculative", yes[i]);
		assert_true(S.speculative);
	}
	for (int i = 0; i < 4; i++) {
		S.speculative = true;
		set_ok("serving.speculative", no[i]);
		assert_false(S.speculative);
	}
	set_bad("serving.speculative", "maybe", "value 'maybe' is not a boolean "
	        "(allowed: true, false, yes, no, on, off, 1, 0)");
	set_ok("precision.weights", "int4");
	assert_int_equal(S.weights, PREC_INT4);
	set_ok("precision.kv_cache", "fp8");
	assert_int_equal(S.kv_cache, PREC_FP8);
	set_ok("precision.compute", "auto");
	assert_int_equal(S.compute, PREC_AUTO);
	set_ok("serving.batching", "static");
	assert_int_equal(S.batching, BATCH_STATIC);
	set_ok("workload.output_distribution", "exponential");
	assert_int_equal(S.output_distribution, DIST_EXPONENTIAL);
	set_bad("serving.batching", "dynamic",
	        "unknown choice 'dynamic' (allowed: continuous, static)");
	set_bad("precision.kv_cache", "int4",
	        "unknown choice 'int4' (allowed: fp16, bf16, fp8, int8)");
}

static void test_units_scale_to_si(void **state)
{
	(void)state;
	set_ok("hardware.memory_gb", "80");
	assert_true(S.gpu.mem_bytes == 80e9);          /* GB = 1e9 bytes */
	set_ok("hardware.bandwidth_tbps", "3.35");
	assert_true(S.gpu.bandwidth == 3.35e12);
	set_ok("hardware.link_gbps", "450");
	assert_true(S.gpu.link_bw == 450e9);
	set_ok("hardware.alpha_us", "25");
	assert_near(S.gpu.alpha_s, 25e-6, 1e-18);
	set_ok("workload.tpot_slo_ms", "50");
	assert_near(S.tpot_slo_s, 0.05, 1e-15);
	set_ok("pricing.api_output_per_m", "0.60");
	assert_near(S.api_output_per_token, 0.6e-6, 1e-18);
	char buf[64];
	params_get_text(&S, P("pricing.api_output_per_m"), buf, sizeof buf);
	assert_string_equal(buf, "0.6");
	assert_near(params_get(&S, P("workload.tpot_slo_ms")), 50, 1e-9);
}

/* hardware.tflops is the dense peak at the RESOLVED compute precision. */
static void test_tflops_follows_compute_precision(void **state)
{
	(void)state;
	const gpu_spec *g = catalog_gpu("h100-sxm");
	assert_non_null(g);
	/* auto with bf16 weights -> bf16 */
	assert_int_equal(params_compute_prec(&S), PREC_BF16);
	assert_near(params_get(&S, P("hardware.tflops")), g->flops[PREC_BF16] / 1e12, 1e-9);
	/* auto with fp8 weights -> fp8 (scenario.h) */
	set_ok("precision.weights", "fp8");
	assert_int_equal(params_compute_prec(&S), PREC_FP8);
	assert_near(params_get(&S, P("hardware.tflops")), g->flops[PREC_FP8] / 1e12, 1e-9);
	/* int8 weights stay bf16 compute unless int8 is chosen (W8A8) */
	set_ok("precision.weights", "int8");
	assert_int_equal(params_compute_prec(&S), PREC_BF16);
	set_ok("precision.compute", "int8");
	assert_int_equal(params_compute_prec(&S), PREC_INT8);
	set_ok("hardware.tflops", "1000");
	assert_true(S.gpu.flops[PREC_INT8] == 1000e12);
	assert_true(S.gpu.flops[PREC_BF16] == g->flops[PREC_BF16]);   /* untouched */
}

static void test_model_and_gpu_copy_catalog(void **state)
{
	(void)state;
	set_ok("model.kv_heads", "4");
	set_ok("model.name", "llama-2-70b");
	/* Llama 2 70B: 80 layers, 8192 wide, 64 heads, 8 KV heads (ref D) */
	assert_int_equal(S.model.layers, 80);
	assert_int_equal(S.model.hidden, 8192);
	assert_int_equal(S.model.kv_heads, 8);           /* the override is gone */
	set_ok("model.name", "LLAMA-2-7B");              /* ids are case-insensitive */
	assert_string_equal(S.model.id, "llama-2-7b");
	set_ok("hardware.gpu", "a100-80g");
	assert_memory_equal(&S.gpu, catalog_gpu("a100-80g"), sizeof S.gpu);
}

static void test_unknown_model_message(void **state)
{
	(void)state;
	char err[512];
	assert_int_equal(params_set_text(&S, P("model.name"), "llama-3-8b", err, sizeof err), -1);
	const char *want = "unknown model 'llama-3-8b', did you mean 'llama-3.1-8b'? (allowed: ";
	assert_memory_equal(err, want, strlen(want));
	assert_non_null(strstr(err, "mixtral-8x7b"));
	assert_int_equal(params_set_text(&S, P("hardware.gpu"), "h100", err, sizeof err), -1);
	want = "unknown accelerator 'h100', did you mean 'h100-sxm'? (allowed: ";
	assert_memory_equal(err, want, strlen(want));
}

/* get_text -> set_text is the identity, bit for bit, for every row, also
 * for values that do not print short (a slider's log steps). */
static void test_text_round_trip(void **state)
{
	(void)state;
	static scenario t;
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < params_count(); i++) {
			const param *p = params_at(i);
			if (round == 1)
				params_set_position(&S, p, 0.37);
			if (round == 2)
				params_step(&S, p, +1, true);
			char buf[128], err[512];
			params_get_text(&S, p, buf, sizeof buf);
			t = S;
			if (params_set_text(&t, p, buf, err, sizeof err) != 0)
				fail_msg("%s: '%s' does not parse back: %s", p->key, buf, err);
			if (memcmp(&t, &S, sizeof S) != 0)
				fail_msg("%s: '%s' does not reproduce the value", p->key, buf);
		}
	}
	/* a value that is not a short decimal: 0.1 + 0.2 */
	S.peak_factor = 1 + 0.1 + 0.2;
	char buf[64];
	params_get_text(&S, P("workload.peak_factor"), buf, sizeof buf);
	t = S;
	t.peak_factor = 0;
	char err[256];
	assert_int_equal(params_set_text(&t, P("workload.peak_factor"), buf, err, sizeof err), 0);
	assert_true(t.peak_factor == S.peak_factor);
	/* a scaled one: 3.3500000000000005e12 bytes/s */
	S.gpu.bandwidth = nextafter(3.35e12, 1e13);
	params_get_text(&S, P("hardware.bandwidth_tbps"), buf, sizeof buf);
	t = S;
	t.gpu.bandwidth = 0;
	assert_int_equal(params_set_text(&t, P("hardware.bandwidth_tbps"), buf, err, sizeof err), 0);
	assert_true(t.gpu.bandwidth == S.gpu.bandwidth);
}

static void test_sliders(void **state)
{
	(void)state;
	const param *mb = P("serving.max_batch");       /* 1..65536, log, ×2 */
	S.max_batch = 256;
	params_step(&S, mb, +1, false);
	assert_int_equal(S.max_batch, 512);             /* 256 × 2 */
	params_step(&S, mb, -1, true);
	assert_int_equal(S.max_batch, 64);              /* 512 / 8 (big step) */
	/* log position: log(256/1) / log(65536/1) = 8/16 = 0.5 */
	S.max_batch = 256;
	assert_near(params_position(&S, mb), 0.5, 1e-12);
	params_set_position(&S, mb, 0.25);             /* 65536^0.25 = 16 */
	assert_int_equal(S.max_batch, 16);
	params_set_position(&S, mb, 1);
	assert_int_equal(S.max_batch, 65536);
	params_step(&S, mb, +1, false);                /* clamps at max */
	assert_int_equal(S.max_batch, 65536);
	/* linear: memory_utilization 0.05..1 step 0.01: 0.90 -> 0.91 */
	const param *mu = P("serving.memory_utilization");
	params_step(&S, mu, +1, false);
	assert_near(S.memory_utilization, 0.91, 1e-12);
	/* position (0.91 - 0.05) / 0.95 */
	assert_near(params_position(&S, mu), 0.86 / 0.95, 1e-12);
	params_set(&S, mu, 7);                         /* clamped */
	assert_true(S.memory_utilization == 1);
	/* choices cycle */
	const param *bt = P("serving.batching");
	params_step(&S, bt, +1, false);
	assert_int_equal(S.batching, BATCH_STATIC);
	params_step(&S, bt, +1, false);
	assert_int_equal(S.batching, BATCH_CONTINUOUS);
	params_step(&S, bt, -1, false);
	assert_int_equal(S.batching, BATCH_STATIC);
	/* booleans toggle */
	params_step(&S, P("serving.speculative"), +1, false);
	assert_true(S.speculative);
	/* a zero-auto log row steps from 0 to its low end and back to 0 */
	const param *pb = P("model.params_b");
	S.model.params_b = 0;
	params_step(&S, pb, +1, false);
	assert_true(S.model.params_b > 0);
	S.model.params_b = pb->max * 1e-6;
	params_step(&S, pb, -1, false);
	assert_true(S.model.params_b == 0);
	/* catalog ids cycle through the catalog */
	const param *mn = P("model.name");
	size_t n = params_choice_count(mn);
	assert_true(n >= 16);
	params_set(&S, mn, 0);
	assert_string_equal(S.model.id, catalog_model_at(0)->id);
	params_step(&S, mn, -1, false);
	assert_string_equal(S.model.id, catalog_model_at(n - 1)->id);
}

static void test_provenance(void **state)
{
	(void)state;
	const param *layers = P("model.layers");
	assert_true(params_is_default(&S, layers));
	assert_memory_equal(params_provenance(&S, layers), "catalog: ", 9);
	assert_string_equal(params_provenance(&S, P("serving.max_batch")), "default");
	set_ok("model.layers", "40");
	assert_false(params_is_default(&S, layers));
	assert_string_equal(params_provenance(&S, layers), "set");
	set_ok("serving.max_batch", "64");
	assert_string_equal(params_provenance(&S, P("serving.max_batch")), "set");
	/* mbu/mfu cite the efficiency source */
	const char *pv = params_provenance(&S, P("hardware.mbu"));
	assert_memory_equal(pv, "catalog: ", 9);
	assert_string_equal(pv + 9, catalog_gpu("h100-sxm")->eff_source);
}

static void test_suggest(void **state)
{
	(void)state;
	assert_string_equal(params_suggest("serving.max_bach"), "serving.max_batch");
	assert_string_equal(params_suggest("serving.input_tokens"), "workload.input_tokens");
	assert_string_equal(params_suggest("hardware.gpu_hour"), "hardware.gpu_hour_usd");
	assert_string_equal(params_suggest("fleet.region"), "fleet.regions");
	assert_null(params_suggest("zzz.qqq"));
	assert_null(params_suggest("serving.max_batch_size_of_everything"));
	assert_int_equal(params_edit_distance("kitten", "sitting"), 3);
	assert_int_equal(params_edit_distance("", "abc"), 3);
	static const char *const c[] = { "alpha", "beta", "gamma" };
	assert_string_equal(params_nearest("bta", c, 3), "beta");
	assert_null(params_nearest("delta-force", c, 3));
}

static void test_cross_checks(void **state)
{
	(void)state;
	char err[256];
	const char *key;
	assert_int_equal(params_validate(&S, err, sizeof err, &key), 0);
	S.model.kv_heads = 64;                          /* llama-3.1-8b has 32 heads */
	assert_int_equal(params_validate(&S, err, sizeof err, &key), -1);
	assert_string_equal(key, "model.kv_heads");
	assert_string_equal(err, "value '64' is more than model.heads (allowed: 1 to 32)");
	S.model.kv_heads = 8;
	S.model.experts = 8;
	S.model.experts_active = 9;
	assert_int_equal(params_validate(&S, err, sizeof err, &key), -1);
	assert_string_equal(key, "model.experts_active");
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(params_prec_name(PREC_INT4), "int4");
	assert_string_equal(params_prec_name(PREC_AUTO), "auto");
	assert_string_equal(params_group_name(G_PRICING), "Pricing");
	assert_string_equal(params_choice_name(P("serving.kv_manager"), 1), "contiguous");
	assert_string_equal(params_choice_name(P("serving.speculative"), 1), "true");
	char buf[64];
	S.requests_per_day = 1e12;
	params_get_text(&S, P("workload.requests_per_day"), buf, sizeof buf);
	assert_string_equal(buf, "1e12");
	S.requests_per_day = 500000;
	params_get_text(&S, P("workload.requests_per_day"), buf, sizeof buf);
	assert_string_equal(buf, "500000");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_table_is_sound, setup),
		cmocka_unit_test_setup(test_ranges_allow_real_what_ifs, setup),
		cmocka_unit_test_setup(test_every_interface_key_exists, setup),
		cmocka_unit_test_setup(test_defaults, setup),
		cmocka_unit_test_setup(test_numbers_are_decimal, setup),
		cmocka_unit_test_setup(test_booleans_and_choices, setup),
		cmocka_unit_test_setup(test_units_scale_to_si, setup),
		cmocka_unit_test_setup(test_tflops_follows_compute_precision, setup),
		cmocka_unit_test_setup(test_model_and_gpu_copy_catalog, setup),
		cmocka_unit_test_setup(test_unknown_model_message, setup),
		cmocka_unit_test_setup(test_text_round_trip, setup),
		cmocka_unit_test_setup(test_sliders, setup),
		cmocka_unit_test_setup(test_provenance, setup),
		cmocka_unit_test_setup(test_suggest, setup),
		cmocka_unit_test_setup(test_cross_checks, setup),
		cmocka_unit_test_setup(test_names, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
