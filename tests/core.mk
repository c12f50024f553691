# Unit tests of the core: linked without ncurses, on purpose.
check_PROGRAMS += tests/check_core
tests_check_core_SOURCES = tests/check_core.c tests/testutil.c tests/testutil.h
tests_check_core_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SQLITE_CFLAGS)
tests_check_core_LDADD = $(CORE_LIBS) $(CHECK_LIBS)
TESTS += tests/check_core tests/cli_basics.sh
EXTRA_DIST += tests/cli_basics.sh tests/lib.sh
# The suites by module (one program per module of src/).
include tests/suites.mk
