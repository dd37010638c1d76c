# the guard between the terminal and libtermkey, and random keys into the
# explorer (owner: harden)
check_PROGRAMS += tests/tui/test_input tests/fuzz/fuzz_keys
TESTS += tests/tui/test_input tests/fuzz/fuzz-keys.sh tests/tui/tmux_input.sh
tests_tui_test_input_SOURCES = tests/tui/test_input.c
tests_tui_test_input_CFLAGS = $(UNIT_CFLAGS)
tests_tui_test_input_LDADD = $(TUI_LIBS) $(UNIT_LIBS)
tests_fuzz_fuzz_keys_SOURCES = tests/fuzz/fuzz_keys.c
tests_fuzz_fuzz_keys_LDADD = $(TUI_LIBS)
EXTRA_DIST += tests/fuzz/fuzz-keys.sh tests/tui/tmux_input.sh
