/* tui.h — the interactive explorer.  The only module that includes curses
 * or termkey. */
#ifndef INFERTUI_TUI_H
#define INFERTUI_TUI_H

#include "scenario.h"

typedef struct {
	const char *preset_path;   /* the preset the scenario came from, or NULL */
	const char *theme_name;    /* --theme, or NULL for [ui] theme / default */
} tui_options;

/* Run the explorer on the terminal (stdin/stdout must be a tty; main checks).
 * *s is the validated starting scenario.  Returns the process exit status.
 * Restores the terminal on every exit path. */
int tui_run(scenario *s, const tui_options *opt);

#endif
