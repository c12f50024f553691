/* A small string-to-string hash map: the import's caches (work ->
 * account, known accounts) and its set of (account, day) pairs touched. */
#ifndef PT_STRMAP_H
#define PT_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap_entry {
	char *key;
	char *value;
};

struct strmap {
	struct strmap_entry *slots;
	size_t cap, count;
};

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
/* The value, or NULL when the key is absent. */
const char *strmap_get(const struct strmap *m, const char *key);
/* The entry of a key, or NULL. Its key and value strings stay put until
 * the value is replaced or the map freed (the entry itself may move). */
const struct strmap_entry *strmap_entry(const struct strmap *m,
    const char *key);
/* Inserts or replaces; false when out of memory. *added tells which. */
bool strmap_put(struct strmap *m, const char *key, const char *value,
    bool *added);
/* Iterates: start with *i = 0; NULL at the end. */
const struct strmap_entry *strmap_next(const struct strmap *m, size_t *i);

#endif
