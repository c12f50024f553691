# Appeals (issue 7): core workflow and drafts, the line editor, the CLI,
# and the end-to-end SSH test.
check_PROGRAMS += tests/check_appeal
tests_check_appeal_SOURCES = tests/check_appeal.c tests/testutil.c tests/testutil.h
tests_check_appeal_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SQLITE_CFLAGS)
tests_check_appeal_LDADD = $(CORE_LIBS) $(CHECK_LIBS)
TESTS += tests/check_appeal
