/* notebuf.h — the note formatters of the math module (put_*: literals,
 * names, integers, fixed-point reals, percentages, bytes) writing into a
 * bounded outbuf.  Header only (the rare cases out of line, cold);
 * depends on nothing of the model. */
#ifndef INFERTUI_MODEL_NOTEBUF_H
#define INFERTUI_MODEL_NOTEBUF_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Notes are built piece by piece: snprintf's floating-point path alone
 * cost more than the whole model, and model_eval must run a million times
 * a second.  A note is begun, appended to (literals, strings, integers,
 * fixed-point reals, percentages) and ended; what does not fit is cut.
 * The room left is kept as an integer beside the pointer, not as the
 * buffer's end: a note begins with a constant room and each inline writer
 * takes from it a length whose range gcc knows (a literal's, 1 to 10
 * digits), so that the room checks of a short note fold away at compile
 * time. */
typedef struct {
	char *p;                   /* where the next character goes */
	size_t room;               /* how many more it holds (the '\0' apart) */
} outbuf;

/* k characters written at o->p: past them */
static inline void ob_skip(outbuf *o, size_t k)
{
	o->p += k;
	o->room -= k;
}

/* o as a writer out of line returned it, from a room of was: it took at
 * most max characters.  Said, so that the room checks after it fold as
 * after an inline writer's. */
static inline __attribute__((always_inline))
void ob_took(const outbuf *o, size_t was, size_t max)
{
	if (o->room > was || was - o->room > max)
		__builtin_unreachable();
}

/* always inlined: with a literal's constant length the copy is a few
 * moves, not a call */
static inline __attribute__((always_inline))
void put_n(outbuf *o, const char *s, size_t n)
{
	if (n <= o->room) {
		memcpy(o->p, s, n);     /* n constant for a literal */
		ob_skip(o, n);
	} else {                    /* cut: what fits */
		memcpy(o->p, s, o->room);
		ob_skip(o, o->room);
	}
}

#define PUT(o, lit) put_n((o), "" lit, sizeof(lit) - 1)

/* a string: its length, then one copy (a literal's strlen is folded) */
static inline void put_s(outbuf *o, const char *s)
{
	put_n(o, s, strlen(s));
}

/* A string held in a char array of `size` bytes (ids, names, op.text:
 * terminated inside it): its first zero byte found 16 at a time with
 * SSE2 as the bytes are copied (not a strlen call, then a memcpy call of
 * a length known only at run time; ids are 5 to 20 characters).  What is
 * copied past the '\0' is overwritten by the next piece or cut by
 * outbuf_end.  Near the buffer's end, and without SSE2: put_s. */
static inline __attribute__((always_inline))
void put_a(outbuf *o, const char *s, size_t size)
{
#ifdef __SSE2__
	size_t was = o->room, i;
	size_t lim = (size < was ? size : was) & ~(size_t)15;
	char *p = o->p;

	for (i = 0; i < lim; i += 16) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned z = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(w, _mm_setzero_si128()));
		_mm_storeu_si128((__m128i *)(void *)(p + i), w);
		if (z) {
			ob_skip(o, i + (unsigned)__builtin_ctz(z));
			ob_took(o, was, size);    /* the '\0' is inside */
			return;
		}
	}
	/* the rest (no '\0' in the first i bytes): what fits */
	ob_skip(o, i);
	if (i < size)
		put_s(o, s + i);
	ob_took(o, was, size);
#else
	(void)size;
	put_s(o, s);
#endif
}

/* put_a for a char array (not a pointer: its size is the array's) */
#define PUT_A(o, arr) put_a((o), (arr), sizeof(arr) + 0 * sizeof(char[ \
	__builtin_types_compatible_p(__typeof__(arr), __typeof__(&(arr)[0])) \
	? -1 : 1]))

/* the two-digit pairs "00".."99" of the digit writers below */
static inline const char *digit_pairs(void)
{
	static const char d2[] =
		"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";
	return d2;
}

/* Appends the n characters at q, which come from a buffer with at least
 * 24 readable bytes from q on: with room for 24, one fixed-size copy (a
 * few moves, no call; what follows the n characters is overwritten by the
 * next piece or cut by the '\0'). */
static inline void put_tail(outbuf *o, const char *q, size_t n)
{
	if (o->room >= 24) {
		memcpy(o->p, q, 24);
		ob_skip(o, n);
		return;
	}
	for (size_t i = 0; i < n && o->room > 0; i++) {
		*o->p = q[i];
		ob_skip(o, 1);
	}
}

/* decimal digits of v (1 for 0): comparisons, small values first */
static inline int digits_of(uint32_t v)
{
	return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 :
	       v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 :
	       v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
}

/* Writes the digits of v (at least one) backwards, ending just before q;
 * returns where they begin: two per step, the last one or two without a
 * division */
static inline char *digits_back32(char *q, uint32_t v)
{
	const char *d2 = digit_pairs();
	while (v >= 100) {
		/* one multiplication for the quotient, the remainder from it
		 * (v % 100 apart would be a second) */
		uint32_t t = v / 100, r = v - t * 100;
		v = t;
		q -= 2;
		memcpy(q, d2 + 2 * r, 2);
	}
	if (v >= 10) {
		q -= 2;
		memcpy(q, d2 + 2 * v, 2);
	} else {
		*--q = (char)('0' + v);
	}
	return q;
}

/* digits_fwd from 10^4 on: the length, then the digits backwards (out of
 * line: digits_fwd stays small enough to inline everywhere) */
static __attribute__((noinline, unused)) unsigned digits_fwd_wide(char *p, uint32_t v)
{
	int n = digits_of(v);
	digits_back32(p + n, v);
	return (unsigned)n;
}

/* Writes the digits of v (at least one) from p on; returns how many.
 * Below 10^4 (nearly every number of a note) the length and the digits
 * come from the same few comparisons and one division by 100, not
 * digits_of's comparisons and then digits_back32's loop. */
static inline unsigned digits_fwd(char *p, uint32_t v)
{
	const char *d2 = digit_pairs();
	if (v < 10) {
		*p = (char)('0' + v);
		return 1;
	}
	if (v < 100) {
		memcpy(p, d2 + 2 * v, 2);
		return 2;
	}
	if (v < 10000) {
		uint32_t h = v / 100, l = v - h * 100;
		if (v < 1000) {
			*p = (char)('0' + h);
			memcpy(p + 1, d2 + 2 * l, 2);
			return 3;
		}
		memcpy(p, d2 + 2 * h, 2);
		memcpy(p + 2, d2 + 2 * l, 2);
		return 4;
	}
	unsigned n = digits_fwd_wide(p, v);
	/* 5 to 10 digits (v >= 10^4): said for the room checks after */
	if (n < 5 || n > 10)
		__builtin_unreachable();
	return n;
}

/* digits_back32 for any v: 64-bit steps down to 32 bits */
static inline char *digits_back(char *q, unsigned long long v)
{
	const char *d2 = digit_pairs();
	while (v > UINT32_MAX) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		q -= 2;
		memcpy(q, d2 + 2 * r, 2);
	}
	return digits_back32(q, (uint32_t)v);
}

/* Writes v (< 10^n) as exactly n digits, zero-padded, backwards ending
 * just before q */
static inline void digits_n(char *q, uint32_t v, int n)
{
	const char *d2 = digit_pairs();
	if (n == 2) {                  /* cents: the common case */
		memcpy(q - 2, d2 + 2 * v, 2);
		return;
	}
	for (; n >= 2; n -= 2) {
		uint32_t t = v / 100, r = v - t * 100;
		v = t;
		q -= 2;
		memcpy(q, d2 + 2 * r, 2);
	}
	if (n > 0)
		q[-1] = (char)('0' + v);
}

/* put_fixed for any k, and for pieces cut at the buffer's end: the digits
 * written backwards into a scratch buffer, then copied (out of line: the
 * common case below stays small).  The writers out of line take the
 * outbuf by value and return it: no caller's outbuf has its address
 * taken, so the callers keep it in registers (through a pointer, every
 * character stored could be its p or room, read again after each). */
static __attribute__((noinline, cold, unused))
outbuf put_fixed_any(outbuf ob, unsigned long long k, int dec, int min_int)
{
	outbuf *o = &ob;
	char d[48];                /* digits end at d + 24; 24 bytes of slack */
	char *e = d + 24, *q = e;
	if (dec > 0) {
		for (int i = 0; i < dec && i < 8; i++) {
			*--q = (char)('0' + k % 10);
			k /= 10;
		}
		*--q = '.';
	}
	q = digits_back(q, k);
	while (e - q < min_int && q > d)
		*--q = '0';
	put_tail(o, q, (size_t)(e - q));
	return ob;
}

/* The digits of ip, then, for dec > 0, a point and the dec digits of fr
 * (< 10^dec, zero-padded), in place (the caller has checked the room for
 * 24 characters).  Always inlined: with a constant dec (put_f's callers)
 * the point and the fraction's digit pairs are a few moves. */
static inline __attribute__((always_inline))
void fixed_split(outbuf *o, uint32_t ip, uint32_t fr, int dec)
{
	char *p = o->p;
	size_t k = digits_fwd(p, ip);
	if (dec > 0) {
		p[k] = '.';
		k += 1 + (size_t)dec;
		digits_n(p + k, fr, dec);
	}
	ob_skip(o, k);
}

/* Writes w with a decimal point `dec` (0..8) digits from its right (none
 * for 0; w = 5, dec = 2: "0.05"), its integer part at least min_int
 * digits, zero-padded: the length known first (a few comparisons), then
 * the digits in place, in 32-bit arithmetic.  The caller has checked the
 * room for 24 characters.  For a dec known only at run time (the
 * constant ones are put_f's, inline). */
static inline outbuf fixed_in_place(outbuf ob, uint32_t w, int dec, int min_int)
{
	outbuf *o = &ob;
	uint32_t ip, fr;
	if (dec == 2) {          /* cents, the most common: no jump table */
		ip = w / 100;
		fr = w % 100;
	} else switch (dec) {    /* constant divisors: multiplications */
	case 1: ip = w / 10; fr = w % 10; break;
	case 3: ip = w / 1000; fr = w % 1000; break;
	case 4: ip = w / 10000; fr = w % 10000; break;
	case 5: ip = w / 100000; fr = w % 100000; break;
	case 6: ip = w / 1000000; fr = w % 1000000; break;
	case 7: ip = w / 10000000; fr = w % 10000000; break;
	case 8: ip = w / 100000000; fr = w % 100000000; break;
	default: ip = w; fr = 0; dec = 0; break;
	}
	int nd = digits_of(ip);
	if (nd < min_int) {            /* put_u's zero padding */
		int ni = min_int < 24 ? min_int : 24;
		memset(o->p, '0', (size_t)(ni - nd));
		ob_skip(o, (size_t)(ni - nd));
	}
	fixed_split(o, ip, fr, dec);
	return ob;
}

/* k with a decimal point `dec` (0..8) digits from its right, its integer
 * part at least min_int digits (at most 24 characters in all): in place
 * when k is below 2^32 and there is room for 24 */
static inline void put_fixed(outbuf *o, unsigned long long k, int dec,
                             int min_int)
{
	size_t was = o->room;

	if (k > UINT32_MAX || o->room < 24)
		*o = put_fixed_any(*o, k, dec, min_int);
	else
		*o = fixed_in_place(*o, (uint32_t)k, dec, min_int);
	/* put_fixed_any's scratch holds 24; in place, at most 24 of the
	 * integer part's zeros and digits, the point and 8 decimals */
	ob_took(o, was, 33);
}

/* unsigned decimal, at least min_digits (zero-padded) */
static inline void put_u(outbuf *o, unsigned long long v, int min_digits)
{
	put_fixed(o, v, 0, min_digits);
}

/* put_i's sign and its cut or wide cases */
static __attribute__((noinline, cold, unused)) outbuf put_i_any(outbuf ob, long v)
{
	outbuf *o = &ob;
	if (v < 0) {
		PUT(o, "-");
		return put_fixed_any(*o, -(unsigned long long)v, 0, 1);
	}
	return put_fixed_any(*o, (unsigned long long)v, 0, 1);
}

/* a signed integer; the common case (0 <= v < 2^32, room for 10 digits)
 * inline: a few comparisons for the length, then the digits in place */
static inline __attribute__((always_inline)) void put_i(outbuf *o, long v)
{
	if (v < 0 || (unsigned long)v > UINT32_MAX || o->room < 10) {
		size_t was = o->room;
		*o = put_i_any(*o, v);
		ob_took(o, was, 25);      /* "-" and put_fixed_any's 24 */
		return;
	}
	ob_skip(o, digits_fwd(o->p, (uint32_t)v));
}

/* put_f's 10^decimals */
static const double put_f_scale[] = { 1, 10, 100, 1000, 10000, 1e5, 1e6 };

/* put_f for every value (signs, NaN, the %.3g of huge ones) */
static __attribute__((noinline, cold, unused))
outbuf put_f_any(outbuf ob, double v, int decimals)
{
	outbuf *o = &ob;
	const double *scale = put_f_scale;
	if (!isfinite(v)) {
		PUT(o, "?");
		return ob;
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
		return ob;
	}
	put_fixed(o, (unsigned long long)(v * scale[decimals] + 0.5), decimals, 1);
	return ob;
}

/* v with `decimals` (0..6) digits after the point, like %.Nf (values of
 * 1e15 and more, or whose v·10^decimals reaches 1e19: %.3g).  One
 * rounding: v·10^decimals is rounded to an integer and written with the
 * point put in.  The common case (v >= 0, v·10^decimals below 2^32 - 1,
 * room for 24) takes two comparisons; NaN fails them.  Always inlined:
 * decimals is a constant but at one call (the API option's prices), so
 * the split at the point is a multiplication, in place. */
static inline __attribute__((always_inline))
void put_f(outbuf *o, double v, int decimals)
{
	/* 10^decimals as the split's divisor */
	static const uint32_t p10[] = { 1, 10, 100, 1000, 10000, 100000,
		1000000 };
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	double x = v * put_f_scale[decimals];
	if (x >= 0.0 && x < 4294967295.0 && o->room >= 24) {
		uint32_t w = (uint32_t)(x + 0.5);
		if (__builtin_constant_p(decimals)) {
			/* the remainder from the quotient: one multiplication
			 * (w % 10^d apart would be a second) */
			uint32_t ip = w / p10[decimals];
			fixed_split(o, ip, w - ip * p10[decimals], decimals);
		} else {
			*o = fixed_in_place(*o, w, decimals, 1);
		}
	} else {
		size_t was = o->room;
		*o = put_f_any(*o, v, decimals);
		ob_took(o, was, 34);      /* "-" and put_fixed's 33 */
	}
}

/* put_g's digits (room for 24 checked): those of k, a point before the
 * last dec of them, the fraction's trailing zeros dropped (k = 4400,
 * dec 3: "4.4"; k = 522, dec 5: "0.00522").  The digits are written once,
 * in place, and the fraction moved right past the point in one 8-byte
 * piece: no division by a power of ten known only at run time, and the
 * zeros dropped are characters compared, not divisions. */
static inline void g_in_place(outbuf *o, uint32_t k, int dec)
{
	char *p = o->p, f[8];
	int n = (int)digits_fwd(p, k);   /* 1..10 digits, dec <= 8 */

	if (k == 0)                   /* "0": no fraction */
		dec = 0;
	while (dec > 0 && p[n - 1] == '0') {   /* k > 0: stops at a digit */
		n--;
		dec--;
	}
	if (dec == 0) {
		ob_skip(o, (size_t)n);
	} else if (dec < n) {         /* n - dec integer digits */
		memcpy(f, p + n - dec, 8);
		p[n - dec] = '.';
		memcpy(p + n - dec + 1, f, 8);
		ob_skip(o, (size_t)n + 1);
	} else {                      /* "0." and dec - n (< 8) zeros */
		memcpy(f, p, 8);
		memcpy(p, "0.0000000", 10);
		memcpy(p + 2 + dec - n, f, 8);
		ob_skip(o, 2 + (size_t)dec);
	}
}

/* v with `sig` (1..9) significant digits like %.Ng, trailing zeros
 * dropped, but always in fixed point (no exponent: 1234.5 -> "1235"), at
 * most 8 decimals: 39.1403 -> "39.1", 0.00021036 -> "0.00021", 2.0 -> "2" */
static inline outbuf put_g_at(outbuf ob, double v, int sig)
{
	outbuf *o = &ob;
	/* doubles: a * p10[dec] as with the integer powers, without the
	 * unsigned-to-double conversion */
	static const double p10[] = { 1, 10, 100, 1000, 10000, 1e5, 1e6, 1e7,
		1e8 };
	double a = fabs(v);
	int dec = sig - 1;
	if (!(a < 1e9)) {          /* also NaN and infinities */
		put_f(o, v, 0);
		return ob;
	}
	for (double t = 10.0; a >= t && dec > 0; t *= 10.0)
		dec--;
	if (a < 1.0)               /* the loop's first test, at t = 1 */
		for (double t = 1.0; a > 0 && a < t && dec < 8; t *= 0.1)
			dec++;
	if (dec > 8)
		dec = 8;
	dec = dec > 0 ? dec : 0;
	/* a < 1e9, 10^dec <= 1e8: the signed conversion is exact here */
	unsigned long long k = (unsigned long long)(long long)(a * p10[dec] + 0.5);
	if (v < 0 && k > 0)
		PUT(o, "-");
	if (k <= UINT32_MAX && o->room >= 24) {
		g_in_place(o, (uint32_t)k, dec);
		return ob;
	}
	while (dec > 0 && k % 10 == 0) {
		k /= 10;
		dec--;
	}
	return put_fixed_any(*o, k, dec, 1);
}

/* put_g_at where the note is: its outbuf by value, so that a copy of
 * put_g_at out of line does not take the caller's outbuf's address */
static inline __attribute__((always_inline))
void put_g(outbuf *o, double v, int sig)
{
	size_t was = o->room;

	*o = put_g_at(*o, v, sig);
	ob_took(o, was, 35);          /* "-" and put_f_any's 34 */
}

/* a fraction as a percentage with `decimals` digits: 0.99731 -> "99.73%" */
static inline __attribute__((always_inline))
void put_pct(outbuf *o, double frac, int decimals)
{
	put_f(o, 100.0 * frac, decimals);
	PUT(o, "%");
}

/* bytes in GB (2 decimals), MB or kB (1 decimal), with the unit */
static inline __attribute__((always_inline)) void put_bytes(outbuf *o, double v)
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
	o->room = n > 0 ? n - 1 : 0;
}

static inline void outbuf_end(outbuf *o)
{
	*o->p = '\0';
}

#endif
