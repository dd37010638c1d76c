/* model.c — model_eval(), the orchestrator: size and memory fit, one
 * replica's time, throughput and cost at the effective batch, its notes
 * (notes.c), then the fleet (fleet.c).  See man/infertui-model.7. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "model/capacity.h"
#include "model/fleet.h"
#include "model/model_impl.h"
#include "model/tco.h"
#include "model/owned.h"
#include "model/notebuf.h"

/* The figures at batch b that the max-batch point keeps (at_max) and
 * the operating point's headline shares, from its TPOT, TTFT and
 * throughput (p), into m; usd_h is the replica's $/h, kb the batch whose
 * KV is in use (0 when nothing fits).  model_eval writes the max-batch
 * point straight into r->at_max (no headline field wants it), and
 * replica_at copies the operating point's into the headline. */
static void point_at(const model_hw *hw, const model_fit *f, int kb,
                     double usd_h, const slo_perf *p, batch_point *m)
{
	/* the request's tokens as model_hw_init guarded them */
	double in = hw->in, out = hw->out;

	m->batch = kb;
	m->step_s = p->step_s;
	m->kv_in_use_bytes = kb * f->mean_used * f->kv_tok;
	m->tpot_s = p->tpot_s;
	m->ttft_s = p->ttft_s;
	m->e2e_s = m->ttft_s + out * m->tpot_s;
	m->requests_per_s = p->rps;
	m->output_tokens_per_s = p->rps * out;
	/* cost, one replica (model.md §7) */
	m->usd_per_1k_output_tokens = model_usd_per_1k_of(usd_h,
		m->output_tokens_per_s);
	double tok_h = m->requests_per_s * (in + out) * 3600;
	m->usd_per_1m_tokens = model_ratio(usd_h, tok_h / 1e6);
}

/* Every replica-level figure at batch b (§4–5, the cost of §7, the KV in
 * use of §3) into the headline fields of r, from pf: model_perf_at_pre's
 * full figures there (r->replica_usd_per_hour is set). */
static void replica_at(const scenario *s, results *r, const model_hw *hw,
                       const model_fit *f, int b, const model_perf *pf)
{
	const gpu_spec *g = &s->gpu;
	double in = hw->in, out = hw->out;
	slo_perf p = { .tpot_s = pf->tpot_s, .ttft_s = pf->ttft_s, .rps = pf->rps };
	int kb = r->batch > 0 ? b : 0;
	batch_point m;

	point_at(hw, f, kb, r->replica_usd_per_hour, &p, &m);
	r->kv_in_use_bytes = m.kv_in_use_bytes;
	r->tpot_s = m.tpot_s;
	r->ttft_s = m.ttft_s;
	r->e2e_s = m.e2e_s;
	r->requests_per_s = m.requests_per_s;
	r->output_tokens_per_s = m.output_tokens_per_s;
	r->usd_per_1k_output_tokens = m.usd_per_1k_output_tokens;
	r->usd_per_1m_tokens = m.usd_per_1m_tokens;
	r->kv_wasted_bytes = kb * (f->allocated - f->mean_used) * f->kv_tok;
	if (r->kv_wasted_bytes < 0)
		r->kv_wasted_bytes = 0;
	r->weights_read_bytes = model_hw_weights_read(hw, b);
	r->step = pf->step;
	r->prefill = pf->prefill;
	r->prefill_interference_s = pf->interference_s;
	r->queue_s = 0;
	r->ttft_p95_s = pf->ttft_s;
	r->spec_tokens_per_round = pf->spec.tokens_per_round;
	r->spec_round_s = pf->spec.round_s;
	r->spec_speedup = pf->spec.speedup;

	r->continuous_requests_per_s = pf->continuous_rps;
	r->static_requests_per_s = pf->static_rps;
	r->expected_max_output = pf->expected_max;
	/* achieved during a decode step, per device */
	r->mbu = model_ratio(r->step.bytes,
		r->step.total_s * model_rate(g->bandwidth));
	r->mfu = model_ratio(r->step.flops, r->step.total_s
		* model_peak_flops_of(g, r->compute_prec));

	double tok_h = r->requests_per_s * (in + out) * 3600;
	r->usd_per_request = model_ratio(r->replica_usd_per_hour,
		r->requests_per_s * 3600);
	r->tokens_per_usd = model_ratio(tok_h, r->replica_usd_per_hour);
}

/* whether the max-batch point meets each SLO, without a queue */
static void at_max_slos(const scenario *s, batch_point *m)
{
	m->ttft_ok = !(s->ttft_slo_s > 0) || m->ttft_s <= s->ttft_slo_s;
	m->tpot_ok = !(s->tpot_slo_s > 0) || m->tpot_s <= s->tpot_slo_s;
	m->e2e_ok = !(s->e2e_slo_s > 0) || m->e2e_s <= s->e2e_slo_s;
}

/* "TTFT p95", "TPOT", "E2E p95" for one SLO_* bit */
static void put_slo(outbuf *o, unsigned bit)
{
	if (bit & SLO_TPOT)
		PUT(o, "TPOT");
	else if (bit & SLO_TTFT)
		PUT(o, "TTFT p95");
	else
		PUT(o, "E2E p95");
}

/* a limit in its unit: TPOT in ms, TTFT and E2E in s */
static void put_limit(outbuf *o, unsigned bit, double v)
{
	if (bit & SLO_TPOT) {
		put_g(o, v * 1e3, 3);
		PUT(o, " ms");
	} else {
		put_g(o, v, 3);
		PUT(o, " s");
	}
}

/* Where the fleet is priced and why, from the SLO search's answer c. */
static void operating_point_of(const scenario *s, results *r,
                               const model_hw *hw, const slo_prep *prep,
                               const phase_time *prefill1,
                               const fleet_capacity *c)
{
	operating_point *op = &r->op;
	outbuf ob, *o = &ob;

	op->max_batch = r->batch;
	outbuf_init(o, op->text, sizeof op->text);
	if (c->batch > 0 && c->batch >= r->batch) {
		op->batch = r->batch;
		op->reason = r->batch_limit == LIMIT_KV_MEMORY ? OP_KV_MEMORY :
		             OP_MAX_BATCH;
		if (op->reason == OP_KV_MEMORY) {
			PUT(o, "memory-limited (max_batch ");
			put_i(o, s->max_batch);
			PUT(o, ")");
		} else {
			PUT(o, "max batch");
		}
	} else if (c->batch > 0) {
		/* what stops batch b + 1: TPOT over its SLO, else the queueing
		 * slack of TTFT or E2E, whichever is smaller at b */
		slo_perf m;
		op->batch = c->batch;
		op->reason = OP_SLO;
		if (prep)
			model_slo_prep_at(prep, c->batch + 1, &m);
		else
			model_perf_slo(hw, c->batch + 1, prefill1, &m);
		if (s->tpot_slo_s > 0 && m.tpot_s > s->tpot_slo_s)
			op->binding = SLO_TPOT;
		else if (!(s->e2e_slo_s > 0))
			op->binding = SLO_TTFT;
		else if (!(s->ttft_slo_s > 0))
			op->binding = SLO_E2E;
		else
			op->binding = s->e2e_slo_s - (m.ttft_s + hw->out
			              * m.tpot_s) < s->ttft_slo_s - m.ttft_s ?
			              SLO_E2E : SLO_TTFT;
		PUT(o, "SLO-limited by ");
		put_slo(o, op->binding);
		PUT(o, "; max ");
		put_i(o, r->batch);
	} else {
		/* nothing meets the SLOs: the fleet is sized on throughput at the
		 * effective batch and marked as not meeting them */
		static const unsigned bits[] = { SLO_TPOT, SLO_TTFT, SLO_E2E };
		const char *sep = "";
		op->batch = r->batch;
		op->reason = OP_NO_SLO_BATCH;
		op->binding = c->failing;
		PUT(o, "cannot meet ");
		for (int i = 0; i < 3; i++) {
			double slo = bits[i] == SLO_TPOT ? s->tpot_slo_s :
			             bits[i] == SLO_TTFT ? s->ttft_slo_s : s->e2e_slo_s;
			double best = bits[i] == SLO_TPOT ? c->best_tpot_s :
			              bits[i] == SLO_TTFT ? c->best_ttft_s : c->best_e2e_s;
			if (!(c->failing & bits[i]))
				continue;
			put_s(o, sep);
			put_s(o, bits[i] == SLO_TPOT ? "TPOT " :
			         bits[i] == SLO_TTFT ? "TTFT " : "E2E ");
			put_limit(o, bits[i], slo);
			PUT(o, " (");
			put_limit(o, bits[i], best);
			PUT(o, " at batch 1)");
			sep = ", ";
		}
		PUT(o, " at any batch");
	}
	outbuf_end(o);
}

/* model_eval, with the notes (text) or without */
static void eval(const scenario *s, results *r, bool text)
{
	/* Zero every field but the per-region and per-option arrays (which
	 * model_fleet fills entry by entry up to n_regions / n_options), the
	 * note texts, and the replica's figures before ttft_ok, which the
	 * code below writes one by one whatever the scenario (§1–5; from
	 * ttft_ok on the fleet's, which it may leave unset): a full memset
	 * costs a tenth of model_eval.  Nor what is written whatever the
	 * scenario: the operating point's two texts (op.text below, op.unmet
	 * by model_fleet_shapes), the max-batch point (below), the energy
	 * block and the horizon (model_own).  test_properties evaluates into
	 * a struct of stale bytes and compares the reports. */
	char *base = (char *)r;
	/* (in two halves: gcc stores up to 64 bytes inline, and clears a
	 * longer stretch with rep stos, which costs an instruction per 8
	 * bytes) */
	memset(base + offsetof(results, ttft_ok), 0,
	       offsetof(results, peak_requests_per_s)
	       - offsetof(results, ttft_ok));
	memset(base + offsetof(results, peak_requests_per_s), 0,
	       offsetof(results, op.text)
	       - offsetof(results, peak_requests_per_s));
	r->op.meets = r->op.sized = false;
	r->n_regions = 0;
	memset(base + offsetof(results, replicas_total), 0,
	       offsetof(results, options) - offsetof(results, replicas_total));
	memset(base + offsetof(results, api_daily_usd), 0,
	       offsetof(results, energy_replica) - offsetof(results, api_daily_usd));
	r->n_notes = 0;
	const gpu_spec *g = &s->gpu;
	const model_spec *m = &s->model;
	int T = s->gpus > 0 ? s->gpus : 1;

	/* §1–2 */
	model_count_params(m, &r->p);
	model_fit f;
	model_memory_fit(s, g, T, &r->p, &f);

	/* §3 */
	r->weights_bytes = f.weights;
	r->kv_bytes_per_token = f.kv_tok;
	r->kv_bytes_per_request = f.kv_req;
	r->replica_memory_bytes = f.replica_memory;
	r->usable_bytes = f.usable;
	r->overhead_bytes = f.overhead;
	r->kv_room_bytes = f.kv_room;
	r->max_concurrency = f.max_concurrency;
	r->batch = f.batch;
	r->batch_limit = f.limit;
	r->fits = f.fits;
	r->min_gpus_to_fit = f.min_gpus;
	r->fragmentation_waste = f.waste;

	/* §4–5 at the effective batch (1 when nothing fits: computed through,
	 * reported with fits = false): first what the max-batch point and the
	 * SLO search want (where the search's prepared figures apply, those),
	 * the rest once the operating batch is known */
	int b = f.batch > 0 ? f.batch : 1;
	model_hw hw;
	model_perf pf;           /* at b when not fast (the lighter figures) */
	slo_prep prep;
	slo_perf at_b;
	phase_time pre1;         /* one prompt's prefill */
	double batch1_rps;
	model_hw_init_fit(&hw, s, g, T, &r->p, &f);
	r->compute_prec = hw.prec;
	/* §3: the seed's 2·L·H·S·bytes for the same S (L and H as hw has
	 * them: the model's, 0 when not positive) */
	r->kv_mha_bytes_per_request = 2.0 * hw.L * hw.H * f.req_tokens
		* model_kv_bits_of(s->kv_cache) / 8;
	model_hw_prefill_in(&hw, 1, &pre1);
	bool fast = model_slo_prep(&hw, &pre1, &prep);
	if (fast) {
		model_slo_prep_at(&prep, b, &at_b);
		batch1_rps = at_b.rps;    /* continuous batching */
	} else {
		model_perf_at_pre(&hw, b, false, &pre1, &pf);
		at_b.tpot_s = pf.tpot_s;
		at_b.ttft_s = pf.ttft_s;
		at_b.rps = pf.rps;
		at_b.step_s = pf.step.total_s;
		batch1_rps = pf.continuous_rps;
	}
	/* cost, one replica (model.md §7) */
	r->replica_usd_per_hour = T * model_cap(s->gpu.usd_per_hour,
	                                        MODEL_MAX_USD);
	point_at(&hw, &f, f.batch > 0 ? b : 0, r->replica_usd_per_hour, &at_b,
	         &r->at_max);
	at_max_slos(s, &r->at_max);
	r->error_band = model_error_band(s, g);

	/* The operating point: the largest batch meeting the SLOs (the SLO
	 * search, capacity.c), where the fleet is priced; every headline
	 * figure is then computed there. */
	shape_set shapes;
	int op_b = b;
	capacity_shapes_init(&shapes, s, &r->p, r->search_hint);
	shapes.text = text;
	capacity_shapes_fit(&shapes, f.weights, f.held_kv_req, g, f.usable_per);
	if (f.batch > 0 && r->at_max.requests_per_s > 0) {
		slo_point own;
		capacity_point(s, r->at_max.tpot_s, r->at_max.ttft_s,
		               r->at_max.requests_per_s, &own);
		replica_shape *own_sh = capacity_shape_seed(&shapes, &hw, f.batch,
		                                            &own, &pre1);
		const fleet_capacity *c = capacity_slo(&shapes, own_sh);
		operating_point_of(s, r, &hw, fast ? &prep : NULL, &pre1, c);
		op_b = r->op.batch;
	} else {
		r->op.batch = 0;
		r->op.max_batch = f.batch;
		r->op.reason = OP_NO_FIT;
		outbuf ob;
		outbuf_init(&ob, r->op.text, sizeof r->op.text);
		if (f.batch > 0) {
			PUT(&ob, "no throughput at any batch");
		} else {
			PUT(&ob, "does not fit");
			if (r->min_gpus_to_fit > 0) {
				PUT(&ob, " (needs ");
				put_i(&ob, r->min_gpus_to_fit);
				PUT(&ob, " GPUs)");
			}
		}
		outbuf_end(&ob);
	}
	if (!fast && op_b == b)
		model_perf_make_full(&hw, b, &pf);
	else
		model_perf_at_pre(&hw, op_b, true, &pre1, &pf);
	replica_at(s, r, &hw, &f, op_b, &pf);

	/* batch 1: one request at a time, its prefill then out decode steps
	 * (the same under either batching mode: the continuous formula) */
	if (b > 1) {
		if (fast) {
			slo_perf p1;
			model_slo_prep_at(&prep, 1, &p1);
			batch1_rps = p1.rps;
		} else {
			model_perf p1;
			model_perf_at_pre(&hw, 1, false, &pre1, &p1);
			batch1_rps = p1.continuous_rps;
		}
	}
	r->batch1_requests_per_s = batch1_rps;

	if (text)
		model_replica_notes(s, r, &f, T);
	model_fleet_shapes(s, r, &shapes);
	model_own(s, r);
	tco_meets(r);
}

void model_eval(const scenario *s, results *r)
{
	eval(s, r, true);
}

void model_eval_figures(const scenario *s, results *r)
{
	eval(s, r, false);
}
