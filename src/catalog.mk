# built-in catalog (owner: catalog)
src_libinfertui_a_SOURCES += src/catalog.h \
	src/catalog/catalog_impl.h src/catalog/lookup.c \
	src/catalog/gpus.c src/catalog/instances.c src/catalog/models.c \
	src/catalog/regions.c

check_PROGRAMS += tests/unit/test_catalog
TESTS += tests/unit/test_catalog
tests_unit_test_catalog_SOURCES = tests/unit/test_catalog.c
tests_unit_test_catalog_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_catalog_LDADD = $(CORE_LIBS) $(UNIT_LIBS)
