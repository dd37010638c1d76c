/* dialogs.c — help, and the one-line prompts in the status line for a typed
 * value and for saving a preset. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "tui/ui.h"

/* ---- help ---------------------------------------------------------------- */

static const struct {
	const char *key, *text;
} help[] = {   /* the keys of keys.c, for the help screen */
	{ "Up/Down  k/j", "select a parameter" },
	{ "Left/Right  h/l", "adjust the value one step" },
	{ "Shift+Left/Right  H/L", "adjust in big steps (also PgUp/PgDn)" },
	{ "Home/End", "minimum / maximum" },
	{ "Tab  Shift+Tab", "next / previous section (round); Regions and "
	                    "Options hold each region's share, price factor "
	                    "and electricity, and each option's kind, "
	                    "instance, count and prices (a share you set "
	                    "rescales the others to sum 1)" },
	{ "m", "show / hide the model's architecture rows (choosing a model "
	       "fills them)" },
	{ "Enter", "on a choice (model, accelerator, precision, ...): a list to "
	           "pick from, narrowed as you type; on a number, type it" },
	{ "=", "type an exact value or name (Enter sets, Esc cancels)" },
	{ "b", "mark the scenario as baseline: panels show +/- changes against "
	       "it, * marks changed inputs (b again, unchanged: clear)" },
	{ "u  Ctrl-R", "undo / redo" },
	{ "p", "pick a preset to load (type to narrow the list)" },
	{ "s", "save the scenario as a preset (~/.config/infertui/presets)" },
	{ "t  T", "next colour theme / pick a theme (remembered for the next "
	          "start)" },
	{ "z", "presentation mode: no list, panels across the screen, the "
	       "headline figure large below 120x40 (z again brings it back)" },
	{ "o", "search: the cheapest configurations within the SLOs; Enter "
	       "applies one, undoably; m objective, i instances" },
	{ "g", "charts: the frontier, $/month against volume, the roofline, "
	       "the sensitivity tornado (Tab or 1-4: next chart)" },
	{ "P", "pin the current scenario for comparing: up to 4, a fifth is "
	       "refused, never dropped" },
	{ "c", "compare: the pinned scenarios and now side by side, changes "
	       "against pin 1; Left/Right column, x unpin, X all, Enter loads a "
	       "pin" },
	{ "Ctrl-L", "redraw the screen" },
	{ "?  F1", "this help" },
	{ "q  Ctrl-C", "quit" },
	{ "Mouse", "click or drag a slider, click a choice to cycle it, wheel "
	           "scrolls the list" },
	{ "Esc", "close a dialog or clear the status line" },
};
#define N_HELP ((int)(sizeof help / sizeof help[0]))

/* help lines, wrapped at word boundaries to the text column */
static int help_lines(tui_app *a, int tw, const char *keys[], const char *texts[],
                      int max)
{
	int n = 0;
	for (int i = 0; i < N_HELP && n < max; i++) {
		const char *t = help[i].text;
		bool first = true;
		static char buf[64][256];
		while (*t && n < max) {
			int used = ui_fit(t, tw, buf[n % 64], sizeof buf[0]);
			size_t len = strlen(buf[n % 64]);
			if (len == 0) {   /* one word longer than the column */
				snprintf(buf[n % 64], sizeof buf[0], "%s", t);
				len = strlen(t);
			}
			(void)used;
			keys[n] = first ? help[i].key : "";
			texts[n] = buf[n % 64];
			n++;
			first = false;
			t += len;
			while (*t == ' ' || *t == ',' || *t == ';')
				t++;
		}
	}
	(void)a;
	return n;
}

void dialog_help_draw(tui_app *a)
{
	const char *keys[64], *texts[64];
	int kw = 22;
	int bw = 78 + 4 <= a->cols_n ? 78 : a->cols_n;   /* as dlg_box */
	int n = help_lines(a, bw - 4 - kw, keys, texts, 64);
	ui_rect r = ui_box(a, 78, n + 2, "Keys", "any other key closes");
	int tw = r.w - 4 - kw;
	int rows = r.h - 2;

	if (a->help_top > n - rows)
		a->help_top = n - rows > 0 ? n - rows : 0;
	for (int i = 0; i < rows && a->help_top + i < n; i++) {
		int k = a->help_top + i;
		ui_put(r.y + 1 + i, r.x + 2, kw, ui_attr(a, TE_ACCENT) | A_BOLD, keys[k]);
		ui_put(r.y + 1 + i, r.x + 2 + kw, tw, ui_attr(a, TE_TEXT), texts[k]);
	}
	if (a->help_top > 0)
		ui_put(r.y + 1, r.x + r.w - 2, 1, ui_attr(a, TE_DIM), a->g.up);
	if (a->help_top + rows < n)
		ui_put(r.y + r.h - 2, r.x + r.w - 2, 1, ui_attr(a, TE_DIM), a->g.down);
}

bool dialog_help_key(tui_app *a, TermKey *tk, TermKeyKey *k)
{
	if (k->type == TERMKEY_TYPE_KEYSYM && (k->code.sym == TERMKEY_SYM_DOWN ||
	    k->code.sym == TERMKEY_SYM_PAGEDOWN)) {
		a->help_top++;
	} else if (k->type == TERMKEY_TYPE_KEYSYM && (k->code.sym == TERMKEY_SYM_UP ||
	           k->code.sym == TERMKEY_SYM_PAGEUP)) {
		if (a->help_top > 0)
			a->help_top--;
	} else if (k->type == TERMKEY_TYPE_MOUSE) {
		TermKeyMouseEvent ev;
		int button, line, col;
		if (termkey_interpret_mouse(tk, k, &ev, &button, &line, &col) ==
		    TERMKEY_RES_KEY && ev == TERMKEY_MOUSE_PRESS) {
			if (button == 4 && a->help_top > 0)
				a->help_top -= a->help_top < 3 ? a->help_top : 3;
			else if (button == 5)
				a->help_top += 3;   /* clamped when drawn */
		}
	} else {
		a->mode = MODE_MAIN;
		if (k->type == TERMKEY_TYPE_UNICODE && k->code.codepoint == 'q')
			a->quit = true;   /* q quits from anywhere but a prompt */
	}
	a->dirty |= D_ALL;
	return true;
}

/* ---- one-line prompts: typed value and save -------------------------- */

void dialog_open_edit(tui_app *a)
{
	if (a->rows[a->sel].param < 0)
		return;
	ui_param_text(a, &a->cur, a->rows[a->sel].param, a->edit, sizeof a->edit);
	a->edit_len = strlen(a->edit);
	a->mode = MODE_EDIT;
	a->msg[0] = '\0';
	a->dirty |= D_STATUS;
}

void dialog_open_save(tui_app *a)
{
	snprintf(a->edit, sizeof a->edit, "%s", a->preset_name);
	a->edit_len = strlen(a->edit);
	a->mode = MODE_SAVE;
	a->msg[0] = '\0';
	a->dirty |= D_STATUS;
}

void dialog_edit_draw(tui_app *a)
{
	ui_rect r = a->r_status;
	attr_t st = ui_attr(a, TE_STATUS);
	char prompt[256];
	int x;

	if (a->mode == MODE_EDIT) {
		const param *p = ui_param(a, a->rows[a->sel].param);
		snprintf(prompt, sizeof prompt, "%s%s%s%s = ", p->label, *p->unit ? " (" : "",
		         p->unit, *p->unit ? ")" : "");
	} else {
		snprintf(prompt, sizeof prompt, "Save preset as (name or path): ");
	}
	ui_fill(r.y, r.x, 1, r.w, st);
	x = r.x + 1 + ui_put(r.y, r.x + 1, r.w / 2, st | A_BOLD, prompt);
	/* the end of the text when it is longer than the room */
	const char *t = a->edit;
	int room = r.w - (x - r.x) - 2;
	while (ui_width(t) > room && *t)
		t++;
	attrset(st);
	mvaddstr(r.y, x, t);
	attrset(A_NORMAL);
	x += ui_width(t);
	if (x < r.x + r.w)
		mvaddch(r.y, x, ' ' | A_REVERSE);   /* the cursor */
	if (a->msg[0] && a->msg_error) {
		/* the error right of the text if it fits whole, else on the
		 * notes line above */
		int mx = x + 2, mw = r.x + r.w - mx - 1;
		if (ui_width(a->msg) <= mw) {
			ui_put(r.y, mx, mw, ui_attr(a, TE_BAD) | A_BOLD, a->msg);
		} else {
			ui_rect n = a->r_notes;
			ui_fill(n.y, n.x, 1, n.w, ui_attr(a, TE_TEXT));
			ui_put(n.y, n.x + 1, n.w - 2, ui_attr(a, TE_BAD) | A_BOLD, a->msg);
		}
	}
}

static int mkdirs(const char *dir)
{
	char tmp[1024];
	snprintf(tmp, sizeof tmp, "%s", dir);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

static void do_save(tui_app *a)
{
	char path[1024], dir[900];
	const char *name = a->edit;
	diag d;

	while (*name == ' ')
		name++;
	if (!*name) {
		state_message(a, true, "give a name or a path");
		return;
	}
	if (strchr(name, '/') || strstr(name, ".ini")) {
		if (name[0] == '~' && name[1] == '/' && getenv("HOME"))
			snprintf(path, sizeof path, "%s%s", getenv("HOME"), name + 1);
		else
			snprintf(path, sizeof path, "%s", name);
	} else {
		for (const char *c = name; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			      (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.')) {
				state_message(a, true, "a preset name is letters, digits, - _ . "
				            "(or give a path)");
				return;
			}
		const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
		if (xdg && *xdg == '/')
			snprintf(dir, sizeof dir, "%s/infertui/presets", xdg);
		else if (home && *home)
			snprintf(dir, sizeof dir, "%s/.config/infertui/presets", home);
		else {
			state_message(a, true, "neither XDG_CONFIG_HOME nor HOME is set: give a path");
			return;
		}
		if (mkdirs(dir) != 0) {
			state_message(a, true, "cannot create %s: %s", dir, strerror(errno));
			return;
		}
		if (strlen(dir) + strlen(name) + 6 > sizeof path) {
			state_message(a, true, "name too long");
			return;
		}
		strcpy(path, dir);
		strcat(path, "/");
		strcat(path, name);
		strcat(path, ".ini");
	}
	/* never a surprise: over an existing file, or under the name of a
	 * shipped preset (the copy would hide it), ask first */
	bool exists = access(path, F_OK) == 0;
	/* a read-only file is replaced only once the user has said y to
	 * a question that named it so (its mode is kept) */
	bool read_only = exists && config_save_read_only(path);
	if (!a->confirm_save) {
		char found[1024];
		bool shipped = false;
		if (!exists && !strchr(name, '/') && !strstr(name, ".ini")) {
			/* not in the user's dir, yet found: a shipped one */
			diag_init(&d);
			shipped = config_find("presets", name, found, sizeof found, &d) == 0;
		}
		if (exists || shipped) {
			a->confirm_save = true;
			state_message(a, true, "%s%s%s: y saves, any other key goes back",
			              exists ? (read_only ? "a read-only preset of that name exists" :
			                        "a preset of that name exists") : "",
			              exists && shipped ? " and " : "",
			              shipped ? "a shipped preset has that name (yours would hide it)" :
			              "");
			return;
		}
	}
	a->confirm_save = false;
	diag_init(&d);
	const char *desc = a->cur.description[0] ? a->cur.description :
	                   "saved from the infertui explorer";
	if (config_save_preset_as(path, &a->cur, desc, read_only, &d) != 0) {
		/* the prompt shows the path: the reason is what matters */
		const char *m = d.count ? d.msg[0] : "not saved";
		size_t pl = strlen(path);
		if (!strncmp(m, path, pl) && m[pl] == ':' && m[pl + 1] == ' ')
			m += pl + 2;
		state_message(a, true, "%s", m);
		return;
	}
	a->mode = MODE_MAIN;
	if (!strchr(name, '/') && !strstr(name, ".ini"))
		state_named(a, name);
	else {
		const char *base = strrchr(path, '/');
		char nm[UI_NAME_LEN];
		ui_copy(nm, sizeof nm, base ? base + 1 : path);
		char *dot = strstr(nm, ".ini");
		if (dot && dot[4] == '\0')
			*dot = '\0';
		state_named(a, nm);
	}
	/* under the home directory, say ~/ */
	const char *home = getenv("HOME");
	size_t hl = home ? strlen(home) : 0;
	if (hl > 1 && !strncmp(path, home, hl) && path[hl] == '/')
		state_message(a, false, "saved ~%s", path + hl);
	else
		state_message(a, false, "saved %s", path);
	a->dirty |= D_ALL;
}

static void apply_edit(tui_app *a)
{
	int pi = a->rows[a->sel].param;
	static scenario tmp;
	char err[UI_MSG_LEN];

	char typed[UI_EDIT_LEN];

	tmp = a->cur;
	ui_typed_value(ui_param(a, pi), a->edit, typed, sizeof typed);
	if (ui_param_set_text(a, &tmp, pi, typed, err, sizeof err) != 0) {
		state_message(a, true, "%s", err);   /* the prompt names the key */
		return;
	}
	a->mode = MODE_MAIN;
	a->msg[0] = '\0';
	if (memcmp(&tmp, &a->cur, sizeof tmp) != 0) {
		a->cur = tmp;
		state_commit(a, -1);
		if (*err && !a->msg[0])
			state_message(a, false, "%s", err);   /* what else it changed */
	}
	a->dirty |= D_ALL;
}

bool dialog_edit_key(tui_app *a, TermKey *tk, TermKeyKey *k)
{
	(void)tk;
	a->dirty |= D_STATUS | D_PANELS;
	if (a->confirm_save) {   /* the question of do_save */
		bool yes = k->type == TERMKEY_TYPE_UNICODE && !k->modifiers &&
		           (k->code.codepoint == 'y' || k->code.codepoint == 'Y');
		if (yes) {
			do_save(a);
		} else {
			a->confirm_save = false;
			state_message(a, true, "not saved: change the name, or Esc");
		}
		return true;
	}
	if (k->type == TERMKEY_TYPE_KEYSYM) {
		switch (k->code.sym) {
		case TERMKEY_SYM_ENTER:
			if (a->mode == MODE_EDIT)
				apply_edit(a);
			else
				do_save(a);
			break;
		case TERMKEY_SYM_ESCAPE:
			a->mode = MODE_MAIN;
			a->msg[0] = '\0';
			break;
		case TERMKEY_SYM_BACKSPACE:
		case TERMKEY_SYM_DEL:
			/* drop one UTF-8 character */
			while (a->edit_len > 0) {
				unsigned char c = (unsigned char)a->edit[--a->edit_len];
				if ((c & 0xc0) != 0x80)
					break;
			}
			a->edit[a->edit_len] = '\0';
			break;
		case TERMKEY_SYM_SPACE:
			if (a->edit_len + 1 < sizeof a->edit) {
				a->edit[a->edit_len++] = ' ';
				a->edit[a->edit_len] = '\0';
			}
			break;
		default: break;
		}
		return true;
	}
	if (k->type != TERMKEY_TYPE_UNICODE)
		return true;
	if (k->modifiers & TERMKEY_KEYMOD_CTRL) {
		if (k->code.codepoint == 'u') {
			a->edit_len = 0;
			a->edit[0] = '\0';
		}
		return true;
	}
	size_t n = strlen(k->utf8);
	if (n > 0 && a->edit_len + n < sizeof a->edit) {
		memcpy(a->edit + a->edit_len, k->utf8, n);
		a->edit_len += n;
		a->edit[a->edit_len] = '\0';
	}
	return true;
}
