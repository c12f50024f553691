/* Errors carried up from the core: an exit-code class and a message that
 * already names the file, line or value it is about. */
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
/* Replaces any earlier error. */
void err_reset(struct pt_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
