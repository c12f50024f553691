# Diagnosis, Eligibility and Accounts panes: their shared widgets. The
# pane files themselves (pane_diagnosis.c, pane_eligibility.c,
# pane_overview.c) are listed by the frame's panes.mk.
src_tui_libtui_a_SOURCES += src/tui/views_ui.c src/tui/views_ui.h
