/* text.h — what counts as clean text: strict UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF) without control characters.  Used on
 * the way in (INI files, --set) and on the way out (messages, reports).
 */
#ifndef INFERTUI_TEXT_H
#define INFERTUI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Length of the valid UTF-8 sequence at p (n bytes left, n > 0), 0 if the
 * bytes there are not one. */
int utf8_seq_len(const unsigned char *p, size_t n);
/* A control character at p (C0, DEL or C1), given a valid sequence of len. */
bool text_is_control(const unsigned char *p, int len);
/* Valid UTF-8 without control characters (tab included). */
bool text_is_clean(const char *s);
/* Replace each invalid byte and each control character with '?', in place. */
void text_sanitize(char *s);

/* Markdown for renderers with maths (GitHub, pandoc, Jupyter): write(m,
 * ctx) writes into memory, then it goes to out with every '$' as "\$", so
 * "$1.20/h ... $3.40" is never read as a formula.  Returns what write
 * returned, or -1 when memory or out failed. */
int text_md_escaped(FILE *out, int (*write)(FILE *m, void *ctx), void *ctx);

#endif
