# Owned by one area; included from its parent fragment.
# The import module: readers, value notations, atomicity, demo data.
check_PROGRAMS += tests/check_import
tests_check_import_SOURCES = tests/check_import.c tests/testutil.c tests/testutil.h
tests_check_import_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SQLITE_CFLAGS)
tests_check_import_LDADD = $(IMPORT_LIBS) $(CORE_LIBS) $(CHECK_LIBS) -lm
TESTS += tests/check_import
