# the reports (owner: fleet); the fleet/TCO files are in src/model/local.mk
src_libinfertui_a_SOURCES += \
	src/report.h src/report/report_impl.h src/report/report.c \
	src/report/emit.c src/report/text.c

# unit tests: queueing, SLO capacity, fleet, TCO, options, break-even;
# reports (JSON validity, fields, consistency) and every shipped preset
check_PROGRAMS += tests/unit/test_fleet tests/unit/test_report
TESTS += tests/unit/test_fleet tests/unit/test_report
tests_unit_test_fleet_SOURCES = tests/unit/test_fleet.c
tests_unit_test_fleet_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_fleet_LDADD = $(CORE_LIBS) $(UNIT_LIBS)
tests_unit_test_report_SOURCES = tests/unit/test_report.c tests/unit/preset_fixture.h \
	tests/unit/report_fixture.h
tests_unit_test_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_report_LDADD = $(CORE_LIBS) $(UNIT_LIBS)
