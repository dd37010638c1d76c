/* config.h — presets, themes and the user catalog as INI files.
 * The only module that includes iniparser.h.
 */
#ifndef INFERTUI_CONFIG_H
#define INFERTUI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "scenario.h"

/* Problems found while reading a file, all of them, in order.  Each message
 * is already formatted as
 *   "FILE:LINE: [section] key: problem (allowed: ...)"
 * (without the leading "infertui: "). */
#define DIAG_MAX 64
#define DIAG_LEN 512
typedef struct {
	int count;
	int dropped;               /* beyond DIAG_MAX */
	char msg[DIAG_MAX][DIAG_LEN];
} diag;

void diag_init(diag *d);
void diag_add(diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_print(const diag *d, FILE *out);   /* "infertui: " + each line */

/* A read INI file, for theme.c and tests (so that nobody else includes
 * iniparser.h).  config_ini_read scans the file line by line (syntax, BOM,
 * CRLF, binary data, over-long lines, duplicates: every problem into *d,
 * *nerr counts them) and, when the syntax is clean, loads it through
 * iniparser; entry values then come from iniparser.  NULL only when the
 * file cannot be read at all. */
typedef struct {
	int line;
	char section[64];          /* lower-cased, as iniparser stores it */
	char key[64];              /* lower-cased; "" for a section header */
	const char *value;         /* owned by the reader */
} config_entry;
typedef struct config_ini config_ini;
config_ini *config_ini_read(const char *path, diag *d, int *nerr);
size_t config_ini_count(const config_ini *ini);
const config_entry *config_ini_at(const config_ini *ini, size_t i);
/* First line of a section ("" sections excluded), 0 if absent. */
int config_ini_section_line(const config_ini *ini, const char *section);
void config_ini_free(config_ini *ini);

/* Load a preset over *s (which holds defaults or an earlier state).  Also
 * applies [gpu.ID]/[model.ID] catalog sections, [region.*] and [option.*].
 * Returns 0, or -1 with every problem in *d; *s is left unchanged on error. */
int config_load_preset(const char *path, scenario *s, diag *d);
/* --set KEY=VALUE: 0, or -1 with one message in *d. */
int config_apply_set(scenario *s, const char *assignment, diag *d);
/* The user catalog ($XDG_CONFIG_HOME/infertui/catalog.ini), if it exists. */
int config_load_user_catalog(diag *d);

/* Resolve a --preset/--theme argument: a path if it contains '/' or ends in
 * ".ini", else a name searched in $XDG_CONFIG_HOME/infertui/<kind>/, the
 * installed data dir, then the source tree.  kind: "presets" or "themes".
 * Returns 0 with the path in out, or -1 with a message listing the names. */
int config_find(const char *kind, const char *name, char *out, size_t outlen,
                diag *d);
/* Print every name in the search path with its one-line description. */
void config_list(const char *kind, FILE *out);

/* Write the scenario as a complete, commented INI: temp file in the same
 * directory, fsync, rename.  0, or -1 with the reason in *d (old file kept). */
int config_save_preset(const char *path, const scenario *s,
                       const char *description, diag *d);

/* Validate preset or theme files (detected by their sections); prints every
 * problem; returns the number of bad files. */
int config_check_files(int n, char **paths, FILE *err);

#endif
