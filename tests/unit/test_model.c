/* test_model.c — the math module (model.md §1–5) against hand-computed
 * values and the seed's figures (model.md §8).  Each expected number is
 * derived in the comment beside it; shapes and specs come from
 * model_fixtures.h (reference-figures.md).  η = 1 where the seed
 * assumes peak.  The calibration points are in test_model_calib.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <math.h>
#include <limits.h>
#include <cmocka.h>

#include "model/model.h"
#include "model/model_impl.h"
#include "model/notebuf.h"
#include "model_fixtures.h"

/* |a − b| ≤ rel·|b| (or ≤ rel when b = 0) */
#define assert_near(a, b, rel) do { \
	double a_ = (a), b_ = (b); \
	double tol_ = (rel) * (b_ != 0 ? fabs(b_) : 1); \
	if (!(fabs(a_ - b_) <= tol_)) \
		fail_msg("%s = %.12g, expected %.12g (±%g)", #a, a_, b_, tol_); \
} while (0)

static scenario S;   /* big: keep off the stack */
static results R;

static model_params params_of(model_spec m)
{
	model_params p;
	model_count_params(&m, &p);
	return p;
}

/* ---- §1 parameter counts ---------------------------------------------- */

static void test_params_llama2_70b(void **st)
{
	(void)st;
	model_params p = params_of(fx_llama2_70b());
	/* attn = 8192·8192 (Q) + 2·8192·8·128 (K, V) + 8192·8192 (O)
	 *      = 67,108,864·2 + 16,777,216 = 150,994,944
	 * mlp  = 3·8192·28672 = 704,643,072
	 * P_layers = 80·855,638,016 = 68,451,041,280
	 * P_head = P_embed = 32000·8192 = 262,144,000
	 * P_total = 68,975,329,280 (model.md: 68.98e9) */
	assert_near(p.attn, 150994944.0, 1e-12);
	assert_near(p.mlp, 704643072.0, 1e-12);
	assert_near(p.layers, 68451041280.0, 1e-12);
	assert_near(p.head, 262144000.0, 1e-12);
	assert_near(p.embed, 262144000.0, 1e-12);
	assert_near(p.total, 68975329280.0, 1e-12);
	/* 2·(P_layers_active + P_head) = 2·68,713,185,280 = 137,426,370,560
	 * (model.md: 137.4e9) */
	assert_near(p.flops_per_token, 137426370560.0, 1e-12);
	assert_near(p.total / 1e9, 68.98, 1e-4);
}

static void test_params_mixtral(void **st)
{
	(void)st;
	model_params p = params_of(fx_mixtral());
	/* attn = 2·4096² + 2·4096·8·128 = 41,943,040
	 * expert = 3·4096·14336 = 176,160,768; router = 8·4096 = 32,768
	 * P_layers = 32·(41,943,040 + 8·176,160,768 + 32,768) = 46,440,382,464
	 * P_layers_active = 32·(41,943,040 + 2·176,160,768 + 32,768)
	 *                 = 12,617,515,008
	 * head = embed = 32000·4096 = 131,072,000
	 * total = 46,702,526,464 (46.7e9), active = 12,879,659,008 (12.9e9) */
	assert_near(p.layers, 46440382464.0, 1e-12);
	assert_near(p.layers_active, 12617515008.0, 1e-12);
	assert_near(p.total, 46702526464.0, 1e-12);
	assert_near(p.active, 12879659008.0, 1e-12);
	assert_near(p.total / 1e9, 46.7, 1e-3);
	assert_near(p.active / 1e9, 12.9, 2e-3);
	/* routed experts: 32·8·176,160,768 = 45,097,156,608 */
	assert_near(p.routed, 45097156608.0, 1e-12);
}

static void test_params_deepseek_v3(void **st)
{
	(void)st;
	model_params p = params_of(fx_deepseek_v3());
	/* MLA attention per layer (H 7168, n_h 128, q_lora 1536, d_c 512,
	 * rope 64, d_h 128, d_v 128):
	 *   Q  = 7168·1536 + 1536·128·(128 + 64) = 11,010,048 + 37,748,736
	 *   KV = 7168·(512 + 64) + 512·128·(128 + 128) = 4,128,768 + 16,777,216
	 *   O  = 128·128·7168 = 117,440,512
	 *   attn = 187,105,280 */
	assert_near(p.attn, 187105280.0, 1e-12);
	/* dense MLP (3 layers) 3·7168·18432 = 396,361,728; expert
	 * 3·7168·2048 = 44,040,192; router 256·7168 = 1,835,008.
	 * P_layers = 61·187,105,280 + 3·396,361,728
	 *          + 58·((256 + 1)·44,040,192 + 1,835,008)
	 *          = 11,413,422,080 + 1,189,085,184 + 656,569,532,416
	 *          = 669,172,039,680
	 * head = embed = 129280·7168 = 926,679,040
	 * total = 671,025,397,760 (≈ 671e9) */
	assert_near(p.layers, 669172039680.0, 1e-12);
	assert_near(p.total, 671025397760.0, 1e-12);
	/* active: 58·((8 + 1)·44,040,192 + 1,835,008) = 23,095,410,688;
	 * layers_active = 11,413,422,080 + 1,189,085,184 + 23,095,410,688
	 *               = 35,697,917,952; + head + embed = 37,551,276,032
	 * (≈ 37e9) */
	assert_near(p.layers_active, 35697917952.0, 1e-12);
	assert_near(p.active, 37551276032.0, 1e-12);
	assert_near(p.total / 1e9, 671, 1e-3);
	assert_near(p.active / 1e9, 37, 0.02);
}

static void test_params_calibration_shapes(void **st)
{
	(void)st;
	/* The calibration file's own counts (shared/calibration/
	 * h100-sxm-llama2-7b-13b.jsonl, "model" lines): params = layers +
	 * LM head = 6,607,077,376 (7B) and 12,851,609,600 (13B);
	 * weight_bytes = 2·params (bf16) = W_read of this module. */
	model_params p7 = params_of(fx_llama2_7b());
	model_params p13 = params_of(fx_llama2_13b());
	assert_near(p7.layers + p7.head, 6607077376.0, 1e-12);
	assert_near(p13.layers + p13.head, 12851609600.0, 1e-12);
	fx_scenario(&S, fx_llama2_7b(), fx_h100(), 1);
	assert_near(model_weights_read_bytes(&S, &p7, 1), 13214154752.0, 1e-12);
	/* kv_bytes_per_token: 524,288 (7B) and 819,200 (13B) in the file:
	 * 2·32·32·128·2 and 2·40·40·128·2 */
	assert_near(model_kv_bytes_per_token(&S), 524288.0, 1e-12);
	fx_scenario(&S, fx_llama2_13b(), fx_h100(), 1);
	assert_near(model_weights_read_bytes(&S, &p13, 1), 25703219200.0, 1e-12);
	assert_near(model_kv_bytes_per_token(&S), 819200.0, 1e-12);
}

static void test_params_tied_and_plain(void **st)
{
	(void)st;
	/* Llama 3.2 3B, tied embeddings: attn = 2·3072² + 2·3072·8·128
	 * = 25,165,824; mlp = 3·3072·8192 = 75,497,472; 28 layers
	 * = 2,818,572,288; head = 128256·3072 = 394,002,432; no separate
	 * embedding: total = 3,212,574,720 (3.21B) */
	model_spec m = fx_dense("llama-3.2-3b", 28, 3072, 24, 8, 128, 8192, 128256);
	m.tied_embeddings = true;
	model_params p = params_of(m);
	assert_near(p.embed, 0, 0);
	assert_near(p.total, 3212574720.0, 1e-12);
	/* plain MLP, 2 layers, H 4, 2 heads (d_h 2), FFN 8, V 10:
	 * attn = 4·2·2 + 2·4·2·2 + 2·2·4 = 64; mlp = 2·4·8 = 64;
	 * layers = 2·128 = 256; head = embed = 40: total 336 */
	model_spec t = fx_dense("tiny", 2, 4, 2, 2, 0, 8, 10);
	t.mlp = MLP_PLAIN;
	p = params_of(t);
	assert_near(p.mlp, 64, 0);
	assert_near(p.total, 336, 0);
}

static void test_params_b_seed_rule(void **st)
{
	(void)st;
	/* model.params_b = 70 on the Llama-2-70B architecture: P_layers +
	 * P_head = 70e9, FLOPs/token = 2P = 140e9, no separate embedding */
	model_spec m = fx_llama2_70b();
	m.params_b = 70;
	model_params p = params_of(m);
	assert_near(p.layers + p.head, 70e9, 1e-12);
	assert_near(p.flops_per_token, 140e9, 1e-12);
	assert_near(p.embed, 0, 0);
	assert_near(p.total, 70e9, 1e-12);
	/* weights read per token at 16 bit: 140 GB (the seed's figure) */
	fx_scenario(&S, m, fx_a100_80(), 2);
	assert_near(model_weights_read_bytes(&S, &p, 1), 140e9, 1e-12);
	/* the KV cache still follows the architecture: 2·80·8·128·2 = 327,680 */
	assert_near(model_kv_bytes_per_token(&S), 327680.0, 1e-12);
}

/* ---- §2 bytes ---------------------------------------------------------- */

static void test_bits_and_bytes(void **st)
{
	(void)st;
	assert_near(model_bits_per_weight(PREC_FP32, 0), 32, 0);
	assert_near(model_bits_per_weight(PREC_BF16, 0), 16, 0);
	assert_near(model_bits_per_weight(PREC_FP8, 0), 8, 0);
	assert_near(model_bits_per_weight(PREC_INT8, 0), 8, 0);
	/* int4: 4 + 32/g (an fp16 scale and zero per group) */
	assert_near(model_bits_per_weight(PREC_INT4, 128), 4.25, 0);
	assert_near(model_bits_per_weight(PREC_INT4, 64), 4.5, 0);
	assert_near(model_bits_per_weight(PREC_INT4, 0), 4, 0);

	/* Llama-2-70B int4 g128, embeddings/LM head 16-bit:
	 * 68,451,041,280·4.25/8 + 2·262,144,000·2 = 36,364,615,680
	 * + 1,048,576,000 = 37,413,191,680 */
	model_params p = params_of(fx_llama2_70b());
	fx_scenario(&S, fx_llama2_70b(), fx_a100_80(), 1);
	S.weights = PREC_INT4;
	S.group_size = 128;
	S.embeddings_16bit = true;
	assert_near(model_weight_bytes(&S, &p), 37413191680.0, 1e-12);
	/* without: everything at 4.25 bits: 68,975,329,280·4.25/8 */
	S.embeddings_16bit = false;
	assert_near(model_weight_bytes(&S, &p), 68975329280.0 * 4.25 / 8, 1e-12);
	/* bf16: 2 bytes per parameter */
	S.weights = PREC_BF16;
	assert_near(model_weight_bytes(&S, &p), 137950658560.0, 1e-12);
}

static void test_kv_bytes(void **st)
{
	(void)st;
	/* 2·L·n_kv·d_h·bytes: Llama-2-70B 2·80·8·128·2 = 327,680 (320 KiB) */
	fx_scenario(&S, fx_llama2_70b(), fx_h100(), 1);
	assert_near(model_kv_bytes_per_token(&S), 327680.0, 0);
	S.kv_cache = PREC_FP8;
	assert_near(model_kv_bytes_per_token(&S), 163840.0, 0);
	/* Llama 3.1 8B: 2·32·8·128·2 = 131,072 (128 KiB) */
	fx_scenario(&S, fx_llama31_8b(), fx_h100(), 1);
	assert_near(model_kv_bytes_per_token(&S), 131072.0, 0);
	/* MLA, DeepSeek-V3: L·(d_c + d_rope)·2 = 61·576·2 = 70,272 B
	 * (68.6 KiB, reference-figures.md §D) */
	fx_scenario(&S, fx_deepseek_v3(), fx_h100(), 8);
	assert_near(model_kv_bytes_per_token(&S), 70272.0, 0);
}

static void test_compute_prec(void **st)
{
	(void)st;
	fx_scenario(&S, fx_llama31_8b(), fx_h100(), 1);
	assert_int_equal(model_compute_prec(&S), PREC_BF16);
	S.weights = PREC_FP8;
	assert_int_equal(model_compute_prec(&S), PREC_FP8);
	S.weights = PREC_INT8;       /* weight-only int8: 16-bit compute */
	assert_int_equal(model_compute_prec(&S), PREC_BF16);
	S.compute = PREC_INT8;       /* W8A8 only when chosen */
	assert_int_equal(model_compute_prec(&S), PREC_INT8);
	S.weights = PREC_INT4;
	S.compute = PREC_AUTO;
	assert_int_equal(model_compute_prec(&S), PREC_BF16);
	/* fp8 weights on an A100 (no fp8 peak): falls back to bf16 */
	fx_scenario(&S, fx_llama31_8b(), fx_a100_80(), 1);
	S.weights = PREC_FP8;
	assert_int_equal(model_compute_prec(&S), PREC_BF16);
}

/* ---- §4 seed figures (η = 1) ------------------------------------------- */

static void test_seed_compute_and_memory_wall(void **st)
{
	(void)st;
	/* "a 70B model": params_b = 70, fp16, batch 1, no context (the seed
	 * counts the weights only) */
	model_spec m = fx_llama2_70b();
	m.params_b = 70;
	model_params p = params_of(m);
	phase_time t;

	/* A100 at 312 TFLOPS: 140e9/312e12 = 4.487e-4 s (seed: 0.000449) */
	gpu_spec a100 = fx_a100_80();
	a100.bandwidth = 2.0e12;    /* the seed rounds 2.039 TB/s to 2.0 */
	fx_scenario(&S, m, a100, 1);
	S.weights = S.kv_cache = PREC_FP16;
	model_decode_step(&S, &a100, 1, &p, 1, 0, &t);
	assert_near(t.flops, 140e9, 1e-12);
	assert_near(t.compute_s, 140e9 / 312e12, 1e-12);
	assert_near(t.compute_s, 0.000449, 1e-3);
	/* weight read 140 GB: 140e9/2.0e12 = 70 ms */
	assert_near(t.bytes, 140e9, 1e-12);
	assert_near(t.memory_s, 0.070, 1e-12);
	assert_false(t.compute_bound);

	/* H100: 140e9/3.35e12 = 41.79 ms; H200: 140e9/4.8e12 = 29.17 ms */
	gpu_spec h100 = fx_h100();
	model_decode_step(&S, &h100, 1, &p, 1, 0, &t);
	assert_near(t.memory_s, 140e9 / 3.35e12, 1e-12);
	assert_near(t.memory_s * 1e3, 41.8, 1e-3);
	gpu_spec h200 = fx_h200();
	model_decode_step(&S, &h200, 1, &p, 1, 0, &t);
	assert_near(t.memory_s * 1e3, 29.2, 2e-3);
}

static void test_seed_kv_mha_vs_gqa(void **st)
{
	(void)st;
	/* Llama-2-70B, 4096-token request in fp16 (contiguous reservation
	 * of 4096): the seed's 2·80·8192·4096·2 = 10,737,418,240 B
	 * (10.74 GB); the true GQA cache 2·80·8·128·4096·2 = 1,342,177,280 B
	 * (1.34 GB) */
	fx_scenario(&S, fx_llama2_70b(), fx_h100(), 4);
	S.kv_manager = KV_CONTIGUOUS;
	S.reserve_tokens = 4096;
	S.requests_per_day = 0;
	model_eval(&S, &R);
	assert_near(R.kv_mha_bytes_per_request, 10737418240.0, 1e-12);
	assert_near(R.kv_bytes_per_request, 1342177280.0, 1e-12);
	int found = 0;
	for (int i = 0; i < R.n_notes; i++)
		if (strstr(R.notes[i], "10.74 GB") && strstr(R.notes[i], "1.34 GB"))
			found = 1;
	assert_true(found);
}

static void test_seed_usd_per_1k(void **st)
{
	(void)st;
	/* $13/h ÷ (14 tok/s·3.6) = 0.257937; ÷ (280·3.6) = 0.0128968 */
	assert_near(model_usd_per_1k(13, 14), 0.2579, 2e-4);
	assert_near(model_usd_per_1k(13, 280), 0.01290, 1e-3);
	assert_near(model_usd_per_1k(13, 14) / model_usd_per_1k(13, 280), 20, 1e-12);
	assert_near(model_usd_per_1k(13, 0), 0, 0);
	assert_near(model_usd_per_1k(0, 14), 0, 0);
}

/* ---- §3 memory --------------------------------------------------------- */

static void test_waste_contiguous_vs_paged(void **st)
{
	(void)st;
	model_params p = params_of(fx_llama2_70b());
	model_fit f;
	gpu_spec g = fx_h100();
	fx_scenario(&S, fx_llama2_70b(), g, 4);

	/* contiguous, typical lengths: 1 − (in + out/2)/reserve
	 *   500 in, 200 out, 2048 reserved: 1 − 600/2048 = 0.70703
	 *   1024 in, 512 out, 4096 reserved: 1 − 1280/4096 = 0.6875
	 * both inside the seed's "60–80%" (vLLM's measurement) */
	S.kv_manager = KV_CONTIGUOUS;
	S.reserve_tokens = 2048;
	model_memory_fit(&S, &g, 4, &p, &f);
	assert_near(f.waste, 1 - 600.0 / 2048, 1e-12);
	S.input_tokens = 1024;
	S.output_tokens = 512;
	S.reserve_tokens = 4096;
	model_memory_fit(&S, &g, 4, &p, &f);
	assert_near(f.waste, 0.6875, 1e-12);
	assert_true(f.waste >= 0.60 && f.waste <= 0.80);

	/* the case study: 80-token answers in a 4096-token reservation.
	 * The seed gives no prompt length; with 200 prompt tokens,
	 * 1 − (200 + 40)/4096 = 0.94141 ("over 90%"); any prompt under
	 * 369 tokens gives over 90% */
	S.input_tokens = 200;
	S.output_tokens = 80;
	model_memory_fit(&S, &g, 4, &p, &f);
	assert_near(f.waste, 1 - 240.0 / 4096, 1e-12);
	assert_true(f.waste > 0.90);

	/* paged, blocks of 16, 500 in 200 out: allocated on average
	 * 600 + (16 − 1)/2 = 607.5 tokens: waste 7.5/607.5 = 1.2346%
	 * ("under 4%"); peak kv_req = ceil(700/16)·16 = 704 tokens */
	S.kv_manager = KV_PAGED;
	S.input_tokens = 500;
	S.output_tokens = 200;
	model_memory_fit(&S, &g, 4, &p, &f);
	assert_near(f.waste, 7.5 / 607.5, 1e-12);
	assert_true(f.waste < 0.04);
	assert_near(f.req_tokens, 704, 0);
	assert_near(f.kv_req, 704 * 327680.0, 1e-12);
}

static void test_memory_fit_70b_two_a100(void **st)
{
	(void)st;
	/* Llama-2-70B bf16 on 2×A100 80GB, 2 GB overhead per GPU:
	 * W = 137,950,658,560; usable = 2·80e9·0.9 − 2·2e9 = 140e9;
	 * kv_room = 2,049,341,440; paged kv_req = 704·327,680 = 230,686,720;
	 * max_concurrency = floor(8.88) = 8: batch held to 8 by KV memory */
	gpu_spec g = fx_a100_80();
	g.overhead_bytes = 2e9;
	model_params p = params_of(fx_llama2_70b());
	model_fit f;
	fx_scenario(&S, fx_llama2_70b(), g, 2);
	model_memory_fit(&S, &g, 2, &p, &f);
	assert_near(f.weights, 137950658560.0, 1e-12);
	assert_near(f.usable, 140e9, 1e-12);
	assert_near(f.kv_room, 2049341440.0, 1e-9);
	assert_int_equal(f.max_concurrency, 8);
	assert_int_equal(f.batch, 8);
	assert_int_equal(f.limit, LIMIT_KV_MEMORY);
	assert_true(f.fits);
	/* max_batch below what fits: max_batch binds */
	S.max_batch = 4;
	model_memory_fit(&S, &g, 2, &p, &f);
	assert_int_equal(f.batch, 4);
	assert_int_equal(f.limit, LIMIT_MAX_BATCH);
	assert_int_equal(model_max_batch(&S, &g, 2, &p), 4);

	/* one GPU: weights alone exceed 70 GB: nothing fits, batch 0;
	 * min GPUs: (137.95e9 + 0.2307e9)/70e9 = 1.974 → 2 */
	S.max_batch = 256;
	model_memory_fit(&S, &g, 1, &p, &f);
	assert_false(f.fits);
	assert_int_equal(f.batch, 0);
	assert_int_equal(f.limit, LIMIT_NO_FIT);
	assert_int_equal(model_max_batch(&S, &g, 1, &p), 0);
	assert_int_equal(model_min_gpus_to_fit(&S, &g, &p), 2);

	/* through model_eval: reported, with the note */
	S.gpus = 1;
	S.requests_per_day = 0;
	model_eval(&S, &R);
	assert_false(R.fits);
	assert_int_equal(R.batch, 0);
	assert_int_equal(R.min_gpus_to_fit, 2);
	assert_true(R.tpot_s > 0 && isfinite(R.tpot_s));
	assert_true(R.n_notes > 0);
	assert_non_null(strstr(R.notes[0], "weights need 2 GPUs (min_gpus_to_fit)"));
}

static void test_min_gpus_rounding(void **st)
{
	(void)st;
	assert_int_equal(model_round_gpus(0.3), 1);
	assert_int_equal(model_round_gpus(1.01), 2);
	assert_int_equal(model_round_gpus(3), 4);
	assert_int_equal(model_round_gpus(5), 8);
	assert_int_equal(model_round_gpus(8.5), 16);
	assert_int_equal(model_round_gpus(19.5), 24);
	assert_int_equal(model_round_gpus(1024), 1024);
	assert_int_equal(model_round_gpus(1024.5), 0);
	assert_int_equal(model_round_gpus(NAN), 0);

	/* DeepSeek-V3 bf16 on H100s with 3 GiB overhead:
	 * (1,342,050,795,520 + 704·70,272)/(72e9 − 3·2^30) = 19.51 → 24 */
	gpu_spec g = fx_h100();
	g.overhead_bytes = 3.0 * 1073741824.0;
	model_params p = params_of(fx_deepseek_v3());
	fx_scenario(&S, fx_deepseek_v3(), g, 8);
	assert_int_equal(model_min_gpus_to_fit(&S, &g, &p), 24);

	/* a model that fits on no replica: 1e6 B parameters = 2e15 bytes */
	model_spec huge = fx_llama2_70b();
	huge.params_b = 1e6;
	p = params_of(huge);
	fx_scenario(&S, huge, g, 8);
	assert_int_equal(model_min_gpus_to_fit(&S, &g, &p), 0);
	S.requests_per_day = 0;
	model_eval(&S, &R);
	assert_false(R.fits);
	assert_int_equal(R.min_gpus_to_fit, 0);
	assert_int_equal(R.batch, 0);
}

/* ---- §4 time ----------------------------------------------------------- */

static void test_decode_step_formula(void **st)
{
	(void)st;
	/* Llama-2-7B on the calibrated H100, b = 32, c = 1024:
	 * bytes = 13,214,154,752 + 32·1024·524,288 = 30,394,023,936
	 * memory = bytes/(BW·mbu) + L·x_half/(BW·mbu)
	 *        = (30,394,023,936 + 32·107,189,280)/(3.35e12·0.808) = 12.49597 ms
	 * flops = 32·(2·6,607,077,376 + 4·4096·1024·32) = 440,032,821,248
	 * F_eff = 989.4e12·0.672·4096/(4096 + 286) = 621.482e12 FLOP/s
	 * compute = flops/F_eff = 0.708038 ms
	 * total = memory + κ·compute = 12.49597 + 0.38·0.708038 = 12.76502 ms */
	gpu_spec g = fx_h100_calibrated();
	model_params p = params_of(fx_llama2_7b());
	phase_time t;
	fx_scenario(&S, fx_llama2_7b(), g, 1);
	model_decode_step(&S, &g, 1, &p, 32, 1024, &t);
	assert_near(t.bytes, 30394023936.0, 1e-12);
	assert_near(t.memory_s, 0.01249596604699276, 1e-9);
	assert_near(t.flops, 440032821248.0, 1e-12);
	assert_near(t.compute_s, 0.0007080375931541002, 1e-9);
	assert_false(t.compute_bound);
	assert_near(t.comm_s, 0, 0);
	assert_near(t.total_s, 0.012765020332391318, 1e-9);
	/* t_fixed adds once per step */
	S.step_overhead_s = 0.001;
	model_decode_step(&S, &g, 1, &p, 32, 1024, &t);
	assert_near(t.total_s, 0.013765020332391319, 1e-9);
	/* the efficiency curves: mbu·x/(x + x_half), mfu·k/(k + k_half) */
	assert_near(model_mbu_at(&g, 107189280.0), 0.808 / 2, 1e-12);
	assert_near(model_mfu_at(&g, 286), 0.672 / 2, 1e-12);
	assert_near(model_mbu_at(&g, 1e15), 0.808, 1e-6);
	/* the overlap: max + κ·min, symmetric */
	assert_near(model_overlap_s(0.38, 2, 1), 2.38, 1e-15);
	assert_near(model_overlap_s(0.38, 1, 2), 2.38, 1e-15);
}

static void test_prefill_formula(void **st)
{
	(void)st;
	/* Llama-2-7B, S = 512, h = 0:
	 * flops = 2·6,476,005,376·512 + 2·131,072,000
	 *       + 4·32·128·32·512·(512 − 256) = 6,700,411,125,760
	 * compute = flops/F_eff (621.482e12, above) = 10.78134 ms
	 * memory = (13,214,154,752 + 512·524,288 + 32·107,189,280)/(3.35e12·0.808)
	 *        = 6.24821 ms
	 * total = compute + κ·memory = 10.78134 + 0.38·6.24821 = 13.15566 ms
	 * (measured 12.634 ms: +4.1%, the calibration table) */
	gpu_spec g = fx_h100_calibrated();
	model_params p = params_of(fx_llama2_7b());
	phase_time t;
	fx_scenario(&S, fx_llama2_7b(), g, 1);
	model_prefill(&S, &g, 1, &p, 512, &t);
	assert_near(t.flops, 6700411125760.0, 1e-12);
	assert_near(t.compute_s, 0.010781338885519845, 1e-9);
	assert_near(t.memory_s, 0.006248207170090144, 1e-9);
	assert_near(t.total_s, 0.013155657610154099, 1e-9);
	assert_true(t.compute_bound);
	/* bytes = W_read + S·kv_tok = 13,214,154,752 + 512·524,288 */
	assert_near(t.bytes, 13214154752.0 + 512 * 524288.0, 1e-12);
	/* prefix hit 0.5: S_new = 256; flops = 2·P·256 + 2·P_head
	 * + 16384·32·256·(512 − 128) = 3,367,516,504,064; compute
	 * = flops/F_eff = 5.418524 ms */
	S.prefix_hit_rate = 0.5;
	model_prefill(&S, &g, 1, &p, 512, &t);
	assert_near(t.flops, 3367516504064.0, 1e-12);
	assert_near(t.compute_s, 0.005418523722121152, 1e-9);
}

static void test_allreduce_and_tp(void **st)
{
	(void)st;
	gpu_spec g = fx_h100();
	g.alpha_s = 20e-6;
	/* 2(T−1)/T·msg/BW_link + α = 1.5·1e6/450e9 + 20e-6 = 23.333 µs */
	assert_near(model_allreduce_s(&g, 4, 1e6), 23.333333333333e-6, 1e-9);
	assert_near(model_allreduce_s(&g, 1, 1e6), 0, 0);
	/* Llama-2-70B, T = 4, b = 8: msg = 8·8192·2 = 131,072 B;
	 * 2L·(1.5·131,072/450e9 + 20e-6) = 160·20.4369e-6 = 3.26991 ms */
	model_params p = params_of(fx_llama2_70b());
	phase_time t;
	fx_scenario(&S, fx_llama2_70b(), g, 4);
	model_decode_step(&S, &g, 4, &p, 8, 600, &t);
	assert_near(t.comm_s, 0.0032699050666666666, 1e-9);
	/* bytes per GPU are a quarter of the replica's */
	model_decode_step(&S, &g, 1, &p, 8, 600, &t);
	double one = t.bytes;
	model_decode_step(&S, &g, 4, &p, 8, 600, &t);
	assert_near(t.bytes, one / 4, 1e-12);
}

static void test_moe_experts_touched(void **st)
{
	(void)st;
	/* Mixtral bf16: b = 1 reads the attention, the router and k = 2 of
	 * 8 experts per layer: (12,617,515,008 + 131,072,000)·2 B
	 * = 25,497,174,016 B; a large batch touches all E:
	 * 1 − 0.75^256 ≈ 1 → (46,440,382,464 + 131,072,000)·2 */
	model_params p = params_of(fx_mixtral());
	fx_scenario(&S, fx_mixtral(), fx_h100(), 2);
	assert_near(model_weights_read_bytes(&S, &p, 1), 25497174016.0, 1e-12);
	assert_near(model_weights_read_bytes(&S, &p, 256),
	            (46440382464.0 + 131072000.0) * 2, 1e-12);
	/* b = 2: E·(1 − 0.75²) = 8·0.4375 = 3.5 experts per layer */
	assert_near(model_expert_share(&S.model, 2), 0.4375, 1e-12);
	/* a dense model reads everything whatever the batch */
	fx_scenario(&S, fx_llama2_7b(), fx_h100(), 1);
	assert_near(model_expert_share(&S.model, 1), 1, 0);
}

static void test_mla_attention_flops(void **st)
{
	(void)st;
	/* DeepSeek-V3 decode (absorbed MLA, reading the latent):
	 * 2·n_h·(2·d_c + d_rope) = 2·128·1088 = 278,528 FLOP per pair and
	 * layer; prefill (expanded): 2·128·(128 + 64 + 128) = 81,920 */
	model_spec m = fx_deepseek_v3();
	assert_near(model_attn_pair_flops(&m, true), 278528, 0);
	assert_near(model_attn_pair_flops(&m, false), 81920, 0);
	/* standard attention: 4·n_h·d_h = 4·64·128 = 32,768 */
	m = fx_llama2_70b();
	assert_near(model_attn_pair_flops(&m, true), 32768, 0);
}

/* ---- what a user observes, speculative decoding ------------------------ */

static void test_user_view_continuous_and_static(void **st)
{
	(void)st;
	gpu_spec g = fx_h100_calibrated();
	model_params p = params_of(fx_llama31_8b());
	model_hw hw;
	model_perf pf;
	fx_scenario(&S, fx_llama31_8b(), g, 1);
	S.request_overhead_s = 0.020;
	model_hw_init(&hw, &S, &g, 1, &p);
	model_perf_at(&hw, 64, true, &pf);
	/* continuous: TPOT = t_step + (b/out)·t_prefill; TTFT = t_req +
	 * t_prefill; R = b/(out·t_step + b·t_prefill) */
	double ts = pf.step.total_s, tp = pf.prefill.total_s;
	assert_near(pf.tpot_s, ts + 64.0 / 200 * tp, 1e-12);
	assert_near(pf.ttft_s, 0.020 + tp, 1e-12);
	assert_near(pf.rps, 64 / (200 * ts + 64 * tp), 1e-12);
	assert_near(pf.rps, 64 / (200 * pf.tpot_s), 1e-12);
	/* static: no interference; the batch is prefilled together, then
	 * decodes E[max] = out (fixed) steps */
	S.batching = BATCH_STATIC;
	model_perf_at(&hw, 64, true, &pf);
	assert_near(pf.tpot_s, ts, 1e-12);
	assert_near(pf.interference_s, 0, 0);
	double tpb = pf.prefill_static.total_s;
	assert_true(tpb > tp);
	assert_near(pf.ttft_s, 0.020 + tpb, 1e-12);
	assert_near(pf.rps, 64 / (tpb + 200 * ts), 1e-12);

	/* model_eval: E2E = TTFT + out·TPOT, batch-1 throughput
	 * = 1/(out·t_step(1) + t_prefill) (no load: no queueing) */
	S.batching = BATCH_CONTINUOUS;
	S.requests_per_day = 0;
	model_eval(&S, &R);
	assert_near(R.e2e_s, R.ttft_s + 200 * R.tpot_s, 1e-9);
	phase_time s1;
	model_decode_step(&S, &g, 1, &p, 1, 600, &s1);
	assert_near(R.batch1_requests_per_s,
	            1 / (200 * s1.total_s + R.prefill.total_s), 1e-12);
	assert_true(R.continuous_requests_per_s > R.batch1_requests_per_s);
	/* achieved MBU/MFU of the step */
	assert_near(R.mbu, R.step.bytes / (R.step.total_s * 3.35e12), 1e-12);
	assert_near(R.mfu, R.step.flops / (R.step.total_s * 989.4e12), 1e-12);
}

static void test_continuous_over_static_is_harmonic(void **st)
{
	(void)st;
	/* H_b: H_4 = 2.083333, H_32 = 4.058495, H_100 = 5.187378 */
	assert_near(model_harmonic(1), 1, 0);
	assert_near(model_harmonic(4), 2.0833333333333333, 1e-14);
	assert_near(model_harmonic(32), 4.05849519543652, 1e-12);
	assert_near(model_harmonic(100), 5.187377517639621, 1e-11);
	assert_near(model_harmonic(0), 0, 0);
	/* up to 64 a table: each entry the sum 1/b + ... + 1/1 in that order,
	 * to the bit; above, the asymptotic series takes over within 1e-12 */
	for (int b = 1; b <= 64; b++) {
		double h = 0;
		for (int i = b; i >= 1; i--)
			h += 1.0 / i;
		assert_true(model_harmonic(b) == h);
	}
	assert_near(model_harmonic(65), model_harmonic(64) + 1.0 / 65, 1e-12);
	/* E[max of b]: fixed = mean; uniform on [0, 2m] = 2m·b/(b + 1);
	 * exponential = m·H_b */
	assert_near(model_expected_max(DIST_FIXED, 100, 32), 100, 0);
	assert_near(model_expected_max(DIST_UNIFORM, 100, 3), 150, 1e-12);
	assert_near(model_expected_max(DIST_EXPONENTIAL, 100, 32), 405.849519543652,
	            1e-12);
	assert_near(model_expected_max(DIST_EXPONENTIAL, 100, 1), 100, 0);

	/* continuous/static = (t_prefill(b·S) + E[max]·t_step)/(out·t_step
	 * + b·t_prefill), which is H_b when the prefill is negligible against
	 * the decode: 1-token prompts and 20000-token exponential answers
	 * (Llama 3.1 8B on 8 calibrated H100s, b = 32): 4.06 at b = 32
	 * (model.md §5) */
	gpu_spec g = fx_h100_calibrated();
	fx_scenario(&S, fx_llama31_8b(), g, 8);
	S.input_tokens = 1;
	S.output_tokens = 20000;
	S.max_batch = 32;
	S.output_distribution = DIST_EXPONENTIAL;
	S.requests_per_day = 0;
	model_eval(&S, &R);
	assert_int_equal(R.batch, 32);
	assert_near(R.expected_max_output, 20000 * 4.05849519543652, 1e-12);
	phase_time pb;
	model_prefill_batch(&S, &g, 8, &R.p, 1, 32, &pb);
	double t = R.step.total_s, tp = R.prefill.total_s;
	double ratio = R.continuous_requests_per_s / R.static_requests_per_s;
	assert_near(ratio, (pb.total_s + R.expected_max_output * t)
	            / (20000 * t + 32 * tp), 1e-9);
	assert_near(ratio, 4.06, 0.01);
	/* "up to 20x" is batching against no batching: b = 32 vs b = 1 */
	assert_true(R.continuous_requests_per_s > 10 * R.batch1_requests_per_s);
}

static void test_speculative(void **st)
{
	(void)st;
	/* tokens per round = (1 − 0.7^5)/0.3 = 2.7731 */
	assert_near(model_spec_tokens_per_round(0.7, 4), 2.7731, 1e-12);
	assert_near(model_spec_tokens_per_round(1, 4), 5, 0);
	assert_near(model_spec_tokens_per_round(0, 4), 1, 0);

	/* batch 1, memory-bound, η = 1: the verify step reads the same bytes
	 * and computes 5x the FLOPs, which the overlap adds at κ = 0.38:
	 * t_verify = t + 0.38·4·c (c = the step's compute time, 13.4 us
	 * against 3.94 ms of memory), t_round = 4·0.1·t + t_verify and
	 * TPOT = t_round/2.7731: speedup 2.7731/(1.4 + 1.52·c/t) = 1.9735,
	 * within 0.4% of 2.7731/1.4 = 1.98079 */
	gpu_spec g = fx_h100();
	model_params p = params_of(fx_llama2_7b());
	fx_scenario(&S, fx_llama2_7b(), g, 1);
	S.speculative = true;
	model_hw hw;
	model_perf pf;
	model_hw_init(&hw, &S, &g, 1, &p);
	model_perf_at(&hw, 1, false, &pf);
	double t1 = pf.step.total_s, c1 = pf.step.compute_s;
	assert_false(pf.step.compute_bound);
	assert_near(pf.spec.verify_s, t1 + 0.38 * 4 * c1, 1e-12);
	assert_near(pf.spec.round_s, 0.4 * t1 + pf.spec.verify_s, 1e-12);
	assert_near(pf.spec.speedup, 2.7731 / (1.4 + 1.52 * c1 / t1), 1e-9);
	assert_near(pf.spec.speedup, 1.9735, 1e-4);
	assert_near(pf.decode_token_s, t1 / pf.spec.speedup, 1e-9);

	/* the gain shrinks with the batch and falls below 1 once the verify
	 * step (5x the FLOPs) is compute-bound: calibrated H100, 2 GPUs */
	g = fx_h100_calibrated();
	p = params_of(fx_llama2_70b());
	fx_scenario(&S, fx_llama2_70b(), g, 2);
	S.speculative = true;
	model_hw_init(&hw, &S, &g, 2, &p);
	double prev = 1e9;
	int sizes[] = { 1, 16, 64, 256 };
	for (int i = 0; i < 4; i++) {
		model_perf_at(&hw, sizes[i], false, &pf);
		assert_true(pf.spec.speedup < prev);
		prev = pf.spec.speedup;
	}
	assert_true(prev < 1);
	/* at b = 256 the verify step is compute-bound */
	phase_time v;
	model_decode_forward(&S, &g, 2, &p, 256, 600, 5, &v);
	assert_true(v.compute_bound);
}

/* ---- cost -------------------------------------------------------------- */

static void test_costs(void **st)
{
	(void)st;
	gpu_spec g = fx_h100_calibrated();
	g.usd_per_hour = 4;
	fx_scenario(&S, fx_llama2_70b(), g, 4);
	S.requests_per_day = 0;
	model_eval(&S, &R);
	/* replica $/h = T·gpu $/h = 16 */
	assert_near(R.replica_usd_per_hour, 16, 0);
	double rps = R.requests_per_s, tok = rps * 200;
	assert_near(R.output_tokens_per_s, tok, 1e-12);
	/* $/1K out = $/h/(tok_out·3.6); $/1M blended = $/h/(R·700·3600/1e6);
	 * $/request = $/h/(R·3600); tokens/$ = R·700·3600/($/h) */
	assert_near(R.usd_per_1k_output_tokens, 16 / (tok * 3.6), 1e-12);
	assert_near(R.usd_per_1m_tokens, 16 / (rps * 700 * 3600 / 1e6), 1e-12);
	assert_near(R.usd_per_request, 16 / (rps * 3600), 1e-12);
	assert_near(R.tokens_per_usd, rps * 700 * 3600 / 16, 1e-12);
}

/* ---- edge cases -------------------------------------------------------- */

static void check_phase(const phase_time *t)
{
	assert_true(isfinite(t->bytes) && isfinite(t->flops));
	assert_true(isfinite(t->memory_s) && isfinite(t->compute_s));
	assert_true(isfinite(t->comm_s) && isfinite(t->fixed_s));
	assert_true(isfinite(t->total_s) && t->total_s >= 0);
}

/* every replica-level double of results (the math module's share) */
static void check_finite(const results *r)
{
	const double *p = &r->p.attn;
	for (size_t i = 0; i < sizeof r->p / sizeof(double); i++)
		assert_true(isfinite(p[i]));
	const double v[] = {
		r->weights_bytes, r->weights_read_bytes, r->kv_bytes_per_token,
		r->kv_bytes_per_request, r->kv_mha_bytes_per_request,
		r->replica_memory_bytes, r->usable_bytes, r->overhead_bytes,
		r->kv_room_bytes, r->fragmentation_waste, r->kv_in_use_bytes,
		r->kv_wasted_bytes, r->prefill_interference_s, r->tpot_s,
		r->ttft_s, r->ttft_p95_s, r->queue_s, r->e2e_s,
		r->spec_tokens_per_round, r->spec_round_s, r->spec_speedup,
		r->requests_per_s, r->output_tokens_per_s,
		r->continuous_requests_per_s, r->static_requests_per_s,
		r->batch1_requests_per_s, r->expected_max_output, r->mbu, r->mfu,
		r->replica_usd_per_hour, r->usd_per_1k_output_tokens,
		r->usd_per_1m_tokens, r->usd_per_request, r->tokens_per_usd,
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (!isfinite(v[i]))
			fail_msg("results value %zu is not finite", i);
	check_phase(&r->step);
	check_phase(&r->prefill);
	assert_true(r->batch >= 0);
	assert_true(r->max_concurrency >= 0);
	for (int i = 0; i < r->n_notes; i++)
		assert_true(strlen(r->notes[i]) < MODEL_NOTE_LEN);
}

static void test_edge_zero_scenario(void **st)
{
	(void)st;
	memset(&S, 0, sizeof S);
	model_eval(&S, &R);
	check_finite(&R);
	assert_int_equal(R.batch, 0);
	assert_false(R.fits);
	/* zero model, sane hardware */
	fx_scenario(&S, fx_dense("empty", 0, 0, 0, 0, 0, 0, 0), fx_h100(), 1);
	model_eval(&S, &R);
	check_finite(&R);
	/* zero hardware, sane model */
	gpu_spec zero;
	memset(&zero, 0, sizeof zero);
	fx_scenario(&S, fx_llama31_8b(), zero, 1);
	model_eval(&S, &R);
	check_finite(&R);
	assert_false(R.fits);
	assert_int_equal(R.min_gpus_to_fit, 0);
}

static void test_edge_absurd_inputs(void **st)
{
	(void)st;
	/* huge shapes and loads */
	model_spec m = fx_dense("absurd", INT_MAX, INT_MAX, INT_MAX, INT_MAX,
	                        INT_MAX, INT_MAX, INT_MAX);
	m.experts = INT_MAX;
	m.experts_active = INT_MAX;
	fx_scenario(&S, m, fx_h100(), 1024);
	S.max_batch = INT_MAX;
	S.input_tokens = 1e12;
	S.output_tokens = 1e12;
	S.block_tokens = INT_MAX;
	S.reserve_tokens = INT_MAX;
	S.output_distribution = DIST_EXPONENTIAL;
	S.speculative = true;
	S.draft_tokens = INT_MAX;
	S.acceptance = 1;
	model_eval(&S, &R);
	check_finite(&R);

	/* negative and NaN inputs */
	fx_scenario(&S, fx_llama31_8b(), fx_h100_calibrated(), -3);
	S.input_tokens = NAN;
	S.output_tokens = -5;
	S.memory_utilization = -1;
	S.prefix_hit_rate = 7;
	S.block_tokens = -16;
	S.max_batch = -1;
	S.request_overhead_s = INFINITY;
	S.step_overhead_s = NAN;
	S.gpu.bandwidth = NAN;
	S.gpu.mbu = -2;
	S.gpu.usd_per_hour = INFINITY;
	S.speculative = true;
	S.acceptance = NAN;
	model_eval(&S, &R);
	check_finite(&R);

	/* a tiny model with an enormous memory: max_concurrency capped */
	gpu_spec g = fx_h100();
	g.mem_bytes = 1e30;
	fx_scenario(&S, fx_dense("tiny", 2, 4, 2, 2, 0, 8, 10), g, 1);
	S.max_batch = INT_MAX;
	model_eval(&S, &R);
	check_finite(&R);
	assert_int_equal(R.max_concurrency, MODEL_MAX_CONCURRENCY);
	assert_int_equal(R.batch, INT_MAX);
}

/* Deterministic sweep: every numeric input drawn from zero, negative,
 * tiny, ordinary, huge, NaN and infinite values; every replica-level
 * output must stay finite. */
static double pick(unsigned *x, const double *vals, int n)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return vals[*x % (unsigned)n];
}

static void test_edge_sweep(void **st)
{
	(void)st;
	static const double dv[] = { 0, -1, 1e-300, 0.5, 1, 3, 700, 1e6, 1e15,
	                             1e300, NAN, INFINITY, -INFINITY };
	static const double iv[] = { 0, -5, 1, 2, 8, 64, 4096, 1e6, INT_MAX };
	const int nd = sizeof dv / sizeof dv[0], ni = sizeof iv / sizeof iv[0];
	unsigned x = 2463534242u;
	for (int k = 0; k < 1500; k++) {
		model_spec m = fx_llama31_8b();
		if (k % 3 == 1)
			m = fx_deepseek_v3();
		else if (k % 3 == 2)
			m = fx_mixtral();
		m.layers = (int)pick(&x, iv, ni);
		m.kv_heads = (int)pick(&x, iv, ni);
		m.experts_active = (int)pick(&x, iv, ni);
		m.params_b = pick(&x, dv, nd);
		gpu_spec g = fx_h100_calibrated();
		g.bandwidth = pick(&x, dv, nd);
		g.flops[PREC_BF16] = pick(&x, dv, nd);
		g.mem_bytes = pick(&x, dv, nd);
		g.mbu = pick(&x, dv, nd);
		g.mbu_half_bytes = pick(&x, dv, nd);
		g.mfu_half_hidden = pick(&x, dv, nd);
		g.link_bw = pick(&x, dv, nd);
		g.alpha_s = pick(&x, dv, nd);
		g.usd_per_hour = pick(&x, dv, nd);
		g.overhead_bytes = pick(&x, dv, nd);
		fx_scenario(&S, m, g, (int)pick(&x, iv, ni));
		S.weights = (int)(x % PREC_COUNT);
		S.kv_cache = (int)((x >> 4) % PREC_COUNT);
		S.compute = (int)((x >> 8) % (PREC_COUNT + 1)) - 1;
		S.group_size = (int)pick(&x, iv, ni);
		S.batching = (int)((x >> 12) & 1);
		S.kv_manager = (int)((x >> 13) & 1);
		S.output_distribution = (int)((x >> 14) % 3);
		S.speculative = (x >> 16) & 1;
		S.max_batch = (int)pick(&x, iv, ni);
		S.block_tokens = (int)pick(&x, iv, ni);
		S.reserve_tokens = (int)pick(&x, iv, ni);
		S.draft_tokens = (int)pick(&x, iv, ni);
		S.memory_utilization = pick(&x, dv, nd);
		S.prefix_hit_rate = pick(&x, dv, nd);
		S.request_overhead_s = pick(&x, dv, nd);
		S.step_overhead_s = pick(&x, dv, nd);
		S.draft_cost_ratio = pick(&x, dv, nd);
		S.acceptance = pick(&x, dv, nd);
		S.input_tokens = pick(&x, dv, nd);
		S.output_tokens = pick(&x, dv, nd);
		model_eval(&S, &R);
		check_finite(&R);
	}
}

static void test_edge_batch_larger_than_fits(void **st)
{
	(void)st;
	/* Llama 3.1 8B on one calibrated H100 (3 GiB overhead):
	 * usable = 72e9 − 3,221,225,472 = 68,778,774,528;
	 * W = (6,979,321,856 + 2·525,336,576)·2 = 16,059,990,016
	 * (layers 32·218,103,808, head = embed 128256·4096, untied);
	 * kv_req = 704·131,072 = 92,274,688 →
	 * max_concurrency = floor(52,718,784,512/92,274,688) = 571 */
	fx_scenario(&S, fx_llama31_8b(), fx_h100_calibrated(), 1);
	S.max_batch = 4096;
	S.requests_per_day = 0;
	model_eval(&S, &R);
	assert_near(R.weights_bytes, 16059990016.0, 1e-12);
	assert_int_equal(R.max_concurrency, 571);
	assert_int_equal(R.batch, 571);
	assert_int_equal(R.batch_limit, LIMIT_KV_MEMORY);
	assert_non_null(strstr(R.notes[0], "batch held to 571 by KV memory"));
	check_finite(&R);
	/* in use and wasted KV for the stacked bar, at the operating batch b
	 * (the SLOs may hold it below 571): b·600·131,072 and b·7.5·131,072;
	 * at the max batch 571·600·131,072 */
	assert_true(R.op.batch >= 1 && R.op.batch <= 571);
	assert_near(R.kv_in_use_bytes, R.op.batch * 600 * 131072.0, 1e-12);
	assert_near(R.kv_wasted_bytes, R.op.batch * 7.5 * 131072.0, 1e-12);
	assert_near(R.at_max.kv_in_use_bytes, 571 * 600 * 131072.0, 1e-12);
}

static void test_replica_perf_api(void **st)
{
	(void)st;
	gpu_spec g = fx_h100_calibrated();
	model_params p = params_of(fx_llama31_8b());
	replica_perf rp;
	fx_scenario(&S, fx_llama31_8b(), g, 1);
	S.request_overhead_s = 0.02;
	model_replica_perf(&S, &g, 1, &p, 32, &rp);
	model_hw hw;
	model_perf pf;
	model_hw_init(&hw, &S, &g, 1, &p);
	model_perf_at(&hw, 32, false, &pf);
	assert_int_equal(rp.batch, 32);
	assert_near(rp.step_s, pf.step.total_s, 0);
	assert_near(rp.tpot_s, pf.tpot_s, 0);
	assert_near(rp.requests_per_s, pf.rps, 0);
	assert_near(rp.output_tokens_per_s, pf.rps * 200, 1e-12);
	assert_near(rp.ttft_s, 0.02 + pf.prefill.total_s, 1e-12);
	/* batch 0 is treated as 1 */
	model_replica_perf(&S, &g, 1, &p, 0, &rp);
	assert_int_equal(rp.batch, 1);
}

/* The note formatters shared by model.c and fleet.c (model_impl.h), against
 * what printf would write (hand-checked strings). */
static const char *fmt_with(void (*f)(outbuf *, double, int), double v, int n)
{
	static char buf[64];
	outbuf o;
	outbuf_init(&o, buf, sizeof buf);
	f(&o, v, n);
	outbuf_end(&o);
	return buf;
}

static void test_note_formatters(void **st)
{
	(void)st;
	char small[8];
	outbuf o;

	/* %.Nf */
	assert_string_equal(fmt_with(put_f, 17.1049, 2), "17.10");
	assert_string_equal(fmt_with(put_f, 0.99995, 4), "1.0000");
	assert_string_equal(fmt_with(put_f, -0.001, 1), "0.0");
	assert_string_equal(fmt_with(put_f, 123456789.0, 0), "123456789");
	/* up to 6 decimals (the API option's per-1M prices) */
	assert_string_equal(fmt_with(put_f, 0.123456, 6), "0.123456");
	assert_string_equal(fmt_with(put_f, 97.5, 2), "97.50");
	/* v·10^6 beyond 1e19: %.3g */
	assert_string_equal(fmt_with(put_f, 2e13, 6), "2e+13");
	/* either side of 2^32 (the in-place writer's limit), the fraction's
	 * leading zeros, "-0" avoided */
	assert_string_equal(fmt_with(put_f, 4294967296.4, 0), "4294967296");
	assert_string_equal(fmt_with(put_f, 42949672.964, 2), "42949672.96");
	assert_string_equal(fmt_with(put_f, 0.05, 2), "0.05");
	assert_string_equal(fmt_with(put_f, -0.004, 2), "0.00");
	assert_string_equal(fmt_with(put_f, 8.0, 1), "8.0");
	/* 3 significant digits as %.3g writes them (39.1, 0.00021, 0.5, 2,
	 * 3.4), but never with an exponent (%.3g: 1.23e+03; here 1235) */
	assert_string_equal(fmt_with(put_g, 39.1403534107, 3), "39.1");
	assert_string_equal(fmt_with(put_g, 0.000210359861931, 3), "0.00021");
	assert_string_equal(fmt_with(put_g, 0.5, 3), "0.5");
	assert_string_equal(fmt_with(put_g, 2.0, 3), "2");
	assert_string_equal(fmt_with(put_g, 3.40000001, 3), "3.4");
	assert_string_equal(fmt_with(put_g, 1234.5, 3), "1235");
	assert_string_equal(fmt_with(put_g, 8.35, 3), "8.35");
	assert_string_equal(fmt_with(put_g, -2.5, 2), "-2.5");
	assert_string_equal(fmt_with(put_g, 0.00524123, 3), "0.00524");
	assert_string_equal(fmt_with(put_g, 999999999.4, 9), "999999999");
	assert_string_equal(fmt_with(put_g, 1e9, 3), "1000000000");
	/* the fraction's zeros dropped to none, zero and what rounds to it,
	 * a fraction shorter than its leading zeros */
	assert_string_equal(fmt_with(put_g, 10.04, 3), "10");
	assert_string_equal(fmt_with(put_g, 100.0, 3), "100");
	assert_string_equal(fmt_with(put_g, 0.0, 3), "0");
	assert_string_equal(fmt_with(put_g, -1e-12, 3), "0");
	assert_string_equal(fmt_with(put_g, 0.1, 3), "0.1");
	assert_string_equal(fmt_with(put_g, 0.0000000123, 3), "0.00000001");
	assert_string_equal(fmt_with(put_g, 123456.7, 9), "123456.7");
	/* either side of each length digits_fwd tells apart (1, 2, 3, 4
	 * digits, then the wide ones out of line), as integers and as the
	 * integer part of a fixed-point number */
	{
		static const long v[] = { 9, 10, 99, 100, 999, 1000, 9999, 10000,
		                          99999, 4294967295L };
		static const char *const f[] = { "9.50", "10.50", "99.50",
			"100.50", "999.50", "1000.50", "9999.50", "10000.50",
			"99999.50", "4294967.30" };
		char big[32], want[32];
		for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
			outbuf_init(&o, big, sizeof big);
			put_i(&o, v[i]);
			outbuf_end(&o);
			snprintf(want, sizeof want, "%ld", v[i]);
			assert_string_equal(big, want);
			assert_string_equal(fmt_with(put_f, i + 1 < sizeof v / sizeof v[0]
			                    ? (double)v[i] + 0.5 : 4294967.3, 2), f[i]);
		}
	}
	/* percentages: 0.999 -> 99.9000% (the availability note's form) */
	assert_string_equal(fmt_with(put_pct, 0.999, 4), "99.9000%");
	assert_string_equal(fmt_with(put_pct, 0.97029901, 4), "97.0299%");
	/* integers: two digits per division, padding, sign */
	outbuf_init(&o, small, sizeof small);
	put_u(&o, 7, 4);
	outbuf_end(&o);
	assert_string_equal(small, "0007");
	outbuf_init(&o, small, sizeof small);
	put_i(&o, -1234);
	outbuf_end(&o);
	assert_string_equal(small, "-1234");
	/* cut at the buffer's end (7 characters + the terminator) */
	outbuf_init(&o, small, sizeof small);
	put_u(&o, 123456789, 1);
	outbuf_end(&o);
	assert_string_equal(small, "1234567");
	/* a real cut in its fraction */
	outbuf_init(&o, small, sizeof small);
	PUT(&o, "abc");
	put_f(&o, 12.345, 2);
	outbuf_end(&o);
	assert_string_equal(small, "abc12.3");
	outbuf_init(&o, small, sizeof small);
	PUT(&o, "abc");
	put_s(&o, "defghij");
	outbuf_end(&o);
	assert_string_equal(small, "abcdefg");
	/* a string in a char array (PUT_A): every length either side of the
	 * 16-byte steps, all of it or cut at every room left */
	{
		char id[48], big[96], want[96];
		for (size_t len = 0; len < sizeof id; len++) {
			memset(id, 'x', sizeof id);
			for (size_t i = 0; i < len; i++)
				id[i] = (char)('a' + i % 26);
			id[len] = '\0';
			for (size_t cap = 1; cap <= sizeof big; cap++) {
				outbuf_init(&o, big, cap);
				PUT(&o, "<");
				PUT_A(&o, id);
				PUT(&o, ">");
				outbuf_end(&o);
				snprintf(want, cap, "<%s>", id);
				assert_string_equal(big, want);
			}
		}
	}
}

/* A tensor-parallel group beyond one node (8 GPUs) is priced with the
 * intra-node link: the note says so. */
static void test_tp_across_nodes_note(void **st)
{
	(void)st;
	gpu_spec g = fx_h100();
	bool spans = false, plain = false;

	/* Llama 2 70B bf16 (~138 GB) on 16 H100: fits, TP 16 > 8 per node */
	fx_scenario(&S, fx_llama2_70b(), g, 16);
	model_eval(&S, &R);
	assert_true(R.fits);
	for (int i = 0; i < R.n_notes; i++)
		if (strstr(R.notes[i], "tensor parallel over 16 GPUs spans nodes") &&
		    strstr(R.notes[i], "real inter-node TP is slower"))
			spans = true;
	assert_true(spans);
	/* on 8: one node, the plain note */
	fx_scenario(&S, fx_llama2_70b(), g, 8);
	model_eval(&S, &R);
	for (int i = 0; i < R.n_notes; i++) {
		assert_null(strstr(R.notes[i], "spans nodes"));
		if (strstr(R.notes[i], "tensor parallel over 8 GPUs: all-reduces"))
			plain = true;
	}
	assert_true(plain);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_params_llama2_70b),
		cmocka_unit_test(test_params_mixtral),
		cmocka_unit_test(test_params_deepseek_v3),
		cmocka_unit_test(test_params_calibration_shapes),
		cmocka_unit_test(test_params_tied_and_plain),
		cmocka_unit_test(test_params_b_seed_rule),
		cmocka_unit_test(test_bits_and_bytes),
		cmocka_unit_test(test_kv_bytes),
		cmocka_unit_test(test_compute_prec),
		cmocka_unit_test(test_seed_compute_and_memory_wall),
		cmocka_unit_test(test_seed_kv_mha_vs_gqa),
		cmocka_unit_test(test_seed_usd_per_1k),
		cmocka_unit_test(test_waste_contiguous_vs_paged),
		cmocka_unit_test(test_memory_fit_70b_two_a100),
		cmocka_unit_test(test_min_gpus_rounding),
		cmocka_unit_test(test_decode_step_formula),
		cmocka_unit_test(test_prefill_formula),
		cmocka_unit_test(test_allreduce_and_tp),
		cmocka_unit_test(test_moe_experts_touched),
		cmocka_unit_test(test_mla_attention_flops),
		cmocka_unit_test(test_user_view_continuous_and_static),
		cmocka_unit_test(test_continuous_over_static_is_harmonic),
		cmocka_unit_test(test_speculative),
		cmocka_unit_test(test_costs),
		cmocka_unit_test(test_edge_zero_scenario),
		cmocka_unit_test(test_edge_absurd_inputs),
		cmocka_unit_test(test_edge_sweep),
		cmocka_unit_test(test_edge_batch_larger_than_fits),
		cmocka_unit_test(test_replica_perf_api),
		cmocka_unit_test(test_note_formatters),
		cmocka_unit_test(test_tp_across_nodes_note),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
