/* paths.c — the search path of presets and themes, finding one by name or
 * path, and listing them with their descriptions. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/paths.h"
#include "params.h"

#ifndef INFERTUI_DATADIR
#define INFERTUI_DATADIR "/usr/local/share/infertui"
#endif
void config_user_dir(char *buf, size_t len, const char *kind)
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

/* When run from the build tree, the source tree's presets/ and themes/ come
 * last in the search path.  The build writes the source tree's path into
 * src/infertui-srcdir next to the program (never installed), so that no
 * build path is compiled into the binary: an installed copy finds no such
 * file beside it and searches only the user's and the installed dirs. */
static bool source_tree(char *srcdir, size_t len)
{
	char exe[PATH_MAX], marker[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	snprintf(marker, sizeof marker, "%s/infertui-srcdir", exe);
	FILE *f = fopen(marker, "r");
	if (!f)
		return false;
	bool ok = fgets(srcdir, (int)len, f) != NULL;
	fclose(f);
	if (!ok)
		return false;
	srcdir[strcspn(srcdir, "\n")] = '\0';
	return srcdir[0] == '/';
}

int config_search_dirs(const char *kind, char dirs[3][PATH_MAX])
{
	int n = 0;
	char src[PATH_MAX - 16];
	config_user_dir(dirs[n++], PATH_MAX, kind);
	snprintf(dirs[n++], PATH_MAX, "%s/%s", INFERTUI_DATADIR, kind);
	if (source_tree(src, sizeof src))
		snprintf(dirs[n++], PATH_MAX, "%s/%s", src, kind);
	return n;
}

static bool paths_in_user_dir(const char *path, const char *user_dir)
{
	size_t n = strlen(user_dir);
	return strncmp(path, user_dir, n) == 0 && path[n] == '/';
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "none found in A, B, C": where a search for kind looked */
static void where_text(const char *kind, char *buf, size_t len)
{
	char dirs[3][PATH_MAX];
	int nd = config_search_dirs(kind, dirs);
	size_t o = (size_t)snprintf(buf, len, "none found in");
	for (int i = 0; i < nd && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s %s", i ? "," : "", dirs[i]);
}

void config_list_none(const char *kind, FILE *out)
{
	char where[3 * PATH_MAX + 32];
	where_text(kind, where, sizeof where);
	fprintf(out, "infertui: no %s: %s\n", kind, where);
}

/* Names (without .ini) found in the search path, sorted, first wins;
 * shadows[i] (when not NULL): the user's copy hides a shipped one. */
static size_t collect_names(const char *kind, char **names, char **paths, size_t max,
                            bool *shadows)
{
	char dirs[3][PATH_MAX];
	int nd = config_search_dirs(kind, dirs);
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
				if (strcmp(names[k], nm) == 0) {
					dup = true;
					if (shadows && i > 0 && paths_in_user_dir(paths[k], dirs[0]))
						shadows[k] = true;
				}
			if (dup)
				continue;
			if (shadows)
				shadows[n] = false;
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
			if (shadows) {
				bool b = shadows[j]; shadows[j] = shadows[j - 1]; shadows[j - 1] = b;
			}
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
	int nd = config_search_dirs(kind, dirs);
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
	size_t n = collect_names(kind, names, paths, 128, NULL);
	char allowed[DIAG_LEN / 2];
	diag_list((const char *const *)names, n, allowed, sizeof allowed);
	const char *near = params_nearest(name, (const char *const *)names, n);
	const char *what = strcmp(kind, "themes") == 0 ? "theme" : "preset";
	if (near)
		diag_add(d, "unknown %s '%.60s', did you mean '%s'? (allowed: %s)", what, name,
		         near, allowed);
	else if (n)
		diag_add(d, "unknown %s '%.60s' (allowed: %s)", what, name, allowed);
	else {
		char where[3 * PATH_MAX + 32];
		where_text(kind, where, sizeof where);
		diag_add(d, "unknown %s '%.60s' (allowed: %s)", what, name, where);
	}
	for (size_t i = 0; i < n; i++) {
		free(names[i]);
		free(paths[i]);
	}
	return -1;
}

size_t config_list(const char *kind, FILE *out)
{
	char *names[128], *paths[128];
	bool shadows[128];
	size_t n = collect_names(kind, names, paths, 128, shadows);
	const char *sec = strcmp(kind, "themes") == 0 ? "theme" : "preset";
	for (size_t i = 0; i < n; i++) {
		static diag d;
		diag_init(&d);
		int nerr = 0;
		config_ini *ini = config_ini_read(paths[i], &d, &nerr);
		const char *desc = NULL;
		const config_entry *de = config_ini_find(ini, sec, "description");
		if (de)
			desc = de->value;
		/* a user copy that hides a shipped one says so */
		fprintf(out, "%-22s %s%s\n", names[i],
		        shadows[i] ? "[your copy, hides the shipped one] " : "",
		        nerr ? "(invalid: see --check)" : desc ? desc : "");
		config_ini_free(ini);
		free(names[i]);
		free(paths[i]);
	}
	return n;
}
