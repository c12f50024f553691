/* Not compiled: msgids for text that src/core returns and the CLI and the
 * TUI translate where they show it (src/core has no gettext). Keep in step
 * with the tables named below; tests/i18n_core.sh checks that each string
 * the core returns has a translation. */
#define N_(s) (s)

/* src/core/exitcode.c: exitcode_meaning(), printed by partner-tui --help */
static const char *const exit_meanings[] = {
	N_("success"),
	N_("check found a rule that fails"),
	N_("usage error"),
	N_("input data rejected"),
	N_("database or I/O error"),
	N_("conflict: a stale edit or a state change that is not allowed"),
	N_("unknown exit code"),
};

/* src/core/attribution.c: engine_factor_label(), in report attribution
 * and the Trends attribution line */
static const char *const factor_labels[] = {
	N_("profitable plays"), N_("interaction"), N_("user value"),
	N_("quality"), N_("bonuses"), N_("eligibility"), N_("new works"),
	N_("calibration"),
};

/* wallet entry kinds (src/core/views.c), in the Eligibility pane */
static const char *const wallet_kinds[] = {
	N_("settlement"), N_("compensation"), N_("withdrawal"), N_("adjustment"),
};

/* src/core/appeal.c: appeal_status_name(), appeal_channel_name(), in
 * `partner-tui appeal show` */
static const char *const appeal_names[] = {
	N_("draft"), N_("submitted"), N_("approved"), N_("rejected"),
	N_("paid"), N_("withdrawn"), N_("diagnosis"), N_("account_detection"),
};

/* src/core/compensation.c: compensation_day.note, in appeal show */
static const char *const compensation_notes[] = {
	N_("before automatic back-pay began: not compensated"),
	N_("no play figures for this day"),
	N_("the work failed another rule that day or was paid back already: "
	    "nothing to pay"),
	N_("no work would have earned but for the violation"),
	N_("no earning days before: nothing to base back-pay on"),
};
