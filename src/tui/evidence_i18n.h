/* TEMPORARY shim until the panes are edited after frame's landing. */
#include "present/evidence_text.h"
#define evidence_value present_value
#define evidence_translate(e, b, n) present_evidence(&(e), PRESENT_UI, b, n)
#define VIEWS_VIOLATION_DAYS (engine_model()->violation_days)
