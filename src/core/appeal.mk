# Appeals: records, workflow, optimistic locking, form drafts (issue 7).
src_core_libpartner_a_SOURCES += src/core/appeal.c src/core/appeal.h
