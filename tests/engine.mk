# Owned by one area; included from its parent fragment.
# The scoring engine through the CLI (its Check suites, one per module:
# tests/core/ in tests/suites.mk).
TESTS += tests/cli_engine.sh tests/cli_digest.sh
EXTRA_DIST += tests/cli_engine.sh tests/cli_digest.sh
# Benchmark (not a test): `make bench-engine`, or `make bench`.
EXTRA_PROGRAMS = tests/bench/engine_bench
tests_bench_engine_bench_SOURCES = tests/bench/engine_bench.c
tests_bench_engine_bench_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_bench_engine_bench_LDADD = $(CORE_LIBS)
CLEANFILES += tests/bench/engine_bench$(EXEEXT)
bench: bench-engine
bench-engine: tests/bench/engine_bench$(EXEEXT)
	$(BENCH_ENV) ./tests/bench/engine_bench 1000000 100 100
	$(BENCH_ENV) ./tests/bench/engine_bench 1000000 10 1000
.PHONY: bench bench-engine
# Data freshness, the settlement clock and wall-clock records (issue 13).
TESTS += tests/cli_time.sh
EXTRA_DIST += tests/cli_time.sh
TESTS += tests/cli_history.sh
EXTRA_DIST += tests/cli_history.sh
