#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/grow.h"
#include "core/exitcode.h"
#include "core/paths.h"

struct cal_entry {
	day_t day;
	bool workday;		/* make-up workday; else a day off */
	char name[64];
};

struct calendar {
	struct cal_entry *e;	/* sorted by day */
	size_t n, cap;
	int first_year, last_year;	/* years that have entries */
	unsigned char years[400];	/* years[y - 1900]: the table covers y */
};

void
calendar_free(struct calendar *cal)
{
	if (cal == NULL)
		return;
	free(cal->e);
	free(cal);
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct cal_entry *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

struct calendar *
calendar_load(const char *path, struct pt_err *err)
{
	FILE *f = fopen(path, "r");
	struct calendar *cal;
	char line[512];
	int lineno = 0;

	if (f == NULL) {
		err_set(err, PT_EXIT_DB, "holiday table %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	cal = calloc(1, sizeof *cal);
	if (cal == NULL) {
		fclose(f);
		err_set(err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char *c1, *c2, *nl;
		struct cal_entry ent = { 0 };
		int y, m, d;

		lineno++;
		if ((nl = strpbrk(line, "\r\n")) != NULL)
			*nl = '\0';
		if (line[0] == '\0' || line[0] == '#' ||
		    (lineno == 1 && strncmp(line, "date,", 5) == 0))
			continue;
		c1 = strchr(line, ',');
		c2 = c1 ? strchr(c1 + 1, ',') : NULL;
		if (c1 == NULL || c2 == NULL)
			goto bad;
		*c1 = *c2 = '\0';
		if (!day_parse_iso(line, &ent.day))
			goto bad;
		if (strcmp(c1 + 1, "off") == 0)
			ent.workday = false;
		else if (strcmp(c1 + 1, "makeup_workday") == 0)
			ent.workday = true;
		else
			goto bad;
		snprintf(ent.name, sizeof ent.name, "%s", c2 + 1);
		day_to_ymd(ent.day, &y, &m, &d);
		if (y < 1900 || y >= 2300)
			goto bad;
		cal->years[y - 1900] = 1;
		if (!grow_reserve(&cal->e, &cal->cap, cal->n + 1, sizeof *cal->e)) {
			err_set(err, PT_EXIT_DB, "out of memory");
			goto fail;
		}
		cal->e[cal->n++] = ent;
	}
	fclose(f);
	if (cal->n > 1)
		qsort(cal->e, cal->n, sizeof *cal->e, cmp_entry);
	return cal;
bad:
	err_set(err, PT_EXIT_DATA, "%s:%d: expected 'YYYY-MM-DD,off|makeup_workday,"
	    "name'", path, lineno);
fail:
	fclose(f);
	calendar_free(cal);
	return NULL;
}

bool
calendar_merge(struct calendar *cal, const struct calendar *user,
    struct pt_err *err)
{
	size_t n = cal->n;

	if (!grow_reserve(&cal->e, &cal->cap, cal->n + user->n + 1,
	    sizeof *cal->e)) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	for (size_t i = 0; i < user->n; i++) {
		const struct cal_entry *u = &user->e[i];
		size_t k;
		/* the user's line replaces the shipped one of its day */
		for (k = 0; k < n; k++)
			if (cal->e[k].day == u->day)
				break;
		if (k < n)
			cal->e[k] = *u;
		else
			cal->e[cal->n++] = *u;
	}
	for (size_t y = 0; y < sizeof cal->years; y++)
		cal->years[y] |= user->years[y];
	if (cal->n > 1)
		qsort(cal->e, cal->n, sizeof *cal->e, cmp_entry);
	return true;
}

const struct calendar *
calendar_default(struct pt_err *err)
{
	static struct calendar *cal;
	char *path, *dir;

	if (cal != NULL)
		return cal;
	if ((path = paths_data_file("holidays.csv")) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	cal = calendar_load(path, err);
	free(path);
	if (cal == NULL)
		return NULL;
	/* $XDG_CONFIG_HOME/partner-tui/holidays.csv extends the shipped
	 * table (years it does not cover) or overrides its days. */
	dir = paths_config_dir();
	path = dir != NULL ? paths_join(dir, "holidays.csv") : NULL;
	free(dir);
	if (path != NULL && access(path, F_OK) == 0) {
		struct calendar *user = calendar_load(path, err);
		if (user == NULL || !calendar_merge(cal, user, err)) {
			calendar_free(user);
			calendar_free(cal);
			cal = NULL;
			free(path);
			return NULL;
		}
		calendar_free(user);
	}
	free(path);
	return cal;
}

static const struct cal_entry *
find(const struct calendar *cal, day_t day)
{
	size_t lo = 0, hi = cal->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cal->e[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cal->n && cal->e[lo].day == day ? &cal->e[lo] : NULL;
}

bool
calendar_covers(const struct calendar *cal, day_t day)
{
	int y, m, d;

	day_to_ymd(day, &y, &m, &d);
	return y >= 1900 && y < 2300 && cal->years[y - 1900];
}

bool
calendar_is_workday(const struct calendar *cal, day_t day, bool *fallback)
{
	const struct cal_entry *e;
	bool weekday = day_weekday(day) < 5;

	if (!calendar_covers(cal, day)) {
		if (fallback != NULL)
			*fallback = true;
		return weekday;
	}
	if ((e = find(cal, day)) != NULL)
		return e->workday;
	return weekday;
}

const char *
calendar_day_name(const struct calendar *cal, day_t day)
{
	const struct cal_entry *e = find(cal, day);

	return e != NULL ? e->name : NULL;
}

day_t
calendar_add_workdays(const struct calendar *cal, day_t day, int n,
    bool *fallback)
{
	while (n > 0) {
		day++;
		if (calendar_is_workday(cal, day, fallback))
			n--;
	}
	return day;
}
