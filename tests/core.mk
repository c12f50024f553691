# The core's unit tests are suites by module (tests/suites.mk), linked
# without ncurses, on purpose.
TESTS += tests/cli_basics.sh
EXTRA_DIST += tests/cli_basics.sh tests/lib.sh
# The suites by module (one program per module of src/).
include tests/suites.mk
