# Owned by one area; included from its parent fragment.
# The import module: readers, value notations, atomicity, demo data.
check_PROGRAMS += tests/check_import
tests_check_import_SOURCES = tests/check_import.c tests/testutil.c tests/testutil.h
tests_check_import_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SQLITE_CFLAGS)
tests_check_import_LDADD = $(IMPORT_LIBS) $(CORE_LIBS) $(CHECK_LIBS) -lm
TESTS += tests/check_import

# xlsx: files written by libxlsxwriter in the test and a hand-zipped fixture.
check_PROGRAMS += tests/check_import_xlsx
tests_check_import_xlsx_SOURCES = tests/check_import_xlsx.c tests/testutil.c tests/testutil.h
tests_check_import_xlsx_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SQLITE_CFLAGS) $(XLSXWRITER_CFLAGS)
tests_check_import_xlsx_LDADD = $(IMPORT_LIBS) $(CORE_LIBS) $(CHECK_LIBS) $(XLSXWRITER_LIBS) -lm
if HAVE_XLSXWRITER
tests_check_import_xlsx_CFLAGS += -DHAVE_XLSXWRITER=1
endif
TESTS += tests/check_import_xlsx
EXTRA_DIST += tests/data/import/handmade.xlsx tests/data/import/make-handmade-xlsx.sh

# `make bench`: figures, not a test (see tests/bench/import.sh).
EXTRA_DIST += tests/bench/import.sh tests/bench/gen-daily.awk
.PHONY: bench bench-import
bench: bench-import
bench-import: src/partner-tui
	$(BENCH_ENV) top_builddir=$(abs_top_builddir) top_srcdir=$(abs_top_srcdir) \
	  $(SHELL) $(abs_top_srcdir)/tests/bench/import.sh $(BENCH_ROWS)

TESTS += tests/import_cli.sh tests/import_batches.sh
EXTRA_DIST += tests/import_cli.sh tests/import_batches.sh
