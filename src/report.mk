# fleet/TCO part of the math module, and the reports (owner: fleet)
src_libinfertui_a_SOURCES += \
	src/model/fleet.h src/model/fleet.c \
	src/report.h src/report.c
