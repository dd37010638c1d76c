/* test_input — the input filter against byte strings worked out by hand
 * from ECMA-48 (CSI = ESC [ params 0x30-0x3f, intermediates 0x20-0x2f,
 * final 0x40-0x7e; strings end with BEL or ESC \) and xterm's encodings
 * of keys and mouse reports. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tui/input.h"

/* filter IN (all at once, or one byte per call when split) and, when
 * expire, pause after it; the output must be WANT */
static void check(const char *in, size_t n, const char *want, size_t wn,
                  bool split, bool expire)
{
	input_filter f;
	char out[4096];
	size_t o = 0;

	input_init(&f);
	if (split)
		for (size_t i = 0; i < n; i++)
			o += input_filter_bytes(&f, in + i, 1, out + o);
	else
		o = input_filter_bytes(&f, in, n, out);
	if (expire)
		o += input_expire(&f, out + o);
	assert_int_equal(o, wn);
	assert_memory_equal(out, want, wn);
	if (expire)
		assert_false(input_pending(&f));
}

#define SAME(s) do { \
	check(s, sizeof s - 1, s, sizeof s - 1, false, false); \
	check(s, sizeof s - 1, s, sizeof s - 1, true, false); } while (0)
#define GIVES(s, w) do { \
	check(s, sizeof s - 1, w, sizeof w - 1, false, true); \
	check(s, sizeof s - 1, w, sizeof w - 1, true, true); } while (0)

static void keys_pass_unchanged(void **state)
{
	(void)state;
	SAME("jkq=?\t\r\x03\x7f");
	SAME("\033[A\033[B\033[1;2C\033[5~\033[Z\033OP");   /* arrows, PgUp, BTab, F1 */
	SAME("\033[<0;12;3M\033[<0;12;3m\033[<64;1;1M");    /* SGR mouse */
	SAME("\033[M !!");                                  /* X10 mouse */
	SAME("\033a\033\x7f");                              /* Alt-a, Alt-BS */
	SAME("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");       /* é € 😀 */
	SAME("\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16A");  /* 16 parameters */
	SAME("\033[<0;1234567;1M");                         /* 7 digits */
}

static void bad_sequences_dropped(void **state)
{
	(void)state;
	/* CSI with an intermediate byte: libtermkey 0.22 crashed on these */
	GIVES("\033[ A" "j", "j");
	GIVES("\033[1.A" "\033[$A" "\033[.E" "k", "k");
	GIVES("\033[?1;2$y" "\033[2 q", "");
	GIVES("\x9b A" "x", "x");                           /* 8-bit CSI */
	/* strings, ended by BEL or ST, of any length */
	GIVES("\033]0;x\007" "q", "q");
	GIVES("\033]2;title\033\\" "\033Pqz\033\\" "\033_apc\007" "\033^pm\007" "j",
	      "j");
	/* a string cut by a new escape: the escape is kept */
	GIVES("\033]0;x\033[A", "\033[A");
	/* over-long CSI (over INPUT_SEQ_MAX bytes) is dropped up to its end */
	char csi[200], in[220];
	memset(csi, '1', sizeof csi);
	snprintf(in, sizeof in, "\033[%.*sAk", 150, csi);
	check(in, strlen(in), "k", 1, false, true);
	check(in, strlen(in), "k", 1, true, true);
	/* a control inside a CSI cuts it: the control is a key */
	GIVES("\033[1;\003", "\003");
	/* what no terminal sends for a key, and libtermkey 0.22 crashed on:
	 * a private marker past the first byte, 17 parameters, 8 digits */
	GIVES("\033[96346<2=<<8==02<6715>=<0:0=3927u" "j", "j");
	GIVES("\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17A", "");
	GIVES("\033[<0;12345678;1M", "");
}

static void pause_decides(void **state)
{
	(void)state;
	GIVES("\033", "\033");               /* the Escape key */
	GIVES("\033[", "\033[");             /* Alt-[ */
	GIVES("\033O", "\033O");             /* Alt-O */
	GIVES("\033]", "\033]");             /* Alt-] */
	GIVES("\033[1;2", "");               /* half a sequence: dropped */
	GIVES("\033]0;unterminated", "");    /* an unterminated string */
	GIVES("\xc3", "");                   /* half a character */
	GIVES("\033[M !", "");               /* half an X10 report */
	/* after the pause, keys go through again */
	input_filter f;
	char out[64];
	input_init(&f);
	assert_int_equal(input_filter_bytes(&f, "\033]0;x", 5, out), 0);
	assert_true(input_pending(&f));
	assert_int_equal(input_expire(&f, out), 0);
	assert_int_equal(input_filter_bytes(&f, "q", 1, out), 1);
	assert_int_equal(out[0], 'q');
}

static void output_bound(void **state)
{
	/* the worst case: 8-bit CSI grows to ESC [; 2n + INPUT_SEQ_MAX holds */
	char in[512], out[2 * sizeof in + INPUT_SEQ_MAX];
	input_filter f;
	(void)state;
	for (size_t i = 0; i < sizeof in; i += 2) {
		in[i] = (char)0x9b;
		in[i + 1] = 'A';
	}
	input_init(&f);
	size_t o = input_filter_bytes(&f, in, sizeof in, out);
	assert_int_equal(o, sizeof in / 2 * 3);
	assert_memory_equal(out, "\033[A\033[A", 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_pass_unchanged),
		cmocka_unit_test(bad_sequences_dropped),
		cmocka_unit_test(pause_decides),
		cmocka_unit_test(output_bound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
