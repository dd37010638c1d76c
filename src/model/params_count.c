/* params_count.c — model.md §1–2: parameter counts, bytes per precision,
 * KV bytes per token, compute precision.  Formulas and sources: see
 * man/infertui-model.7, "Model size" and "Bytes". */
#include <math.h>
#include "model/model_impl.h"

/* d_h: head_dim, or H/n_h */
static double head_dim(const model_spec *m)
{
	double nh = model_nonneg(m->heads);
	if (m->head_dim > 0)
		return m->head_dim;
	return nh > 0 ? model_nonneg(m->hidden) / nh : 0;
}

void model_count_params(const model_spec *m, model_params *p)
{
	/* (every field is written below: no clearing first) */
	double L = model_nonneg(m->layers);
	double H = model_nonneg(m->hidden);
	double nh = model_nonneg(m->heads);
	double nkv = m->kv_heads > 0 ? m->kv_heads : nh;
	double dh = head_dim(m);
	double ff = model_nonneg(m->ffn);
	double V = model_nonneg(m->vocab);
	double E = m->experts > 1 ? m->experts : 1;
	double k = m->experts_active > 0 ? m->experts_active : 1;
	if (k > E)
		k = E;
	double shared = model_nonneg(m->shared_experts);
	double mats = m->mlp == MLP_PLAIN ? 2 : 3;

	/* attention: Q, K, V, O — or MLA (DeepSeek-V2/V3):
	 *   Q:  H·q_lora + q_lora·n_h·(d_h + d_rope)   (or H·n_h·(d_h + d_rope))
	 *   KV: H·(d_c + d_rope) + d_c·n_h·(d_h + d_v)
	 *   O:  n_h·d_v·H
	 * (the small RMSNorms of the low-rank paths are left out) */
	double attn;
	if (m->mla_latent > 0) {
		double dc = m->mla_latent;
		double dr = model_nonneg(m->mla_rope);
		double dv = m->v_head_dim > 0 ? m->v_head_dim : dh;
		double ql = model_nonneg(m->q_lora);
		double q = ql > 0 ? H * ql + ql * nh * (dh + dr) : H * nh * (dh + dr);
		double kv = H * (dc + dr) + dc * nh * (dh + dv);
		attn = q + kv + nh * dv * H;
	} else {
		attn = H * nh * dh + 2 * H * nkv * dh + nh * dh * H;
	}

	/* MLP: dense layers (all of them for a dense model; the leading
	 * dense_layers of a MoE, of width dense_ffn) and MoE layers of E routed
	 * + shared experts of width ffn, with a router of E·H. */
	double n_dense, n_moe;
	if (E > 1) {
		n_dense = m->dense_layers > 0 ? m->dense_layers : 0;
		if (n_dense > L)
			n_dense = L;
		n_moe = L - n_dense;
	} else {
		n_dense = L;
		n_moe = 0;
	}
	double dff = (E > 1 && m->dense_ffn > 0) ? m->dense_ffn : ff;
	double expert = mats * H * ff;
	double dense = mats * H * dff;
	double router = E > 1 ? E * H : 0;

	p->attn = attn;
	p->mlp = E > 1 ? expert : dense;
	p->layers = L * attn + n_dense * dense
		+ n_moe * ((E + shared) * expert + router);
	p->layers_active = L * attn + n_dense * dense
		+ n_moe * ((k + shared) * expert + router);
	p->routed = n_moe * E * expert;
	p->head = V * H;
	p->embed = m->tied_embeddings ? 0 : V * H;

	/* model.params_b: the P of the seed's 2P rule.  Layers and head scale
	 * so that P_layers + P_head = params_b·1e9; no separate embedding. */
	if (m->params_b > 0 && isfinite(m->params_b)) {
		/* (up to 1e15 B, so that products stay finite) */
		double target = (m->params_b < 1e15 ? m->params_b : 1e15) * 1e9;
		double base = p->layers + p->head;
		if (base > 0) {
			double f = target / base;
			p->attn *= f;
			p->mlp *= f;
			p->layers *= f;
			p->layers_active *= f;
			p->routed *= f;
			p->head *= f;
		} else {
			p->layers = p->layers_active = target;
			p->head = p->routed = 0;
		}
		p->embed = 0;
	}
	p->total = p->layers + p->head + p->embed;
	p->active = p->layers_active + p->head + p->embed;
	p->flops_per_token = 2 * (p->layers_active + p->head);
}

double model_bits_per_weight(int prec, int group_size)
{
	switch (prec) {
	case PREC_FP32:
		return 32;
	case PREC_BF16:
	case PREC_FP16:
		return 16;
	case PREC_FP8:
	case PREC_INT8:
		return 8;
	case PREC_INT4:
		/* an fp16 scale and an fp16 zero per group of g: 4 + 32/g
		 * (g = 128: 4.25); g <= 0: no groups, 4 bits */
		return group_size > 0 ? 4.0 + 32.0 / group_size : 4.0;
	default:
		return 16;
	}
}

double model_kv_bits(int prec)
{
	return model_kv_bits_of(prec);
}

/* bits of the weights (bb) and of the embedding and LM head (bh: 16, or
 * bb): one model_bits_per_weight for both */
static void weight_bits(const scenario *s, double *bb, double *bh)
{
	*bb = model_bits_per_weight(s->weights, s->group_size);
	*bh = s->embeddings_16bit && (s->weights == PREC_INT4
	                              || s->weights == PREC_INT8) ? 16 : *bb;
}

double model_head_bits(const scenario *s)
{
	double bb, bh;
	weight_bits(s, &bb, &bh);
	return bh;
}

double model_weight_bytes(const scenario *s, const model_params *p)
{
	double bb, bh;
	weight_bits(s, &bb, &bh);
	return (p->layers * bb + (p->head + p->embed) * bh) / 8;
}

double model_expert_share(const model_spec *m, double tokens)
{
	if (m->experts <= 1)
		return 1;
	double E = m->experts;
	double k = m->experts_active > 0 ? m->experts_active : 1;
	if (k >= E)
		return 1;
	if (!(tokens > 0))
		tokens = 1;
	/* 1 − (1 − k/E)^tokens: tokens = 1 gives k/E, many tokens 1 */
	return 1 - pow(1 - k / E, tokens);
}

void model_weights_split(const scenario *s, const model_params *p,
                         double *base, double *routed)
{
	double bb, bh;
	weight_bits(s, &bb, &bh);
	bb /= 8;
	bh /= 8;
	/* every matrix but the input embedding: a lookup reads b rows of it */
	*base = (p->layers - p->routed) * bb + p->head * bh;
	*routed = p->routed * bb;
}

double model_weights_read_bytes(const scenario *s, const model_params *p,
                                double tokens)
{
	double base, routed;
	model_weights_split(s, p, &base, &routed);
	return base + routed * model_expert_share(&s->model, tokens);
}

double model_kv_bytes_per_token(const scenario *s)
{
	const model_spec *m = &s->model;
	double L = model_nonneg(m->layers);
	double bits = model_kv_bits_of(s->kv_cache);
	if (m->mla_latent > 0)
		return L * (m->mla_latent + model_nonneg(m->mla_rope)) * bits / 8;
	double nkv = m->kv_heads > 0 ? m->kv_heads : model_nonneg(m->heads);
	return 2 * L * nkv * head_dim(m) * bits / 8;
}

int model_compute_prec_on(const scenario *s, const gpu_spec *g)
{
	return model_compute_prec_of(s, g);
}

int model_compute_prec(const scenario *s)
{
	return model_compute_prec_on(s, &s->gpu);
}

double model_peak_flops(const gpu_spec *g, int prec)
{
	return model_peak_flops_of(g, prec);
}

void model_attn_pair_flops2(const model_spec *m, double *decode,
                            double *prefill)
{
	double nh = model_nonneg(m->heads);
	double dh = head_dim(m);
	if (m->mla_latent > 0) {
		double dc = m->mla_latent, dr = model_nonneg(m->mla_rope);
		double dv = m->v_head_dim > 0 ? m->v_head_dim : dh;
		*decode = 2 * nh * (2 * dc + dr);
		*prefill = 2 * nh * (dh + dr + dv);
		return;
	}
	*decode = *prefill = 4 * nh * dh;
}

double model_attn_pair_flops(const model_spec *m, bool decode)
{
	double dec, pre;
	model_attn_pair_flops2(m, &dec, &pre);
	return decode ? dec : pre;
}
