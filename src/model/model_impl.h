/* model_impl.h — the replica model's internal interface (size, memory,
 * time, batching: params_count.c, memory.c, latency.c, batching.c), for the
 * rest of src/model/ and its unit tests.  Public API: model.h. */
#ifndef INFERTUI_MODEL_IMPL_H
#define INFERTUI_MODEL_IMPL_H

#include <stdbool.h>
#include "model/model.h"
#include "model/units.h"


/* Bits of the embedding and LM-head matrices (16 under int4/int8 when
 * scenario.embeddings_16bit, else the weights' own). */
double model_head_bits(const scenario *s);
/* Bits per KV-cache value for a precision (fp32 32, 16-bit 16, fp8/int8 8,
 * int4 4). */
double model_kv_bits(int prec);
/* The same inline (the KV bytes per token, the KV format's efficiency and
 * the seed's MHA figure each want it, once an evaluation). */
static inline double model_kv_bits_of(int prec)
{
	switch (prec) {
	case PREC_FP32:
		return 32;
	case PREC_FP8:
	case PREC_INT8:
		return 8;
	case PREC_INT4:
		return 4;
	default:
		return 16;
	}
}
/* Weight bytes one forward pass over `tokens` tokens reads (whole replica):
 * every matrix but the input embedding; for MoE only the routed experts the
 * tokens touch, E·(1 − (1 − k/E)^tokens) per layer. */
double model_weights_read_bytes(const scenario *s, const model_params *p,
                                double tokens);
/* The share of routed experts `tokens` tokens touch: 1 − (1 − k/E)^tokens. */
double model_expert_share(const model_spec *m, double tokens);
/* Compute precision on a given accelerator: the scenario's choice (or the
 * PREC_AUTO rule), falling back to bf16, fp16, fp32, fp8, int8 when the
 * accelerator has no peak for it. */
int model_compute_prec_on(const scenario *s, const gpu_spec *g);
/* Peak FLOP/s of g at precision prec (rate-guarded). */
double model_peak_flops(const gpu_spec *g, int prec);
/* The two above, inline: a replica's set-up (model_hw_init,
 * model_hw_set_gpu: a few to an evaluation) wants both, and the calls
 * cost as much as their bodies. */
static inline int model_compute_prec_of(const scenario *s, const gpu_spec *g)
{
	int c = s->compute;
	if (c < 0 || c >= PREC_COUNT)   /* PREC_AUTO */
		c = s->weights == PREC_FP8 ? PREC_FP8 : PREC_BF16;
	if (g->flops[c] > 0)
		return c;
	static const int order[] = { PREC_BF16, PREC_FP16, PREC_FP32, PREC_FP8,
	                             PREC_INT8 };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (g->flops[order[i]] > 0)
			return order[i];
	return c;
}

static inline double model_peak_flops_of(const gpu_spec *g, int prec)
{
	if (prec < 0 || prec >= PREC_COUNT)
		return 1;
	return model_rate(g->flops[prec]);
}
/* FLOPs of attention per (query, key) pair per layer: 4·n_h·d_h; under MLA
 * 2·n_h·(2·d_c + d_rope) in decode (absorbed form, reading the latent) and
 * 2·n_h·(d_h + d_rope + d_v) in prefill (expanded form). */
double model_attn_pair_flops(const model_spec *m, bool decode);
/* Both at once (model_hw_init wants both). */
void model_attn_pair_flops2(const model_spec *m, double *decode,
                            double *prefill);

/* The efficiency model (man infertui-model(7), "Time" and "Calibration").
 * Constants of the joint fit to every calibration point (tests/calib/fit.py
 * prints them and the residual table; test_model_calib checks the table):
 *   κ       overlap of memory and compute in one pass: t = max + κ·min
 *   φ_fp8   share of the 16-bit MBU that fp8 weight kernels reach (scales,
 *           activation quantisation): fitted on Llama-3.1-8B fp8, H100
 * Assumed (no calibration point; the error band widens, see below):
 *   φ_wo    int8/int4 weight-only kernels (dequantise, then a 16-bit
 *           product): taken as fp8's, the one quantised format measured
 *   φ_kv8   8-bit (and 4-bit) KV cache: idem (dequantise in attention)
 * Measured ceilings:
 *   ψ_lowp  fp8/int8 tensor path's share of its peak against bf16's:
 *           (1503.3/1978.9)/(784.1/989.4) = 0.9586, the H100's 8192^3 GEMMs */
#define MODEL_OVERLAP_KAPPA 0.380
#define MODEL_PHI_FP8 0.695
#define MODEL_PHI_WEIGHT_ONLY 0.95
#define MODEL_PHI_KV_8BIT MODEL_PHI_FP8
#define MODEL_LOWP_COMPUTE 0.9586

/* Error band of a time figure (± fraction, infertui-model(7), "Error
 * band"): the leave-one-model-out 90th percentile |error| of the fit,
 * widened for chips whose efficiencies come from measured ceilings only,
 * for chips with assumed efficiencies, and for weight and KV formats no
 * calibration point covers. */
#define MODEL_BAND_FIT 0.09
#define MODEL_BAND_CEILINGS 0.03
#define MODEL_BAND_ASSUMED 0.10
#define MODEL_BAND_FORMAT 0.15
double model_error_band(const scenario *s, const gpu_spec *g);

/* Achieved MBU of a stream of x bytes per layer per device and achieved
 * MFU at k = H/T hidden columns per device. */
double model_mbu_at(const gpu_spec *g, double bytes_per_layer);
double model_mfu_at(const gpu_spec *g, double hidden_per_gpu);
/* φ of a weight or KV precision (1 for 16 and 32 bits) and ψ of a compute
 * precision (1 but for fp8/int8/int4). */
double model_weight_format_eff(int prec);
double model_kv_format_eff(int prec);
double model_compute_format_eff(int prec);
/* max(m, c) + κ·min(m, c) (inline: every pass, and every probe of an SLO
 * search, takes it) */
static inline double model_overlap_s(double kappa, double memory_s,
                                     double compute_s)
{
	return memory_s > compute_s
		? memory_s + kappa * compute_s
		: compute_s + kappa * memory_s;
}

/* The constants of one (scenario, accelerator, T): built once, so that a
 * decode step or a prefill is a few multiplications (model_eval runs a
 * million times a second; the SLO search calls the perf many times). */
typedef struct model_hw {
	const scenario *s;
	int gpus;
	double T, L, H;
	double kv_tok;             /* KV bytes per token */
	double pair_dec, pair_pre; /* attention FLOPs per (query, key) pair per layer */
	double w_base;             /* bytes of every read matrix but routed experts */
	double w_routed;           /* bytes of all routed experts */
	double f_tok;              /* 2·(P_layers_active + P_head) − f_routed */
	double f_layers, f_head;   /* 2·P_layers_active − f_routed, 2·P_head */
	double f_routed;           /* 2·(routed experts' active params) */
	double bw_eff;             /* BW·mbu */
	double w_scale, kv_scale;  /* 1/φ of the weight and KV formats */
	double kappa;              /* overlap κ (MODEL_OVERLAP_KAPPA; a field so
	                              that the calibration test can refit it) */
	double layer_s;            /* L·t_layer = L·mbu_half_bytes/(BW·mbu) */
	double f_eff;              /* F(prec)·ψ(prec)·mfu(H/T) */
	/* the accelerator's figures that mfu(H/T) takes, for a new T
	 * (model_hw_regpus): F(prec)·ψ(prec), the MFU and k_half */
	double f_peak, mfu, k_half;
	/* products that every pass divides or multiplies by, set with their
	 * factors (model_hw_init, model_hw_regpus): the same doubles as
	 * written out in each pass.  Not w_base·w_scale: the calibration
	 * test refits w_scale (as kappa) after the set-up. */
	double tbw, tfe;           /* T·bw_eff, T·f_eff */
	double two_l, k_ring;      /* 2L; 2(T−1)/T, the ring's share */
	double link_bw, alpha;
	double fixed;              /* t_fixed */
	double hit;                /* prefix hit rate h */
	/* The scenario's request, which no T or accelerator changes (a shape
	 * made over by model_hw_regpus or model_hw_set_gpu keeps them): its
	 * tokens, guarded once here for
	 * model_perf_at_pre, and the T-free factors of the SLO search's
	 * prepared figures (model_slo_prep). */
	double in, out;            /* model_in_tokens, model_out_tokens */
	double out_eff;            /* out, at least 1 (per-token figures) */
	double t_req;              /* request overhead */
	double dec_ctx;            /* in + out/2, capped as model_hw_decode does */
	double dec_f1;             /* f_tok + pair_dec·ctx·L: FLOPs a sequence */
	double pre_tok;            /* S_new = S·(1 − h): one prompt's new tokens */
	double pre_kv;             /* S_new·kv_tok: its KV bytes */
	double pre_f;              /* f_layers·S_new + f_head
	                              + pair_pre·L·S_new·(S − S_new/2) */
	bool slo_fast;             /* continuous batching, not speculative:
	                              model_slo_prep applies (without routed
	                              experts: model_decode_prep) */
	int prec;
} model_hw;   /* struct model_hw: fleet.h names it without this header */
void model_hw_init(model_hw *c, const scenario *s, const gpu_spec *g,
                   int gpus, const model_params *p);
/* model_mfu_at from the accelerator's MFU and k_half (guarded) */
static inline double model_mfu_of(double mfu, double k0, double k)
{
	k = model_nonneg(k);
	if (k0 == 0)
		return mfu;
	return k > 0 ? mfu * k / (k + k0) : 0;
}
/* c, set up for an accelerator that performs as g does, made over for
 * T = gpus devices: all that depends on T (T itself and the achieved
 * FLOP/s F(prec)·ψ(prec)·mfu(H/T)); the same figures as model_hw_init
 * for g and gpus, without working the rest out again.  Inline: a few
 * multiplications, once per replica shape. */
static inline void model_hw_regpus(model_hw *c, const gpu_spec *g, int gpus)
{
	/* g performs as the accelerator c was set up for: what of it T
	 * needs is in c already (f_peak, mfu, k_half) */
	(void)g;
	c->gpus = gpus > 0 ? gpus : 1;
	c->T = c->gpus;
	c->f_eff = c->f_peak * model_mfu_of(c->mfu, c->k_half, c->H / c->T);
	if (!(c->f_eff >= 1))
		c->f_eff = 1;
	c->tbw = c->T * c->bw_eff;
	c->tfe = c->T * c->f_eff;
	c->k_ring = 2 * (c->T - 1) / c->T;
}
/* c, set up for the same scenario and model_params on any accelerator,
 * made over for g × gpus: all that depends on the accelerator (rates,
 * compute precision, link), the rest (the model, the request) kept; the
 * same figures as model_hw_init for g and gpus (test_fleet compares the
 * bytes). */
void model_hw_set_gpu(model_hw *c, const gpu_spec *g, int gpus);
void model_hw_decode(const model_hw *c, double batch, double context,
                     double q, phase_time *t);
void model_hw_prefill(const model_hw *c, double prompt, double nseq,
                      phase_time *t);
double model_hw_weights_read(const model_hw *c, double tokens);
/* model_hw_decode(c, batch, c->dec_ctx, 1, t), the same doubles: a
 * decode step at the scenario's mean context (model_perf_at_pre's). */
void model_hw_decode_mean(const model_hw *c, double batch, phase_time *t);
/* model_hw_prefill(c, c->in, nseq, t) for a whole nseq >= 1, the same
 * doubles, from the scenario's prompt's terms that model_hw_init keeps
 * (pre_tok, pre_f): model_eval's one prompt, static batching's batch. */
void model_hw_prefill_in(const model_hw *c, double nseq, phase_time *t);
/* The parts of one pass (latency.c's hw_pass, and the SLO search's
 * prepared steps below): memory and compute time per device of the
 * matrix products outside the routed experts, the two all-reduces per
 * layer, and the pass time from its two groups, each max(m, c) +
 * κ·min(m, c), plus those and the fixed time (at least a picosecond:
 * rates stay finite).  Inline: a search evaluates them per batch size. */
static inline double model_hw_mem_s(const model_hw *c, double kv_bytes)
{
	/* (W/φ_w + KV/φ_kv)/(T·BW·mbu) + L·t_layer */
	return (c->w_base * c->w_scale + kv_bytes * c->kv_scale) / c->tbw
		+ c->layer_s;
}

static inline double model_hw_comm_s(const model_hw *c, double tokens)
{
	/* two all-reduces per layer of tokens·H 16-bit activations:
	 * 2L·(2(T−1)/T·msg/BW_link + α); no link bandwidth: latency only */
	if (c->gpus <= 1)
		return 0;
	double msg = model_nonneg(tokens * c->H * 2);
	return c->two_l * ((c->link_bw > 0 ? c->k_ring * msg / c->link_bw : 0)
	                   + c->alpha);
}

static inline double model_hw_pass_total(const model_hw *c, double m_dense,
                                         double c_dense, double m_routed,
                                         double c_routed, double comm_s,
                                         double fixed_s)
{
	double t = model_overlap_s(c->kappa, m_dense, c_dense)
		+ (m_routed > 0 || c_routed > 0
		   ? model_overlap_s(c->kappa, m_routed, c_routed) : 0)
		+ comm_s + fixed_s;
	/* at least 1e-12, NaN too: > rather than >= (the same value at
	 * t = 1e-12) is one maxsd */
	return t > 1e-12 ? t : 1e-12;
}

/* The same for a pass without routed experts (the prepared steps, and
 * hw_pass for a dense model): the same double, without the + 0 of the
 * absent group, which gcc keeps (x + 0 is x but for x = −0, and a zero
 * total becomes 1e-12 either way). */
static inline double model_hw_pass_dense(const model_hw *c, double m_dense,
                                         double c_dense, double comm_s,
                                         double fixed_s)
{
	double t = model_overlap_s(c->kappa, m_dense, c_dense) + comm_s
		+ fixed_s;
	return t > 1e-12 ? t : 1e-12;
}

/* A decode step at the scenario's mean context (in + out/2) for any batch
 * (an SLO search tries several batch sizes): model_hw_decode's total_s at
 * q = 1, the same double, for a model without routed experts
 * (model_decode_prep returns false for one with them).  test_properties
 * checks the two agree to the bit. */
typedef struct {
	const model_hw *c;
	double ctx;           /* the context, capped as model_hw_decode does */
	double f1;            /* f_tok + pair_dec·ctx·L: FLOPs per sequence */
} decode_prep;
static inline bool model_decode_prep(const model_hw *c, decode_prep *d)
{
	/* inline: model_slo_prep (once per replica shape) is its caller */
	if (c->w_routed != 0 || c->f_routed != 0)
		return false;
	d->c = c;
	d->ctx = c->dec_ctx;
	d->f1 = c->dec_f1;
	return true;
}

static inline double model_decode_prep_s(const decode_prep *d, double b)
{
	const model_hw *c = d->c;

	return model_hw_pass_dense(c, model_hw_mem_s(c, b * d->ctx * c->kv_tok),
	                           b * d->f1 / c->tfe, model_hw_comm_s(c, b),
	                           c->fixed);
}

/* A decode forward pass of `batch` sequences at mean context `context`,
 * each computing `q` tokens (q = 1: a decode step; q = gamma + 1: the
 * speculative verify step: same bytes, q-fold FLOPs). */
void model_decode_forward(const scenario *s, const gpu_spec *g, int gpus,
                          const model_params *p, int batch, double context,
                          double q, phase_time *t);
/* Prefill of `nseq` prompts of `prompt` tokens together (static batching
 * prefills a whole batch; model_prefill is nseq = 1). */
void model_prefill_batch(const scenario *s, const gpu_spec *g, int gpus,
                         const model_params *p, double prompt, double nseq,
                         phase_time *t);

/* Speculative decoding (Leviathan et al. 2023). */
typedef struct {
	double tokens_per_round;   /* (1 − α^(γ+1)) / (1 − α) */
	double verify_s;           /* t_verify(b, γ+1) */
	double round_s;            /* γ·r·t_step + t_verify */
	double tpot_s;             /* round / tokens per round */
	double speedup;            /* t_step / tpot_s */
} model_spec_result;
void model_speculative(const model_hw *c, int batch, double context,
                       double step_s, model_spec_result *out);
double model_spec_tokens_per_round(double acceptance, int gamma);

/* Memory fit of one replica (T devices) — model.md §3. */
typedef struct {
	double weights;            /* W (+ the draft's r·W when speculative) */
	double draft_weights;      /* the draft's r·W (0 unless speculative) */
	double replica_memory;     /* T·mem */
	double overhead;           /* T·overhead */
	double usable;             /* T·mem·util − T·overhead */
	double kv_room;            /* usable − W (may be negative) */
	double in, out;            /* model_in_tokens, model_out_tokens */
	double kv_tok;             /* bytes per token (target + draft) */
	double kv_tok1;            /* the target's (model_kv_bytes_per_token) */
	double req_tokens;         /* tokens one request holds at its peak */
	double kv_req;             /* req_tokens·kv_tok */
	double held_kv_req;        /* model_held_kv_per_request's double */
	double usable_per;         /* one device's mem·util − overhead */
	int min_gpus;              /* model_min_gpus_for(weights + kv_req) */
	double mean_used;          /* in + out/2 tokens */
	double allocated;          /* mean tokens allocated per request */
	double waste;              /* 1 − mean_used/allocated */
	long max_concurrency;
	int batch;                 /* 0 when nothing fits */
	enum batch_limit limit;
	bool fits;
	bool over_reservation;     /* contiguous: in + out > reserve_tokens */
} model_fit;
void model_memory_fit(const scenario *s, const gpu_spec *g, int gpus,
                      const model_params *p, model_fit *f);
/* model_hw_init for the scenario whose memory fit (on any accelerator) f
 * is: its KV bytes per token and request tokens are f's, not worked out
 * again. */
void model_hw_init_fit(model_hw *c, const scenario *s, const gpu_spec *g,
                       int gpus, const model_params *p, const model_fit *f);
/* The effective batch (model_memory_fit's) on g × T for a replica of
 * `weights` bytes and `kv_req` bytes of KV per request; 0: does not fit. */
int model_batch_for(const scenario *s, const gpu_spec *g, int gpus,
                    double weights, double kv_req);
/* The same in two steps, for a caller that tries several T of one
 * accelerator: mem·util − overhead of one device (guarded), then the
 * batch for usable = T · that; model_batch_for(s, g, T, w, kv) is
 * model_batch_for_usable(s, T · model_usable_per_gpu(s, g), w, kv). */
double model_usable_per_gpu(const scenario *s, const gpu_spec *g);
int model_batch_for_usable(const scenario *s, double usable, double weights,
                           double kv_req);
/* 1 + r under speculative decoding (the draft's weights and KV as a share
 * r of the target's), else 1. */
double model_draft_factor(const scenario *s);
/* What a replica holds: the weights, and one request's KV at its peak,
 * each with the draft's share under speculative decoding. */
double model_held_weight_bytes(const scenario *s, const model_params *p);
double model_held_kv_per_request(const scenario *s);
/* Tokens one request holds at its peak under the scenario's KV manager. */
double model_request_tokens(const scenario *s);
/* Mean tokens allocated per request (contiguous: the reservation; paged:
 * model_paged_allocated). */
double model_allocated_tokens(const scenario *s, double req_tokens);
/* Paged: in + out/2 + (block − 1)/2, the last block half empty on average. */
double model_paged_allocated(const scenario *s);
/* Bytes of the read matrices but the routed experts, and of all routed
 * experts (W_read = base + routed·share). */
void model_weights_split(const scenario *s, const model_params *p,
                         double *base, double *routed);
/* Smallest T in 1, 2, 4, 8, 16, 24, ... 1024 on g where W plus one
 * request's KV fits; 0 if none. */
int model_min_gpus_to_fit(const scenario *s, const gpu_spec *g,
                          const model_params *p);
/* The same for a given W + one request's KV. */
int model_min_gpus_for(const scenario *s, const gpu_spec *g, double need);
/* Round a real GPU count up to the allowed set (0 if above 1024). */
int model_round_gpus(double t);

/* The replica's notes (notes.c), at most 8: what sets the batch, KV, the
 * roofline, interference, the KV manager, speculative decoding, counting,
 * tensor parallelism. */
void model_replica_notes(const scenario *s, results *r, const model_fit *f,
                         int T);

/* model_usd_per_1k inline (model_eval prices two points, the fleet one
 * per option) */
static inline double model_usd_per_1k_of(double usd_per_hour,
                                         double tokens_per_s)
{
	/* $/h ÷ (tokens/s × 3600 / 1000) */
	return model_ratio(model_cap(usd_per_hour, MODEL_MAX_USD),
	                   tokens_per_s * 3.6);
}

/* H_b, the b-th harmonic number (exact to b = 64, asymptotic beyond). */
double model_harmonic(int b);

/* Everything model_eval computes at one batch size (on c's hardware).
 * full: also the other batching mode's throughput (else only what the
 * scenario's own mode needs: the SLO search stays cheap).  The speculative
 * figures are computed when scenario.speculative (else 1 token per round,
 * speedup 1). */
typedef struct {
	phase_time step;           /* decode step at the batch */
	phase_time prefill;        /* one prompt */
	phase_time prefill_static; /* the batch's prompts together */
	model_spec_result spec;
	double decode_token_s;     /* per token decode time (spec if enabled) */
	double interference_s;     /* (b/out)·t_prefill (continuous) */
	double tpot_s;
	double ttft_s;             /* t_req + prefill waited for */
	double continuous_rps, static_rps, rps;
	double expected_max;       /* when full or static batching, else 0 */
} model_perf;
void model_perf_at(const model_hw *c, int batch, bool full, model_perf *out);
/* The same with one prompt's prefill (model_hw_prefill(c, in, 1)) already
 * computed, when not NULL: it does not depend on the batch. */
void model_perf_at_pre(const model_hw *c, int batch, bool full,
                       const phase_time *prefill1, model_perf *out);
/* A model_perf_at_pre(c, batch, false, ...) made what full gives, the
 * same doubles (model_eval prices its operating batch in full, and only
 * knows it after the max batch's lighter figures). */
void model_perf_make_full(const model_hw *c, int batch, model_perf *o);
/* What an SLO search wants of one batch size: model_perf_at_pre's tpot_s,
 * ttft_s, rps and step.total_s (the same doubles), without the rest;
 * prefill1 is one prompt's prefill (not NULL). */
typedef struct {
	double tpot_s, ttft_s, rps;
	double step_s;        /* the decode step (the max-batch point keeps it) */
} slo_perf;
void model_perf_slo(const model_hw *c, int batch, const phase_time *prefill1,
                    slo_perf *out);
/* model_perf_slo for many batch sizes of one replica: its constants once
 * (model_slo_prep returns false where model_perf_slo takes another path:
 * static batching, speculative decoding, routed experts); prefill1 NULL:
 * one prompt's prefill time is worked out here */
typedef struct {
	decode_prep d;
	double out_eff;       /* output tokens, at least 1 */
	double pre;           /* one prompt's prefill */
	double ttft;          /* t_req + pre */
} slo_prep;
/* one prompt's prefill time (model_hw_prefill(c, in, 1).total_s, the same
 * double, term for term) for a model without routed experts */
static inline double model_prep_prefill1_s(const model_hw *c)
{
	return model_hw_pass_dense(c, model_hw_mem_s(c, c->pre_kv),
	                           c->pre_f / c->tfe,
	                           model_hw_comm_s(c, c->pre_tok), 0);
}

/* prefill1: model_hw_prefill(c, in, 1)'s, or NULL.  Inline: capacity.c
 * prepares every replica shape it sets up. */
static inline bool model_slo_prep(const model_hw *c,
                                  const phase_time *prefill1, slo_prep *p)
{
	/* speculative decoding and static batching take another path */
	if (!c->slo_fast || !model_decode_prep(c, &p->d))
		return false;
	p->out_eff = c->out_eff;
	p->pre = prefill1 ? prefill1->total_s : model_prep_prefill1_s(c);
	p->ttft = c->t_req + p->pre;
	return true;
}

static inline void model_slo_prep_at(const slo_prep *p, int batch,
                                     slo_perf *o)
{
	/* model_perf_at_pre's continuous figures, operation for operation:
	 * TPOT = t_step + (b/out)·t_prefill, R_max = b/(out·t_step + b·t_prefill).
	 * R_max without model_ratio's guard, the same double: t_step and
	 * t_prefill are pass times (at least 1e-12, never NaN) and out ≥ 1,
	 * so the divisor is at least 1e-12 and b/divisor at most 2^31/1e-12 */
	int b = batch > 0 ? batch : 1;
	double step = model_decode_prep_s(&p->d, b);

	o->rps = b / (p->out_eff * step + b * p->pre);
	o->tpot_s = step + b / p->out_eff * p->pre;
	o->ttft_s = p->ttft;
	o->step_s = step;
}



#endif
