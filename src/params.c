/* params.c — the one table of every tunable input, and the parsing,
 * formatting and slider arithmetic that read it.
 *
 * Every row gives the dotted key, the user unit and `scale`, the factor from
 * the user unit to the SI value stored in the scenario.  Rows flagged
 * PF_FROM_MODEL / PF_FROM_GPU take their default from the chosen catalog
 * entry (src/catalog/, where each figure carries its source); the other
 * defaults carry their reason in a comment on the row.
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"
#include "params.h"

#define OFF(f) offsetof(scenario, f)

static const char *const c_weights[] = {
	"fp32", "bf16", "fp16", "fp8", "int8", "int4", NULL };
static const int v_weights[] = {
	PREC_FP32, PREC_BF16, PREC_FP16, PREC_FP8, PREC_INT8, PREC_INT4 };
static const char *const c_kv[] = { "fp16", "bf16", "fp8", "int8", NULL };
static const int v_kv[] = { PREC_FP16, PREC_BF16, PREC_FP8, PREC_INT8 };
static const char *const c_compute[] = {
	"auto", "fp32", "bf16", "fp16", "fp8", "int8", NULL };
static const int v_compute[] = {
	PREC_AUTO, PREC_FP32, PREC_BF16, PREC_FP16, PREC_FP8, PREC_INT8 };
static const char *const c_mlp[] = { "gated", "plain", NULL };
static const int v_mlp[] = { MLP_GATED, MLP_PLAIN };
static const char *const c_batching[] = { "continuous", "static", NULL };
static const int v_batching[] = { BATCH_CONTINUOUS, BATCH_STATIC };
static const char *const c_kvm[] = { "paged", "contiguous", NULL };
static const int v_kvm[] = { KV_PAGED, KV_CONTIGUOUS };
static const char *const c_dist[] = { "fixed", "uniform", "exponential", NULL };
static const int v_dist[] = { DIST_FIXED, DIST_UNIFORM, DIST_EXPONENTIAL };

/* Row helpers: N = number, C = choice, B = boolean. */
#define N(k, lab, u, h, t, g, lo, hi, st, bst, d, sc, off, fl) \
	{ .key = k, .label = lab, .unit = u, .help = h, .type = t, .group = g, \
	  .min = lo, .max = hi, .step = st, .big_step = bst, .def = d, \
	  .scale = sc, .offset = OFF(off), .flags = fl }
#define C(k, lab, h, g, ch, d, off, fl) \
	{ .key = k, .label = lab, .unit = "", .help = h, .type = PT_CHOICE, \
	  .group = g, .min = 0, .max = (sizeof(v_##ch) / sizeof(int)) - 1, \
	  .step = 1, .big_step = 1, .def = d, .scale = 1, .choices = c_##ch, \
	  .choice_values = v_##ch, .offset = OFF(off), .flags = fl }
#define B(k, lab, h, g, d, off, fl) \
	{ .key = k, .label = lab, .unit = "", .help = h, .type = PT_BOOL, \
	  .group = g, .min = 0, .max = 1, .step = 1, .big_step = 1, .def = d, \
	  .scale = 1, .offset = OFF(off), .flags = fl }

#define FM PF_FROM_MODEL
#define FG PF_FROM_GPU
#define ZA PF_ZERO_AUTO
#define LG PF_LOG

static const param table[] = {
	/* ---- model: the shape comes from the catalog entry of model.name ---- */
	{ .key = "model.name", .label = "Model", .unit = "",
	  .help = "catalog id of the model; choosing it copies its architecture",
	  .type = PT_MODEL, .group = G_MODEL, .min = 0, .max = 0, .step = 1,
	  .big_step = 1, .scale = 1, .offset = OFF(model) },
	N("model.params_b", "Params (size only)", "B",
	  "total parameters in billions for a model known only by its size (0 = from the architecture)",
	  PT_REAL, G_MODEL, 0, 100000, 1.25, 2, 0, 1, model.params_b, FM | ZA | LG),
	N("model.layers", "Layers", "", "transformer layers L",
	  PT_INT, G_MODEL, 1, 1000, 1, 8, 0, 1, model.layers, FM),
	N("model.hidden", "Hidden size", "", "model width H",
	  PT_INT, G_MODEL, 1, 262144, 1.25, 2, 0, 1, model.hidden, FM | LG),
	N("model.heads", "Attention heads", "", "query heads n_h",
	  PT_INT, G_MODEL, 1, 4096, 1, 8, 0, 1, model.heads, FM),
	N("model.kv_heads", "KV heads", "", "key/value heads n_kv (GQA; = heads for MHA, 1 for MQA)",
	  PT_INT, G_MODEL, 1, 4096, 1, 8, 0, 1, model.kv_heads, FM),
	N("model.head_dim", "Head size", "", "head dimension d_h (0 = hidden / heads)",
	  PT_INT, G_MODEL, 0, 4096, 8, 64, 0, 1, model.head_dim, FM | ZA),
	N("model.ffn", "FFN width", "", "MLP intermediate size d_ff (per expert for MoE)",
	  PT_INT, G_MODEL, 1, 1048576, 1.25, 2, 0, 1, model.ffn, FM | LG),
	N("model.vocab", "Vocabulary", "", "vocabulary size V",
	  PT_INT, G_MODEL, 1, 4194304, 1.25, 2, 0, 1, model.vocab, FM | LG),
	N("model.experts", "Experts", "", "routed experts per MoE layer E (1 = dense)",
	  PT_INT, G_MODEL, 1, 4096, 1, 8, 0, 1, model.experts, FM),
	N("model.experts_active", "Active experts", "", "routed experts per token k (1 = dense)",
	  PT_INT, G_MODEL, 1, 4096, 1, 2, 0, 1, model.experts_active, FM),
	N("model.shared_experts", "Shared experts", "", "always-on experts per MoE layer",
	  PT_INT, G_MODEL, 0, 256, 1, 1, 0, 1, model.shared_experts, FM),
	N("model.dense_layers", "Dense layers", "", "leading layers with a dense MLP of dense_ffn",
	  PT_INT, G_MODEL, 0, 1000, 1, 8, 0, 1, model.dense_layers, FM),
	N("model.dense_ffn", "Dense FFN width", "", "MLP width of the dense layers (0 = ffn)",
	  PT_INT, G_MODEL, 0, 1048576, 1024, 8192, 0, 1, model.dense_ffn, FM | ZA),
	B("model.tied_embeddings", "Tied embeddings",
	  "input embedding shares the LM head's matrix", G_MODEL, 0,
	  model.tied_embeddings, FM),
	C("model.mlp", "MLP kind", "gated (SwiGLU, 3 matrices) or plain (2 matrices)",
	  G_MODEL, mlp, 0, model.mlp, FM),
	N("model.mla_latent", "MLA latent", "", "MLA KV latent size d_c (0 = no MLA)",
	  PT_INT, G_MODEL, 0, 65536, 64, 512, 0, 1, model.mla_latent, FM | ZA),
	N("model.mla_rope", "MLA RoPE size", "", "decoupled RoPE key size d_rope under MLA",
	  PT_INT, G_MODEL, 0, 4096, 16, 64, 0, 1, model.mla_rope, FM),
	N("model.q_lora", "MLA query rank", "", "MLA query low-rank size (0 = full-rank Q)",
	  PT_INT, G_MODEL, 0, 65536, 64, 512, 0, 1, model.q_lora, FM | ZA),
	N("model.v_head_dim", "MLA value head", "", "MLA value head size (0 = head_dim)",
	  PT_INT, G_MODEL, 0, 4096, 8, 64, 0, 1, model.v_head_dim, FM | ZA),
	N("model.max_context", "Max context", "tokens", "longest context the model supports",
	  PT_INT, G_MODEL, 1, 16777216, 2, 8, 0, 1, model.max_context, FM | LG),

	/* ---- precision ---- */
	/* bf16: how the catalog's models are published (config.json torch_dtype). */
	C("precision.weights", "Weights", "weight precision (int4 adds a 16-bit scale+zero per group)",
	  G_PRECISION, weights, 1, weights, 0),
	/* 128: the AWQ/GPTQ default group size (model.md §2). */
	N("precision.group_size", "Int4 group size", "weights", "weights per int4 quantisation group",
	  PT_INT, G_PRECISION, 8, 4096, 2, 4, 128, 1, group_size, LG),
	/* fp16: vLLM's default KV cache dtype follows the model's 16-bit dtype. */
	C("precision.kv_cache", "KV cache", "KV cache precision",
	  G_PRECISION, kv, 0, kv_cache, 0),
	C("precision.compute", "Compute", "matmul precision (auto: fp8 for fp8 weights, else bf16)",
	  G_PRECISION, compute, 0, compute, 0),
	/* true: AWQ and GPTQ keep embedding and LM head in 16 bit (model.md §2). */
	B("precision.embeddings_16bit", "16-bit embeddings",
	  "keep embedding and LM head 16-bit under int4/int8", G_PRECISION, 1,
	  embeddings_16bit, 0),

	/* ---- hardware: the spec comes from the catalog entry of hardware.gpu ---- */
	{ .key = "hardware.gpu", .label = "Accelerator", .unit = "",
	  .help = "catalog id of the accelerator; choosing it copies its spec",
	  .type = PT_GPU, .group = G_HARDWARE, .min = 0, .max = 0, .step = 1,
	  .big_step = 1, .scale = 1, .offset = OFF(gpu) },
	N("hardware.gpus", "GPUs per replica", "", "devices per replica, tensor parallel T",
	  PT_INT, G_HARDWARE, 1, 4096, 2, 8, 1, 1, gpus, LG),
	N("hardware.memory_gb", "Memory", "GB", "device memory per GPU",
	  PT_REAL, G_HARDWARE, 0.1, 100000, 1.25, 2, 0, 1e9, gpu.mem_bytes, FG | LG),
	N("hardware.bandwidth_tbps", "Bandwidth", "TB/s", "memory bandwidth per GPU",
	  PT_REAL, G_HARDWARE, 0.01, 1000, 1.1, 2, 0, 1e12, gpu.bandwidth, FG | LG),
	N("hardware.tflops", "Dense TFLOPS", "TFLOPS",
	  "dense peak per GPU at the resolved compute precision (0 = not supported)",
	  PT_REAL, G_HARDWARE, 0, 1000000, 1.1, 2, 0, 1e12, gpu.flops, FG | LG | PF_COMPUTE_FLOPS),
	N("hardware.link_gbps", "Link bandwidth", "GB/s",
	  "interconnect bandwidth per GPU, one direction (0 = none)",
	  PT_REAL, G_HARDWARE, 0, 100000, 1.25, 2, 0, 1e9, gpu.link_bw, FG | LG),
	N("hardware.alpha_us", "All-reduce latency", "us", "latency of one all-reduce",
	  PT_REAL, G_HARDWARE, 0, 100000, 1, 10, 0, 1e-6, gpu.alpha_s, FG),
	N("hardware.gpu_hour_usd", "GPU price", "$/h", "on-demand price per GPU-hour",
	  PT_REAL, G_HARDWARE, 0, 10000, 0.05, 0.5, 0, 1, gpu.usd_per_hour, FG),
	N("hardware.mbu", "MBU", "", "memory-bandwidth efficiency (achieved / peak)",
	  PT_REAL, G_HARDWARE, 0.01, 1, 0.01, 0.1, 0, 1, gpu.mbu, FG),
	N("hardware.mfu", "MFU", "", "compute efficiency (achieved / peak)",
	  PT_REAL, G_HARDWARE, 0.01, 1, 0.01, 0.1, 0, 1, gpu.mfu, FG),
	/* size-dependent efficiency (scenario.h, man infertui-model(7)) */
	N("hardware.mbu_half_mb", "MBU half point", "MB",
	  "bytes per layer per GPU at which achieved MBU is half of mbu (0 = size-independent)",
	  PT_REAL, G_HARDWARE, 0, 100000, 1.25, 4, 0, 1e6, gpu.mbu_half_bytes, FG | ZA),
	N("hardware.mfu_half_tokens", "MFU half point", "tokens",
	  "tokens per forward pass at which achieved MFU is half of mfu (0 = size-independent)",
	  PT_REAL, G_HARDWARE, 0, 1000000, 1.25, 4, 0, 1, gpu.mfu_half_tokens, FG | ZA),
	N("hardware.overhead_gb", "Runtime overhead", "GB",
	  "per-GPU memory taken by activations, CUDA graphs and the allocator",
	  PT_REAL, G_HARDWARE, 0, 10000, 0.25, 2, 0, 1e9, gpu.overhead_bytes, FG),

	/* ---- serving ---- */
	/* continuous + paged: what vLLM, TGI and TensorRT-LLM do by default. */
	C("serving.batching", "Batching", "continuous (iteration-level) or static",
	  G_SERVING, batching, 0, batching, 0),
	/* 256: vLLM's default max_num_seqs. */
	N("serving.max_batch", "Max batch", "seqs", "upper bound on concurrent sequences",
	  PT_INT, G_SERVING, 1, 65536, 2, 8, 256, 1, max_batch, LG),
	C("serving.kv_manager", "KV manager", "paged (PagedAttention) or contiguous reservation",
	  G_SERVING, kvm, 0, kv_manager, 0),
	/* 16: vLLM's default block size (model.md §3). */
	N("serving.block_tokens", "KV block", "tokens", "tokens per paged KV block",
	  PT_INT, G_SERVING, 1, 4096, 2, 4, 16, 1, block_tokens, LG),
	/* 4096: the seed's contiguous reservation (Llama 2's max context). */
	N("serving.reserve_tokens", "Reservation", "tokens",
	  "tokens a contiguous KV manager reserves per request",
	  PT_INT, G_SERVING, 1, 16777216, 2, 8, 4096, 1, reserve_tokens, LG),
	/* 0.90: vLLM's default gpu_memory_utilization (model.md §3). */
	N("serving.memory_utilization", "Memory utilization", "",
	  "fraction of device memory the engine takes",
	  PT_REAL, G_SERVING, 0.05, 1, 0.01, 0.05, 0.90, 1, memory_utilization, 0),
	/* 0: no prefix caching unless the user says so. */
	N("serving.prefix_hit_rate", "Prefix hit rate", "",
	  "fraction of prompt tokens served from the prefix cache",
	  PT_REAL, G_SERVING, 0, 1, 0.05, 0.25, 0, 1, prefix_hit_rate, 0),
	/* From the math module (src/model/model.h, man/infertui-model.7
	 * "Defaults"): 0.020 s per request, from vLLM 0.23 on an L4 (TTFT p50
	 * 27.0 ms at 256 tokens, ~5 ms of it prefill; ai.wmx.dev/benchmarks);
	 * 0 s per step, since vLLM >= 0.6 overlaps the host's per-step work
	 * (single-stream Llama-3.1-8B on A100 within 3% of the kernel time;
	 * engines without overlap: set 1-10 ms). */
	N("serving.request_overhead_s", "Request overhead", "s",
	  "fixed per-request time: scheduling, tokenising, the server's own path",
	  PT_REAL, G_SERVING, 0, 60, 0.005, 0.05, 0.02, 1, request_overhead_s, 0),
	N("serving.step_overhead_s", "Step overhead", "s",
	  "fixed time added to every decode step",
	  PT_REAL, G_SERVING, 0, 1, 0.001, 0.01, 0, 1, step_overhead_s, 0),
	B("serving.speculative", "Speculative decoding",
	  "draft tokens with a small model, verify with the target", G_SERVING, 0,
	  speculative, 0),
	/* 0.1: a ~7B draft for a ~70B target; gamma 4 and alpha 0.7 are in the
	 * range Leviathan et al. 2023 report (alpha 0.5-0.9). */
	N("serving.draft_cost_ratio", "Draft cost ratio", "",
	  "draft step time / target step time r",
	  PT_REAL, G_SERVING, 0, 1, 0.01, 0.1, 0.1, 1, draft_cost_ratio, 0),
	N("serving.draft_tokens", "Draft tokens", "", "tokens drafted per round gamma",
	  PT_INT, G_SERVING, 1, 64, 1, 4, 4, 1, draft_tokens, 0),
	N("serving.acceptance", "Acceptance rate", "", "per-token acceptance alpha",
	  PT_REAL, G_SERVING, 0, 0.99, 0.05, 0.1, 0.7, 1, acceptance, 0),

	/* ---- workload ---- */
	/* 500 in / 200 out: the seed's Option C workload. */
	N("workload.input_tokens", "Input tokens", "tokens", "mean prompt length",
	  PT_REAL, G_WORKLOAD, 1, 16777216, 1.25, 4, 500, 1, input_tokens, LG),
	N("workload.output_tokens", "Output tokens", "tokens", "mean generated length",
	  PT_REAL, G_WORKLOAD, 1, 16777216, 1.25, 4, 200, 1, output_tokens, LG),
	C("workload.output_distribution", "Output lengths",
	  "distribution of output lengths (static batching waits for the longest)",
	  G_WORKLOAD, dist, 0, output_distribution, 0),
	/* 1e6/day: a mid-size product (the seed's Option C uses 500k). */
	N("workload.requests_per_day", "Requests/day", "req/day", "daily request volume",
	  PT_REAL, G_WORKLOAD, 1, 1e13, 1.25, 10, 1e6, 1, requests_per_day, LG),
	/* 2: peak hour twice the daily mean, assumed. */
	N("workload.peak_factor", "Peak factor", "x", "peak-hour rate / daily mean rate",
	  PT_REAL, G_WORKLOAD, 1, 100, 0.1, 1, 2, 1, peak_factor, 0),
	/* SLOs assumed for an interactive chat product: TTFT 2 s, 100 ms per
	 * token (10 tok/s, faster than reading), whole answer within 60 s. */
	N("workload.ttft_slo_s", "TTFT SLO (p95)", "s", "time to first token, 95th percentile",
	  PT_REAL, G_WORKLOAD, 0.001, 3600, 1.25, 4, 2, 1, ttft_slo_s, LG),
	N("workload.tpot_slo_ms", "TPOT SLO", "ms", "time per output token",
	  PT_REAL, G_WORKLOAD, 0.1, 100000, 1.25, 4, 100, 1e-3, tpot_slo_s, LG),
	N("workload.e2e_slo_s", "E2E SLO", "s", "whole request, end to end",
	  PT_REAL, G_WORKLOAD, 0.001, 86400, 1.25, 4, 60, 1, e2e_slo_s, LG),
	/* three nines: a common service-level target, assumed. */
	N("workload.availability", "Availability target", "", "fraction of time the service must be up",
	  PT_REAL, G_WORKLOAD, 0.5, 0.999999, 0.001, 0.01, 0.999, 1, availability, 0),

	/* ---- fleet (fleet.regions: a list, handled by config/preset.c) ---- */
	N("fleet.min_replicas", "Min replicas", "per region", "smallest replica count per region",
	  PT_INT, G_FLEET, 0, 1000000, 1, 10, 1, 1, min_replicas, 0),
	N("fleet.spares", "Spares", "per region", "extra replicas per region (N+k)",
	  PT_INT, G_FLEET, 0, 100000, 1, 10, 0, 1, spares, 0),
	/* 0.99: one replica's own uptime, assumed (a node with 8 GPUs fails now
	 * and then; spares cover it). */
	N("fleet.replica_availability", "Replica availability", "",
	  "one replica's own uptime, for the availability estimate",
	  PT_REAL, G_FLEET, 0.5, 1, 0.001, 0.01, 0.99, 1, replica_availability, 0),

	/* ---- pricing ---- */
	N("pricing.reserved_discount", "Reserved discount", "",
	  "discount of reserved capacity against on-demand (0.40 = 40% off)",
	  PT_REAL, G_PRICING, 0, 0.95, 0.05, 0.1, 0, 1, reserved_discount, 0),
	/* 730 h: 8760 h / 12 (model.md §7). */
	N("pricing.hours_per_month", "Hours per month", "h", "billed hours per month",
	  PT_REAL, G_PRICING, 1, 744, 1, 10, 730, 1, hours_per_month, 0),
	/* GPT-4o-mini: $0.15 / $0.60 per 1M tokens (reference-figures.md B5;
	 * the seed's Option C). */
	N("pricing.api_input_per_m", "API input price", "$/1M tokens", "API price per million input tokens",
	  PT_REAL, G_PRICING, 0, 1000, 0.05, 1, 0.15, 1e-6, api_input_per_token, 0),
	N("pricing.api_output_per_m", "API output price", "$/1M tokens", "API price per million output tokens",
	  PT_REAL, G_PRICING, 0, 1000, 0.05, 1, 0.60, 1e-6, api_output_per_token, 0),
};

#define NPARAMS (sizeof(table) / sizeof(table[0]))

static const char *const group_names[G_COUNT] = {
	"Model", "Precision", "Hardware", "Serving", "Workload", "Fleet", "Pricing"
};

const char *params_group_name(enum param_group g)
{
	return (g >= 0 && g < G_COUNT) ? group_names[g] : "?";
}

size_t params_count(void) { return NPARAMS; }

const param *params_at(size_t i) { return i < NPARAMS ? &table[i] : NULL; }

const param *params_find(const char *key)
{
	if (!key)
		return NULL;
	for (size_t i = 0; i < NPARAMS; i++)
		if (strcmp(table[i].key, key) == 0)
			return &table[i];
	return NULL;
}

size_t params_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1 / 2;
	size_t prev[65], cur[65];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			size_t m = sub < del ? sub : del;
			cur[j] = m < ins ? m : ins;
		}
		memcpy(prev, cur, (lb + 1) * sizeof(size_t));
	}
	return prev[lb];
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

/* Nearest candidate within `limit` edits; ties go to the longer common
 * prefix.  A word that begins a candidate (h100 -> h100-sxm) wins first. */
static const char *nearest_within(const char *word, const char *const *cands,
                                  size_t n, size_t limit)
{
	size_t len = strlen(word);
	if (len >= 3)
		for (size_t i = 0; i < n; i++)
			if (cands[i] && strncmp(cands[i], word, len) == 0 && cands[i][len])
				return cands[i];
	const char *best = NULL;
	size_t bestd = (size_t)-1, bestp = 0;
	for (size_t i = 0; i < n; i++) {
		if (!cands[i])
			continue;
		size_t d = params_edit_distance(word, cands[i]);
		size_t cp = common_prefix(word, cands[i]);
		if (d < bestd || (d == bestd && cp > bestp)) {
			bestd = d;
			bestp = cp;
			best = cands[i];
		}
	}
	return (best && bestd > 0 && bestd <= limit) ? best : NULL;
}

const char *params_nearest(const char *word, const char *const *cands, size_t n)
{
	size_t len = strlen(word);
	return nearest_within(word, cands, n, len < 8 ? 2 : len / 4 + 1);
}

const char *params_suggest(const char *key)
{
	if (!key)
		return NULL;
	const char *keys[NPARAMS + 1];
	for (size_t i = 0; i < NPARAMS; i++)
		keys[i] = table[i].key;
	keys[NPARAMS] = "fleet.regions";
	const char *dot = strchr(key, '.');
	const char *name = dot ? dot + 1 : key;
	/* the right name in the wrong group: serving.input_tokens */
	for (size_t i = 0; i <= NPARAMS; i++) {
		const char *kd = strchr(keys[i], '.');
		if (strcmp(kd + 1, name) == 0 && strcmp(keys[i], key) != 0)
			return keys[i];
	}
	/* a typo: judged on the length of the name, not of the whole key */
	size_t nl = strlen(name);
	const char *best = nearest_within(key, keys, NPARAMS + 1, nl < 8 ? 2 : nl / 4 + 1);
	if (best)
		return best;
	/* a near miss of the name in another group */
	for (size_t i = 0; i <= NPARAMS; i++) {
		const char *kd = strchr(keys[i], '.');
		if (nl > 4 && params_edit_distance(name, kd + 1) == 1)
			return keys[i];
	}
	return NULL;
}

/* ---- where a value lives ---- */

int params_compute_prec(const scenario *s)
{
	if (s->compute != PREC_AUTO && s->compute >= 0 && s->compute < PREC_COUNT)
		return s->compute;
	/* scenario.h: AUTO is fp8 for fp8 weights, otherwise bf16 */
	return s->weights == PREC_FP8 ? PREC_FP8 : PREC_BF16;
}

static size_t field_offset(const scenario *s, const param *p)
{
	if (p->flags & PF_COMPUTE_FLOPS)
		return p->offset + (size_t)params_compute_prec(s) * sizeof(double);
	return p->offset;
}

static void *field(scenario *s, const param *p)
{
	return (char *)s + field_offset(s, p);
}

static const void *cfield(const scenario *s, const param *p)
{
	return (const char *)s + field_offset(s, p);
}

/* stored value (SI; choice: the enum value) */
static double raw_get(const scenario *s, const param *p)
{
	const void *f = cfield(s, p);
	switch (p->type) {
	case PT_INT: case PT_CHOICE: return *(const int *)f;
	case PT_REAL: return *(const double *)f;
	case PT_BOOL: return *(const bool *)f ? 1 : 0;
	default: return 0;
	}
}

static int choice_index(const param *p, int v)
{
	for (size_t i = 0; p->choices[i]; i++)
		if ((p->choice_values ? p->choice_values[i] : (int)i) == v)
			return (int)i;
	return -1;
}

static int choice_value(const param *p, size_t i)
{
	return p->choice_values ? p->choice_values[i] : (int)i;
}

/* ---- numbers ---- */

/* "%.10g" without the "e+" noise: 1e+13 -> 1e13.  Re-parseable. */
static void fmt_num(char *buf, size_t len, double v)
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%.10g", v);
	char *e = strstr(tmp, "e+");
	if (e)
		memmove(e + 1, e + 2, strlen(e + 2) + 1);
	snprintf(buf, len, "%s", tmp);
}

/* Strict decimal: [+-]?(digits[.digits]|.digits)([eE][+-]?digits)?  */
static bool is_decimal(const char *t)
{
	const char *c = t;
	bool digits = false;
	if (*c == '+' || *c == '-')
		c++;
	while (isdigit((unsigned char)*c)) {
		c++;
		digits = true;
	}
	if (*c == '.') {
		c++;
		while (isdigit((unsigned char)*c)) {
			c++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*c == 'e' || *c == 'E') {
		c++;
		if (*c == '+' || *c == '-')
			c++;
		if (!isdigit((unsigned char)*c))
			return false;
		while (isdigit((unsigned char)*c))
			c++;
	}
	return *c == '\0';
}

int params_parse_number(const char *text, double *out)
{
	if (!is_decimal(text))
		return -1;
	errno = 0;
	char *end;
	double v = strtod(text, &end);
	if (*end != '\0')
		return -1;
	if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL))
		return -2;
	if (!isfinite(v))
		return -2;
	if (errno == ERANGE)   /* underflow: a denormal or zero, say what it is */
		v = 0;
	*out = v;
	return 0;
}

static void range_text(const param *p, char *buf, size_t len)
{
	char a[32], b[32];
	fmt_num(a, sizeof a, p->min);
	fmt_num(b, sizeof b, p->max);
	snprintf(buf, len, "%s to %s", a, b);
}

static void choices_text(const param *p, char *buf, size_t len)
{
	size_t n = params_choice_count(p), o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && o + 1 < len; i++) {
		int w = snprintf(buf + o, len - o, "%s%s", i ? ", " : "",
		                 params_choice_name(p, i));
		if (w < 0)
			break;
		o += (size_t)w;
		if (o >= len) {
			o = len - 1;
			break;
		}
	}
}

static void trim_copy(char *dst, size_t len, const char *src)
{
	while (isspace((unsigned char)*src))
		src++;
	size_t n = strlen(src);
	while (n > 0 && isspace((unsigned char)src[n - 1]))
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int parse_bool(const char *t, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };
	for (int i = 0; i < 4; i++) {
		if (strcasecmp(t, yes[i]) == 0) { *out = true; return 0; }
		if (strcasecmp(t, no[i]) == 0) { *out = false; return 0; }
	}
	return -1;
}

static void store(scenario *s, const param *p, double user)
{
	void *f = field(s, p);
	switch (p->type) {
	case PT_INT: *(int *)f = (int)llround(user); break;
	case PT_REAL: *(double *)f = user * p->scale; break;
	case PT_BOOL: *(bool *)f = user != 0; break;
	case PT_CHOICE: {
		long i = lround(user);
		size_t n = params_choice_count(p);
		if (i < 0) i = 0;
		if ((size_t)i >= n) i = (long)n - 1;
		*(int *)f = choice_value(p, (size_t)i);
		break;
	}
	default: break;
	}
}

int params_set_text(scenario *s, const param *p, const char *text,
                    char *err, size_t errlen)
{
	char t[256], allowed[1200];
	if (!s || !p || !text) {
		snprintf(err, errlen, "no value");
		return -1;
	}
	trim_copy(t, sizeof t, text);
	/* print the value as the user wrote it, but never a whole novel */
	char shown[64];
	size_t tl = strlen(t);
	if (tl > 60) {
		memcpy(shown, t, 56);
		memcpy(shown + 56, "...", 4);
	} else {
		memcpy(shown, t, tl + 1);
	}

	switch (p->type) {
	case PT_INT:
	case PT_REAL: {
		double v;
		range_text(p, allowed, sizeof allowed);
		if (t[0] == '\0') {
			snprintf(err, errlen, "value is empty (allowed: %s)", allowed);
			return -1;
		}
		int rc = params_parse_number(t, &v);
		if (rc == -1) {
			snprintf(err, errlen, "value '%s' is not a number (allowed: %s)",
			         shown, allowed);
			return -1;
		}
		if (rc == -2 || v < p->min || v > p->max) {
			snprintf(err, errlen, "value '%s' out of range (allowed: %s)",
			         shown, allowed);
			return -1;
		}
		if (p->type == PT_INT && v != floor(v)) {
			snprintf(err, errlen,
			         "value '%s' is not a whole number (allowed: %s)",
			         shown, allowed);
			return -1;
		}
		store(s, p, v);
		return 0;
	}
	case PT_BOOL: {
		bool b;
		if (parse_bool(t, &b) != 0) {
			snprintf(err, errlen, "value '%s' is not a boolean "
			         "(allowed: true, false, yes, no, on, off, 1, 0)", shown);
			return -1;
		}
		*(bool *)field(s, p) = b;
		return 0;
	}
	case PT_CHOICE:
		for (size_t i = 0; p->choices[i]; i++)
			if (strcasecmp(t, p->choices[i]) == 0) {
				*(int *)field(s, p) = choice_value(p, i);
				return 0;
			}
		choices_text(p, allowed, sizeof allowed);
		snprintf(err, errlen, "unknown choice '%s' (allowed: %s)", shown, allowed);
		return -1;
	case PT_MODEL:
	case PT_GPU: {
		char low[ID_MAX + 1];
		size_t n = strlen(t);
		if (n < sizeof low) {
			for (size_t i = 0; i <= n; i++)
				low[i] = (char)tolower((unsigned char)t[i]);
			if (p->type == PT_MODEL) {
				const model_spec *m = catalog_model(low);
				if (m) {
					s->model = *m;
					return 0;
				}
			} else {
				const gpu_spec *g = catalog_gpu(low);
				if (g) {
					s->gpu = *g;
					return 0;
				}
			}
		}
		size_t nc = params_choice_count(p);
		const char *names[256];
		if (nc > 256)
			nc = 256;
		for (size_t i = 0; i < nc; i++)
			names[i] = params_choice_name(p, i);
		const char *near = params_nearest(t, names, nc);
		choices_text(p, allowed, sizeof allowed);
		char dym[ID_MAX + 32] = "";
		if (near)
			snprintf(dym, sizeof dym, ", did you mean '%s'?", near);
		snprintf(err, errlen, "unknown %s '%s'%s (allowed: %s)",
		         p->type == PT_MODEL ? "model" : "accelerator", shown, dym,
		         allowed);
		return -1;
	}
	}
	snprintf(err, errlen, "internal: unknown parameter type");
	return -1;
}

/* The shortest decimal u such that parsing u and scaling gives back x
 * exactly, so that get_text -> set_text is the identity. */
void params_format_exact(char *buf, size_t len, double x, double scale)
{
	double u = scale == 1 ? x : x / scale;
	char tmp[64];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, u);
		double back = strtod(tmp, NULL);
		if ((scale == 1 ? back : back * scale) == x)
			goto done;
	}
	/* u·scale rounds off x: search the neighbours of u */
	double lo = u, hi = u;
	for (int k = 0; k < 64; k++) {
		lo = nextafter(lo, -INFINITY);
		hi = nextafter(hi, INFINITY);
		if (lo * scale == x) { u = lo; break; }
		if (hi * scale == x) { u = hi; break; }
	}
	snprintf(tmp, sizeof tmp, "%.17g", u);
done:;
	/* plain form for everyday magnitudes: 500, not 5e+02 */
	double a = fabs(strtod(tmp, NULL));
	if (strchr(tmp, 'e') && a >= 1e-4 && a < 1e7) {
		char alt[64];
		for (int dec = 0; dec <= 17; dec++) {
			snprintf(alt, sizeof alt, "%.*f", dec, strtod(tmp, NULL));
			if (strtod(alt, NULL) == strtod(tmp, NULL)) {
				memcpy(tmp, alt, sizeof alt);
				break;
			}
		}
	}
	char *e = strstr(tmp, "e+");
	if (e)
		memmove(e + 1, e + 2, strlen(e + 2) + 1);
	snprintf(buf, len, "%s", tmp);
}

void params_get_text(const scenario *s, const param *p, char *buf, size_t len)
{
	const void *f = cfield(s, p);
	switch (p->type) {
	case PT_INT: snprintf(buf, len, "%d", *(const int *)f); break;
	case PT_REAL: params_format_exact(buf, len, *(const double *)f, p->scale); break;
	case PT_BOOL: snprintf(buf, len, "%s", *(const bool *)f ? "true" : "false"); break;
	case PT_CHOICE: {
		int i = choice_index(p, *(const int *)f);
		snprintf(buf, len, "%s", i >= 0 ? p->choices[i] : "?");
		break;
	}
	case PT_MODEL: snprintf(buf, len, "%s", s->model.id); break;
	case PT_GPU: snprintf(buf, len, "%s", s->gpu.id); break;
	}
}

double params_get(const scenario *s, const param *p)
{
	switch (p->type) {
	case PT_REAL: return raw_get(s, p) / p->scale;
	case PT_CHOICE: {
		int i = choice_index(p, *(const int *)cfield(s, p));
		return i < 0 ? 0 : i;
	}
	case PT_MODEL:
		for (size_t i = 0; i < catalog_model_count(); i++)
			if (strcmp(catalog_model_at(i)->id, s->model.id) == 0)
				return (double)i;
		return 0;
	case PT_GPU:
		for (size_t i = 0; i < catalog_gpu_count(); i++)
			if (strcmp(catalog_gpu_at(i)->id, s->gpu.id) == 0)
				return (double)i;
		return 0;
	default: return raw_get(s, p);
	}
}

static double clampd(double v, double lo, double hi)
{
	if (!(v >= lo)) return lo;   /* also catches NaN */
	if (v > hi) return hi;
	return v;
}

void params_set(scenario *s, const param *p, double v)
{
	if (p->type == PT_MODEL || p->type == PT_GPU) {
		size_t n = params_choice_count(p);
		if (n == 0)
			return;
		long i = lround(clampd(v, 0, (double)(n - 1)));
		char e[8];
		(void)params_set_text(s, p, params_choice_name(p, (size_t)i), e, sizeof e);
		return;
	}
	v = clampd(v, p->min, p->max);
	if (p->type == PT_INT)
		v = round(v);
	store(s, p, v);
}

/* lower end of a log slider: min, or for a range starting at 0 a point
 * six decades below max (position 0 itself is 0). */
static double log_lo(const param *p)
{
	return p->min > 0 ? p->min : p->max * 1e-6;
}

void params_step(scenario *s, const param *p, int dir, bool big)
{
	if (dir == 0)
		return;
	dir = dir > 0 ? 1 : -1;
	if (p->type == PT_BOOL) {
		bool *b = field(s, p);
		*b = !*b;
		return;
	}
	if (p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU) {
		long n = (long)params_choice_count(p);
		if (n <= 0)
			return;
		long i = lround(params_get(s, p)) + dir;
		i = ((i % n) + n) % n;
		params_set(s, p, (double)i);
		return;
	}
	double v = params_get(s, p), nv;
	double st = big ? p->big_step : p->step;
	if (p->flags & PF_LOG) {
		double lo = log_lo(p);
		if (v <= 0)
			nv = dir > 0 ? lo : 0;
		else if (dir > 0)
			nv = v * st;
		else {
			nv = v / st;
			if (nv < lo)
				nv = p->min;
		}
		if (p->type == PT_INT) {
			nv = dir > 0 ? ceil(nv) : floor(nv);
			if (nv == v)
				nv = v + dir;
		}
	} else {
		/* snap to the step grid so repeated steps give round numbers */
		double k = dir > 0 ? floor(v / st + 1e-9) + 1 : ceil(v / st - 1e-9) - 1;
		nv = k * st;
		if (fabs(nv) < st * 1e-9)
			nv = 0;
	}
	params_set(s, p, nv);
}

double params_position(const scenario *s, const param *p)
{
	double v = params_get(s, p);
	double lo = p->min, hi = p->max;
	if (p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU) {
		size_t n = params_choice_count(p);
		return n > 1 ? v / (double)(n - 1) : 0;
	}
	if (hi <= lo)
		return 0;
	if (p->flags & PF_LOG) {
		double l = log_lo(p);
		if (v <= l)
			return 0;
		return clampd(log(v / l) / log(hi / l), 0, 1);
	}
	return clampd((v - lo) / (hi - lo), 0, 1);
}

void params_set_position(scenario *s, const param *p, double pos)
{
	pos = clampd(pos, 0, 1);
	if (p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU) {
		size_t n = params_choice_count(p);
		if (n > 0)
			params_set(s, p, round(pos * (double)(n - 1)));
		return;
	}
	double v;
	if (p->flags & PF_LOG) {
		double l = log_lo(p);
		v = pos <= 0 ? p->min : l * exp(pos * log(p->max / l));
	} else {
		v = p->min + pos * (p->max - p->min);
	}
	params_set(s, p, v);
}

/* The catalog entry's bytes that a PF_FROM_* row reads (NULL when the
 * entry is unknown): the same field, inside the catalog's struct. */
static const void *catalog_field(const scenario *s, const param *p)
{
	size_t off = field_offset(s, p);
	if (p->flags & PF_FROM_MODEL) {
		const model_spec *m = catalog_model(s->model.id);
		return m ? (const char *)m + (off - offsetof(scenario, model)) : NULL;
	}
	if (p->flags & PF_FROM_GPU) {
		const gpu_spec *g = catalog_gpu(s->gpu.id);
		return g ? (const char *)g + (off - offsetof(scenario, gpu)) : NULL;
	}
	return NULL;
}

static const char default_model[] = "llama-3.1-8b";
static const char default_gpu[] = "h100-sxm";

bool params_is_default(const scenario *s, const param *p)
{
	if (p->type == PT_MODEL)
		return strcmp(s->model.id, default_model) == 0;
	if (p->type == PT_GPU)
		return strcmp(s->gpu.id, default_gpu) == 0;
	const void *f = cfield(s, p);
	if (p->flags & (PF_FROM_MODEL | PF_FROM_GPU)) {
		const void *c = catalog_field(s, p);
		if (!c)
			return false;
		switch (p->type) {
		case PT_INT: case PT_CHOICE: return *(const int *)c == *(const int *)f;
		case PT_REAL: return *(const double *)c == *(const double *)f;
		case PT_BOOL: return *(const bool *)c == *(const bool *)f;
		default: return false;
		}
	}
	if (p->type == PT_REAL)
		return raw_get(s, p) == p->def * p->scale;
	if (p->type == PT_CHOICE)
		return *(const int *)f == choice_value(p, (size_t)p->def);
	return raw_get(s, p) == p->def;
}

const char *params_provenance(const scenario *s, const param *p)
{
	static char buf[SOURCE_MAX + 16];
	if (!params_is_default(s, p))
		return "set";
	if (p->flags & PF_FROM_MODEL) {
		const model_spec *m = catalog_model(s->model.id);
		snprintf(buf, sizeof buf, "catalog: %s", m ? m->source : "?");
		return buf;
	}
	if (p->flags & PF_FROM_GPU) {
		const gpu_spec *g = catalog_gpu(s->gpu.id);
		bool eff = strcmp(p->key, "hardware.mbu") == 0 ||
		           strcmp(p->key, "hardware.mfu") == 0;
		snprintf(buf, sizeof buf, "catalog: %s",
		         g ? (eff ? g->eff_source : g->source) : "?");
		return buf;
	}
	return "default";
}

size_t params_choice_count(const param *p)
{
	if (p->type == PT_MODEL)
		return catalog_model_count();
	if (p->type == PT_GPU)
		return catalog_gpu_count();
	if (p->type == PT_BOOL)
		return 2;
	size_t n = 0;
	if (p->choices)
		while (p->choices[n])
			n++;
	return n;
}

const char *params_choice_name(const param *p, size_t i)
{
	if (p->type == PT_MODEL) {
		const model_spec *m = catalog_model_at(i);
		return m ? m->id : "";
	}
	if (p->type == PT_GPU) {
		const gpu_spec *g = catalog_gpu_at(i);
		return g ? g->id : "";
	}
	if (p->type == PT_BOOL)
		return i ? "true" : "false";
	return (p->choices && i < params_choice_count(p)) ? p->choices[i] : "";
}

const char *params_prec_name(int prec)
{
	static const char *const names[PREC_COUNT] = {
		"fp32", "bf16", "fp16", "fp8", "int8", "int4" };
	if (prec == PREC_AUTO)
		return "auto";
	return (prec >= 0 && prec < PREC_COUNT) ? names[prec] : "?";
}

int params_validate(const scenario *s, char *err, size_t errlen, const char **key)
{
	const model_spec *m = &s->model;
	const char *k = NULL;
	if (m->kv_heads > m->heads) {
		k = "model.kv_heads";
		snprintf(err, errlen, "value '%d' is more than model.heads (allowed: 1 to %d)",
		         m->kv_heads, m->heads);
	} else if (m->experts_active > m->experts) {
		k = "model.experts_active";
		snprintf(err, errlen, "value '%d' is more than model.experts (allowed: 1 to %d)",
		         m->experts_active, m->experts);
	} else if (m->dense_layers > m->layers) {
		k = "model.dense_layers";
		snprintf(err, errlen, "value '%d' is more than model.layers (allowed: 0 to %d)",
		         m->dense_layers, m->layers);
	} else if (m->head_dim == 0 && m->hidden % m->heads != 0) {
		k = "model.head_dim";
		snprintf(err, errlen, "is 0 (hidden / heads) but hidden %d is not a multiple "
		         "of heads %d (allowed: set head_dim explicitly)", m->hidden, m->heads);
	} else if (s->speculative && s->acceptance >= 1) {
		k = "serving.acceptance";
		snprintf(err, errlen, "must be below 1 (allowed: 0 to 0.99)");
	}
	if (key)
		*key = k;
	return k ? -1 : 0;
}

void scenario_defaults(scenario *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < NPARAMS; i++) {
		const param *p = &table[i];
		if (p->type == PT_MODEL || p->type == PT_GPU ||
		    (p->flags & (PF_FROM_MODEL | PF_FROM_GPU)))
			continue;
		if (p->type == PT_CHOICE)
			*(int *)field(s, p) = choice_value(p, (size_t)p->def);
		else
			store(s, p, p->def);
	}
	/* model.md's running example and the calibration's hardware: Llama 3.1
	 * 8B on one H100 SXM (shapes and specs with their sources in src/catalog/) */
	const model_spec *m = catalog_model(default_model);
	if (m)
		s->model = *m;
	const gpu_spec *g = catalog_gpu(default_gpu);
	if (g)
		s->gpu = *g;
	/* one region at the base price */
	s->n_regions = 1;
	memcpy(s->regions[0].name, "us-east-1", sizeof "us-east-1");   /* rest is 0 */
	s->regions[0].share = 1;
	s->regions[0].price_factor = 1;
}
