# the interactive screen; the only part that includes curses and termkey (owner: tui)
src_libinfertui_tui_a_SOURCES += \
	src/tui/tui.h src/tui/ui.h \
	src/tui/app.c \
	src/tui/state.c \
	src/tui/xparams.c \
	src/tui/rows.c \
	src/tui/layout.c \
	src/tui/widgets.c \
	src/tui/bigtext.c \
	src/tui/panels.c \
	src/tui/keys.c \
	src/tui/dialogs.c \
	src/tui/pick.c \
	src/tui/input.h \
	src/tui/input.c \
	src/tui/view_search.c \
	src/tui/view_charts.c \
	src/tui/view_compare.c

# headless screen tests: the core on a fake terminal, compared with
# tests/tui/expected/*.txt (tests/tui/screens.sh --regen rewrites them)
check_PROGRAMS += tests/tui/screen_dump
tests_tui_screen_dump_SOURCES = tests/tui/screen_dump.c
tests_tui_screen_dump_LDADD = $(TUI_LIBS)

# formatting and word-boundary fitting against hand-worked values
check_PROGRAMS += tests/tui/test_widgets
TESTS += tests/tui/test_widgets
tests_tui_test_widgets_SOURCES = tests/tui/test_widgets.c
tests_tui_test_widgets_CFLAGS = $(UNIT_CFLAGS)
tests_tui_test_widgets_LDADD = $(TUI_LIBS) $(UNIT_LIBS)

# real-terminal tests in a private tmux server (skip, 77, only without tmux)
TESTS += tests/tui/screens.sh \
	tests/tui/tmux_keys.sh \
	tests/tui/tmux_resize.sh \
	tests/tui/tmux_signals.sh \
	tests/tui/tmux_search.sh \
	tests/tui/tmux_charts.sh \
	tests/tui/tmux_compare.sh \
	tests/tui/tmux_presets.sh \
	tests/tui/tmux_regions.sh
EXTRA_DIST += tests/tui/screens.sh tests/tui/tmux_lib.sh \
	tests/tui/tmux_keys.sh tests/tui/tmux_resize.sh tests/tui/tmux_signals.sh \
	tests/tui/tmux_search.sh tests/tui/tmux_charts.sh tests/tui/tmux_compare.sh \
	tests/tui/tmux_presets.sh tests/tui/tmux_regions.sh \
	tests/tui/screen.ini tests/tui/screen-8b.ini tests/tui/cases tests/tui/expected

# make bench: keystroke-to-frame time and bytes per slider step
EXTRA_PROGRAMS += tests/bench/bench_tui
BENCHMARKS += tests/bench/bench_tui
tests_bench_bench_tui_SOURCES = tests/bench/bench_tui.c
tests_bench_bench_tui_LDADD = $(TUI_LIBS)


# the high-contrast theme: WCAG contrast >= 4.5:1 for every element
TESTS += tests/tui/theme-contrast.sh
EXTRA_DIST += tests/tui/theme-contrast.sh

# --list-presets (and the p list) marks a user copy hiding a shipped preset
TESTS += tests/tui/list-shadow.sh
EXTRA_DIST += tests/tui/list-shadow.sh
