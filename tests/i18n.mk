# Translations, manual pages and installation (issue 9).
TESTS += tests/i18n.sh tests/man_lint.sh tests/i18n_install.sh
EXTRA_DIST += tests/i18n.sh tests/man_lint.sh tests/i18n_install.sh \
	po/core-msgids.c

# gettext's po/Makefile rebuilds a .gmo only when the .pot changes, so an
# edited .po would be installed stale: drop po/stamp-po first when a .po is
# newer than its .gmo. (BUILT_SOURCES run before the po/ subdirectory.)
BUILT_SOURCES = po-gmo-fresh
.PHONY: po-gmo-fresh
po-gmo-fresh:
	@for po in $(srcdir)/po/*.po; do \
	  gmo=$${po%.po}.gmo; \
	  if test -f "$$gmo" && test "$$po" -nt "$$gmo" && test -w $(srcdir)/po; then \
	    echo "po: $$po changed: rebuilding the catalogues"; \
	    rm -f $(srcdir)/po/stamp-po "$$gmo"; \
	  fi; \
	done

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
