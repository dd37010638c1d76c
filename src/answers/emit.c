/* emit.c — JSON, CSV, Markdown and human number writers for the answers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers/emit.h"

void emit_json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

void emit_csv_field(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void emit_md_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputc('\\', out);
		fputc(*s == '\n' ? ' ' : *s, out);
	}
}

void emit_num(char *buf, size_t len, double v)
{
	if (!isfinite(v))
		buf[0] = '\0';
	else
		snprintf(buf, len, "%.12g", v == 0 ? 0.0 : v);
}

void emit_json_num(FILE *out, double v)
{
	char b[40];
	emit_num(b, sizeof b, v);
	fputs(b[0] ? b : "null", out);
}

const char *emit_money(char *buf, size_t len, double v, int decimals)
{
	char raw[64], *dot;
	size_t n, o = 0, i, intlen;
	bool neg = v < 0;

	if (!isfinite(v)) {
		snprintf(buf, len, "n/a");
		return buf;
	}
	snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
	dot = strchr(raw, '.');
	intlen = dot ? (size_t)(dot - raw) : strlen(raw);
	n = strlen(raw);
	if (len < 2)
		return buf;
	if (neg && o + 1 < len)
		buf[o++] = '-';
	for (i = 0; i < n && o + 1 < len; i++) {
		if (i > 0 && i < intlen && (intlen - i) % 3 == 0 && o + 2 < len)
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
	return buf;
}

const char *emit_pct(char *buf, size_t len, double v)
{
	if (!isfinite(v))
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%+.0f%%", 100 * v);
	return buf;
}

/* ---- tables ---------------------------------------------------------------- */

/* a cell of a numeric column that JSON can take bare: a number, true,
 * false, or empty (null); anything else (a choice in a compared input) is
 * written as a string */
static bool json_literal(const char *c)
{
	char *end;
	if (!c[0] || !strcmp(c, "true") || !strcmp(c, "false"))
		return true;
	(void)strtod(c, &end);
	return *end == '\0' && !strpbrk(c, "xXnN");
}

static const char *head_of(const table *t, int i)
{
	return t->heads ? t->heads[i] : t->keys[i];
}

void emit_csv_line(FILE *out, const char *const *v, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		emit_csv_field(out, v[i]);
	}
	fputc('\n', out);
}

void table_begin(table *t)
{
	t->rows = 0;
	switch (t->style) {
	case TS_TEXT:
		for (int i = 0; i < t->n; i++) {
			bool right = i > 0 && t->numeric && t->numeric[i];
			if (i > 0 && i + 1 == t->n && !right)
				fprintf(t->out, " %s", head_of(t, i));
			else
				fprintf(t->out, i ? (right ? " %*s" : " %-*s") : "%-*s",
				        t->width ? t->width[i] : 12, head_of(t, i));
		}
		fputc('\n', t->out);
		break;
	case TS_CSV:
		emit_csv_line(t->out, t->keys, t->n);
		break;
	case TS_JSON:
		fputc('[', t->out);
		break;
	case TS_JSONL:
		break;
	case TS_MARKDOWN:
		for (int i = 0; i < t->n; i++) {
			fputs("| ", t->out);
			emit_md_cell(t->out, head_of(t, i));
			fputc(' ', t->out);
		}
		fputs("|\n", t->out);
		for (int i = 0; i < t->n; i++)
			fputs(t->numeric && t->numeric[i] ? "| ---: " : "| --- ", t->out);
		fputs("|\n", t->out);
		break;
	}
}

void table_row(table *t, const char *const *c)
{
	switch (t->style) {
	case TS_TEXT:
		for (int i = 0; i < t->n; i++) {
			int w = t->width ? t->width[i] : 12;
			if (i == 0)
				fprintf(t->out, "%-*s", w, c[i]);
			else if (t->numeric && t->numeric[i])
				fprintf(t->out, " %*s", w, c[i]);
			else if (i + 1 < t->n)
				fprintf(t->out, " %-*s", w, c[i]);
			else
				fprintf(t->out, " %s", c[i]);   /* no trailing blanks */
		}
		fputc('\n', t->out);
		break;
	case TS_CSV:
		emit_csv_line(t->out, c, t->n);
		break;
	case TS_JSON:
	case TS_JSONL:
		if (t->style == TS_JSON)
			fputs(t->rows ? ",\n  " : "\n  ", t->out);
		fputc('{', t->out);
		for (int i = 0; i < t->n; i++) {
			if (i)
				fputs(", ", t->out);
			emit_json_str(t->out, t->keys[i]);
			fputs(": ", t->out);
			if (t->numeric && t->numeric[i] && json_literal(c[i]))
				fputs(c[i][0] ? c[i] : "null", t->out);
			else
				emit_json_str(t->out, c[i]);
		}
		fputs(t->style == TS_JSONL ? "}\n" : "}", t->out);
		break;
	case TS_MARKDOWN:
		for (int i = 0; i < t->n; i++) {
			fputs("| ", t->out);
			emit_md_cell(t->out, c[i]);
			fputc(' ', t->out);
		}
		fputs("|\n", t->out);
		break;
	}
	t->rows++;
}

void table_end(table *t)
{
	if (t->style == TS_JSON)
		fputs(t->rows ? "\n]\n" : "]\n", t->out);
}
