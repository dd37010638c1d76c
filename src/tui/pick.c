/* pick.c — the filterable pick-lists: presets (p), the values of a choice
 * (Enter on model, accelerator, precision, ...) and themes (T).  Typing
 * narrows the list; an unknown typed name gets the command line's message. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "config.h"
#include "tui/ui.h"

/* case-insensitive substring */
static bool has(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return true;
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

/* the entries the filter lets through; the selection stays on its name */
static void refilter(tui_app *a)
{
	int keep = a->n_shown > 0 && a->pick < a->n_shown ? a->shown[a->pick] : -1;

	a->n_shown = 0;
	a->pick = 0;
	for (int i = 0; i < a->n_names; i++)
		if (has(a->names[i], a->filter) || has(a->name_desc[i], a->filter)) {
			if (i == keep)
				a->pick = a->n_shown;
			a->shown[a->n_shown++] = i;
		}
	a->pick_top = 0;
	a->dirty |= D_ALL;
}

static void open_list(tui_app *a, enum pick_kind kind, const char *current)
{
	a->pick_kind = kind;
	a->filter[0] = '\0';
	a->filter_len = 0;
	a->n_shown = 0;
	refilter(a);
	for (int i = 0; i < a->n_shown; i++)
		if (!strcmp(a->names[a->shown[i]], current))
			a->pick = i;
	a->mode = MODE_PICKER;
	a->dirty |= D_ALL;
}

void pick_open_presets(tui_app *a)
{
	a->n_names = state_list_names("presets", a->names, a->name_desc, UI_MAX_NAMES);
	if (a->n_names == 0) {
		state_message(a, true, "no presets found (see infertui --list-presets)");
		return;
	}
	open_list(a, PICK_PRESET, a->preset_name);
}

void pick_open_themes(tui_app *a)
{
	a->n_names = a->n_themes;
	for (int i = 0; i < a->n_themes; i++) {
		ui_copy(a->names[i], UI_NAME_LEN, a->theme_names[i]);
		a->name_desc[i][0] = '\0';
	}
	open_list(a, PICK_THEME, a->theme_names[a->theme_idx]);
}

void pick_open_param(tui_app *a, int pi)
{
	const param *p = ui_param(a, pi);
	char cur[UI_NAME_LEN];
	size_t n = params_choice_count(p);

	a->n_names = 0;
	for (size_t i = 0; i < n && a->n_names < UI_MAX_NAMES; i++) {
		const char *id = params_choice_name(p, i);
		char *desc = a->name_desc[a->n_names];
		const gpu_spec *g = p->type == PT_GPU ? catalog_gpu(id) : NULL;
		const model_spec *m = p->type == PT_MODEL ? catalog_model(id) : NULL;
		const instance_spec *in = p->type == PT_CHOICE ? catalog_instance(id) : NULL;
		ui_copy(a->names[a->n_names], UI_NAME_LEN, id);
		desc[0] = '\0';
		char mem[48];
		if (g)   /* memory in GB as everywhere, GiB beside it as sold */
			snprintf(desc, UI_NAME_LEN * 2, "%s, %s, %.2f TB/s", g->label,
			         catalog_fmt_memory(mem, sizeof mem, g->mem_bytes),
			         g->bandwidth / 1e12);
		else if (m)
			snprintf(desc, UI_NAME_LEN * 2, "%s", m->label);
		else if (in)   /* an option's instance */
			snprintf(desc, UI_NAME_LEN * 2, "%d x %s, $%.2f/h", in->gpus, in->gpu,
			         in->usd_per_hour);
		a->n_names++;
	}
	a->pick_param = pi;
	ui_param_text(a, &a->cur, pi, cur, sizeof cur);
	open_list(a, PICK_CHOICE, cur);
}

static const char *title_of(const tui_app *a)
{
	switch (a->pick_kind) {
	case PICK_THEME: return "Themes";
	case PICK_CHOICE: return ui_param(a, a->pick_param)->label;
	case PICK_PRESET:
	default: return "Presets";
	}
}

void pick_draw(tui_app *a)
{
	static const char foot[] = "type to filter  Enter choose  Esc cancel";
	ui_rect r = ui_box(a, 78, a->n_names + 3, title_of(a), foot);
	int rows = r.h - 3, nw = 0;
	char line[UI_NAME_LEN + 32];

	snprintf(line, sizeof line, "filter: %s", a->filter);
	int fx = r.x + 2 + ui_put(r.y + 1, r.x + 2, r.w - 4, ui_attr(a, TE_ACCENT), line);
	if (fx < r.x + r.w - 1)
		mvaddch(r.y + 1, fx, ' ' | A_REVERSE);   /* the cursor */
	if (a->n_shown == 0) {
		ui_put(r.y + 2, r.x + 2, r.w - 4, ui_attr(a, TE_DIM),
		       "nothing matches: Enter tries the name as typed");
		return;
	}
	for (int i = 0; i < a->n_shown; i++) {
		int w = ui_width(a->names[a->shown[i]]);
		if (w > nw)
			nw = w;
	}
	if (nw > 24)
		nw = 24;
	if (a->pick < a->pick_top)
		a->pick_top = a->pick;
	if (a->pick >= a->pick_top + rows)
		a->pick_top = a->pick - rows + 1;
	for (int i = 0; i < rows && a->pick_top + i < a->n_shown; i++) {
		int k = a->pick_top + i, y = r.y + 2 + i, e = a->shown[k];
		attr_t at = k == a->pick ? ui_attr(a, TE_SELECTION) : ui_attr(a, TE_TEXT);
		if (k == a->pick) {
			ui_fill(y, r.x + 1, 1, r.w - 2, at);
			ui_put(y, r.x + 1, 1, at, a->g.right);
		}
		ui_put(y, r.x + 2, nw, at | A_BOLD, a->names[e]);
		ui_put(y, r.x + 4 + nw, r.w - nw - 6, k == a->pick ? at : ui_attr(a, TE_DIM),
		       a->name_desc[e]);
	}
	if (a->pick_top > 0)
		ui_put(r.y + 2, r.x + r.w - 2, 1, ui_attr(a, TE_DIM), a->g.up);
	if (a->pick_top + rows < a->n_shown)
		ui_put(r.y + r.h - 2, r.x + r.w - 2, 1, ui_attr(a, TE_DIM), a->g.down);
}

static void load_preset(tui_app *a, const char *name)
{
	char path[1024];
	diag d;
	static scenario tmp;

	diag_init(&d);
	if (config_find("presets", name, path, sizeof path, &d) != 0) {
		state_message(a, true, "%s", d.count ? d.msg[0] : "preset not found");
		return;
	}
	scenario_defaults(&tmp);
	diag_init(&d);
	if (config_load_preset(path, &tmp, &d) != 0) {
		state_message(a, true, "%s", d.count ? d.msg[0] : "preset not loaded");
		return;
	}
	a->cur = tmp;
	ui_copy(a->preset_name, sizeof a->preset_name, name);
	ui_copy(a->preset_path, sizeof a->preset_path, path);
	state_commit(a, STATE_LOADED);
	state_message(a, false, "loaded preset %s (u undoes)", name);
}

static void set_choice(tui_app *a, const char *name)
{
	const param *p = ui_param(a, a->pick_param);
	static scenario tmp;
	char err[512];

	tmp = a->cur;
	if (ui_param_set_text(a, &tmp, a->pick_param, name, err, sizeof err) != 0) {
		/* the message of --set, did-you-mean and all; the list stays */
		state_message(a, true, "%s: %s", p->key, err);
		return;
	}
	a->mode = MODE_MAIN;
	if (memcmp(&tmp, &a->cur, sizeof tmp) != 0) {
		a->cur = tmp;
		state_commit(a, -1);
		if (*err && !a->msg[0])
			state_message(a, false, "%s", err);   /* what else it changed */
	}
}

/* Enter: the selected entry, or with nothing matching, the typed text */
static void choose(tui_app *a)
{
	const char *name = a->n_shown > 0 ? a->names[a->shown[a->pick]] : a->filter;

	switch (a->pick_kind) {
	case PICK_CHOICE:
		set_choice(a, name);
		break;
	case PICK_THEME:
		if (a->n_shown == 0) {
			state_message(a, true, "no theme '%s' (T lists them)", a->filter);
			return;
		}
		a->mode = MODE_MAIN;
		state_apply_theme(a, a->shown[a->pick]);
		state_message(a, false, "theme: %s (remembered)", a->theme_names[a->theme_idx]);
		state_save_theme(a);
		break;
	case PICK_PRESET:
	default:
		a->mode = MODE_MAIN;
		load_preset(a, name);
		break;
	}
}

bool pick_key(tui_app *a, TermKey *tk, TermKeyKey *k)
{
	a->dirty |= D_ALL;
	if (k->type == TERMKEY_TYPE_MOUSE) {
		TermKeyMouseEvent ev;
		int button, line, col;
		if (termkey_interpret_mouse(tk, k, &ev, &button, &line, &col) ==
		    TERMKEY_RES_KEY && ev == TERMKEY_MOUSE_PRESS) {
			if (button == 4 && a->pick > 0)
				a->pick--;
			else if (button == 5 && a->pick < a->n_shown - 1)
				a->pick++;
		}
		return true;
	}
	if (k->type == TERMKEY_TYPE_KEYSYM) {
		switch (k->code.sym) {
		case TERMKEY_SYM_UP: if (a->pick > 0) a->pick--; break;
		case TERMKEY_SYM_DOWN: if (a->pick < a->n_shown - 1) a->pick++; break;
		case TERMKEY_SYM_PAGEUP: a->pick = a->pick > 10 ? a->pick - 10 : 0; break;
		case TERMKEY_SYM_PAGEDOWN:
			a->pick = a->pick + 10 < a->n_shown ? a->pick + 10 :
			          a->n_shown > 0 ? a->n_shown - 1 : 0;
			break;
		case TERMKEY_SYM_HOME: a->pick = 0; break;
		case TERMKEY_SYM_END: a->pick = a->n_shown > 0 ? a->n_shown - 1 : 0; break;
		case TERMKEY_SYM_ENTER: choose(a); break;
		case TERMKEY_SYM_ESCAPE:
			a->mode = MODE_MAIN;
			a->msg[0] = '\0';
			break;
		case TERMKEY_SYM_BACKSPACE:
		case TERMKEY_SYM_DEL:
			if (a->filter_len > 0) {
				a->filter[--a->filter_len] = '\0';
				refilter(a);
			}
			break;
		default: break;
		}
		return true;
	}
	if (k->type != TERMKEY_TYPE_UNICODE)
		return true;
	long c = k->code.codepoint;
	if (k->modifiers & TERMKEY_KEYMOD_CTRL) {
		if (c == 'u') {
			a->filter_len = 0;
			a->filter[0] = '\0';
			refilter(a);
		}
		return true;
	}
	/* names are ASCII: letters, digits and - _ . */
	if (c < 128 && (isalnum((int)c) || c == '-' || c == '_' || c == '.') &&
	    a->filter_len + 1 < sizeof a->filter) {
		a->filter[a->filter_len++] = (char)c;
		a->filter[a->filter_len] = '\0';
		a->msg[0] = '\0';
		refilter(a);
	}
	return true;
}
