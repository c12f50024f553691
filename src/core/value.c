#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/value.h"

#define N_(s) (s)	/* a msgid: translated where the reason is shown */

#define YEN_HALF "\xc2\xa5"	/* ¥ U+00A5 */
#define YEN_FULL "\xef\xbf\xa5"	/* ￥ U+FFE5 */
#define WAN "\xe4\xb8\x87"	/* 万 */
#define YI "\xe4\xba\xbf"	/* 亿 */
#define YUAN "\xe5\x85\x83"	/* 元 */

/* Length of the space at p (0 when none): ASCII blanks, NBSP, U+3000. */
static size_t
space_len(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 2;
	if ((unsigned char)p[0] == 0xe3 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x80)
		return 3;
	return 0;
}

char *
value_trim(const char *s, char *buf, size_t size)
{
	size_t n, k;

	if (size == 0)
		return buf;
	if (s == NULL)
		s = "";
	while ((k = space_len(s)) > 0)
		s += k;
	n = strlen(s);
	for (;;) {
		if (n >= 1 && space_len(s + n - 1) == 1)
			n--;
		else if (n >= 2 && space_len(s + n - 2) == 2)
			n -= 2;
		else if (n >= 3 && space_len(s + n - 3) == 3)
			n -= 3;
		else
			break;
	}
	if (n >= size)
		n = size - 1;
	memmove(buf, s, n);	/* buf may be s itself */
	buf[n] = '\0';
	return buf;
}

bool
value_is_missing(const char *s)
{
	char t[16];

	if (s == NULL)
		return true;
	if (*s >= '0' && *s <= '9')
		return false;	/* the common case, decided at once */
	if (strnlen(s, 65) > 64)
		return false;
	value_trim(s, t, sizeof t);
	return t[0] == '\0' || strcmp(t, "-") == 0 || strcmp(t, "--") == 0 ||
	    strcmp(t, "\xe2\x80\x94") == 0;
}

/* Removes suffix from the end of t (length *n); true when it was there. */
static bool
strip_suffix(char *t, size_t *n, const char *suffix)
{
	size_t k = strlen(suffix);

	if (*n < k || memcmp(t + *n - k, suffix, k) != 0)
		return false;
	*n -= k;
	t[*n] = '\0';
	/* "12.34 元": a space before the unit is presentation. */
	while (*n > 0 && t[*n - 1] == ' ')
		t[--*n] = '\0';
	return true;
}

static bool
strip_prefix(const char **p, const char *prefix)
{
	size_t k = strlen(prefix);

	if (strncmp(*p, prefix, k) != 0)
		return false;
	*p += k;
	while (**p == ' ')
		(*p)++;
	return true;
}

/* A decimal: digits with optional thousands commas (groups of three) and
 * an optional fraction. value = mant / 10^scale. */
struct dec {
	bool neg;
	uint64_t mant;
	int scale;
};

static const char *
parse_dec(const char *p, bool allow_sign, struct dec *d)
{
	int ndigits = 0, group = 0;
	bool commas = false;

	memset(d, 0, sizeof *d);
	if (*p == '+' || *p == '-') {
		if (!allow_sign && *p == '-')
			return N_("negative value");
		d->neg = *p == '-';
		p++;
	}
	if (*p < '0' || *p > '9')
		return N_("not a number");
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (d->mant > (UINT64_MAX - 9) / 10 || ndigits >= 18)
				return N_("number too large");
			d->mant = d->mant * 10 + (uint64_t)(*p - '0');
			if (d->mant > 0)
				ndigits++;
			group++;
		} else if (*p == ',') {
			if ((commas && group != 3) || (!commas && group > 3) ||
			    group == 0)
				return N_("misplaced thousands separator");
			commas = true;
			group = 0;
		} else
			break;
	}
	if (commas && group != 3)
		return N_("misplaced thousands separator");
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return N_("not a number");
		for (; *p >= '0' && *p <= '9'; p++) {
			if (d->mant == 0 && *p == '0') {
				d->scale++;
				if (d->scale > 18)
					return N_("number too small");
				continue;
			}
			if (ndigits >= 18 || d->scale >= 18)
				return N_("too many digits");
			d->mant = d->mant * 10 + (uint64_t)(*p - '0');
			ndigits++;
			d->scale++;
		}
	}
	if (*p != '\0')
		return N_("not a number");
	if (d->mant == 0)
		d->neg = false;
	return NULL;
}

static const uint64_t pow10u[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000ull, 100000000000ull, 1000000000000ull,
	10000000000000ull, 100000000000000ull, 1000000000000000ull,
	10000000000000000ull, 100000000000000000ull, 1000000000000000000ull,
};

/* d * 10^e as an exact integer: "not a whole number" when it is not. */
static const char *
dec_to_int(const struct dec *d, int e, uint64_t limit, uint64_t *out,
    const char *fraction_reason)
{
	uint64_t v = d->mant;

	e -= d->scale;
	if (e < 0) {
		if (-e > 18) {
			if (v != 0)
				return fraction_reason;
		} else {
			if (v % pow10u[-e] != 0)
				return fraction_reason;
			v /= pow10u[-e];
		}
	} else if (v != 0) {
		if (e > 18 || v > limit / pow10u[e])
			return N_("number too large");
		v *= pow10u[e];
	}
	if (v > limit)
		return N_("number too large");
	*out = v;
	return NULL;
}

static const double pow10d[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static double
dec_to_double(const struct dec *d, int e)
{
	double v = (double)d->mant;

	e -= d->scale;
	/* One rounding: an exact mantissa (18 digits at most) times or over
	 * an exact power of ten (up to 1e22). */
	while (e > 22) {
		v *= 1e22;
		e -= 22;
	}
	while (e < -22) {
		v /= 1e22;
		e += 22;
	}
	v = e >= 0 ? v * pow10d[e] : v / pow10d[-e];
	return d->neg ? -v : v;
}

#define TRIM(s, t) do { \
	if ((s) == NULL || strlen(s) >= sizeof (t)) \
		return (s) == NULL ? N_("missing") : N_("value too long"); \
	value_trim((s), (t), sizeof (t)); \
} while (0)

/* Strips 万 / 亿 and returns the power of ten they stand for. */
static int
strip_multiplier(char *t, size_t *n)
{
	if (strip_suffix(t, n, WAN))
		return 4;
	if (strip_suffix(t, n, YI))
		return 8;
	return 0;
}

/* A number with an optional 万 or 亿: its digits in *d, the power of ten
 * of the multiplier in *e; NULL, or why not. */
static const char *
parse_multiplied(const char *s, struct dec *d, int *e)
{
	char t[64];
	size_t n;

	TRIM(s, t);
	n = strlen(t);
	*e = strip_multiplier(t, &n);
	return parse_dec(t, true, d);
}

const char *
value_parse_count(const char *s, int64_t *out)
{
	struct dec d;
	uint64_t v;
	const char *why;
	int e;

	if ((why = parse_multiplied(s, &d, &e)) != NULL)
		return why;
	if (d.neg)
		return N_("negative count");
	if ((why = dec_to_int(&d, e, VALUE_COUNT_MAX, &v,
	    N_("not a whole number"))) != NULL)
		return why;
	*out = (int64_t)v;
	return NULL;
}

const char *
value_parse_real(const char *s, double *out)
{
	struct dec d;
	const char *why;
	int e;

	if ((why = parse_multiplied(s, &d, &e)) != NULL)
		return why;
	*out = dec_to_double(&d, e);
	return NULL;
}

const char *
value_parse_rate(const char *s, double *out)
{
	char t[64];
	size_t n;
	struct dec d;
	const char *why;
	bool percent;
	double v;

	TRIM(s, t);
	n = strlen(t);
	percent = strip_suffix(t, &n, "%") || strip_suffix(t, &n, "\xef\xbc\x85");
	if ((why = parse_dec(t, true, &d)) != NULL)
		return why;
	if (d.neg)
		return N_("negative rate");
	v = dec_to_double(&d, percent ? -2 : 0);
	if (v > 1.0) {
		return percent ? N_("rate above 100%") :
		    /* xgettext:no-c-format */
		    N_("rate above 1 (write 16.42% or 0.1642)");
	}
	*out = v;
	return NULL;
}

const char *
value_parse_money(const char *s, fen_t *out)
{
	char t[64];
	const char *p;
	size_t n;
	struct dec d;
	uint64_t v;
	const char *why;
	bool neg = false;
	int e;

	TRIM(s, t);
	n = strlen(t);
	strip_suffix(t, &n, YUAN);
	e = strip_multiplier(t, &n);
	p = t;
	/* "-¥0.50" (as partner-tui prints) and "¥-0.50" both. */
	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		p++;
	}
	if (!strip_prefix(&p, YEN_HALF))
		strip_prefix(&p, YEN_FULL);
	if ((why = parse_dec(p, !neg, &d)) != NULL)
		return neg && strcmp(why, "negative value") == 0 ?
		    N_("not a number") : why;
	if ((why = dec_to_int(&d, e + 2, (uint64_t)VALUE_COUNT_MAX, &v,
	    N_("more precise than a fen (0.01)"))) != NULL)
		return why;
	*out = (neg != d.neg) ? -(fen_t)v : (fen_t)v;
	return NULL;
}

/* Reads 1+ digits; false when there are none. */
static bool
read_int(const char **p, int maxdigits, int *out)
{
	int v = 0, n = 0;

	while (**p >= '0' && **p <= '9') {
		if (++n > maxdigits)
			return false;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	*out = v;
	return n > 0;
}

const char *
value_parse_seconds(const char *s, double *out)
{
	char t[64];
	const char *p;
	size_t n;
	int a, b, c;

	TRIM(s, t);
	n = strlen(t);
	if (strchr(t, ':') != NULL) {
		p = t;
		if (!read_int(&p, 6, &a) || *p++ != ':' || !read_int(&p, 2, &b))
			return N_("not a duration (00:01:23 or 83)");
		if (*p == '\0') {
			if (b > 59)
				return N_("seconds above 59");
			*out = a * 60.0 + b;
			return NULL;
		}
		if (*p++ != ':' || !read_int(&p, 2, &c) || *p != '\0')
			return N_("not a duration (00:01:23 or 83)");
		if (b > 59 || c > 59)
			return N_("minutes or seconds above 59");
		*out = a * 3600.0 + b * 60.0 + c;
		return NULL;
	}
	/* "1分23秒" */
	if (strstr(t, "\xe5\x88\x86") != NULL) {	/* 分 */
		p = t;
		if (!read_int(&p, 6, &a) || strncmp(p, "\xe5\x88\x86", 3) != 0)
			return N_("not a duration (00:01:23 or 83)");
		p += 3;
		b = 0;
		if (*p != '\0' && (!read_int(&p, 2, &b) ||
		    strcmp(p, "\xe7\xa7\x92") != 0))	/* 秒 */
			return N_("not a duration (00:01:23 or 83)");
		if (b > 59)
			return N_("seconds above 59");
		*out = a * 60.0 + b;
		return NULL;
	}
	if (!strip_suffix(t, &n, "\xe7\xa7\x92"))
		strip_suffix(t, &n, "s");
	{
		struct dec d;
		const char *why = parse_dec(t, true, &d);
		if (why != NULL)
			return strcmp(why, "not a number") == 0 ?
			    N_("not a duration (00:01:23 or 83)") : why;
		if (d.neg)
			return N_("negative duration");
		*out = dec_to_double(&d, 0);
	}
	return NULL;
}

/* " 12:34", "T12:34:56", "12时34分56秒", "12点34分" after a date. */
static const char *
parse_time(const char *p, int *sec)
{
	int h, m, sc = 0;

	if (*p == 'T' || *p == ' ')
		p++;
	while (*p == ' ')
		p++;
	if (!read_int(&p, 2, &h))
		return N_("not a time");
	if (*p == ':') {
		p++;
		if (!read_int(&p, 2, &m))
			return N_("not a time");
		if (*p == ':') {
			p++;
			if (!read_int(&p, 2, &sc))
				return N_("not a time");
			/* Fractions of a second from spreadsheets are noise. */
			if (*p == '.') {
				p++;
				while (*p >= '0' && *p <= '9')
					p++;
			}
		}
	} else if (strncmp(p, "\xe6\x97\xb6", 3) == 0 ||	/* 时 */
	    strncmp(p, "\xe7\x82\xb9", 3) == 0) {		/* 点 */
		p += 3;
		if (!read_int(&p, 2, &m) || strncmp(p, "\xe5\x88\x86", 3) != 0)
			return N_("not a time");
		p += 3;
		if (*p != '\0') {
			if (!read_int(&p, 2, &sc) ||
			    strncmp(p, "\xe7\xa7\x92", 3) != 0)
				return N_("not a time");
			p += 3;
		}
	} else
		return N_("not a time");
	if (*p != '\0')
		return N_("not a time");
	if (h > 23 || m > 59 || sc > 59)
		return N_("no such time");
	*sec = h * 3600 + m * 60 + sc;
	return NULL;
}

const char *
value_parse_day(const char *s, day_t *day, int *sec, bool *has_time)
{
	char t[64];
	const char *p;
	int y, mo, d, secs = 0;
	bool chinese = false;
	const char *why;

	TRIM(s, t);
	p = t;
	if (!read_int(&p, 4, &y) || p - t != 4)
		return N_("not a date (2026-11-03, 2026/11/3 or 2026年11月3日)");
	if (strncmp(p, "\xe5\xb9\xb4", 3) == 0) {	/* 年 */
		chinese = true;
		p += 3;
	} else if (*p == '-' || *p == '/' || *p == '.') {
		char sep = *p++;
		if (!read_int(&p, 2, &mo) || *p != sep)
			return N_("not a date (2026-11-03, 2026/11/3 or 2026年11月3日)");
		p++;
		goto mday;
	} else
		return N_("not a date (2026-11-03, 2026/11/3 or 2026年11月3日)");
	if (!read_int(&p, 2, &mo) || strncmp(p, "\xe6\x9c\x88", 3) != 0) /* 月 */
		return N_("not a date (2026-11-03, 2026/11/3 or 2026年11月3日)");
	p += 3;
mday:
	if (!read_int(&p, 2, &d))
		return N_("not a date (2026-11-03, 2026/11/3 or 2026年11月3日)");
	if (chinese) {
		if (strncmp(p, "\xe6\x97\xa5", 3) == 0 ||	/* 日 */
		    strncmp(p, "\xe5\x8f\xb7", 3) == 0)		/* 号 */
			p += 3;
		else
			return N_("not a date (2026-11-03, 2026/11/3 or 2026年11月3日)");
	}
	if (*p != '\0') {
		if ((why = parse_time(p, &secs)) != NULL)
			return why;
	}
	if (!day_from_ymd(y, mo, d, day))
		return N_("no such date");
	if (sec != NULL)
		*sec = secs;
	if (has_time != NULL)
		*has_time = *p != '\0';
	return NULL;
}

const char *
value_parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "yes", "true", "y", "1", "\xe6\x98\xaf", NULL };
	static const char *const no[] = { "no", "false", "n", "0", "\xe5\x90\xa6", NULL };
	char t[16];

	TRIM(s, t);
	for (int i = 0; yes[i] != NULL; i++) {
		if (strcasecmp(t, yes[i]) == 0) {
			*out = true;
			return NULL;
		}
		if (strcasecmp(t, no[i]) == 0) {
			*out = false;
			return NULL;
		}
	}
	return N_("not yes/no (yes, no, true, false, 1, 0, 是, 否)");
}

const char *
value_parse_enum(const char *s, const struct value_enum *tab, int *out)
{
	char t[128];

	TRIM(s, t);
	for (int i = 0; tab[i].en != NULL; i++) {
		if (strcasecmp(t, tab[i].en) == 0 ||
		    (tab[i].zh != NULL && strcmp(t, tab[i].zh) == 0)) {
			*out = i;
			return NULL;
		}
	}
	return N_("unknown value");
}

char *
value_enum_expected(const struct value_enum *tab, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && len < size)
			len += (size_t)snprintf(buf + len, size - len, " or ");
		for (int i = 0; tab[i].en != NULL && len < size; i++) {
			const char *w = pass == 0 ? tab[i].en : tab[i].zh;
			if (w == NULL)
				continue;
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    i ? ", " : "", w);
		}
	}
	if (len >= size && size > 0)
		buf[size - 1] = '\0';
	return buf;
}
