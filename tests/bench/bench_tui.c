/* bench_tui — the explorer's cost per keystroke, on an 80x24
 * xterm-256color terminal that is a real pseudo-terminal (raw mode): every
 * byte ncurses sends is read back from the master side and counted.
 *   first frame: app_init (themes, model_eval) + layout + first doupdate
 *   one slider step: the Right/Left key through libtermkey, recompute
 *     (model_eval), redraw of the dirty regions, doupdate — time and bytes
 *     written, median over many steps after the first frame.
 * Bars (issue 6): step <= 1 ms, <= 1 KB per step, first frame <= 50 ms.
 * Exit 1 when a bar is missed.
 *
 * usage: bench_tui [PRESET]   (default: $top_srcdir/tests/tui/screen.ini)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "config.h"
#include "params.h"
#include "tui/ui.h"

#define STEPS 400

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static tui_app app;
static int master = -1;

/* what the explorer wrote to the terminal since the last call */
static long drain(void)
{
	char buf[65536];
	long total = 0;
	ssize_t n;
	while ((n = read(master, buf, sizeof buf)) > 0)
		total += n;
	return total;
}

int main(int argc, char **argv)
{
	static scenario s;
	static double t_step[STEPS], bytes[STEPS];
	char path[2048];
	const char *top = getenv("top_srcdir");
	diag d;
	int rc = 0;

	setlocale(LC_ALL, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");
	if (argc > 1)
		snprintf(path, sizeof path, "%s", argv[1]);
	else
		snprintf(path, sizeof path, "%s/tests/tui/screen.ini",
		         top ? top : INFERTUI_SRCDIR);
	scenario_defaults(&s);
	diag_init(&d);
	if (config_load_preset(path, &s, &d) != 0) {
		diag_print(&d, stderr);
		return 2;
	}

	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master)) {
		perror("bench_tui: pseudo-terminal");
		return 2;
	}
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
	int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	struct termios tio;
	if (slave < 0 || tcgetattr(slave, &tio)) {
		perror("bench_tui: pseudo-terminal");
		return 2;
	}
	cfmakeraw(&tio);   /* bytes through unchanged: count what is sent */
	tcsetattr(slave, TCSANOW, &tio);
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	ioctl(slave, TIOCSWINSZ, &ws);
	FILE *out = fdopen(slave, "w"), *in = fopen("/dev/null", "r");
	if (!out || !in) {
		perror("bench_tui");
		return 2;
	}
	double t0 = now();
	SCREEN *scr = newterm("xterm-256color", out, in);
	if (!scr) {
		fputs("bench_tui: newterm failed\n", stderr);
		return 2;
	}
	set_term(scr);
	raw();
	noecho();
	tui_options opt = { .preset_path = path, .theme_name = NULL };
	if (app_init(&app, &s, &opt) != 0)
		return 2;
	TermKey *tk = keys_new(-1, "xterm-256color");
	app_resize(&app, 24, 80);
	app_draw(&app);
	doupdate();
	fflush(out);
	double first = now() - t0;
	long first_bytes = drain();

	/* select serving.max_batch: a slider that moves every panel */
	for (int i = 0; i < app.n_rows; i++)
		if (app.rows[i].param >= 0 &&
		    !strcmp(params_at((size_t)app.rows[i].param)->key, "serving.max_batch"))
			app.sel = i;
	layout_scroll_to_sel(&app);
	app.dirty = D_ALL;
	app_draw(&app);
	doupdate();
	fflush(out);
	drain();

	for (int i = 0; i < STEPS; i++) {
		/* down then up again, so the value stays in range */
		const char *k = (i / 8) % 2 ? "\033[C" : "\033[D";
		double t = now();
		keys_feed(&app, tk, k, strlen(k));
		app_draw(&app);
		doupdate();
		fflush(out);
		t_step[i] = now() - t;
		bytes[i] = (double)drain();
	}
	double ms = median(t_step, STEPS) * 1e3, kb = median(bytes, STEPS);
	double worst = t_step[STEPS - 1] * 1e3;   /* sorted by median() */

	/* the same at 160x48 (chart included), for information */
	app_resize(&app, 48, 160);
	app_draw(&app);
	doupdate();
	drain();
	for (int i = 0; i < STEPS / 4; i++) {
		const char *k = (i / 8) % 2 ? "\033[C" : "\033[D";
		double t = now();
		keys_feed(&app, tk, k, strlen(k));
		app_draw(&app);
		doupdate();
		fflush(out);
		t_step[i] = now() - t;
		drain();
	}
	double ms_big = median(t_step, STEPS / 4) * 1e3;

	termkey_destroy(tk);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	close(master);
	app_free(&app);

	printf("first frame (80x24):         %8.2f ms, %ld bytes   (bar: <= 50 ms)\n",
	       first * 1e3, first_bytes);
	printf("slider step (80x24), median: %8.3f ms (worst %.3f ms)   (bar: <= 1 ms)\n",
	       ms, worst);
	printf("bytes per step (80x24), median: %5.0f bytes   (bar: <= 1024)\n", kb);
	printf("slider step (160x48, chart), median: %8.3f ms\n", ms_big);
	if (first > 0.050) {
		puts("FAIL: first frame over 50 ms");
		rc = 1;
	}
	if (ms > 1.0) {
		puts("FAIL: slider step over 1 ms");
		rc = 1;
	}
	if (kb > 1024) {
		puts("FAIL: more than 1 KB per step");
		rc = 1;
	}
	return rc;
}
