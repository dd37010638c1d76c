/* bench_config.c — CPU time to load preset files, median of 7 runs: a
 * 1 MB preset (a shipped one padded with comments to the size cap), 3,000
 * [region.NAME] sections in 44 KB, and 1 MB of distinct sections (refused
 * at the entry cap).  Loading is linear in the file: each should take well
 * under a second (the 1 MB preset a few milliseconds).
 * Built by `make bench`, not part of `make check`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "config.h"
#include "params.h"

#include "timing.h"

#define RUNS 7

/* median seconds to load path; *ok tells whether it loaded */
static double load_time(const char *path, int *ok)
{
	static scenario s;
	static diag d;
	double t[RUNS];
	for (int k = 0; k < RUNS; k++) {
		catalog_reset_user();
		scenario_defaults(&s);
		diag_init(&d);
		double t0 = now();
		*ok = config_load_preset(path, &s, &d) == 0;
		t[k] = now() - t0;
	}
	qsort(t, RUNS, sizeof t[0], cmp);
	return t[RUNS / 2];
}

static void report(const char *what, const char *path)
{
	FILE *f = fopen(path, "rb");
	long size = 0;
	if (f) {
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fclose(f);
	}
	int ok = 0;
	double t = load_time(path, &ok);
	printf("%-40s %8ld bytes  %8.2f ms  (%s)\n", what, size, t * 1e3,
	       ok ? "loaded" : "refused");
}

int main(void)
{
	char dir[] = "/tmp/bench_config.XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char p1[64], p2[64], p3[64];
	snprintf(p1, sizeof p1, "%s/big.ini", dir);
	snprintf(p2, sizeof p2, "%s/regions.ini", dir);
	snprintf(p3, sizeof p3, "%s/sections.ini", dir);

	/* 1. a whole saved preset, padded with comment lines to just under 1 MB */
	static scenario s;
	static diag d;
	diag_init(&d);
	scenario_defaults(&s);
	if (config_save_preset(p1, &s, "bench", &d) != 0)
		return 1;
	FILE *f = fopen(p1, "ab");
	long size = ftell(f);
	for (long i = 0; size < (1 << 20) - 100; i++)
		size += fprintf(f, "; comment line %ld, padding the file to the size cap\n", i);
	fclose(f);

	/* 2. 3,000 sections in 44 KB */
	f = fopen(p2, "wb");
	for (int i = 0; i < 3000; i++)
		fprintf(f, "[region.r%d]\n", i);
	fclose(f);

	/* 3. 1 MB of distinct sections */
	f = fopen(p3, "wb");
	size = 0;
	for (long i = 0; size < (1 << 20) - 100; i++)
		size += fprintf(f, "[s%ld]\n", i);
	fclose(f);

	report("1 MB preset (comments)", p1);
	report("3,000 [region.NAME] sections", p2);
	report("1 MB of distinct sections", p3);
	unlink(p1);
	unlink(p2);
	unlink(p3);
	rmdir(dir);
	return 0;
}
