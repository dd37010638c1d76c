# the interactive screen; the only part that includes curses and termkey (owner: tui)
src_libinfertui_tui_a_SOURCES += \
	src/tui/tui.h src/tui/app.c
