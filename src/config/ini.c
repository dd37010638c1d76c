/* ini.c — the guarded INI reader and the diagnostics every loader uses.
 * The only file that includes iniparser.h.
 *
 * iniparser 4.1 (Debian) loses
 * line numbers, rejects a whole file on one syntax error, silently cuts an
 * unquoted value at ';' or '#', keeps the last of duplicate keys and
 * crashes in its typed getters on a key that names a section
 * (CVE-2023-33461).  So every file is first scanned here, line by line,
 * with the same grammar iniparser uses, and every problem is reported with
 * its line; only a file whose syntax is clean is then handed to iniparser,
 * from the very bytes that were scanned (a memfd), and every value is read
 * with iniparser_getstring(d, key, NULL) — never a typed getter.  Numbers
 * are parsed by params.c (strtod with the end pointer checked).
 *
 * Decisions: a UTF-8 byte-order mark is skipped and CRLF line ends are
 * accepted (editors on Windows write both); any other control byte or
 * invalid UTF-8 is "binary data"; lines longer than CONFIG_LINE_MAX
 * characters are refused (iniparser's own limit is 1023); an empty file,
 * or one with no section, is refused; a trailing backslash (iniparser's
 * line continuation) is refused.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include "config/ini.h"
#include "params.h"
#include "text.h"

/* ------------------------------------------------------------------ diag */

void diag_init(diag *d)
{
	d->count = 0;
	d->dropped = 0;
}

void diag_add(diag *d, const char *fmt, ...)
{
	if (!d)
		return;
	if (d->count >= DIAG_MAX) {
		d->dropped++;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg[d->count], DIAG_LEN, fmt, ap);
	va_end(ap);
	/* messages quote paths, keys and values: never a control byte or
	 * invalid UTF-8 to the terminal */
	text_sanitize(d->msg[d->count]);
	d->count++;
}

bool diag_full(const diag *d)
{
	return d && d->count >= DIAG_MAX;
}

void diag_print(const diag *d, FILE *out)
{
	for (int i = 0; i < d->count; i++)
		fprintf(out, "infertui: %s\n", d->msg[i]);
	if (d->dropped)
		fprintf(out, "infertui: ... and %d more problems\n", d->dropped);
}

static long diag_line(const char *m)
{
	/* "FILE:LINE: ..." -> LINE; file-level messages sort first */
	const char *c = strstr(m, ": ");
	const char *p = c;
	while (p && p > m && isdigit((unsigned char)p[-1]))
		p--;
	if (!c || p == c || p == m || p[-1] != ':')
		return 0;
	return strtol(p, NULL, 10);
}

/* Messages from `from` on, in line order (stable). */
void diag_sort(diag *d, int from)
{
	static char tmp[DIAG_LEN];
	for (int i = from + 1; i < d->count; i++) {
		long li = diag_line(d->msg[i]);
		int j = i;
		while (j > from && diag_line(d->msg[j - 1]) > li)
			j--;
		if (j == i)
			continue;
		memcpy(tmp, d->msg[i], DIAG_LEN);
		memmove(d->msg[j + 1], d->msg[j], (size_t)(i - j) * DIAG_LEN);
		memcpy(d->msg[j], tmp, DIAG_LEN);
	}
}

void diag_list(const char *const *names, size_t n, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(buf + o, len - o, "%s%s", o ? ", " : "", names[i]);
		if (w < 0 || (size_t)w >= len - o)
			break;
		o += (size_t)w;
	}
}

/* ------------------------------------------------------------ the reader */

struct config_ini {
	char *path;
	char *text;                 /* the file, BOM removed */
	size_t len;
	config_entry *e;
	char **vals;                /* the scanner's own values */
	size_t *next;               /* next entry of the same section + 1, 0: none */
	size_t *tail;               /* of a section's first header: its last entry */
	size_t n, cap;
	size_t *slot;               /* hash of (section, key): entry + 1, 0: free */
	size_t nslot;               /* a power of 2, at least twice n */
	dictionary *dict;           /* NULL when the syntax was not clean */
};

static char ini_errbuf[512];

static int ini_capture(const char *fmt, ...)
{
	size_t o = strlen(ini_errbuf);
	if (o + 1 >= sizeof ini_errbuf)
		return 0;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(ini_errbuf + o, sizeof ini_errbuf - o, fmt, ap);
	va_end(ap);
	return n;
}

void config_lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

void config_strip(char **b, char **e)
{
	while (*b < *e && isspace((unsigned char)**b))
		(*b)++;
	while (*e > *b && isspace((unsigned char)(*e)[-1]))
		(*e)--;
}

bool config_name_char(int c, bool dot)
{
	return islower(c) || isdigit(c) || c == '_' || c == '-' || (dot && c == '.');
}


/* ---- the index: (section, key) -> entry, and each section's entries ---- */

static size_t entry_hash(const char *sec, const char *key)
{
	uint64_t h = 14695981039346656037u;         /* FNV-1a */
	for (const char *c = sec; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211u;
	h = (h ^ 0xff) * 1099511628211u;            /* not a name byte */
	for (const char *c = key; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211u;
	return (size_t)(h ^ (h >> 32));
}

/* The slot holding (sec, key), or the free slot where it would go. */
static size_t *index_slot(const config_ini *ini, const char *sec, const char *key)
{
	size_t mask = ini->nslot - 1;
	for (size_t i = entry_hash(sec, key) & mask;; i = (i + 1) & mask) {
		size_t *sl = &ini->slot[i];
		if (!*sl)
			return sl;
		const config_entry *e = &ini->e[*sl - 1];
		if (strcmp(e->section, sec) == 0 && strcmp(e->key, key) == 0)
			return sl;
	}
}

static int index_grow(config_ini *ini)
{
	if (ini->nslot >= 2 * (ini->n + 1))
		return 0;
	size_t *old = ini->slot, nold = ini->nslot;
	ini->nslot = nold ? nold * 2 : 64;
	ini->slot = calloc(ini->nslot, sizeof *ini->slot);
	if (!ini->slot) {
		ini->slot = old;
		ini->nslot = nold;
		return -1;
	}
	for (size_t i = 0; i < nold; i++)
		if (old[i]) {
			const config_entry *e = &ini->e[old[i] - 1];
			*index_slot(ini, e->section, e->key) = old[i];
		}
	free(old);
	return 0;
}

/* The index of (sec, key) (the first header for key ""), or SIZE_MAX. */
static size_t index_find(const config_ini *ini, const char *sec, const char *key)
{
	if (!ini || !ini->nslot)
		return SIZE_MAX;
	size_t *sl = index_slot(ini, sec, key);
	return *sl ? *sl - 1 : SIZE_MAX;
}

static int add_entry(config_ini *ini, int line, const char *sec, const char *key,
                     const char *val, size_t vlen)
{
	if (ini->n == ini->cap) {
		size_t cap = ini->cap ? ini->cap * 2 : 32;
		config_entry *e = realloc(ini->e, cap * sizeof *e);
		if (!e)
			return -1;
		ini->e = e;
		char **v = realloc(ini->vals, cap * sizeof *v);
		if (!v)
			return -1;
		ini->vals = v;
		size_t *nx = realloc(ini->next, cap * sizeof *nx);
		if (!nx)
			return -1;
		ini->next = nx;
		size_t *tl = realloc(ini->tail, cap * sizeof *tl);
		if (!tl)
			return -1;
		ini->tail = tl;
		ini->cap = cap;
	}
	if (index_grow(ini) != 0)
		return -1;
	config_entry *en = &ini->e[ini->n];
	memset(en, 0, sizeof *en);
	en->line = line;
	snprintf(en->section, sizeof en->section, "%s", sec);
	snprintf(en->key, sizeof en->key, "%s", key);
	char *v = malloc(vlen + 1);
	if (!v)
		return -1;
	memcpy(v, val, vlen);
	v[vlen] = '\0';
	ini->vals[ini->n] = v;
	en->value = v;
	/* the index: a repeated section header keeps the first one's slot */
	size_t i = ini->n++;
	ini->next[i] = 0;
	size_t *sl = index_slot(ini, en->section, en->key);
	if (!*sl) {
		*sl = i + 1;
		if (!key[0]) {
			ini->tail[i] = i;           /* a new section */
			return 0;
		}
	}
	size_t *hs = index_slot(ini, en->section, "");
	if (*hs) {
		size_t h = *hs - 1;
		if (h != i) {
			ini->next[ini->tail[h]] = i + 1;
			ini->tail[h] = i;
		}
	}
	return 0;
}

#define PROBLEM(...) do { diag_add(d, __VA_ARGS__); errs++; } while (0)

/* Scan one line (without its end) the way iniparser_line() reads it. */
static int scan_line(config_ini *ini, diag *d, int lineno, char *b, char *e,
                     char *section, bool *have_section, bool *bad_section)
{
	const char *P = ini->path;
	int errs = 0;
	config_strip(&b, &e);
	size_t len = (size_t)(e - b);
	if (len == 0)
		return 0;
	/* iniparser joins a line ending in '\\' with the next one, before it
	 * looks for comments: a comment ending so would swallow the next line */
	if (e[-1] == '\\') {
		if (*b == '#' || *b == ';')
			PROBLEM("%s:%d: comment ends in '\\', which would join the next "
			        "line to it (allowed: a comment that does not end in '\\')",
			        P, lineno);
		else
			PROBLEM("%s:%d: line ends in '\\', which would continue it onto the "
			        "next line (allowed: the whole value on one line)", P, lineno);
		return errs;
	}
	if (*b == '#' || *b == ';')
		return 0;
	if (*b == '[') {
		*bad_section = true;     /* until the header proves valid */
		char *close = memchr(b, ']', len);
		if (!close) {
			PROBLEM("%s:%d: section header without its closing ']' (allowed: "
			        "[name])", P, lineno);
			return errs;
		}
		if (close != e - 1) {
			PROBLEM("%s:%d: text after the section header's ']' (allowed: "
			        "[name] alone on its line, comments on their own line)", P, lineno);
			return errs;
		}
		char *nb = b + 1, *ne = close;
		config_strip(&nb, &ne);
		char name[CONFIG_LINE_MAX + 1];
		size_t nl = (size_t)(ne - nb);
		memcpy(name, nb, nl);
		name[nl] = '\0';
		config_lower(name);
		if (nl == 0) {
			PROBLEM("%s:%d: empty section name '[]' (allowed: a-z, 0-9, '.', '_', "
			        "'-')", P, lineno);
			return errs;
		}
		char *colon = strchr(name, ':');
		if (colon) {
			*colon = '\0';
			PROBLEM("%s:%d: [%s:%s]: a section name cannot contain ':' (allowed: "
			        "[%s] and then %s = ... on a line of its own)",
			        P, lineno, name, colon + 1, name, colon + 1);
			return errs;
		}
		for (size_t i = 0; i < nl; i++)
			if (!config_name_char((unsigned char)name[i], true)) {
				PROBLEM("%s:%d: [%s]: invalid character '%c' in a section name "
				        "(allowed: a-z, 0-9, '.', '_', '-')", P, lineno, name,
				        isprint((unsigned char)name[i]) ? name[i] : '?');
				return errs;
			}
		if (nl >= 64) {
			PROBLEM("%s:%d: [%.40s...]: section name too long (at most 63 characters)",
			        P, lineno, name);
			return errs;
		}
		strcpy(section, name);
		*have_section = true;
		*bad_section = false;
		if (add_entry(ini, lineno, section, "", "", 0) != 0)
			PROBLEM("%s: out of memory", P);
		return errs;
	}
	if (*bad_section)        /* reported with its header */
		return 0;
	char *eq = memchr(b, '=', len);
	if (!eq) {
		/* quote at most a leading word that could be a key: never other
		 * content of what may not be a preset at all (/etc/shadow) */
		size_t wl = 0;
		while (wl < len && wl < 63 && config_name_char(tolower((unsigned char)b[wl]), false))
			wl++;
		if (wl > 0 && (wl == len || isspace((unsigned char)b[wl])))
			PROBLEM("%s:%d: syntax error: '%.*s' has no '=' (allowed: key = value, "
			        "[section], or a comment starting with ';' or '#')",
			        P, lineno, (int)wl, b);
		else
			PROBLEM("%s:%d: syntax error: not key = value (allowed: key = value, "
			        "[section], or a comment starting with ';' or '#')", P, lineno);
		return errs;
	}
	char *kb = b, *ke = eq;
	config_strip(&kb, &ke);
	size_t kl = (size_t)(ke - kb);
	char key[CONFIG_LINE_MAX + 1];
	memcpy(key, kb, kl);
	key[kl] = '\0';
	config_lower(key);
	const char *sec = *have_section ? section : "";
	if (kl == 0) {
		PROBLEM("%s:%d: [%s]: missing key name before '='", P, lineno, sec);
		return errs;
	}
	for (size_t i = 0; i < kl; i++)
		if (!config_name_char((unsigned char)key[i], false)) {
			if (strchr(key, '.') && params_find(key)) {
				char grp[64];
				snprintf(grp, sizeof grp, "%.*s", (int)(strchr(key, '.') - key), key);
				PROBLEM("%s:%d: [%s] %s: dotted keys are for --set (allowed: "
				        "[%s] and then %s = ...)", P, lineno, sec, key,
				        grp, strchr(key, '.') + 1);
			} else {
				PROBLEM("%s:%d: [%s] %.*s: invalid character '%c' in a key name "
				        "(allowed: a-z, 0-9, '_')", P, lineno, sec, (int)(i < 60 ? i : 60),
				        key, isprint((unsigned char)key[i]) ? key[i] : '?');
			}
			return errs;
		}
	if (kl >= 64) {
		PROBLEM("%s:%d: [%s] %.40s...: key name too long (at most 63 characters)",
		        P, lineno, sec, key);
		return errs;
	}
	if (!*have_section) {
		char dotted[160];
		const char *hint = NULL;
		for (size_t i = 0; i < params_count(); i++) {
			const char *k = params_at(i)->key, *dot = strchr(k, '.');
			if (dot && strcmp(dot + 1, key) == 0) {
				snprintf(dotted, sizeof dotted, "%s", k);
				hint = dotted;
				break;
			}
		}
		char *dd = hint ? strchr(dotted, '.') : NULL;
		if (dd) {
			*dd = '\0';
			PROBLEM("%s:%d: %s: key outside any section (allowed: under [%s])",
			        P, lineno, key, dotted);
		} else {
			PROBLEM("%s:%d: %s: key outside any section (allowed: keys under a "
			        "section such as [model])", P, lineno, key);
		}
		return errs;
	}
	/* the value, as iniparser will read it */
	char *vb = eq + 1, *ve = e;
	config_strip(&vb, &ve);
	const char *val = vb;
	size_t vl = 0;
	if (vb < ve && (*vb == '"' || *vb == '\'')) {
		char q = *vb;
		char *close = memchr(vb + 1, q, (size_t)(ve - vb - 1));
		if (!close) {
			PROBLEM("%s:%d: [%s] %s: missing closing quote %c (allowed: a quoted "
			        "value on one line)", P, lineno, sec, key, q);
			return errs;
		}
		char *rest = close + 1;
		while (rest < ve && isspace((unsigned char)*rest))
			rest++;
		if (rest < ve && *rest != ';' && *rest != '#') {
			PROBLEM("%s:%d: [%s] %s: text after the closing quote (allowed: a "
			        "comment starting with ';' or '#')", P, lineno, sec, key);
			return errs;
		}
		val = vb + 1;
		vl = (size_t)(close - vb - 1);
	} else {
		char *c = vb;
		while (c < ve && *c != ';' && *c != '#')
			c++;
		if (c < ve && c > vb && !isspace((unsigned char)c[-1])) {
			PROBLEM("%s:%d: [%s] %s: an unquoted value stops at '%c' (allowed: a "
			        "quoted value, or a space before a comment)", P, lineno, sec, key, *c);
			return errs;
		}
		if (c == vb && c < ve) {
			/* nothing before the comment: `fg = #ff0000` */
			char *hb = c;
			size_t hl = (size_t)(ve - hb);
			bool hex = hl == 7 && *hb == '#';
			for (size_t i = 1; hex && i < 7; i++)
				hex = isxdigit((unsigned char)hb[i]);
			if (hex) {
				PROBLEM("%s:%d: [%s] %s: value is empty: an unquoted '#' starts a "
				        "comment (allowed: a quoted hex colour, \"%.7s\")", P, lineno,
				        sec, key, hb);
				return errs;
			}
		}
		char *cb = vb, *ce = c;
		config_strip(&cb, &ce);
		val = cb;
		vl = (size_t)(ce - cb);
		if ((vl == 2 && cb[0] == '"' && cb[1] == '"') ||
		    (vl == 2 && cb[0] == '\'' && cb[1] == '\''))
			vl = 0;
	}
	/* duplicates */
	size_t first = index_find(ini, sec, key);
	if (first != SIZE_MAX) {
		PROBLEM("%s:%d: [%s] %s: duplicate key, first set on line %d (allowed: "
		        "each key once per section)", P, lineno, sec, key, ini->e[first].line);
		return errs;
	}
	if (add_entry(ini, lineno, sec, key, val, vl) != 0)
		PROBLEM("%s: out of memory", P);
	return errs;
}

static void drop_entries(config_ini *ini)
{
	for (size_t i = 0; i < ini->n; i++)
		free(ini->vals[i]);
	ini->n = 0;
	if (ini->slot)
		memset(ini->slot, 0, ini->nslot * sizeof *ini->slot);
}

static int scan(config_ini *ini, diag *d)
{
	const char *P = ini->path;
	int errs = 0;
	char section[CONFIG_LINE_MAX + 1] = "";
	bool have_section = false, bad_section = false;
	char *t = ini->text, *end = ini->text + ini->len;
	int lineno = 0;
	if (ini->len == 0) {
		PROBLEM("%s: file is empty (allowed: INI sections, see infertui.ini(5))", P);
		return errs;
	}
	while (t < end) {
		lineno++;
		char *nl = memchr(t, '\n', (size_t)(end - t));
		char *le = nl ? nl : end;
		if (le > t && le[-1] == '\r')     /* CRLF */
			le--;
		size_t len = (size_t)(le - t);
		/* text check: control bytes and invalid UTF-8 mean binary data */
		for (size_t i = 0; i < len;) {
			unsigned char c = (unsigned char)t[i];
			int ul = utf8_seq_len((const unsigned char *)t + i, len - i);
			if (c == '\r') {
				PROBLEM("%s:%d: carriage return without a line feed at column %zu "
				        "(allowed: LF or CR LF line ends)", P, lineno, i + 1);
				return errs;
			}
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				PROBLEM("%s:%d: binary data (byte 0x%02x at column %zu): not a "
				        "text INI file (allowed: UTF-8 text)", P, lineno, c, i + 1);
				return errs;
			}
			if (ul == 2 && text_is_control((const unsigned char *)t + i, ul)) {
				PROBLEM("%s:%d: binary data (control character U+%04X at column "
				        "%zu): not a text INI file (allowed: UTF-8 text)", P, lineno,
				        (unsigned)(t[i + 1] & 0x3f) | 0x80u, i + 1);
				return errs;
			}
			if (ul == 0) {
				PROBLEM("%s:%d: not UTF-8 text (byte 0x%02x at column %zu) "
				        "(allowed: UTF-8 text: save the file as UTF-8)", P, lineno, c, i + 1);
				return errs;
			}
			i += (size_t)ul;
		}
		if (len > CONFIG_LINE_MAX) {
			PROBLEM("%s:%d: line too long, %zu characters (allowed: at most %d)",
			        P, lineno, len, CONFIG_LINE_MAX);
		} else {
			errs += scan_line(ini, d, lineno, t, le, section, &have_section,
			                  &bad_section);
		}
		if (ini->n > CONFIG_ENTRIES_MAX) {
			/* no preset comes near; iniparser's look-ups are linear each */
			PROBLEM("%s:%d: too many sections and keys (allowed: at most %d in "
			        "one file)", P, lineno, CONFIG_ENTRIES_MAX);
			drop_entries(ini);          /* nothing of it is applied */
			return errs;
		}
		t = nl ? nl + 1 : end;
	}
	if (!errs && !have_section)
		PROBLEM("%s: no section in the file (allowed: INI sections, see infertui.ini(5))", P);
	return errs;
}

static char *read_all(const char *path, size_t *len, diag *d)
{
	/* never block: a FIFO or a device is refused before any read */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(d, "%s: cannot read: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		diag_add(d, "%s: cannot read: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_add(d, "%s: cannot read: %s", path, strerror(EISDIR));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(d, "%s: cannot read: not a regular file (allowed: a regular file)",
		         path);
		close(fd);
		return NULL;
	}
	if (st.st_size > CONFIG_FILE_MAX) {
		diag_add(d, "%s: file too large (more than %d bytes)", path, CONFIG_FILE_MAX);
		close(fd);
		return NULL;
	}
	/* the size it has now (it may grow while read: then up to the cap) */
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		close(fd);
		diag_add(d, "%s: out of memory", path);
		return NULL;
	}
	int err = 0;
	for (;;) {
		if (n == cap) {
			if (cap > CONFIG_FILE_MAX)
				break;
			size_t nc = cap * 2 > CONFIG_FILE_MAX + 1 ? CONFIG_FILE_MAX + 1 : cap * 2;
			char *nb = realloc(buf, nc + 1);
			if (!nb) {
				err = ENOMEM;
				break;
			}
			buf = nb;
			cap = nc;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = errno;
			break;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (err) {
		diag_add(d, "%s: cannot read: %s", path, strerror(err));
		free(buf);
		return NULL;
	}
	if (n > CONFIG_FILE_MAX) {
		diag_add(d, "%s: file too large (more than %d bytes)", path, CONFIG_FILE_MAX);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Hand the scanned bytes to iniparser. */
static dictionary *ini_load(config_ini *ini, diag *d)
{
	char name[64];
	int fd = memfd_create("infertui-ini", MFD_CLOEXEC);
	FILE *tf = NULL;
	if (fd < 0) {
		tf = tmpfile();
		if (!tf) {
			diag_add(d, "%s: cannot make a temporary copy: %s", ini->path, strerror(errno));
			return NULL;
		}
		fd = fileno(tf);
	}
	size_t off = 0;
	while (off < ini->len) {
		ssize_t w = write(fd, ini->text + off, ini->len - off);
		if (w <= 0) {
			diag_add(d, "%s: cannot make a temporary copy: %s", ini->path, strerror(errno));
			if (tf) fclose(tf); else close(fd);
			return NULL;
		}
		off += (size_t)w;
	}
	snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
	ini_errbuf[0] = '\0';
	iniparser_set_error_callback(ini_capture);
	dictionary *dict = iniparser_load(name);
	iniparser_set_error_callback(NULL);
	if (tf)
		fclose(tf);
	else
		close(fd);
	if (!dict) {
		char *nl;
		while ((nl = strchr(ini_errbuf, '\n')))
			*nl = ' ';
		diag_add(d, "%s: iniparser refused the file: %s", ini->path,
		         ini_errbuf[0] ? ini_errbuf : "unknown reason");
	}
	return dict;
}

config_ini *config_ini_read(const char *path, diag *d, int *nerr)
{
	int before = d->count + d->dropped;
	size_t len = 0;
	char *text = read_all(path, &len, d);
	if (!text) {
		if (nerr)
			*nerr = 1;
		return NULL;
	}
	config_ini *ini = calloc(1, sizeof *ini);
	if (!ini) {
		free(text);
		if (nerr)
			*nerr = 1;
		return NULL;
	}
	ini->path = strdup(path);
	ini->text = text;
	ini->len = len;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {   /* UTF-8 BOM */
		memmove(text, text + 3, len - 3 + 1);
		ini->len -= 3;
	}
	int errs = scan(ini, d);
	if (!errs) {
		ini->dict = ini_load(ini, d);
		if (!ini->dict)
			errs++;
		else {
			/* every value from iniparser, through the guarded getter */
			for (size_t i = 0; i < ini->n; i++) {
				config_entry *e = &ini->e[i];
				if (!e->key[0])
					continue;
				char k[140];
				snprintf(k, sizeof k, "%s:%s", e->section, e->key);
				const char *v = iniparser_getstring(ini->dict, k, NULL);
				if (!v) {
					diag_add(d, "%s:%d: [%s] %s: iniparser lost this key",
					         path, e->line, e->section, e->key);
					errs++;
				} else if (strcmp(v, ini->vals[i]) != 0) {
					/* the scan mirrors iniparser's grammar; say so if not */
					diag_add(d, "%s:%d: [%s] %s: iniparser reads '%.60s' where "
					         "infertui read '%.60s' (allowed: a simpler value)",
					         path, e->line, e->section, e->key, v, ini->vals[i]);
					errs++;
				} else {
					e->value = v;
				}
			}
		}
	}
	(void)before;
	if (nerr)
		*nerr = errs;
	return ini;
}

size_t config_ini_count(const config_ini *ini) { return ini ? ini->n : 0; }

const config_entry *config_ini_at(const config_ini *ini, size_t i)
{
	return ini && i < ini->n ? &ini->e[i] : NULL;
}

int config_ini_section_line(const config_ini *ini, const char *section)
{
	size_t i = index_find(ini, section, "");
	return i == SIZE_MAX ? 0 : ini->e[i].line;
}

const config_entry *config_ini_section_next(const config_ini *ini, const config_entry *e)
{
	size_t nx = ini->next[(size_t)(e - ini->e)];
	return nx ? &ini->e[nx - 1] : NULL;
}

void config_ini_free(config_ini *ini)
{
	if (!ini)
		return;
	if (ini->dict)
		iniparser_freedict(ini->dict);
	for (size_t i = 0; i < ini->n; i++)
		free(ini->vals[i]);
	free(ini->vals);
	free(ini->next);
	free(ini->tail);
	free(ini->slot);
	free(ini->e);
	free(ini->text);
	free(ini->path);
	free(ini);
}

const config_entry *config_ini_find(const config_ini *ini, const char *sec,
                                    const char *key)
{
	size_t i = index_find(ini, sec, key);
	return i == SIZE_MAX ? NULL : &ini->e[i];
}
