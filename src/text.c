/* text.c — strict UTF-8 and control-character checks (RFC 3629 §4), shared
 * by the readers, the messages and the report writers; and the '$' escape
 * every Markdown writer goes through. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE              /* open_memstream (POSIX 2008) */
#endif
#include <stdlib.h>
#include <string.h>

#include "text.h"

int utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	if (c < 0x80)
		return 1;
	int len;
	unsigned lo = 0x80, hi = 0xbf;      /* the second byte's range */
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;                  /* overlong */
		else if (c == 0xed)
			hi = 0x9f;                  /* surrogates U+D800-DFFF */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;                  /* overlong */
		else if (c == 0xf4)
			hi = 0x8f;                  /* above U+10FFFF */
	} else
		return 0;                       /* 0x80-0xc1 (overlong), 0xf5-0xff */
	if ((size_t)len > n || p[1] < lo || p[1] > hi)
		return 0;
	for (int i = 2; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

bool text_is_control(const unsigned char *p, int len)
{
	if (len == 1)
		return p[0] < 0x20 || p[0] == 0x7f;
	return len == 2 && p[0] == 0xc2 && p[1] < 0xa0;    /* C1: U+0080-009F */
}

bool text_is_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n) {
		int l = utf8_seq_len(p, n);
		if (l == 0 || text_is_control(p, l))
			return false;
		p += l;
		n -= (size_t)l;
	}
	return true;
}

void text_sanitize(char *s)
{
	unsigned char *p = (unsigned char *)s;
	size_t n = strlen(s);
	while (n) {
		int l = utf8_seq_len(p, n);
		if (l == 0 || text_is_control(p, l)) {
			int drop = l ? l : 1;
			*p = '?';
			memmove(p + 1, p + drop, n - (size_t)drop + 1);
			n -= (size_t)drop;
			p++;
			continue;
		}
		p += l;
		n -= (size_t)l;
	}
}

int text_md_escaped(FILE *out, int (*write)(FILE *m, void *ctx), void *ctx)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int rc;

	if (!m)
		return -1;
	rc = write(m, ctx);
	if (fclose(m) != 0) {
		free(buf);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '$')
			fputc('\\', out);
		fputc(buf[i], out);
	}
	free(buf);
	return ferror(out) ? -1 : rc;
}
