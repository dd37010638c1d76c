/* units.h — the lowest layer of the math module: guards and caps that keep
 * every input finite (seconds, bytes, dollars, tokens, rates).  Inline only;
 * includes nothing of the model but scenario.h, calls nothing above it. */
#ifndef INFERTUI_MODEL_UNITS_H
#define INFERTUI_MODEL_UNITS_H

#include <float.h>
#include <math.h>
#include "scenario.h"

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
	/* isfinite(v), written as a compare that gcc makes a mask (andpd)
	 * rather than a move through an integer register: the guard runs
	 * hundreds of times an evaluation */
	return fabs(v) <= DBL_MAX ? v : 0;
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

/* v when finite (negative values kept), else 0 */
static inline double model_finite(double v)
{
	return fabs(v) <= DBL_MAX ? v : 0.0;   /* isfinite (see model_ratio) */
}

/* A rate (bytes/s, FLOP/s) that is zero, negative or not finite becomes
 * 1 per second: times stay finite (and absurd, which the input was). */
static inline double model_rate(double r)
{
	return (r >= 1.0 && r < INFINITY) ? r : 1.0;
}

/* floor and ceil of x >= 0 through a 64-bit integer (no libm call, no
 * software rounding); beyond 2^52 every double is already whole */
static inline double model_floor_pos(double x)
{
	return x < 4503599627370496.0 ? (double)(long long)x : x;
}

static inline double model_ceil_pos(double x)
{
	double f = model_floor_pos(x);
	return f < x ? f + 1.0 : f;
}

/* model_ceil_pos(n / r) by a multiplication, for a whole n in [1, 2^29)
 * and a whole r in [2, 2^19), inv = 1.0 / r (worked out once for many n).
 * Why it is the same double: n/r = k + j/r (0 <= j < r), and q = n·inv
 * is within 2^-23 of it (two roundings, n/r < 2^28).  j = 0: q − 2^-20
 * lies in (k − 1, k), so the ceiling is k, the exact quotient's; j >= 1:
 * n/r is at least 1/r >= 2^-19 above k and 1/r below k + 1, so q − 2^-20
 * lies in (k, k + 1) and the ceiling is k + 1; and n/r rounded also lies
 * strictly between k and k + 1 (an ulp below 2^28 is at most 2^-24), so
 * model_ceil_pos(n / r) is k + 1 too (tests/unit/test_fleet.c checks
 * every n below 2^16 and random n up to 2^29 against the division). */
static inline double model_ceil_div(double n, double inv)
{
	return model_ceil_pos(n * inv - 0x1p-20);
}

/* model_ceil_div's inv for r: 1/r for a whole r in [2, 2^19), else 0
 * (it does not apply) */
static inline double model_ceil_div_inv(int r)
{
	return r >= 2 && r < 524288 ? 1.0 / r : 0.0;
}

/* n in model_ceil_div's range: [1, 2^29) (whole: the caller's) */
static inline bool model_ceil_div_n(double n)
{
	return n >= 1.0 && n < 536870912.0;
}

/* A function inlined whatever gcc's heuristics say: the steps of the SLO
 * search and of the GPUs-per-replica pick, a handful to a call and some
 * dozens to an evaluation, whose calls (set-up, spills) cost more than
 * their bodies (tests/bench/bench_model.c: instructions per model_eval) */
#define MODEL_HOT static inline __attribute__((always_inline))

#endif
