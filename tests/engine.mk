# Owned by one area; included from its parent fragment.
# The scoring engine's rules suite (the formula, rescore and calibration:
# tests/core/ in tests/suites.mk).
check_PROGRAMS += tests/check_engine_rules
tests_check_engine_rules_SOURCES = tests/check_engine_rules.c \
	tests/engine_fixture.c tests/engine_fixture.h tests/testutil.c \
	tests/testutil.h
tests_check_engine_rules_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SQLITE_CFLAGS)
tests_check_engine_rules_LDADD = $(CORE_LIBS) $(CHECK_LIBS)
TESTS += tests/check_engine_rules
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
