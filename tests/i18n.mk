# Translations, manual pages and installation (issue 9).
TESTS += tests/i18n.sh tests/man_lint.sh tests/i18n_install.sh
# src/present: the core's results in English and, from the build tree's
# catalogue, in Chinese.
check_PROGRAMS += tests/present/check_evidence_text
tests_present_check_evidence_text_SOURCES = tests/present/evidence_text.c $(SUITE_UTIL)
tests_present_check_evidence_text_CFLAGS = $(SUITE_CFLAGS)
tests_present_check_evidence_text_LDADD = $(PRESENT_LIBS) $(SUITE_LDADD) $(LIBINTL)
TESTS += tests/present/check_evidence_text
# Completeness: every string translated, the man pages cover every command,
# option, variable and parameter, the README's captures are current.
TESTS += tests/i18n_po.sh tests/man_complete.sh tests/readme_screens.sh tests/dist_files.sh
EXTRA_DIST += tests/i18n_po.sh tests/man_complete.sh tests/readme_screens.sh tests/dist_files.sh
EXTRA_DIST += tests/i18n.sh tests/man_lint.sh tests/i18n_install.sh scripts/screenshots.sh

# gettext's po/Makefile compiles a .gmo from the .po merged with the .pot,
# and regenerates both only when the .pot changes; so an edited .po, or
# strings added since the .pot was made, would be installed stale. A plain
# `make` never writes into the source tree: the build tree's po/LANG.gmo is
# compiled from the .po itself whenever the .po is newer (gettext installs
# the build tree's catalogue when it exists), `make dist` puts a template
# and catalogues extracted from the sources at that moment into the tarball
# (dist-hook), and `make po-refresh` regenerates the source tree's template
# and catalogues on request. (tests/i18n_po.sh extracts its own template.)
all-local: po-catalogues-current
.PHONY: po-catalogues-current po-refresh
po-catalogues-current:
	@for po in $(srcdir)/po/*.po; do \
	  lang=`basename "$$po" .po`; \
	  test -f po/$$lang.gmo && test ! "$$po" -nt po/$$lang.gmo && continue; \
	  echo "po: compiling po/$$lang.gmo from $$po"; \
	  $(MKDIR_P) po && $(GMSGFMT) -c -o po/$$lang.gmo "$$po" || exit 1; \
	done
dist-hook:
	cd $(srcdir) && $(XGETTEXT) --keyword=_ --keyword=N_ --from-code=UTF-8 \
	  --add-comments=TRANSLATORS: --files-from=po/POTFILES.in \
	  --package-name=$(PACKAGE) --package-version=$(VERSION) \
	  -o "$(abs_builddir)/$(distdir)/po/$(PACKAGE).pot"
	for po in $(srcdir)/po/*.po; do \
	  lang=`basename "$$po" .po`; \
	  $(MSGMERGE) --quiet -o $(distdir)/po/$$lang.1po "$$po" $(distdir)/po/$(PACKAGE).pot && \
	  $(GMSGFMT) -c -o $(distdir)/po/$$lang.gmo $(distdir)/po/$$lang.1po && \
	  rm -f $(distdir)/po/$$lang.1po || exit 1; \
	done
	echo timestamp > $(distdir)/po/stamp-po
# The build tree's catalogues (not the source tree's, in an in-tree build).
distclean-local:
	@test "$(srcdir)" = . || rm -f po/*.gmo
po-refresh:
	(cd po && $(MAKE) $(AM_MAKEFLAGS) $(PACKAGE).pot-update) && \
	touch $(srcdir)/po/$(PACKAGE).pot && \
	rm -f $(srcdir)/po/stamp-po $(srcdir)/po/*.gmo && \
	(cd po && $(MAKE) $(AM_MAKEFLAGS))

# A smoke test of an installed tree (`make distcheck` runs it on its
# temporary prefix). The proof that the installed binary uses the
# compiled-in paths, with the source tree gone, is tests/i18n_install.sh.
installcheck-local:
	@echo "installcheck: $(DESTDIR)$(bindir)/partner-tui"
	@t=$$(mktemp -d) && trap 'rm -rf "$$t"' EXIT && \
	env -u PARTNER_TUI_DATADIR -u PARTNER_TUI_LOCALEDIR HOME="$$t" \
	  XDG_DATA_HOME="$$t/data" XDG_CONFIG_HOME="$$t/config" LC_ALL=C.UTF-8 \
	  $(DESTDIR)$(bindir)/partner-tui --db "$$t/demo.db" demo && \
	env -u PARTNER_TUI_DATADIR HOME="$$t" LC_ALL=C.UTF-8 \
	  $(DESTDIR)$(bindir)/partner-tui --db "$$t/demo.db" report accounts \
	  --format csv | grep -q jn_meishi && \
	test -f $(DESTDIR)$(localedir)/zh_CN/LC_MESSAGES/$(PACKAGE).mo && \
	test -f $(DESTDIR)$(mandir)/man1/partner-tui.1 && \
	test -f $(DESTDIR)$(mandir)/man5/partner-tui.conf.5 && \
	echo "installcheck: ok"
