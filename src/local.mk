# core: parameter table, INI presets and themes (owner: config)
src_libinfertui_a_SOURCES += \
	src/scenario.h \
	src/text.h src/text.c \
	src/params.h src/params/table.c src/params/suggest.c src/params/value.c \
	src/config.h \
	src/config/ini.h src/config/ini.c \
	src/config/loader.h src/config/loader.c \
	src/config/usercat.h src/config/usercat.c \
	src/config/preset.h src/config/preset.c \
	src/config/set.h src/config/set.c \
	src/config/paths.h src/config/paths.c \
	src/config/save.h src/config/save.c \
	src/theme.h src/theme.c \
	src/check.h src/check.c

# unit tests of the parameter table and the INI loader/writer
check_PROGRAMS += tests/unit/test_params tests/unit/test_config
TESTS += tests/unit/test_params tests/unit/test_config
tests_unit_test_params_SOURCES = tests/unit/test_params.c
tests_unit_test_params_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_params_LDADD = $(CORE_LIBS) $(UNIT_LIBS)
tests_unit_test_config_SOURCES = tests/unit/test_config.c
tests_unit_test_config_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_config_LDADD = $(CORE_LIBS) $(UNIT_LIBS)

# the man page agrees with the parameter table (keys, units, ranges); the
# script lives outside tests/config so that its .log stays out of the dist
check_PROGRAMS += tests/unit/dump_params
tests_unit_dump_params_SOURCES = tests/unit/dump_params.c
tests_unit_dump_params_LDADD = $(CORE_LIBS)
TESTS += tests/unit/man-keys.sh
EXTRA_DIST += tests/unit/man-keys.sh

# bad and good INI files with the messages they must produce
EXTRA_DIST += tests/config

# make bench: loading a 1 MB preset and adversarial files (linear, not timed
# in make check)
EXTRA_PROGRAMS += tests/bench/bench_config
BENCHMARKS += tests/bench/bench_config
tests_bench_bench_config_SOURCES = tests/bench/bench_config.c \
	tests/bench/timing.h
tests_bench_bench_config_CFLAGS = $(AM_CFLAGS) -O2
tests_bench_bench_config_LDADD = $(CORE_LIBS)
CLEANFILES += tests/bench/bench_config

# mutational fuzzing of the preset and theme loaders: a bounded, seeded run
# (ROUNDS SEED on the command line for longer ones)
check_PROGRAMS += tests/fuzz/fuzz_preset
TESTS += tests/fuzz/fuzz_preset
tests_fuzz_fuzz_preset_SOURCES = tests/fuzz/fuzz_preset.c
tests_fuzz_fuzz_preset_LDADD = $(CORE_LIBS)

# what the command line does with odd preset and theme inputs
TESTS += tests/cli/config-inputs.sh
EXTRA_DIST += tests/cli/config-inputs.sh
