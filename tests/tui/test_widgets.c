/* test_widgets — the explorer's number formatting and word-boundary
 * fitting (src/tui/widgets.c), against values worked out by hand. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tui/ui.h"

/* presentation mode's three-row figures: the 3x5 font of bigtext.c drawn
 * by hand.  '1' is .#. ##. .#. .#. ###: character row 0 holds pixel rows
 * 0 and 1 (column 0 only below: lower half; column 1 both: full; column 2
 * none), row 1 holds pixel rows 2 and 3, row 2 pixel row 4 (upper halves). */
static void test_big(void **state)
{
	(void)state;
	char b[3][UI_BIG_BYTES];
	assert_int_equal(ui_big_render("1", true, b), 3);
	assert_string_equal(b[0], "\u2584\u2588 ");
	assert_string_equal(b[1], " \u2588 ");
	assert_string_equal(b[2], "\u2580\u2580\u2580");
	/* ASCII: '#' for any half.  "1.0": 3 + gap + 1 (the point) + gap + 3.
	 * Row 0: '1' "## ", gap, point " ", gap, '0' "###" (### over #.#) */
	assert_int_equal(ui_big_render("1.0", false, b), 9);
	assert_string_equal(b[0], "##    ###");
	assert_string_equal(b[1], " #    # #");
	assert_string_equal(b[2], "### # ###");
	/* a character it has no glyph for: -1, the caller writes it small */
	assert_int_equal(ui_big_render("$1.5x", true, b), -1);
	/* the article's option A month: nine wide glyphs, ',' and '.' one
	 * column each, ten gaps: 27 + 2 + 10 */
	assert_int_equal(ui_big_render("$143,532.60", true, b), 39);
}

static void test_usd(void **state)
{
	char b[64];
	(void)state;
	/* three significant digits; k/M above a thousand */
	fmt_usd(b, sizeof b, 0.0021);
	assert_string_equal(b, "$0.00210");
	fmt_usd(b, sizeof b, 143532.60);      /* the seed's option A month */
	assert_string_equal(b, "$144k");
	fmt_usd(b, sizeof b, 1033434.72);     /* 12 x 86,119.56 */
	assert_string_equal(b, "$1.03M");
	fmt_usd(b, sizeof b, 8.19);
	assert_string_equal(b, "$8.19");
	fmt_usd(b, sizeof b, 9.996);          /* rounds up into the next decade */
	assert_string_equal(b, "$10.0");
	fmt_usd(b, sizeof b, 999.6);          /* ... and into the next suffix */
	assert_string_equal(b, "$1.00k");
}

static void test_time_bytes_rate(void **state)
{
	char b[64];
	(void)state;
	fmt_time(b, sizeof b, 0.0312);
	assert_string_equal(b, "31.2 ms");
	fmt_time(b, sizeof b, 6.42);
	assert_string_equal(b, "6.42 s");
	fmt_time(b, sizeof b, 20e-6);
	assert_string_equal(b, "20.0 us");
	fmt_time(b, sizeof b, 0);
	assert_string_equal(b, "0 ms");
	/* SI bytes: 1.34e9 B is 1.34 GB; 2 x 40 GiB = 85.899e9 B is 85.9 GB */
	fmt_bytes(b, sizeof b, 1.34e9);
	assert_string_equal(b, "1.34 GB");
	fmt_bytes(b, sizeof b, 2 * 40.0 * 1024 * 1024 * 1024);
	assert_string_equal(b, "85.9 GB");
	fmt_bytes(b, sizeof b, 327680);       /* 80 layers x 8 x 128 x 2 x 2 B */
	assert_string_equal(b, "328 kB");
	fmt_rate(b, sizeof b, 665.1, "tok/s");
	assert_string_equal(b, "665 tok/s");
	fmt_rate(b, sizeof b, 2450, "tok/s");
	assert_string_equal(b, "2.45k tok/s");
	fmt_count(b, sizeof b, 4096);
	assert_string_equal(b, "4096");
	fmt_count(b, sizeof b, 500000);
	assert_string_equal(b, "500k");
}

static void test_delta(void **state)
{
	char b[64];
	(void)state;
	/* 0.412 against 0.532: -0.120 absolute, -0.120/0.532 = -22.6% -> -23% */
	fmt_delta(b, sizeof b, 0.412, 0.532, fmt_usd);
	assert_string_equal(b, "-$0.120 -23%");
	/* 31.2 ms against 30 ms: +1.20 ms, +4.0% (one decimal below 10%) */
	fmt_delta(b, sizeof b, 0.0312, 0.030, fmt_time);
	assert_string_equal(b, "+1.20 ms +4.0%");
	/* equal: nothing */
	fmt_delta(b, sizeof b, 5, 5, fmt_usd);
	assert_string_equal(b, "");
	/* from zero: absolute only */
	fmt_delta(b, sizeof b, 2, 0, fmt_usd);
	assert_string_equal(b, "+$2.00");
	fmt_delta_unit(b, sizeof b, 48, 64, "seqs");
	assert_string_equal(b, "-16.0 seqs -25%");
}

static void test_fit(void **state)
{
	char b[128];
	(void)state;
	/* never mid-word: the last whole word that fits */
	assert_int_equal(ui_fit("Requests per day", 12, b, sizeof b), 12);
	assert_string_equal(b, "Requests per");
	assert_int_equal(ui_fit("Requests per day", 11, b, sizeof b), 8);
	assert_string_equal(b, "Requests");
	/* nor an open bracket */
	ui_fit("Params (size only)", 15, b, sizeof b);
	assert_string_equal(b, "Params");
	/* nor a dangling separator */
	ui_fit("TTFT 2.1 s over SLO; decode memory-bound", 22, b, sizeof b);
	assert_string_equal(b, "TTFT 2.1 s over SLO");
	/* one word too long for the room: nothing rather than a piece */
	ui_fit("Accelerator", 5, b, sizeof b);
	assert_string_equal(b, "");
	/* display columns, not bytes: "█ 138 GB" is 8 columns, 10 bytes */
	assert_int_equal(ui_width("\u2588 138 GB"), 8);
	assert_int_equal(ui_fit("\u2588 138 GB", 8, b, sizeof b), 8);
	assert_string_equal(b, "\u2588 138 GB");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_big),
		cmocka_unit_test(test_usd),
		cmocka_unit_test(test_time_bytes_rate),
		cmocka_unit_test(test_delta),
		cmocka_unit_test(test_fit),
	};
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return 1;
	setlocale(LC_NUMERIC, "C");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
