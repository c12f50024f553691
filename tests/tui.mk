# The TUI: the screen tests through a real terminal emulator (the Check
# suites of its parts, tests/tui/*.c, are in tests/suites.mk).
# Generates the man page's KEYS section from the key table (tests/tui/keys.c
# compares).
check_PROGRAMS += tests/tui_keys_man
tests_tui_keys_man_SOURCES = tests/tui_keys_man.c
tests_tui_keys_man_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS) $(SQLITE_CFLAGS)
tests_tui_keys_man_LDADD = $(TUI_LIBS) $(CORE_LIBS) $(LIBINTL)
TESTS += tests/tui_screen.tap tests/tui_idle.tap
EXTRA_DIST += tests/tui_screen.tap tests/screen/ptyterm.py tests/screen/tap.py \
	tests/tui_idle.tap tests/screen/test_idle.py \
	tests/screen/test_frame.py tests/screen/mkdb.py
EXTRA_DIST += tests/bench/tui_bench.py

# Benchmark (not a test): first frame and per-key time through a pty on
# 1,000 works x 365 days, and on 1M work-days (10 accounts x 100 works x
# 1,000 days), and on 10M (100 accounts x 1,000 works x 100 days, minutes
# to generate and 6 GB of disk while it runs). `make bench` runs every
# area's benchmarks, the 10M one included; `make bench-quick` all but it.
.PHONY: bench bench-quick bench-tui bench-tui-1m bench-tui-10m
bench: bench-quick bench-tui-10m
bench-quick: bench-tui bench-tui-1m bench-import bench-engine bench-appeal
TUI_BENCH = $(BENCH_ENV) top_builddir='$(abs_top_builddir)' \
	top_srcdir='$(abs_top_srcdir)' $(PYTHON3) '$(abs_top_srcdir)/tests/bench/tui_bench.py'
bench-tui: all
	$(TUI_BENCH)
bench-tui-1m: all
	$(TUI_BENCH) --accounts 10 --works 100 --days 1000
bench-tui-10m: all
	$(TUI_BENCH) --accounts 100 --works 1000 --days 100 --runs 3 --keys 10 --add-day
