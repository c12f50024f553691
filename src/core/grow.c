#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"

/* The first allocation: small enough for a short list, big enough that
 * a long one does not start with a string of tiny reallocs. */
#define GROW_MIN_ITEMS 16
#define GROW_MIN_BYTES 64

/* The capacity to grow *cap to for need (>= min, doubling), 0 on overflow. */
static size_t
grow_capacity(size_t cap, size_t need, size_t min, size_t elem_size)
{
	size_t max = SIZE_MAX / elem_size;
	size_t nc = cap > 0 ? cap : min;

	if (need > max)
		return 0;
	while (nc < need)
		nc = nc > max / 2 ? need : nc * 2;
	return nc > max ? need : nc;
}

/* The array pointer is read and written through memcpy: itemsp points at
 * a `T *`, which may not be accessed as a `void *` lvalue. */
static bool
grow_to(void *itemsp, size_t *cap, size_t need, size_t elem_size, size_t min)
{
	void *items, *p;
	size_t nc;

	if (need <= *cap)
		return true;
	if (elem_size == 0 ||
	    (nc = grow_capacity(*cap, need, min, elem_size)) == 0) {
		errno = ENOMEM;
		return false;
	}
	memcpy(&items, itemsp, sizeof items);
	if ((p = realloc(items, nc * elem_size)) == NULL)
		return false;
	memcpy(itemsp, &p, sizeof p);
	*cap = nc;
	return true;
}

bool
grow_reserve(void *itemsp, size_t *cap, size_t need, size_t elem_size)
{
	return grow_to(itemsp, cap, need, elem_size, GROW_MIN_ITEMS);
}

void *
grow_push(void *itemsp, size_t *n, size_t *cap, size_t elem_size)
{
	char *items;

	if (*n == SIZE_MAX || !grow_reserve(itemsp, cap, *n + 1, elem_size))
		return NULL;
	memcpy(&items, itemsp, sizeof items);
	items += elem_size * (*n)++;
	memset(items, 0, elem_size);
	return items;
}

/* Room for n more bytes and the terminating NUL. */
static bool
grow_buf_room(struct grow_buf *b, size_t n)
{
	if (n > SIZE_MAX - 1 - b->len) {
		errno = ENOMEM;
		return false;
	}
	return grow_to(&b->s, &b->cap, b->len + n + 1, 1, GROW_MIN_BYTES);
}

bool
grow_buf_add(struct grow_buf *b, const char *s, size_t n)
{
	if (!grow_buf_room(b, n))
		return false;
	if (n > 0)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return true;
}

bool
grow_buf_addstr(struct grow_buf *b, const char *s)
{
	return grow_buf_add(b, s, strlen(s));
}

bool
grow_buf_addf(struct grow_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !grow_buf_room(b, (size_t)n))
		return false;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return true;
}

void
grow_buf_clear(struct grow_buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
grow_buf_take(struct grow_buf *b)
{
	char *s;

	if (!grow_buf_add(b, "", 0))
		return NULL;
	s = b->s;
	*b = (struct grow_buf){ 0 };
	return s;
}

void
grow_buf_free(struct grow_buf *b)
{
	free(b->s);
	*b = (struct grow_buf){ 0 };
}

/* A block of the pool: strings packed one after another. */
struct grow_strings_block {
	struct grow_strings_block *next;
	size_t used, cap;
	char s[];
};

#define GROW_STRINGS_BLOCK 4000

char *
grow_strdup(struct grow_strings *p, const char *s)
{
	struct grow_strings_block *b = p->head;
	size_t n;
	char *d;

	if (s == NULL)
		s = "";
	n = strlen(s) + 1;
	if (b == NULL || b->cap - b->used < n) {
		size_t cap = n > GROW_STRINGS_BLOCK ? n : GROW_STRINGS_BLOCK;
		if (cap > SIZE_MAX - sizeof *b ||
		    (b = malloc(sizeof *b + cap)) == NULL)
			return NULL;
		b->used = 0;
		b->cap = cap;
		if (n > GROW_STRINGS_BLOCK && p->head != NULL) {
			/* a block of its own: the head keeps its room */
			b->next = p->head->next;
			p->head->next = b;
		} else {
			b->next = p->head;
			p->head = b;
		}
	}
	d = memcpy(b->s + b->used, s, n);
	b->used += n;
	return d;
}

void
grow_strings_free(struct grow_strings *p)
{
	while (p->head != NULL) {
		struct grow_strings_block *b = p->head;
		p->head = b->next;
		free(b);
	}
}
