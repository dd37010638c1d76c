/* state.c — the explorer's state below the screen: the status message, the
 * undo history, recomputing the results, themes and the preset/theme lists.
 * Calls nothing else in src/tui/ (keys, dialogs and app.c call down into it). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "tui/ui.h"

void state_message(tui_app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
	a->dirty |= D_STATUS;
}

/* Names of the presets or themes in the search path, parsed from
 * config_list()'s listing ("name  description" a line). */
int state_list_names(const char *kind, char names[][UI_NAME_LEN],
                   char desc[][UI_NAME_LEN * 2], int max)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int n = 0;

	if (!f)
		return 0;
	config_list(kind, f);
	fclose(f);
	for (char *line = buf, *next; line && *line && n < max; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || p != line)
			continue;   /* blank or continuation lines */
		size_t w = strcspn(p, " \t");
		if (w == 0 || w >= UI_NAME_LEN)
			continue;
		/* a header line, if any, is in capitals */
		if (!strncmp(p, "NAME", 4) && w == 4)
			continue;
		bool dup = false;
		for (int i = 0; i < n; i++)
			if (strlen(names[i]) == w && !strncmp(names[i], p, w))
				dup = true;
		if (dup)
			continue;
		memcpy(names[n], p, w);
		names[n][w] = '\0';
		p += w;
		while (*p == ' ' || *p == '\t')
			p++;
		if (desc)
			snprintf(desc[n], UI_NAME_LEN * 2, "%s", p);
		n++;
	}
	free(buf);
	return n;
}

static void setup_colours(tui_app *a)
{
	if (!a->colour)
		return;
	for (int e = 0; e < TE_COUNT; e++) {
		const theme_style *st = &a->th.st[e];
		short fg = a->colour256 ? st->fg256 : st->fg8;
		short bg = a->colour256 ? st->bg256 : st->bg8;
		if (fg >= COLORS)
			fg = -1;
		if (bg >= COLORS)
			bg = -1;
		init_pair((short)(e + 1), fg, bg);
	}
}

void state_apply_theme(tui_app *a, int idx)
{
	theme t;
	diag d;
	char path[1024];

	if (idx < 0 || idx >= a->n_themes)
		idx = 0;
	theme_builtin_mono(&t);
	if (strcmp(a->theme_names[idx], "mono") != 0 || a->n_themes > 1) {
		diag_init(&d);
		if (config_find("themes", a->theme_names[idx], path, sizeof path, &d) == 0) {
			diag_init(&d);
			if (theme_load(path, &t, &d) != 0) {
				theme_builtin_mono(&t);
				state_message(a, true, "%s", d.count ? d.msg[0] : "theme not loaded");
			}
		} else if (strcmp(a->theme_names[idx], "mono") != 0) {
			state_message(a, true, "%s", d.count ? d.msg[0] : "theme not found");
		}
	}
	a->th = t;
	a->theme_idx = idx;
	a->colour = a->colour_ok && !t.mono;
	setup_colours(a);
	a->dirty |= D_ALL;
	a->full_redraw = true;
}

static scenario *hist_at(tui_app *a, int i)
{
	return &a->hist[(a->hist_start + i) % UI_HISTORY];
}

void state_commit(tui_app *a, int adjusted_param)
{
	char err[160];
	const char *key = NULL;

	/* a change that breaks a rule across inputs (kv_heads <= heads, ...)
	 * is refused, as a preset with it would be: the scenario stays one
	 * that saves, loads and computes */
	if (params_validate(&a->cur, err, sizeof err, &key) != 0) {
		a->cur = *hist_at(a, a->hist_pos);
		state_message(a, true, "%s %s: not changed", key ? key : "", err);
		a->dirty |= D_ALL;
		return;
	}
	if (adjusted_param >= 0 && adjusted_param == a->last_adjust &&
	    a->hist_pos == a->hist_len - 1) {
		*hist_at(a, a->hist_pos) = a->cur;    /* coalesce a held arrow */
	} else {
		a->hist_len = a->hist_pos + 1;           /* drop the redo branch */
		if (a->hist_len == UI_HISTORY) {
			a->hist_start = (a->hist_start + 1) % UI_HISTORY;
			a->hist_len--;
		}
		*hist_at(a, a->hist_len) = a->cur;
		a->hist_pos = a->hist_len;
		a->hist_len++;
	}
	/* the title names what is on screen: the preset, and whether it was
	 * changed since it was loaded or saved (undo brings both back) */
	int hi = (a->hist_start + a->hist_pos) % UI_HISTORY;
	a->changed = adjusted_param != STATE_LOADED;
	ui_copy(a->hist_name[hi], UI_NAME_LEN, a->preset_name);
	a->hist_changed[hi] = a->changed;
	a->last_adjust = adjusted_param;
	state_recompute(a);
}

void state_named(tui_app *a, const char *name)
{
	int hi = (a->hist_start + a->hist_pos) % UI_HISTORY;
	ui_copy(a->preset_name, sizeof a->preset_name, name);
	ui_copy(a->hist_name[hi], UI_NAME_LEN, name);
	a->changed = a->hist_changed[hi] = false;
	a->dirty |= D_TITLE;
}

bool state_undo(tui_app *a, int dir)
{
	int np = a->hist_pos + dir;
	if (np < 0 || np >= a->hist_len)
		return false;
	a->hist_pos = np;
	a->cur = *hist_at(a, np);
	int hi = (a->hist_start + np) % UI_HISTORY;
	ui_copy(a->preset_name, sizeof a->preset_name, a->hist_name[hi]);
	a->changed = a->hist_changed[hi];
	a->last_adjust = -1;
	state_recompute(a);
	return true;
}

void state_recompute(tui_app *a)
{
	/* other regions or options (a preset, undo, a kind): their rows anew */
	if (xp_shape(&a->cur) != a->xp_shape) {
		rows_build(a);
		memset(a->list_sig, 0, sizeof a->list_sig);
		a->last_adjust = -1;   /* (the list scrolls to the selection when drawn) */
	}
	model_eval(&a->cur, &a->res);
	a->chart.valid = false;   /* recomputed when next drawn */
	a->dirty |= D_ALL;
}

/* The theme chosen with t or T is remembered in the user's config dir
 * ($XDG_CONFIG_HOME/infertui/theme, else ~/.config/infertui/theme): one
 * line, the theme's name.  Written to a temporary file and renamed over,
 * so a failure leaves the old choice; a failure is said, never fatal. */
static void theme_file(char *buf, size_t len)
{
	config_user_dir(buf, len, NULL);
	size_t n = strlen(buf);
	snprintf(buf + n, len - n, "/theme");
}

void state_saved_theme(char *buf, size_t len)
{
	char path[1024];
	FILE *f;

	buf[0] = '\0';
	theme_file(path, sizeof path);
	f = fopen(path, "r");
	if (!f)
		return;
	if (fgets(buf, (int)len, f))
		buf[strcspn(buf, " \t\r\n")] = '\0';
	else
		buf[0] = '\0';
	fclose(f);
}

void state_save_theme(tui_app *a)
{
	char path[1024], tmp[1100], dir[1024];
	FILE *f;

	config_user_dir(dir, sizeof dir, NULL);
	theme_file(path, sizeof path);
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
	for (char *p = dir + 1; *p; p++)   /* mkdir -p */
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0755);
			*p = '/';
		}
	mkdir(dir, 0755);
	f = fopen(tmp, "w");
	bool bad = !f;
	if (f) {   /* closed whatever fprintf did (the analyzer found a leak) */
		bad = fprintf(f, "%s\n", a->theme_names[a->theme_idx]) < 0;
		bad |= fclose(f) != 0;
	}
	if (bad || rename(tmp, path) != 0) {
		if (f)
			unlink(tmp);
		state_message(a, true, "theme %s not remembered: %s: %s",
		              a->theme_names[a->theme_idx], path, strerror(errno));
	}
}
