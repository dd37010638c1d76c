/* test_catalog.c — the built-in catalog: well-formed entries, figures that
 * hang together, model sizes against published counts, KV bytes per token
 * against ../shared/design/reference-figures.md, instance prices per region,
 * and user entries (add, replace, shadow, full, reset). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "model/model.h"

#define KiB 1024.0
#define GiB (1024.0 * 1024.0 * 1024.0)

/* |got - want| <= tol·|want|, with a readable failure message. */
static void near_rel(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol * fabs(want))) {
		print_error("%s: got %.6g, want %.6g (rel tol %.3g)\n", what, got, want, tol);
		fail();
	}
}

static void near_abs(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol)) {
		print_error("%s: got %.9g, want %.9g (abs tol %.3g)\n", what, got, want, tol);
		fail();
	}
}

/* non-empty, NUL-terminated inside its array */
static void text_ok(const char *s, size_t max, const char *what)
{
	size_t n = strnlen(s, max);
	if (n == 0 || n >= max) {
		print_error("%s: empty or unterminated (%zu of %zu)\n", what, n, max);
		fail();
	}
}

/* ids: lower-case letters, digits, '.', '-' only */
static void id_ok(const char *id)
{
	text_ok(id, ID_MAX, "id");
	for (const char *p = id; *p; p++) {
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '.'
		      || *p == '-')) {
			print_error("id '%s': character '%c' not lower-case/digit/./-\n", id, *p);
			fail();
		}
	}
}

static bool pos_finite(double v)
{
	return v > 0 && isfinite(v);
}

/* ---------------------------------------------------------------- GPUs */

static void test_gpu_entries_well_formed(void **state)
{
	(void)state;
	size_t n = catalog_gpu_count();
	assert_true(n >= 16);
	for (size_t i = 0; i < n; i++) {
		const gpu_spec *g = catalog_gpu_at(i);
		assert_non_null(g);
		id_ok(g->id);
		text_ok(g->label, LABEL_MAX, g->id);
		text_ok(g->source, SOURCE_MAX, g->id);
		text_ok(g->eff_source, SOURCE_MAX, g->id);
		for (size_t j = i + 1; j < n; j++)
			assert_string_not_equal(g->id, catalog_gpu_at(j)->id);
		assert_ptr_equal(catalog_gpu(g->id), g);
	}
	assert_null(catalog_gpu_at(n));
	assert_null(catalog_gpu("no-such-gpu"));
	assert_null(catalog_gpu(NULL));
}

/* One unit for memory (issue 11): GB of 10^9 bytes, the GiB figure beside
 * it for parts sold by GiB.  80 GiB = 80 * 2^30 = 85,899,345,920 B = 85.9 GB;
 * 40 GiB = 42,949,672,960 B = 42.95 GB; the L4's datasheet 24 GB is 24e9 B. */
static void test_fmt_memory(void **state)
{
	(void)state;
	char b[48];
	assert_string_equal(catalog_fmt_memory(b, sizeof b,
	                    catalog_gpu("h100-sxm")->mem_bytes), "85.9 GB (80 GiB)");
	assert_string_equal(catalog_fmt_memory(b, sizeof b,
	                    catalog_gpu("a100-40g")->mem_bytes), "42.95 GB (40 GiB)");
	assert_string_equal(catalog_fmt_memory(b, sizeof b,
	                    catalog_gpu("l4")->mem_bytes), "24 GB");
	assert_string_equal(catalog_fmt_memory(b, sizeof b, 85.9e9), "85.9 GB");
}

/* Power for owning and energy, on one basis: the system's watts per GPU
 * where a system figure exists (DGX A100 6.5 kW and DGX B200 ~14.3 kW over
 * 8 GPUs, DGX H100 10.2 kW over 8), never below the device's TDP. */
static void test_power_basis(void **state)
{
	(void)state;
	assert_float_equal(catalog_gpu("a100-80g")->tdp_w, 400.0, 0.0);
	assert_float_equal(catalog_gpu("a100-80g")->system_w, 812.5, 1e-9);
	assert_float_equal(catalog_gpu("a100-40g")->system_w, 812.5, 1e-9);
	assert_float_equal(catalog_gpu("h100-sxm")->system_w, 1275.0, 1e-9);
	assert_float_equal(catalog_gpu("b200")->tdp_w, 1000.0, 0.0);
	assert_float_equal(catalog_gpu("b200")->system_w, 1787.5, 1e-9);
	for (size_t i = 0; i < catalog_gpu_count(); i++) {
		const gpu_spec *g = catalog_gpu_at(i);
		if (g->system_w > 0)
			assert_true(g->system_w >= g->tdp_w && g->tdp_w > 0);
	}
}

static void test_gpu_figures_sane(void **state)
{
	(void)state;
	for (size_t i = 0; i < catalog_gpu_count(); i++) {
		const gpu_spec *g = catalog_gpu_at(i);
		print_message("%-12s %7.1f GiB %6.3f TB/s bf16 %7.1f TF  $%.3f/h\n", g->id,
		              g->mem_bytes / GiB, g->bandwidth / 1e12,
		              g->flops[PREC_BF16] / 1e12, g->usd_per_hour);
		assert_true(pos_finite(g->mem_bytes));
		assert_true(pos_finite(g->bandwidth));
		assert_true(pos_finite(g->link_bw));
		assert_true(pos_finite(g->usd_per_hour));
		/* all-reduce latency: microseconds, not milliseconds */
		assert_true(g->alpha_s > 0 && g->alpha_s < 1e-3);
		assert_true(g->mbu > 0 && g->mbu <= 1);
		assert_true(g->mfu > 0 && g->mfu <= 1);
		assert_true(g->overhead_bytes >= 0 && g->overhead_bytes < g->mem_bytes / 4);
		for (int p = 0; p < PREC_COUNT; p++)
			assert_true(g->flops[p] >= 0 && isfinite(g->flops[p]));
		/* every accelerator computes in 16 bit (precision.compute auto) */
		assert_true(g->flops[PREC_BF16] > 0);
		/* low precision is never slower than 16 bit, 16 bit never
		 * slower than fp32 */
		if (g->flops[PREC_FP8] > 0)
			assert_true(g->flops[PREC_FP8] >= g->flops[PREC_BF16]);
		if (g->flops[PREC_INT8] > 0)
			assert_true(g->flops[PREC_INT8] >= g->flops[PREC_BF16]);
		if (g->flops[PREC_FP32] > 0)
			assert_true(g->flops[PREC_FP32] <= g->flops[PREC_BF16]);
		/* ridge point (FLOP per byte of bandwidth) within what real
		 * parts span: Groq's SRAM ~2, TPU v6e ~560.  A sparse figure
		 * or a unit slip (GB/s for TB/s) lands outside. */
		double ridge = g->flops[PREC_BF16] / g->bandwidth;
		assert_true(ridge > 1 && ridge < 1000);
		/* bytes: between 100 MiB (Groq SRAM) and 1 TiB */
		assert_true(g->mem_bytes > 100 * 1024.0 * 1024.0 && g->mem_bytes < 1024 * GiB);
	}
}

/* Dense figures from the datasheets cited in catalog.c (never the sparse
 * ones, which are exactly twice these). */
static void test_gpu_dense_figures(void **state)
{
	(void)state;
	const gpu_spec *h100 = catalog_gpu("h100-sxm");
	assert_non_null(h100);
	near_rel(h100->flops[PREC_BF16], 989.4e12, 1e-9, "h100 bf16 dense");
	near_rel(h100->flops[PREC_FP8], 1978.9e12, 1e-9, "h100 fp8 dense");
	/* H100 PCIe: 1,513 bf16 "with sparsity", dense half */
	near_rel(catalog_gpu("h100-pcie")->flops[PREC_BF16], 756.5e12, 1e-9, "h100-pcie bf16");
	/* the seed: "A100 ... 312 TFLOPS for FP16" is the dense figure */
	near_rel(catalog_gpu("a100-80g")->flops[PREC_FP16], 312e12, 1e-9, "a100 fp16");
	/* MI300X: 2615 is FP8 (or sparse FP16), FP16 dense is half */
	near_rel(catalog_gpu("mi300x")->flops[PREC_BF16], 1307.4e12, 1e-9, "mi300x bf16");
	/* Trainium2: 667 BF16 dense, 1,299 FP8; 2,563 is the sparse figure */
	near_rel(catalog_gpu("trainium2")->flops[PREC_FP8], 1299e12, 1e-9, "trn2 fp8");
}

/* The seed's figures (model.md §8) from the catalog's specs:
 * 70B fp16 weight read per token = 140e9 B / BW:
 *   H100 140e9 / 3.35e12 = 41.8 ms;  H200 140e9 / 4.8e12 = 29.2 ms;
 *   A100 80GB at 2.039 TB/s = 68.7 ms (the seed rounds BW to 2.0 → 70 ms).
 * 70B compute per token on A100 = 2·70e9 / 312e12 = 0.000449 s. */
static void test_seed_figures_from_specs(void **state)
{
	(void)state;
	double w = 2 * 70e9;
	near_abs(w / catalog_gpu("h100-sxm")->bandwidth, 0.0418, 0.00005, "H100 read");
	near_abs(w / catalog_gpu("h200")->bandwidth, 0.0292, 0.00005, "H200 read");
	near_abs(w / catalog_gpu("a100-80g")->bandwidth, 0.06866, 0.00005, "A100 read");
	near_abs(2 * 70e9 / catalog_gpu("a100-80g")->flops[PREC_FP16], 0.000449, 0.0000005,
	         "A100 compute");
}

/* Per-device prices are derived from the instance prices (catalog.c):
 * instance $/h ÷ devices.  Checks the two tables agree. */
static void test_gpu_price_matches_instance(void **state)
{
	(void)state;
	static const struct { const char *gpu, *inst; } pairs[] = {
		{ "a100-40g", "p4d.24xlarge" },   /* 21.9576 / 8 = 2.7447 */
		{ "a100-80g", "p4de.24xlarge" },  /* 27.4471 / 8 = 3.4309 */
		{ "h100-sxm", "p5.48xlarge" },    /* 55.04 / 8 = 6.88 */
		{ "h100-sxm", "p5.4xlarge" },     /* 6.88 / 1 */
		{ "h200", "p5en.48xlarge" },      /* 63.296 / 8 = 7.912 */
		{ "b200", "p6-b200.48xlarge" },   /* 113.9328 / 8 = 14.2416 */
		{ "inferentia2", "inf2.48xlarge" }, /* 12.9813 / 12 = 1.0818 */
		{ "trainium2", "trn2.48xlarge" }, /* 35.76 / 16 = 2.235 */
		{ "l4", "g6.xlarge" },
		{ "l40s", "g6e.xlarge" },
		{ "a10g", "g5.xlarge" },
		{ "tpu-v6e", "tpu-v6e-1" },
		{ "tpu-v5e", "tpu-v5litepod-1" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		const gpu_spec *g = catalog_gpu(pairs[i].gpu);
		const instance_spec *in = catalog_instance(pairs[i].inst);
		assert_non_null(g);
		assert_non_null(in);
		assert_string_equal(in->gpu, g->id);
		near_rel(g->usd_per_hour, in->usd_per_hour / in->gpus, 1e-9, pairs[i].gpu);
	}
	near_abs(catalog_gpu("h100-sxm")->usd_per_hour, 6.88, 1e-9, "p5 post-cut per GPU");
}

/* ---------------------------------------------------------- instances */

static void test_instance_entries_well_formed(void **state)
{
	(void)state;
	size_t n = catalog_instance_count();
	assert_true(n >= 8);
	for (size_t i = 0; i < n; i++) {
		const instance_spec *in = catalog_instance_at(i);
		assert_non_null(in);
		id_ok(in->id);
		text_ok(in->source, SOURCE_MAX, in->id);
		assert_non_null(catalog_gpu(in->gpu));
		assert_true(in->gpus >= 1 && in->gpus <= 64);
		assert_true(pos_finite(in->usd_per_hour));
		assert_true(in->n_prices >= 0 && in->n_prices <= MAX_INSTANCE_PRICES);
		for (int r = 0; r < in->n_prices; r++) {
			id_ok(in->prices[r].region);
			assert_true(pos_finite(in->prices[r].usd_per_hour));
			for (int s = r + 1; s < in->n_prices; s++)
				assert_string_not_equal(in->prices[r].region, in->prices[s].region);
			/* the default is the us-east-1 price where that is listed */
			if (strcmp(in->prices[r].region, "us-east-1") == 0)
				near_rel(in->prices[r].usd_per_hour, in->usd_per_hour, 1e-12, in->id);
		}
		for (size_t j = i + 1; j < n; j++)
			assert_string_not_equal(in->id, catalog_instance_at(j)->id);
		assert_ptr_equal(catalog_instance(in->id), in);
	}
	assert_null(catalog_instance_at(n));
	assert_null(catalog_instance("x1.huge"));
	for (const char *const *id = (const char *const[]){ "p4d.24xlarge", "p4de.24xlarge",
	         "p5.48xlarge", "p5en.48xlarge", "inf2.48xlarge", "g5.xlarge", "g6.xlarge",
	         "g6e.xlarge", "g6.12xlarge", "inf2.xlarge", NULL }; *id; id++)
		assert_non_null(catalog_instance(*id));
}

static void test_instance_prices_by_region(void **state)
{
	(void)state;
	int known = -1;
	const instance_spec *p4d = catalog_instance("p4d.24xlarge");
	assert_non_null(p4d);

	/* post-cut us-east-1 (data-receipts 2026-11-09) */
	near_abs(catalog_instance_price(p4d, "us-east-1", &known), 21.9576, 1e-9, "p4d use1");
	assert_int_equal(known, 1);
	/* Sydney: SkyPilot pre-cut 42.6044 × (21.9576 / 32.7726) = 28.544893 */
	near_abs(catalog_instance_price(p4d, "ap-southeast-2", &known), 28.544893, 1e-5,
	         "p4d Sydney");
	assert_int_equal(known, 1);
	/* Hong Kong: no p4d row anywhere → default, flagged unknown */
	near_abs(catalog_instance_price(p4d, "ap-east-1", &known), 21.9576, 1e-9, "p4d HK");
	assert_int_equal(known, 0);
	/* no region, and no *known pointer: the default, no crash */
	near_abs(catalog_instance_price(p4d, NULL, &known), 21.9576, 1e-9, "p4d NULL");
	assert_int_equal(known, 0);
	near_abs(catalog_instance_price(p4d, "", NULL), 21.9576, 1e-9, "p4d empty");
	near_abs(catalog_instance_price(NULL, "us-east-1", &known), 0, 0, "NULL instance");
	assert_int_equal(known, 0);

	/* inf2.48xlarge, SkyPilot snapshot (ref §B1): Singapore 18.1738,
	 * Tokyo 19.4719; region ids case-insensitive */
	const instance_spec *inf2 = catalog_instance("inf2.48xlarge");
	near_abs(catalog_instance_price(inf2, "ap-southeast-1", &known), 18.1738, 1e-9, "inf2 SG");
	assert_int_equal(known, 1);
	near_abs(catalog_instance_price(inf2, "AP-NORTHEAST-1", &known), 19.4719, 1e-9, "inf2 TY");
	assert_int_equal(known, 1);
	/* ref §B1: "Sydney is a near-uniform 1.30× us-east-1", "Singapore is
	 * 1.40× for Inf2" — the ratios survive the cut factor as well */
	near_rel(catalog_instance_price(inf2, "ap-southeast-2", NULL) / inf2->usd_per_hour, 1.30,
	         0.005, "inf2 Sydney ratio");
	near_rel(catalog_instance_price(inf2, "ap-southeast-1", NULL) / inf2->usd_per_hour, 1.40,
	         0.005, "inf2 Singapore ratio");
	const instance_spec *p5 = catalog_instance("p5.48xlarge");
	near_rel(catalog_instance_price(p5, "ap-southeast-2", NULL) / p5->usd_per_hour, 1.30,
	         0.005, "p5 Sydney ratio");

	/* the seed's option B price: $12.98/h for inf2.48xlarge */
	near_abs(inf2->usd_per_hour, 12.98, 0.005, "seed inf2 price");
	/* TPU v6e in GCP regions: $2.70 us-central1, $2.97 Singapore,
	 * $3.24 Tokyo (SkyPilot GCP catalog, ref §B2) */
	const instance_spec *v6e = catalog_instance("tpu-v6e-1");
	near_abs(catalog_instance_price(v6e, "asia-southeast1", NULL), 2.97, 1e-9, "v6e SG");
	near_abs(catalog_instance_price(v6e, "asia-northeast1", NULL), 3.24, 1e-9, "v6e TY");
}

/* ------------------------------------------------------------- models */

static void test_model_entries_well_formed(void **state)
{
	(void)state;
	size_t n = catalog_model_count();
	assert_true(n >= 16);
	for (size_t i = 0; i < n; i++) {
		const model_spec *m = catalog_model_at(i);
		assert_non_null(m);
		id_ok(m->id);
		text_ok(m->label, LABEL_MAX, m->id);
		text_ok(m->source, SOURCE_MAX, m->id);
		assert_true(m->layers > 0 && m->hidden > 0 && m->heads > 0);
		assert_true(m->kv_heads > 0 && m->heads % m->kv_heads == 0);
		assert_true(m->head_dim > 0 || m->hidden % m->heads == 0);
		assert_true(m->ffn > 0 && m->vocab > 0);
		assert_true(m->experts >= m->experts_active && m->experts_active >= 1);
		assert_true(m->max_context >= 4096);
		assert_true(m->params_b == 0);   /* built-ins are full shapes */
		if (m->mla_latent > 0)
			assert_true(m->mla_rope > 0);
		for (size_t j = i + 1; j < n; j++)
			assert_string_not_equal(m->id, catalog_model_at(j)->id);
		assert_ptr_equal(catalog_model(m->id), m);
	}
	assert_null(catalog_model_at(n));
	assert_null(catalog_model("gpt-9"));
	assert_null(catalog_model(NULL));
}

/* Published sizes.  Each within 2% of model_count_params()'s total (and
 * active, where published).  Sources:
 *   llama-2-7b 6.74e9, -13b 13.0e9: HF model pages (safetensors 6.74B, 13B);
 *   llama-2-70b 68.98e9: model.md §1 check figure (HF: 69B);
 *   llama-3.1-8b 8.03e9, -70b 70.6e9, -405b 405e9: HF pages / Meta;
 *   llama-3.2-3b 3.21e9: HF meta-llama/Llama-3.2-3B (3.21B);
 *   mistral-7b 7.24e9: HF safetensors (Mistral's blog says "7.3B");
 *   mixtral-8x7b 46.7e9 / 12.9e9 active: Mistral "Mixtral of experts" post
 *     and model.md §1;
 *   mixtral-8x22b 141e9 / 39e9 active: Mistral "Cheaper, Better, Faster,
 *     Stronger" post (Apr 2024);
 *   qwen2.5-7b 7.61e9, -72b 72.7e9: Qwen2.5 model cards ("Number of
 *     Parameters");
 *   deepseek-v3 671e9 / 37e9 active: DeepSeek-V3 technical report
 *     (HF's 685B adds the 14B multi-token-prediction module);
 *   phi-3-mini 3.8e9: Phi-3 technical report ("3.8 billion");
 *   gemma-2-9b 9.24e9, -27b 27.2e9: HF model pages.
 * Hand check of one: Llama-3.1-8B = 32·(41,943,040 + 176,160,768)
 *   + 2·128256·4096 = 8,029,995,008. */
static const struct {
	const char *id;
	double total, active;        /* active 0 = not published separately */
} published[] = {
	{ "llama-2-7b", 6.74e9, 0 },
	{ "llama-2-13b", 13.0e9, 0 },
	{ "llama-2-70b", 68.98e9, 0 },
	{ "llama-3.1-8b", 8.03e9, 0 },
	{ "llama-3.1-70b", 70.6e9, 0 },
	{ "llama-3.1-405b", 405e9, 0 },
	{ "llama-3.2-3b", 3.21e9, 0 },
	{ "mistral-7b", 7.24e9, 0 },
	{ "mixtral-8x7b", 46.7e9, 12.9e9 },
	{ "mixtral-8x22b", 141e9, 39e9 },
	{ "qwen2.5-7b", 7.61e9, 0 },
	{ "qwen2.5-72b", 72.7e9, 0 },
	{ "deepseek-v3", 671e9, 37e9 },
	{ "phi-3-mini", 3.8e9, 0 },
	{ "gemma-2-9b", 9.24e9, 0 },
	{ "gemma-2-27b", 27.2e9, 0 },
};

static void test_model_param_counts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof published / sizeof published[0]; i++) {
		const model_spec *m = catalog_model(published[i].id);
		assert_non_null(m);
		model_params p;
		model_count_params(m, &p);
		print_message("%-15s total %8.3fe9 (published %7.2fe9)  active %8.3fe9\n", m->id,
		              p.total / 1e9, published[i].total / 1e9, p.active / 1e9);
		near_rel(p.total, published[i].total, 0.02, m->id);
		if (published[i].active > 0)
			near_rel(p.active, published[i].active, 0.02, m->id);
		else if (m->experts <= 1)
			near_rel(p.active, p.total, 1e-12, m->id);
	}
	/* model.md §1 gives Llama-2-70B exactly: 68.98e9 */
	model_params p;
	model_count_params(catalog_model("llama-2-70b"), &p);
	near_abs(p.total, 68.98e9, 0.005e9, "llama-2-70b exact");
}

/* KV cache bytes per token at 16 bit, from the entry's own fields:
 * 2·L·n_kv·d_h·2 (MLA: L·(d_c + d_rope)·2), against reference-figures.md
 * §D's table, and hand-computed for the models that table lacks:
 *   llama-3.2-3b  2·28·8·128·2  = 114,688 = 112 KiB
 *   mixtral-8x22b 2·56·8·128·2  = 229,376 = 224 KiB
 *   gemma-2-9b    2·42·8·256·2  = 344,064 = 336 KiB (all layers global)
 *   gemma-2-27b   2·46·16·128·2 = 376,832 = 368 KiB
 *   deepseek-v3   61·(512+64)·2 =  70,272 = 68.625 KiB (ref: "~68.6") */
static const struct {
	const char *id;
	double bytes;
} kv_ref[] = {
	{ "llama-2-7b", 512 * KiB },
	{ "llama-2-13b", 800 * KiB },
	{ "llama-2-70b", 320 * KiB },
	{ "llama-3.1-70b", 320 * KiB },
	{ "qwen2.5-72b", 320 * KiB },
	{ "llama-3.1-8b", 128 * KiB },
	{ "mistral-7b", 128 * KiB },
	{ "mixtral-8x7b", 128 * KiB },
	{ "llama-3.1-405b", 504 * KiB },
	{ "qwen2.5-7b", 56 * KiB },
	{ "phi-3-mini", 384 * KiB },
	{ "llama-3.2-3b", 112 * KiB },
	{ "mixtral-8x22b", 224 * KiB },
	{ "gemma-2-9b", 336 * KiB },
	{ "gemma-2-27b", 368 * KiB },
	{ "deepseek-v3", 70272 },
};

static double kv_formula(const model_spec *m)
{
	if (m->mla_latent > 0)
		return (double)m->layers * (m->mla_latent + m->mla_rope) * 2;
	int dh = m->head_dim > 0 ? m->head_dim : m->hidden / m->heads;
	return 2.0 * m->layers * m->kv_heads * dh * 2;
}

static void test_model_kv_per_token(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof kv_ref / sizeof kv_ref[0]; i++) {
		const model_spec *m = catalog_model(kv_ref[i].id);
		assert_non_null(m);
		near_abs(kv_formula(m), kv_ref[i].bytes, 0, m->id);
	}
	/* a 4096-token Llama-2-70B request: 1.34 GB (ref §E), not the seed's
	 * MHA 10.7 GB */
	near_abs(kv_formula(catalog_model("llama-2-70b")) * 4096 / 1e9, 1.342, 0.001,
	         "70B 4096-token KV");
}

/* ------------------------------------------------------- user entries */

static int reset(void **state)
{
	(void)state;
	catalog_reset_user();
	return 0;
}

static model_spec user_model(const char *id, int layers)
{
	model_spec m;
	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "%s", id);
	snprintf(m.label, sizeof m.label, "user %s", id);
	snprintf(m.source, sizeof m.source, "test");
	m.layers = layers;
	m.hidden = 1024;
	m.heads = 8;
	m.kv_heads = 8;
	m.ffn = 4096;
	m.vocab = 1000;
	m.experts = m.experts_active = 1;
	m.max_context = 4096;
	return m;
}

static void test_user_models(void **state)
{
	(void)state;
	size_t base = catalog_model_count();

	/* a new id is listed after the built-ins */
	model_spec a = user_model("my-model", 4);
	assert_int_equal(catalog_add_model(&a), 0);
	assert_int_equal(catalog_model_count(), base + 1);
	assert_int_equal(catalog_model("my-model")->layers, 4);
	assert_ptr_equal(catalog_model_at(base), catalog_model("my-model"));

	/* the same id replaces it */
	a.layers = 6;
	assert_int_equal(catalog_add_model(&a), 0);
	assert_int_equal(catalog_model_count(), base + 1);
	assert_int_equal(catalog_model("my-model")->layers, 6);

	/* a user entry with a built-in's id wins in lookups and listings */
	const model_spec *orig = catalog_model("llama-2-7b");
	size_t pos = base;
	for (size_t i = 0; i < base; i++)
		if (catalog_model_at(i) == orig)
			pos = i;
	assert_true(pos < base);
	model_spec s = user_model("llama-2-7b", 3);
	assert_int_equal(catalog_add_model(&s), 0);
	assert_int_equal(catalog_model_count(), base + 1);
	assert_int_equal(catalog_model("llama-2-7b")->layers, 3);
	assert_int_equal(catalog_model_at(pos)->layers, 3);
	assert_string_equal(catalog_model_at(base)->id, "my-model");

	/* bad entries */
	model_spec e = user_model("", 1);
	assert_int_equal(catalog_add_model(&e), -1);
	assert_int_equal(catalog_add_model(NULL), -1);

	/* full at CATALOG_USER_MAX (32) user entries; a replacement still works */
	assert_int_equal(CATALOG_USER_MAX, 32);
	for (int i = 2; i < CATALOG_USER_MAX; i++) {
		char id[16];
		snprintf(id, sizeof id, "u%d", i);
		model_spec u = user_model(id, i);
		assert_int_equal(catalog_add_model(&u), 0);
	}
	model_spec over = user_model("one-too-many", 1);
	assert_int_equal(catalog_add_model(&over), -1);
	assert_null(catalog_model("one-too-many"));
	a.layers = 9;
	assert_int_equal(catalog_add_model(&a), 0);
	assert_int_equal(catalog_model("my-model")->layers, 9);
	assert_int_equal(catalog_model_count(), base + CATALOG_USER_MAX - 1);

	/* reset: the built-ins again */
	catalog_reset_user();
	assert_int_equal(catalog_model_count(), base);
	assert_null(catalog_model("my-model"));
	assert_ptr_equal(catalog_model("llama-2-7b"), orig);
	assert_int_equal(orig->layers, 32);
}

static void test_user_gpus(void **state)
{
	(void)state;
	size_t base = catalog_gpu_count();
	gpu_spec g = *catalog_gpu("h100-sxm");
	const gpu_spec *orig = catalog_gpu("h100-sxm");

	snprintf(g.id, sizeof g.id, "h100-cheap");
	g.usd_per_hour = 2.0;
	assert_int_equal(catalog_add_gpu(&g), 0);
	assert_int_equal(catalog_gpu_count(), base + 1);
	near_abs(catalog_gpu("h100-cheap")->usd_per_hour, 2.0, 0, "user gpu");
	assert_ptr_equal(catalog_gpu_at(base), catalog_gpu("h100-cheap"));

	g.usd_per_hour = 1.5;
	assert_int_equal(catalog_add_gpu(&g), 0);
	assert_int_equal(catalog_gpu_count(), base + 1);
	near_abs(catalog_gpu("h100-cheap")->usd_per_hour, 1.5, 0, "replaced");

	/* shadow a built-in */
	snprintf(g.id, sizeof g.id, "h100-sxm");
	g.mbu = 0.5;
	assert_int_equal(catalog_add_gpu(&g), 0);
	assert_int_equal(catalog_gpu_count(), base + 1);
	near_abs(catalog_gpu("h100-sxm")->mbu, 0.5, 0, "shadow lookup");
	int seen = 0;
	for (size_t i = 0; i < catalog_gpu_count(); i++)
		if (strcmp(catalog_gpu_at(i)->id, "h100-sxm") == 0) {
			seen++;
			near_abs(catalog_gpu_at(i)->mbu, 0.5, 0, "shadow listing");
		}
	assert_int_equal(seen, 1);

	for (int i = 2; i < CATALOG_USER_MAX; i++) {
		snprintf(g.id, sizeof g.id, "g%d", i);
		assert_int_equal(catalog_add_gpu(&g), 0);
	}
	snprintf(g.id, sizeof g.id, "g-full");
	assert_int_equal(catalog_add_gpu(&g), -1);
	assert_int_equal(catalog_add_gpu(NULL), -1);

	catalog_reset_user();
	assert_int_equal(catalog_gpu_count(), base);
	assert_ptr_equal(catalog_gpu("h100-sxm"), orig);
	assert_null(catalog_gpu("h100-cheap"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gpu_entries_well_formed),
		cmocka_unit_test(test_fmt_memory),
		cmocka_unit_test(test_power_basis),
		cmocka_unit_test(test_gpu_figures_sane),
		cmocka_unit_test(test_gpu_dense_figures),
		cmocka_unit_test(test_seed_figures_from_specs),
		cmocka_unit_test(test_gpu_price_matches_instance),
		cmocka_unit_test(test_instance_entries_well_formed),
		cmocka_unit_test(test_instance_prices_by_region),
		cmocka_unit_test(test_model_entries_well_formed),
		cmocka_unit_test(test_model_param_counts),
		cmocka_unit_test(test_model_kv_per_token),
		cmocka_unit_test_setup_teardown(test_user_models, reset, reset),
		cmocka_unit_test_setup_teardown(test_user_gpus, reset, reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
