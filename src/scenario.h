/* scenario.h — the inputs of one evaluation: everything a user can set.
 *
 * Units are SI throughout (bytes, FLOP, seconds, bytes/s, FLOP/s, US dollars);
 * user-facing units (GB, TB/s, ms, $/1M tokens) are converted by the parameter
 * table (src/params/table.c), never here.  Catalog entries (model shapes, accelerators,
 * instances) are copied into the scenario when chosen, so the math module
 * never looks anything up: it reads only this struct.
 */
#ifndef INFERTUI_SCENARIO_H
#define INFERTUI_SCENARIO_H

#include <stdbool.h>

#define ID_MAX 48          /* catalog ids, region and option names */
#define LABEL_MAX 96       /* human-readable names */
#define SOURCE_MAX 160     /* provenance strings */
#define MAX_REGIONS 16
#define MAX_OPTIONS 8
#define MAX_INSTANCE_PRICES 12

/* Precisions.  Weights may be any; the KV cache fp16/bf16/fp8/int8; compute
 * (the tensor-core datatype of the matmuls) fp32/bf16/fp16/fp8/int8. */
enum prec {
	PREC_FP32, PREC_BF16, PREC_FP16, PREC_FP8, PREC_INT8, PREC_INT4,
	PREC_COUNT
};
/* precision.compute: AUTO resolves to fp8 for fp8 weights, int8 is W8A8 only
 * when chosen explicitly, otherwise bf16 (weight-only quantisation computes in
 * 16 bit, as AWQ/GPTQ kernels do). */
#define PREC_AUTO (-1)

enum mlp_kind { MLP_GATED, MLP_PLAIN };
enum batching { BATCH_CONTINUOUS, BATCH_STATIC };
enum kv_manager { KV_PAGED, KV_CONTIGUOUS };
enum out_dist { DIST_FIXED, DIST_UNIFORM, DIST_EXPONENTIAL };

/* Where an accelerator's efficiencies come from (the error band widens
 * from measured to assumed). */
enum eff_basis { EFF_ASSUMED, EFF_CEILINGS, EFF_MEASURED };

/* A model's shape (catalog entry or [model.ID] section). */
typedef struct {
	char id[ID_MAX];
	char label[LABEL_MAX];
	char source[SOURCE_MAX];   /* where the shape comes from */
	int layers;                /* L */
	int hidden;                /* H */
	int heads;                 /* n_h (query heads) */
	int kv_heads;              /* n_kv (GQA); == heads for MHA, 1 for MQA */
	int head_dim;              /* d_h; 0 = hidden / heads */
	int ffn;                   /* d_ff (per expert for MoE) */
	int vocab;                 /* V */
	int experts;               /* E routed experts per MoE layer (1 = dense) */
	int experts_active;        /* k routed experts per token (1 = dense) */
	int shared_experts;        /* always-on experts per MoE layer (DeepSeek: 1) */
	int dense_layers;          /* leading layers with a dense MLP of dense_ffn (DeepSeek-V3: 3) */
	int dense_ffn;             /* their width (0 = ffn) */
	bool tied_embeddings;
	enum mlp_kind mlp;
	int mla_latent;            /* d_c, MLA KV latent (0 = no MLA) */
	int mla_rope;              /* d_rope, decoupled RoPE key size under MLA */
	int q_lora;                /* MLA query low-rank size (0 = full-rank Q) */
	int v_head_dim;            /* MLA value head size (0 = head_dim) */
	int max_context;           /* tokens */
	double params_b;           /* > 0: a model known only by its size (billions),
	                              the P of the 2P rule; see model.md §1 */
} model_spec;

/* One accelerator (catalog entry or [gpu.ID] section).  Figures per device. */
typedef struct {
	char id[ID_MAX];
	char label[LABEL_MAX];
	char source[SOURCE_MAX];      /* spec provenance */
	char eff_source[SOURCE_MAX];  /* provenance of mbu/mfu defaults */
	double mem_bytes;             /* device memory, bytes */
	double bandwidth;             /* memory bandwidth, bytes/s */
	double flops[PREC_COUNT];     /* dense peak FLOP/s (or OP/s) per compute
	                                 precision; 0 = not supported */
	double link_bw;               /* interconnect bandwidth per device,
	                                 bytes/s one direction */
	double alpha_s;               /* latency of one all-reduce, seconds */
	double usd_per_hour;          /* default on-demand price per device-hour */
	double mbu;                   /* default memory-bandwidth efficiency */
	double mfu;                   /* default compute efficiency */
	double overhead_bytes;        /* per-device runtime overhead (activations,
	                                 CUDA graphs, allocator) */
	/* Size-dependent efficiency (man infertui-model(7), "Time"): memory
	 * time = bytes/(BW·mbu) + L·mbu_half_bytes/(BW·mbu) (a fixed time per
	 * layer: achieved MBU is mbu·x/(x + mbu_half_bytes) at x bytes per
	 * layer per device); compute efficiency = mfu·k/(k + mfu_half_hidden)
	 * at k = H/T hidden columns per device.  mbu/mfu are the large-size
	 * limits; 0 here = size-independent. */
	double mbu_half_bytes;        /* bytes per layer per device at half mbu */
	double mfu_half_hidden;       /* hidden columns per device at half mfu */
	int eff_basis;                /* enum eff_basis: where mbu/mfu come from */
	/* Owning one (infertui-model(7), "Own, rent or both"): */
	double tdp_w;                 /* the device's own rated power (TDP / board power) */
	double system_w;              /* whole-system power at full load per device:
	                                 server power / devices_per_server */
	double purchase_usd;          /* price per device as sold in its system
	                                 (server price / devices); 0 = none known */
	int devices_per_server;       /* devices in the system it is sold in */
} gpu_spec;

typedef struct {
	char region[ID_MAX];
	double usd_per_hour;
} region_price;

/* A cloud instance: a number of accelerators sold together. */
typedef struct {
	char id[ID_MAX];
	char gpu[ID_MAX];             /* accelerator id */
	int gpus;                     /* accelerators per instance */
	double usd_per_hour;          /* default on-demand price (us-east-1) */
	char source[SOURCE_MAX];
	int n_prices;
	region_price prices[MAX_INSTANCE_PRICES];
} instance_spec;

/* [region.NAME] */
typedef struct {
	char name[ID_MAX];
	double share;                 /* fraction of daily traffic */
	double price_factor;          /* multiplier on $/h against the base price */
	double usd_per_kwh;           /* electricity; 0 = own.usd_per_kwh */
} region;

/* instances: rented by the hour; api: per token; owned: bought servers (or
 * devices); spot: instances at a discount, with interruptions; hybrid: an
 * owned/reserved base plus a burst to another option. */
enum option_kind { OPT_INSTANCES, OPT_API, OPT_OWNED, OPT_SPOT, OPT_HYBRID };

/* The owned cost model (own.* keys; an [option.NAME] kind = owned may
 * override each: a negative value there means "the scenario's"). */
typedef struct {
	double purchase_usd;          /* per server; 0 = catalog price x devices */
	double depreciation_months;
	double residual;              /* fraction of purchase left after depreciation */
	double cost_of_capital;       /* annual rate */
	double idle_fraction;         /* idle draw / full-load draw */
	double pue;
	double usd_per_kwh;
	double colo_usd_per_kw_month;
	double ops_usd_per_server_month;
	double lead_months;           /* months before it serves (bridged) */
} owned_costs;

/* [option.NAME]: a named deployment alternative for the TCO panel. */
typedef struct {
	char name[ID_MAX];
	char label[LABEL_MAX];
	enum option_kind kind;
	/* kind instances */
	char instance[ID_MAX];        /* instance id */
	int instances_per_region;     /* fixed count per region; 0 = sized from demand */
	double usd_per_hour;          /* per instance; 0 = catalog price */
	int gpus_per_replica;         /* 0 = smallest that fits in one instance */
	instance_spec inst;           /* resolved from the catalog by config */
	gpu_spec gpu;                 /* resolved from the catalog by config */
	/* kind api */
	double api_input_per_token;   /* $ per input token  (INI: per 1M) */
	double api_output_per_token;  /* $ per output token (INI: per 1M) */
	/* kind owned: accelerator (gpu) and instances_per_region (servers per
	 * region; 0 = sized) as above; inst is a server of
	 * gpu.devices_per_server devices at $0/h */
	owned_costs own;              /* each < 0 = the scenario's own.* */
	/* kind spot: as instances, plus (each < 0 = the scenario's own.*) */
	double spot_discount;
	double interruptions_per_month;
	double recovery_h;
	/* kind hybrid */
	char base[ID_MAX];            /* an owned or instances option (reserved) */
	char burst[ID_MAX];           /* an instances or api option (on demand) */
	double base_share;            /* < 0 = the scenario's own.base_share */
} option;

typedef struct {
	/* model.* */
	model_spec model;

	/* precision.* */
	int weights;                  /* enum prec */
	int group_size;               /* int4 group size */
	int kv_cache;                 /* enum prec */
	int compute;                  /* enum prec or PREC_AUTO */
	bool embeddings_16bit;        /* keep embedding/LM head 16-bit under int4/int8 */

	/* hardware.* */
	gpu_spec gpu;
	int gpus;                     /* T: devices per replica (tensor parallel) */

	/* serving.* */
	int batching;                 /* enum batching */
	int max_batch;
	int kv_manager;               /* enum kv_manager */
	int block_tokens;
	int reserve_tokens;           /* contiguous reservation per request */
	double memory_utilization;    /* fraction of device memory the engine takes */
	double prefix_hit_rate;       /* h */
	double request_overhead_s;    /* t_req */
	double step_overhead_s;       /* t_fixed per decode step */
	bool speculative;
	double draft_cost_ratio;      /* r */
	int draft_tokens;             /* gamma */
	double acceptance;            /* alpha_s */

	/* workload.* */
	double input_tokens;
	double output_tokens;
	int output_distribution;      /* enum out_dist */
	double requests_per_day;
	double peak_factor;
	double ttft_slo_s;
	double tpot_slo_s;
	double e2e_slo_s;
	double availability;          /* target, e.g. 0.999 */

	/* fleet.* */
	int n_regions;
	region regions[MAX_REGIONS];
	int min_replicas;             /* per region */
	int spares;                   /* N+k per region */
	double replica_availability;  /* one replica's own uptime, for the estimate */

	/* pricing.* */
	double reserved_discount;     /* 0.40 = 40% off on-demand */
	double hours_per_month;       /* 730 */
	double api_input_per_token;   /* $ per token (INI: per 1M) */
	double api_output_per_token;
	double horizon_months;        /* TCO horizon (12; 36 is common for hardware) */

	/* own.* (defaults for the options of those kinds) */
	owned_costs owned;
	double spot_discount;         /* 0.57 = 57% off on-demand */
	double interruptions_per_month;  /* per replica */
	double recovery_h;            /* back in service after an interruption */
	double base_share;            /* hybrid: base capacity / peak load */
	double trough_factor;         /* daily trough / mean; 0 = max(0, 2 - peak) */

	/* [option.NAME] */
	int n_options;
	option options[MAX_OPTIONS];

	/* not model inputs: carried with a preset */
	char description[LABEL_MAX * 2]; /* [preset] description */
	char ui_theme[ID_MAX];           /* [ui] theme ("" = default) */
} scenario;

#endif
