/* app.c — the top of the explorer: set-up, resize and draw (what the tests
 * and the benchmark drive), the main loop, and the real terminal. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <term.h>
#include <unistd.h>

#include "catalog.h"
#include "config.h"
#include "tui/input.h"
#include "tui/ui.h"

/* ---- set-up, size and drawing: the entry points of the core ---------- */

int app_init(tui_app *a, const scenario *s, const tui_options *opt)
{
	const char *codeset = nl_langinfo(CODESET);
	const char *want;

	memset(a, 0, sizeof *a);
	a->drag_param = -1;
	a->last_adjust = -1;
	a->cur = *s;
	ui_glyphs_init(&a->g, codeset && (!strcmp(codeset, "UTF-8") ||
	                                  !strcmp(codeset, "utf8")));
	a->hist = malloc(UI_HISTORY * sizeof *a->hist);
	a->hist_name = calloc(UI_HISTORY, sizeof *a->hist_name);
	a->hist_changed = calloc(UI_HISTORY, sizeof *a->hist_changed);
	if (!a->hist || !a->hist_name || !a->hist_changed)
		return -1;
	a->hist_start = 0;
	a->hist_len = 1;
	a->hist_pos = 0;
	a->hist[0] = *s;
	rows_build(a);
	if (!a->rows)
		return -1;

	if (opt && opt->preset_path) {
		const char *base = strrchr(opt->preset_path, '/');
		base = base ? base + 1 : opt->preset_path;
		snprintf(a->preset_name, sizeof a->preset_name, "%s", base);
		char *dot = strstr(a->preset_name, ".ini");
		if (dot && dot[4] == '\0')
			*dot = '\0';
		snprintf(a->preset_path, sizeof a->preset_path, "%s", opt->preset_path);
	}
	ui_copy(a->hist_name[0], UI_NAME_LEN, a->preset_name);

	/* colours: 256 when the terminal has them, else 8; none with NO_COLOR
	 * (https://no-color.org) or on a terminal without colours */
	a->colour_ok = has_colors() && !getenv("NO_COLOR");
	if (a->colour_ok) {
		start_color();
		use_default_colors();
		a->colour256 = COLORS >= 256;
	}

	/* themes: the built-in mono first, then those of the search path */
	snprintf(a->theme_names[0], UI_NAME_LEN, "mono");
	a->n_themes = 1 + state_list_names("themes", a->theme_names + 1, NULL,
	                                 UI_MAX_NAMES - 1);
	for (int i = 2; i < a->n_themes; i++)   /* a themes/mono.ini replaces it */
		if (!strcmp(a->theme_names[i], "mono")) {
			memmove(a->theme_names[i], a->theme_names[i + 1],
			        (size_t)(a->n_themes - i - 1) * UI_NAME_LEN);
			a->n_themes--;
		}
	/* --theme, else the one chosen last time (t/T), else the preset's
	 * [ui] theme, else default */
	char saved[UI_NAME_LEN];
	state_saved_theme(saved, sizeof saved);
	want = opt && opt->theme_name ? opt->theme_name : saved[0] ? saved :
	       s->ui_theme[0] ? s->ui_theme : "default";
	int idx = -1;
	for (int i = 0; i < a->n_themes; i++)
		if (!strcmp(a->theme_names[i], want))
			idx = i;
	/* --theme PATH (main has read it): a file outside the search path */
	if (idx < 0 && (strchr(want, '/') || strstr(want, ".ini")) &&
	    a->n_themes < UI_MAX_NAMES && strlen(want) < UI_NAME_LEN) {
		snprintf(a->theme_names[a->n_themes], UI_NAME_LEN, "%s", want);
		idx = a->n_themes++;
	}
	if (idx < 0)
		idx = a->n_themes > 1 ? 1 : 0;
	state_apply_theme(a, idx);

	model_eval(&a->cur, &a->res);
	a->dirty = D_ALL;
	return 0;
}

void app_free(tui_app *a)
{
	free(a->hist);
	free(a->hist_name);
	free(a->hist_changed);
	free(a->rows);
	a->hist = NULL;
	a->hist_name = NULL;
	a->hist_changed = NULL;
	a->rows = NULL;
}

void app_resize(tui_app *a, int rows, int cols)
{
	if (rows < 1)
		rows = 1;
	if (cols < 1)
		cols = 1;
	if (rows != LINES || cols != COLS)
		resizeterm(rows, cols);
	a->rows_n = rows;
	a->cols_n = cols;
	layout_compute(a);
	if (a->big && !a->chart.valid)
		panels_chart_compute(a);
	erase();
	a->dirty = D_ALL;
	a->full_redraw = true;
}

void app_draw(tui_app *a)
{
	layout_draw(a);
	wnoutrefresh(stdscr);
}

/* ---- the real terminal ---------------------------------------------- */

/* Locale, alternate screen, libtermkey on stdin (never getch), poll +
 * self-pipe for signals, SIGWINCH → TIOCGWINSZ + resizeterm, mouse reporting,
 * stderr held while curses runs (htop's CRT.c), and restoring the terminal on
 * every exit path: q, Ctrl-C, SIGTERM, SIGHUP, SIGINT, SIGQUIT (restore, then
 * die of the same signal) and SIGSEGV/SIGABRT/SIGBUS/SIGFPE/SIGILL (restore
 * with async-signal-safe writes, then chain to the previous handler — a
 * sanitizer's — or re-raise, as neomutt does). */

static volatile sig_atomic_t got_winch;
static volatile sig_atomic_t got_quit;      /* the terminating signal */
static int sig_pipe[2] = { -1, -1 };
static struct termios orig_tio;
static bool have_tio;
static char restore_seq[256];
static size_t restore_len;
static int saved_stderr = -1, held_stderr = -1;
static volatile sig_atomic_t term_active;

static const int quit_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
static const int crash_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
#define N_CRASH (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction old_crash[N_CRASH];

#define MOUSE_ON "\033[?1000h\033[?1002h\033[?1006h"
#define MOUSE_OFF "\033[?1006l\033[?1002l\033[?1000l"

static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

/* async-signal-safe: put back stderr and show what it held */
static void stderr_release(void)
{
	char buf[4096];
	ssize_t n;

	if (saved_stderr < 0)
		return;
	dup2(saved_stderr, STDERR_FILENO);
	if (held_stderr >= 0) {
		lseek(held_stderr, 0, SEEK_SET);
		while ((n = read(held_stderr, buf, sizeof buf)) > 0)
			write_all(STDERR_FILENO, buf, (size_t)n);
		close(held_stderr);
		held_stderr = -1;
	}
	close(saved_stderr);
	saved_stderr = -1;
}

static void stderr_hold(void)
{
	char tmpl[] = "/tmp/infertui-stderr-XXXXXX";
	int fd;

	fflush(stderr);
	fd = mkstemp(tmpl);
	if (fd < 0)
		return;
	unlink(tmpl);
	saved_stderr = dup(STDERR_FILENO);
	if (saved_stderr < 0) {
		close(fd);
		return;
	}
	held_stderr = fd;
	dup2(fd, STDERR_FILENO);
}

/* async-signal-safe terminal restore, used from the crash handler and the
 * second terminating signal */
static void emergency_restore(void)
{
	if (term_active) {
		write_all(STDOUT_FILENO, restore_seq, restore_len);
		if (have_tio)
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &orig_tio);
		term_active = 0;
	}
	stderr_release();
}

static void on_winch(int sig)
{
	int e = errno;
	(void)sig;
	got_winch = 1;
	if (sig_pipe[1] >= 0) {
		ssize_t r = write(sig_pipe[1], "w", 1);
		(void)r;
	}
	errno = e;
}

static void on_quit(int sig)
{
	int e = errno;
	if (got_quit) {
		/* the loop did not get to it: restore and go now */
		emergency_restore();
		signal(sig, SIG_DFL);
		raise(sig);
		_exit(128 + sig);
	}
	got_quit = sig;
	if (sig_pipe[1] >= 0) {
		ssize_t r = write(sig_pipe[1], "q", 1);
		(void)r;
	}
	errno = e;
}

static void on_crash(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	emergency_restore();
	for (size_t i = 0; i < N_CRASH; i++)
		if (crash_signals[i] == sig)
			sigaction(sig, &old_crash[i], NULL);
	/* a real fault re-faults on return into the old handler (the
	 * sanitizer's report, or the default core dump); a sent signal or
	 * abort() is raised again (delivered once this handler returns) */
	if (!si || si->si_code <= 0 || sig == SIGABRT)
		raise(sig);
}

static void signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_winch;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGWINCH, &sa, NULL);

	sa.sa_handler = on_quit;
	sa.sa_flags = 0;
	for (size_t i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++)
		sigaction(quit_signals[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO;
	for (size_t i = 0; i < N_CRASH; i++)
		sigaction(crash_signals[i], &sa, &old_crash[i]);
}

static void signals_default(void)
{
	signal(SIGWINCH, SIG_DFL);
	for (size_t i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++)
		signal(quit_signals[i], SIG_DFL);
	for (size_t i = 0; i < N_CRASH; i++)
		sigaction(crash_signals[i], &old_crash[i], NULL);
}

static void add_cap(const char *name)
{
	char *s = tigetstr(name);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

static void prepare_restore(void)
{
	restore_len = 0;
	memcpy(restore_seq, MOUSE_OFF, sizeof MOUSE_OFF - 1);
	restore_len = sizeof MOUSE_OFF - 1;
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmkx");
	add_cap("rmcup");
}

static void term_size(int *rows, int *cols)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0) {
		*rows = ws.ws_row;
		*cols = ws.ws_col;
	} else {
		*rows = LINES;
		*cols = COLS;
	}
}

int tui_run(scenario *s, const tui_options *opt)
{
	static tui_app app;          /* large: not on the stack */
	tui_app *a = &app;
	SCREEN *scr;
	TermKey *tk;
	int rows, cols, status = 0;
	bool lost = false;
	int lost_errno = 0;
	input_filter inf;   /* libtermkey never sees what it cannot parse */

	input_init(&inf);

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");  /* numbers in presets and typed values */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("infertui: the explorer needs a terminal on stdin and stdout; "
		      "use --report for a printed report\n", stderr);
		return 2;
	}
	if (pipe(sig_pipe) == 0) {
		for (int i = 0; i < 2; i++) {
			fcntl(sig_pipe[i], F_SETFL, fcntl(sig_pipe[i], F_GETFL) | O_NONBLOCK);
			fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
		}
	}
	have_tio = tcgetattr(STDIN_FILENO, &orig_tio) == 0;
	signals_install();   /* before newterm: ncurses keeps its hands off SIGWINCH */

	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		signals_default();
		fprintf(stderr, "infertui: cannot drive terminal type '%s'; "
		        "set TERM or use --report\n", getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	set_term(scr);
	{
		/* a terminal that cannot move the cursor (TERM=dumb) cannot
		 * show the screen */
		char *cup = tigetstr("cup");
		if (!cup || cup == (char *)-1) {
			endwin();
			delscreen(scr);
			if (have_tio)
				tcsetattr(STDIN_FILENO, TCSAFLUSH, &orig_tio);
			signals_default();
			fprintf(stderr, "infertui: terminal type '%s' cannot position the "
			        "cursor; set TERM or use --report\n",
			        getenv("TERM") ? getenv("TERM") : "");
			return 1;
		}
	}
	prepare_restore();
	term_active = 1;
	stderr_hold();
	raw();
	noecho();
	nonl();
	curs_set(0);
	leaveok(stdscr, TRUE);

	tk = keys_new(STDIN_FILENO, NULL);   /* UTF8 | NOTERMIOS: curses owns termios */
	if (!tk || app_init(a, s, opt) != 0) {
		status = 1;
		fprintf(stderr, "infertui: cannot start the explorer%s\n",
		        tk ? " (out of memory)" : ": libtermkey failed on stdin");
		goto out;
	}
	fflush(stdout);
	write_all(STDOUT_FILENO, MOUSE_ON, sizeof MOUSE_ON - 1);

	term_size(&rows, &cols);
	app_resize(a, rows, cols);
	app_draw(a);
	doupdate();

	while (!a->quit && !got_quit) {
		struct pollfd pf[2] = {
			{ .fd = STDIN_FILENO, .events = POLLIN },
			{ .fd = sig_pipe[0], .events = POLLIN },
		};
		int timeout = input_wait_ms(&inf, tk);
		int n = poll(pf, sig_pipe[0] >= 0 ? 2 : 1, timeout);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (n > 0 && sig_pipe[0] >= 0 && (pf[1].revents & POLLIN)) {
			char buf[64];
			while (read(sig_pipe[0], buf, sizeof buf) > 0)
				;
		}
		if (got_quit)
			break;
		if (got_winch) {
			got_winch = 0;
			term_size(&rows, &cols);
			app_resize(a, rows, cols);
		}
		if (n == 0 && input_pending(&inf)) {
			input_timeout(a, tk, &inf);
		} else if (pf[0].revents & POLLIN) {
			if (!input_read(a, tk, &inf, STDIN_FILENO)) {
				lost = true;
				lost_errno = errno;
				break;
			}
		} else if (pf[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			lost = true;   /* the terminal went away: never spin */
			break;
		}
		if (a->quit)
			break;
		app_draw(a);
		doupdate();
	}
	status = a->exit_status;

out:
	/* every mode goes back, even when the terminal seems gone: on a hung-up
	 * terminal the writes fail at once, on a live one they matter */
	fflush(stdout);
	write_all(STDOUT_FILENO, MOUSE_OFF, sizeof MOUSE_OFF - 1);
	if (tk)
		termkey_destroy(tk);
	endwin();
	term_active = 0;
	delscreen(scr);
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &orig_tio);
	fflush(stderr);
	stderr_release();
	if (lost && !got_quit)
		fprintf(stderr, "infertui: lost the terminal: %s\n",
		        lost_errno ? strerror(lost_errno) : "end of input");
	app_free(a);
	signals_default();
	if (got_quit) {
		int sig = got_quit;
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	if (lost)
		return 1;
	return status;
}
