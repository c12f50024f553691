#include "config.h"

#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"

void
err_clear(struct pt_err *err)
{
	if (err == NULL)
		return;
	err->code = 0;
	err->msg[0] = '\0';
}

static void __attribute__((format(printf, 3, 0)))
err_vset(struct pt_err *err, int code, const char *fmt, va_list ap)
{
	char msg[sizeof err->msg];

	/* Into a copy first: the arguments may be err->msg itself
	 * (err_reset(err, c, "...: %s", err->msg)). */
	vsnprintf(msg, sizeof msg, dgettext(PACKAGE, fmt), ap);
	memcpy(err->msg, msg, sizeof msg);
	err->code = code;
}

void
err_set(struct pt_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || err->code != 0)
		return;
	va_start(ap, fmt);
	err_vset(err, code, fmt, ap);
	va_end(ap);
}

void
err_setn(struct pt_err *err, int code, unsigned long n, const char *one,
    const char *many, ...)
{
	char msg[sizeof err->msg];
	va_list ap;

	if (err == NULL || err->code != 0)
		return;
	va_start(ap, many);
	vsnprintf(msg, sizeof msg, dngettext(PACKAGE, one, many, n), ap);
	va_end(ap);
	memcpy(err->msg, msg, sizeof msg);
	err->code = code;
}

void
err_reset(struct pt_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	err_vset(err, code, fmt, ap);
	va_end(ap);
}
