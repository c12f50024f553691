# Translations, manual pages and installation (issue 9).
# The TUI and the CLI translate the evidence core writes (core has no gettext).
src_tui_libtui_a_SOURCES += src/tui/evidence_i18n.c src/tui/evidence_i18n.h
TESTS += tests/i18n.sh tests/man_lint.sh tests/i18n_install.sh
# Completeness: every string translated, the man pages cover every command,
# option, variable and parameter, the README's captures are current.
TESTS += tests/i18n_po.sh tests/man_complete.sh tests/readme_screens.sh
EXTRA_DIST += tests/i18n_po.sh tests/man_complete.sh tests/readme_screens.sh
EXTRA_DIST += tests/i18n.sh tests/man_lint.sh tests/i18n_install.sh scripts/screenshots.sh \
	po/core-msgids.c

# gettext's po/Makefile rebuilds a .gmo only when the .pot changes, and
# regenerates the .pot only when it is missing. A plain `make` never writes
# into the source tree: after editing po/*.po or marking new strings, run
# `make po-refresh` to regenerate po/partner-tui.pot and the catalogues.
# (tests/i18n_po.sh extracts its own template, so it needs neither.)
.PHONY: po-refresh
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
