/* emit.h — the small writers every answer table shares: JSON strings,
 * CSV fields, Markdown cells and numbers (machine and human forms). */
#ifndef INFERTUI_ANSWERS_EMIT_H
#define INFERTUI_ANSWERS_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

void emit_json_str(FILE *out, const char *s);
void emit_csv_field(FILE *out, const char *s);
/* one CSV record of n fields, each through emit_csv_field */
void emit_csv_line(FILE *out, const char *const *v, int n);
/* escapes '|'; every '$' of a Markdown answer is escaped on the way out
 * (answers_run through text_md_escaped), so not here */
void emit_md_cell(FILE *out, const char *s);
/* machine form: shortest %.12g; "" (CSV) or null (JSON) when not finite */
void emit_num(char *buf, size_t len, double v);
void emit_json_num(FILE *out, double v);
/* human forms: 1,234,567.89; 12.3 ms / 1.23 s; +12% */
const char *emit_money(char *buf, size_t len, double v, int decimals);
const char *emit_pct(char *buf, size_t len, double v);

/* A table written row by row: header once, then rows of text cells, each
 * column numeric (unquoted in JSON) or text.  TEXT pads to the widths
 * given; CSV, JSON Lines (jsonl) or one JSON array, Markdown. */
enum table_style { TS_TEXT, TS_CSV, TS_JSONL, TS_JSON, TS_MARKDOWN };
typedef struct {
	FILE *out;
	enum table_style style;
	int n;
	const char *const *keys;     /* JSON/CSV names */
	const char *const *heads;    /* TEXT/Markdown headings (NULL: keys) */
	const bool *numeric;         /* per column (NULL: all text) */
	const int *width;            /* TEXT widths (NULL: 12) */
	long rows;
} table;
void table_begin(table *t);
void table_row(table *t, const char *const *cells);
void table_end(table *t);

#endif
