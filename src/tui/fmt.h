/* Numbers as the panes show them: exact values (money to the fen, counts
 * with grouping), compact axis labels (万/亿 in Chinese, k/M in English)
 * and changes with an explicit sign, so no meaning rests on colour. */
#ifndef PT_TUI_FMT_H
#define PT_TUI_FMT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/series.h"

#define FMT_BUFSZ 48

/* Counts in Chinese read in 万 and 亿 ("4.3万"), as the platform shows
 * them; set once from the locale by the frame. English keeps digits. */
void fmt_set_zh(bool zh);
bool fmt_zh(void);
/* "12,345" (English or below 1万), "4.3万", "1.25亿" (Chinese). */
char *fmt_count(char *buf, size_t size, long long n);
/* "¥1,234.56", "12,345", "4.12%", "0.98". */
char *fmt_value(char *buf, size_t size, enum series_unit unit, double v);
/* "¥1.2万", "3.5k", "12%": short, for the y axis. */
char *fmt_axis(char *buf, size_t size, enum series_unit unit, double v,
    bool zh);
/* Change from prev to cur: "+5.1%", "-12.0%"; "+¥1.20" when prev is 0;
 * "=" when equal; "" when either is missing. Returns the sign (-1, 0,
 * 1) in *dir when dir is not NULL. */
char *fmt_change(char *buf, size_t size, enum series_unit unit, bool has_cur,
    double cur, bool has_prev, double prev, int *dir);

#endif
