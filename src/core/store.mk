# Owned by one area; included from its parent fragment.
# The import's typed writes and the pure value parsers it shares.
src_core_libpartner_a_SOURCES += \
	src/core/store.c src/core/store.h \
	src/core/value.c src/core/value.h
