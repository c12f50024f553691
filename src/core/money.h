/* Money is integer fen (1/100 yuan), never floating point. */
#ifndef PT_MONEY_H
#define PT_MONEY_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t fen_t;

#define MONEY_BUFSZ 64

/* "¥1,234.56", "-¥0.50"; returns buf. */
char *money_format(fen_t fen, char buf[MONEY_BUFSZ]);
/* "1234.56", "-0.50": for CSV and JSON strings, no symbol, no grouping. */
char *money_format_plain(fen_t fen, char buf[MONEY_BUFSZ]);
/* Rounds an amount in fractional fen to whole fen, half away from zero. */
fen_t money_round(double fen);

#endif
