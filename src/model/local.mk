# the math module (owner: math)
src_libinfertui_a_SOURCES += \
	src/model/model.h \
	src/model/model.c
