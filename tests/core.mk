# The core's unit tests are suites by module (tests/suites.mk), linked
# without ncurses, on purpose.
TESTS += tests/cli_basics.sh
EXTRA_DIST += tests/cli_basics.sh tests/lib.sh
# The generator of the core's SQL headers (src/core/sql.mk).
TESTS += tests/sql2h.sh
EXTRA_DIST += tests/sql2h.sh
# The layers' rules, read from the sources (README, Hacking).
TESTS += tests/layers.sh
EXTRA_DIST += tests/layers.sh
# The suites by module (one program per module of src/).
include tests/suites.mk
