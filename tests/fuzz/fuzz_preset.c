/* fuzz_preset.c — a mutational fuzz driver for the preset and theme loaders.
 *
 * Seeds: the shipped presets and themes and the tests/config corpus.  Each
 * round takes one seed, applies 1 to 8 mutations (bit flips, bytes the INI
 * grammar cares about, cut/duplicated/spliced lines, long runs), writes the
 * result to a temporary file and loads it in-process, as a preset and as a
 * theme.  It must not crash (make check also runs it under ASan/UBSan in
 * CI), and the loader's promises must hold: a refused file says why and
 * leaves the scenario untouched; a loaded one saves and loads back.
 *
 * usage: fuzz_preset [ROUNDS [SEED]]   (default 2000 rounds, seed 1; the
 * rounds are the same for the same seed).  Prints the counts.  Needs
 * $top_srcdir (the test harness exports it). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "config.h"
#include "params.h"
#include "theme.h"

#define MAX_SEEDS 512
#define MAX_LEN (64 * 1024)

typedef struct { char *data; size_t len; } blob;

static blob seeds[MAX_SEEDS];
static size_t n_seeds;
static uint64_t rng;

static uint64_t next(void)     /* xorshift64* */
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717u;
}

static size_t below(size_t n) { return n ? (size_t)(next() % n) : 0; }

static void add_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	struct dirent *de;
	while ((de = readdir(dp)) && n_seeds < MAX_SEEDS) {
		size_t l = strlen(de->d_name);
		if (l < 5 || strcmp(de->d_name + l - 4, ".ini") != 0)
			continue;
		char p[1024];
		snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
		FILE *f = fopen(p, "rb");
		if (!f)
			continue;
		char *b = malloc(MAX_LEN);
		size_t n = fread(b, 1, MAX_LEN, f);
		fclose(f);
		seeds[n_seeds++] = (blob){ b, n };
	}
	closedir(dp);
}

static int by_text(const void *a, const void *b)
{
	const blob *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->data, y->data, n);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* bytes the scanner and iniparser treat specially */
static const char special[] = "[]=;#\"'\\.:_-\n\r\t \x1b\x7f\xc2\x80\xed\xa0\xf4\x90\xef\xbb\xbf\xff";

static size_t mutate(char *b, size_t len)
{
	int n = below(2) ? 1 : 1 + (int)below(8);     /* often one: more files load */
	for (int k = 0; k < n; k++) {
		size_t at = below(len + 1);
		switch (below(9)) {
		case 0:                                 /* flip a bit */
			if (len)
				b[below(len)] ^= (char)(1u << below(8));
			break;
		case 1:                                 /* a special byte */
			if (len)
				b[below(len)] = special[below(sizeof special - 1)];
			break;
		case 2:                                 /* insert special bytes */
			for (size_t r = 1 + below(4); r-- && len < MAX_LEN;) {
				memmove(b + at + 1, b + at, len - at);
				b[at] = special[below(sizeof special - 1)];
				len++;
			}
			break;
		case 3: {                               /* delete a range */
			size_t l = below(len - at + 1);
			l = l > 64 ? below(64) : l;
			memmove(b + at, b + at + l, len - at - l);
			len -= l;
			break;
		}
		case 4: {                               /* duplicate a range */
			size_t l = below(len - at + 1);
			l = l > 200 ? below(200) : l;
			if (len + l <= MAX_LEN) {
				memmove(b + at + l, b + at, len - at);
				len += l;
			}
			break;
		}
		case 5: {                               /* splice in another seed */
			const blob *o = &seeds[below(n_seeds)];
			size_t from = below(o->len), l = below(o->len - from + 1);
			l = l > 300 ? below(300) : l;
			if (len + l <= MAX_LEN) {
				memmove(b + at + l, b + at, len - at);
				memcpy(b + at, o->data + from, l);
				len += l;
			}
			break;
		}
		case 6: {                               /* a long run */
			size_t l = 1 + below(1200);
			char c = "a0.=[;\" "[below(8)];
			if (len + l <= MAX_LEN) {
				memmove(b + at + l, b + at, len - at);
				memset(b + at, c, l);
				len += l;
			}
			break;
		}
		case 7:                                 /* truncate */
			len = at;
			break;
		default: {                              /* a digit or sign changed */
			if (!len)
				break;
			size_t i = below(len);
			b[i] = "0123456789-+eE."[below(15)];
			break;
		}
		}
	}
	return len;
}

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 2000;
	rng = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
	if (!rng)
		rng = 1;
	const char *top = getenv("top_srcdir");
	if (!top || chdir(top) != 0) {
		fprintf(stderr, "fuzz_preset: set top_srcdir to the source tree\n");
		return 1;
	}
	add_dir("presets");
	add_dir("themes");
	add_dir("tests/config/good");
	add_dir("tests/config/bad");
	if (n_seeds < 10) {
		fprintf(stderr, "fuzz_preset: only %zu seed files found\n", n_seeds);
		return 1;
	}
	qsort(seeds, n_seeds, sizeof seeds[0], by_text);  /* same order everywhere */
	unsetenv("XDG_CONFIG_HOME");
	/* tmpfs where there is one: each save fsyncs */
	char dir[64];
	snprintf(dir, sizeof dir, "%s/fuzz_preset.XXXXXX",
	         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	char in[96], out[96];
	snprintf(in, sizeof in, "%s/in.ini", dir);
	snprintf(out, sizeof out, "%s/out.ini", dir);

	static char buf[MAX_LEN];
	static scenario s, before, back;
	static diag d;
	static theme t;
	long loaded = 0, refused = 0, themes_ok = 0, bad = 0;
	for (long r = 0; r < rounds; r++) {
		const blob *sd = &seeds[below(n_seeds)];
		memcpy(buf, sd->data, sd->len);
		size_t len = mutate(buf, sd->len);
		FILE *f = fopen(in, "wb");
		if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
			fprintf(stderr, "fuzz_preset: cannot write %s\n", in);
			return 1;
		}
		catalog_reset_user();
		scenario_defaults(&s);
		before = s;
		diag_init(&d);
		if (config_load_preset(in, &s, &d) == 0) {
			loaded++;
			/* what loaded saves, and what is saved loads back */
			diag_init(&d);
			scenario_defaults(&back);
			if (config_save_preset(out, &s, s.description, &d) != 0 ||
			    config_load_preset(out, &back, &d) != 0) {
				fprintf(stderr, "fuzz_preset: round %ld: a loaded preset does not "
				        "save and load back:\n", r);
				diag_print(&d, stderr);
				bad++;
			}
		} else {
			refused++;
			if (d.count == 0 || memcmp(&s, &before, sizeof s) != 0) {
				fprintf(stderr, "fuzz_preset: round %ld: refused %s\n", r,
				        d.count ? "but the scenario changed" : "without a message");
				bad++;
			}
		}
		diag_init(&d);
		if (theme_load(in, &t, &d) == 0)
			themes_ok++;
		if (bad) {
			char keep[128];
			snprintf(keep, sizeof keep, "fuzz_preset-failure-%ld.ini", r);
			fprintf(stderr, "fuzz_preset: the input is in %s/%s\n", dir, keep);
			char kp[200];
			snprintf(kp, sizeof kp, "%s/%s", dir, keep);
			rename(in, kp);
			return 1;
		}
	}
	unlink(in);
	unlink(out);
	rmdir(dir);
	printf("fuzz_preset: %ld rounds from %zu seeds: %ld presets loaded, %ld refused, "
	       "%ld themes loaded; no crash\n", rounds, n_seeds, loaded, refused, themes_ok);
	return 0;
}
