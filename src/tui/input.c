/* input.c — the guard between the terminal and libtermkey (see input.h).
 * A small ECMA-48 recogniser: states for a character, an escape, a CSI,
 * an SS3, an X10 mouse report and a control string. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "tui/input.h"

enum {
	S_GROUND,     /* between sequences */
	S_UTF8,       /* inside a multi-byte character */
	S_ESC,        /* after ESC */
	S_CSI,        /* ESC [ params intermediates */
	S_CSI_SKIP,   /* an over-long CSI: drop up to its final byte */
	S_SS3,        /* ESC O: one more byte */
	S_X10,        /* ESC [ M and three raw bytes */
	S_STR,        /* OSC/DCS/APC/PM/SOS body: drop up to BEL or ST */
	S_STR_ESC,    /* ESC inside a string: ST if '\' follows */
};

void input_init(input_filter *f)
{
	memset(f, 0, sizeof *f);
	f->state = S_GROUND;
}

bool input_pending(const input_filter *f)
{
	return f->state != S_GROUND;
}

static void hold(input_filter *f, unsigned char b)
{
	if (f->len < INPUT_SEQ_MAX)
		f->seq[f->len++] = b;
}

static void start(input_filter *f, int state, const char *intro, size_t n)
{
	f->state = state;
	memcpy(f->seq, intro, n);
	f->len = n;
	f->bad = false;
	f->str_body = false;
}

/* the held sequence goes on, unchanged */
static size_t pass(input_filter *f, char *out)
{
	size_t n = f->len;
	memcpy(out, f->seq, n);
	f->len = 0;
	f->state = S_GROUND;
	return n;
}

static void drop(input_filter *f)
{
	f->len = 0;
	f->state = S_GROUND;
	f->dropped++;
}

size_t input_filter_bytes(input_filter *f, const char *in, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)in[i];
	again:
		switch (f->state) {
		case S_GROUND:
			if (b == 0x1b) {
				start(f, S_ESC, "\033", 1);
			} else if (b < 0x80) {
				out[o++] = (char)b;
			} else if (b < 0xa0) {
				/* 8-bit C1: libtermkey reads 0x9b as CSI even in
				 * UTF-8 mode, so guard it as ESC [ */
				if (b == 0x9b) {
					start(f, S_CSI, "\033[", 2);
					f->need = 0;
				}
				else if (b == 0x8f)
					start(f, S_SS3, "\033O", 2);
				else if (b == 0x90 || b == 0x98 || b == 0x9d || b == 0x9e ||
				         b == 0x9f)
					start(f, S_STR, "\033]", 2);
				else
					f->dropped++;
			} else if (b >= 0xc2 && b <= 0xf4) {
				start(f, S_UTF8, (const char *)&b, 1);
				f->need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
			} else {
				out[o++] = (char)b;   /* invalid UTF-8: libtermkey copes */
			}
			break;
		case S_UTF8:
			if ((b & 0xc0) == 0x80) {
				hold(f, b);
				if (--f->need == 0)
					o += pass(f, out + o);
			} else {
				o += pass(f, out + o);   /* a cut character, as it came */
				goto again;
			}
			break;
		case S_ESC:
			switch (b) {
			case '[':
				start(f, S_CSI, "\033[", 2);
				f->need = 0;
				break;
			case 'O':
				start(f, S_SS3, "\033O", 2);
				break;
			case ']': case 'P': case '_': case '^': case 'X':
				start(f, S_STR, "\033]", 2);
				f->seq[1] = b;
				break;
			case 0x1b:
				out[o++] = 0x1b;     /* Escape, then a new sequence */
				break;
			default:
				if (b < 0x80) {      /* Alt + key */
					hold(f, b);
					o += pass(f, out + o);
				} else {
					o += pass(f, out + o);
					goto again;
				}
			}
			break;
		case S_SS3:
			if (b >= 0x20 && b <= 0x7e) {
				hold(f, b);
				o += pass(f, out + o);
			} else {
				o += pass(f, out + o);   /* Alt-O */
				goto again;
			}
			break;
		case S_CSI:
			if (b >= 0x30 && b <= 0x3f) {
				/* what terminals send for keys and mouse: one private
				 * marker (< = > ?) first, then digits, ';' and ':', at
				 * most 16 parameters of at most 7 digits; libtermkey
				 * 0.22 crashes on some other mixes (fuzz_keys found
				 * ESC [ 9 6 3 4 6 < 2 = ...) */
				if (b >= 0x3c && f->len > 2)
					f->bad = true;
				if (b == ';' && ++f->need > 15)
					f->bad = true;
				if (b >= '0' && b <= '9') {
					size_t d = 1;
					while (d <= f->len - 2 && f->seq[f->len - d] >= '0' &&
					       f->seq[f->len - d] <= '9')
						d++;
					if (d > 7)
						f->bad = true;
				}
			} else if (b >= 0x20 && b <= 0x2f) {
				f->bad = true;           /* libtermkey crashes on these */
			} else if (b >= 0x40 && b <= 0x7e) {
				hold(f, b);
				if (f->bad)
					drop(f);
				else if (f->len == 3 && b == 'M') {
					f->state = S_X10;    /* X10 mouse: 3 raw bytes */
					f->need = 3;
				} else
					o += pass(f, out + o);
				break;
			} else {
				/* a control or non-ASCII byte cuts the sequence */
				drop(f);
				goto again;
			}
			if (f->len >= INPUT_SEQ_MAX - 1)
				f->state = S_CSI_SKIP;   /* over-long: never a key */
			else
				hold(f, b);
			break;
		case S_CSI_SKIP:
			if (b >= 0x20 && b <= 0x3f)
				break;
			drop(f);
			if (b >= 0x40 && b <= 0x7e)
				break;
			goto again;
		case S_X10:
			hold(f, b);
			if (--f->need == 0)
				o += pass(f, out + o);
			break;
		case S_STR:
			if (b == 0x07) {
				drop(f);
			} else if (b == 0x1b) {
				f->state = S_STR_ESC;
			} else {
				f->str_body = true;
			}
			break;
		case S_STR_ESC:
			drop(f);
			if (b == '\\')
				break;                   /* ST */
			start(f, S_ESC, "\033", 1);  /* a new escape cuts the string */
			goto again;
		}
	}
	return o;
}

size_t input_expire(input_filter *f, char *out)
{
	switch (f->state) {
	case S_ESC:
		return pass(f, out);             /* the Escape key */
	case S_SS3:
	case S_CSI:
		if (f->len == 2)
			return pass(f, out);         /* Alt-O, Alt-[ */
		break;
	case S_STR:
		if (!f->str_body)
			return pass(f, out);         /* Alt-], Alt-P, ... */
		break;
	case S_GROUND:
		return 0;
	default:
		break;
	}
	drop(f);
	return 0;
}

int input_wait_ms(const input_filter *f, TermKey *tk)
{
	return input_pending(f) ? termkey_get_waittime(tk) : -1;
}

bool input_read(tui_app *a, TermKey *tk, input_filter *f, int fd)
{
	char buf[2048], out[2 * sizeof buf + INPUT_SEQ_MAX];
	ssize_t n;

	do
		n = read(fd, buf, sizeof buf);
	while (n < 0 && errno == EINTR);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return true;
	if (n <= 0) {
		if (n == 0)
			errno = 0;
		return false;
	}
	size_t m = input_filter_bytes(f, buf, (size_t)n, out);
	if (m > 0)
		keys_feed(a, tk, out, m);
	return true;
}

void input_timeout(tui_app *a, TermKey *tk, input_filter *f)
{
	char out[INPUT_SEQ_MAX];
	size_t m = input_expire(f, out);
	if (m > 0)
		keys_feed(a, tk, out, m);
}
