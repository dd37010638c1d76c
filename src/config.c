/* config.c — presets, the user catalog and the INI reader behind themes.
 *
 * The only file that includes iniparser.h.  iniparser 4.1 (Debian) loses
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
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include "catalog.h"
#include "config.h"
#include "params.h"

#ifndef INFERTUI_DATADIR
#define INFERTUI_DATADIR "/usr/local/share/infertui"
#endif
#ifndef INFERTUI_SRCDIR
#define INFERTUI_SRCDIR "."
#endif
#ifndef INFERTUI_BUILDDIR
#define INFERTUI_BUILDDIR "."
#endif

#define CONFIG_LINE_MAX 1000        /* characters per line */
#define CONFIG_FILE_MAX (1 << 20)   /* bytes per file */
#define MAX_USER_ENTRIES 32

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
	d->count++;
}

void diag_print(const diag *d, FILE *out)
{
	for (int i = 0; i < d->count; i++)
		fprintf(out, "infertui: %s\n", d->msg[i]);
	if (d->dropped)
		fprintf(out, "infertui: ... and %d more problems\n", d->dropped);
}

/* ------------------------------------------------------------ the reader */

struct config_ini {
	char *path;
	char *text;                 /* the file, BOM removed */
	size_t len;
	config_entry *e;
	char **vals;                /* the scanner's own values */
	size_t n, cap;
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

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static void strip(char **b, char **e)
{
	while (*b < *e && isspace((unsigned char)**b))
		(*b)++;
	while (*e > *b && isspace((unsigned char)(*e)[-1]))
		(*e)--;
}

static bool valid_name_char(int c, bool dot)
{
	return islower(c) || isdigit(c) || c == '_' || c == '-' || (dot && c == '.');
}

/* length of a valid UTF-8 sequence at p (n bytes left), 0 if invalid */
static int utf8_len(const unsigned char *p, size_t n)
{
	if (p[0] < 0x80)
		return 1;
	int len = p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 :
	          p[0] >= 0xe0 ? (p[0] <= 0xef ? 3 : 0) :
	          p[0] >= 0xc2 ? 2 : 0;
	if (len == 0 || (size_t)len > n)
		return 0;
	for (int i = 1; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return len;
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
		ini->cap = cap;
	}
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
	ini->n++;
	return 0;
}

#define PROBLEM(...) do { diag_add(d, __VA_ARGS__); errs++; } while (0)

/* Scan one line (without its end) the way iniparser_line() reads it. */
static int scan_line(config_ini *ini, diag *d, int lineno, char *b, char *e,
                     char *section, bool *have_section, bool *bad_section)
{
	const char *P = ini->path;
	int errs = 0;
	strip(&b, &e);
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
		strip(&nb, &ne);
		char name[CONFIG_LINE_MAX + 1];
		size_t nl = (size_t)(ne - nb);
		memcpy(name, nb, nl);
		name[nl] = '\0';
		lower(name);
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
			if (!valid_name_char((unsigned char)name[i], true)) {
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
		PROBLEM("%s:%d: syntax error: '%.*s%s' is not key = value (allowed: "
		        "key = value, [section], or a comment starting with ';' or '#')",
		        P, lineno, (int)(len > 60 ? 57 : len), b, len > 60 ? "..." : "");
		return errs;
	}
	char *kb = b, *ke = eq;
	strip(&kb, &ke);
	size_t kl = (size_t)(ke - kb);
	char key[CONFIG_LINE_MAX + 1];
	memcpy(key, kb, kl);
	key[kl] = '\0';
	lower(key);
	const char *sec = *have_section ? section : "";
	if (kl == 0) {
		PROBLEM("%s:%d: [%s]: missing key name before '='", P, lineno, sec);
		return errs;
	}
	for (size_t i = 0; i < kl; i++)
		if (!valid_name_char((unsigned char)key[i], false)) {
			if (strchr(key, '.') && params_find(key)) {
				char grp[64];
				snprintf(grp, sizeof grp, "%.*s", (int)(strchr(key, '.') - key), key);
				PROBLEM("%s:%d: [%s] %s: dotted keys are for --set (allowed: "
				        "[%s] and then %s = ...)", P, lineno, sec, key,
				        grp, strchr(key, '.') + 1);
			} else {
				PROBLEM("%s:%d: [%s] %.60s: invalid character '%c' in a key name "
				        "(allowed: a-z, 0-9, '_')", P, lineno, sec, key,
				        isprint((unsigned char)key[i]) ? key[i] : '?');
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
			if (strcmp(dot + 1, key) == 0) {
				snprintf(dotted, sizeof dotted, "%s", k);
				hint = dotted;
				break;
			}
		}
		if (hint) {
			*strchr(dotted, '.') = '\0';
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
	strip(&vb, &ve);
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
		strip(&cb, &ce);
		val = cb;
		vl = (size_t)(ce - cb);
		if ((vl == 2 && cb[0] == '"' && cb[1] == '"') ||
		    (vl == 2 && cb[0] == '\'' && cb[1] == '\''))
			vl = 0;
	}
	/* duplicates */
	for (size_t i = 0; i < ini->n; i++)
		if (ini->e[i].key[0] && strcmp(ini->e[i].section, sec) == 0 &&
		    strcmp(ini->e[i].key, key) == 0) {
			PROBLEM("%s:%d: [%s] %s: duplicate key, first set on line %d (allowed: "
			        "each key once per section)", P, lineno, sec, key, ini->e[i].line);
			return errs;
		}
	if (add_entry(ini, lineno, sec, key, val, vl) != 0)
		PROBLEM("%s: out of memory", P);
	return errs;
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
			int ul = utf8_len((const unsigned char *)t + i, len - i);
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
		t = nl ? nl + 1 : end;
	}
	if (!errs && !have_section)
		PROBLEM("%s: no section in the file (allowed: INI sections, see infertui.ini(5))", P);
	return errs;
}

static char *read_all(const char *path, size_t *len, diag *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(d, "%s: cannot read: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_add(d, "%s: cannot read: %s", path, strerror(EISDIR));
		fclose(f);
		return NULL;
	}
	char *buf = malloc(CONFIG_FILE_MAX + 1);
	if (!buf) {
		fclose(f);
		diag_add(d, "%s: out of memory", path);
		return NULL;
	}
	size_t n = fread(buf, 1, CONFIG_FILE_MAX + 1, f);
	int err = ferror(f) ? errno : 0;
	fclose(f);
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
	for (size_t i = 0; ini && i < ini->n; i++)
		if (!ini->e[i].key[0] && strcmp(ini->e[i].section, section) == 0)
			return ini->e[i].line;
	return 0;
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
	free(ini->e);
	free(ini->text);
	free(ini->path);
	free(ini);
}

/* ------------------------------------------------------ applying presets */

enum load_mode { MODE_PRESET, MODE_CATALOG };

typedef struct {
	const char *path;
	diag *d;
	int errs;
	scenario *s;                    /* the working copy */
	int n_models, n_gpus;
	model_spec models[MAX_USER_ENTRIES];
	gpu_spec gpus[MAX_USER_ENTRIES];
} loader;

static const char *const group_sections[] = {
	"model", "precision", "hardware", "serving", "workload", "fleet", "pricing",
	"preset", "ui", NULL
};

/* bounded copy, the rest of dst zeroed (deterministic bytes for memcmp) */
static void copy_str(char *dst, const char *src, size_t len)
{
	size_t n = strnlen(src, len - 1);
	memcpy(dst, src, n);
	memset(dst + n, 0, len - n);
}

static const model_spec *find_model(const loader *L, const char *id)
{
	for (int i = L->n_models - 1; i >= 0; i--)
		if (strcmp(L->models[i].id, id) == 0)
			return &L->models[i];
	return catalog_model(id);
}

static const gpu_spec *find_gpu(const loader *L, const char *id)
{
	for (int i = L->n_gpus - 1; i >= 0; i--)
		if (strcmp(L->gpus[i].id, id) == 0)
			return &L->gpus[i];
	return catalog_gpu(id);
}

#define AT(e) L->path, (e)->line, (e)->section, (e)->key
#define BAD(...) do { diag_add(L->d, __VA_ARGS__); L->errs++; } while (0)

static bool valid_id(const char *s)
{
	if (!*s || strlen(s) >= ID_MAX)
		return false;
	for (; *s; s++)
		if (!valid_name_char((unsigned char)*s, true))
			return false;
	return true;
}

/* keys of a group, for "allowed:" */
static void group_keys(const char *group, char *buf, size_t len)
{
	size_t gl = strlen(group), o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < params_count(); i++) {
		const char *k = params_at(i)->key;
		if (strncmp(k, group, gl) == 0 && k[gl] == '.') {
			int w = snprintf(buf + o, len - o, "%s%s", o ? ", " : "", k + gl + 1);
			if (w < 0 || (size_t)w >= len - o)
				break;
			o += (size_t)w;
		}
	}
	if (strcmp(group, "fleet") == 0 && o + 10 < len)
		snprintf(buf + o, len - o, ", regions");
}

static void list_text(const char *const *names, size_t n, char *buf, size_t len)
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

/* A model/gpu id from the file: pending user entries first. */
static int apply_catalog_id(loader *L, const config_entry *e, const param *p,
                            const char *val)
{
	char id[ID_MAX + 8];
	snprintf(id, sizeof id, "%s", val);
	lower(id);
	if (p->type == PT_MODEL) {
		const model_spec *m = strlen(val) < ID_MAX ? find_model(L, id) : NULL;
		if (m) {
			L->s->model = *m;
			return 0;
		}
	} else {
		const gpu_spec *g = strlen(val) < ID_MAX ? find_gpu(L, id) : NULL;
		if (g) {
			L->s->gpu = *g;
			return 0;
		}
	}
	char err[DIAG_LEN];
	(void)params_set_text(L->s, p, val, err, sizeof err);   /* the message */
	BAD("%s:%d: [%s] %s: %s", AT(e), err);
	return -1;
}

static int apply_param(loader *L, const config_entry *e, const param *p)
{
	if (p->type == PT_MODEL || p->type == PT_GPU)
		return apply_catalog_id(L, e, p, e->value);
	char err[DIAG_LEN];
	if (params_set_text(L->s, p, e->value, err, sizeof err) != 0) {
		BAD("%s:%d: [%s] %s: %s", AT(e), err);
		return -1;
	}
	return 0;
}

static int parse_num(loader *L, const config_entry *e, double lo, double hi,
                     bool whole, double *out)
{
	double v;
	char a[32], b[32];
	params_format_exact(a, sizeof a, lo, 1);
	params_format_exact(b, sizeof b, hi, 1);
	if (!e->value[0]) {
		BAD("%s:%d: [%s] %s: value is empty (allowed: %s to %s)", AT(e), a, b);
		return -1;
	}
	int rc = params_parse_number(e->value, &v);
	if (rc == -1) {
		BAD("%s:%d: [%s] %s: value '%.60s' is not a number (allowed: %s to %s)",
		    AT(e), e->value, a, b);
		return -1;
	}
	if (rc == -2 || v < lo || v > hi) {
		BAD("%s:%d: [%s] %s: value '%.60s' out of range (allowed: %s to %s)",
		    AT(e), e->value, a, b);
		return -1;
	}
	if (whole && v != floor(v)) {
		BAD("%s:%d: [%s] %s: value '%.60s' is not a whole number (allowed: %s to %s)",
		    AT(e), e->value, a, b);
		return -1;
	}
	*out = v;
	return 0;
}

static int parse_text(loader *L, const config_entry *e, char *dst, size_t len)
{
	if (strlen(e->value) >= len) {
		BAD("%s:%d: [%s] %s: text too long (at most %zu characters)", AT(e), len - 1);
		return -1;
	}
	copy_str(dst, e->value, len);
	return 0;
}

static void unknown_key(loader *L, const config_entry *e, const char *const *keys)
{
	char allowed[400];
	size_t n = 0;
	while (keys[n])
		n++;
	list_text(keys, n, allowed, sizeof allowed);
	const char *near = params_nearest(e->key, keys, n);
	if (near)
		BAD("%s:%d: [%s] %s: unknown key, did you mean '%s'? (allowed: %s)",
		    AT(e), near, allowed);
	else
		BAD("%s:%d: [%s] %s: unknown key (allowed: %s)", AT(e), allowed);
}

/* ---- [gpu.ID] and [model.ID] ---- */

static const char *const model_keys[] = {
	"base", "label", "source", "params_b", "layers", "hidden", "heads",
	"kv_heads", "head_dim", "ffn", "vocab", "experts", "experts_active",
	"shared_experts", "dense_layers", "dense_ffn", "tied_embeddings", "mlp",
	"mla_latent", "mla_rope", "q_lora", "v_head_dim", "max_context", NULL
};
static const char *const model_required[] = {
	"layers", "hidden", "heads", "ffn", "vocab", NULL
};

static const struct { const char *key, *param; int prec; } gpu_map[] = {
	{ "memory_gb", "hardware.memory_gb", -1 },
	{ "bandwidth_tbps", "hardware.bandwidth_tbps", -1 },
	{ "tflops_fp32", "hardware.tflops", PREC_FP32 },
	{ "tflops_bf16", "hardware.tflops", PREC_BF16 },
	{ "tflops_fp16", "hardware.tflops", PREC_FP16 },
	{ "tflops_fp8", "hardware.tflops", PREC_FP8 },
	{ "tflops_int8", "hardware.tflops", PREC_INT8 },
	{ "tflops_int4", "hardware.tflops", PREC_INT4 },
	{ "link_gbps", "hardware.link_gbps", -1 },
	{ "alpha_us", "hardware.alpha_us", -1 },
	{ "usd_per_hour", "hardware.gpu_hour_usd", -1 },
	{ "mbu", "hardware.mbu", -1 },
	{ "mfu", "hardware.mfu", -1 },
	{ "overhead_gb", "hardware.overhead_gb", -1 },
	{ "mbu_half_mb", "hardware.mbu_half_mb", -1 },
	{ "mfu_half_tokens", "hardware.mfu_half_tokens", -1 },
};
#define N_GPU_MAP (sizeof gpu_map / sizeof gpu_map[0])
static const char *const gpu_keys[] = {
	"base", "label", "source", "eff_source", "memory_gb", "bandwidth_tbps",
	"tflops_fp32", "tflops_bf16", "tflops_fp16", "tflops_fp8", "tflops_int8",
	"tflops_int4", "link_gbps", "alpha_us", "usd_per_hour", "mbu", "mfu",
	"overhead_gb", "mbu_half_mb", "mfu_half_tokens", NULL
};
static const char *const gpu_required[] = {
	"memory_gb", "bandwidth_tbps", "usd_per_hour", "mbu", "mfu", NULL
};

static const config_entry *find_entry(const config_ini *ini, const char *sec,
                                      const char *key)
{
	for (size_t i = 0; i < ini->n; i++)
		if (strcmp(ini->e[i].section, sec) == 0 && strcmp(ini->e[i].key, key) == 0)
			return &ini->e[i];
	return NULL;
}

static void load_user_model(loader *L, const config_ini *ini, const config_entry *hdr)
{
	const char *id = hdr->section + 6;
	static scenario tmp;
	int before = L->errs;
	if (!valid_id(id)) {
		BAD("%s:%d: [%s]: invalid model id '%s' (allowed: a-z, 0-9, '.', '_', "
		    "'-', at most %d characters)", L->path, hdr->line, hdr->section, id, ID_MAX - 1);
		return;
	}
	memset(&tmp, 0, sizeof tmp);
	const config_entry *base = find_entry(ini, hdr->section, "base");
	const model_spec *from = NULL;
	if (base) {
		from = find_model(L, base->value);
		if (!from) {
			char err[DIAG_LEN];
			(void)params_set_text(&tmp, params_find("model.name"), base->value,
			                      err, sizeof err);
			BAD("%s:%d: [%s] %s: %s", AT(base), err);
			return;
		}
	} else {
		from = find_model(L, id);   /* same id: override the entry */
	}
	if (from) {
		tmp.model = *from;
	} else {
		tmp.model.experts = tmp.model.experts_active = 1;
		tmp.model.mlp = MLP_GATED;
		tmp.model.max_context = 4096;
		for (int i = 0; model_required[i]; i++)
			if (!find_entry(ini, hdr->section, model_required[i]))
				BAD("%s:%d: [%s] %s: missing (a new model needs layers, hidden, "
				    "heads, ffn and vocab, or base = a catalog id)",
				    L->path, hdr->line, hdr->section, model_required[i]);
	}
	copy_str(tmp.model.id, id, ID_MAX);
	bool kv_set = false;
	for (size_t i = 0; i < ini->n; i++) {
		const config_entry *e = &ini->e[i];
		if (!e->key[0] || strcmp(e->section, hdr->section) != 0 ||
		    strcmp(e->key, "base") == 0)
			continue;
		if (strcmp(e->key, "label") == 0) {
			parse_text(L, e, tmp.model.label, sizeof tmp.model.label);
			continue;
		}
		if (strcmp(e->key, "source") == 0) {
			parse_text(L, e, tmp.model.source, sizeof tmp.model.source);
			continue;
		}
		char pk[80];
		snprintf(pk, sizeof pk, "model.%s", e->key);
		const param *p = params_find(pk);
		if (!p || p->type == PT_MODEL) {
			unknown_key(L, e, model_keys);
			continue;
		}
		if (strcmp(e->key, "kv_heads") == 0)
			kv_set = true;
		scenario *keep = L->s;
		L->s = &tmp;
		apply_param(L, e, p);
		L->s = keep;
	}
	if (!from && !kv_set)
		tmp.model.kv_heads = tmp.model.heads;     /* MHA unless told */
	if (L->errs == before) {
		char err[DIAG_LEN];
		const char *k;
		if (params_validate(&tmp, err, sizeof err, &k) != 0)
			BAD("%s:%d: [%s] %s: %s", L->path, hdr->line, hdr->section, k + 6, err);
	}
	if (L->errs != before)
		return;
	if (L->n_models >= MAX_USER_ENTRIES) {
		BAD("%s:%d: [%s]: too many [model.ID] sections (at most %d)",
		    L->path, hdr->line, hdr->section, MAX_USER_ENTRIES);
		return;
	}
	L->models[L->n_models++] = tmp.model;
}

static void load_user_gpu(loader *L, const config_ini *ini, const config_entry *hdr)
{
	const char *id = hdr->section + 4;
	static scenario tmp;
	int before = L->errs;
	if (!valid_id(id)) {
		BAD("%s:%d: [%s]: invalid accelerator id '%s' (allowed: a-z, 0-9, '.', "
		    "'_', '-', at most %d characters)", L->path, hdr->line, hdr->section,
		    id, ID_MAX - 1);
		return;
	}
	memset(&tmp, 0, sizeof tmp);
	const config_entry *base = find_entry(ini, hdr->section, "base");
	const gpu_spec *from = NULL;
	if (base) {
		from = find_gpu(L, base->value);
		if (!from) {
			char err[DIAG_LEN];
			(void)params_set_text(&tmp, params_find("hardware.gpu"), base->value,
			                      err, sizeof err);
			BAD("%s:%d: [%s] %s: %s", AT(base), err);
			return;
		}
	} else {
		from = find_gpu(L, id);
	}
	if (from) {
		tmp.gpu = *from;
	} else {
		for (int i = 0; gpu_required[i]; i++)
			if (!find_entry(ini, hdr->section, gpu_required[i]))
				BAD("%s:%d: [%s] %s: missing (a new accelerator needs memory_gb, "
				    "bandwidth_tbps, a tflops_* figure, usd_per_hour, mbu and "
				    "mfu, or base = a catalog id)",
				    L->path, hdr->line, hdr->section, gpu_required[i]);
		bool any = false;
		for (int pr = 0; pr < PREC_COUNT; pr++) {
			char k[32];
			snprintf(k, sizeof k, "tflops_%s", params_prec_name(pr));
			any |= find_entry(ini, hdr->section, k) != NULL;
		}
		if (!any)
			BAD("%s:%d: [%s] tflops_bf16: missing (a new accelerator needs at "
			    "least one dense tflops_* figure)", L->path, hdr->line, hdr->section);
	}
	copy_str(tmp.gpu.id, id, ID_MAX);
	for (size_t i = 0; i < ini->n; i++) {
		const config_entry *e = &ini->e[i];
		if (!e->key[0] || strcmp(e->section, hdr->section) != 0 ||
		    strcmp(e->key, "base") == 0)
			continue;
		if (strcmp(e->key, "label") == 0) {
			parse_text(L, e, tmp.gpu.label, sizeof tmp.gpu.label);
			continue;
		}
		if (strcmp(e->key, "source") == 0) {
			parse_text(L, e, tmp.gpu.source, sizeof tmp.gpu.source);
			continue;
		}
		if (strcmp(e->key, "eff_source") == 0) {
			parse_text(L, e, tmp.gpu.eff_source, sizeof tmp.gpu.eff_source);
			continue;
		}
		size_t m;
		for (m = 0; m < N_GPU_MAP; m++)
			if (strcmp(gpu_map[m].key, e->key) == 0)
				break;
		if (m == N_GPU_MAP) {
			unknown_key(L, e, gpu_keys);
			continue;
		}
		tmp.compute = gpu_map[m].prec >= 0 ? gpu_map[m].prec : PREC_BF16;
		scenario *keep = L->s;
		L->s = &tmp;
		apply_param(L, e, params_find(gpu_map[m].param));
		L->s = keep;
	}
	if (L->errs != before)
		return;
	if (!from) {
		/* a new device without its own fit: carry the H100 fit's size
		 * terms, as the built-in "assumed" entries do, so that it is
		 * not flat where every catalog device is size-dependent */
		if (!find_entry(ini, hdr->section, "mbu_half_mb"))
			tmp.gpu.mbu_half_bytes = catalog_assumed_mbu_half_bytes(
				tmp.gpu.bandwidth, tmp.gpu.mbu);
		if (!find_entry(ini, hdr->section, "mfu_half_tokens"))
			tmp.gpu.mfu_half_tokens = catalog_assumed_mfu_half_tokens();
		if (!tmp.gpu.eff_source[0])
			copy_str(tmp.gpu.eff_source, "user entry: mbu/mfu as given, size "
			         "terms carried from the H100 fit unless given",
			         sizeof tmp.gpu.eff_source);
	}
	if (L->n_gpus >= MAX_USER_ENTRIES) {
		BAD("%s:%d: [%s]: too many [gpu.ID] sections (at most %d)",
		    L->path, hdr->line, hdr->section, MAX_USER_ENTRIES);
		return;
	}
	L->gpus[L->n_gpus++] = tmp.gpu;
}

/* ---- [region.NAME] ---- */

static const char *const region_keys[] = { "share", "price_factor", NULL };

static int region_index(const scenario *s, const char *name)
{
	for (int i = 0; i < s->n_regions; i++)
		if (strcmp(s->regions[i].name, name) == 0)
			return i;
	return -1;
}

static int apply_region_key(loader *L, const config_entry *e, region *r)
{
	double v;
	if (strcmp(e->key, "share") == 0) {
		if (parse_num(L, e, 0, 1, false, &v) != 0)
			return -1;
		r->share = v;
	} else if (strcmp(e->key, "price_factor") == 0) {
		if (parse_num(L, e, 0.01, 100, false, &v) != 0)
			return -1;
		r->price_factor = v;
	} else {
		unknown_key(L, e, region_keys);
		return -1;
	}
	return 0;
}

/* ---- [option.NAME] ---- */

static const char *const option_keys[] = {
	"kind", "label", "instance", "accelerator", "instances_per_region",
	"usd_per_hour", "gpus_per_replica", "api_input_per_m", "api_output_per_m",
	NULL
};

/* Numeric option keys: 0 on success, 1 when the key is not numeric. */
static int apply_option_num(loader *L, const config_entry *e, option *o)
{
	double v;
	if (strcmp(e->key, "instances_per_region") == 0) {
		if (parse_num(L, e, 0, 100000, true, &v) == 0)
			o->instances_per_region = (int)v;
	} else if (strcmp(e->key, "usd_per_hour") == 0) {
		if (parse_num(L, e, 0, 100000, false, &v) == 0)
			o->usd_per_hour = v;
	} else if (strcmp(e->key, "gpus_per_replica") == 0) {
		if (parse_num(L, e, 0, 4096, true, &v) == 0)
			o->gpus_per_replica = (int)v;
	} else if (strcmp(e->key, "api_input_per_m") == 0) {
		if (parse_num(L, e, 0, 1000, false, &v) == 0)
			o->api_input_per_token = v * 1e-6;
	} else if (strcmp(e->key, "api_output_per_m") == 0) {
		if (parse_num(L, e, 0, 1000, false, &v) == 0)
			o->api_output_per_token = v * 1e-6;
	} else {
		return 1;
	}
	return 0;
}

/* Resolve an option's instance and accelerator; 0 or -1 (reported at
 * the entry e, or at the section line when e is NULL). */
static int resolve_option(loader *L, const char *sec, int line, option *o,
                          const config_entry *inst_e, const config_entry *acc_e)
{
	if (o->kind == OPT_API)
		return 0;
	if (o->instance[0]) {
		const instance_spec *in = catalog_instance(o->instance);
		if (!in) {
			char allowed[DIAG_LEN / 2];
			const char *names[64];
			size_t n = catalog_instance_count();
			if (n > 64)
				n = 64;
			for (size_t i = 0; i < n; i++)
				names[i] = catalog_instance_at(i)->id;
			list_text(names, n, allowed, sizeof allowed);
			const char *near = params_nearest(o->instance, names, n);
			char dym[ID_MAX + 32] = "";
			if (near)
				snprintf(dym, sizeof dym, ", did you mean '%s'?", near);
			BAD("%s:%d: [%s] instance: unknown instance '%s'%s (allowed: %s)",
			    L->path, inst_e ? inst_e->line : line, sec, o->instance, dym, allowed);
			return -1;
		}
		o->inst = *in;
		const gpu_spec *g = find_gpu(L, in->gpu);
		if (!g) {
			BAD("%s:%d: [%s] instance: instance '%s' holds accelerator '%s', "
			    "which is not in the catalog (allowed: add a [gpu.%s] section)",
			    L->path, inst_e ? inst_e->line : line, sec, o->instance, in->gpu, in->gpu);
			return -1;
		}
		o->gpu = *g;
		return 0;
	}
	/* a bare accelerator: an "instance" of gpus_per_replica devices */
	const gpu_spec *g = find_gpu(L, o->gpu.id);
	if (!g) {
		char err[DIAG_LEN];
		static scenario tmp;
		(void)params_set_text(&tmp, params_find("hardware.gpu"), o->gpu.id, err, sizeof err);
		BAD("%s:%d: [%s] accelerator: %s", L->path, acc_e ? acc_e->line : line, sec, err);
		return -1;
	}
	o->gpu = *g;
	memset(&o->inst, 0, sizeof o->inst);
	copy_str(o->inst.id, g->id, ID_MAX);
	copy_str(o->inst.gpu, g->id, ID_MAX);
	o->inst.gpus = o->gpus_per_replica > 0 ? o->gpus_per_replica : 1;
	o->inst.usd_per_hour = g->usd_per_hour * o->inst.gpus;
	copy_str(o->inst.source, g->source, SOURCE_MAX);
	return 0;
}

static void load_option(loader *L, const config_ini *ini, const config_entry *hdr,
                        option *o)
{
	const char *name = hdr->section + 7;
	memset(o, 0, sizeof *o);
	if (!valid_id(name)) {
		BAD("%s:%d: [%s]: invalid option name '%s' (allowed: a-z, 0-9, '.', '_', "
		    "'-', at most %d characters)", L->path, hdr->line, hdr->section, name, ID_MAX - 1);
		return;
	}
	copy_str(o->name, name, ID_MAX);
	const config_entry *kind = find_entry(ini, hdr->section, "kind");
	const config_entry *inst = find_entry(ini, hdr->section, "instance");
	const config_entry *acc = find_entry(ini, hdr->section, "accelerator");
	o->kind = OPT_INSTANCES;
	if (kind) {
		if (strcasecmp(kind->value, "instances") == 0)
			o->kind = OPT_INSTANCES;
		else if (strcasecmp(kind->value, "api") == 0)
			o->kind = OPT_API;
		else {
			BAD("%s:%d: [%s] %s: unknown choice '%.60s' (allowed: instances, api)",
			    AT(kind), kind->value);
			return;
		}
	}
	int before = L->errs;
	for (size_t i = 0; i < ini->n; i++) {
		const config_entry *e = &ini->e[i];
		if (!e->key[0] || strcmp(e->section, hdr->section) != 0 ||
		    strcmp(e->key, "kind") == 0)
			continue;
		bool api_key = strncmp(e->key, "api_", 4) == 0;
		bool inst_key = !api_key && strcmp(e->key, "label") != 0;
		bool known = false;
		for (int k = 0; option_keys[k]; k++)
			known |= strcmp(option_keys[k], e->key) == 0;
		if (!known) {
			unknown_key(L, e, option_keys);
			continue;
		}
		if ((o->kind == OPT_API && inst_key) || (o->kind == OPT_INSTANCES && api_key)) {
			BAD("%s:%d: [%s] %s: does not apply to kind = %s (allowed: %s)", AT(e),
			    o->kind == OPT_API ? "api" : "instances",
			    o->kind == OPT_API ? "label, api_input_per_m, api_output_per_m"
			    : "label, instance, accelerator, instances_per_region, "
			      "usd_per_hour, gpus_per_replica");
			continue;
		}
		if (strcmp(e->key, "label") == 0)
			parse_text(L, e, o->label, sizeof o->label);
		else if (strcmp(e->key, "instance") == 0 || strcmp(e->key, "accelerator") == 0) {
			char id[ID_MAX];
			if (strlen(e->value) >= ID_MAX || !e->value[0]) {
				BAD("%s:%d: [%s] %s: value '%.60s' is not a catalog id", AT(e), e->value);
				continue;
			}
			copy_str(id, e->value, ID_MAX);
			lower(id);
			copy_str(strcmp(e->key, "instance") == 0 ? o->instance : o->gpu.id, id, ID_MAX);
		} else
			(void)apply_option_num(L, e, o);
	}
	if (L->errs != before)
		return;
	if (o->kind == OPT_INSTANCES) {
		if (inst && acc) {
			BAD("%s:%d: [%s] accelerator: give either instance or accelerator, "
			    "not both", L->path, acc->line, hdr->section);
			return;
		}
		if (!inst && !acc) {
			BAD("%s:%d: [%s] instance: missing (allowed: instance = a cloud instance "
			    "id, or accelerator = a catalog id)", L->path, hdr->line, hdr->section);
			return;
		}
		resolve_option(L, hdr->section, hdr->line, o, inst, acc);
	} else {
		if (!find_entry(ini, hdr->section, "api_input_per_m"))
			o->api_input_per_token = -1;    /* filled from pricing.* below */
		if (!find_entry(ini, hdr->section, "api_output_per_m"))
			o->api_output_per_token = -1;
	}
}

/* ---- fleet.regions ---- */

static int parse_region_list(loader *L, const config_entry *e, char names[][ID_MAX],
                             int *n)
{
	char buf[CONFIG_LINE_MAX + 1];
	snprintf(buf, sizeof buf, "%s", e->value);
	lower(buf);
	*n = 0;
	char *save = NULL;
	int bad = 0;
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *b = tok, *en = tok + strlen(tok);
		strip(&b, &en);
		*en = '\0';
		if (!valid_id(b)) {
			BAD("%s:%d: [%s] %s: invalid region name '%.60s' (allowed: a-z, 0-9, "
			    "'.', '_', '-', separated by commas)", AT(e), b);
			bad++;
			continue;
		}
		for (int i = 0; i < *n; i++)
			if (strcmp(names[i], b) == 0) {
				BAD("%s:%d: [%s] %s: region '%s' listed twice", AT(e), b);
				bad++;
			}
		if (*n >= MAX_REGIONS) {
			BAD("%s:%d: [%s] %s: too many regions (at most %d)", AT(e), MAX_REGIONS);
			return -1;
		}
		copy_str(names[(*n)++], b, ID_MAX);
	}
	if (*n == 0 && !bad) {
		BAD("%s:%d: [%s] %s: no region given (allowed: a comma list of names, each "
		    "with a [region.NAME] section)", AT(e));
		return -1;
	}
	return bad ? -1 : 0;
}

static void check_shares(loader *L, const scenario *s, const char *where)
{
	double sum = 0;
	for (int i = 0; i < s->n_regions; i++)
		sum += s->regions[i].share;
	if (fabs(sum - 1) > 1e-6) {
		char parts[DIAG_LEN / 2];
		size_t o = 0;
		parts[0] = '\0';
		for (int i = 0; i < s->n_regions && o + 1 < sizeof parts; i++) {
			int w = snprintf(parts + o, sizeof parts - o, "%s%s %.6g", i ? " + " : "",
			                 s->regions[i].name, s->regions[i].share);
			if (w < 0 || (size_t)w >= sizeof parts - o)
				break;
			o += (size_t)w;
		}
		BAD("%s: shares sum to %.9g, not 1 (%s) (allowed: shares summing to 1 "
		    "within 1e-6)", where, sum, parts);
	}
}

/* ---- the whole file ---- */

static bool is_group(const char *sec)
{
	for (int i = 0; group_sections[i]; i++)
		if (strcmp(group_sections[i], sec) == 0)
			return true;
	return false;
}

static void unknown_section(loader *L, const config_entry *hdr, enum load_mode mode)
{
	static const char *const cands[] = {
		"model", "precision", "hardware", "serving", "workload", "fleet",
		"pricing", "preset", "ui", "region", "option", "gpu", NULL
	};
	char word[64];
	snprintf(word, sizeof word, "%s", hdr->section);
	char *dot = strchr(word, '.');
	if (dot)
		*dot = '\0';
	const char *near = params_nearest(word, cands, 12);
	if (mode == MODE_CATALOG)
		BAD("%s:%d: [%s]: not allowed in the catalog file (allowed: [gpu.ID], "
		    "[model.ID])", L->path, hdr->line, hdr->section);
	else if (near)
		BAD("%s:%d: [%s]: unknown section, did you mean [%s%s]? (allowed: [model], "
		    "[precision], [hardware], [serving], [workload], [fleet], [pricing], "
		    "[preset], [ui], [region.NAME], [option.NAME], [gpu.ID], [model.ID])",
		    L->path, hdr->line, hdr->section, near, dot ? strchr(hdr->section, '.') : "");
	else
		BAD("%s:%d: [%s]: unknown section (allowed: [model], [precision], "
		    "[hardware], [serving], [workload], [fleet], [pricing], [preset], [ui], "
		    "[region.NAME], [option.NAME], [gpu.ID], [model.ID])",
		    L->path, hdr->line, hdr->section);
}

static int entry_rank(const config_entry *e)
{
	/* the catalog ids first, then the compute precision (hardware.tflops
	 * follows it), then everything else in file order */
	if ((strcmp(e->section, "model") == 0 && strcmp(e->key, "name") == 0) ||
	    (strcmp(e->section, "hardware") == 0 && strcmp(e->key, "gpu") == 0))
		return 0;
	if (strcmp(e->section, "precision") == 0 &&
	    (strcmp(e->key, "compute") == 0 || strcmp(e->key, "weights") == 0))
		return 1;
	return 2;
}

static int apply_file(loader *L, const config_ini *ini, enum load_mode mode)
{
	scenario *s = L->s;
	/* 1. sections: catalog entries first (model.name may name one) */
	for (size_t i = 0; i < ini->n; i++) {
		const config_entry *e = &ini->e[i];
		if (e->key[0] || config_ini_section_line(ini, e->section) != e->line)
			continue;
		if (strncmp(e->section, "model.", 6) == 0)
			load_user_model(L, ini, e);
		else if (strncmp(e->section, "gpu.", 4) == 0)
			load_user_gpu(L, ini, e);
		else if (mode == MODE_CATALOG)
			unknown_section(L, e, mode);
		else if (!is_group(e->section) && strncmp(e->section, "region.", 7) != 0 &&
		         strncmp(e->section, "option.", 7) != 0)
			unknown_section(L, e, mode);
	}
	if (mode == MODE_CATALOG)
		return L->errs;

	/* a redefined entry that the scenario uses takes effect */
	for (int i = 0; i < L->n_models; i++)
		if (strcmp(L->models[i].id, s->model.id) == 0)
			s->model = L->models[i];
	for (int i = 0; i < L->n_gpus; i++)
		if (strcmp(L->gpus[i].id, s->gpu.id) == 0)
			s->gpu = L->gpus[i];

	/* 2. keys of the groups */
	const config_entry *regions_e = NULL;
	for (int rank = 0; rank <= 2; rank++)
		for (size_t i = 0; i < ini->n; i++) {
			const config_entry *e = &ini->e[i];
			if (!e->key[0] || !is_group(e->section) || entry_rank(e) != rank)
				continue;
			if (strcmp(e->section, "preset") == 0) {
				if (strcmp(e->key, "description") == 0)
					parse_text(L, e, s->description, sizeof s->description);
				else {
					static const char *const k[] = { "description", NULL };
					unknown_key(L, e, k);
				}
				continue;
			}
			if (strcmp(e->section, "ui") == 0) {
				if (strcmp(e->key, "theme") == 0) {
					if (!valid_id(e->value))
						BAD("%s:%d: [%s] %s: invalid theme name '%.60s' (allowed: "
						    "a-z, 0-9, '.', '_', '-')", AT(e), e->value);
					else
						copy_str(s->ui_theme, e->value, ID_MAX);
				} else {
					static const char *const k[] = { "theme", NULL };
					unknown_key(L, e, k);
				}
				continue;
			}
			if (strcmp(e->section, "fleet") == 0 && strcmp(e->key, "regions") == 0) {
				regions_e = e;
				continue;
			}
			char dotted[140];
			snprintf(dotted, sizeof dotted, "%s.%s", e->section, e->key);
			const param *p = params_find(dotted);
			if (p) {
				apply_param(L, e, p);
				continue;
			}
			char allowed[400];
			group_keys(e->section, allowed, sizeof allowed);
			const char *near = params_suggest(dotted);
			if (near && strncmp(near, e->section, strlen(e->section)) == 0 &&
			    near[strlen(e->section)] == '.')
				BAD("%s:%d: [%s] %s: unknown key, did you mean '%s'? (allowed: %s)",
				    AT(e), near + strlen(e->section) + 1, allowed);
			else if (near) {
				char grp[64];
				snprintf(grp, sizeof grp, "%.*s", (int)(strchr(near, '.') - near), near);
				BAD("%s:%d: [%s] %s: unknown key, did you mean [%s] %s? (allowed: %s)",
				    AT(e), grp, strchr(near, '.') + 1, allowed);
			} else
				BAD("%s:%d: [%s] %s: unknown key (allowed: %s)", AT(e), allowed);
		}

	/* 3. regions */
	char listed[MAX_REGIONS][ID_MAX];
	int n_listed = 0;
	bool have_list = regions_e && parse_region_list(L, regions_e, listed, &n_listed) == 0;
	int n_sections = 0;
	for (size_t i = 0; i < ini->n; i++) {
		const config_entry *e = &ini->e[i];
		if (!e->key[0] && strncmp(e->section, "region.", 7) == 0 &&
		    config_ini_section_line(ini, e->section) == e->line)
			n_sections++;
	}
	if (have_list || (!regions_e && n_sections > 0)) {
		scenario old = *s;
		if (!have_list) {       /* every [region.NAME] in file order */
			for (size_t i = 0; i < ini->n && n_listed < MAX_REGIONS; i++) {
				const config_entry *e = &ini->e[i];
				if (!e->key[0] && strncmp(e->section, "region.", 7) == 0 &&
				    config_ini_section_line(ini, e->section) == e->line)
					copy_str(listed[n_listed++], e->section + 7, ID_MAX);
			}
		}
		s->n_regions = 0;
		memset(s->regions, 0, sizeof s->regions);
		for (int r = 0; r < n_listed; r++) {
			char sec[ID_MAX + 8];
			snprintf(sec, sizeof sec, "region.%.*s", ID_MAX - 1, listed[r]);
			region *rg = &s->regions[s->n_regions];
			copy_str(rg->name, listed[r], ID_MAX);
			rg->price_factor = 1;
			rg->share = n_listed == 1 ? 1 : -1;
			int line = config_ini_section_line(ini, sec);
			int oi = region_index(&old, listed[r]);
			if (!line && oi < 0) {
				char names[DIAG_LEN / 2];
				const char *secs[MAX_REGIONS + 1];
				int ns = 0;
				for (size_t i = 0; i < ini->n && ns < MAX_REGIONS; i++)
					if (!ini->e[i].key[0] && strncmp(ini->e[i].section, "region.", 7) == 0 &&
					    config_ini_section_line(ini, ini->e[i].section) == ini->e[i].line)
						secs[ns++] = ini->e[i].section + 7;
				list_text(secs, (size_t)ns, names, sizeof names);
				BAD("%s:%d: [fleet] regions: region '%s' has no [region.%s] section "
				    "(allowed: %s)", L->path, regions_e->line, listed[r], listed[r],
				    ns ? names : "none defined in this file");
				continue;
			}
			if (!line) {
				*rg = old.regions[oi];
			} else {
				for (size_t i = 0; i < ini->n; i++) {
					const config_entry *e = &ini->e[i];
					if (e->key[0] && strcmp(e->section, sec) == 0)
						apply_region_key(L, e, rg);
				}
				if (rg->share < 0) {
					BAD("%s:%d: [%s] share: missing (allowed: 0 to 1; with several "
					    "regions each needs its share of the traffic)", L->path, line, sec);
					rg->share = 0;
				}
			}
			s->n_regions++;
		}
		/* sections not in the list */
		for (size_t i = 0; have_list && i < ini->n; i++) {
			const config_entry *e = &ini->e[i];
			if (e->key[0] || strncmp(e->section, "region.", 7) != 0 ||
			    config_ini_section_line(ini, e->section) != e->line)
				continue;
			bool in = false;
			for (int r = 0; r < n_listed; r++)
				in |= strcmp(listed[r], e->section + 7) == 0;
			if (!in) {
				if (!valid_id(e->section + 7))
					BAD("%s:%d: [%s]: invalid region name", L->path, e->line, e->section);
				else
					BAD("%s:%d: [%s]: region not listed in [fleet] regions on line %d "
					    "(allowed: list it there, or remove the section)",
					    L->path, e->line, e->section, regions_e->line);
			}
		}
		if (L->errs == 0) {
			char where[PATH_MAX + 64];
			int line = regions_e ? regions_e->line : config_ini_section_line(ini,
			           ini->e[0].section);
			for (size_t i = 0; !regions_e && i < ini->n; i++)
				if (strncmp(ini->e[i].section, "region.", 7) == 0) {
					line = ini->e[i].line;
					break;
				}
			snprintf(where, sizeof where, "%s:%d: [fleet] regions", L->path, line);
			check_shares(L, s, where);
		}
	}

	/* 4. options (a file with [option.*] replaces the scenario's list) */
	int n_opt = 0;
	static option opts[MAX_OPTIONS];
	for (size_t i = 0; i < ini->n; i++) {
		const config_entry *e = &ini->e[i];
		if (e->key[0] || strncmp(e->section, "option.", 7) != 0 ||
		    config_ini_section_line(ini, e->section) != e->line)
			continue;
		if (n_opt >= MAX_OPTIONS) {
			BAD("%s:%d: [%s]: too many options (at most %d)", L->path, e->line,
			    e->section, MAX_OPTIONS);
			break;
		}
		load_option(L, ini, e, &opts[n_opt++]);
	}
	if (n_opt > 0) {
		for (int i = 0; i < n_opt; i++) {
			if (opts[i].kind == OPT_API && opts[i].api_input_per_token < 0)
				opts[i].api_input_per_token = s->api_input_per_token;
			if (opts[i].kind == OPT_API && opts[i].api_output_per_token < 0)
				opts[i].api_output_per_token = s->api_output_per_token;
		}
		memset(s->options, 0, sizeof s->options);
		memcpy(s->options, opts, (size_t)n_opt * sizeof opts[0]);
		s->n_options = n_opt;
	}

	/* 5. checks across keys */
	if (L->errs == 0) {
		char err[DIAG_LEN];
		const char *k;
		if (params_validate(s, err, sizeof err, &k) != 0) {
			char sec[32];
			snprintf(sec, sizeof sec, "%.*s", (int)(strchr(k, '.') - k), k);
			const config_entry *e = find_entry(ini, sec, strchr(k, '.') + 1);
			if (e)
				BAD("%s:%d: [%s] %s: %s", AT(e), err);
			else
				BAD("%s: [%s] %s: %s", L->path, sec, strchr(k, '.') + 1, err);
		}
	}
	return L->errs;
}

/* Ids this module added to the catalog, so that a saved preset carries the
 * [model.ID] / [gpu.ID] sections it depends on. */
#define MAX_RECORDED 128
static char recorded_models[MAX_RECORDED][ID_MAX];
static char recorded_gpus[MAX_RECORDED][ID_MAX];
static int n_recorded_models, n_recorded_gpus;

static void record_id(char ids[][ID_MAX], int *n, const char *id)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(ids[i], id) == 0)
			return;
	if (*n < MAX_RECORDED)
		copy_str(ids[(*n)++], id, ID_MAX);
}

static bool recorded(char ids[][ID_MAX], int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

static int commit_catalog(loader *L)
{
	for (int i = 0; i < L->n_models; i++) {
		if (catalog_add_model(&L->models[i]) != 0) {
			BAD("%s: [model.%s]: the catalog is full", L->path, L->models[i].id);
			return -1;
		}
		record_id(recorded_models, &n_recorded_models, L->models[i].id);
	}
	for (int i = 0; i < L->n_gpus; i++) {
		if (catalog_add_gpu(&L->gpus[i]) != 0) {
			BAD("%s: [gpu.%s]: the catalog is full", L->path, L->gpus[i].id);
			return -1;
		}
		record_id(recorded_gpus, &n_recorded_gpus, L->gpus[i].id);
	}
	return 0;
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
static void config_sort_diag(diag *d, int from)
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

static int load_file(const char *path, scenario *s, diag *d, enum load_mode mode)
{
	int first = d->count;
	static loader L;          /* large (user entries): not on the stack */
	static scenario work;
	int nerr = 0;
	config_ini *ini = config_ini_read(path, d, &nerr);
	if (!ini)
		return -1;
	memset(&L, 0, sizeof L);
	L.path = path;
	L.d = d;
	L.errs = nerr;
	if (s)
		work = *s;
	else
		scenario_defaults(&work);
	L.s = &work;
	apply_file(&L, ini, mode);
	if (L.errs == 0)
		commit_catalog(&L);
	config_ini_free(ini);
	config_sort_diag(d, first);
	if (L.errs)
		return -1;
	if (s)
		*s = work;
	return 0;
}

int config_load_preset(const char *path, scenario *s, diag *d)
{
	return load_file(path, s, d, MODE_PRESET);
}

static void user_dir(char *buf, size_t len, const char *kind)
{
	const char *x = getenv("XDG_CONFIG_HOME");
	if (x && x[0] == '/')
		snprintf(buf, len, "%s/infertui%s%s", x, kind ? "/" : "", kind ? kind : "");
	else {
		const char *h = getenv("HOME");
		snprintf(buf, len, "%s/.config/infertui%s%s", h ? h : "", kind ? "/" : "",
		         kind ? kind : "");
	}
}

int config_load_user_catalog(diag *d)
{
	char path[PATH_MAX];
	user_dir(path, sizeof path - 16, NULL);
	strcat(path, "/catalog.ini");
	if (access(path, F_OK) != 0)
		return 0;
	return load_file(path, NULL, d, MODE_CATALOG);
}

/* ---- --set ---- */

int config_apply_set(scenario *s, const char *assignment, diag *d)
{
	static scenario work;
	const char *eq = strchr(assignment, '=');
	if (!eq) {
		diag_add(d, "--set '%.100s': expected KEY=VALUE (e.g. serving.max_batch=64)",
		         assignment);
		return -1;
	}
	char key[128];
	const char *kb = assignment, *ke = eq;
	while (kb < ke && isspace((unsigned char)*kb))
		kb++;
	while (ke > kb && isspace((unsigned char)ke[-1]))
		ke--;
	if ((size_t)(ke - kb) >= sizeof key) {
		diag_add(d, "--set: key too long");
		return -1;
	}
	memcpy(key, kb, (size_t)(ke - kb));
	key[ke - kb] = '\0';
	lower(key);
	const char *val = eq + 1;
	while (isspace((unsigned char)*val))
		val++;
	char vbuf[CONFIG_LINE_MAX + 1];
	snprintf(vbuf, sizeof vbuf, "%s", val);
	size_t vl = strlen(vbuf);
	while (vl && isspace((unsigned char)vbuf[vl - 1]))
		vbuf[--vl] = '\0';

	static loader L;
	memset(&L, 0, sizeof L);
	work = *s;
	L.s = &work;
	L.d = d;
	L.path = "--set";
	config_entry e;
	memset(&e, 0, sizeof e);
	e.line = 0;
	e.value = vbuf;
	char msg[DIAG_LEN];
	diag tmpd;
	diag_init(&tmpd);
	L.d = &tmpd;

	const param *p = params_find(key);
	if (p) {
		if (p->type == PT_MODEL || p->type == PT_GPU) {
			char lowv[CONFIG_LINE_MAX + 1];
			memcpy(lowv, vbuf, sizeof lowv);
			lower(lowv);
			if (params_set_text(&work, p, lowv, msg, sizeof msg) != 0) {
				diag_add(d, "--set %s: %s", key, msg);
				return -1;
			}
		} else if (params_set_text(&work, p, vbuf, msg, sizeof msg) != 0) {
			diag_add(d, "--set %s: %s", key, msg);
			return -1;
		}
	} else if (strcmp(key, "fleet.regions") == 0) {
		char names[MAX_REGIONS][ID_MAX];
		int n = 0;
		snprintf(e.section, sizeof e.section, "fleet");
		snprintf(e.key, sizeof e.key, "regions");
		if (parse_region_list(&L, &e, names, &n) != 0)
			goto fail;
		region nr[MAX_REGIONS];
		for (int i = 0; i < n; i++) {
			int oi = region_index(s, names[i]);
			if (oi < 0) {
				const char *have[MAX_REGIONS];
				for (int r = 0; r < s->n_regions; r++)
					have[r] = s->regions[r].name;
				char allowed[DIAG_LEN / 2];
				list_text(have, (size_t)s->n_regions, allowed, sizeof allowed);
				diag_add(d, "--set fleet.regions: region '%s' is not defined "
				         "(allowed: %s; define others in a preset's [region.NAME])",
				         names[i], allowed);
				return -1;
			}
			nr[i] = s->regions[oi];
			if (n == 1)
				nr[i].share = 1;
		}
		memset(work.regions, 0, sizeof work.regions);
		memcpy(work.regions, nr, (size_t)n * sizeof nr[0]);
		work.n_regions = n;
		check_shares(&L, &work, "--set fleet.regions");
	} else if (strncmp(key, "region.", 7) == 0 || strncmp(key, "option.", 7) == 0) {
		bool is_region = key[0] == 'r';
		static char kcopy[128];
		memcpy(kcopy, key, sizeof kcopy);
		char *name = kcopy + 7, *dot = strrchr(name, '.');
		if (!dot) {
			diag_add(d, "--set %s: expected %s.NAME.KEY", key,
			         is_region ? "region" : "option");
			return -1;
		}
		*dot = '\0';
		if (strlen(name) >= ID_MAX || strlen(dot + 1) >= sizeof e.key) {
			diag_add(d, "--set %s: name too long", key);
			return -1;
		}
		snprintf(e.section, sizeof e.section, "%s.%.*s",
		         is_region ? "region" : "option", ID_MAX - 1, name);
		snprintf(e.key, sizeof e.key, "%.*s", (int)sizeof e.key - 1, dot + 1);
		if (is_region) {
			int ri = region_index(&work, name);
			if (ri < 0) {
				diag_add(d, "--set %s: unknown region '%s'", key, name);
				return -1;
			}
			if (apply_region_key(&L, &e, &work.regions[ri]) != 0)
				goto fail;
			check_shares(&L, &work, "--set region shares");
		} else {
			int oi = -1;
			for (int i = 0; i < work.n_options; i++)
				if (strcmp(work.options[i].name, name) == 0)
					oi = i;
			if (oi < 0) {
				diag_add(d, "--set %s: unknown option '%s'", key, name);
				return -1;
			}
			option *o = &work.options[oi];
			if (strcmp(e.key, "label") == 0)
				parse_text(&L, &e, o->label, sizeof o->label);
			else if (strcmp(e.key, "instance") == 0 || strcmp(e.key, "accelerator") == 0) {
				if (o->kind != OPT_INSTANCES || strlen(vbuf) >= ID_MAX) {
					diag_add(d, "--set %s.%s: not an instance option or id too long",
					         key, e.key);
					return -1;
				}
				if (strcmp(e.key, "instance") == 0)
					copy_str(o->instance, vbuf, ID_MAX);
				else {
					o->instance[0] = '\0';
					copy_str(o->gpu.id, vbuf, ID_MAX);
				}
				lower(o->instance);
				lower(o->gpu.id);
				resolve_option(&L, e.section, 0, o, &e, &e);
			} else if (apply_option_num(&L, &e, o) == 1) {
				unknown_key(&L, &e, option_keys);
			} else if (L.errs == 0 && o->kind == OPT_INSTANCES && !o->instance[0]) {
				resolve_option(&L, e.section, 0, o, &e, &e);
			}
		}
	} else {
		const char *near = params_suggest(key);
		if (near)
			diag_add(d, "--set %s: unknown key, did you mean '%s'? (allowed: the keys "
			         "listed by infertui.ini(5))", key, near);
		else
			diag_add(d, "--set %s: unknown key (allowed: the keys listed by "
			         "infertui.ini(5))", key);
		return -1;
	}
	if (L.errs)
		goto fail;
	{
		const char *k;
		if (params_validate(&work, msg, sizeof msg, &k) != 0) {
			diag_add(d, "--set %s: %s: %s", key, k, msg);
			return -1;
		}
	}
	*s = work;
	return 0;
fail:
	/* messages from the file path: "--set:0: [sec] key: ..." -> "--set sec.key: ..." */
	for (int i = 0; i < tmpd.count; i++) {
		const char *m = strstr(tmpd.msg[i], "] ");
		const char *c = m ? strchr(m + 2, ':') : NULL;
		if (m && c && strncmp(tmpd.msg[i], "--set:0: [", 10) == 0)
			diag_add(d, "--set %s:%s", key, c + 1);
		else
			diag_add(d, "%s", tmpd.msg[i]);
	}
	return -1;
}

/* ---- finding and listing ---- */

static bool running_from_build_dir(void)
{
	char exe[PATH_MAX], dir[PATH_MAX];
	if (!realpath("/proc/self/exe", exe))
		return false;
	if (!realpath(INFERTUI_BUILDDIR "/src", dir))
		return false;
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return strcmp(exe, dir) == 0;
}

/* The search path for kind: up to 3 directories. */
static int search_dirs(const char *kind, char dirs[3][PATH_MAX])
{
	int n = 0;
	user_dir(dirs[n++], PATH_MAX, kind);
	snprintf(dirs[n++], PATH_MAX, "%s/%s", INFERTUI_DATADIR, kind);
	if (running_from_build_dir())
		snprintf(dirs[n++], PATH_MAX, "%s/%s", INFERTUI_SRCDIR, kind);
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names (without .ini) found in the search path, sorted, first wins. */
static size_t collect_names(const char *kind, char **names, char **paths, size_t max)
{
	char dirs[3][PATH_MAX];
	int nd = search_dirs(kind, dirs);
	size_t n = 0;
	for (int i = 0; i < nd; i++) {
		DIR *dp = opendir(dirs[i]);
		if (!dp)
			continue;
		struct dirent *de;
		while ((de = readdir(dp)) && n < max) {
			size_t l = strlen(de->d_name);
			if (l < 5 || strcmp(de->d_name + l - 4, ".ini") != 0 || de->d_name[0] == '.')
				continue;
			char nm[NAME_MAX + 1];
			snprintf(nm, sizeof nm, "%.*s", (int)(l - 4), de->d_name);
			bool dup = false;
			for (size_t k = 0; k < n; k++)
				dup |= strcmp(names[k], nm) == 0;
			if (dup)
				continue;
			names[n] = strdup(nm);
			size_t pl = strlen(dirs[i]) + l + 2;
			paths[n] = malloc(pl);
			if (!names[n] || !paths[n]) {
				free(names[n]);
				free(paths[n]);
				break;
			}
			snprintf(paths[n], pl, "%s/%s", dirs[i], de->d_name);
			n++;
		}
		closedir(dp);
	}
	/* sort names and paths together */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j]; names[j] = names[j - 1]; names[j - 1] = t;
			t = paths[j]; paths[j] = paths[j - 1]; paths[j - 1] = t;
		}
	(void)cmp_str;
	return n;
}

int config_find(const char *kind, const char *name, char *out, size_t outlen, diag *d)
{
	size_t nl = strlen(name);
	bool is_path = strchr(name, '/') || (nl > 4 && strcmp(name + nl - 4, ".ini") == 0);
	if (is_path) {
		if (access(name, R_OK) != 0) {
			diag_add(d, "%s: cannot read: %s", name, strerror(errno));
			return -1;
		}
		if ((size_t)snprintf(out, outlen, "%s", name) >= outlen) {
			diag_add(d, "%s: path too long", name);
			return -1;
		}
		return 0;
	}
	char dirs[3][PATH_MAX];
	int nd = search_dirs(kind, dirs);
	for (int i = 0; i < nd; i++) {
		char p[3 * PATH_MAX + 8];
		snprintf(p, sizeof p, "%s/%s.ini", dirs[i], name);
		if (access(p, R_OK) == 0) {
			if ((size_t)snprintf(out, outlen, "%s", p) >= outlen) {
				diag_add(d, "%s: path too long", p);
				return -1;
			}
			return 0;
		}
	}
	char *names[128], *paths[128];
	size_t n = collect_names(kind, names, paths, 128);
	char allowed[DIAG_LEN / 2];
	list_text((const char *const *)names, n, allowed, sizeof allowed);
	const char *near = params_nearest(name, (const char *const *)names, n);
	const char *what = strcmp(kind, "themes") == 0 ? "theme" : "preset";
	if (near)
		diag_add(d, "unknown %s '%.60s', did you mean '%s'? (allowed: %s)", what, name,
		         near, allowed);
	else
		diag_add(d, "unknown %s '%.60s' (allowed: %s)", what, name,
		         n ? allowed : "none found: see --help for the search path");
	for (size_t i = 0; i < n; i++) {
		free(names[i]);
		free(paths[i]);
	}
	return -1;
}

void config_list(const char *kind, FILE *out)
{
	char *names[128], *paths[128];
	size_t n = collect_names(kind, names, paths, 128);
	const char *sec = strcmp(kind, "themes") == 0 ? "theme" : "preset";
	for (size_t i = 0; i < n; i++) {
		static diag d;
		diag_init(&d);
		int nerr = 0;
		config_ini *ini = config_ini_read(paths[i], &d, &nerr);
		const char *desc = NULL;
		for (size_t k = 0; ini && k < ini->n; k++)
			if (strcmp(ini->e[k].section, sec) == 0 &&
			    strcmp(ini->e[k].key, "description") == 0)
				desc = ini->e[k].value;
		fprintf(out, "%-22s %s\n", names[i],
		        nerr ? "(invalid: see --check)" : desc ? desc : "");
		config_ini_free(ini);
		free(names[i]);
		free(paths[i]);
	}
}

/* ---- saving ---- */

/* A string value, quoted so that iniparser reads it back unchanged. */
static void put_string(FILE *f, const char *key, const char *v)
{
	char buf[1024];
	size_t o = 0;
	bool has_dq = false, has_sq = false;
	for (const char *c = v; *c && o + 1 < sizeof buf; c++) {
		char ch = (unsigned char)*c < 0x20 || *c == 0x7f ? ' ' : *c;
		has_dq |= ch == '"';
		has_sq |= ch == '\'';
		buf[o++] = ch;
	}
	buf[o] = '\0';
	char q = '"';
	if (has_dq && !has_sq)
		q = '\'';
	else if (has_dq && has_sq)
		for (char *c = buf; *c; c++)
			if (*c == '"')
				*c = '\'';
	if (!buf[0])
		fprintf(f, "%s = \"\"\n", key);
	else
		fprintf(f, "%s = %c%s%c\n", key, q, buf, q);
}

static void put_param(FILE *f, const scenario *s, const param *p)
{
	char val[128], lo[32], hi[32];
	const char *name = strchr(p->key, '.') + 1;
	params_get_text(s, p, val, sizeof val);
	if (p->type == PT_INT || p->type == PT_REAL) {
		params_format_exact(lo, sizeof lo, p->min, 1);
		params_format_exact(hi, sizeof hi, p->max, 1);
		fprintf(f, "# %s: %s [%s to %s%s%s]\n", p->label, p->help, lo, hi,
		        p->unit[0] ? " " : "", p->unit);
	} else if (p->type == PT_CHOICE) {
		fprintf(f, "# %s: %s [", p->label, p->help);
		for (size_t i = 0; p->choices[i]; i++)
			fprintf(f, "%s%s", i ? ", " : "", p->choices[i]);
		fprintf(f, "]\n");
	} else if (p->type == PT_BOOL) {
		fprintf(f, "# %s: %s [true or false]\n", p->label, p->help);
	} else {
		fprintf(f, "# %s: %s [infertui --list-%s]\n", p->label, p->help,
		        p->type == PT_MODEL ? "models" : "gpus");
	}
	bool from_cat = (p->flags & (PF_FROM_MODEL | PF_FROM_GPU)) && params_is_default(s, p);
	fprintf(f, "%s%s = %s\n", from_cat ? "; " : "", name, val);
}

static void put_num(FILE *f, const char *key, double v, double scale)
{
	char b[64];
	params_format_exact(b, sizeof b, v, scale);
	fprintf(f, "%s = %s\n", key, b);
}

/* A user catalog entry the scenario uses, written whole. */
static void put_user_model(FILE *f, const model_spec *m)
{
	static scenario tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.model = *m;
	fprintf(f, "\n# a user catalog entry this preset uses\n[model.%s]\n", m->id);
	put_string(f, "label", m->label);
	put_string(f, "source", m->source);
	for (size_t i = 0; i < params_count(); i++) {
		const param *p = params_at(i);
		if (!(p->flags & PF_FROM_MODEL))
			continue;
		char v[128];
		params_get_text(&tmp, p, v, sizeof v);
		fprintf(f, "%s = %s\n", strchr(p->key, '.') + 1, v);
	}
}

static void put_user_gpu(FILE *f, const gpu_spec *g)
{
	static scenario tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.gpu = *g;
	fprintf(f, "\n# a user catalog entry this preset uses\n[gpu.%s]\n", g->id);
	put_string(f, "label", g->label);
	put_string(f, "source", g->source);
	put_string(f, "eff_source", g->eff_source);
	for (size_t m = 0; m < N_GPU_MAP; m++) {
		char v[128];
		tmp.compute = gpu_map[m].prec >= 0 ? gpu_map[m].prec : PREC_BF16;
		params_get_text(&tmp, params_find(gpu_map[m].param), v, sizeof v);
		fprintf(f, "%s = %s\n", gpu_map[m].key, v);
	}
}

static void put_user_entries(FILE *f, const scenario *s)
{
	const model_spec *m = catalog_model(s->model.id);
	if (m && recorded(recorded_models, n_recorded_models, m->id))
		put_user_model(f, m);
	const char *done[MAX_OPTIONS + 1];
	int nd = 0;
	for (int i = -1; i < s->n_options; i++) {
		const char *id = i < 0 ? s->gpu.id :
		                 s->options[i].kind == OPT_INSTANCES ? s->options[i].gpu.id : "";
		bool seen = false;
		for (int k = 0; k < nd; k++)
			seen |= strcmp(done[k], id) == 0;
		const gpu_spec *g = seen ? NULL : catalog_gpu(id);
		if (g && recorded(recorded_gpus, n_recorded_gpus, g->id)) {
			put_user_gpu(f, g);
			done[nd++] = id;
		}
	}
}

static int write_preset(FILE *f, const scenario *s, const char *description)
{
	fprintf(f, "# infertui preset: the whole scenario, every key (infertui.ini(5)).\n"
	           "# Lines starting with ';' hold the value of the chosen catalog entry\n"
	           "# (model.name, hardware.gpu); remove the ';' to override it.\n\n");
	fprintf(f, "[preset]\n");
	put_string(f, "description", description ? description : s->description);
	put_user_entries(f, s);
	for (int g = 0; g < G_COUNT; g++) {
		char sec[32];
		snprintf(sec, sizeof sec, "%s", params_group_name(g));
		lower(sec);
		fprintf(f, "\n[%s]\n", sec);
		for (size_t i = 0; i < params_count(); i++) {
			const param *p = params_at(i);
			if (p->group == (enum param_group)g)
				put_param(f, s, p);
		}
		if (g == G_FLEET) {
			fprintf(f, "# regions: comma list, each with a [region.NAME] section\n"
			           "regions = ");
			for (int r = 0; r < s->n_regions; r++)
				fprintf(f, "%s%s", r ? ", " : "", s->regions[r].name);
			fprintf(f, "\n");
		}
	}
	for (int r = 0; r < s->n_regions; r++) {
		fprintf(f, "\n[region.%s]\n# fraction of the daily traffic: 0 to 1\n",
		        s->regions[r].name);
		put_num(f, "share", s->regions[r].share, 1);
		fprintf(f, "# multiplier on $/h against the base price: 0.01 to 100\n");
		put_num(f, "price_factor", s->regions[r].price_factor, 1);
	}
	for (int i = 0; i < s->n_options; i++) {
		const option *o = &s->options[i];
		fprintf(f, "\n[option.%s]\n", o->name);
		fprintf(f, "kind = %s\n", o->kind == OPT_API ? "api" : "instances");
		put_string(f, "label", o->label);
		if (o->kind == OPT_API) {
			put_num(f, "api_input_per_m", o->api_input_per_token, 1e-6);
			put_num(f, "api_output_per_m", o->api_output_per_token, 1e-6);
			continue;
		}
		if (o->instance[0])
			fprintf(f, "instance = %s\n", o->instance);
		else
			fprintf(f, "accelerator = %s\n", o->gpu.id);
		fprintf(f, "# 0 = sized from demand\ninstances_per_region = %d\n",
		        o->instances_per_region);
		fprintf(f, "# per instance; 0 = catalog price\n");
		put_num(f, "usd_per_hour", o->usd_per_hour, 1);
		fprintf(f, "# 0 = the smallest that fits in one instance\n"
		           "gpus_per_replica = %d\n", o->gpus_per_replica);
	}
	fprintf(f, "\n[ui]\n# colour theme (infertui --list-themes); empty = default\n");
	if (s->ui_theme[0])
		fprintf(f, "theme = %s\n", s->ui_theme);
	else
		fprintf(f, "; theme = default\n");
	return ferror(f) ? -1 : 0;
}

int config_save_preset(const char *path, const scenario *s, const char *description,
                       diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem) {
		diag_add(d, "%s: cannot save: %s (the old file is unchanged)", path, strerror(errno));
		return -1;
	}
	write_preset(mem, s, description);
	if (fclose(mem) != 0) {
		free(buf);
		diag_add(d, "%s: cannot save: out of memory (the old file is unchanged)", path);
		return -1;
	}
	char dir[PATH_MAX], base[NAME_MAX + 1];
	{
		char t1[PATH_MAX], t2[PATH_MAX];
		snprintf(t1, sizeof t1, "%s", path);
		snprintf(t2, sizeof t2, "%s", path);
		snprintf(dir, sizeof dir, "%s", dirname(t1));
		snprintf(base, sizeof base, "%s", basename(t2));
	}
	char tmp[PATH_MAX + NAME_MAX + 16];
	snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, base);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_add(d, "%s: cannot save: cannot create a temporary file in %s: %s "
		         "(the old file is unchanged)", path, dir, strerror(errno));
		free(buf);
		return -1;
	}
	int err = 0;
	size_t off = 0;
	while (off < len && !err) {
		ssize_t w = write(fd, buf + off, len - off);
		if (w < 0) {
			if (errno != EINTR)
				err = errno;
		} else {
			off += (size_t)w;
		}
	}
	free(buf);
	if (!err && fchmod(fd, 0644) != 0)
		err = errno;
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		diag_add(d, "%s: cannot save: %s (the old file is unchanged)", path, strerror(err));
		return -1;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	return 0;
}

/* ---- --check ---- */

#include "theme.h"

int config_check_files(int n, char **paths, FILE *err)
{
	int bad = 0;
	for (int i = 0; i < n; i++) {
		static diag d;
		diag_init(&d);
		int nerr = 0;
		config_ini *ini = config_ini_read(paths[i], &d, &nerr);
		bool is_theme = ini && config_ini_section_line(ini, "theme") > 0;
		config_ini_free(ini);
		int rc;
		diag_init(&d);
		if (is_theme) {
			static theme t;
			rc = theme_load(paths[i], &t, &d);
		} else {
			/* each file on its own: no [gpu.ID] left over from the last */
			static scenario s;
			catalog_reset_user();
			static diag ud;
			diag_init(&ud);
			(void)config_load_user_catalog(&ud);   /* checked at startup */
			scenario_defaults(&s);
			rc = config_load_preset(paths[i], &s, &d);
		}
		if (rc != 0) {
			bad++;
			diag_print(&d, err);
		}
	}
	return bad;
}
