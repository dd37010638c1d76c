/* bench_tui — what a user of the explorer waits for, on xterm-256color
 * terminals that are real pseudo-terminals (raw mode): every byte ncurses
 * sends is read back from the master side and counted.
 *   first frame: the program itself (src/infertui, or $INFERTUI) started on
 *     a pseudo-terminal with "q" already typed: exec, dynamic linking, the
 *     preset's parsing, themes, model, layout, the first frame, then the q
 *     that ends it.  Median wall time and median CPU time (user + system)
 *     of the child over FIRST_RUNS runs.
 *   one slider step: the Right/Left key through libtermkey, recompute
 *     (model_eval), redraw of the dirty regions, doupdate — CPU time of
 *     this process and bytes written, medians over many steps, at 80x24
 *     and at 160x48 (the chart included).
 * Both in the default colour theme, as a user gets it: the shipped themes
 * are copied into a private $XDG_CONFIG_HOME (a test program is not in the
 * build tree's search path) and the bench fails if the theme is not
 * "default" in colour.
 * Bars: first frame <= 50 ms (median CPU: wall time on a shared machine
 * measures the neighbours); step <= 1 ms and <= 1 KB at
 * 80x24, <= 1.5 ms and <= 1.5 KB at 160x48 (medians).  Exit 1 when a bar
 * is missed.
 *
 * usage: bench_tui [PRESET]   (default: $top_srcdir/tests/tui/screen.ini)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "config.h"
#include "params.h"
#include "tui/ui.h"

#define STEPS 400
#define FIRST_RUNS 15

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpu_now(void)   /* this thread's CPU time (not the reader's) */
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
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

/* A thread reads the master side all the time (a frame can be larger than
 * the pseudo-terminal's buffer) and counts the bytes.  drain() writes a
 * marker of four NULs (which ncurses never sends) behind what the explorer
 * wrote, waits until the reader has seen it, and returns the bytes since
 * its last call: exact, whatever the pseudo-terminal's buffering. */
static long counted, reported, markers;
static int slave_fd = -1;

static void *reader(void *arg)
{
	char buf[65536];
	long zeros = 0;
	(void)arg;
	for (;;) {
		ssize_t n = read(master, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return NULL;
		long add = 0, mk = 0;
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == 0) {
				if (++zeros == 4) {
					mk++;
					zeros = 0;
				}
			} else {
				add += zeros + 1;
				zeros = 0;
			}
		}
		__atomic_add_fetch(&counted, add, __ATOMIC_SEQ_CST);
		__atomic_add_fetch(&markers, mk, __ATOMIC_SEQ_CST);
	}
}

static long drain(void)
{
	long want = __atomic_load_n(&markers, __ATOMIC_SEQ_CST) + 1;
	if (write(slave_fd, "\0\0\0\0", 4) != 4)
		return -1;
	while (__atomic_load_n(&markers, __ATOMIC_SEQ_CST) < want)
		usleep(20);
	long c = __atomic_load_n(&counted, __ATOMIC_SEQ_CST), d = c - reported;
	reported = c;
	return d;
}

/* a private config dir holding the shipped themes; returns 0 */
static int private_themes(const char *top, char *dir, size_t len)
{
	char cmd[4096];
	snprintf(dir, len, "/tmp/bench_tui.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(cmd, sizeof cmd, "mkdir -p '%s/infertui/themes' && cp '%s'/themes/*.ini '%s/infertui/themes/'",
	         dir, top, dir);
	if (system(cmd) != 0)
		return -1;
	setenv("XDG_CONFIG_HOME", dir, 1);
	return 0;
}

/* the program from exec to its first frame (and the q typed ahead of it):
 * wall and CPU seconds of one run, -1 on failure */
static int first_frame_run(const char *prog, const char *preset, double *wall,
                           double *cpu)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0 || grantpt(m) || unlockpt(m))
		return -1;
	const char *sname = ptsname(m);
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	double t0 = now();
	pid_t pid = fork();
	if (pid == 0) {
		setsid();
		int sl = open(sname, O_RDWR);
		if (sl < 0)
			_exit(127);
		ioctl(sl, TIOCSWINSZ, &ws);
		dup2(sl, 0);
		dup2(sl, 1);
		dup2(sl, 2);
		setenv("TERM", "xterm-256color", 1);
		execl(prog, prog, "--preset", preset, (char *)NULL);
		_exit(127);
	}
	if (pid < 0)
		return -1;
	/* read what it draws; once it draws, type q every 0.2 ms (curses
	 * discards what is typed before it starts): the first q read after
	 * the first frame ends it */
	char buf[65536];
	int status;
	struct rusage ru;
	bool drawing = false;
	fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK);
	for (int spins = 0;; spins++) {
		while (read(m, buf, sizeof buf) > 0)
			drawing = true;
		if (drawing && write(m, "q", 1) != 1)
			return -1;
		pid_t w = wait4(pid, &status, WNOHANG, &ru);
		if (w == pid)
			break;
		if (w < 0 || spins > 50000) {   /* 10 s: it hangs */
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		usleep(200);
	}
	*wall = now() - t0;
	*cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 +
	       ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
	close(m);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* slider steps on the current screen: medians of CPU time and bytes */
static void steps(TermKey *tk, FILE *out, int n, double *ms, double *bytes_med)
{
	static double t[STEPS], b[STEPS];
	for (int i = 0; i < n; i++) {
		/* down then up again, so the value stays in range */
		const char *k = (i / 8) % 2 ? "\033[C" : "\033[D";
		double c = cpu_now();
		keys_feed(&app, tk, k, strlen(k));
		app_draw(&app);
		doupdate();
		fflush(out);
		t[i] = cpu_now() - c;
		b[i] = (double)drain();
	}
	*ms = median(t, n) * 1e3;
	*bytes_med = median(b, n);
}

int main(int argc, char **argv)
{
	static scenario s;
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
	int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	struct termios tio;
	if (slave < 0 || tcgetattr(slave, &tio)) {
		perror("bench_tui: pseudo-terminal");
		return 2;
	}
	cfmakeraw(&tio);   /* bytes through unchanged: count what is sent */
	tcsetattr(slave, TCSANOW, &tio);
	slave_fd = slave;
	pthread_t rt;
	if (pthread_create(&rt, NULL, reader, NULL) != 0) {
		perror("bench_tui: thread");
		return 2;
	}
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	ioctl(slave, TIOCSWINSZ, &ws);
	FILE *out = fdopen(slave, "w"), *in = fopen("/dev/null", "r");
	if (!out || !in) {
		perror("bench_tui");
		return 2;
	}
	char xdg[256];
	if (private_themes(top ? top : INFERTUI_SRCDIR, xdg, sizeof xdg) != 0) {
		fputs("bench_tui: cannot set up the themes\n", stderr);
		return 2;
	}

	/* first frame, from the program's start */
	const char *prog = getenv("INFERTUI") ? getenv("INFERTUI") : "src/infertui";
	static double walls[FIRST_RUNS], cpus[FIRST_RUNS];
	for (int i = 0; i < FIRST_RUNS; i++)
		if (first_frame_run(prog, path, &walls[i], &cpus[i]) != 0) {
			fprintf(stderr, "bench_tui: %s --preset %s did not start and quit\n",
			        prog, path);
			return 2;
		}
	double first = median(walls, FIRST_RUNS), first_cpu = median(cpus, FIRST_RUNS);

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
	if (!app.colour || strcmp(app.theme_names[app.theme_idx], "default") != 0) {
		fprintf(stderr, "bench_tui: theme '%s' in %s, not the default in colour\n",
		        app.theme_names[app.theme_idx], app.colour ? "colour" : "mono");
		return 2;
	}
	TermKey *tk = keys_new(-1, "xterm-256color");
	app_resize(&app, 24, 80);
	app_draw(&app);
	doupdate();
	fflush(out);
	long first_bytes = drain();

	/* select serving.max_batch: a slider that moves every panel */
	for (int i = 0; i < app.n_rows; i++)
		if (app.rows[i].param >= 0 &&
		    !strcmp(ui_param(&app, app.rows[i].param)->key, "serving.max_batch"))
			app.sel = i;
	layout_scroll_to_sel(&app);
	app.dirty = D_ALL;
	app_draw(&app);
	doupdate();
	fflush(out);
	drain();

	double ms, kb;
	steps(tk, out, STEPS, &ms, &kb);

	/* the same at 160x48 (chart included) */
	ws.ws_row = 48;
	ws.ws_col = 160;
	ioctl(slave, TIOCSWINSZ, &ws);
	app_resize(&app, 48, 160);
	app_draw(&app);
	doupdate();
	fflush(out);
	drain();
	double ms_big, kb_big;
	steps(tk, out, STEPS, &ms_big, &kb_big);

	termkey_destroy(tk);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	app_free(&app);

	snprintf(path, sizeof path, "rm -rf '%s'", xdg);
	if (system(path) != 0)
		rc = 1;

	printf("theme: default, colour, %s\n", app.colour256 ? "256 colours" : "8 colours");
	printf("first frame (80x24) from exec, median of %d: %.2f ms CPU (bar: <= 50 ms), %.2f ms wall, %ld bytes\n",
	       FIRST_RUNS, first_cpu * 1e3, first * 1e3, first_bytes);
	printf("slider step (80x24), median CPU:  %7.3f ms, %5.0f bytes   (bars: <= 1 ms, <= 1024)\n",
	       ms, kb);
	printf("slider step (160x48), median CPU: %7.3f ms, %5.0f bytes   (bars: <= 1.5 ms, <= 1536)\n",
	       ms_big, kb_big);
	if (first_cpu > 0.050) {
		puts("FAIL: first frame over 50 ms of CPU");
		rc = 1;
	}
	if (ms > 1.0 || kb > 1024) {
		puts("FAIL: 80x24 step over 1 ms or 1 KB");
		rc = 1;
	}
	if (ms_big > 1.5 || kb_big > 1536) {
		puts("FAIL: 160x48 step over 1.5 ms or 1.5 KB");
		rc = 1;
	}
	return rc;
}
