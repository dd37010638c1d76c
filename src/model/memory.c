/* memory.c — model.md §3: memory fit of one replica (T devices in tensor
 * parallel), the KV manager, effective batch, fragmentation, and the
 * smallest T that fits.  See man/infertui-model.7, "Memory fit". */
#include <math.h>
#include "model/model_impl.h"

static double tokens_in_out(const scenario *s)
{
	return model_nonneg(model_in_tokens(s) + model_out_tokens(s));
}

double model_request_tokens(const scenario *s)
{
	double need = tokens_in_out(s);
	if (s->kv_manager == KV_CONTIGUOUS) {
		/* every request reserves reserve_tokens up front; one longer than
		 * the reservation needs at least its own length */
		double r = s->reserve_tokens > 0 ? s->reserve_tokens : 0;
		return r >= need ? r : need;
	}
	/* paged: ceil((in + out)/block)·block at its peak */
	double blk = s->block_tokens > 0 ? s->block_tokens : 1;
	return ceil(need / blk) * blk;
}

double model_paged_allocated(const scenario *s)
{
	double blk = s->block_tokens > 0 ? s->block_tokens : 1;
	/* a sequence of t tokens holds ceil(t/B)·B; averaged over t the last
	 * block is (B − 1)/2 tokens short of full */
	return model_in_tokens(s) + model_out_tokens(s) / 2 + (blk - 1) / 2;
}

double model_allocated_tokens(const scenario *s, double req_tokens)
{
	if (s->kv_manager == KV_CONTIGUOUS)
		return req_tokens;
	return model_paged_allocated(s);
}

int model_round_gpus(double t)
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
	return (int)(ceil(t / 8) * 8);
}

static double usable_per_gpu(const scenario *s, const gpu_spec *g)
{
	return model_cap(g->mem_bytes, MODEL_MAX_BYTES)
		* model_cap(s->memory_utilization, 1)
		- model_cap(g->overhead_bytes, MODEL_MAX_BYTES);
}

int model_min_gpus_to_fit(const scenario *s, const gpu_spec *g,
                          const model_params *p)
{
	return model_min_gpus_for(s, g, model_weight_bytes(s, p)
		+ model_request_tokens(s) * model_kv_bytes_per_token(s));
}

int model_min_gpus_for(const scenario *s, const gpu_spec *g, double need)
{
	/* T·(mem·util − overhead) ≥ W + one request's KV */
	double per = usable_per_gpu(s, g);
	if (!(per > 0))
		return 0;
	double t = need / per;
	int T = model_round_gpus(t < 1 ? 1 : t);
	/* rounding up to a multiple of 8 can only help; check the float edge */
	while (T > 0 && T <= MODEL_MAX_GPUS && T * per < need)
		T = model_round_gpus(T + 1);
	return T;
}

void model_memory_fit(const scenario *s, const gpu_spec *g, int gpus,
                      const model_params *p, model_fit *f)
{
	double T = gpus > 0 ? gpus : 1;
	f->weights = model_weight_bytes(s, p);
	f->replica_memory = T * model_cap(g->mem_bytes, MODEL_MAX_BYTES);
	f->overhead = T * model_cap(g->overhead_bytes, MODEL_MAX_BYTES);
	f->usable = T * usable_per_gpu(s, g);
	f->kv_room = f->usable - f->weights;
	f->kv_tok = model_kv_bytes_per_token(s);
	f->req_tokens = model_request_tokens(s);
	f->kv_req = f->req_tokens * f->kv_tok;
	f->over_reservation = s->kv_manager == KV_CONTIGUOUS
		&& tokens_in_out(s) > s->reserve_tokens;

	f->mean_used = model_in_tokens(s) + model_out_tokens(s) / 2;
	f->allocated = model_allocated_tokens(s, f->req_tokens);
	f->waste = f->allocated > 0 ? 1 - f->mean_used / f->allocated : 0;
	if (!(f->waste > 0))
		f->waste = 0;

	double conc;
	if (f->kv_room < 0 || !isfinite(f->kv_room) || !(f->usable > 0))
		conc = 0;   /* (a device without usable memory holds nothing) */
	else if (f->kv_req > 0)
		conc = floor(f->kv_room / f->kv_req);
	else
		conc = (double)MODEL_MAX_CONCURRENCY;
	if (!(conc <= (double)MODEL_MAX_CONCURRENCY))
		conc = (double)MODEL_MAX_CONCURRENCY;
	f->max_concurrency = (long)conc;
	f->fits = f->max_concurrency >= 1;

	long maxb = s->max_batch > 0 ? s->max_batch : 1;
	if (!f->fits) {
		f->batch = 0;
		f->limit = LIMIT_NO_FIT;
	} else if (maxb <= f->max_concurrency) {
		f->batch = (int)maxb;
		f->limit = LIMIT_MAX_BATCH;
	} else {
		f->batch = (int)f->max_concurrency;
		f->limit = LIMIT_KV_MEMORY;
	}
}

int model_max_batch(const scenario *s, const gpu_spec *gpu, int gpus,
                    const model_params *p)
{
	model_fit f;
	model_memory_fit(s, gpu, gpus, p, &f);
	return f.batch;
}
