/* notes.c — the replica's notes (model.md §1–5): what sets the batch, the
 * KV cache against the MHA formula, the roofline, prefill interference, the
 * KV manager, speculative decoding, how weights are counted, TP. */
#include "model/model_impl.h"
#include "model/notebuf.h"

/* The math module writes at most this many notes; the rest of the
 * MODEL_MAX_NOTES are left for model_fleet(). */
#define MODEL_OWN_NOTES 8

/* Accelerators per node (HGX/DGX H100, H200, B200, A100: 8 NVLink-connected
 * GPUs): a tensor-parallel group larger than this spans nodes, which the
 * all-reduce model (intra-node link_bw and alpha) does not price. */
#define MODEL_NODE_GPUS 8

/* Begin a note (NULL when the module's share of notes is used up). */
static outbuf *note_begin(results *r, outbuf *o)
{
	if (r->n_notes >= MODEL_OWN_NOTES || r->n_notes >= MODEL_MAX_NOTES)
		return NULL;
	outbuf_init(o, r->notes[r->n_notes], MODEL_NOTE_LEN);
	return o;
}

static void note_end(results *r, outbuf *o)
{
	outbuf_end(o);
	r->n_notes++;
}

void model_replica_notes(const scenario *s, results *r, const model_fit *f,
                         int T)
{
	const model_spec *m = &s->model;
	int b = r->batch > 0 ? r->batch : 1;
	outbuf ob, *o;

	/* 1. what sets the batch */
	if ((o = note_begin(r, &ob))) {
		if (!r->fits) {
			PUT(o, "does not fit: weights ");
			put_bytes(o, f->weights);
			PUT(o, " + one request's KV ");
			put_bytes(o, f->kv_req);
			PUT(o, " > usable ");
			put_bytes(o, f->usable);
			PUT(o, " on ");
			put_i(o, T);
			if (r->min_gpus_to_fit > 0) {
				PUT(o, " GPU(s); weights need ");
				put_i(o, r->min_gpus_to_fit);
				PUT(o, " GPUs (min_gpus_to_fit)");
			} else {
				PUT(o, " GPU(s); no replica of up to 1024 GPUs holds it");
			}
			PUT(o, "; figures assume batch 1 as if it fit");
		} else if (r->batch_limit == LIMIT_KV_MEMORY) {
			PUT(o, "batch held to ");
			put_i(o, r->batch);
			PUT(o, " by KV memory (max_batch ");
			put_i(o, s->max_batch);
			PUT(o, "; ");
			put_bytes(o, f->kv_room);
			PUT(o, " KV room, ");
			put_bytes(o, f->kv_req);
			PUT(o, " per request)");
		} else {
			/* the max-batch point, named so beside an SLO-limited
			 * operating batch */
			PUT(o, "max batch ");
			put_i(o, r->batch);
			PUT(o, " (serving.max_batch); KV memory would allow ");
			put_i(o, r->max_concurrency);
		}
		note_end(r, o);
	}

	/* 2. the true KV cache against the MHA formula (every head cached) that
	 * the article this project grew from uses */
	if (m->mla_latent > 0 && (o = note_begin(r, &ob))) {
		PUT(o, "MLA latent KV cache: ");
		put_bytes(o, r->kv_bytes_per_request);
		PUT(o, " per request; an MHA formula (every head cached) would say ");
		put_bytes(o, r->kv_mha_bytes_per_request);
		note_end(r, o);
	} else if (m->mla_latent <= 0 && m->kv_heads > 0 && m->kv_heads < m->heads
	           && (o = note_begin(r, &ob))) {
		PUT(o, "an MHA KV formula (every head cached) would say ");
		put_bytes(o, r->kv_mha_bytes_per_request);
		PUT(o, " per request; ");
		if (m->kv_heads == 1)
			PUT(o, "MQA (");
		else
			PUT(o, "GQA (");
		put_i(o, m->kv_heads);
		PUT(o, " KV heads of ");
		put_i(o, m->heads);
		PUT(o, ") makes it ");
		put_bytes(o, r->kv_bytes_per_request);
		note_end(r, o);
	}

	/* 3. the roofline, when it is not the usual memory wall */
	if (r->step.compute_bound && (o = note_begin(r, &ob))) {
		PUT(o, "decode step is compute-bound at batch ");
		put_i(o, b);
		PUT(o, ": compute ");
		put_f(o, r->step.compute_s * 1e3, 2);
		PUT(o, " ms against memory ");
		put_f(o, r->step.memory_s * 1e3, 2);
		PUT(o, " ms; achieved MFU ");
		put_f(o, r->mfu * 100, 0);
		PUT(o, "%");
		note_end(r, o);
	}

	/* 4. prefill interference */
	if (s->batching == BATCH_CONTINUOUS && r->tpot_s > 0
	    && r->prefill_interference_s > 0.05 * r->tpot_s
	    && (o = note_begin(r, &ob))) {
		PUT(o, "prefill interference adds ");
		put_f(o, r->prefill_interference_s * 1e3, 2);
		PUT(o, " ms to every token (");
		put_f(o, 100 * r->prefill_interference_s / r->tpot_s, 0);
		PUT(o, "% of TPOT)");
		note_end(r, o);
	}

	/* 5. the KV manager */
	if (s->kv_manager == KV_CONTIGUOUS && (o = note_begin(r, &ob))) {
		if (f->over_reservation) {
			PUT(o, "requests of ");
			put_f(o, model_in_tokens(s) + model_out_tokens(s), 0);
			PUT(o, " tokens exceed the ");
			put_i(o, s->reserve_tokens);
			PUT(o, "-token reservation");
		} else {
			double pw = 1 - model_ratio(f->mean_used,
				model_paged_allocated(s));
			PUT(o, "contiguous KV reservation of ");
			put_i(o, s->reserve_tokens);
			PUT(o, " tokens wastes ");
			put_f(o, 100 * r->fragmentation_waste, 0);
			PUT(o, "% of the cache; paged blocks of ");
			put_i(o, s->block_tokens > 0 ? s->block_tokens : 1);
			PUT(o, " would waste ");
			put_f(o, 100 * model_nonneg(pw), 1);
			PUT(o, "%");
		}
		note_end(r, o);
	}

	/* 6. speculative decoding */
	if (s->speculative && (o = note_begin(r, &ob))) {
		if (r->spec_speedup >= 1) {
			PUT(o, "speculative decoding: ");
			put_f(o, r->spec_tokens_per_round, 2);
			PUT(o, " tokens per round, ");
			put_f(o, r->spec_speedup, 2);
			PUT(o, "x faster per token at batch ");
		} else {
			PUT(o, "speculative decoding is slower (");
			put_f(o, r->spec_speedup, 2);
			PUT(o, "x) at batch ");
		}
		put_i(o, b);
		if (r->spec_speedup < 1)
			PUT(o, ": the verify step is compute-bound");
		if (f->draft_weights > 0) {
			PUT(o, "; memory holds the draft too (");
			put_bytes(o, f->draft_weights);
			PUT(o, " of weights, its KV)");
		}
		note_end(r, o);
	}

	/* 7. how the model and the weights are counted */
	if (m->params_b > 0 && (o = note_begin(r, &ob))) {
		PUT(o, "model known by size: ");
		put_f(o, m->params_b, 1);
		PUT(o, " B parameters, ");
		put_f(o, r->p.flops_per_token / 1e9, 1);
		PUT(o, " GFLOP per token (2P); the KV cache follows the architecture");
		note_end(r, o);
	} else if (m->params_b <= 0 && s->weights == PREC_INT4
	           && (o = note_begin(r, &ob))) {
		PUT(o, "int4, group ");
		put_i(o, s->group_size);
		PUT(o, ": ");
		put_f(o, model_bits_per_weight(PREC_INT4, s->group_size), 3);
		PUT(o, " bits per weight");
		if (s->embeddings_16bit)
			PUT(o, "; embeddings and LM head kept 16-bit");
		note_end(r, o);
	}

	/* 8. tensor parallelism */
	if (T > 1 && (o = note_begin(r, &ob))) {
		if (!(s->gpu.link_bw > 0)) {
			PUT(o, "no link bandwidth for ");
			put_s(o, s->gpu.id[0] ? s->gpu.id : "this accelerator");
			PUT(o, ": all-reduces count latency only");
		} else if (T > MODEL_NODE_GPUS) {
			/* the all-reduce keeps the intra-node link's bandwidth
			 * and alpha (see infertui-model(7), "Tensor parallelism
			 * across nodes"): say that it is optimistic */
			PUT(o, "tensor parallel over ");
			put_i(o, T);
			PUT(o, " GPUs spans nodes (8 per node): all-reduces take ");
			put_f(o, r->step.comm_s * 1e3, 2);
			PUT(o, " ms of each ");
			put_f(o, r->step.total_s * 1e3, 2);
			PUT(o, " ms step at the intra-node link's rate; real "
			    "inter-node TP is slower");
		} else {
			PUT(o, "tensor parallel over ");
			put_i(o, T);
			PUT(o, " GPUs: all-reduces take ");
			put_f(o, r->step.comm_s * 1e3, 2);
			PUT(o, " ms of each ");
			put_f(o, r->step.total_s * 1e3, 2);
			PUT(o, " ms decode step");
		}
		note_end(r, o);
	}
}

