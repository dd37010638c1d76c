/* ui.h — internals of the interactive explorer, shared by the files of
 * src/tui/ only (tui.h is the module's public face). */
#ifndef INFERTUI_TUI_UI_H
#define INFERTUI_TUI_UI_H

/* Shape (after alsamixer and ncdu): one tui_app holds the state; keys.c turns
 * key events into commands that change the scenario; every change marks
 * dirty regions; layout.c draws the dirty regions into stdscr and ncurses
 * sends only the cells that changed.  The core never touches the real
 * terminal, so the headless tests and the benchmark run it on newterm()
 * with keys from termkey_new_abstract(). */

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>
#include <termkey.h>

#include "scenario.h"
#include "params.h"
#include "theme.h"
#include "model/model.h"
#include "tui/tui.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
#define UI_BIG_COLS 120
#define UI_BIG_ROWS 40

#define UI_HISTORY 128         /* undo depth */
#define UI_MAX_NAMES 64        /* presets / themes listed */
#define UI_NAME_LEN 64
#define UI_MSG_LEN 240
#define UI_EDIT_LEN 200
#define UI_CHART_MAX 160
#define UI_LIST_LINES 256      /* list lines remembered for partial redraw */

enum ui_mode { MODE_MAIN, MODE_HELP, MODE_PICKER, MODE_SAVE, MODE_EDIT,
	MODE_SEARCH, MODE_CHARTS, MODE_COMPARE };
enum pick_kind { PICK_PRESET, PICK_CHOICE, PICK_THEME };

/* dirty regions */
#define D_TITLE  0x01
#define D_LIST   0x02
#define D_PANELS 0x04
#define D_STATUS 0x08
#define D_ALL    0x0f

typedef struct {
	int y, x, h, w;
} ui_rect;

/* one row of the parameter list: a group heading or a parameter */
typedef struct {
	int param;                 /* index into the table, or -1 for a heading */
	int group;                 /* section (Tab moves between them) */
	const char *name;          /* heading text (headings only) */
} ui_row;

/* A parameter of the list that is not in the table: one key of one of the
 * scenario's regions or options (xparams.c); its index in the list is
 * params_count() + its index in tui_app.xp. */
#define UI_XPARAMS (MAX_REGIONS * 3 + MAX_OPTIONS * 5)
typedef struct {
	param p;                   /* label, unit, help, type, range and steps */
	char key[ID_MAX + 32];     /* "region.hk.share": the key --set takes */
	char label[ID_MAX + 24];   /* "hk share" */
	char name[ID_MAX];         /* the region or option */
	int field;                 /* which of its keys (xparams.c) */
} ui_xparam;

/* glyphs: UTF-8 when the locale allows, ASCII otherwise */
typedef struct {
	const char *fill, *track, *knob, *left_end, *right_end;
	const char *seg[5];        /* weights, kv, waste, overhead, free */
	const char *hline, *vline;
	const char *ok, *fail;
	const char *up, *down, *left, *right;
	const char *up_open;       /* "△" or "'": a second mark on an axis */
	const char *blocks[9];     /* sparkline: " " then 1/8 .. 8/8 */
	const char *dot;
	const char *times;         /* "×" or "x" */
	const char *ellipsis;
	bool utf8;
} ui_glyphs;

typedef struct {
	int n;
	int batch[UI_CHART_MAX];
	double tok_s[UI_CHART_MAX];
	double tpot_s[UI_CHART_MAX];
	bool reachable[UI_CHART_MAX];
	bool valid;
} ui_chart;

typedef struct tui_app {
	/* the scenario and what it gives */
	scenario cur;
	results res;
	scenario base;
	results base_res;
	bool has_base;

	/* undo: ring of states; hist[pos] is the current one */
	scenario *hist;
	int hist_start, hist_len, hist_pos;
	int last_adjust;           /* param of the last slider move (coalesces undo) */
	char (*hist_name)[UI_NAME_LEN];   /* the preset each state came from */
	bool *hist_changed;        /* and whether it was changed since */
	bool changed;              /* the current state's */

	/* parameter list */
	ui_row *rows;
	int n_rows;
	int sel;                   /* selected row (always a parameter) */
	int top;                   /* first row shown */
	int n_groups;              /* sections */
	bool arch_open;            /* the model's architecture rows shown */
	ui_xparam xp[UI_XPARAMS];  /* the rows of the regions and options */
	int n_xp, n_xp_regions;    /* (the regions' come first) */
	unsigned long xp_shape;    /* xp_shape() of the scenario they were built for */
	bool present;              /* presentation mode: no list, panels large */

	/* mode and dialogs */
	enum ui_mode mode;
	char edit[UI_EDIT_LEN];
	bool confirm_save;         /* the save prompt asks: y saves */
	size_t edit_len;
	char names[UI_MAX_NAMES][UI_NAME_LEN];
	char name_desc[UI_MAX_NAMES][UI_NAME_LEN * 2];
	int n_names;
	int pick;                  /* picker selection (index into shown) */
	int pick_top;
	enum pick_kind pick_kind;
	int pick_param;            /* PICK_CHOICE: the parameter */
	char filter[UI_NAME_LEN];  /* typed to narrow the list */
	size_t filter_len;
	int shown[UI_MAX_NAMES];   /* names the filter lets through */
	int n_shown;
	int help_top;

	/* status line */
	char msg[UI_MSG_LEN];
	bool msg_error;

	/* themes */
	char theme_names[UI_MAX_NAMES][UI_NAME_LEN];
	int n_themes;
	int theme_idx;
	theme th;
	bool colour;               /* colours in use (has_colors, !NO_COLOR, !mono) */
	bool colour_ok;            /* the terminal may show colours (and no NO_COLOR) */
	bool colour256;

	/* screen */
	int rows_n, cols_n;        /* terminal size */
	bool too_small;
	bool big;
	ui_rect r_title, r_list, r_panels, r_notes, r_status;
	ui_rect r_cost, r_lat, r_mem, r_fleet, r_chart;
	ui_rect r_head;            /* presentation mode below 120x40: the
	                              headline figure, three rows tall, in place
	                              of the Cost panel (h 0 otherwise) */
	int list_label_w, list_bar_w, list_value_w;
	unsigned dirty;
	bool full_redraw;          /* next draw repaints every region */
	enum ui_mode drawn_mode;   /* the mode of the last drawn frame */
	unsigned long list_sig[UI_LIST_LINES];  /* what each list line shows */
	ui_glyphs g;
	ui_chart chart;

	/* mouse drag */
	int drag_param;            /* -1 when not dragging */

	/* where the scenario came from */
	char preset_name[UI_NAME_LEN];
	char preset_path[1024];

	bool quit;
	int exit_status;
} tui_app;

/* The files, lowest first; each calls only those above it in this list
 * (tests/unit/tui-layers.sh checks it):
 *   widgets.c  formatting and drawing primitives, theme attributes
 *   xparams.c  the list's parameters: the table's, the regions' and options'
 *   rows.c     the list's rows: sections, the folded architecture
 *   state.c    status message, undo history, recompute, themes, name lists
 *   panels.c   the result panels, notes line and batch chart (reads a->res)
 *   pick.c     the filterable pick-lists (presets, a choice's values, themes)
 *   dialogs.c  help and the status-line prompts
 *   layout.c   sizes and the frame: title, list, notes, status
 *   keys.c     key and mouse events to commands
 *   app.c      set-up, resize, draw, and the real terminal */

/* app.c — entry points of the core (the headless tests and the benchmark
 * drive these on newterm()) */
/* Set up *a on the current curses SCREEN (after newterm/initscr). */
int app_init(tui_app *a, const scenario *s, const tui_options *opt);
void app_free(tui_app *a);
/* The terminal has this size now: relayout and redraw all. */
void app_resize(tui_app *a, int rows, int cols);
/* Draw what is dirty into stdscr and wnoutrefresh it (no doupdate). */
void app_draw(tui_app *a);

/* state.c */
void state_message(tui_app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Recompute the results of the current scenario (the chart when drawn). */
void state_recompute(tui_app *a);
/* Make a->cur the current scenario (a new undo state unless coalesced).
 * adjusted_param: the slider moved (coalesces), -1 any other change,
 * STATE_LOADED a preset just loaded (a->preset_name names it). */
#define STATE_LOADED (-2)
void state_commit(tui_app *a, int adjusted_param);
/* The current state is saved under this name (the title says it). */
void state_named(tui_app *a, const char *name);
/* dir -1 undo, +1 redo; false when there is nothing to undo/redo */
bool state_undo(tui_app *a, int dir);
void state_apply_theme(tui_app *a, int idx);
/* Remember the current theme for the next start (the user's config dir). */
void state_save_theme(tui_app *a);
/* The remembered theme's name into buf ("" when none). */
void state_saved_theme(char *buf, size_t len);
/* Fill names with the preset (or theme) names of the search path. */
int state_list_names(const char *kind, char names[][UI_NAME_LEN],
                     char desc[][UI_NAME_LEN * 2], int max);

/* keys.c */
/* libtermkey on fd (term NULL: the terminal's own; else an abstract
 * instance for that TERM, fed with termkey_push_bytes), mouse-safe. */
TermKey *keys_new(int fd, const char *term);
void keys_handle(tui_app *a, TermKey *tk, TermKeyKey *key);
/* Feed raw bytes (tests): parsed by tk, each key handled; no drawing. */
void keys_feed(tui_app *a, TermKey *tk, const char *bytes, size_t len);

/* layout.c */
void layout_compute(tui_app *a);
void layout_draw(tui_app *a);
int layout_row_at(const tui_app *a, int y);   /* list row at screen line, -1 */
/* column range of the slider bar of the list, for the mouse */
void layout_bar_cols(const tui_app *a, int *x0, int *x1);
void layout_scroll_to_sel(tui_app *a);

/* widgets.c — formatting and drawing primitives */
attr_t ui_attr(const tui_app *a, enum theme_elem e);
bool ui_is_choice(const param *p);   /* cycled/picked, not a slider */
/* A framed box centred on the screen (title on top, foot below). */
ui_rect ui_box(const tui_app *a, int want_w, int want_h, const char *title,
               const char *foot);
void ui_glyphs_init(ui_glyphs *g, bool utf8);
/* strlcpy: copy what fits, always terminated */
void ui_copy(char *dst, size_t n, const char *src);
int ui_width(const char *s);                         /* display columns */
/* Copy s into out so that it takes at most w columns, cutting at a word
 * boundary (never mid-word); returns the columns used. */
int ui_fit(const char *s, int w, char *out, size_t outlen);
/* Draw s at y,x in at most w columns (word-boundary cut), with attr. */
int ui_put(int y, int x, int w, attr_t attr, const char *s);

/* bigtext.c: text three rows tall (digits, "$", ",", ".", "-", " ", and
 * the k/M/B/T of short amounts), half blocks or '#' without UTF-8; the
 * width in columns, or -1 for a character it cannot draw or no room */
#define UI_BIG_BYTES 512
int ui_big_render(const char *text, bool utf8, char out[3][UI_BIG_BYTES]);
int ui_putf(int y, int x, int w, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Right-aligned in [x, x+w). */
int ui_put_right(int y, int x, int w, attr_t attr, const char *s);
void ui_fill(int y, int x, int h, int w, attr_t attr);
void ui_hline_title(const tui_app *a, int y, int x, int w, const char *title,
                    const char *right);
void ui_slider(const tui_app *a, int y, int x, int w, double pos,
               bool selected);
/* A stacked bar of n segments of the given sizes, scaled to total. */
void ui_stacked_bar(const tui_app *a, int y, int x, int w, const double *v,
                    const enum theme_elem *el, int n, double total);
/* A row "label ........ value  delta" in [x, x+w). */
void ui_row_value(const tui_app *a, int y, int x, int w, const char *label,
                  const char *value, const char *mark, attr_t mark_attr,
                  const char *delta, int delta_w);

/* a shorter spelling of a long unit ("$/1M tokens" -> "$/Mtok") */
const char *ui_short_unit(const char *u);
/* a figure as shown ("2.5k", "500k /day", "100 ms") into what
 * params_set_text takes; other text is copied as typed */
void ui_typed_value(const param *p, const char *in, char *out, size_t n);

/* number formatting (units always included) */
void fmt_usd(char *b, size_t n, double usd);
void fmt_bytes(char *b, size_t n, double bytes);
void fmt_time(char *b, size_t n, double s);
void fmt_rate(char *b, size_t n, double per_s, const char *unit);
void fmt_count(char *b, size_t n, double v);
/* Delta against a baseline: "+1.2 ms +4.1%" (fmt formats the absolute
 * part with its unit); "" when equal or there is no baseline. */
void fmt_delta(char *b, size_t n, double cur, double base,
               void (*fmt)(char *, size_t, double));
void fmt_delta_unit(char *b, size_t n, double cur, double base,
                    const char *unit);

/* xparams.c — every list row's parameter goes through these: pi is a
 * table index, or params_count() + an index into a->xp */
void xp_build(tui_app *a);                  /* a->xp from a->cur */
unsigned long xp_shape(const scenario *s);  /* changes when a->xp would */
const param *ui_param(const tui_app *a, int pi);
/* the value as --set takes it ("" when s has no such region or option) */
void ui_param_text(const tui_app *a, const scenario *s, int pi, char *buf, size_t n);
double ui_param_get(const tui_app *a, const scenario *s, int pi);
double ui_param_position(const tui_app *a, int pi);   /* of a->cur */
/* Change *s as --set would: 0 (msg: "" or a note of what else changed),
 * or -1 with the reason in msg (no key prefix) and *s unchanged. */
int ui_param_set_text(tui_app *a, scenario *s, int pi, const char *text,
                      char *msg, size_t n);
int ui_param_step(tui_app *a, scenario *s, int pi, int dir, bool big,
                  char *msg, size_t n);
int ui_param_set_position(tui_app *a, scenario *s, int pi, double pos,
                          char *msg, size_t n);

/* rows.c */
/* (Re)build the rows of the list, keeping the selection on its parameter. */
void rows_build(tui_app *a);
void rows_toggle_arch(tui_app *a);   /* show/hide the architecture rows */
int rows_arch_count(void);

/* panels.c */
void panels_draw(tui_app *a);
void panels_notes(const tui_app *a, char *out, size_t n, int w);
/* the operating point in words ("batch 24 (SLO-limited; max 64)") */
void panels_op_title(const tui_app *a, char *out, size_t n, bool longer);
void panels_chart_compute(tui_app *a);

/* pick.c */
void pick_open_presets(tui_app *a);
void pick_open_themes(tui_app *a);
void pick_open_param(tui_app *a, int pi);   /* a choice's values */
void pick_draw(tui_app *a);
bool pick_key(tui_app *a, TermKey *tk, TermKeyKey *k);

/* dialogs.c */
void dialog_help_draw(tui_app *a);
void dialog_edit_draw(tui_app *a);
bool dialog_help_key(tui_app *a, TermKey *tk, TermKeyKey *k);
bool dialog_edit_key(tui_app *a, TermKey *tk, TermKeyKey *k);
void dialog_open_edit(tui_app *a);
void dialog_open_save(tui_app *a);

/* view_search.c — the search panel (o); view_charts.c — the charts (g) */
void view_search_open(tui_app *a);
bool view_search_key(tui_app *a, TermKey *tk, TermKeyKey *k);
void view_search_draw(tui_app *a);
void view_charts_open(tui_app *a);
bool view_charts_key(tui_app *a, TermKey *tk, TermKeyKey *k);
void view_charts_draw(tui_app *a);
/* view_compare.c — pinned scenarios side by side (P pins, c shows) */
void view_compare_pin(tui_app *a);
void view_compare_open(tui_app *a);
bool view_compare_key(tui_app *a, TermKey *tk, TermKeyKey *k);
void view_compare_draw(tui_app *a);

#endif
