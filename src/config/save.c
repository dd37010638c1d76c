/* save.c — a scenario written as a complete, commented preset (every key,
 * the user catalog entries it uses, regions, options), saved atomically. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "config/preset.h"
#include "config/save.h"
#include "config/usercat.h"
#include "params.h"

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
	for (size_t m = 0; m < usercat_n_gpu_keys; m++) {
		const usercat_gpu_key *k = &usercat_gpu_keys[m];
		char v[128];
		tmp.compute = k->prec >= 0 ? k->prec : PREC_BF16;
		params_get_text(&tmp, params_find(k->param), v, sizeof v);
		fprintf(f, "%s = %s\n", k->key, v);
	}
}

static void put_user_entries(FILE *f, const scenario *s)
{
	const model_spec *m = catalog_model(s->model.id);
	if (m && usercat_is_user_model(m->id))
		put_user_model(f, m);
	const char *done[MAX_OPTIONS + 1];
	int nd = 0;
	for (int i = -1; i < s->n_options; i++) {
		const char *id = i < 0 ? s->gpu.id :
		                 (s->options[i].kind == OPT_INSTANCES || s->options[i].kind == OPT_SPOT ||
		                  s->options[i].kind == OPT_OWNED) ? s->options[i].gpu.id : "";
		bool seen = false;
		for (int k = 0; k < nd; k++)
			seen |= strcmp(done[k], id) == 0;
		const gpu_spec *g = seen ? NULL : catalog_gpu(id);
		if (g && usercat_is_user_gpu(g->id)) {
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
		config_lower(sec);
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
		fprintf(f, "# electricity, $/kWh: 0 = own.usd_per_kwh\n");
		put_num(f, "usd_per_kwh", s->regions[r].usd_per_kwh, 1);
	}
	for (int i = 0; i < s->n_options; i++) {
		const option *o = &s->options[i];
		fprintf(f, "\n[option.%s]\n", o->name);
		fprintf(f, "kind = %s\n", preset_kind_name(o->kind));
		put_string(f, "label", o->label);
		if (o->kind == OPT_API) {
			put_num(f, "api_input_per_m", o->api_input_per_token, 1e-6);
			put_num(f, "api_output_per_m", o->api_output_per_token, 1e-6);
			continue;
		}
		if (o->kind == OPT_HYBRID) {
			fprintf(f, "base = %s\nburst = %s\n", o->base, o->burst);
			if (o->base_share >= 0)
				put_num(f, "base_share", o->base_share, 1);
			continue;
		}
		if (o->kind == OPT_OWNED) {
			const struct { const char *k; double v; } ov[] = {
				{ "purchase_usd", o->own.purchase_usd },
				{ "depreciation_months", o->own.depreciation_months },
				{ "residual", o->own.residual },
				{ "cost_of_capital", o->own.cost_of_capital },
				{ "idle_fraction", o->own.idle_fraction },
				{ "pue", o->own.pue },
				{ "usd_per_kwh", o->own.usd_per_kwh },
				{ "colo_usd_per_kw_month", o->own.colo_usd_per_kw_month },
				{ "ops_usd_per_server_month", o->own.ops_usd_per_server_month },
				{ "lead_months", o->own.lead_months },
			};
			fprintf(f, "accelerator = %s\n# 0 = sized from demand\n"
			           "servers_per_region = %d\n", o->gpu.id, o->instances_per_region);
			fprintf(f, "# 0 = the smallest that fits in one server\n"
			           "gpus_per_replica = %d\n", o->gpus_per_replica);
			for (size_t k = 0; k < sizeof ov / sizeof ov[0]; k++)
				if (ov[k].v >= 0)
					put_num(f, ov[k].k, ov[k].v, 1);
			continue;
		}
		if (o->kind == OPT_SPOT) {
			if (o->spot_discount >= 0)
				put_num(f, "spot_discount", o->spot_discount, 1);
			if (o->interruptions_per_month >= 0)
				put_num(f, "interruptions_per_month", o->interruptions_per_month, 1);
			if (o->recovery_h >= 0)
				put_num(f, "recovery_h", o->recovery_h, 1);
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

/* Remove temporary files of an earlier save of the same file that was killed
 * (".BASE.XXXXXX", ours, a regular file, untouched for a minute). */
static void sweep_stale(const char *dir, const char *base)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	size_t bl = strlen(base);
	time_t now = time(NULL);
	struct dirent *de;
	while ((de = readdir(dp))) {
		const char *n = de->d_name;
		if (n[0] != '.' || strncmp(n + 1, base, bl) != 0 || n[bl + 1] != '.' ||
		    strlen(n + bl + 2) != 6)
			continue;
		bool rnd = true;
		for (const char *c = n + bl + 2; *c; c++)
			rnd &= isalnum((unsigned char)*c) != 0;
		struct stat st;
		if (!rnd || fstatat(dirfd(dp), n, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode) || st.st_uid != geteuid() || now - st.st_mtime < 60)
			continue;
		(void)unlinkat(dirfd(dp), n, 0);
	}
	closedir(dp);
}

int config_save_preset(const char *path, const scenario *s, const char *description,
                       diag *d)
{
	return config_save_preset_as(path, s, description, false, d);
}

bool config_save_read_only(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	return access(path, W_OK) != 0 || (st.st_mode & 0222) == 0;
}

int config_save_preset_as(const char *path, const scenario *s, const char *description,
                          bool force, diag *d)
{
	/* the mode (and owner) of the file it replaces; a new file gets the
	 * umask's */
	mode_t um = umask(0);
	umask(um);
	mode_t mode = 0666 & ~um;
	struct stat old;
	bool exists = stat(path, &old) == 0 && S_ISREG(old.st_mode);
	if (exists) {
		mode = old.st_mode & 07777;
		if (!force && config_save_read_only(path)) {
			diag_add(d, "%s: cannot save: the file is read-only (allowed: a file you "
			         "can write, another name, or --force to replace it; the old "
			         "file is unchanged)", path);
			return -1;
		}
	}
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
	if (!strcmp(path, "-")) {   /* --save-preset -: standard output */
		size_t w = fwrite(buf, 1, len, stdout);
		free(buf);
		if (w != len || fflush(stdout) != 0) {
			diag_add(d, "standard output: cannot write the preset: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	char dir[PATH_MAX], base[NAME_MAX + 1];
	{
		char t1[PATH_MAX], t2[PATH_MAX];
		snprintf(t1, sizeof t1, "%s", path);
		snprintf(t2, sizeof t2, "%s", path);
		snprintf(dir, sizeof dir, "%s", dirname(t1));
		snprintf(base, sizeof base, "%s", basename(t2));
	}
	sweep_stale(dir, base);
	char tmp[PATH_MAX + NAME_MAX + 16];
	snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, base);
	/* a signal that would end the program waits until the temporary file
	 * is renamed or removed */
	sigset_t stop, was;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	sigaddset(&stop, SIGQUIT);
	sigprocmask(SIG_BLOCK, &stop, &was);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		sigprocmask(SIG_SETMASK, &was, NULL);
		diag_add(d, "%s: cannot save: cannot create a temporary file in %s: %s "
		         "(the old file is unchanged)", path, dir, strerror(e));
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
	if (!err && exists && (old.st_uid != geteuid() || old.st_gid != getegid()) &&
	    fchown(fd, old.st_uid, old.st_gid) != 0) {
		/* not allowed (not root): the file becomes ours, as with any editor */
	}
	if (!err && fchmod(fd, mode) != 0)
		err = errno;
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err)
		unlink(tmp);
	sigprocmask(SIG_SETMASK, &was, NULL);
	if (err) {
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
