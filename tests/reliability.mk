# Fuzzing (./configure --enable-fuzzing CC=clang): one target per parser,
# each with a seed corpus and a dictionary under tests/fuzz/.
FUZZ_SEEDS = tests/fuzz/fuzz_text.c tests/fuzz/fuzz_day.c
EXTRA_DIST += $(FUZZ_SEEDS) tests/fuzz/corpus tests/fuzz/text.dict \
	tests/fuzz/day.dict scripts/fuzz.sh scripts/ci-extra.sh
if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_text tests/fuzz/fuzz_day
tests_fuzz_fuzz_text_SOURCES = tests/fuzz/fuzz_text.c
tests_fuzz_fuzz_text_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_text_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_day_SOURCES = tests/fuzz/fuzz_day.c
tests_fuzz_fuzz_day_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_day_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# Crash and concurrency tests on the real binary and real SQLite files.
TESTS += tests/reliability/crash.py tests/reliability/concurrency.py \
	tests/reliability/bad_input.py tests/reliability/disk.py
EXTRA_DIST += tests/reliability/ptlib.py tests/reliability/crash.py \
	tests/reliability/concurrency.py tests/reliability/bad_input.py \
	tests/reliability/disk.py
