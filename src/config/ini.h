/* ini.h — reading INI files: diagnostics (the FILE:LINE messages every
 * loader collects), the guarded reader over iniparser, and the name rules
 * of the INI grammar.  What presets, the user catalog and themes build on.
 */
#ifndef INFERTUI_CONFIG_INI_H
#define INFERTUI_CONFIG_INI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CONFIG_LINE_MAX 1000        /* characters per line */
#define CONFIG_FILE_MAX (1 << 20)   /* bytes per file */
#define CONFIG_ENTRIES_MAX 4096     /* section headers and keys per file */

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
/* Whether a further message would only be counted (skip costly wording). */
bool diag_full(const diag *d);
/* Messages from `from` on, in line order (stable). */
void diag_sort(diag *d, int from);
/* names as "a, b, c" for an "(allowed: ...)" list, cut to fit len */
void diag_list(const char *const *names, size_t n, char *buf, size_t len);

/* A read INI file, for the loaders, theme.c and tests (so that nobody else
 * includes iniparser.h).  config_ini_read scans the file line by line
 * (syntax, BOM, CRLF, binary data, over-long lines, duplicates: every
 * problem into *d, *nerr counts them) and, when the syntax is clean, loads
 * it through iniparser; entry values then come from iniparser.  NULL only
 * when the file cannot be read at all. */
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
/* The entry of key in section, NULL if absent. */
const config_entry *config_ini_find(const config_ini *ini, const char *section,
                                    const char *key);
/* The next entry of e's section in file order (keys, and the header again
 * if the section is opened twice), NULL after the last.  Start from the
 * section's first header: config_ini_find(ini, section, ""). */
const config_entry *config_ini_section_next(const config_ini *ini,
                                            const config_entry *e);
void config_ini_free(config_ini *ini);

/* The grammar's text helpers. */
void config_lower(char *s);
void config_strip(char **b, char **e);          /* trim spaces from [*b, *e) */
bool config_name_char(int c, bool dot);         /* a-z 0-9 _ - (and . if dot) */

#endif
