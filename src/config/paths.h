/* paths.h — where presets and themes are found: the search path
 * ($XDG_CONFIG_HOME/infertui, the installed data dir, the source tree when
 * run from the build tree), finding one by name and listing them all.
 */
#ifndef INFERTUI_CONFIG_PATHS_H
#define INFERTUI_CONFIG_PATHS_H

#include <limits.h>
#include <stddef.h>
#include <stdio.h>

#include "config/ini.h"

/* Resolve a --preset/--theme argument: a path if it contains '/' or ends in
 * ".ini", else a name searched in $XDG_CONFIG_HOME/infertui/<kind>/, the
 * installed data dir, then the source tree.  kind: "presets" or "themes".
 * Returns 0 with the path in out, or -1 with a message listing the names. */
int config_find(const char *kind, const char *name, char *out, size_t outlen,
                diag *d);
/* The search path of kind, in order: returns how many dirs (2 or 3). */
int config_search_dirs(const char *kind, char dirs[3][PATH_MAX]);
/* Print every name in the search path with its one-line description;
 * returns how many. */
size_t config_list(const char *kind, FILE *out);
/* "infertui: no KIND: none found in DIR, DIR": what an empty listing says. */
void config_list_none(const char *kind, FILE *out);
/* The user's directory: $XDG_CONFIG_HOME/infertui[/kind], or under ~/.config. */
void config_user_dir(char *buf, size_t len, const char *kind);

#endif
