/* model.c — model_eval(), the orchestrator: size and memory fit, one
 * replica's time, throughput and cost at the effective batch, its notes
 * (notes.c), then the fleet (fleet.c).  See man/infertui-model.7. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "model/fleet.h"
#include "model/model_impl.h"
#include "model/owned.h"

void model_eval(const scenario *s, results *r)
{
	/* Zero every field but the per-region and per-option arrays (which
	 * model_fleet fills entry by entry up to n_regions / n_options) and
	 * the note texts: a full memset costs a tenth of model_eval. */
	char *base = (char *)r;
	memset(base, 0, offsetof(results, regions));
	memset(base + offsetof(results, replicas_total), 0,
	       offsetof(results, options) - offsetof(results, replicas_total));
	memset(base + offsetof(results, api_daily_usd), 0,
	       offsetof(results, notes) - offsetof(results, api_daily_usd));
	const gpu_spec *g = &s->gpu;
	const model_spec *m = &s->model;
	int T = s->gpus > 0 ? s->gpus : 1;
	double in = model_in_tokens(s);
	double out = model_out_tokens(s);

	/* §1–2 */
	model_count_params(m, &r->p);
	model_fit f;
	model_memory_fit(s, g, T, &r->p, &f);

	/* §3 */
	r->weights_bytes = f.weights;
	r->kv_bytes_per_token = f.kv_tok;
	r->kv_bytes_per_request = f.kv_req;
	/* the seed's 2·L·H·S·bytes for the same S */
	r->kv_mha_bytes_per_request = 2.0 * (m->layers > 0 ? m->layers : 0)
		* (m->hidden > 0 ? m->hidden : 0) * f.req_tokens
		* model_kv_bits(s->kv_cache) / 8;
	r->replica_memory_bytes = f.replica_memory;
	r->usable_bytes = f.usable;
	r->overhead_bytes = f.overhead;
	r->kv_room_bytes = f.kv_room;
	r->max_concurrency = f.max_concurrency;
	r->batch = f.batch;
	r->batch_limit = f.limit;
	r->fits = f.fits;
	r->min_gpus_to_fit = model_min_gpus_for(s, g, f.weights + f.kv_req);
	r->fragmentation_waste = f.waste;
	r->kv_in_use_bytes = f.batch * f.mean_used * f.kv_tok;
	r->kv_wasted_bytes = f.batch * (f.allocated - f.mean_used) * f.kv_tok;
	if (r->kv_wasted_bytes < 0)
		r->kv_wasted_bytes = 0;

	/* §4–5 at the effective batch (1 when nothing fits: computed through,
	 * reported with fits = false) */
	int b = f.batch > 0 ? f.batch : 1;
	model_hw hw;
	model_perf pf;
	model_hw_init(&hw, s, g, T, &r->p);
	model_perf_at(&hw, b, true, &pf);
	r->weights_read_bytes = model_hw_weights_read(&hw, b);
	r->compute_prec = hw.prec;
	r->step = pf.step;
	r->prefill = pf.prefill;
	r->prefill_interference_s = pf.interference_s;
	r->tpot_s = pf.tpot_s;
	r->queue_s = 0;
	r->ttft_s = pf.ttft_s;
	r->ttft_p95_s = pf.ttft_s;
	r->e2e_s = r->ttft_s + out * r->tpot_s;
	r->spec_tokens_per_round = pf.spec.tokens_per_round;
	r->spec_round_s = pf.spec.round_s;
	r->spec_speedup = pf.spec.speedup;

	r->requests_per_s = pf.rps;
	r->output_tokens_per_s = pf.rps * out;
	r->continuous_requests_per_s = pf.continuous_rps;
	r->static_requests_per_s = pf.static_rps;
	r->expected_max_output = pf.expected_max;
	/* batch 1: one request at a time, its prefill then out decode steps
	 * (the same under either batching mode) */
	if (b == 1) {
		r->batch1_requests_per_s = pf.continuous_rps;
	} else {
		model_perf p1;
		model_perf_at_pre(&hw, 1, false, &pf.prefill, &p1);
		r->batch1_requests_per_s = p1.continuous_rps;
	}
	/* achieved during a decode step, per device */
	r->mbu = model_ratio(r->step.bytes,
		r->step.total_s * model_rate(g->bandwidth));
	r->mfu = model_ratio(r->step.flops, r->step.total_s
		* model_peak_flops(g, r->compute_prec));
	r->error_band = model_error_band(s, g);

	/* cost, one replica (model.md §7) */
	r->replica_usd_per_hour = T * model_cap(g->usd_per_hour, MODEL_MAX_USD);
	r->usd_per_1k_output_tokens = model_usd_per_1k(r->replica_usd_per_hour,
		r->output_tokens_per_s);
	double tok_h = r->requests_per_s * (in + out) * 3600;
	r->usd_per_1m_tokens = model_ratio(r->replica_usd_per_hour, tok_h / 1e6);
	r->usd_per_request = model_ratio(r->replica_usd_per_hour,
		r->requests_per_s * 3600);
	r->tokens_per_usd = model_ratio(tok_h, r->replica_usd_per_hour);

	model_replica_notes(s, r, &f, T);
	model_fleet_hw(s, r, &hw);
	model_own(s, r);
}
