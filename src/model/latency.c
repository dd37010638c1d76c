/* latency.c — model.md §4: roofline time of a decode step, a prefill, the
 * tensor-parallel all-reduce and speculative decoding.  See
 * man/infertui-model.7, "Time", "Error band" and "Calibration". */
#include <math.h>
#include <stdio.h>
#include "model/model_impl.h"

static double eff(double e)
{
	/* an efficiency of 0 (unset) or out of range: peak; at least 1e-6 */
	if (!(e > 0 && e <= 1))
		return 1;
	return e > 1e-6 ? e : 1e-6;
}

/* Achieved MBU of a stream of x bytes per layer per device:
 * mbu·x/(x + x_half) (x_half/(BW·mbu) is the fixed time per layer). */
double model_mbu_at(const gpu_spec *g, double x)
{
	double x0 = model_nonneg(g->mbu_half_bytes);
	x = model_nonneg(x);
	if (x0 == 0)
		return eff(g->mbu);
	return x > 0 ? eff(g->mbu) * x / (x + x0) : 0;
}

/* Achieved MFU of a matrix product whose weight matrices give each device
 * k = H/T columns of the hidden size: mfu·k/(k + k_half).  Tokens per pass
 * do not enter: a pass of few tokens is limited by its weight reads, which
 * the memory term and the overlap carry (infertui-model(7), "Time"). */
double model_mfu_at(const gpu_spec *g, double k)
{
	return model_mfu_of(eff(g->mfu), model_nonneg(g->mfu_half_hidden), k);
}

double model_weight_format_eff(int prec)
{
	switch (prec) {
	case PREC_FP8:
		return MODEL_PHI_FP8;
	case PREC_INT8:
	case PREC_INT4:
		return MODEL_PHI_WEIGHT_ONLY;
	default:
		return 1;
	}
}

double model_kv_format_eff(int prec)
{
	return model_kv_bits_of(prec) < 16 ? MODEL_PHI_KV_8BIT : 1;
}

double model_compute_format_eff(int prec)
{
	return (prec == PREC_FP8 || prec == PREC_INT8 || prec == PREC_INT4)
		? MODEL_LOWP_COMPUTE : 1;
}

/* 0: not given (latency only); else at least 1 byte/s */
static double link_bw(const gpu_spec *g)
{
	return g->link_bw > 0 ? model_rate(g->link_bw) : 0;
}

/* Ring all-reduce: 2(T−1)/T of the message crosses each link, plus the
 * per-collective latency α.  No link bandwidth given: latency only
 * (model_eval notes it). */
static double allreduce(double T, double bw, double alpha, double msg)
{
	double xfer = bw > 0 ? 2 * (T - 1) / T * model_nonneg(msg) / bw : 0;
	return xfer + alpha;
}

double model_allreduce_s(const gpu_spec *g, int gpus, double msg_bytes)
{
	if (gpus <= 1)
		return 0;
	return allreduce(gpus, link_bw(g), model_cap(g->alpha_s, MODEL_MAX_SECONDS),
	                 msg_bytes);
}

/* The pass time from its two groups of matrix products (the routed
 * experts' at their own tokens, everything else at the pass's):
 * model_hw_pass_total, with the memory and compute times beside it. */
static void finish(const model_hw *c, phase_time *t, double m_dense,
                   double c_dense, double m_routed, double c_routed)
{
	t->memory_s = m_dense + m_routed;
	t->compute_s = c_dense + c_routed;
	t->compute_bound = t->compute_s > t->memory_s;
	t->total_s = model_hw_pass_total(c, m_dense, c_dense, m_routed, c_routed,
	                                 t->comm_s, t->fixed_s);
}

/* model_hw_set_gpu, inline in model_hw_init too (MODEL_HOT: gcc would
 * keep the call) */
MODEL_HOT void hw_set_gpu(model_hw *c, const gpu_spec *g, int gpus)
{
	c->bw_eff = model_rate(g->bandwidth) * eff(g->mbu);
	c->layer_s = model_cap(g->mbu_half_bytes, MODEL_MAX_BYTES) * c->L / c->bw_eff;
	c->prec = model_compute_prec_of(c->s, g);
	c->f_peak = model_peak_flops_of(g, c->prec)
		* model_compute_format_eff(c->prec);
	c->mfu = eff(g->mfu);
	c->k_half = model_nonneg(g->mfu_half_hidden);
	model_hw_regpus(c, g, gpus);
	c->link_bw = link_bw(g);
	c->alpha = model_cap(g->alpha_s, MODEL_MAX_SECONDS);
}

void model_hw_set_gpu(model_hw *c, const gpu_spec *g, int gpus)
{
	hw_set_gpu(c, g, gpus);
}

/* model_hw_init with the terms a memory fit has worked out: the KV bytes
 * per token (model_kv_bytes_per_token) and the request's tokens
 * (model_in_tokens, model_out_tokens).  Inline in both callers, as
 * hw_set_gpu in it: one call an evaluation instead of three. */
MODEL_HOT void hw_init(model_hw *c, const scenario *s, const gpu_spec *g,
                       int gpus, const model_params *p, double kv_tok,
                       double in, double out)
{
	const model_spec *m = &s->model;
	c->s = s;
	c->L = model_nonneg(m->layers);
	c->H = model_nonneg(m->hidden);
	c->kv_tok = kv_tok;
	model_attn_pair_flops2(m, &c->pair_dec, &c->pair_pre);
	model_weights_split(s, p, &c->w_base, &c->w_routed);
	/* routed experts' active FLOPs per token: k of E experts' share of
	 * the routed matrices */
	double E = m->experts > 1 ? m->experts : 1;
	double k = m->experts_active > 0 ? m->experts_active : 1;
	double routed_active = E > 1 ? p->routed * (k < E ? k : E) / E : 0;
	c->f_routed = 2 * routed_active;
	c->f_tok = 2 * (p->layers_active + p->head) - c->f_routed;
	c->f_layers = 2 * p->layers_active - c->f_routed;
	c->f_head = 2 * p->head;
	c->w_scale = 1 / model_weight_format_eff(s->weights);
	c->kv_scale = 1 / model_kv_format_eff(s->kv_cache);
	c->kappa = MODEL_OVERLAP_KAPPA;
	c->two_l = 2 * c->L;
	c->fixed = model_cap(s->step_overhead_s, MODEL_MAX_SECONDS);
	c->hit = model_cap(s->prefix_hit_rate, 1);

	/* the request (model_hw_decode and model_hw_prefill's terms at the
	 * scenario's context and prompt, in their order) */
	c->in = in;
	c->out = out;
	c->out_eff = c->out >= 1 ? c->out : 1;
	c->t_req = model_cap(s->request_overhead_s, MODEL_MAX_SECONDS);
	c->dec_ctx = model_tokens(c->in + c->out / 2);
	c->dec_f1 = c->f_tok + c->pair_dec * c->dec_ctx * c->L;
	double S = c->in;   /* model_tokens(in): in is capped already */
	c->pre_tok = S * (1 - c->hit);
	c->pre_kv = c->pre_tok * c->kv_tok;
	c->pre_f = c->f_layers * c->pre_tok + c->f_head
		+ c->pair_pre * c->L * c->pre_tok * (S - c->pre_tok / 2);
	c->slo_fast = !s->speculative && s->batching != BATCH_STATIC;

	hw_set_gpu(c, g, gpus);
}

void model_hw_init(model_hw *c, const scenario *s, const gpu_spec *g,
                   int gpus, const model_params *p)
{
	hw_init(c, s, g, gpus, p, model_kv_bytes_per_token(s),
	        model_in_tokens(s), model_out_tokens(s));
}

void model_hw_init_fit(model_hw *c, const scenario *s, const gpu_spec *g,
                       int gpus, const model_params *p, const model_fit *f)
{
	hw_init(c, s, g, gpus, p, f->kv_tok1, f->in, f->out);
}

double model_hw_weights_read(const model_hw *c, double tokens)
{
	if (c->w_routed == 0)
		return c->w_base;
	/* the touched share of routed experts: 1 − (1 − k/E)^tokens */
	return c->w_base + c->w_routed * model_expert_share(&c->s->model, tokens);
}

/* One pass over `tokens` tokens whose attention reads `kv_bytes` of KV
 * (whole replica) and computes `f_dense` FLOPs outside the routed
 * experts: memory and compute of each group, per device. */
static void hw_pass(const model_hw *c, double tokens, double kv_bytes,
                    double f_dense, phase_time *t)
{
	if (c->w_routed == 0 && c->f_routed == 0) {
		/* no routed experts: their group is zero and drops out of each
		 * sum (x + 0 is x: every term here is at least +0, and
		 * model_hw_pass_dense is model_hw_pass_total without it) */
		double m_dense = model_hw_mem_s(c, kv_bytes);
		double c_dense = f_dense / c->tfe;
		t->bytes = (c->w_base + kv_bytes) / c->T;
		t->flops = f_dense / c->T;
		t->memory_s = m_dense;
		t->compute_s = c_dense;
		t->compute_bound = c_dense > m_dense;
		t->total_s = model_hw_pass_dense(c, m_dense, c_dense, t->comm_s,
		                                 t->fixed_s);
		return;
	}
	double share = c->w_routed > 0
		? model_expert_share(&c->s->model, tokens) : 0;
	double w_routed = c->w_routed * share;
	/* c = F/(T·F_peak·ψ·mfu(H/T)) */
	double m_dense = model_hw_mem_s(c, kv_bytes);
	double c_dense = f_dense / c->tfe;
	double m_routed = w_routed * c->w_scale / c->tbw;
	double c_routed = tokens * c->f_routed / c->tfe;
	t->bytes = (c->w_base + w_routed + kv_bytes) / c->T;
	t->flops = (f_dense + tokens * c->f_routed) / c->T;
	finish(c, t, m_dense, c_dense, m_routed, c_routed);
}

void model_hw_decode(const model_hw *c, double batch, double context,
                     double q, phase_time *t)
{
	double b = batch > 0 ? batch : 0;
	double ctx = model_tokens(context);
	if (!(q >= 1))
		q = 1;
	/* bytes = W_read/T + b·c·kv_tok/T
	 * flops = q·(2·(P_layers_active + P_head)·b + pair·b·c·L)/T
	 * (q = γ + 1 for the speculative verify: same bytes, q-fold FLOPs) */
	t->comm_s = model_hw_comm_s(c, b * q);
	t->fixed_s = c->fixed;
	hw_pass(c, b * q, b * ctx * c->kv_tok,
	        q * b * (c->f_tok + c->pair_dec * ctx * c->L), t);
}

void model_hw_prefill(const model_hw *c, double prompt, double nseq,
                      phase_time *t)
{
	double S = model_tokens(prompt);
	double n = model_nonneg(nseq);
	double Snew = S * (1 - c->hit);
	double ntok = n * Snew;
	t->fixed_s = 0;
	if (n == 0) {
		t->bytes = t->flops = 0;
		t->comm_s = 0;
		finish(c, t, 0, 0, 0, 0);
		return;
	}
	/* flops = (2·P_layers_active·S_new + 2·P_head
	 *          + pair·L·S_new·(S − S_new/2))/T          per prompt
	 * bytes = W_read/T + S_new·kv_tok/T   (LM head on the last token only)
	 * t     = roofline + 2L·(2(T−1)/T·S_new·H·2/BW_link + α) */
	t->comm_s = model_hw_comm_s(c, ntok);
	hw_pass(c, ntok, ntok * c->kv_tok,
	        n * (c->f_layers * Snew + c->f_head
	             + c->pair_pre * c->L * Snew * (S - Snew / 2)), t);
}

void model_hw_decode_mean(const model_hw *c, double batch, phase_time *t)
{
	/* model_hw_decode's terms at q = 1 and the mean context dec_ctx,
	 * whose FLOPs a sequence model_hw_init kept (dec_f1): the same
	 * doubles (1·b is b, and dec_ctx is capped already) */
	double b = batch > 0 ? batch : 0;
	t->comm_s = model_hw_comm_s(c, b);
	t->fixed_s = c->fixed;
	hw_pass(c, b, b * c->dec_ctx * c->kv_tok, b * c->dec_f1, t);
}

void model_hw_prefill_in(const model_hw *c, double nseq, phase_time *t)
{
	/* model_hw_prefill's terms at S = in, n = nseq, as model_hw_init
	 * worked them out at n = 1 (pre_tok = S_new, pre_f the FLOPs of one
	 * prompt): n·S_new, its KV n·S_new·kv_tok and n·pre_f are the same
	 * doubles */
	double ntok = nseq * c->pre_tok;
	t->fixed_s = 0;
	t->comm_s = model_hw_comm_s(c, ntok);
	hw_pass(c, ntok, ntok * c->kv_tok, nseq * c->pre_f, t);
}

void model_decode_forward(const scenario *s, const gpu_spec *g, int gpus,
                          const model_params *p, int batch, double context,
                          double q, phase_time *t)
{
	model_hw c;
	model_hw_init(&c, s, g, gpus, p);
	model_hw_decode(&c, batch, context, q, t);
}

void model_decode_step(const scenario *s, const gpu_spec *g, int gpus,
                       const model_params *p, int batch, double context,
                       phase_time *t)
{
	model_decode_forward(s, g, gpus, p, batch, context, 1, t);
}

void model_prefill_batch(const scenario *s, const gpu_spec *g, int gpus,
                         const model_params *p, double prompt, double nseq,
                         phase_time *t)
{
	model_hw c;
	model_hw_init(&c, s, g, gpus, p);
	model_hw_prefill(&c, prompt, nseq, t);
}

void model_prefill(const scenario *s, const gpu_spec *g, int gpus,
                   const model_params *p, double prompt, phase_time *t)
{
	model_prefill_batch(s, g, gpus, p, prompt, 1, t);
}

double model_spec_tokens_per_round(double a, int gamma)
{
	if (gamma < 1)
		return 1;
	if (!(a > 0))
		return 1;
	if (a >= 1)
		return gamma + 1.0;
	/* (1 − α^(γ+1))/(1 − α) */
	return (1 - pow(a, gamma + 1.0)) / (1 - a);
}

void model_speculative(const model_hw *c, int batch, double context,
                       double step_s, model_spec_result *out)
{
	const scenario *s = c->s;
	int gamma = s->draft_tokens > 0 ? s->draft_tokens : 0;
	double r = model_cap(s->draft_cost_ratio, 1e6);
	out->tokens_per_round = model_spec_tokens_per_round(s->acceptance, gamma);
	if (gamma < 1) {
		out->verify_s = step_s;
		out->round_s = step_s;
	} else {
		phase_time v;
		/* verify: the same bytes (weights + KV), (γ+1)x the FLOPs */
		model_hw_decode(c, batch, context, gamma + 1.0, &v);
		out->verify_s = v.total_s;
		out->round_s = gamma * r * step_s + v.total_s;
	}
	out->tpot_s = out->round_s / out->tokens_per_round;
	out->speedup = out->tpot_s > 0 ? step_s / out->tpot_s : 1;
}

double model_error_band(const scenario *s, const gpu_spec *g)
{
	double band = MODEL_BAND_FIT;
	if (g->eff_basis == EFF_CEILINGS)
		band += MODEL_BAND_CEILINGS;
	else if (g->eff_basis != EFF_MEASURED)
		band += MODEL_BAND_ASSUMED;
	if (s->weights == PREC_INT8 || s->weights == PREC_INT4
	    || model_kv_bits_of(s->kv_cache) < 16)
		band += MODEL_BAND_FORMAT;
	return band;
}

void model_error_band_basis(const scenario *s, const gpu_spec *g, char *buf,
                            size_t n)
{
	if (n == 0)
		return;
	int k = snprintf(buf, n, "cross-validated fit %.0f%%", 100 * MODEL_BAND_FIT);
	if (k > 0 && (size_t)k < n && g->eff_basis == EFF_CEILINGS)
		k += snprintf(buf + k, n - (size_t)k, ", +%.0f%% chip scaled by its "
		              "measured ceilings", 100 * MODEL_BAND_CEILINGS);
	else if (k > 0 && (size_t)k < n && g->eff_basis != EFF_MEASURED)
		k += snprintf(buf + k, n - (size_t)k, ", +%.0f%% assumed chip "
		              "efficiencies", 100 * MODEL_BAND_ASSUMED);
	if (k > 0 && (size_t)k < n
	    && (s->weights == PREC_INT8 || s->weights == PREC_INT4
	        || model_kv_bits(s->kv_cache) < 16))
		snprintf(buf + k, n - (size_t)k, ", +%.0f%% unmeasured int8/int4 "
		         "weight or 8-bit KV kernels", 100 * MODEL_BAND_FORMAT);
}
