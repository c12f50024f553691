# Read queries of the dashboard (daily series, accounts, events).
src_core_libpartner_a_SOURCES += src/core/series.c src/core/series.h
