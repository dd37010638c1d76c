# owned hardware, energy per token, spot spares, hybrid split (owner: ownrent)
src_libinfertui_a_SOURCES += src/model/owned.h src/model/owned.c src/model/tco_own.c

check_PROGRAMS += tests/unit/test_owned
TESTS += tests/unit/test_owned
tests_unit_test_owned_SOURCES = tests/unit/test_owned.c tests/unit/preset_fixture.h
tests_unit_test_owned_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_owned_LDADD = $(CORE_LIBS) $(UNIT_LIBS)

# the owned option in the explorer's Fleet / TCO panel, moved by a slider
TESTS += tests/tui/tmux_own.sh
EXTRA_DIST += tests/tui/tmux_own.sh
