/* Names of enum values from one table per enum, indexed by the value
 * (designated initialisers: `[APPEAL_DRAFT] = "draft"`), for both ways:
 * value to name and name to value. No module writes its own loop. */
#ifndef PT_NAMES_H
#define PT_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* names[value], or `other` when value is outside the table or unnamed. */
const char *names_name(const char *const *names, size_t n, int value,
    const char *other);
/* The value whose name is s (exactly); false when none (or s NULL). */
bool names_parse(const char *const *names, size_t n, const char *s,
    int *value);

/* An enum and its names from one list, an X-macro of (value, name):
 * `enum e { E_LIST(NAMES_ENUM) E_COUNT };` and
 * `static const char *const names[E_COUNT] = { E_LIST(NAMES_ENTRY) };` */
#define NAMES_ENUM(value, name) value,
#define NAMES_ENTRY(value, name) [value] = (name),

#define NAMES_COUNT(tab) (sizeof (tab) / sizeof (tab)[0])
#define NAMES_NAME(tab, v, other) \
	names_name((tab), NAMES_COUNT(tab), (int)(v), (other))
#define NAMES_PARSE(tab, s, out) \
	names_parse((tab), NAMES_COUNT(tab), (s), (out))

#endif
