/* fuzz_keys — random key sequences into the explorer, headless.
 *
 * The explorer's core runs on a fake terminal (newterm on /dev/null) as in
 * tests/tui/screen_dump.c, and gets a random byte stream, cut into random
 * reads, through the same path as the real loop: the input filter, then
 * libtermkey, then the key handlers, with a frame drawn after every read
 * and now and then a pause (a held Esc becomes a key) or a resize.  The
 * stream mixes the keys of the explorer with what a terminal, a paste or a
 * hostile program may send: CSI with any parameters and intermediates, SGR
 * and X10 mouse reports at any coordinates (0 and off-screen included),
 * OSC/DCS/APC strings ended by BEL, ST, a new escape or nothing, SS3, 8-bit
 * C1 controls, UTF-8 (valid and not) and plain random bytes.  q and Ctrl-C
 * quit the explorer: the driver counts that and goes on.
 *
 * Passes when nothing crashes (make check runs it under ASan+UBSan in CI)
 * and, after every read, the scenario is one the explorer may hold
 * (params_validate, every number within its parameter's range) and the
 * selection is a parameter row.
 *
 * usage: fuzz_keys [EVENTS [SEED]]   (defaults: 3000, 20261130)
 * Run with $XDG_CONFIG_HOME and $HOME pointing at a scratch directory: the
 * explorer's save dialog writes there.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "params.h"
#include "tui/input.h"
#include "tui/ui.h"

static uint64_t rng_state;

static uint32_t rnd(void)   /* xorshift64*, fixed seed: reproducible */
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static uint32_t below(uint32_t n) { return n ? rnd() % n : 0; }

static const char *const known[] = {
	"\033[A", "\033[B", "\033[C", "\033[D", "\033[1;2C", "\033[1;2D",
	"\033[1;5A", "\033[5~", "\033[6~", "\033[H", "\033[F", "\033[3~",
	"\033[2~", "\033OP", "\033OQ", "\033[15~", "\033[Z", "\r", "\t", "\177",
	"\033", "\022", "\025", "\014", "\003", " ", "=", "?", "b", "u", "p",
	"s", "t", "h", "j", "k", "l", "H", "L", "q", "0", "1", "5", ".", "e",
	"-", "\033b", "\033[200~", "\033[201~",
};

static size_t put(char *buf, size_t o, size_t cap, const char *s, size_t n)
{
	if (o + n > cap)
		n = cap - o;
	memcpy(buf + o, s, n);
	return o + n;
}

/* one random event: bytes appended to buf; returns the new length */
static size_t event(char *buf, size_t o, size_t cap)
{
	char tmp[1024];
	int n = 0;

	switch (below(12)) {
	case 0: case 1: case 2: case 3: {   /* a key of the explorer */
		const char *k = known[below(sizeof known / sizeof known[0])];
		return put(buf, o, cap, k, strlen(k));
	}
	case 4: {                           /* CSI, anything goes */
		static const char pchars[] = "0123456789;:<=>?";
		n = snprintf(tmp, sizeof tmp, "%s", below(8) ? "\033[" : "\x9b");
		int np = (int)below(below(4) ? 8 : 90);
		for (int i = 0; i < np; i++)
			tmp[n++] = pchars[below(sizeof pchars - 1)];
		int ni = below(3) ? 0 : (int)below(3) + 1;
		for (int i = 0; i < ni; i++)
			tmp[n++] = (char)(0x20 + below(16));
		if (below(8))
			tmp[n++] = (char)(0x40 + below(0x3f));
		break;
	}
	case 5:                             /* SGR mouse */
		n = snprintf(tmp, sizeof tmp, "\033[<%u;%u;%u%c", below(130),
		             below(4) ? below(200) : below(70000),
		             below(4) ? below(60) : below(70000), below(2) ? 'M' : 'm');
		break;
	case 6:                             /* X10 mouse */
		n = snprintf(tmp, sizeof tmp, "\033[M");
		for (int i = 0; i < 3; i++)
			tmp[n++] = (char)below(256);
		break;
	case 7: {                           /* strings */
		static const char intro[] = "]P_^X";
		n = snprintf(tmp, sizeof tmp, "\033%c", intro[below(5)]);
		int len = (int)below(below(4) ? 40 : 600);
		for (int i = 0; i < len; i++)
			tmp[n++] = (char)(0x20 + below(0x5f));
		switch (below(4)) {
		case 0: tmp[n++] = '\007'; break;
		case 1: tmp[n++] = '\033'; tmp[n++] = '\\'; break;
		case 2: tmp[n++] = '\033'; tmp[n++] = '['; tmp[n++] = 'A'; break;
		default: break;                 /* unterminated */
		}
		break;
	}
	case 8:                             /* SS3 and Alt */
		tmp[n++] = '\033';
		if (below(2))
			tmp[n++] = 'O';
		tmp[n++] = (char)below(256);
		break;
	case 9: {                           /* UTF-8, valid or cut */
		static const char *const u[] = { "\xc3\xa9", "\xe2\x82\xac",
			"\xf0\x9f\x98\x80", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80",
			"\xc0\xaf", "\xff", "\x80" };
		const char *s = u[below(sizeof u / sizeof u[0])];
		return put(buf, o, cap, s, strlen(s));
	}
	case 10:                            /* typed text */
		n = (int)below(12);
		for (int i = 0; i < n; i++)
			tmp[i] = (char)(0x20 + below(0x5f));
		break;
	default:                            /* raw bytes */
		n = (int)below(16) + 1;
		for (int i = 0; i < n; i++)
			tmp[i] = (char)below(256);
		break;
	}
	return put(buf, o, cap, tmp, (size_t)n);
}

static int check_state(const tui_app *a, long ev)
{
	char err[256];
	const char *key = NULL;

	if (params_validate(&a->cur, err, sizeof err, &key) != 0) {
		fprintf(stderr, "fuzz_keys: event %ld: invalid scenario: %s (%s)\n",
		        ev, err, key ? key : "?");
		return -1;
	}
	for (size_t i = 0; i < params_count(); i++) {
		const param *p = params_at(i);
		if (p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU ||
		    p->type == PT_BOOL)
			continue;
		double v = params_get(&a->cur, p);
		if (!isfinite(v) || v < p->min || v > p->max) {
			fprintf(stderr, "fuzz_keys: event %ld: %s = %g outside %g to %g\n",
			        ev, p->key, v, p->min, p->max);
			return -1;
		}
	}
	/* the regions' rows keep the shares a preset must have */
	double sum = 0;
	for (int r = 0; r < a->cur.n_regions; r++)
		sum += a->cur.regions[r].share;
	if (fabs(sum - 1) > 1e-6) {
		fprintf(stderr, "fuzz_keys: event %ld: region shares sum to %.9g\n", ev, sum);
		return -1;
	}
	if (a->sel < 0 || a->sel >= a->n_rows || a->rows[a->sel].param < 0) {
		fprintf(stderr, "fuzz_keys: event %ld: selection %d is not a parameter row\n",
		        ev, a->sel);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static tui_app app;
	static scenario s;
	long events = argc > 1 ? atol(argv[1]) : 3000;
	uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261130;
	const char *top = getenv("top_srcdir");
	char path[2048];
	diag d;
	long quits = 0, pauses = 0, resizes = 0;
	size_t bytes = 0;

	rng_state = seed ? seed : 1;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	snprintf(path, sizeof path, "%s/tests/tui/screen.ini", top ? top : ".");
	scenario_defaults(&s);
	diag_init(&d);
	if (config_load_preset(path, &s, &d) != 0) {
		diag_print(&d, stderr);
		return 99;
	}
	FILE *o = fopen("/dev/null", "w"), *i = fopen("/dev/null", "r");
	SCREEN *scr = o && i ? newterm("xterm-256color", o, i) : NULL;
	if (!scr) {
		fputs("fuzz_keys: newterm failed\n", stderr);
		return 99;
	}
	set_term(scr);
	raw();
	noecho();
	tui_options opt = { .preset_path = path, .theme_name = NULL };
	TermKey *tk = keys_new(-1, "xterm-256color");
	if (!tk || app_init(&app, &s, &opt) != 0) {
		fputs("fuzz_keys: cannot start the explorer's core\n", stderr);
		return 99;
	}
	app_resize(&app, 24, 80);
	app_draw(&app);
	doupdate();

	input_filter inf;
	input_init(&inf);
	int status = 0;
	for (long ev = 0; ev < events && status == 0; ) {
		char stream[4096], out[2 * sizeof stream + INPUT_SEQ_MAX];
		size_t len = 0;
		/* a burst of events, cut into random reads */
		int burst = (int)below(6) + 1;
		for (int k = 0; k < burst && ev < events; k++, ev++)
			len = event(stream, len, sizeof stream);
		bytes += len;
		for (size_t at = 0; at < len && status == 0; ) {
			size_t chunk = below(4) ? len - at : below((uint32_t)(len - at)) + 1;
			size_t m = input_filter_bytes(&inf, stream + at, chunk, out);
			at += chunk;
			keys_feed(&app, tk, out, m);
			if (app.quit) {
				quits++;
				app.quit = false;
			}
			app_draw(&app);
			doupdate();
			status = check_state(&app, ev);
		}
		if (below(3) == 0) {   /* a pause */
			pauses++;
			input_timeout(&app, tk, &inf);
			app.quit = false;
		}
		if (below(40) == 0) {
			resizes++;
			int r = below(8) ? 24 + (int)below(40) : 1 + (int)below(30);
			int c = below(8) ? 80 + (int)below(140) : 1 + (int)below(90);
			app_resize(&app, r, c);
		}
		app_draw(&app);
		doupdate();
	}
	printf("fuzz_keys: seed %llu: %ld events, %zu bytes, %lu sequences dropped, "
	       "%ld pauses, %ld resizes, %ld quits: %s\n", (unsigned long long)seed,
	       events, bytes, inf.dropped, pauses, resizes, quits,
	       status ? "FAILED" : "clean");
	termkey_destroy(tk);
	endwin();
	delscreen(scr);
	fclose(o);
	fclose(i);
	app_free(&app);
	return status ? 1 : 0;
}
