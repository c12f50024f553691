# Appeals (issue 7): the line editor widget (curses-free, unit-tested) and
# the Appeals pane.
src_tui_libtui_a_SOURCES += src/tui/lineedit.c src/tui/lineedit.h \
	src/tui/pane_appeals.h
