/* memory.c — model.md §3: memory fit of one replica (T devices in tensor
 * parallel), the KV manager, effective batch, fragmentation, and the
 * smallest T that fits.  See man/infertui-model.7, "Memory fit". */
#include <math.h>
#include "model/model_impl.h"

static double tokens_in_out(const scenario *s)
{
	return model_nonneg(model_in_tokens(s) + model_out_tokens(s));
}

/* The helpers below take the request's tokens guarded already (in, out
 * and need = in + out): model_memory_fit guards them once. */
static double request_tokens_for(const scenario *s, double need)
{
	if (s->kv_manager == KV_CONTIGUOUS) {
		/* every request reserves reserve_tokens up front; one longer than
		 * the reservation needs at least its own length */
		double r = s->reserve_tokens > 0 ? s->reserve_tokens : 0;
		return r >= need ? r : need;
	}
	/* paged: ceil((in + out)/block)·block at its peak (need >= 0) */
	double blk = s->block_tokens > 0 ? s->block_tokens : 1;
	return model_ceil_pos(need / blk) * blk;
}

static double paged_allocated_for(const scenario *s, double in, double out)
{
	double blk = s->block_tokens > 0 ? s->block_tokens : 1;
	/* a sequence of t tokens holds ceil(t/B)·B; averaged over t the last
	 * block is (B − 1)/2 tokens short of full */
	return in + out / 2 + (blk - 1) / 2;
}

static double allocated_tokens_for(const scenario *s, double req_tokens,
                                   double in, double out)
{
	if (s->kv_manager == KV_CONTIGUOUS)
		return req_tokens;
	return paged_allocated_for(s, in, out);
}

double model_request_tokens(const scenario *s)
{
	return request_tokens_for(s, tokens_in_out(s));
}

double model_paged_allocated(const scenario *s)
{
	return paged_allocated_for(s, model_in_tokens(s), model_out_tokens(s));
}

double model_allocated_tokens(const scenario *s, double req_tokens)
{
	return allocated_tokens_for(s, req_tokens, model_in_tokens(s),
	                            model_out_tokens(s));
}

/* (inline: the min-GPUs search of every evaluation calls it) */
static inline int round_gpus(double t)
{
	if (!(t <= MODEL_MAX_GPUS))   /* also NaN */
		return 0;
	if (t <= 1)
		return 1;
	if (t <= 2)
		return 2;
	if (t <= 4)
		return 4;
	if (t <= 8)
		return 8;
	return (int)(model_ceil_pos(t / 8) * 8);
}

int model_round_gpus(double t)
{
	return round_gpus(t);
}

/* Speculative decoding holds a draft model next to the target.  Its step
 * costs r (serving.draft_cost_ratio) of the target's; a decode step being
 * memory-bound, it reads about r of the target's bytes, so its weights and
 * its KV per token are taken as r·W and r·kv_tok (a 7B draft for a 70B
 * target: r ≈ 0.1, 13.5 GB against 138 GB).  Returns 1 + r, or 1. */
double model_draft_factor(const scenario *s)
{
	if (!s->speculative || s->draft_tokens < 1)
		return 1;
	return 1 + model_cap(s->draft_cost_ratio, 1);
}

double model_held_weight_bytes(const scenario *s, const model_params *p)
{
	return model_weight_bytes(s, p) * model_draft_factor(s);
}

double model_held_kv_per_request(const scenario *s)
{
	return model_request_tokens(s) * model_kv_bytes_per_token(s)
		* model_draft_factor(s);
}

/* mem·util − overhead of one device, from its capped memory and
 * overhead (model_memory_fit has them capped already) */
static inline double usable_of(const scenario *s, double mem, double ovh)
{
	return mem * model_cap(s->memory_utilization, 1) - ovh;
}

/* (inline: model_batch_for, once per replica shape, wants it) */
static inline __attribute__((always_inline))
double usable_per_gpu(const scenario *s, const gpu_spec *g)
{
	return usable_of(s, model_cap(g->mem_bytes, MODEL_MAX_BYTES),
	                 model_cap(g->overhead_bytes, MODEL_MAX_BYTES));
}

int model_min_gpus_to_fit(const scenario *s, const gpu_spec *g,
                          const model_params *p)
{
	return model_min_gpus_for(s, g, model_held_weight_bytes(s, p)
		+ model_held_kv_per_request(s));
}

/* model_min_gpus_for with one device's usable bytes worked out already
 * (model_memory_fit has them) */
static int min_gpus_per(double per, double need)
{
	/* T·(mem·util − overhead) ≥ W + one request's KV */
	if (!(per > 0))
		return 0;
	double t = need / per;
	int T = round_gpus(t < 1 ? 1 : t);
	/* rounding up to a multiple of 8 can only help; check the float edge */
	while (T > 0 && T <= MODEL_MAX_GPUS && T * per < need)
		T = round_gpus(T + 1);
	return T;
}

int model_min_gpus_for(const scenario *s, const gpu_spec *g, double need)
{
	return min_gpus_per(usable_per_gpu(s, g), need);
}

/* Sequences the KV room holds (0 when the weights do not fit or the
 * device has no usable memory; capped when a request needs no KV). */
static inline long fit_concurrency(double kv_room, double usable,
                                   double kv_req)
{
	double conc;

	if (!(kv_room >= 0 && kv_room <= DBL_MAX && usable > 0))   /* NaN too */
		conc = 0;
	else if (kv_req > 0)
		conc = model_floor_pos(kv_room / kv_req);   /* both >= 0 */
	else
		conc = (double)MODEL_MAX_CONCURRENCY;
	if (!(conc <= (double)MODEL_MAX_CONCURRENCY))
		conc = (double)MODEL_MAX_CONCURRENCY;
	return (long)conc;
}

/* The effective batch for that concurrency and what sets it. */
static inline int fit_batch(const scenario *s, long conc,
                            enum batch_limit *limit)
{
	long maxb = s->max_batch > 0 ? s->max_batch : 1;

	if (conc < 1) {
		*limit = LIMIT_NO_FIT;
		return 0;
	}
	if (maxb <= conc) {
		*limit = LIMIT_MAX_BATCH;
		return (int)maxb;
	}
	*limit = LIMIT_KV_MEMORY;
	return (int)conc;
}

void model_memory_fit(const scenario *s, const gpu_spec *g, int gpus,
                      const model_params *p, model_fit *f)
{
	double T = gpus > 0 ? gpus : 1;
	double draft = model_draft_factor(s);
	/* model_held_weight_bytes, with the draft factor worked out once */
	f->weights = model_weight_bytes(s, p) * draft;
	f->draft_weights = f->weights - f->weights / draft;
	/* one device's memory and overhead, capped once for both uses */
	double mem = model_cap(g->mem_bytes, MODEL_MAX_BYTES);
	double ovh = model_cap(g->overhead_bytes, MODEL_MAX_BYTES);
	f->replica_memory = T * mem;
	f->overhead = T * ovh;
	f->usable_per = usable_of(s, mem, ovh);
	f->usable = T * f->usable_per;
	f->kv_room = f->usable - f->weights;
	double in = model_in_tokens(s), out = model_out_tokens(s);
	f->in = in;
	f->out = out;
	double need = model_nonneg(in + out);
	f->kv_tok1 = model_kv_bytes_per_token(s);
	f->kv_tok = f->kv_tok1 * draft;
	f->req_tokens = request_tokens_for(s, need);
	f->kv_req = f->req_tokens * f->kv_tok;
	/* model_held_kv_per_request's product, in its order (the same
	 * double as kv_req but under speculative decoding) */
	f->held_kv_req = f->req_tokens * f->kv_tok1 * draft;
	f->min_gpus = min_gpus_per(f->usable_per, f->weights + f->kv_req);
	f->over_reservation = s->kv_manager == KV_CONTIGUOUS
		&& need > s->reserve_tokens;

	f->mean_used = in + out / 2;
	f->allocated = allocated_tokens_for(s, f->req_tokens, in, out);
	f->waste = f->allocated > 0 ? 1 - f->mean_used / f->allocated : 0;
	if (!(f->waste > 0))
		f->waste = 0;

	f->max_concurrency = fit_concurrency(f->kv_room, f->usable, f->kv_req);
	f->fits = f->max_concurrency >= 1;
	f->batch = fit_batch(s, f->max_concurrency, &f->limit);
}

double model_usable_per_gpu(const scenario *s, const gpu_spec *g)
{
	return usable_per_gpu(s, g);
}

int model_batch_for_usable(const scenario *s, double usable, double weights,
                           double kv_req)
{
	/* the fit's rule (inline: once per replica shape; the limit, which
	 * only the fit reports, is dropped) */
	enum batch_limit limit;

	return fit_batch(s, fit_concurrency(usable - weights, usable, kv_req),
	                 &limit);
}

int model_batch_for(const scenario *s, const gpu_spec *g, int gpus,
                    double weights, double kv_req)
{
	return model_batch_for_usable(s, (gpus > 0 ? gpus : 1)
	                              * usable_per_gpu(s, g), weights, kv_req);
}

int model_max_batch(const scenario *s, const gpu_spec *gpu, int gpus,
                    const model_params *p)
{
	return model_batch_for(s, gpu, gpus, model_held_weight_bytes(s, p),
		model_held_kv_per_request(s));
}
