# Tests of the Diagnosis, Eligibility and Accounts panes.
check_PROGRAMS += tests/check_views
tests_check_views_SOURCES = tests/check_views.c tests/testutil.c tests/testutil.h
tests_check_views_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SQLITE_CFLAGS)
tests_check_views_LDADD = $(CORE_LIBS) $(CHECK_LIBS)
TESTS += tests/check_views
TESTS += tests/views_screen.tap
EXTRA_DIST += tests/views_screen.tap tests/screen/test_views.py \
	tests/bench/views_bench.sh tests/bench/views_gen.py \
	tests/bench/views_pty.py
