# the math module (owner: math), lowest layer first: each file calls only
# files above it in this list (tests/unit/no-circles.sh checks that no two
# files call each other, directly or round a loop)
src_libinfertui_a_SOURCES += \
	src/model/units.h \
	src/model/notebuf.h \
	src/model/model.h \
	src/model/model_impl.h \
	src/model/params_count.c \
	src/model/memory.c \
	src/model/latency.c \
	src/model/batching.c \
	src/model/rho_table.h \
	src/model/capacity.h src/model/capacity.c \
	src/model/tco.h src/model/tco.c \
	src/model/fleet.h src/model/fleet.c \
	src/model/notes.c \
	src/model/model.c

check_PROGRAMS += tests/unit/test_model tests/unit/test_model_calib
TESTS += tests/unit/test_model tests/unit/test_model_calib
tests_unit_test_model_SOURCES = tests/unit/test_model.c \
	tests/unit/model_fixtures.h
tests_unit_test_model_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_model_LDADD = $(CORE_LIBS) $(UNIT_LIBS)
tests_unit_test_model_calib_SOURCES = tests/unit/test_model_calib.c \
	tests/unit/model_fixtures.h
tests_unit_test_model_calib_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_model_calib_LDADD = $(CORE_LIBS) $(UNIT_LIBS)

# invariants over 10,000 seeded random scenarios, and issue 10's reproducer
check_PROGRAMS += tests/unit/test_properties
TESTS += tests/unit/test_properties
tests_unit_test_properties_SOURCES = tests/unit/test_properties.c \
	tests/unit/preset_fixture.h tests/unit/report_fixture.h
tests_unit_test_properties_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_properties_LDADD = $(CORE_LIBS) $(UNIT_LIBS)

# the joint fit of the step-time model (pure Python; not run by make check)
EXTRA_DIST += tests/calib/fit.py

# make bench (not make check)
EXTRA_PROGRAMS += tests/bench/bench_model
BENCHMARKS += tests/bench/bench_model
tests_bench_bench_model_SOURCES = tests/bench/bench_model.c \
	tests/bench/timing.h \
	tests/unit/model_fixtures.h
tests_bench_bench_model_CFLAGS = $(AM_CFLAGS) -O2
tests_bench_bench_model_LDADD = $(CORE_LIBS)
CLEANFILES += tests/bench/bench_model

dist_man_MANS += man/infertui-model.7

# no two files under src/ call each other, directly or round a loop (read
# from the objects)
TESTS += tests/unit/no-circles.sh
EXTRA_DIST += tests/unit/no-circles.sh
