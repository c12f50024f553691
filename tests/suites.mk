# Check suites by module: tests/<area>/<module>.c tests src/<area>/<module>.c
# and builds tests/<area>/check_<module>. Each is its own program, so they
# run in parallel under make -j and a failure names the module.
SUITE_CFLAGS = -I$(top_srcdir)/tests $(AM_CFLAGS) $(CHECK_CFLAGS) $(SQLITE_CFLAGS)
SUITE_LDADD = $(CORE_LIBS) $(CHECK_LIBS)
SUITE_UTIL = tests/testutil.c tests/testutil.h

check_PROGRAMS += tests/core/check_grow
tests_core_check_grow_SOURCES = tests/core/grow.c $(SUITE_UTIL)
tests_core_check_grow_CFLAGS = $(SUITE_CFLAGS)
tests_core_check_grow_LDADD = $(SUITE_LDADD)
TESTS += tests/core/check_grow
