# Appeals: records, workflow, optimistic locking, form drafts (issue 7).
src_core_libpartner_a_SOURCES += src/core/appeal.c src/core/appeal.h
# The wallet as a ledger: entries, balance, reconciliation, overdue
# compensations (issue 14).
src_core_libpartner_a_SOURCES += src/core/wallet.c src/core/wallet.h
src_core_libpartner_a_SOURCES += src/core/digest.c src/core/digest.h
