/* Errors as an id and typed arguments; the English text besides. No
 * gettext here: src/present/err_text.c says them. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "core/err.h"

void
err_clear(struct pt_err *err)
{
	if (err == NULL)
		return;
	memset(err, 0, offsetof(struct pt_err, strs));
	err->strs[0] = '\0';
	err->msg[0] = '\0';
}

int
err_conv_parse(const char *fmt, struct err_conv *c)
{
	const char *p = fmt;
	size_t k = 0;

	memset(c, 0, sizeof *c);
	c->spec[k++] = '%';
	if (*p >= '1' && *p <= '9') {
		const char *q = p;
		int n = 0;
		while (*q >= '0' && *q <= '9')
			n = n * 10 + (*q++ - '0');
		if (*q == '$') {
			c->pos = n;
			p = q + 1;
		}
	}
	while (*p != '\0' && strchr("-+ #0'", *p) != NULL && k < 8)
		c->spec[k++] = *p++;
	while (*p >= '0' && *p <= '9' && k < 16)
		c->spec[k++] = *p++;
	if (*p == '.') {
		c->spec[k++] = *p++;
		while (*p >= '0' && *p <= '9' && k < 24)
			c->spec[k++] = *p++;
	}
	if (*p == 'h')
		c->len = *++p == 'h' ? (p++, ERR_LEN_HH) : ERR_LEN_H;
	else if (*p == 'l')
		c->len = *++p == 'l' ? (p++, ERR_LEN_LL) : ERR_LEN_L;
	else if (*p == 'z' || *p == 'j' || *p == 't')
		c->len = *p++ == 'z' ? ERR_LEN_Z : p[-1] == 'j' ? ERR_LEN_J :
		    ERR_LEN_T;
	c->conv = *p;
	if (c->conv == '\0' || strchr("diucxXosfFeEgGaA", c->conv) == NULL ||
	    (c->conv == 's' && c->len != ERR_LEN_NONE) ||
	    (c->conv == 'c' && c->len != ERR_LEN_NONE))
		return 0;
	c->type = strchr("dic", c->conv) ? PT_ARG_INT :
	    strchr("uxXo", c->conv) ? PT_ARG_UINT :
	    c->conv == 's' ? PT_ARG_STR : PT_ARG_DOUBLE;
	if (c->type == PT_ARG_DOUBLE && c->len != ERR_LEN_NONE &&
	    c->len != ERR_LEN_L)
		return 0;
	c->spec[k] = '\0';
	return (int)(p + 1 - fmt);
}

bool
err_format_ok(const char *fmt)
{
	int n = 0;

	for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
		struct err_conv c;
		int len;
		if (p[1] == '%') {
			p += 2;
			continue;
		}
		if ((len = err_conv_parse(p + 1, &c)) == 0 || c.pos != 0 ||
		    ++n > PT_ERR_ARGS)
			return false;
		p += 1 + len;
	}
	return true;
}

/* Keeps s in err->strs; its offset. A full store keeps what fits. */
static unsigned short
keep_str(struct pt_err *err, size_t *used, const char *s)
{
	size_t at = *used, room = sizeof err->strs - at;

	if (room == 0)
		return (unsigned short)(sizeof err->strs - 1);
	snprintf(err->strs + at, room, "%s", s != NULL ? s : "(null)");
	*used = at + strlen(err->strs + at) + 1;
	if (*used > sizeof err->strs)
		*used = sizeof err->strs;
	return (unsigned short)at;
}

static long long
int_arg(int len, va_list *ap)
{
	switch (len) {
	case ERR_LEN_L:
		return va_arg(*ap, long);
	case ERR_LEN_LL:
		return va_arg(*ap, long long);
	case ERR_LEN_Z:
		return va_arg(*ap, ssize_t);
	case ERR_LEN_J:
		return va_arg(*ap, intmax_t);
	case ERR_LEN_T:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long
uint_arg(int len, va_list *ap)
{
	switch (len) {
	case ERR_LEN_L:
		return va_arg(*ap, unsigned long);
	case ERR_LEN_LL:
		return va_arg(*ap, unsigned long long);
	case ERR_LEN_Z:
		return va_arg(*ap, size_t);
	case ERR_LEN_J:
		return va_arg(*ap, uintmax_t);
	case ERR_LEN_T:
		return (unsigned long long)va_arg(*ap, ptrdiff_t);
	case ERR_LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case ERR_LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* Records the arguments of fmt from ap into err. */
static void
record(struct pt_err *err, const char *fmt, va_list ap)
{
	size_t used = 0;
	va_list aq;

	va_copy(aq, ap);
	err->nargs = 0;
	err->bad = false;
	for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
		struct err_conv c;
		struct pt_arg *a;
		int len;
		if (p[1] == '%') {
			p += 2;
			continue;
		}
		if ((len = err_conv_parse(p + 1, &c)) == 0 || c.pos != 0 ||
		    err->nargs >= PT_ERR_ARGS) {
			err->bad = true;
			break;
		}
		p += 1 + len;
		a = &err->arg[err->nargs++];
		memset(a, 0, sizeof *a);
		a->type = c.type;
		if (c.type == PT_ARG_STR)
			a->off = keep_str(err, &used, va_arg(aq, const char *));
		else if (c.type == PT_ARG_INT) {
			a->i = int_arg(c.len, &aq);
			if (c.len == ERR_LEN_HH)
				a->i = (signed char)a->i;
			else if (c.len == ERR_LEN_H)
				a->i = (short)a->i;
		} else if (c.type == PT_ARG_UINT)
			a->u = uint_arg(c.len, &aq);
		else
			a->d = va_arg(aq, double);
	}
	va_end(aq);
}

/* Sets err from the arguments of ap: the English text by fmt, the
 * arguments as the id says (err_setn: its plural, which takes them all). */
static void __attribute__((format(printf, 3, 0)))
err_vset(struct pt_err *err, int code, const char *fmt, const char *id,
    va_list ap)
{
	struct pt_err e;
	va_list aq;

	/* Into a copy first: the arguments may be err's own strings. */
	memset(&e, 0, offsetof(struct pt_err, strs));
	va_copy(aq, ap);
	vsnprintf(e.msg, sizeof e.msg, fmt, aq);
	va_end(aq);
	record(&e, id, ap);
	e.code = code;
	e.id = id;
	/* without sub-items (sub_kind 0): the tail is not copied */
	memcpy(err, &e, offsetof(struct pt_err, sub));
}

bool
err_set(struct pt_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || err->code != 0)
		return false;
	va_start(ap, fmt);
	err_vset(err, code, fmt, fmt, ap);
	va_end(ap);
	return true;
}

bool
err_setn(struct pt_err *err, int code, unsigned long n, const char *one,
    const char *many, ...)
{
	va_list ap;

	if (err == NULL || err->code != 0)
		return false;
	va_start(ap, many);
	/* The English text counts as English does; the format of one and
	 * many take the same arguments. */
	err_vset(err, code, n == 1 ? one : many, many, ap);
	va_end(ap);
	err->id = one;
	err->plural = many;
	err->n = n;
	return true;
}

void
err_reset(struct pt_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	err_vset(err, code, fmt, fmt, ap);
	va_end(ap);
}

void
err_copy(struct pt_err *err, const struct pt_err *src)
{
	if (err == NULL || err->code != 0 || err == src)
		return;
	*err = *src;
}

void
err_arg_msgid(struct pt_err *err, int i)
{
	if (i >= 0 && i < err->nargs && err->arg[i].type == PT_ARG_STR)
		err->arg[i].type = PT_ARG_MSGID;
}

void
err_subs_begin(struct pt_err *err, int kind, int arg)
{
	err->sub_kind = kind;
	err->sub_arg = arg;
	err->nsubs = err->nsub_args = 0;
	err->sub_used = 0;
}

static bool
drop_subs(struct pt_err *err)
{
	err->sub_kind = 0;
	err->nsubs = err->nsub_args = 0;
	return false;
}

/* Keeps s in err->sub_strs; its offset, or -1 when it does not fit. */
static int
keep_sub_str(struct pt_err *err, const char *s)
{
	size_t at = err->sub_used, len = strlen(s);

	if (len >= sizeof err->sub_strs - at)
		return -1;
	memcpy(err->sub_strs + at, s, len + 1);
	err->sub_used = (unsigned short)(at + len + 1);
	return (int)at;
}

bool
err_sub_record(struct pt_err *err, int tag)
{
	struct pt_sub *s;

	if (err->sub_kind == 0)
		return false;
	if (err->nsubs >= PT_ERR_SUBS)
		return drop_subs(err);
	s = &err->sub[err->nsubs++];
	memset(s, 0, sizeof *s);
	s->tag = tag;
	s->first = (unsigned char)err->nsub_args;
	return true;
}

/* A new argument of the last sub-item; NULL (all dropped) when full. */
static struct pt_arg *
sub_arg(struct pt_err *err, enum pt_arg_type type)
{
	struct pt_arg *a;

	if (err->sub_kind == 0 || err->nsubs == 0)
		return NULL;
	if (err->nsub_args >= PT_ERR_SUB_ARGS ||
	    err->sub[err->nsubs - 1].nargs >= PT_ERR_ARGS) {
		drop_subs(err);
		return NULL;
	}
	a = &err->sub_args[err->nsub_args++];
	err->sub[err->nsubs - 1].nargs++;
	memset(a, 0, sizeof *a);
	a->type = type;
	return a;
}

bool
err_sub_int(struct pt_err *err, long long v)
{
	struct pt_arg *a = sub_arg(err, PT_ARG_INT);

	if (a != NULL)
		a->i = v;
	return a != NULL;
}

bool
err_sub_str(struct pt_err *err, const char *s)
{
	struct pt_arg *a = sub_arg(err, PT_ARG_STR);
	int at;

	if (a == NULL)
		return false;
	if ((at = keep_sub_str(err, s)) < 0)
		return drop_subs(err);
	a->off = (unsigned short)at;
	return true;
}

bool
err_sub_add(struct pt_err *err, int tag, const struct pt_err *e)
{
	struct pt_sub *s;
	int msg;

	if (!err_sub_record(err, tag))
		return false;
	for (int i = 0; i < e->nargs; i++) {
		const char *str = err_arg_str(e, i);
		struct pt_arg *a;
		unsigned short off;
		if (str != NULL ? !err_sub_str(err, str) : !err_sub_int(err, 0))
			return false;
		a = &err->sub_args[err->nsub_args - 1];
		off = a->off;
		*a = e->arg[i];
		a->off = off;
	}
	if ((msg = keep_sub_str(err, e->msg)) < 0)
		return drop_subs(err);
	s = &err->sub[err->nsubs - 1];
	s->code = e->code;
	s->id = e->id;
	s->plural = e->plural;
	s->n = e->n;
	s->bad = e->bad;
	s->msg = (unsigned short)msg;
	return true;
}

bool
err_sub_get(const struct pt_err *err, int i, int *tag, struct pt_err *out)
{
	const struct pt_sub *s;
	size_t used = 0;

	if (err == NULL || err->sub_kind == 0 || i < 0 || i >= err->nsubs)
		return false;
	s = &err->sub[i];
	err_clear(out);
	*tag = s->tag;
	out->code = s->code;
	out->id = s->id;
	out->plural = s->plural;
	out->n = s->n;
	out->bad = s->bad;
	out->nargs = s->nargs;
	for (int k = 0; k < s->nargs; k++) {
		const struct pt_arg *a = &err->sub_args[s->first + k];
		out->arg[k] = *a;
		if (a->type == PT_ARG_STR || a->type == PT_ARG_MSGID)
			out->arg[k].off = keep_str(out, &used,
			    err->sub_strs + a->off);
	}
	if (s->id != NULL)
		snprintf(out->msg, sizeof out->msg, "%s", err->sub_strs + s->msg);
	return true;
}

const char *
err_arg_str(const struct pt_err *err, int i)
{
	if (i < 0 || i >= err->nargs || (err->arg[i].type != PT_ARG_STR &&
	    err->arg[i].type != PT_ARG_MSGID))
		return NULL;
	return err->strs + err->arg[i].off;
}
