# Screen tests of the Diagnosis, Eligibility and Accounts panes (their
# queries' Check suite: tests/core/views.c in tests/suites.mk).
TESTS += tests/views_screen.tap
EXTRA_DIST += tests/views_screen.tap tests/screen/test_views.py \
	tests/bench/views_bench.sh tests/bench/views_gen.py \
	tests/bench/views_pty.py
