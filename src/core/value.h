/* Parsing of cell values as people and spreadsheets write them (DESIGN
 * §4): "1,234", "1.2万", "3亿", "16.42%", "0.1642", "¥12.34", "12.34元",
 * "00:01:23", "83", "2026-11-03", "2026/11/3", "2026年11月3日" with or
 * without a time, yes/no/是/否. Pure functions, no database: the import
 * module, the engine and the fuzzers share them.
 *
 * Every parser returns NULL on success or a short static reason ("not a
 * number", "rate above 100%") for the caller to put in a message that also
 * names the file, line, column and value. Missing values ("", "-", "--")
 * are recognised by value_is_missing() and never parsed as 0. */
#ifndef PT_VALUE_H
#define PT_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/money.h"

/* Counts above this are refused as overflow (plays beyond 9e15 are not
 * real data, and the margin keeps every product below INT64_MAX). */
#define VALUE_COUNT_MAX INT64_C(9000000000000000)

/* Empty (after trimming spaces), "-", "--", "—" or "N/A". */
bool value_is_missing(const char *s);

/* A whole number >= 0: "1234", "1,234", "1.2万", "3亿", "12.0". */
const char *value_parse_count(const char *s, int64_t *out);
/* A decimal number, sign allowed: "-1.5", "1,234.5", "1.2万". */
const char *value_parse_real(const char *s, double *out);
/* A rate in [0, 1]: "16.42%" or "0.1642" (a bare number above 1 is
 * refused: it would be a percent written without its sign). */
const char *value_parse_rate(const char *s, double *out);
/* Yuan to fen, exactly (decimal text, never through a double):
 * "12.34", "¥12.34", "￥1,234.5", "12.34元", "1.2万元", "-0.5". More than
 * two decimals that are not zero are refused, not rounded. */
const char *value_parse_money(const char *s, fen_t *out);
/* Seconds: "83", "83.5", "83s", "83秒", "01:23", "00:01:23". */
const char *value_parse_seconds(const char *s, double *out);
/* A day with an optional time: "2026-11-03", "2026-11-3", "2026/11/3",
 * "2026年11月3日", each optionally followed by " 12:34" or "T12:34:56"
 * (Chinese dates also "12时34分"). *sec is the second of the day (0 when
 * no time); sec and has_time may be NULL. */
const char *value_parse_day(const char *s, day_t *day, int *sec,
    bool *has_time);
/* yes/no, true/false, y/n, 1/0, 是/否 (English case-insensitive). */
const char *value_parse_bool(const char *s, bool *out);

/* An enumeration written in English or Chinese. */
struct value_enum {
	const char *en;
	const char *zh;
};
/* Index into tab (terminated by { NULL, NULL }) or a reason. */
const char *value_parse_enum(const char *s, const struct value_enum *tab,
    int *out);
/* "public, one_day, self_only, deleted (公开, ...)" into buf. */
char *value_enum_expected(const struct value_enum *tab, char *buf, size_t size);

/* Copies s without leading and trailing spaces (ASCII, NBSP, U+3000) into
 * buf; returns buf. */
char *value_trim(const char *s, char *buf, size_t size);

#endif
