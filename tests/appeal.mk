# Appeals: the CLI and the end-to-end SSH test (the Check suites of the
# core, tests/core/appeal.c, actor.c and wallet.c, and of the line editor,
# tests/tui/lineedit.c, are in tests/suites.mk).
check_PROGRAMS += tests/pt_sql
tests_pt_sql_SOURCES = tests/pt_sql.c
tests_pt_sql_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_pt_sql_LDADD = $(CORE_LIBS)
TESTS += tests/cli_appeal.sh
EXTRA_DIST += tests/cli_appeal.sh
# The Appeals pane in tmux, and the end-to-end test through a real sshd.
TESTS += tests/tui_appeal.sh tests/ssh/appeal_draft.sh
EXTRA_DIST += tests/tui_appeal.sh tests/ssh/appeal_draft.sh tests/ssh/sshlib.sh
# Benchmark (not a test): `make bench-appeal`, or `make bench`.
EXTRA_PROGRAMS += tests/bench/appeal_bench
tests_bench_appeal_bench_SOURCES = tests/bench/appeal_bench.c
tests_bench_appeal_bench_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_bench_appeal_bench_LDADD = $(CORE_LIBS)
CLEANFILES += tests/bench/appeal_bench$(EXEEXT)
bench: bench-appeal
bench-appeal: tests/bench/appeal_bench$(EXEEXT)
	$(BENCH_ENV) ./tests/bench/appeal_bench 2000
.PHONY: bench-appeal
