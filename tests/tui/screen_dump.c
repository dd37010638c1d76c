/* screen_dump — run the explorer's core headless (as tig's test harness
 * does): curses on a fake terminal (newterm on /dev/null) of a fixed size,
 * keys fed as the bytes a terminal would send through
 * termkey_new_abstract() + termkey_push_bytes(), then the screen as text
 * (mvwinnwstr on curscr, after doupdate), one line per row, trailing blanks
 * trimmed.
 *
 * usage: screen_dump CASEFILE
 * A case file holds lines:
 *   size COLSxROWS          (default 80x24)
 *   preset PATH             relative to $top_srcdir (default tests/tui/screen.ini)
 *   locale NAME             (default C.UTF-8; "C" shows the ASCII glyphs)
 *   keys KEY KEY ...        any number of lines, in order
 *   resize COLSxROWS        (between keys lines)
 *   expect TEXT             the screen, now, shows TEXT (else exit 1)
 *   reject TEXT             the screen, now, does not show TEXT (else exit 1)
 * KEY is a character (j, b, ?, =), a name (Up Down Left Right S-Left S-Right
 * PgUp PgDn Home End Enter Esc Tab BTab BS Space C-r C-c C-l F1), text:STRING
 * (typed characters), hex:HEXBYTES (raw bytes, e.g. hex:1b5b2041),
 * click:X,Y drag:X,Y release:X,Y wheelup:X,Y wheeldown:X,Y (0-based
 * screen cells).  Bytes go through the explorer's input filter, as in the
 * real loop; after each KEY the input pauses (a held Esc is the Escape key).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "config.h"
#include "params.h"
#include "tui/input.h"
#include "tui/ui.h"

static const struct { const char *name, *bytes; } keynames[] = {
	{ "Up", "\033[A" }, { "Down", "\033[B" }, { "Right", "\033[C" },
	{ "Left", "\033[D" }, { "S-Right", "\033[1;2C" }, { "S-Left", "\033[1;2D" },
	{ "PgUp", "\033[5~" }, { "PgDn", "\033[6~" }, { "Home", "\033[H" },
	{ "End", "\033[F" }, { "Enter", "\r" }, { "Esc", "\033" }, { "Tab", "\t" },
	{ "BTab", "\033[Z" }, { "BS", "\177" }, { "Space", " " }, { "C-r", "\022" },
	{ "C-c", "\003" }, { "C-l", "\014" }, { "C-u", "\025" }, { "F1", "\033OP" },
};

static tui_app app;
static TermKey *tk;
static input_filter inf;

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "screen_dump: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
	exit(2);
}

static void feed_n(const char *bytes, size_t n)
{
	char out[2 * 256 + INPUT_SEQ_MAX];

	while (n > 0) {
		size_t k = n < 256 ? n : 256;
		size_t m = input_filter_bytes(&inf, bytes, k, out);
		keys_feed(&app, tk, out, m);
		bytes += k;
		n -= k;
	}
	input_timeout(&app, tk, &inf);   /* the pause after a key */
}

static void feed(const char *bytes)
{
	feed_n(bytes, strlen(bytes));
}

static void key(const char *k)
{
	int x, y;
	char buf[64];

	for (size_t i = 0; i < sizeof keynames / sizeof keynames[0]; i++)
		if (!strcmp(k, keynames[i].name)) {
			feed(keynames[i].bytes);
			return;
		}
	if (!strncmp(k, "text:", 5)) {
		feed(k + 5);
		return;
	}
	if (!strncmp(k, "hex:", 4)) {
		char raw[1024];
		size_t n = 0;
		unsigned v;
		for (const char *h = k + 4; *h; h += 2) {
			if (n == sizeof raw || sscanf(h, "%2x", &v) != 1 || !h[1])
				die("bad hex key", k);
			raw[n++] = (char)v;
		}
		feed_n(raw, n);
		return;
	}
	static const struct { const char *pre; int code; char end; } mouse[] = {
		{ "click:", 0, 'M' }, { "drag:", 32, 'M' }, { "release:", 0, 'm' },
		{ "wheelup:", 64, 'M' }, { "wheeldown:", 65, 'M' },
	};
	for (size_t i = 0; i < sizeof mouse / sizeof mouse[0]; i++) {
		size_t n = strlen(mouse[i].pre);
		if (!strncmp(k, mouse[i].pre, n)) {
			if (sscanf(k + n, "%d,%d", &x, &y) != 2)
				die("bad mouse key", k);
			/* SGR mouse reports are 1-based */
			snprintf(buf, sizeof buf, "\033[<%d;%d;%d%c", mouse[i].code, x + 1,
			         y + 1, mouse[i].end);
			feed(buf);
			return;
		}
	}
	if (strlen(k) == 1) {
		feed(k);
		return;
	}
	die("unknown key", k);
}

static void dump(FILE *out)
{
	wchar_t w[1024];
	char mb[4096];

	app_draw(&app);
	doupdate();
	for (int y = 0; y < LINES; y++) {
		int n = mvwinnwstr(curscr, y, 0, w, COLS < 1023 ? COLS : 1023);
		if (n < 0)
			n = 0;
		w[n] = L'\0';
		size_t len = wcstombs(mb, w, sizeof mb - 1);
		if (len == (size_t)-1)
			len = 0;
		mb[len] = '\0';
		while (len > 0 && mb[len - 1] == ' ')
			mb[--len] = '\0';
		fprintf(out, "%s\n", mb);
	}
}

/* expect/reject: the screen now, as text, holds (or not) the text */
static void check(const char *cmd, const char *text, const char *casefile)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	bool want = !strcmp(cmd, "expect");

	if (!m)
		die("out of memory", NULL);
	dump(m);
	fclose(m);
	if ((strstr(buf, text) != NULL) != want) {
		fprintf(stderr, "screen_dump: %s: %s '%s' failed; the screen:\n%s",
		        casefile, cmd, text, buf);
		free(buf);
		exit(1);
	}
	free(buf);
}

int main(int argc, char **argv)
{
	char line[4096], preset[1024] = "tests/tui/screen.ini", loc[64] = "C.UTF-8";
	int cols = 80, rows = 24;
	const char *top = getenv("top_srcdir");
	FILE *cf;
	static scenario s;
	diag d;

	if (argc != 2)
		die("usage: screen_dump CASEFILE", NULL);
	cf = fopen(argv[1], "r");
	if (!cf)
		die("cannot open", argv[1]);
	/* first pass: settings */
	while (fgets(line, sizeof line, cf)) {
		if (sscanf(line, "size %dx%d", &cols, &rows) == 2)
			continue;
		sscanf(line, "preset %1023s", preset);
		sscanf(line, "locale %63s", loc);
	}
	if (!setlocale(LC_ALL, loc))
		die("locale not available", loc);
	setlocale(LC_NUMERIC, "C");

	char path[2048];
	snprintf(path, sizeof path, "%s/%s", top ? top : ".", preset);
	scenario_defaults(&s);
	diag_init(&d);
	if (config_load_preset(path, &s, &d) != 0) {
		diag_print(&d, stderr);
		return 2;
	}

	FILE *o = fopen("/dev/null", "w"), *i = fopen("/dev/null", "r");
	SCREEN *scr = newterm("xterm-256color", o, i);
	if (!scr)
		die("newterm failed", NULL);
	set_term(scr);
	raw();
	noecho();
	tui_options opt = { .preset_path = path, .theme_name = "mono" };
	if (app_init(&app, &s, &opt) != 0)
		die("app_init failed", NULL);
	tk = keys_new(-1, "xterm-256color");
	if (!tk)
		die("termkey_new_abstract failed", NULL);
	input_init(&inf);
	app_resize(&app, rows, cols);
	app_draw(&app);
	doupdate();

	rewind(cf);
	while (fgets(line, sizeof line, cf) && !app.quit) {
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, "resize ", 7)) {
			if (sscanf(line + 7, "%dx%d", &cols, &rows) != 2)
				die("bad resize", line);
			app_resize(&app, rows, cols);
			app_draw(&app);
			doupdate();
			continue;
		}
		if (!strncmp(line, "expect ", 7) || !strncmp(line, "reject ", 7)) {
			line[6] = '\0';
			check(line, line + 7, argv[1]);
			continue;
		}
		if (strncmp(line, "keys ", 5))
			continue;
		for (char *save, *k = strtok_r(line + 5, " ", &save); k && !app.quit;
		     k = strtok_r(NULL, " ", &save)) {
			key(k);
			/* a frame after every key, as the real loop does when keys
			 * come one by one */
			app_draw(&app);
			doupdate();
		}
	}
	fclose(cf);
	dump(stdout);
	if (app.quit)
		printf("[quit]\n");
	termkey_destroy(tk);
	endwin();
	delscreen(scr);
	fclose(o);
	fclose(i);
	app_free(&app);
	return 0;
}
