# built-in catalog (owner: catalog)
src_libinfertui_a_SOURCES += src/catalog.h src/catalog.c
