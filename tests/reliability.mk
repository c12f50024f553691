# Fuzzing (./configure --enable-fuzzing CC=clang): one target per parser,
# each with a seed corpus and a dictionary under tests/fuzz/.
FUZZ_SEEDS = tests/fuzz/fuzz_text.c tests/fuzz/fuzz_day.c tests/fuzz/fuzz_value.c \
	tests/fuzz/fuzz_modelconf.c tests/fuzz/fuzz_import.c tests/fuzz/fuzz_importdb.c
EXTRA_DIST += $(FUZZ_SEEDS) tests/fuzz/corpus tests/fuzz/text.dict \
	tests/fuzz/day.dict tests/fuzz/value.dict tests/fuzz/modelconf.dict \
	tests/fuzz/csv.dict tests/fuzz/json.dict tests/fuzz/xlsx.dict \
	scripts/fuzz.sh scripts/ci-extra.sh
if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_text tests/fuzz/fuzz_day tests/fuzz/fuzz_value \
	tests/fuzz/fuzz_modelconf tests/fuzz/fuzz_csv tests/fuzz/fuzz_json \
	tests/fuzz/fuzz_xlsx tests/fuzz/fuzz_importdb
FUZZ_LINK = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_value_SOURCES = tests/fuzz/fuzz_value.c
tests_fuzz_fuzz_value_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_value_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_modelconf_SOURCES = tests/fuzz/fuzz_modelconf.c
tests_fuzz_fuzz_modelconf_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_modelconf_LDFLAGS = $(FUZZ_LINK)
FUZZ_IMPORT_LIBS = $(IMPORT_LIBS) $(CORE_LIBS)
tests_fuzz_fuzz_csv_SOURCES = tests/fuzz/fuzz_import.c
tests_fuzz_fuzz_csv_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_FORMAT='"csv"'
tests_fuzz_fuzz_csv_LDADD = $(FUZZ_IMPORT_LIBS)
tests_fuzz_fuzz_csv_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_json_SOURCES = tests/fuzz/fuzz_import.c
tests_fuzz_fuzz_json_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_FORMAT='"json"'
tests_fuzz_fuzz_json_LDADD = $(FUZZ_IMPORT_LIBS)
tests_fuzz_fuzz_json_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_xlsx_SOURCES = tests/fuzz/fuzz_import.c
tests_fuzz_fuzz_xlsx_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_FORMAT='"xlsx"'
tests_fuzz_fuzz_xlsx_LDADD = $(FUZZ_IMPORT_LIBS)
tests_fuzz_fuzz_xlsx_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_importdb_SOURCES = tests/fuzz/fuzz_importdb.c
tests_fuzz_fuzz_importdb_LDADD = $(FUZZ_IMPORT_LIBS)
tests_fuzz_fuzz_importdb_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_text_SOURCES = tests/fuzz/fuzz_text.c
tests_fuzz_fuzz_text_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_text_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_day_SOURCES = tests/fuzz/fuzz_day.c
tests_fuzz_fuzz_day_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_day_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# Crash and concurrency tests on the real binary and real SQLite files.
TESTS += tests/reliability/crash.py tests/reliability/concurrency.py \
	tests/reliability/bad_input.py tests/reliability/disk.py \
	tests/reliability/hostile.py tests/reliability/import_exact.py \
	tests/reliability/memory.py
EXTRA_DIST += tests/reliability/ptlib.py tests/reliability/crash.py \
	tests/reliability/concurrency.py tests/reliability/bad_input.py \
	tests/reliability/disk.py tests/reliability/hostile.py tests/reliability/import_exact.py \
	tests/reliability/memory.py
