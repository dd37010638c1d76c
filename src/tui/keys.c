/* keys.c — key and mouse events to commands (the keys of interface.md).
 * Events come from libtermkey only; this file never reads the terminal, so
 * the tests feed it bytes through termkey_new_abstract(). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <string.h>

#include "tui/ui.h"

static const param *sel_param(const tui_app *a)
{
	if (a->sel < 0 || a->sel >= a->n_rows || a->rows[a->sel].param < 0)
		return NULL;
	return ui_param(a, a->rows[a->sel].param);
}

static void move_sel(tui_app *a, int dir)
{
	int i = a->sel;
	do {
		i += dir;
	} while (i >= 0 && i < a->n_rows && a->rows[i].param < 0);
	if (i < 0 || i >= a->n_rows)
		return;
	a->sel = i;
	a->last_adjust = -1;
	layout_scroll_to_sel(a);
	a->dirty |= D_LIST | D_STATUS;
}

/* Tab / Shift-Tab: the first parameter of the next / previous section,
 * round from the last to the first */
static void move_group(tui_app *a, int dir)
{
	int n = a->n_groups > 0 ? a->n_groups : 1;
	int g = a->rows[a->sel].group;
	for (int step = 1; step <= n; step++) {
		int want = ((g + dir * step) % n + n) % n;
		for (int i = 0; i < a->n_rows; i++)
			if (a->rows[i].group == want && a->rows[i].param >= 0) {
				a->sel = i;
				a->last_adjust = -1;
				layout_scroll_to_sel(a);
				a->dirty |= D_LIST | D_STATUS;
				return;
			}
	}
}

/* apply a change made to a->cur (rc, msg: of ui_param_step and the like):
 * commit when it changed anything, and say what else it changed */
static void changed(tui_app *a, const param *p, const scenario *before,
                    const char *limit, int rc, const char *msg)
{
	if (rc != 0) {
		state_message(a, true, "%s: %s", p->key, msg);
		return;
	}
	if (memcmp(before, &a->cur, sizeof *before) == 0) {
		if (limit)
			state_message(a, false, "%s is at its %s", p->label, limit);
		return;
	}
	state_commit(a, a->rows[a->sel].param);
	if (*msg && !a->msg[0])
		state_message(a, false, "%s", msg);
}

static void adjust(tui_app *a, int dir, bool big)
{
	static scenario before;
	char msg[UI_MSG_LEN];
	const param *p = sel_param(a);
	if (!p)
		return;
	before = a->cur;
	int rc = ui_param_step(a, &a->cur, a->rows[a->sel].param, dir, big, msg, sizeof msg);
	changed(a, p, &before, dir < 0 ? "minimum" : "maximum", rc, msg);
}

static void set_position(tui_app *a, double pos)
{
	static scenario before;
	char msg[UI_MSG_LEN];
	const param *p = sel_param(a);
	if (!p)
		return;
	before = a->cur;
	int rc = ui_param_set_position(a, &a->cur, a->rows[a->sel].param, pos, msg,
	                               sizeof msg);
	changed(a, p, &before, pos <= 0 ? "minimum" : pos >= 1 ? "maximum" : NULL, rc, msg);
}

static void baseline(tui_app *a)
{
	if (a->has_base && memcmp(&a->base, &a->cur, sizeof a->cur) == 0) {
		a->has_base = false;
		state_message(a, false, "baseline cleared");
	} else {
		a->base = a->cur;
		a->base_res = a->res;
		a->has_base = true;
		state_message(a, false, "baseline set: panels show changes against it (b again to clear)");
	}
	a->dirty |= D_ALL;
}

static void mouse(tui_app *a, TermKey *tk, TermKeyKey *k)
{
	TermKeyMouseEvent ev;
	int button, line, col, x0, x1;

	if (termkey_interpret_mouse(tk, k, &ev, &button, &line, &col) != TERMKEY_RES_KEY)
		return;
	int y = line - 1, x = col - 1;   /* libtermkey is 1-based */
	if (a->too_small || a->r_list.h <= 0)
		return;
	layout_bar_cols(a, &x0, &x1);
	if (ev == TERMKEY_MOUSE_PRESS && (button == 4 || button == 5)) {
		int d = button == 4 ? -3 : 3;
		int maxtop = a->n_rows - a->r_list.h;
		a->top += d;
		if (a->top > maxtop)
			a->top = maxtop;
		if (a->top < 0)
			a->top = 0;
		/* keep the selection on screen */
		if (a->sel < a->top)
			a->sel = a->top;
		if (a->sel >= a->top + a->r_list.h)
			a->sel = a->top + a->r_list.h - 1;
		if (a->sel < 0)
			a->sel = 0;
		if (a->sel > a->n_rows - 1)
			a->sel = a->n_rows - 1;
		while (a->sel < a->n_rows - 1 && a->rows[a->sel].param < 0)
			a->sel++;
		while (a->sel > 0 && a->rows[a->sel].param < 0)
			a->sel--;
		a->dirty |= D_LIST | D_STATUS;
		return;
	}
	if (ev == TERMKEY_MOUSE_RELEASE) {
		a->drag_param = -1;
		return;
	}
	if (ev == TERMKEY_MOUSE_DRAG && a->drag_param >= 0) {
		if (a->rows[a->sel].param != a->drag_param)
			return;
		double pos = (double)(x - x0) / (x1 - x0 - 1);
		set_position(a, pos < 0 ? 0 : pos > 1 ? 1 : pos);
		return;
	}
	if (ev != TERMKEY_MOUSE_PRESS || button != 1)
		return;
	int row = layout_row_at(a, y);
	if (row < 0 || a->rows[row].param < 0 || x >= a->r_list.x + a->r_list.w)
		return;
	if (row != a->sel) {
		a->sel = row;
		a->last_adjust = -1;
		a->dirty |= D_LIST | D_STATUS;
	}
	const param *p = sel_param(a);
	if (!p)
		return;
	if (ui_is_choice(p)) {
		if (x >= x0)
			adjust(a, +1, false);
	} else if (x >= x0 && x < x1) {
		a->drag_param = a->rows[row].param;
		set_position(a, (double)(x - x0) / (x1 - x0 - 1));
	}
}

static void main_key(tui_app *a, TermKey *tk, TermKeyKey *k)
{
	bool shift = k->modifiers & TERMKEY_KEYMOD_SHIFT;
	bool ctrl = k->modifiers & TERMKEY_KEYMOD_CTRL;
	const param *sp;

	if (k->type == TERMKEY_TYPE_MOUSE) {
		mouse(a, tk, k);
		return;
	}
	if (a->msg[0]) {
		a->msg[0] = '\0';
		a->dirty |= D_STATUS;
	}
	if (a->too_small) {
		if (k->type == TERMKEY_TYPE_UNICODE && k->code.codepoint == 'q')
			a->quit = true;
		return;
	}
	if (k->type == TERMKEY_TYPE_KEYSYM) {
		switch (k->code.sym) {
		case TERMKEY_SYM_UP: move_sel(a, -1); break;
		case TERMKEY_SYM_DOWN: move_sel(a, +1); break;
		case TERMKEY_SYM_LEFT: adjust(a, -1, shift); break;
		case TERMKEY_SYM_RIGHT: adjust(a, +1, shift); break;
		case TERMKEY_SYM_PAGEUP: adjust(a, +1, true); break;
		case TERMKEY_SYM_PAGEDOWN: adjust(a, -1, true); break;
		case TERMKEY_SYM_HOME: set_position(a, 0); break;
		case TERMKEY_SYM_END: set_position(a, 1); break;
		case TERMKEY_SYM_ENTER:
			/* a choice of several: the pick-list; else type a value */
			if ((sp = sel_param(a)) && ui_is_choice(sp) && sp->type != PT_BOOL)
				pick_open_param(a, a->rows[a->sel].param);
			else
				dialog_open_edit(a);
			break;
		case TERMKEY_SYM_TAB: move_group(a, shift ? -1 : +1); break;
		case TERMKEY_SYM_ESCAPE: break;
		default: break;
		}
		return;
	}
	if (k->type == TERMKEY_TYPE_FUNCTION) {
		if (k->code.number == 1) {
			a->mode = MODE_HELP;
			a->help_top = 0;
			a->dirty |= D_ALL;
		}
		return;
	}
	if (k->type != TERMKEY_TYPE_UNICODE)
		return;
	long c = k->code.codepoint;
	if (ctrl) {
		switch (c) {
		case 'r':
			if (!state_undo(a, +1))
				state_message(a, false, "nothing to redo");
			break;
		case 'l':
			clearok(curscr, TRUE);
			a->dirty |= D_ALL;
			a->full_redraw = true;
			break;
		default: break;
		}
		return;
	}
	switch (c) {
	case 'q': a->quit = true; break;
	case 'k': move_sel(a, -1); break;
	case 'j': move_sel(a, +1); break;
	case 'h': adjust(a, -1, false); break;
	case 'l': adjust(a, +1, false); break;
	case 'H': adjust(a, -1, true); break;
	case 'L': adjust(a, +1, true); break;
	case '=': dialog_open_edit(a); break;
	case 'b': baseline(a); break;
	case 'z':   /* presentation mode: the panels large, no list */
		a->present = !a->present;
		layout_compute(a);
		erase();
		a->dirty |= D_ALL;
		a->full_redraw = true;
		state_message(a, false, a->present ? "presentation mode: z brings the list back" :
		              "the list is back");
		break;
	case 'm':
		rows_toggle_arch(a);
		layout_scroll_to_sel(a);
		break;
	case 'u':
		if (!state_undo(a, -1))
			state_message(a, false, "nothing to undo");
		break;
	case 'p': pick_open_presets(a); break;
	case 'T': pick_open_themes(a); break;
	case 's': dialog_open_save(a); break;
	case 'o': view_search_open(a); break;
	case 'g': view_charts_open(a); break;
	case 'P': view_compare_pin(a); break;
	case 'c': view_compare_open(a); break;
	case 't':
		state_apply_theme(a, (a->theme_idx + 1) % (a->n_themes ? a->n_themes : 1));
		state_save_theme(a);
		if (!a->msg_error || !a->msg[0])
			state_message(a, false, "theme: %s%s", a->theme_names[a->theme_idx],
			            a->colour_ok ? "" : " (no colours on this terminal or NO_COLOR)");
		break;
	case '?':
		a->mode = MODE_HELP;
		a->help_top = 0;
		a->dirty |= D_ALL;
		break;
	default: break;
	}
}

void keys_handle(tui_app *a, TermKey *tk, TermKeyKey *key)
{
	/* Ctrl-C quits from every mode alike: the main screen (too small or
	 * not), the views, help, the pick-list and the prompts; no mode
	 * handles it on its own */
	if (key->type == TERMKEY_TYPE_UNICODE &&
	    (key->modifiers & TERMKEY_KEYMOD_CTRL) && key->code.codepoint == 'c') {
		a->quit = true;
		return;
	}
	switch (a->mode) {
	case MODE_HELP: dialog_help_key(a, tk, key); break;
	case MODE_PICKER: pick_key(a, tk, key); break;
	case MODE_SEARCH: view_search_key(a, tk, key); break;
	case MODE_CHARTS: view_charts_key(a, tk, key); break;
	case MODE_COMPARE: view_compare_key(a, tk, key); break;
	case MODE_EDIT:
	case MODE_SAVE: dialog_edit_key(a, tk, key); break;
	case MODE_MAIN:
	default: main_key(a, tk, key); break;
	}
}

/* libtermkey 0.22 hands terminfo's kmous to its X10 mouse parser; recent
 * xterm entries say kmous=\E[< (SGR), so SGR reports would be misread as
 * X10 ones followed by stray characters.  Map it to \E[M (as neovim does):
 * X10 stays with that parser and SGR (\E[<...M/m) goes to the CSI driver. */
static const char *ti_hook(const char *name, const char *value, void *data)
{
	(void)data;
	if (name && !strcmp(name, "key_mouse"))
		return "\033[M";
	return value;
}

TermKey *keys_new(int fd, const char *term)
{
	int flags = TERMKEY_FLAG_UTF8 | TERMKEY_FLAG_NOSTART;
	TermKey *tk = term ? termkey_new_abstract(term, flags) :
	                     termkey_new(fd, flags | TERMKEY_FLAG_NOTERMIOS);
	if (!tk)
		return NULL;
	termkey_hook_terminfo_getstr(tk, ti_hook, NULL);
	if (!termkey_start(tk)) {
		termkey_destroy(tk);
		return NULL;
	}
	return tk;
}

void keys_feed(tui_app *a, TermKey *tk, const char *bytes, size_t len)
{
	TermKeyKey key;
	TermKeyResult r;

	while (len > 0) {
		size_t n = termkey_push_bytes(tk, bytes, len);
		if (n == 0)
			break;
		bytes += n;
		len -= n;
		while ((r = termkey_getkey(tk, &key)) == TERMKEY_RES_KEY && !a->quit)
			keys_handle(a, tk, &key);
		if (r == TERMKEY_RES_AGAIN && termkey_getkey_force(tk, &key) == TERMKEY_RES_KEY)
			keys_handle(a, tk, &key);
	}
}
