# Diagnosis, Eligibility and Accounts panes' core views.
src_core_libpartner_a_SOURCES += src/core/views.c src/core/views.h
