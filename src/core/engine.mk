# Owned by one area; included from its parent fragment.
# The scoring engine (issue 4).
src_core_libpartner_a_SOURCES += \
	src/core/modelconf.c src/core/modelconf.h \
	src/core/calendar.c src/core/calendar.h \
	src/core/calibration.c src/core/calibration.h \
	src/core/engine.c src/core/engine.h src/core/engine_internal.h \
	src/core/engine_rescore.c src/core/engine_calib.c
src_core_libpartner_a_SOURCES += \
	src/core/eligibility.c src/core/eligibility.h \
	src/core/attribution.c src/core/attribution.h \
	src/core/compensation.c
src_core_libpartner_a_SOURCES += src/core/report.c src/core/report.h
src_core_libpartner_a_SOURCES += src/core/report_csv.c src/core/report_csv.h
# Data freshness and the settlement clock (issue 13).
src_core_libpartner_a_SOURCES += src/core/freshness.c src/core/freshness.h
# Attribute history with effective days (issue 13).
src_core_libpartner_a_SOURCES += src/core/history.c src/core/history.h
