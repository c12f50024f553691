# Owned by one area; included from its parent fragment.
# The import module's Check suites are by module (tests/import/*.c,
# listed in tests/suites.mk); the xlsx fixture they read:
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
