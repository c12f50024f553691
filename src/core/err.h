/* Errors carried up from the core: an exit-code class and a message that
 * already names the file, line or value it is about. The format is a
 * msgid: it is translated (the program's text domain, the locale's
 * language) before it is formatted, so a translation may reorder the
 * arguments (%1$s ...). po/Makevars has err_set:3, err_reset:3 and
 * err_setn:4,5 as xgettext keywords; a format built elsewhere is marked
 * with N_(). */
#ifndef PT_ERR_H
#define PT_ERR_H

struct pt_err {
	int code;		/* one of enum pt_exit; 0 while no error */
	char msg[1024];
};

void err_clear(struct pt_err *err);
/* Sets the error unless one is already set: the first cause wins. */
void err_set(struct pt_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* err_set with the format for n: one (singular) or many (plural), as the
 * language counts. */
void err_setn(struct pt_err *err, int code, unsigned long n, const char *one,
    const char *many, ...) __attribute__((format(printf, 4, 6)));
/* Replaces any earlier error. */
void err_reset(struct pt_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
