#include "config.h"

#include <string.h>

#include "core/names.h"

const char *
names_name(const char *const *names, size_t n, int value, const char *other)
{
	if (value < 0 || (size_t)value >= n || names[value] == NULL)
		return other;
	return names[value];
}

bool
names_parse(const char *const *names, size_t n, const char *s, int *value)
{
	if (s == NULL)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (names[i] != NULL && strcmp(names[i], s) == 0) {
			*value = (int)i;
			return true;
		}
	}
	return false;
}
