/* main.c — options → mode.  Everything else lives in the modules. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers/answers.h"
#include "catalog.h"
#include "check.h"
#include "config.h"
#include "model/model.h"
#include "params.h"
#include "report.h"
#include "scenario.h"
#include "theme.h"
#include "tui/tui.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

enum exit_code { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

enum {
	OPT_LIST_PRESETS = 256, OPT_LIST_GPUS, OPT_LIST_MODELS, OPT_LIST_THEMES,
	OPT_LIST_KEYS, OPT_CHECK, OPT_SAVE_PRESET, OPT_FORCE,
	OPT_ANSWERS,   /* --optimize ... --sensitivity: answers/cli.c */
};

static const struct option long_options[] = {
	{ "preset",       required_argument, NULL, 'p' },
	{ "set",          required_argument, NULL, 's' },
	{ "report",       no_argument,       NULL, 'r' },
	{ "format",       required_argument, NULL, 'f' },
	{ "theme",        required_argument, NULL, 't' },
	{ "save-preset",  required_argument, NULL, OPT_SAVE_PRESET },
	{ "force",        no_argument,       NULL, OPT_FORCE },
	{ "check",        no_argument,       NULL, OPT_CHECK },
	{ "list-presets", no_argument,       NULL, OPT_LIST_PRESETS },
	{ "list-gpus",    no_argument,       NULL, OPT_LIST_GPUS },
	{ "list-models",  no_argument,       NULL, OPT_LIST_MODELS },
	{ "list-themes",  no_argument,       NULL, OPT_LIST_THEMES },
	{ "list-keys",    no_argument,       NULL, OPT_LIST_KEYS },
	{ "optimize",     no_argument,       NULL, OPT_ANSWERS },
	{ "search",       required_argument, NULL, OPT_ANSWERS },
	{ "sweep",        required_argument, NULL, OPT_ANSWERS },
	{ "compare",      no_argument,       NULL, OPT_ANSWERS },
	{ "sensitivity",  no_argument,       NULL, OPT_ANSWERS },
	{ "charts",       no_argument,       NULL, OPT_ANSWERS },
	{ "help",         no_argument,       NULL, 'h' },
	{ "version",      no_argument,       NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *out)
{
	fputs(
"Usage: infertui [OPTION]...\n"
"       infertui --report [--format FORMAT] [OPTION]...\n"
"       infertui --check FILE...\n"
"Explore what it costs to serve a large language model: move the sliders\n"
"(model, precision, GPU, batch, traffic, regions, prices) and watch cost,\n"
"latency and memory fit recompute.\n"
"\n"
"  -p, --preset NAME|FILE   start from a preset (a name is searched in\n"
"                           ~/.config/infertui/presets and the installed\n"
"                           presets; anything with a '/' or '.ini' is a file)\n"
"  -s, --set KEY=VALUE      override one input, e.g. --set serving.max_batch=64\n"
"                           (repeatable; applied after the preset, in order)\n"
"  -r, --report             compute once, print a report and exit\n"
"  -f, --format FORMAT      report format: text (default), json, markdown, csv\n"
"  -t, --theme NAME         colour theme of the explorer\n"
"      --save-preset FILE   write the scenario as a preset file and exit\n"
"                           ('-': to standard output)\n"
"      --force              with --save-preset: replace a read-only FILE\n"
"                           (its mode is kept)\n"
"      --optimize           search for the cheapest configurations that meet\n"
"                           the SLOs and the availability target\n"
"      --search KEY=VALUE   set up --optimize (repeatable): accelerators,\n"
"                           gpus_per_replica, weights, kv_cache, batching,\n"
"                           max_batch, speculative, instances, spares,\n"
"                           max_gpus, max_usd_month, region, objective, top\n"
"      --sweep KEY=V1,V2,...|KEY=FROM:TO:STEP\n"
"                           one row per scenario of the grid (repeatable):\n"
"                           every input and headline figure, as CSV (text\n"
"                           or csv), JSON Lines (json) or Markdown\n"
"      --compare SCENARIO...  side by side, changes against the first; each\n"
"                           SCENARIO is '.', a preset, and/or KEY=VALUE words\n"
"      --sensitivity        rank the inputs by how far +-10% moves the cost\n"
"      --charts             the explorer's charts as tables: the frontier,\n"
"                           $/month against volume, the roofline\n"
"      --check              validate the preset and theme FILEs given as\n"
"                           arguments, print every problem, exit 0 or 2\n"
"      --list-presets       list presets with their descriptions\n"
"      --list-gpus          list the accelerators of the catalog\n"
"      --list-models        list the models of the catalog\n"
"      --list-themes        list themes with their descriptions\n"
"      --list-keys          list every input key with its unit, range and default\n"
"  -h, --help               show this help and exit\n"
"  -V, --version            show the version and exit\n"
"\n"
"--report, --save-preset, --check, --optimize, --sweep, --compare,\n"
"--sensitivity and the --list options are modes: give at most one (--sweep\n"
"and --search may repeat).  --preset, --format, --theme and --save-preset\n"
"are given at most once; --set as often as needed.\n"
"\n"
"Exit status: 0 ok, 1 runtime failure, 2 usage error or invalid input.\n"
"See infertui(1), infertui.ini(5) and infertui-model(7).\n", out);
}

static theme checked_theme;      /* --theme, read before the screen starts */

/* where presets and themes are looked for, as --help prints it */
static void search_path(FILE *out)
{
	static const char *const kinds[] = { "presets", "themes" };
	fputs("\nPresets and themes are looked for, in this order, in:\n", out);
	for (size_t k = 0; k < 2; k++) {
		char dirs[3][PATH_MAX];
		int n = config_search_dirs(kinds[k], dirs);
		for (int i = 0; i < n; i++)
			fprintf(out, "  %s%s\n", dirs[i],
			        i == 0 ? "  ($XDG_CONFIG_HOME, else ~/.config)" :
			        i == 2 ? "  (the source tree: run from the build tree)" : "");
	}
}

static void version(FILE *out)
{
	fputs("infertui " PACKAGE_VERSION "\n"
	      "Copyright (C) 2026 The infertui authors.\n"
	      "License MIT: <https://opensource.org/license/mit>.\n"
	      "This is free software: you are free to change and redistribute it.\n"
	      "There is NO WARRANTY, to the extent permitted by law.\n", out);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("infertui: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'infertui --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

/* The option as the user typed it: "--preset" for --preset or --preset=X
 * (getopt_long reports a missing argument of --preset as 'p'), else "-p". */
static const char *typed_option(char *const *argv, int optind_, int opt,
                                char *buf, size_t len)
{
	const char *a = optind_ > 0 ? argv[optind_ - 1] : "";
	if (!strncmp(a, "--", 2))
		snprintf(buf, len, "%.*s", (int)strcspn(a, "="), a);
	else
		snprintf(buf, len, "-%c", opt);
	return buf;
}

/* the --list-* option by its value */
static const char *list_name(int val)
{
	switch (val) {
	case OPT_LIST_PRESETS: return "--list-presets";
	case OPT_LIST_GPUS: return "--list-gpus";
	case OPT_LIST_MODELS: return "--list-models";
	case OPT_LIST_THEMES: return "--list-themes";
	default: return "--list-keys";
	}
}

/* What a run does: the explorer, or one of the modes below.  At most one
 * mode, and each single-valued option at most once: a second is an error
 * naming both (no silent "last one wins").  A new mode is one more entry
 * here and one more case in main's switch. */
enum run_mode {
	RUN_EXPLORER, RUN_CHECK, RUN_REPORT, RUN_SAVE, RUN_LIST, RUN_ANSWERS,
};

/* the answers options that are modes (--search only sets up --optimize) */
static const char *answers_mode_name(const char *name)
{
	static const char *const modes[] = { "--optimize", "--sweep", "--compare",
	                                     "--sensitivity" };
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
		if (!strcmp(modes[i] + 2, name))
			return modes[i];
	return NULL;
}

static int set_once(const char **slot, const char *value, const char *opt)
{
	if (*slot) {
		char m[256];
		snprintf(m, sizeof m, "%s given twice ('%.80s' and '%.80s'): give it once",
		         opt, *slot, value);
		return usage_error("%s", m);
	}
	*slot = value;
	return 0;
}

static int set_mode(enum run_mode *mode, const char **mode_opt,
                    enum run_mode m, const char *opt)
{
	if (*mode != RUN_EXPLORER && (*mode != m || strcmp(*mode_opt, opt) != 0)) {
		char msg[160];
		snprintf(msg, sizeof msg, "%s and %s cannot be combined: give one of them",
		         *mode_opt, opt);
		return usage_error("%s", msg);
	}
	*mode = m;
	*mode_opt = opt;
	return 0;
}

static void list_gpus(FILE *out)
{
	char mem[48];
	fprintf(out, "%-14s %-34s %-18s %8s %9s %8s\n", "ID", "NAME", "MEMORY",
	        "BW TB/s", "BF16 TF", "$/h");
	for (size_t i = 0; i < catalog_gpu_count(); i++) {
		const gpu_spec *g = catalog_gpu_at(i);
		double tf = g->flops[PREC_BF16] > 0 ? g->flops[PREC_BF16] : g->flops[PREC_FP16];
		fprintf(out, "%-14s %-34s %-18s %8.3f %9.1f %8.3f\n", g->id, g->label,
		        catalog_fmt_memory(mem, sizeof mem, g->mem_bytes),
		        g->bandwidth / 1e12, tf / 1e12, g->usd_per_hour);
	}
	fputs("\nGB is 10^9 bytes here and everywhere in infertui (hardware.memory_gb "
	      "included);\nGiB (2^30) is shown beside it where the part is sold by "
	      "GiB.\n", out);
}

static void list_models(FILE *out)
{
	fprintf(out, "%-16s %-28s %8s %7s %6s %6s %8s %8s\n", "ID", "NAME",
	        "PARAMS B", "ACTIVE", "LAYERS", "KV H", "KV KiB", "CONTEXT");
	for (size_t i = 0; i < catalog_model_count(); i++) {
		const model_spec *m = catalog_model_at(i);
		model_params p;
		model_count_params(m, &p);
		/* KV bytes per token at 16 bit, from the same formula the model uses */
		scenario s;
		scenario_defaults(&s);
		s.model = *m;
		s.kv_cache = PREC_BF16;
		fprintf(out, "%-16s %-28s %8.2f %7.2f %6d %6d %8.1f %8d\n", m->id,
		        m->label, p.total / 1e9, p.active / 1e9, m->layers,
		        m->mla_latent ? 0 : m->kv_heads,
		        model_kv_bytes_per_token(&s) / 1024.0, m->max_context);
	}
}

static void list_keys(FILE *out)
{
	scenario s;
	scenario_defaults(&s);
	for (size_t i = 0; i < params_count(); i++) {
		const param *p = params_at(i);
		char val[128];
		params_get_text(&s, p, val, sizeof val);
		if (p->type == PT_CHOICE || p->type == PT_MODEL || p->type == PT_GPU ||
		    p->type == PT_BOOL) {
			fprintf(out, "%-32s %-8s %s\n", p->key, "", val);
		} else {
			fprintf(out, "%-32s %-8s %s  (%g to %g)\n", p->key, p->unit, val,
			        p->min, p->max);
		}
	}
}

int main(int argc, char **argv)
{
	const char *preset = NULL, *theme = NULL, *save_path = NULL;
	const char *format = NULL;
	enum run_mode mode = RUN_EXPLORER;
	const char *mode_opt = NULL;
	int list = 0;
	const char **sets = calloc((size_t)argc + 1, sizeof *sets);
	int n_sets = 0;
	int c, bad = 0, opt_index = 0;
	bool force = false;
	char optbuf[64];
	answers_request aq;

	if (!sets) {
		perror("infertui");
		return EXIT_RUNTIME;
	}
	opterr = 0;
	answers_request_init(&aq);
	while (!bad && (c = getopt_long(argc, argv, ":p:s:rf:t:hV", long_options, &opt_index)) != -1) {
		switch (c) {
		case 'p': bad = set_once(&preset, optarg, "--preset"); break;
		case 's': sets[n_sets++] = optarg; break;
		case 'r': bad = set_mode(&mode, &mode_opt, RUN_REPORT, "--report"); break;
		case 'f': bad = set_once(&format, optarg, "--format"); break;
		case 't': bad = set_once(&theme, optarg, "--theme"); break;
		case OPT_SAVE_PRESET:
			bad = set_mode(&mode, &mode_opt, RUN_SAVE, "--save-preset");
			if (!bad)
				bad = set_once(&save_path, optarg, "--save-preset");
			break;
		case OPT_CHECK: bad = set_mode(&mode, &mode_opt, RUN_CHECK, "--check"); break;
		case OPT_FORCE: force = true; break;
		case OPT_ANSWERS: {
			const char *m = answers_mode_name(long_options[opt_index].name);
			if (m)
				bad = set_mode(&mode, &mode_opt, RUN_ANSWERS, m);
			if (!bad && answers_option(&aq, long_options[opt_index].name, optarg) != 0)
				bad = EXIT_USAGE;
			break;
		}
		case OPT_LIST_PRESETS: case OPT_LIST_GPUS: case OPT_LIST_MODELS:
		case OPT_LIST_THEMES: case OPT_LIST_KEYS:
			bad = set_mode(&mode, &mode_opt, RUN_LIST, list_name(c));
			list = c;
			break;
		case 'h': usage(stdout); search_path(stdout); free(sets); return EXIT_OK;
		case 'V': version(stdout); free(sets); return EXIT_OK;
		case ':':
			bad = usage_error("option '%s' needs an argument",
			                  typed_option(argv, optind, optopt, optbuf, sizeof optbuf));
			break;
		default:
			if (optopt)
				bad = usage_error("unknown option '-%s'", (char[]){ (char)optopt, 0 });
			else
				bad = usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (bad) {
		free(sets);
		return bad;
	}

	if (force && !save_path) {
		free(sets);
		return usage_error("%s", "--force applies to --save-preset only");
	}
	if (mode == RUN_CHECK) {
		free(sets);
		if (preset || n_sets || format || theme)
			return usage_error("%s", "--check takes FILEs only (no --preset, --set, "
			                   "--format or --theme)");
		if (optind >= argc)
			return usage_error("%s", "--check needs one or more FILEs");
		return config_check_files(argc - optind, argv + optind, stderr) ? EXIT_USAGE : EXIT_OK;
	}
	if (optind < argc && !aq.compare) {
		free(sets);
		return usage_error("unexpected argument '%s'", argv[optind]);
	}
	if (!format)
		format = "text";
	bool report = mode == RUN_REPORT;

	enum report_format rf;
	if (!strcmp(format, "text")) rf = REPORT_TEXT;
	else if (!strcmp(format, "json")) rf = REPORT_JSON;
	else if (!strcmp(format, "markdown")) rf = REPORT_MARKDOWN;
	else if (!strcmp(format, "csv")) rf = REPORT_CSV;
	else {
		free(sets);
		return usage_error("--format: unknown format '%s' (allowed: text, json, markdown, csv)", format);
	}

	diag d;
	diag_init(&d);
	/* the user's own catalog entries come first: presets may name them */
	if (config_load_user_catalog(&d) != 0) {
		diag_print(&d, stderr);
		free(sets);
		return EXIT_USAGE;
	}

	switch (list) {
	case OPT_LIST_PRESETS:
	case OPT_LIST_THEMES: {
		const char *kind = list == OPT_LIST_PRESETS ? "presets" : "themes";
		if (config_list(kind, stdout) == 0)
			config_list_none(kind, stderr);    /* say where it looked */
		free(sets);
		return EXIT_OK;
	}
	case OPT_LIST_GPUS:    list_gpus(stdout); free(sets); return EXIT_OK;
	case OPT_LIST_MODELS:  list_models(stdout); free(sets); return EXIT_OK;
	case OPT_LIST_KEYS:    list_keys(stdout); free(sets); return EXIT_OK;
	default: break;
	}

	static scenario s;   /* large: keep it off the stack */
	static char path[4096], tpath[4096];
	scenario_defaults(&s);
	if (preset) {
		if (config_find("presets", preset, path, sizeof path, &d) != 0 ||
		    config_load_preset(path, &s, &d) != 0) {
			diag_print(&d, stderr);
			free(sets);
			return EXIT_USAGE;
		}
	}
	/* all of them, then the checks across keys (shares summing to 1) */
	if (config_apply_sets(&s, sets, n_sets, &d) != 0) {
		diag_print(&d, stderr);
		free(sets);
		return EXIT_USAGE;
	}
	free(sets);

	if (save_path) {
		if (config_save_preset_as(save_path, &s, s.description, force, &d) != 0) {
			diag_print(&d, stderr);
			return EXIT_RUNTIME;
		}
		return EXIT_OK;
	}

	if (answers_requested(&aq))
		return answers_run(&aq, &s, rf, argc - optind, argv + optind);

	if (report) {
		static results r;
		model_eval(&s, &r);
		int wrc = rf == REPORT_MARKDOWN ? report_write_with_charts(stdout, &s, &r) :
		          report_write(stdout, rf, &s, &r);
		if (wrc != 0 || fflush(stdout) != 0) {
			fprintf(stderr, "infertui: writing the report: %s\n", strerror(errno));
			return EXIT_RUNTIME;
		}
		return EXIT_OK;
	}

	/* the explorer: validate the theme before the screen starts */
	const char *tname = theme ? theme : (s.ui_theme[0] ? s.ui_theme : NULL);
	if (tname && config_find("themes", tname, tpath, sizeof tpath, &d) != 0) {
		diag_print(&d, stderr);
		return EXIT_USAGE;
	}
	/* the theme is read here, so that a bad one is refused with its
	 * messages (a --theme PATH outside the search path included) */
	if (tname && theme_load(tpath, &checked_theme, &d) != 0) {
		diag_print(&d, stderr);
		return EXIT_USAGE;
	}
	if (tname && strlen(tname) >= 64) {     /* UI_NAME_LEN: the explorer's list */
		fprintf(stderr, "infertui: --theme %.60s...: name or path too long (allowed: "
		        "at most 63 characters)\n", tname);
		return EXIT_USAGE;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("infertui: the explorer needs a terminal on stdin and stdout;\n"
		      "infertui: for a printed report use: infertui --report [--format text|json|markdown|csv]\n",
		      stderr);
		return EXIT_RUNTIME;
	}
	tui_options opt = { .preset_path = preset ? path : NULL, .theme_name = tname };
	return tui_run(&s, &opt);
}
