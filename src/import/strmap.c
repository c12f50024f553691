#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/strmap.h"

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
}

void
strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		free(m->slots[i].key);
		free(m->slots[i].value);
	}
	free(m->slots);
	memset(m, 0, sizeof *m);
}

static struct strmap_entry *
find(const struct strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->slots[i].key != NULL && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

const char *
strmap_get(const struct strmap *m, const char *key)
{
	if (m->cap == 0)
		return NULL;
	return find(m, key)->value;
}

const struct strmap_entry *
strmap_entry(const struct strmap *m, const char *key)
{
	const struct strmap_entry *e;

	if (m->cap == 0)
		return NULL;
	e = find(m, key);
	return e->key != NULL ? e : NULL;
}

static bool
grow(struct strmap *m)
{
	struct strmap old = *m;

	/* a hash table doubles and rehashes (not a grow_reserve array) */
	if (old.cap > SIZE_MAX / 2 / sizeof *m->slots)
		return false;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->slots = calloc(m->cap, sizeof *m->slots);
	if (m->slots == NULL) {
		*m = old;
		return false;
	}
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key != NULL)
			*find(m, old.slots[i].key) = old.slots[i];
	free(old.slots);
	return true;
}

bool
strmap_put(struct strmap *m, const char *key, const char *value, bool *added)
{
	struct strmap_entry *e;
	char *v;

	if ((m->count + 1) * 4 > m->cap * 3 && !grow(m))
		return false;
	e = find(m, key);
	if ((v = strdup(value ? value : "")) == NULL)
		return false;
	if (added != NULL)
		*added = e->key == NULL;
	if (e->key == NULL) {
		if ((e->key = strdup(key)) == NULL) {
			free(v);
			return false;
		}
		m->count++;
	}
	free(e->value);
	e->value = v;
	return true;
}

const struct strmap_entry *
strmap_next(const struct strmap *m, size_t *i)
{
	for (; *i < m->cap; (*i)++)
		if (m->slots[*i].key != NULL)
			return &m->slots[(*i)++];
	return NULL;
}
