/* model.h — the shared math module (see ../shared/design/model.md).
 *
 * Pure C: no I/O, no curses, no globals, no allocation.  Every figure infertui
 * shows is computed here from a const scenario.  model_eval() fills a results
 * struct; the smaller functions are exported so that tests (and the TUI's
 * batch chart) can call each formula alone.
 */
#ifndef INFERTUI_MODEL_H
#define INFERTUI_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include "scenario.h"

/* Defaults chosen by the math module (copy into params.c; sources in
 * man/infertui-model.7, "Defaults"):
 *   serving.request_overhead_s = 0.020 s: vLLM 0.23 (V1) on an L4 serving
 *     Qwen2.5-0.5B, 256-token prompts at concurrency 1, measured TTFT p50
 *     27.0 ms (ai.wmx.dev/benchmarks); the prefill kernels are 6.3 ms of
 *     it (this module), the rest (20.7 ms, rounded down) the server's path.
 *   serving.step_overhead_s = 0 s: vLLM >= 0.6 (multi-step / async
 *     scheduling, V1) hides the host's per-step work behind the GPU step;
 *     measured single-stream decode (Llama-3.1-8B, A100-40GB, vLLM 0.23:
 *     75 tok/s = 13.3 ms, johnmusgrave.com) is within 2% of this module's
 *     kernel time (13.49 ms), and the L4 run above decodes at 5.1 ms
 *     where the kernels take 5.1 ms: nothing left to add.  (Both with
 *     the assumed efficiencies and per-layer time.)  vLLM
 *     0.5.3 spent 62% of each step on the host (blog.vllm.ai/2024/09/05/
 *     perf-update.html): set ~1-10 ms for engines without overlap.
 * and for the catalog's gpu_spec (NVLink GPUs):
 *   alpha_s = 20e-6 s: 8xH100 NCCL all-reduce, 4 B to 1 MiB, measured
 *     ~20-25 us (marin-community/marin issue #6736); 2 GPUs with NVLS and
 *     CUDA graphs ~6 us (NVIDIA/nccl issue #1259).
 *   overhead_bytes = 3 GiB: vLLM memory profile of Llama-3-8B on one H100,
 *     non-torch 1.79 GiB + activation peak 1.26 GiB (vllm PR #10511). */
#define MODEL_MAX_NOTES 12
#define MODEL_NOTE_LEN 200
/* replica shapes one evaluation remembers (the scenario's own, and each
 * option's GPUs-per-replica candidates) */
#define MODEL_SEARCH_SHAPES 64

/* §1 parameter counts (each already scaled by model.params_b when given). */
typedef struct {
	double attn;               /* per layer */
	double mlp;                /* one expert's (or the dense) MLP, per layer */
	double layers;             /* P_layers, all experts */
	double layers_active;      /* P_layers_active, k experts (+ shared) */
	double head;               /* P_head (LM head matmul) */
	double embed;              /* P_embed (0 when tied) */
	double total;              /* P_total */
	double active;             /* P_layers_active + P_head + P_embed */
	double flops_per_token;    /* 2·(P_layers_active + P_head) */
	double routed;             /* routed-expert params, all MoE layers (in
	                              layers; a step reads the touched share) */
} model_params;

/* Which limit sets the effective batch. */
enum batch_limit { LIMIT_MAX_BATCH, LIMIT_KV_MEMORY, LIMIT_NO_FIT };

/* One decode step or one prefill, roofline terms. */
typedef struct {
	double bytes;              /* per GPU */
	double flops;              /* per GPU */
	double memory_s;           /* bytes / (BW·η_m) */
	double compute_s;          /* flops / (F·η_c) */
	double comm_s;             /* tensor-parallel collectives */
	double fixed_s;            /* per-step fixed overhead */
	double total_s;
	bool compute_bound;
} phase_time;

typedef struct {
	char name[ID_MAX];
	double lambda;             /* peak arrivals/s in the region */
	int replicas;              /* serving replicas incl. spares */
	int instances;             /* instances (or GPU groups) they occupy */
	double utilisation;        /* mean load / capacity */
	double usd_per_month;      /* on demand */
	/* added by fleet */
	double share;              /* traffic share (1 for the implicit region) */
	double mean_lambda;        /* mean arrivals/s (daily average) */
	int needed;                /* serving replicas the peak load needs */
	double rho;                /* peak load per replica / R_max, all replicas up */
	double availability;       /* P(at least `needed` replicas up) */
	/* added by the fix helper.  `instances` above: the headline fleet
	 * rents accelerators by the hour, so each replica's T devices are one
	 * "instance" (instances == replicas); whole cloud instances are the
	 * options' (option_result.instances). */
	int gpus;                  /* accelerators: replicas × T */
	/* added by the operating-point work */
	int spares;                /* replicas beyond what the peak needs (and
	                              min_replicas): fleet.spares, or more when
	                              workload.availability needs them */
} region_result;

typedef struct {
	char name[ID_MAX];
	int kind;                  /* enum option_kind */
	double monthly_on_demand_usd;
	double monthly_reserved_usd;
	double annual_usd;         /* 12 × reserved for instances; 365 days for api */
	int replicas_total;
	int instances_total;
	int instances_needed;      /* what the load needs (for fixed counts) */
	bool meets_slo;            /* fits and every SLO holds at the peak (api:
	                              assumed); see also meets */
	char notes[MODEL_NOTE_LEN];
	/* added by fleet (kind instances) */
	bool fits;
	int gpus_per_replica;
	int replicas_per_instance;     /* 0 when a replica spans instances */
	int batch;                     /* effective batch on that hardware */
	double requests_per_s;         /* R_max of one replica */
	double slo_requests_per_s;     /* SLO capacity of one replica */
	double usd_per_instance_hour;  /* base price (before region factors) */
	int replicas[MAX_REGIONS];     /* per region, as r->regions */
	int instances[MAX_REGIONS];
	double api_daily_usd;          /* kind api */
	/* added by ownrent (infertui-model(7), "Own, rent or both") */
	double usd_per_instance_hour_region[MAX_REGIONS]; /* instances, spot: as billed there */
	double horizon_usd;            /* the TCO over pricing.horizon_months */
	/* kind owned: instances are servers (or devices) */
	double purchase_usd;           /* all servers, paid up front */
	double capital_month;          /* depreciation (or annuity), all servers */
	double energy_month;           /* electricity at the option's utilisation */
	double colo_month;
	double ops_month;
	double utilisation;            /* mean load / capacity of its replicas */
	double power_kw;               /* mean IT draw, all servers */
	double break_even_months;      /* cash, vs `versus` on demand; -1 never */
	double break_even_reserved_months; /* vs `versus` reserved; -1 never */
	char versus[ID_MAX];           /* the rented option it is compared with */
	/* kind spot */
	int extra_spares;              /* replicas the interruptions add, all regions */
	double spot_availability;      /* one spot replica's uptime */
	/* kind hybrid (regions pooled) */
	int base_replicas;             /* at the chosen base share */
	int peak_replicas;             /* replicas the peak hour needs */
	double base_month, burst_month, burst_share;
	int best_base_replicas;        /* the cheapest split */
	double best_base_share, best_month;
	/* added by the operating-point work (kind instances) */
	int slo_batch;                 /* the batch its SLO capacity is at (0: none) */
	double availability;           /* traffic-weighted, as results.availability */
	bool meets_availability;       /* availability >= workload.availability */
	bool meets;                    /* fits, meets_slo and meets_availability */
} option_result;

/* Energy of one replica at full load, or of the fleet at its mean load
 * (output tokens; facility figures include the PUE). */
typedef struct {
	double power_w;                /* IT power */
	double tokens_per_s;           /* output tokens per second */
	double joules_per_token;
	double kwh_per_1m;
	double usd_per_1m;
	double tokens_per_s_per_mw;
} energy_result;

/* Why the operating batch is what it is (results.op). */
enum op_reason {
	OP_MAX_BATCH,              /* serving.max_batch, and every SLO holds there */
	OP_KV_MEMORY,              /* the batch KV memory holds, SLOs hold there */
	OP_SLO,                    /* the largest batch meeting the SLOs (binding
	                              names the SLO that stops a larger one) */
	OP_NO_SLO_BATCH,           /* no batch meets the SLOs (binding: those that
	                              fail at batch 1): figures at the effective
	                              batch, the fleet sized on throughput alone */
	OP_NO_FIT                  /* the model does not fit: batch 0 */
};

/* The one operating point: the configuration the fleet is priced at.  Every
 * headline figure of results (latency, throughput, cost, KV in use, fleet)
 * describes it; the effective maximum batch is the secondary at_max. */
typedef struct {
	int batch;                 /* the operating batch (0 only: does not fit) */
	int max_batch;             /* the effective batch (= results.batch) */
	enum op_reason reason;
	unsigned binding;          /* SLO_* bits (fleet.h), see enum op_reason */
	char text[MODEL_NOTE_LEN]; /* "SLO-limited by E2E p95; max 64" */
	/* whether the fleet priced at this point serves the target: it fits,
	 * every SLO holds, the availability target is reached and the fleet
	 * could be sized; unmet says the first that does not ("" when met) */
	bool meets;
	bool sized;                /* false: the load needs more replicas than
	                              can be counted; no fleet price */
	char unmet[MODEL_NOTE_LEN];
} operating_point;

/* One replica at the effective (maximum) batch, without queueing: the
 * secondary figures when the operating batch is smaller. */
typedef struct {
	int batch;
	double step_s, tpot_s;
	double ttft_s;             /* t_req + prefill, no queue */
	double e2e_s;              /* ttft_s + out·TPOT, no queue */
	double requests_per_s, output_tokens_per_s;
	double usd_per_1k_output_tokens, usd_per_1m_tokens;
	double kv_in_use_bytes;
	bool ttft_ok, tpot_ok, e2e_ok;  /* even with no queue */
} batch_point;

typedef struct {
	/* model */
	model_params p;
	double weights_bytes;      /* W */
	double weights_read_bytes; /* W_read per step, whole replica */

	/* memory */
	double kv_bytes_per_token;
	double kv_bytes_per_request;   /* under the chosen KV manager */
	double kv_mha_bytes_per_request; /* the seed's 2·L·H·S·bytes, for comparison */
	double replica_memory_bytes;   /* T·mem_gpu */
	double usable_bytes;
	double overhead_bytes;         /* T·overhead_gpu */
	double kv_room_bytes;          /* may be negative: weights do not fit */
	long max_concurrency;
	int batch;                     /* effective b: the largest batch KV memory
	                                  and serving.max_batch allow (the
	                                  headline figures are at op.batch) */
	enum batch_limit batch_limit;
	bool fits;
	int min_gpus_to_fit;           /* 0 = none up to the search limit */
	double fragmentation_waste;    /* 1 - mean_used/allocated */
	double kv_in_use_bytes;        /* b·mean_used·kv_tok */
	double kv_wasted_bytes;        /* b·(allocated - mean_used)·kv_tok */

	/* latency */
	int compute_prec;              /* resolved enum prec */
	phase_time step;               /* one decode step at b, mean context */
	phase_time prefill;            /* one prompt of input_tokens */
	double prefill_interference_s; /* (b/out)·t_prefill per step */
	double tpot_s;
	double ttft_s;                 /* mean: t_req + prefill + queue */
	double ttft_p95_s;
	double queue_s;                /* mean queueing delay */
	double e2e_s;
	/* speculative decoding (valid when scenario.speculative) */
	double spec_tokens_per_round;
	double spec_round_s;
	double spec_speedup;           /* TPOT without / with */

	/* throughput, one replica */
	double requests_per_s;         /* R_max under the chosen batching */
	double output_tokens_per_s;
	double continuous_requests_per_s;
	double static_requests_per_s;
	double batch1_requests_per_s;
	double expected_max_output;    /* E[max of b lengths] for static */
	double mbu;                    /* achieved during a decode step */
	double mfu;
	double error_band;             /* ± fraction a time figure (step, TPOT,
	                                  TTFT, prefill) may be off: from the
	                                  fit's cross-validation, wider for
	                                  assumed chips and formats */

	/* cost, one replica */
	double replica_usd_per_hour;
	double usd_per_1k_output_tokens;
	double usd_per_1m_tokens;
	double usd_per_request;
	double tokens_per_usd;

	/* SLOs */
	bool ttft_ok, tpot_ok, e2e_ok;
	double slo_requests_per_s;     /* SLO capacity of one replica (0: none) */
	int slo_batch;                 /* batch size that achieves it */
	/* added by fleet */
	unsigned slo_failing;          /* SLO_* bits (fleet.h) failing at batch 1 when slo_requests_per_s == 0 */
	double e2e_p95_s;              /* E2E with the p95 queueing delay */
	double queue_p95_s;            /* p95 queueing delay */
	double rho;                    /* per-replica load at peak (worst region) */
	double peak_requests_per_s;    /* λ summed over regions */
	double mean_requests_per_s;    /* D / 86400 */
	/* added by the fix helper */
	double slo_batch_requests_per_s;       /* R_max at slo_batch (0: none) */
	double usd_per_1k_output_tokens_at_slo; /* replica $/h over R_max·out at
	                                          slo_batch (0: no SLO batch) */

	/* the operating point, and the max-batch point beside it */
	operating_point op;
	batch_point at_max;

	/* fleet */
	int n_regions;
	region_result regions[MAX_REGIONS];
	int replicas_total;
	double utilisation;
	double availability;           /* estimate of the fleet's availability */
	double fleet_usd_per_hour;

	/* tco */
	double monthly_usd;            /* on demand */
	double monthly_reserved_usd;
	double annual_usd;
	int n_options;
	option_result options[MAX_OPTIONS];

	/* api */
	double api_daily_usd;
	double api_annual_usd;
	double break_even_requests_per_day;  /* 0 = never */
	double api_usd_per_request;          /* added by fleet */

	/* energy and horizon (added by ownrent); energy is all zeros when the
	 * accelerator has no power figure (gpu.system_w) */
	energy_result energy_replica;  /* one replica at full load (R_max) */
	energy_result energy_fleet;    /* the fleet at its mean utilisation */
	double energy_kwh_month;       /* fleet, facility */
	double energy_usd_month;
	double usd_per_kwh;            /* fleet average over its regions */
	double horizon_months;
	double horizon_usd;            /* headline fleet: reserved month x horizon */

	/* notes */
	int n_notes;
	char notes[MODEL_MAX_NOTES][MODEL_NOTE_LEN];

	/* Where this evaluation's SLO-batch searches ended, one slot per
	 * replica shape (accelerator × GPUs per replica) in the order they were
	 * met.  model_eval does not clear it: the next call on the same results
	 * starts its searches there, so a slider step costs a few points per
	 * search instead of a bisection.  Any content gives the same figures;
	 * only the work differs. */
	int search_hint[MODEL_SEARCH_SHAPES];
} results;

/* One replica's performance at a given batch size, under the scenario's
 * batching mode (used by the SLO search, the options and the TUI's chart). */
typedef struct {
	int batch;
	double step_s;             /* one decode iteration at this batch */
	double prefill_s;          /* one prompt */
	double tpot_s;             /* step + prefill interference (+ speculative) */
	double requests_per_s;     /* R_max at this batch */
	double output_tokens_per_s;
	double ttft_s;             /* t_req + the prefill a request waits for:
	                              one prompt (continuous) or the whole
	                              batch's prompts (static); no queueing */
} replica_perf;

/* gpu/gpus: the accelerator and T to use (the scenario's own, or an option's). */
void model_replica_perf(const scenario *s, const gpu_spec *gpu, int gpus,
                        const model_params *p, int batch, replica_perf *out);
/* The effective batch (KV memory and max_batch) on that hardware; 0 when the
 * weights do not fit. */
int model_max_batch(const scenario *s, const gpu_spec *gpu, int gpus,
                    const model_params *p);

/* Fill *r from *s.  Never produces NaN or inf for a scenario that passed
 * validation; "does not fit" is reported, not an error.
 * Every headline figure (latency, throughput, cost, KV in use, fleet) is
 * at the operating batch r->op.batch, where the fleet is priced (the
 * largest batch meeting the SLOs, or the effective batch r->batch when
 * they hold there); r->at_max keeps the effective batch's figures, and
 * r->op says why, and whether the fleet meets the target.
 * (math module, model.c:) When nothing fits, batch = 0 and batch_limit =
 * LIMIT_NO_FIT, while latency, throughput and cost are computed at batch 1
 * as if it fitted (a note says so), and model_fleet does not size a fleet
 * on them (op.reason OP_NO_FIT, op.sized false: the counts and prices held
 * as 0 are not a price; SLO flags false, a note).  Every field is
 * written, whatever r held before (zeroed first, or written whatever the
 * scenario: model.c says which), except the entries of regions[] and
 * options[] past n_regions / n_options (model_fleet writes each entry up
 * to them), the note texts past n_notes and search_hint; the math module
 * writes at most 8 notes, leaving the rest to model_fleet. */
void model_eval(const scenario *s, results *r);
/* model_eval without the notes: every figure is model_eval's (the same
 * doubles: tests/unit/test_properties.c compares them), n_notes is 0 and
 * the instance and API options' notes are empty (op.text and op.unmet are
 * written).  For the callers that evaluate many configurations and read
 * only figures: the search, the sensitivity, the charts.  The notes are a
 * tenth of an evaluation. */
void model_eval_figures(const scenario *s, results *r);

/* The pieces, each testable alone. */
void model_count_params(const model_spec *m, model_params *p);
double model_bits_per_weight(int prec, int group_size);
double model_weight_bytes(const scenario *s, const model_params *p);
double model_kv_bytes_per_token(const scenario *s);
int model_compute_prec(const scenario *s);
/* Time functions take the accelerator and T explicitly so that options can
 * be evaluated on other hardware than the scenario's own. */
void model_decode_step(const scenario *s, const gpu_spec *g, int gpus,
                       const model_params *p, int batch, double context,
                       phase_time *t);
void model_prefill(const scenario *s, const gpu_spec *g, int gpus,
                   const model_params *p, double prompt, phase_time *t);
double model_allreduce_s(const gpu_spec *g, int gpus, double msg_bytes);
double model_expected_max(int dist, double mean, int b);
double model_usd_per_1k(double usd_per_hour, double tokens_per_s);
/* What results.error_band is made of, as text ("cross-validated fit 9%,
 * +10% assumed chip efficiencies"); see infertui-model(7), "Error band". */
void model_error_band_basis(const scenario *s, const gpu_spec *g, char *buf,
                            size_t n);

#endif
