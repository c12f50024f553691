/* UTF-8 text: validation, display width, sanitising for the screen and
 * truncation at a display-width boundary. Data is stored as given;
 * sanitising is only for what reaches a terminal. */
#ifndef PT_TEXT_H
#define PT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum text_flags {
	TEXT_ONE_LINE = 1 << 0,	/* newline and tab become a space */
};

/* Decodes one code point at *p (p < end) and advances. On an invalid or
 * truncated sequence returns false, sets *cp to the byte and advances 1. */
bool text_utf8_next(const char **p, const char *end, uint32_t *cp);
/* True when s[0..n) is valid UTF-8; else *bad (if given) is the offset of
 * the first bad byte. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad);
/* Columns a code point takes: 0 (combining, zero-width), 1 or 2. */
int text_cp_width(uint32_t cp);
/* Display width of UTF-8 text (invalid bytes count 1: sanitise first). */
int text_width(const char *s);
/* True for code points that must never reach a terminal raw: C0, DEL,
 * C1, bidi embeddings/overrides/isolates, line/paragraph separators. */
bool text_is_dangerous(uint32_t cp);
/* Columns a code point takes once text_sanitize(TEXT_ONE_LINE) has
 * made it visible: 2 for ^[ and ^?, 8 for <U+202E>, 1 for a tab. */
int text_shown_width(uint32_t cp);
/* A new string in which every dangerous code point is a visible escape
 * (^[ for ESC, ^M for CR, <U+202E>, \xFF for a bad byte). Never NULL
 * unless out of memory. */
char *text_sanitize(const char *s, unsigned flags);
/* JSON text with every dangerous code point above ASCII's C0 (DEL, C1,
 * bidi controls, line/paragraph separators) written as a \uXXXX escape,
 * which JSON readers decode to the same string: serialisers write them
 * raw, and raw they drive a terminal (U+009B is CSI). C0 is escaped by
 * the serialiser already. A new string, NULL when out of memory. */
char *text_json_safe(const char *json);
/* Code points in s[0..n) (an invalid byte counts as one). */
size_t text_chars(const char *s, size_t n);
/* The first n bytes of s into dst (size > 0 bytes, NUL-terminated), cut
 * at a whole UTF-8 character when they do not fit. */
void text_copy_cut(char *dst, size_t size, const char *s, size_t n);
/* Copies at most `width` columns of s into dst (dstsz bytes), ending
 * with `ellipsis` (of display width 1) when cut. Returns the width used. */
int text_fit(char *dst, size_t dstsz, const char *s, int width,
    const char *ellipsis);
/* True when needle occurs in hay, ASCII letters without case and other
 * bytes as given (a Chinese needle matches the same UTF-8 bytes); an
 * empty or NULL needle occurs in every text. */
bool text_contains(const char *hay, const char *needle);

#endif
