/* model_fixtures.h — model shapes, accelerators and a default-like
 * scenario built by hand for the math module's tests and benchmark, so that
 * they depend on neither the catalog nor the parameter table.
 *
 * Shapes: shared/design/reference-figures.md §D (MaxText configs and HF
 * config.json mirrors).  Accelerators: §A of the same page (NVIDIA
 * datasheets via glennklockwood.com).  Efficiencies: 1 where the seed
 * assumes peak ("first principles"), else the H100 fit of
 * man/infertui-model.7.
 */
#ifndef MODEL_FIXTURES_H
#define MODEL_FIXTURES_H

#include <stdio.h>
#include <string.h>
#include "scenario.h"

static inline model_spec fx_dense(const char *id, int L, int H, int nh, int nkv,
                                  int dh, int ffn, int V)
{
	model_spec m;
	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "%s", id);
	m.layers = L;
	m.hidden = H;
	m.heads = nh;
	m.kv_heads = nkv;
	m.head_dim = dh;
	m.ffn = ffn;
	m.vocab = V;
	m.experts = 1;
	m.experts_active = 1;
	m.mlp = MLP_GATED;
	m.max_context = 4096;
	return m;
}

/* Llama 2 7B / 13B / 70B, Llama 3.1 8B: reference-figures.md §D */
static inline model_spec fx_llama2_7b(void)
{
	return fx_dense("llama-2-7b", 32, 4096, 32, 32, 128, 11008, 32000);
}
static inline model_spec fx_llama2_13b(void)
{
	return fx_dense("llama-2-13b", 40, 5120, 40, 40, 128, 13824, 32000);
}
static inline model_spec fx_llama2_70b(void)
{
	return fx_dense("llama-2-70b", 80, 8192, 64, 8, 128, 28672, 32000);
}
static inline model_spec fx_llama31_8b(void)
{
	model_spec m = fx_dense("llama-3.1-8b", 32, 4096, 32, 8, 128, 14336, 128256);
	m.max_context = 131072;
	return m;
}
/* Mixtral 8x7B: 8 experts, top-2, FFN 14336 per expert */
static inline model_spec fx_mixtral(void)
{
	model_spec m = fx_dense("mixtral-8x7b", 32, 4096, 32, 8, 128, 14336, 32000);
	m.experts = 8;
	m.experts_active = 2;
	return m;
}
/* DeepSeek-V3: 61 layers (first 3 dense, FFN 18432), H 7168, 128 heads,
 * MLA q_lora 1536, kv_lora 512, rope 64, qk_nope 128, v 128; 256 routed
 * experts of 2048 + 1 shared, top-8; vocab 129280 */
static inline model_spec fx_deepseek_v3(void)
{
	model_spec m = fx_dense("deepseek-v3", 61, 7168, 128, 128, 128, 2048, 129280);
	m.experts = 256;
	m.experts_active = 8;
	m.shared_experts = 1;
	m.dense_layers = 3;
	m.dense_ffn = 18432;
	m.mla_latent = 512;
	m.mla_rope = 64;
	m.q_lora = 1536;
	m.v_head_dim = 128;
	m.max_context = 163840;
	return m;
}

static inline gpu_spec fx_gpu(const char *id, double mem, double bw,
                              double bf16)
{
	gpu_spec g;
	memset(&g, 0, sizeof g);
	snprintf(g.id, sizeof g.id, "%s", id);
	g.mem_bytes = mem;
	g.bandwidth = bw;
	g.flops[PREC_BF16] = bf16;
	g.flops[PREC_FP16] = bf16;
	g.mbu = 1;
	g.mfu = 1;
	return g;
}

/* A100 80GB SXM: 80 GB, 2.039 TB/s, 312 TFLOPS bf16 dense; NVLink 600 GB/s
 * (300 each way) */
static inline gpu_spec fx_a100_80(void)
{
	gpu_spec g = fx_gpu("a100-80g", 80e9, 2.039e12, 312e12);
	g.link_bw = 300e9;
	return g;
}
/* H100 SXM5: 80 GB, 3.35 TB/s, 989.4 TFLOPS bf16, 1978.9 fp8; NVLink
 * 900 GB/s (450 each way) */
static inline gpu_spec fx_h100(void)
{
	gpu_spec g = fx_gpu("h100-sxm", 80e9, 3.35e12, 989.4e12);
	g.flops[PREC_FP8] = 1978.9e12;
	g.flops[PREC_INT8] = 1979e12;
	g.link_bw = 450e9;
	return g;
}
/* H200 SXM: 141 GB, 4.8 TB/s, ~989 TFLOPS bf16 */
static inline gpu_spec fx_h200(void)
{
	gpu_spec g = fx_gpu("h200", 141e9, 4.8e12, 989.4e12);
	g.flops[PREC_FP8] = 1978.9e12;
	g.link_bw = 450e9;
	return g;
}

/* The fitted H100 efficiency model (man/infertui-model.7, "Calibration"):
 * mbu 0.808 with a fixed 39.6 us per layer (39.6e-6 s x 3.35e12 B/s x 0.808
 * = 107,189,280 B per layer at half MBU), mfu 0.672, half of it at 286
 * hidden columns per device. */
#define FX_H100_MBU 0.808
#define FX_H100_MBU_HALF 107189280.0
#define FX_H100_MFU 0.672
#define FX_H100_MFU_HALF 286.0
static inline gpu_spec fx_h100_calibrated(void)
{
	gpu_spec g = fx_h100();
	g.mbu = FX_H100_MBU;
	g.mbu_half_bytes = FX_H100_MBU_HALF;
	g.mfu = FX_H100_MFU;
	g.mfu_half_hidden = FX_H100_MFU_HALF;
	g.eff_basis = EFF_MEASURED;
	g.alpha_s = 20e-6;
	g.overhead_bytes = 3.0 * 1073741824.0;
	g.usd_per_hour = 3.99;   /* Lambda 8x H100 SXM, $/GPU-h (§B4) */
	return g;
}

/* A default-like scenario: the parameter table's defaults (500 in, 200
 * out, paged blocks of 16, max batch 256, 0.90 of memory, bf16) with the
 * given model and accelerator, one region, no options. */
static inline void fx_scenario(scenario *s, model_spec m, gpu_spec g, int gpus)
{
	memset(s, 0, sizeof *s);
	s->model = m;
	s->weights = PREC_BF16;
	s->group_size = 128;
	s->kv_cache = PREC_BF16;
	s->compute = PREC_AUTO;
	s->embeddings_16bit = true;
	s->gpu = g;
	s->gpus = gpus;
	s->batching = BATCH_CONTINUOUS;
	s->max_batch = 256;
	s->kv_manager = KV_PAGED;
	s->block_tokens = 16;
	s->reserve_tokens = 4096;
	s->memory_utilization = 0.90;
	s->prefix_hit_rate = 0;
	s->request_overhead_s = 0;
	s->step_overhead_s = 0;
	s->speculative = false;
	s->draft_cost_ratio = 0.1;
	s->draft_tokens = 4;
	s->acceptance = 0.7;
	s->input_tokens = 500;
	s->output_tokens = 200;
	s->output_distribution = DIST_FIXED;
	s->requests_per_day = 500000;
	s->peak_factor = 2;
	s->ttft_slo_s = 2;
	s->tpot_slo_s = 0.05;
	s->e2e_slo_s = 20;
	s->availability = 0.999;
	s->n_regions = 1;
	snprintf(s->regions[0].name, sizeof s->regions[0].name, "us-east-1");
	s->regions[0].share = 1;
	s->regions[0].price_factor = 1;
	s->min_replicas = 1;
	s->spares = 0;
	s->replica_availability = 0.99;
	s->reserved_discount = 0.4;
	s->hours_per_month = 730;
	s->api_input_per_token = 0.15e-6;
	s->api_output_per_token = 0.60e-6;
}

#endif
