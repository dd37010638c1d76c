/* bench_model.c — full model_eval() calls per second on one core, for a
 * default-like scenario (Llama 3.1 8B on one H100 SXM, 500 in / 200 out,
 * paged KV, continuous batching), then for every shipped preset.  Prints
 * the median of 7 runs, timed in the thread's CPU time (the machine may be
 * shared).  Bars: >= 1,000,000 evaluations/s for the default-like scenario;
 * issue 14 asks >= 500,000 for apac-3region (model_eval includes
 * model_fleet and every option).  The presets are timed on one results
 * struct, as the explorer evaluates them: each search starts where the
 * previous evaluation's ended (results.search_hint); each line gives
 * model_eval (with the notes: the explorer's screen, the reports) and
 * model_eval_figures (without: what the search, the sweeps, the
 * sensitivity and the charts evaluate).
 * Built by `make bench`, not part of `make check`.
 * Instruction counts (stable on a shared machine):
 *   valgrind --tool=callgrind --toggle-collect=model_eval \
 *     tests/bench/bench_model 2000
 * counts the 7 x 2000 + 1 model_eval calls: divide "I refs" by 14001. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "config.h"
#include "params.h"
#include "model/model.h"
#include "model/fleet.h"
#include "../unit/model_fixtures.h"

#include "timing.h"

#define RUNS 7

/* median evaluations/s of eval (model_eval or model_eval_figures) on s,
 * varying the prompt length by up to 7 tokens so that nothing is hoisted
 * out of the loop */
static double eval_rate(void (*eval)(const scenario *, results *),
                        scenario *s, results *r, long n, double *sink)
{
	double rate[RUNS], in0 = s->input_tokens;

	for (int k = 0; k < RUNS; k++) {
		double t0 = now();
		for (long i = 0; i < n; i++) {
			s->input_tokens = in0 + (double)(i & 7);
			eval(s, r);
			*sink += r->tpot_s;
		}
		double dt = now() - t0;
		rate[k] = dt > 0 ? n / dt : 0;
	}
	s->input_tokens = in0;
	qsort(rate, RUNS, sizeof rate[0], cmp);
	return rate[RUNS / 2];
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* every shipped preset, in name order: one line each */
static void bench_presets(long n, double *sink)
{
	char dir[4096], path[8192], *names[64];
	int nn = 0;
	DIR *d;
	struct dirent *e;
	static scenario s;
	static results r;

	snprintf(dir, sizeof dir, "%s/presets", INFERTUI_SRCDIR);
	if (!(d = opendir(dir))) {
		printf("presets: cannot open %s\n", dir);
		return;
	}
	while ((e = readdir(d)) && nn < 64) {
		size_t len = strlen(e->d_name);
		if (len > 4 && !strcmp(e->d_name + len - 4, ".ini"))
			names[nn++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)nn, sizeof names[0], by_name);
	for (int i = 0; i < nn; i++) {
		diag dg;
		diag_init(&dg);
		scenario_defaults(&s);
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (config_load_preset(path, &s, &dg) != 0) {
			printf("preset %s: does not load\n", names[i]);
		} else {
			names[i][strlen(names[i]) - 4] = '\0';
			double full = eval_rate(model_eval, &s, &r, n, sink);
			double figs = eval_rate(model_eval_figures, &s, &r, n, sink);
			printf("preset %-22s median %9.0f evaluations/s, %9.0f "
			       "without notes\n", names[i], full, figs);
		}
		free(names[i]);
	}
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200000;
	if (n < 1)
		n = 1;
	static scenario s;
	static results r;
	fx_scenario(&s, fx_llama31_8b(), fx_h100_calibrated(), 1);
	s.request_overhead_s = 0.020;

	double rate[RUNS], sink = 0;
	for (int k = 0; k < RUNS; k++) {
		double t0 = now();
		for (long i = 0; i < n; i++) {
			/* vary an input so nothing is hoisted out of the loop */
			s.input_tokens = 500 + (double)(i & 7);
			model_eval(&s, &r);
			sink += r.tpot_s;
		}
		double dt = now() - t0;
		rate[k] = dt > 0 ? n / dt : 0;
	}
	qsort(rate, RUNS, sizeof rate[0], cmp);
	printf("model_eval: median %.0f evaluations/s over %d runs of %ld "
	       "(min %.0f, max %.0f)%s\n", rate[RUNS / 2], RUNS, n, rate[0],
	       rate[RUNS - 1], sink == 12345.678 ? "!" : "");

	/* the share of model_fleet (fleet.c): time it alone on a copy of
	 * model_eval's results, minus the copy.  (The copy already holds the
	 * fleet's notes; with room for more the fleet does the same work.) */
	static results r0;
	s.input_tokens = 500;
	model_eval(&s, &r0);
	double fleet_us[RUNS];
	long m = n / 4 > 0 ? n / 4 : 1;
	for (int k = 0; k < RUNS; k++) {
		double t0 = now();
		for (long i = 0; i < m; i++) {
			r = r0;
			model_fleet(&s, &r);
			sink += r.tpot_s;
		}
		double t1 = now();
		for (long i = 0; i < m; i++) {
			r = r0;
			r.batch += (int)(i & 1);
			sink += r.batch;
		}
		double t2 = now();
		fleet_us[k] = ((t1 - t0) - (t2 - t1)) / m * 1e6;
	}
	qsort(fleet_us, RUNS, sizeof fleet_us[0], cmp);
	double all_us = rate[RUNS / 2] > 0 ? 1e6 / rate[RUNS / 2] : 0;
	double own_us = all_us - fleet_us[RUNS / 2];
	printf("of which model_fleet: %.3f us; model_eval without it: %.3f us "
	       "(%.0f evaluations/s)%s\n", fleet_us[RUNS / 2], own_us,
	       own_us > 0 ? 1e6 / own_us : 0, sink == 12345.678 ? "!" : "");

	bench_presets(n / 4 > 0 ? n / 4 : 1, &sink);
	if (sink == 12345.678)
		printf("!\n");
	return 0;
}
