/* model_impl.h — private to the math module (src/model/) and its unit
 * tests.  The public API is model.h; these are the intermediate formulas,
 * exported so that each can be tested alone.  See man/infertui-model.7.
 */
#ifndef INFERTUI_MODEL_IMPL_H
#define INFERTUI_MODEL_IMPL_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "model/model.h"

/* v when positive and finite, else 0: every input goes through this or a
 * like guard, so that no output is NaN or infinite */
static inline double model_nonneg(double v)
{
	return (v > 0 && v < INFINITY) ? v : 0;
}

/* a/b, or 0 when b is not positive or the quotient is not finite (a $/token
 * with no throughput is reported as 0, never as infinity) */
static inline double model_ratio(double a, double b)
{
	if (!(b > 0))
		return 0;
	double v = a / b;
	return isfinite(v) ? v : 0;
}

/* v clamped to [0, max] (NaN: 0) */
static inline double model_cap(double v, double max)
{
	v = model_nonneg(v);
	return v < max ? v : max;
}

/* Caps on inputs, far beyond anything real, so that products and sums of
 * inputs stay finite: seconds (overheads, latencies) at 1e9 (30 years),
 * bytes (device memory, overhead, size-efficiency term) and dollars per
 * hour at 1e30, token counts at 1e15. */
#define MODEL_MAX_SECONDS 1e9
#define MODEL_MAX_BYTES 1e30
#define MODEL_MAX_USD 1e30

/* Token counts are taken up to 1e15 (far beyond any context): products
 * of them with other inputs then stay finite. */
#define MODEL_MAX_TOKENS 1e15

static inline double model_tokens(double v)
{
	return model_cap(v, MODEL_MAX_TOKENS);
}

static inline double model_in_tokens(const scenario *s)
{
	return model_tokens(s->input_tokens);
}

static inline double model_out_tokens(const scenario *s)
{
	return model_tokens(s->output_tokens);
}

/* Largest T the "min GPUs to fit" search tries (1, 2, 4, 8, 16, 24, ...). */
#define MODEL_MAX_GPUS 1024
/* max_concurrency is capped here (a KV cache of zero bytes per token would
 * otherwise allow infinitely many sequences). */
#define MODEL_MAX_CONCURRENCY 1000000000000L

/* A rate (bytes/s, FLOP/s) that is zero, negative or not finite becomes
 * 1 per second: times stay finite (and absurd, which the input was). */
double model_rate(double r);

/* Bits of the embedding and LM-head matrices (16 under int4/int8 when
 * scenario.embeddings_16bit, else the weights' own). */
double model_head_bits(const scenario *s);
/* Bits per KV-cache value for a precision (fp32 32, 16-bit 16, fp8/int8 8,
 * int4 4). */
double model_kv_bits(int prec);
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
/* FLOPs of attention per (query, key) pair per layer: 4·n_h·d_h; under MLA
 * 2·n_h·(2·d_c + d_rope) in decode (absorbed form, reading the latent) and
 * 2·n_h·(d_h + d_rope + d_v) in prefill (expanded form). */
double model_attn_pair_flops(const model_spec *m, bool decode);

/* The efficiency curves (man infertui-model(7), "Efficiency model"). */
double model_mbu_at(const gpu_spec *g, double bytes_per_layer);
double model_mfu_at(const gpu_spec *g, double tokens);

/* The constants of one (scenario, accelerator, T): built once, so that a
 * decode step or a prefill is a few multiplications (model_eval runs a
 * million times a second; the SLO search calls the perf many times). */
typedef struct {
	const scenario *s;
	int gpus;
	double T, L, H;
	double kv_tok;             /* KV bytes per token */
	double pair_dec, pair_pre; /* attention FLOPs per (query, key) pair per layer */
	double w_base;             /* bytes of every read matrix but routed experts */
	double w_routed;           /* bytes of all routed experts */
	double f_tok;              /* 2·(P_layers_active + P_head) */
	double f_layers, f_head;   /* 2·P_layers_active, 2·P_head */
	double bw_eff;             /* BW·mbu */
	double x_half_layers;      /* L·mbu_half_bytes */
	double f_eff;              /* F(prec)·mfu */
	double n_half;             /* mfu_half_tokens */
	double link_bw, alpha;
	double fixed;              /* t_fixed */
	double hit;                /* prefix hit rate h */
	int prec;
} model_hw;
void model_hw_init(model_hw *c, const scenario *s, const gpu_spec *g,
                   int gpus, const model_params *p);
void model_hw_decode(const model_hw *c, double batch, double context,
                     double q, phase_time *t);
void model_hw_prefill(const model_hw *c, double prompt, double nseq,
                      phase_time *t);
double model_hw_weights_read(const model_hw *c, double tokens);

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
	double weights;            /* W */
	double replica_memory;     /* T·mem */
	double overhead;           /* T·overhead */
	double usable;             /* T·mem·util − T·overhead */
	double kv_room;            /* usable − W (may be negative) */
	double kv_tok;             /* bytes per token */
	double req_tokens;         /* tokens one request holds at its peak */
	double kv_req;             /* req_tokens·kv_tok */
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
	double expected_max;
} model_perf;
void model_perf_at(const model_hw *c, int batch, bool full, model_perf *out);
/* The same with one prompt's prefill (model_hw_prefill(c, in, 1)) already
 * computed, when not NULL: it does not depend on the batch. */
void model_perf_at_pre(const model_hw *c, int batch, bool full,
                       const phase_time *prefill1, model_perf *out);

/* model_fleet() on a replica already set up by model_eval (fleet.c): the
 * SLO search reuses hw instead of setting the replica up again. */
void model_fleet_hw(const scenario *s, results *r, const model_hw *hw);


/* ---- note formatting (model.c and fleet.c) -----------------------------
 * Notes are built piece by piece: snprintf's floating-point path alone
 * cost more than the whole model, and model_eval must run a million times
 * a second.  A note is begun, appended to (literals, strings, integers,
 * fixed-point reals, percentages) and ended; output past o->end is cut. */
typedef struct {
	char *p, *end;
} outbuf;

/* always inlined: with a literal's constant length the copy is a few
 * moves, not a call */
static inline __attribute__((always_inline))
void put_n(outbuf *o, const char *s, size_t n)
{
	size_t room = (size_t)(o->end - o->p);
	if (n <= room) {
		memcpy(o->p, s, n);     /* n constant for a literal */
		o->p += n;
	} else {
		memcpy(o->p, s, room);
		o->p += room;
	}
}

#define PUT(o, lit) put_n((o), "" lit, sizeof(lit) - 1)

/* a short string (a name): bytes copied one by one, no strlen/memcpy calls */
static inline void put_s(outbuf *o, const char *s)
{
	while (*s && o->p < o->end)
		*o->p++ = *s++;
}

/* Writes the digits of v (at least one) backwards, ending just before q;
 * returns where they begin.  Two digits per division, in 32 bits when the
 * value allows. */
static inline char *digits_back(char *q, unsigned long long v)
{
	static const char d2[] =
		"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";
	while (v >= 4294967296ULL) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		q -= 2;
		q[0] = d2[2 * r];
		q[1] = d2[2 * r + 1];
	}
	unsigned w = (unsigned)v;
	while (w >= 100) {
		unsigned r = w % 100;
		w /= 100;
		q -= 2;
		q[0] = d2[2 * r];
		q[1] = d2[2 * r + 1];
	}
	if (w >= 10) {
		q -= 2;
		q[0] = d2[2 * w];
		q[1] = d2[2 * w + 1];
	} else {
		*--q = (char)('0' + w);
	}
	return q;
}

/* Appends the n characters at q, which come from a buffer with at least
 * 24 readable bytes from q on: with room for 24, one fixed-size copy (a
 * few moves, no call; what follows the n characters is overwritten by the
 * next piece or cut by the '\0'). */
static inline void put_tail(outbuf *o, const char *q, size_t n)
{
	if (o->end - o->p >= 24) {
		memcpy(o->p, q, 24);
		o->p += n;
		return;
	}
	for (size_t i = 0; i < n && o->p < o->end; i++)
		*o->p++ = q[i];
}

/* unsigned decimal, at least min_digits (zero-padded) */
static inline void put_u(outbuf *o, unsigned long long v, int min_digits)
{
	char d[48];                /* digits end at d + 24; 24 bytes of slack */
	char *e = d + 24, *q = digits_back(e, v);
	while (e - q < min_digits && q > d)
		*--q = '0';
	put_tail(o, q, (size_t)(e - q));
}

static inline void put_i(outbuf *o, long v)
{
	if (v < 0) {
		PUT(o, "-");
		put_u(o, -(unsigned long long)v, 1);
	} else {
		put_u(o, (unsigned long long)v, 1);
	}
}

/* v with `decimals` (0..6) digits after the point, like %.Nf (values of
 * 1e15 and more, or whose v·10^decimals reaches 1e19: %.3g).  One
 * rounding: v·10^decimals is rounded to an integer and written with the
 * point put in. */
static inline void put_f(outbuf *o, double v, int decimals)
{
	static const double scale[] = { 1, 10, 100, 1000, 10000, 1e5, 1e6 };
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v)) {
		PUT(o, "?");
		return;
	}
	if (v < 0) {
		v = -v;
		if (v * scale[decimals] >= 0.5)   /* no "-0" */
			PUT(o, "-");
	}
	if (v >= 1e15 || v * scale[decimals] >= 1e19) {
		char tmp[32];
		snprintf(tmp, sizeof tmp, "%.3g", v);
		put_s(o, tmp);
		return;
	}
	static const unsigned p10[] = { 1, 10, 100, 1000, 10000, 100000,
		1000000 };
	unsigned long long k = (unsigned long long)(v * scale[decimals] + 0.5);
	char d[48];                /* digits end at d + 24; 24 bytes of slack */
	char *e = d + 24, *q = e;
	if (decimals > 0) {
		/* constant divisors: multiplications, not a 64-bit divide */
		unsigned long long ip;
		switch (decimals) {
		case 1: ip = k / 10; break;
		case 2: ip = k / 100; break;
		case 3: ip = k / 1000; break;
		case 4: ip = k / 10000; break;
		case 5: ip = k / 100000; break;
		default: ip = k / 1000000; break;
		}
		q = digits_back(e, k - ip * p10[decimals]);
		while (e - q < decimals)
			*--q = '0';
		*--q = '.';
		k = ip;
	}
	q = digits_back(q, k);
	put_tail(o, q, (size_t)(e - q));
}

/* v with `sig` (1..9) significant digits like %.Ng, trailing zeros
 * dropped, but always in fixed point (no exponent: 1234.5 -> "1235"), at
 * most 8 decimals: 39.1403 -> "39.1", 0.00021036 -> "0.00021", 2.0 -> "2" */
static inline void put_g(outbuf *o, double v, int sig)
{
	static const unsigned long long p10[] = { 1, 10, 100, 1000, 10000,
		100000, 1000000, 10000000, 100000000 };
	double a = fabs(v);
	int dec = sig - 1;
	if (!isfinite(v) || a >= 1e9) {
		put_f(o, v, 0);
		return;
	}
	for (double t = 10.0; a >= t && dec > 0; t *= 10.0)
		dec--;
	for (double t = 1.0; a > 0 && a < t && dec < 8; t *= 0.1)
		dec++;
	if (dec > 8)
		dec = 8;
	dec = dec > 0 ? dec : 0;
	unsigned long long k = (unsigned long long)(a * (double)p10[dec] + 0.5);
	while (dec > 0 && k % 10 == 0) {
		k /= 10;
		dec--;
	}
	if (v < 0 && k > 0)
		PUT(o, "-");
	put_u(o, k / p10[dec], 1);
	if (dec > 0) {
		PUT(o, ".");
		put_u(o, k % p10[dec], dec);
	}
}

/* a fraction as a percentage with `decimals` digits: 0.99731 -> "99.73%" */
static inline void put_pct(outbuf *o, double frac, int decimals)
{
	put_f(o, 100.0 * frac, decimals);
	PUT(o, "%");
}

/* bytes in GB (2 decimals), MB or kB (1 decimal), with the unit */
static inline void put_bytes(outbuf *o, double v)
{
	if (!(v < 1e9) || v >= 1e15) {   /* also NaN: put_f says "?" */
		put_f(o, v / 1e9, 2);
		PUT(o, " GB");
	} else if (v >= 1e6) {
		put_f(o, v / 1e6, 1);
		PUT(o, " MB");
	} else {
		put_f(o, v / 1e3, 1);
		PUT(o, " kB");
	}
}

/* a buffer of n bytes (the last kept for the '\0' of outbuf_end) */
static inline void outbuf_init(outbuf *o, char *buf, size_t n)
{
	o->p = buf;
	o->end = buf + (n > 0 ? n - 1 : 0);
}

static inline void outbuf_end(outbuf *o)
{
	*o->p = '\0';
}

#endif
