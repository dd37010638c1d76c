# core: parameter table, INI presets and themes (owner: config)
src_libinfertui_a_SOURCES += \
	src/scenario.h \
	src/params.h src/params.c \
	src/config.h src/config.c \
	src/theme.h src/theme.c
