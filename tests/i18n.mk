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
# regenerates the .pot only when it is missing; and it compiles each .po
# merged with that .pot. So an edited .po, or new strings in the sources,
# would be installed stale or dropped. When a .po is newer than its .gmo, or
# a source in POTFILES.in newer than the .pot, regenerate the .pot and the
# catalogues. (BUILT_SOURCES are made before the po/ subdirectory.)
BUILT_SOURCES = po-gmo-fresh
.PHONY: po-gmo-fresh
po-gmo-fresh:
	@pot=$(srcdir)/po/$(PACKAGE).pot; stale=; \
	test -f "$$pot" && test -w $(srcdir)/po || exit 0; \
	for po in $(srcdir)/po/*.po; do \
	  gmo=$${po%.po}.gmo; \
	  if test ! -f "$$gmo" || test "$$po" -nt "$$gmo"; then stale=$$po; fi; \
	done; \
	for f in `sed -e '/^#/d' -e '/^ *$$/d' $(srcdir)/po/POTFILES.in`; do \
	  if test "$(srcdir)/$$f" -nt "$$pot"; then stale=$$f; fi; \
	done; \
	if test -n "$$stale"; then \
	  echo "po: $$stale changed: regenerating $(PACKAGE).pot and the catalogues"; \
	  (cd po && $(MAKE) $(AM_MAKEFLAGS) $(PACKAGE).pot-update) >/dev/null && \
	  touch "$$pot" && rm -f $(srcdir)/po/stamp-po $(srcdir)/po/*.gmo; \
	fi

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
