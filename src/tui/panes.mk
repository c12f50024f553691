# The panes (one file each; see src/tui/pane.h). Further sources of a
# pane go in its own fragment (e.g. src/tui/appeal.mk).
src_tui_libtui_a_SOURCES += \
	src/tui/pane_trends.c \
	src/tui/pane_overview.c \
	src/tui/pane_diagnosis.c \
	src/tui/pane_eligibility.c \
	src/tui/pane_appeals.c
