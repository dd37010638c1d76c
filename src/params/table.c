/* table.c — the one table of every tunable input (parsing, formatting and
 * slider arithmetic that read it are in value.c, suggestions in suggest.c).
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
	  "bytes per layer per GPU at which achieved MBU is half of mbu: a fixed time per layer (0 = none)",
	  PT_REAL, G_HARDWARE, 0, 100000, 1.25, 4, 0, 1e6, gpu.mbu_half_bytes, FG | ZA),
	N("hardware.mfu_half_hidden", "MFU half point", "columns",
	  "hidden size per GPU (H/T) at which achieved MFU is half of mfu (0 = size-independent)",
	  PT_REAL, G_HARDWARE, 0, 1000000, 1.25, 4, 0, 1, gpu.mfu_half_hidden, FG | ZA),
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
	 * 27.0 ms at 256 tokens, ~6 ms of it prefill; ai.wmx.dev/benchmarks);
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
	/* exponential: real output lengths vary (a chat answer may be 10 or
	 * 1000 tokens); with it continuous batching beats static by H_b, the
	 * seed's measured 2-5x (Anyscale; model.md §5).  "fixed" would make
	 * static batching waste nothing and look better than continuous. */
	C("workload.output_distribution", "Output lengths",
	  "distribution of output lengths (static batching waits for the longest)",
	  G_WORKLOAD, dist, 2, output_distribution, 0),
	/* 1e6/day: a mid-size product (the seed's Option C uses 500k). */
	N("workload.requests_per_day", "Requests/day", "req/day", "daily request volume",
	  PT_REAL, G_WORKLOAD, 1, 1e13, 1.25, 10, 1e6, 1, requests_per_day, LG),
	/* 2: peak hour twice the daily mean, assumed. */
	N("workload.peak_factor", "Peak factor", "x", "peak-hour rate / daily mean rate",
	  PT_REAL, G_WORKLOAD, 1, 100, 0.1, 1, 2, 1, peak_factor, 0),
	/* the daily profile's low point, for the hybrid split (0: the raised
	 * cosine whose trough mirrors the peak, k = 1 in infertui-model(7)) */
	N("workload.trough_factor", "Trough factor", "x",
	  "lowest hour's rate / daily mean (0 = 2 - peak factor, or 0 when the peak factor is 2 or more)",
	  PT_REAL, G_WORKLOAD, 0, 1, 0.05, 0.1, 0, 1, trough_factor, ZA),
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
	 * the seed's Option C).  Logarithmic: API prices span $0.01 to
	 * hundreds per 1M tokens; a step is x1.1 (x2 big), 0 is free. */
	N("pricing.api_input_per_m", "API input price", "$/1M tokens", "API price per million input tokens",
	  PT_REAL, G_PRICING, 0, 1000, 1.1, 2, 0.15, 1e-6, api_input_per_token, LG),
	N("pricing.api_output_per_m", "API output price", "$/1M tokens", "API price per million output tokens",
	  PT_REAL, G_PRICING, 0, 1000, 1.1, 2, 0.60, 1e-6, api_output_per_token, LG),
	/* 12 months: the seed's horizon; 36 is common for owned hardware. */
	N("pricing.horizon_months", "TCO horizon", "months",
	  "months the TCO totals cover (owned hardware is often judged over 36)",
	  PT_REAL, G_PRICING, 1, 120, 1, 12, 12, 1, horizon_months, 0),

	/* ---- own: bought servers or devices ([option.NAME] kind = owned
	 * may override each key); sources in infertui-model(7), "Defaults" */
	N("own.purchase_usd", "Server price", "$",
	  "purchase price of one server (0 = the accelerator's catalog price x devices per server)",
	  PT_REAL, G_OWN, 0, 1e8, 1.25, 4, 0, 1, owned.purchase_usd, ZA | LG),
	/* 36 months: the horizon issue 12 names as common for hardware
	 * (straight line; hyperscalers book servers over 5-6 years) */
	N("own.depreciation_months", "Depreciation", "months",
	  "straight-line depreciation period",
	  PT_REAL, G_OWN, 1, 120, 1, 12, 36, 1, owned.depreciation_months, 0),
	/* 0: no resale value counted (assumed, conservative) */
	N("own.residual", "Residual value", "",
	  "value left after depreciation, as a fraction of the price",
	  PT_REAL, G_OWN, 0, 0.9, 0.05, 0.1, 0, 1, owned.residual, 0),
	/* 0: optional; set e.g. 0.08 to charge the money tied up (annuity) */
	N("own.cost_of_capital", "Cost of capital", "/yr",
	  "annual rate on the money tied up (0 = straight line only)",
	  PT_REAL, G_OWN, 0, 0.5, 0.01, 0.05, 0, 1, owned.cost_of_capital, 0),
	/* 0.2: an H100 SXM at 0% utilisation with 72.8 GB resident draws
	 * 140-145 W of its 700 W (nvidia-smi in github.com/wilicc/gpu-burn
	 * issue #114, 2024-10-25), as a serving engine holding its weights */
	N("own.idle_fraction", "Idle power", "",
	  "power drawn at zero load / full-load power (draw is linear in utilisation)",
	  PT_REAL, G_OWN, 0, 1, 0.05, 0.1, 0.2, 1, owned.idle_fraction, 0),
	/* 1.56: Uptime Institute Global Data Center Survey 2024, average
	 * annual PUE at respondents' largest data center */
	N("own.pue", "PUE", "",
	  "power usage effectiveness: facility power / IT power",
	  PT_REAL, G_OWN, 1, 3, 0.01, 0.1, 1.56, 1, owned.pue, 0),
	/* $0.0895: Virginia commercial average 8.95 c/kWh, EIA Electric
	 * Power Annual (2023 data, released 2024-10-17); regions set their own */
	N("own.usd_per_kwh", "Electricity", "$/kWh",
	  "electricity price where a region gives none",
	  PT_REAL, G_OWN, 0, 2, 0.005, 0.05, 0.0895, 1, owned.usd_per_kwh, 0),
	/* $196/kW-month: North American colocation, 250-500 kW deployments,
	 * H2 2025 (encoradvisors.com, "Data Center Colocation Pricing 2026") */
	N("own.colo_usd_per_kw_month", "Colocation", "$/kW-month",
	  "rack space and power provisioning per kW of full-load power",
	  PT_REAL, G_OWN, 0, 5000, 1, 25, 196, 1, owned.colo_usd_per_kw_month, 0),
	/* $3,317: support at 20% a year of the DGX H100's $199,000 base
	 * price ($39,800/12; supercluster.blog, "NVIDIA DGX Platform") */
	N("own.ops_usd_per_server_month", "Operations", "$/server-month",
	  "support, remote hands and spares per server and month",
	  PT_REAL, G_OWN, 0, 1e6, 50, 500, 3317, 1, owned.ops_usd_per_server_month, 0),
	N("own.lead_months", "Lead time", "months",
	  "months before bought hardware serves; the rented option it is compared with bridges them",
	  PT_REAL, G_OWN, 0, 36, 1, 3, 0, 1, owned.lead_months, 0),
	/* 0.57: p5en.48xlarge spot ~$27.0 vs $63.296 on demand in us-east-1
	 * (dstack PR #4110, 2026): 1 - 27.0/63.296 */
	N("own.spot_discount", "Spot discount", "",
	  "spot price below on-demand (0.57 = 57% off)",
	  PT_REAL, G_OWN, 0, 0.95, 0.01, 0.1, 0.57, 1, spot_discount, 0),
	/* 0.2: the top bucket of AWS's Spot Instance Advisor, ">20%" of
	 * instances interrupted in a month (aws.amazon.com/ec2/spot/instance-advisor) */
	N("own.interruptions_per_month", "Interruptions", "/month",
	  "interruptions per spot replica and month",
	  PT_REAL, G_OWN, 0, 1000, 0.05, 1, 0.2, 1, interruptions_per_month, 0),
	/* 1 h: a new instance, boot and the weights loaded again (assumed) */
	N("own.recovery_h", "Recovery", "h",
	  "hours until an interrupted replica serves again",
	  PT_REAL, G_OWN, 0, 720, 0.25, 4, 1, 1, recovery_h, 0),
	/* 0.5: half of the peak on the base (assumed; the best split is shown
	 * beside it) */
	N("own.base_share", "Base share", "",
	  "owned/reserved base capacity as a share of the peak load; the rest bursts",
	  PT_REAL, G_OWN, 0, 1, 0.05, 0.1, 0.5, 1, base_share, 0),
	/* owning one: power and price come from the catalog entry (each with
	 * its source and date there) */
	N("own.gpu_tdp_w", "TDP per GPU", "W",
	  "the device's own rated power (TDP or board power), for reference; 0 = no figure",
	  PT_REAL, G_OWN, 0, 100000, 1.25, 4, 0, 1, gpu.tdp_w, FG | LG),
	N("own.gpu_devices_per_server", "GPUs per server", "",
	  "devices in the server an owned option buys (0 = 1)",
	  PT_INT, G_OWN, 0, 1024, 1, 8, 0, 1, gpu.devices_per_server, FG),
	N("own.gpu_power_w", "Power per GPU", "W",
	  "whole-system power at full load per device (server power / devices); 0 = no figure",
	  PT_REAL, G_OWN, 0, 100000, 1.25, 4, 0, 1, gpu.system_w, FG | LG),
	N("own.gpu_purchase_usd", "Price per GPU", "$",
	  "purchase price per device as sold in its server (server price / devices); 0 = none known",
	  PT_REAL, G_OWN, 0, 1e7, 1.25, 4, 0, 1, gpu.purchase_usd, FG | LG),
};

#define NPARAMS (sizeof(table) / sizeof(table[0]))

static const char *const group_names[G_COUNT] = {
	"Model", "Precision", "Hardware", "Serving", "Workload", "Fleet", "Pricing",
	"Own"
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

