/* cli.c — the answers' command-line modes: --optimize (with --search
 * KEY=VALUE), --sweep, --compare and --sensitivity.  main.c hands the
 * options over and calls answers_run() once the scenario is built. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers/answers.h"
#include "config.h"
#include "params.h"
#include "text.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

static int usage_error(const char *msg)
{
	fprintf(stderr, "infertui: %s\nTry 'infertui --help' for more information.\n", msg);
	return EXIT_USAGE;
}

void answers_request_init(answers_request *q)
{
	memset(q, 0, sizeof *q);
	search_opts_defaults(&q->search);
}

bool answers_requested(const answers_request *q)
{
	return q->optimize || q->sensitivity || q->compare || q->charts || q->sweep.n > 0 ||
	       q->n_search > 0;
}

int answers_option(answers_request *q, const char *name, const char *arg)
{
	char err[512];

	if (!strcmp(name, "optimize")) {
		q->optimize = true;
	} else if (!strcmp(name, "sensitivity")) {
		q->sensitivity = true;
	} else if (!strcmp(name, "charts")) {
		q->charts = true;
	} else if (!strcmp(name, "compare")) {
		q->compare = true;
	} else if (!strcmp(name, "search")) {
		q->n_search++;
		if (search_opts_set(&q->search, arg, err, sizeof err) != 0)
			return usage_error(err);
	} else if (!strcmp(name, "sweep")) {
		if (sweep_add(&q->sweep, arg, err, sizeof err) != 0)
			return usage_error(err);
	} else {
		return usage_error("unknown answers option");
	}
	return EXIT_OK;
}

/* One --compare argument: words separated by blanks; '.' is the scenario
 * of --preset/--set, a word with '=' a --set over what came before, any
 * other word (first only) a preset over the defaults. */
static int compare_scenario(const char *arg, const scenario *base, scenario *s,
                            diag *d)
{
	char buf[4096], path[4096];
	int n = 0;

	if (strlen(arg) >= sizeof buf) {
		diag_add(d, "--compare: scenario '%.40s...' is too long", arg);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", arg);
	*s = *base;
	for (char *w = strtok(buf, " \t"); w; w = strtok(NULL, " \t"), n++) {
		if (strchr(w, '=')) {
			if (config_apply_set(s, w, d) != 0)
				return -1;
		} else if (!strcmp(w, ".")) {
			if (n > 0) {
				diag_add(d, "--compare '%s': '.' (the base scenario) must "
				         "come first", arg);
				return -1;
			}
		} else {
			if (n > 0) {
				diag_add(d, "--compare '%s': the preset '%s' must come "
				         "first (then KEY=VALUE words)", arg, w);
				return -1;
			}
			scenario_defaults(s);
			if (config_find("presets", w, path, sizeof path, d) != 0 ||
			    config_load_preset(path, s, d) != 0)
				return -1;
		}
	}
	if (n == 0) {
		diag_add(d, "--compare: an empty scenario (use '.' for the base "
		         "scenario)");
		return -1;
	}
	return 0;
}

struct run_ctx {
	answers_request *q;
	const scenario *s;
	enum report_format f;
	int nargs;
	char **args;
};

/* the mode asked for, written to out; an exit status */
static int run_mode(FILE *out, void *ctx)
{
	struct run_ctx *x = ctx;
	answers_request *q = x->q;
	const scenario *s = x->s;
	enum report_format f = x->f;
	int nargs = x->nargs;
	char **args = x->args;
	char err[512];
	int rc = EXIT_OK;

	if (q->optimize) {
		search_result *r = malloc(sizeof *r);
		if (!r) {
			perror("infertui");
			return EXIT_RUNTIME;
		}
		if (search_run(s, &q->search, r, err, sizeof err) != 0) {
			free(r);
			return usage_error(err);
		}
		if (search_write(out, f, s, &q->search, r) != 0)
			rc = EXIT_RUNTIME;
		free(r);
	} else if (q->sweep.n > 0) {
		FILE *progress = isatty(STDERR_FILENO) ? stderr : NULL;
		if (sweep_write(out, f, s, &q->sweep, progress, err, sizeof err) != 0) {
			fprintf(stderr, "infertui: %s\n", err);
			rc = EXIT_RUNTIME;
		}
		sweep_free(&q->sweep);
	} else if (q->charts) {
		if (charts_write(out, f, s) != 0)
			rc = EXIT_RUNTIME;
	} else if (q->sensitivity) {
		if (sensitivity_write(out, f, s) != 0)
			rc = EXIT_RUNTIME;
	} else if (q->compare) {
		static scenario sc[8];
		const scenario *sp[8];
		char names[8][64];
		const char *np[8];
		diag d;
		if (nargs < 2 || nargs > 8)
			return usage_error("--compare needs 2 to 8 scenarios (each a "
			                   "preset, '.', and/or KEY=VALUE words)");
		diag_init(&d);
		for (int i = 0; i < nargs; i++) {
			if (compare_scenario(args[i], s, &sc[i], &d) != 0) {
				diag_print(&d, stderr);
				return EXIT_USAGE;
			}
			sp[i] = &sc[i];
			snprintf(names[i], sizeof names[i], "%s", !strcmp(args[i], ".") ?
			         "base" : args[i]);
			np[i] = names[i];
		}
		if (compare_write(out, f, nargs, sp, np) != 0)
			rc = EXIT_RUNTIME;
	}
	return rc;
}

int answers_run(answers_request *q, const scenario *s, enum report_format f,
                int nargs, char **args)
{
	char err[512];
	int modes = q->optimize + q->sensitivity + q->compare + q->charts +
	            (q->sweep.n > 0);
	int rc = EXIT_OK;

	if (modes > 1) {
		sweep_free(&q->sweep);
		return usage_error("--optimize, --sweep, --compare, --sensitivity "
		                   "and --charts are separate modes: give one");
	}
	if (q->n_search > 0 && !q->optimize) {
		sweep_free(&q->sweep);
		return usage_error("--search sets up --optimize: add --optimize");
	}
	if (nargs > 0 && !q->compare) {
		snprintf(err, sizeof err, "unexpected argument '%s'", args[0]);
		sweep_free(&q->sweep);
		return usage_error(err);
	}

	struct run_ctx x = { q, s, f, nargs, args };
	if (f == REPORT_MARKDOWN) {
		/* every '$' escaped on the way out */
		rc = text_md_escaped(stdout, run_mode, &x);
		if (rc < 0)
			rc = EXIT_RUNTIME;
	} else {
		rc = run_mode(stdout, &x);
	}
	if (rc == EXIT_OK && fflush(stdout) != 0)
		rc = EXIT_RUNTIME;
	if (rc == EXIT_RUNTIME)
		fputs("infertui: writing the answer failed\n", stderr);
	return rc;
}
