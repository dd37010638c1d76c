# from figures to answers: search (--optimize), sweeps, comparisons and
# sensitivity, on the public math API (owner: answers)
src_libinfertui_a_SOURCES += \
	src/answers/answers.h \
	src/answers/emit.h src/answers/emit.c \
	src/answers/headline.c \
	src/answers/search.c src/answers/search_opts.c src/answers/search_out.c \
	src/answers/sweep.c \
	src/answers/compare.c \
	src/answers/sensitivity.c \
	src/answers/charts.c \
	src/answers/cli.c

# make bench: one search per preset, timed
EXTRA_PROGRAMS += tests/bench/bench_search
BENCHMARKS += tests/bench/bench_search
tests_bench_bench_search_SOURCES = tests/bench/bench_search.c \
	tests/bench/timing.h
tests_bench_bench_search_CFLAGS = $(AM_CFLAGS) -O2
tests_bench_bench_search_LDADD = $(CORE_LIBS)
CLEANFILES += tests/bench/bench_search

# command-line tests of the answers
ANSWERS_TESTS = \
	tests/cli/optimize.sh \
	tests/cli/sweep.sh \
	tests/cli/compare.sh \
	tests/cli/sensitivity.sh \
	tests/cli/charts.sh \
	tests/cli/markdown.sh
TESTS += $(ANSWERS_TESTS)
EXTRA_DIST += tests/cli/answers-lib.sh $(ANSWERS_TESTS)
