# The core's SQL: src/core/sql/<module>.sql holds the static queries of
# src/core/<module>.c, a statement per "-- name: SQL_X" marker (the format:
# src/core/sql/sql2h.awk). The build turns each into <module>.sql.h in the
# build directory (static const char SQL_X[] = "...";), which <module>.c
# includes where its queries stood.
CORE_SQL = \
	src/core/sql/accounts.sql \
	src/core/sql/appeal.sql \
	src/core/sql/compensation.sql \
	src/core/sql/db.sql \
	src/core/sql/eligibility.sql \
	src/core/sql/engine.sql \
	src/core/sql/engine_calib.sql \
	src/core/sql/engine_rescore.sql \
	src/core/sql/freshness.sql \
	src/core/sql/history.sql \
	src/core/sql/report.sql \
	src/core/sql/schema.sql \
	src/core/sql/series.sql \
	src/core/sql/store.sql \
	src/core/sql/views.sql \
	src/core/sql/wallet.sql
CORE_SQL_H = $(CORE_SQL:.sql=.sql.h)
SQL2H = src/core/sql/sql2h.awk
EXTRA_DIST += $(CORE_SQL) $(SQL2H)
BUILT_SOURCES = $(CORE_SQL_H)
CLEANFILES += $(CORE_SQL_H) src/core/sql/sql.stamp
# "core/sql/x.sql.h" from the build directory's src/.
src_core_libpartner_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/src

# One rule writes every header (a stamp, so that make -j runs it once);
# awk reads in the source directory, so its messages name src/core/sql/x.sql.
src/core/sql/sql.stamp: $(CORE_SQL) $(SQL2H)
	@$(MKDIR_P) src/core/sql
	$(AM_V_GEN)for f in $(CORE_SQL); do \
	  (cd $(srcdir) && $(AWK) -f $(SQL2H) $$f) >$$f.h-t || \
	    { rm -f $$f.h-t; exit 1; }; \
	  mv -f $$f.h-t $$f.h || exit 1; \
	done; \
	touch $@
$(CORE_SQL_H): src/core/sql/sql.stamp
	@test -f $@ || rm -f src/core/sql/sql.stamp
	@test -f $@ || $(MAKE) $(AM_MAKEFLAGS) src/core/sql/sql.stamp
