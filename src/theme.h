/* theme.h — semantic colours read from themes/NAME.ini. */
#ifndef INFERTUI_THEME_H
#define INFERTUI_THEME_H

#include <stdbool.h>
#include <stddef.h>
#include "config/ini.h"

enum theme_elem {
	TE_TEXT, TE_DIM, TE_ACCENT, TE_TITLE, TE_BORDER, TE_SELECTION,
	TE_GOOD, TE_WARN, TE_BAD, TE_SLIDER_FILL, TE_SLIDER_TRACK,
	TE_GAUGE_WEIGHTS, TE_GAUGE_KV, TE_GAUGE_WASTE, TE_GAUGE_OVERHEAD,
	TE_GAUGE_FREE, TE_STATUS, TE_BASELINE,
	TE_COUNT
};

/* attributes */
#define TA_BOLD      0x01
#define TA_UNDERLINE 0x02
#define TA_REVERSE   0x04
#define TA_DIM       0x08

typedef struct {
	short fg256, bg256;   /* -1 = terminal default */
	short fg8, bg8;       /* 0..7 or -1 */
	unsigned attrs;       /* TA_* (used in colour and mono) */
	unsigned mono_attrs;  /* TA_* when no colour */
} theme_style;

typedef struct {
	char name[48];
	char description[160];
	bool mono;            /* a theme that draws without colour */
	theme_style st[TE_COUNT];
} theme;

const char *theme_elem_name(enum theme_elem e);   /* "slider_fill" ... */
void theme_builtin_mono(theme *t);                /* always available */
/* Load a theme file; 0, or -1 with every problem in *d. */
int theme_load(const char *path, theme *t, diag *d);

#endif
