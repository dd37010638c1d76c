/* batching.c — model.md §4 (what a user observes) and §5 (continuous and
 * static batching, throughput), and the seed's $/1K formula.  See
 * man/infertui-model.7, "What a user observes" and "Batching". */
#include <math.h>
#include "model/model_impl.h"

/* (inline: perf_static wants it once an evaluation; model_harmonic and
 * model_expected_max below are these) */
static inline double harmonic(int b)
{
	if (b <= 0)
		return 0;
	if (b <= 64) {
		/* H_b = 1/b + ... + 1/1, summed in that order in doubles (as
		 * for (i = b; i >= 1; i--) h += 1.0/i does; test_model checks
		 * every entry against that sum, to the bit): a table, since two
		 * model_perf_at calls per evaluation want it */
		static const double h[64] = {
		1.0, 1.5, 1.8333333333333333,
		2.083333333333333, 2.283333333333333, 2.45,
		2.5928571428571425, 2.7178571428571425, 2.828968253968254,
		2.9289682539682538, 3.0198773448773446, 3.103210678210678,
		3.180133755133755, 3.2515623265623264, 3.318228993228993,
		3.380728993228993, 3.4395525226407577, 3.4951080781963135,
		3.5477396571436817, 3.597739657143682, 3.6453587047627294,
		3.690813250217275, 3.73429151108684, 3.7759581777535067,
		3.8159581777535068, 3.8544197162150455, 3.8914567532520827,
		3.9271710389663683, 3.9616537975870583, 3.9949871309203915,
		4.027245195436521, 4.058495195436521, 4.08879822573955,
		4.118209990445433, 4.146781419016861, 4.17455919679464,
		4.201586223821666, 4.227902013295351, 4.253543038936376,
		4.278543038936376, 4.302933282838815, 4.326742806648339,
		4.349998620601827, 4.3727258933291, 4.394948115551323,
		4.416687245986105, 4.437963841730785, 4.458797175064118,
		4.479205338329425, 4.499205338329425, 4.51881318146668,
		4.53804395069745, 4.556911875225751, 4.57543039374427,
		4.593612211926088, 4.61146935478323, 4.629013214432353,
		4.6462545937426984, 4.66320374628507, 4.679870412951738,
		4.6962638555746885, 4.712392887832753, 4.728265903705768,
		4.743890903705768,
		};
		return h[b - 1];
	}
	/* ln b + γ + 1/(2b) − 1/(12b²) + 1/(120b⁴): error < 1e-12 at b > 64 */
	double x = b, x2 = x * x;
	return log(x) + 0.57721566490153286 + 1 / (2 * x) - 1 / (12 * x2)
		+ 1 / (120 * x2 * x2);
}

double model_harmonic(int b)
{
	return harmonic(b);
}

static inline double expected_max(int dist, double mean, int b)
{
	if (!(mean > 0 && mean < INFINITY))   /* NaN too */
		return 0;
	if (b <= 1)
		return mean;
	switch (dist) {
	case DIST_UNIFORM:
		/* b draws uniform on [0, 2·mean]: E[max] = 2·mean·b/(b + 1) */
		return 2 * mean * b / (b + 1.0);
	case DIST_EXPONENTIAL:
		/* exponential of mean m: E[max of b] = m·H_b */
		return mean * harmonic(b);
	default:
		return mean;
	}
}

double model_expected_max(int dist, double mean, int b)
{
	return expected_max(dist, mean, b);
}

double model_usd_per_1k(double usd_per_hour, double tokens_per_s)
{
	return model_usd_per_1k_of(usd_per_hour, tokens_per_s);
}

void model_perf_at(const model_hw *c, int batch, bool full, model_perf *o)
{
	model_perf_at_pre(c, batch, full, NULL, o);
}

/* What full adds to model_perf_at_pre (static batching's own figures):
 * E[max of b lengths], the batch's prompts prefilled together and
 * R_static = b/(t_prefill(b·S) + E[max]·t_step) */
static void perf_static(const model_hw *c, int b, model_perf *o)
{
	const scenario *s = c->s;

	o->expected_max = expected_max(s->output_distribution, c->out, b);
	if (b > 1)
		model_hw_prefill_in(c, b, &o->prefill_static);
	else
		o->prefill_static = o->prefill;
	o->static_rps = model_ratio(b, o->prefill_static.total_s
		+ o->expected_max * o->decode_token_s);
}

void model_perf_at_pre(const model_hw *c, int batch, bool full,
                       const phase_time *prefill1, model_perf *o)
{
	const scenario *s = c->s;
	int b = batch > 0 ? batch : 1;
	/* per-token figures divide by out: at least one token (out_eff) */
	double out_eff = c->out_eff;
	double t_req = c->t_req;
	bool is_static = s->batching == BATCH_STATIC;

	model_hw_decode_mean(c, b, &o->step);
	/* one prompt's prefill does not depend on the batch: callers that
	 * evaluate several batch sizes pass it in */
	if (prefill1)
		o->prefill = *prefill1;
	else
		model_hw_prefill(c, c->in, 1, &o->prefill);
	if (s->speculative) {
		model_speculative(c, b, c->dec_ctx, o->step.total_s, &o->spec);
		o->decode_token_s = o->spec.tpot_s;
	} else {
		o->spec.tokens_per_round = 1;
		o->spec.verify_s = o->spec.round_s = o->spec.tpot_s = o->step.total_s;
		o->spec.speedup = 1;
		o->decode_token_s = o->step.total_s;
	}

	/* continuous: b/out requests arrive per step, each prefilled between
	 * decode steps: TPOT = t_step + (b/out)·t_prefill;
	 * R_max = b/(out·t_step + b·t_prefill) = b/(out·TPOT) */
	o->continuous_rps = model_ratio(b, out_eff * o->decode_token_s
		+ b * o->prefill.total_s);

	/* static: the batch is prefilled together, then decodes E[max] steps */
	if (full || is_static) {
		perf_static(c, b, o);
	} else {
		o->expected_max = 0;
		o->prefill_static = o->prefill;
		o->static_rps = 0;
	}

	if (is_static) {
		/* no interference: a batch runs to its end before the next */
		o->interference_s = 0;
		o->tpot_s = o->decode_token_s;
		o->ttft_s = t_req + o->prefill_static.total_s;
		o->rps = o->static_rps;
	} else {
		o->interference_s = b / out_eff * o->prefill.total_s;
		o->tpot_s = o->decode_token_s + o->interference_s;
		o->ttft_s = t_req + o->prefill.total_s;
		o->rps = o->continuous_rps;
	}
}

void model_perf_make_full(const model_hw *c, int batch, model_perf *o)
{
	/* static batching computed them already; continuous batching's own
	 * figures do not depend on them */
	if (c->s->batching != BATCH_STATIC)
		perf_static(c, batch > 0 ? batch : 1, o);
}

void model_perf_slo(const model_hw *c, int batch, const phase_time *prefill1,
                    slo_perf *o)
{
	model_perf m;
	slo_prep p;

	if (model_slo_prep(c, prefill1, &p)) {
		model_slo_prep_at(&p, batch, o);
		return;
	}
	model_perf_at_pre(c, batch, false, prefill1, &m);
	o->tpot_s = m.tpot_s;
	o->ttft_s = m.ttft_s;
	o->rps = m.rps;
	o->step_s = m.step.total_s;
}

void model_replica_perf(const scenario *s, const gpu_spec *gpu, int gpus,
                        const model_params *p, int batch, replica_perf *out)
{
	model_hw c;
	model_perf m;
	int b = batch > 0 ? batch : 1;
	double o = model_out_tokens(s);
	model_hw_init(&c, s, gpu, gpus, p);
	model_perf_at(&c, b, false, &m);
	out->batch = b;
	out->step_s = m.step.total_s;
	out->prefill_s = m.prefill.total_s;
	out->tpot_s = m.tpot_s;
	out->requests_per_s = m.rps;
	out->output_tokens_per_s = m.rps * o;
	out->ttft_s = m.ttft_s;
}
