#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/grow.h"
#include "core/text.h"

bool
text_utf8_next(const char **pp, const char *end, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)*pp;
	const unsigned char *e = (const unsigned char *)end;
	uint32_t c = p[0], min;
	int len;

	if (c < 0x80) {
		*cp = c;
		*pp += 1;
		return true;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4; c &= 0x07; min = 0x10000;
	} else
		goto bad;
	if (e - p < len)
		goto bad;
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	*pp += len;
	return true;
bad:
	*cp = p[0];
	*pp += 1;
	return false;
}

bool
text_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const char *p = s, *end = s + n;
	uint32_t cp;

	while (p < end) {
		const char *at = p;
		if (!text_utf8_next(&p, end, &cp)) {
			if (bad != NULL)
				*bad = (size_t)(at - s);
			return false;
		}
	}
	return true;
}

struct range {
	uint32_t lo, hi;
};

static bool
in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Used only when the C library cannot tell (non-UTF-8 locale): East Asian
 * Wide/Fullwidth blocks and the emoji that terminals draw two columns. */
static const struct range wide_ranges[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff },
	{ 0xa000, 0xa4cf }, { 0xa960, 0xa97f }, { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfaff }, { 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe4 },
	{ 0x17000, 0x18cff }, { 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 },
	{ 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a },
	{ 0x1f200, 0x1f251 }, { 0x1f300, 0x1f320 }, { 0x1f32d, 0x1f335 },
	{ 0x1f337, 0x1f37c }, { 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca },
	{ 0x1f3cf, 0x1f3d3 }, { 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 },
	{ 0x1f3f8, 0x1f43e }, { 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc },
	{ 0x1f4ff, 0x1f53d }, { 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 },
	{ 0x1f57a, 0x1f57a }, { 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 },
	{ 0x1f5fb, 0x1f64f }, { 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc },
	{ 0x1f6d0, 0x1f6d2 }, { 0x1f6d5, 0x1f6d7 }, { 0x1f6eb, 0x1f6ec },
	{ 0x1f6f4, 0x1f6fc }, { 0x1f7e0, 0x1f7eb }, { 0x1f90c, 0x1f93a },
	{ 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1faff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static const struct range zero_ranges[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x0e31, 0x0e31 },
	{ 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
	{ 0x2060, 0x2064 }, { 0x2066, 0x206f }, { 0x20d0, 0x20ff },
	{ 0x302a, 0x302d }, { 0x3099, 0x309a }, { 0xfe00, 0xfe0f },
	{ 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff }, { 0x1f3fb, 0x1f3ff },
	{ 0xe0000, 0xe0fff },
};

int
text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (cp < 0x7f)
		return 1;
	/* Ask the C library first: it is what ncurses measures with. */
	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	if (in_ranges(cp, zero_ranges, sizeof zero_ranges / sizeof zero_ranges[0]))
		return 0;
	if (in_ranges(cp, wide_ranges, sizeof wide_ranges / sizeof wide_ranges[0]))
		return 2;
	return 1;
}

int
text_width(const char *s)
{
	const char *p = s, *end = s + strlen(s);
	uint32_t cp;
	int w = 0;

	while (p < end) {
		if (text_utf8_next(&p, end, &cp))
			w += text_cp_width(cp);
		else
			w += 1;
	}
	return w;
}

bool
text_is_dangerous(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x2028 || cp == 0x2029;
}

int
text_shown_width(uint32_t cp)
{
	if (cp == '\n' || cp == '\t')
		return 1;
	if (cp < 0x20 || cp == 0x7f)
		return 2;
	if (text_is_dangerous(cp))
		return cp > 0xffff ? 9 : 8;
	return text_cp_width(cp);
}

/* One character of the input: its bytes at..at+n, its code point cp
 * (the byte itself when not valid UTF-8). Appends what stands for it. */
typedef bool text_put_fn(struct grow_buf *b, const char *at, size_t n,
    uint32_t cp, bool valid, unsigned flags);

/* s rewritten character by character; NULL out of memory. */
static char *
text_map(const char *s, text_put_fn *put, unsigned flags)
{
	struct grow_buf b = { 0 };
	const char *p = s, *end = s + strlen(s);
	bool ok = grow_buf_add(&b, "", 0);

	while (ok && p < end) {
		const char *at = p;
		uint32_t cp;
		bool valid = text_utf8_next(&p, end, &cp);

		ok = put(&b, at, (size_t)(p - at), cp, valid, flags);
	}
	if (!ok)
		grow_buf_free(&b);	/* b.s is NULL now */
	return b.s;
}

static bool
sanitize_one(struct grow_buf *b, const char *at, size_t n, uint32_t cp,
    bool valid, unsigned flags)
{
	if (!valid)
		return grow_buf_addf(b, "\\x%02X", cp);
	if ((cp == '\n' || cp == '\t') && (flags & TEXT_ONE_LINE))
		return grow_buf_add(b, " ", 1);
	if (cp < 0x20)
		return grow_buf_addf(b, "^%c", (char)('@' + cp));
	if (cp == 0x7f)
		return grow_buf_add(b, "^?", 2);
	if (text_is_dangerous(cp))
		return grow_buf_addf(b, "<U+%04X>", cp);
	return grow_buf_add(b, at, n);
}

char *
text_sanitize(const char *s, unsigned flags)
{
	return text_map(s, sanitize_one, flags);
}

static bool
json_one(struct grow_buf *b, const char *at, size_t n, uint32_t cp,
    bool valid, unsigned flags)
{
	(void)flags;
	/* JSON is UTF-8: a stray byte (0x9B is CSI to an 8-bit terminal)
	 * becomes the replacement character. */
	if (!valid)
		return grow_buf_add(b, "\\ufffd", 6);
	/* Outside strings only whitespace is legal: escape whatever else
	 * the serialiser let through. */
	if ((cp >= 0x7f && text_is_dangerous(cp)) ||
	    (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r'))
		return grow_buf_addf(b, "\\u%04x", cp);
	return grow_buf_add(b, at, n);
}

char *
text_json_safe(const char *json)
{
	return text_map(json, json_one, 0);
}

int
text_fit(char *dst, size_t dstsz, const char *s, int width,
    const char *ellipsis)
{
	const char *p = s, *end = s + strlen(s);
	size_t out = 0, elen = strlen(ellipsis);
	int used = 0;

	if (dstsz == 0)
		return 0;
	if (text_width(s) <= width) {
		/* Whole string fits: copy as much as the buffer holds. */
		while (p < end) {
			const char *at = p;
			uint32_t cp;
			text_utf8_next(&p, end, &cp);
			size_t n = (size_t)(p - at);
			if (out + n + 1 > dstsz)
				break;
			memcpy(dst + out, at, n);
			out += n;
			used += text_cp_width(cp);
		}
		dst[out] = '\0';
		return used;
	}
	while (p < end && width > 0) {
		const char *at = p;
		uint32_t cp;
		int w;

		if (!text_utf8_next(&p, end, &cp))
			w = 1;
		else
			w = text_cp_width(cp);
		size_t n = (size_t)(p - at);
		/* Leave a column for the ellipsis. */
		if (used + w > width - 1 || out + n + elen + 1 > dstsz)
			break;
		memcpy(dst + out, at, n);
		out += n;
		used += w;
	}
	if (width > 0 && out + elen + 1 <= dstsz) {
		memcpy(dst + out, ellipsis, elen);
		out += elen;
		used += 1;
	}
	dst[out] = '\0';
	return used;
}

size_t
text_chars(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t c = 0;
	uint32_t cp;

	while (p < end) {
		text_utf8_next(&p, end, &cp);
		c++;
	}
	return c;
}

void
text_copy_cut(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

bool
text_contains(const char *hay, const char *needle)
{
	size_t nlen = needle != NULL ? strlen(needle) : 0;

	if (nlen == 0)
		return true;
	for (; *hay != '\0'; hay++) {
		size_t i = 0;
		while (i < nlen && hay[i] != '\0' &&
		    tolower((unsigned char)hay[i]) ==
		    tolower((unsigned char)needle[i]))
			i++;
		if (i == nlen)
			return true;
	}
	return false;
}
