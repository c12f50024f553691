/* One growable array, one growable byte buffer and one pool of strings
 * for the whole program, so no module hand-rolls `cap ? cap * 2 : N` and
 * its overflow checks, nor a loop freeing each row's strings. */
#ifndef PT_GROW_H
#define PT_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* Makes the array at *itemsp (itemsp is the address of the array's
 * pointer, e.g. `struct row **`; elements of elem_size bytes, room for
 * *cap) hold at least need elements, doubling when it grows. False, with
 * the array and *cap unchanged, when need * elem_size overflows or memory
 * runs out. Typical use, before appending at index n:
 *	if (!grow_reserve(&v, &cap, n + 1, sizeof *v)) goto oom; */
bool grow_reserve(void *itemsp, size_t *cap, size_t need, size_t elem_size);
/* Appends one zeroed element to the array at *itemsp holding *n (room
 * for *cap) and counts it in *n before the caller fills it, so that
 * freeing the first *n elements frees a half-filled one too. The new
 * element, or NULL (array, *n and *cap unchanged) out of memory.
 *	if ((row = grow_push(&v, &n, &cap, sizeof *row)) == NULL) goto oom; */
void *grow_push(void *itemsp, size_t *n, size_t *cap, size_t elem_size);

/* A NUL-terminated byte buffer: s is NULL until something (even "") is
 * added, then always terminated. Zero-initialise it ({0}) to start. */
struct grow_buf {
	char *s;
	size_t len, cap;
};

/* Appends n bytes (false on overflow or out of memory; b unchanged). */
bool grow_buf_add(struct grow_buf *b, const char *s, size_t n);
bool grow_buf_addstr(struct grow_buf *b, const char *s);
bool grow_buf_addf(struct grow_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Empties b, keeping its memory. */
void grow_buf_clear(struct grow_buf *b);
/* Hands the string to the caller (an empty string when nothing was
 * added; NULL only out of memory) and empties b. */
char *grow_buf_take(struct grow_buf *b);
void grow_buf_free(struct grow_buf *b);

/* Strings kept together and freed in one call: the rows of a result
 * point into its blocks, which never move. Zero-initialise it ({0}). */
struct grow_strings {
	struct grow_strings_block *head;
};
/* A copy of s ("" for NULL) kept in p; NULL out of memory. */
char *grow_strdup(struct grow_strings *p, const char *s);
void grow_strings_free(struct grow_strings *p);

#endif
