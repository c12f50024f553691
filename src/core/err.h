/* Errors carried up from the core: an exit-code class and a message that
 * names the file, line or value it is about, kept typed: its id (the
 * format as written, a msgid: a literal or N_()) and its arguments, as
 * the format's conversions say. The core never translates: the words are
 * made by present_error() (src/present/err_text.c) through gettext, where
 * a translation may reorder the arguments (%1$s ...) and err_setn's count
 * picks the plural form. msg holds the English text, for logs and tests;
 * what a person sees comes from present_error(). An error whose text
 * holds a list of other errors or a record (a form's problems, who
 * changed what) carries them typed as its sub-items (err_sub_*), in the
 * error itself, for present_error() to word. po/Makevars has
 * err_set:3, err_reset:3 and err_setn:4,5 as xgettext keywords. */
#ifndef PT_ERR_H
#define PT_ERR_H

#include <stdbool.h>

#define PT_ERR_ARGS 12

enum pt_arg_type {
	PT_ARG_STR,		/* %s: text as given */
	PT_ARG_MSGID,		/* %s: a msgid, translated when said */
	PT_ARG_INT,		/* %d %i %c (any length): in i */
	PT_ARG_UINT,		/* %u %x %X %o (any length): in u */
	PT_ARG_DOUBLE,		/* %f %e %g %a: in d */
};

struct pt_arg {
	enum pt_arg_type type;
	long long i;
	unsigned long long u;
	double d;
	unsigned short off;	/* PT_ARG_STR, PT_ARG_MSGID: into strs */
};

/* A typed sub-item of an error (err_sub_*): another error's id and
 * arguments (a problem of a form's checks) or a record of values (who
 * changed what), with the setter's tag (a field, say). Its arguments are
 * sub_args[first..first+nargs), its strings and English in sub_strs. */
#define PT_ERR_SUBS 16
#define PT_ERR_SUB_ARGS 40
struct pt_sub {
	int tag;
	int code;
	const char *id, *plural;
	unsigned long n;
	bool bad;
	unsigned char first, nargs;
	unsigned short msg;
};

struct pt_err {
	int code;		/* one of enum pt_exit; 0 while no error */
	const char *id;		/* the format (singular msgid); NULL: none */
	const char *plural;	/* err_setn's plural msgid, else NULL */
	unsigned long n;	/* err_setn's count */
	int nargs;
	bool bad;		/* a conversion err_set cannot record */
	struct pt_arg arg[PT_ERR_ARGS];
	/* Typed sub-items: string argument sub_arg holds them in English;
	 * sub_kind (the setter's, 0: none) says what they are, for the
	 * presentation to word them in their place. */
	int sub_kind, sub_arg, nsubs, nsub_args;
	unsigned short sub_used;
	char strs[1024];	/* the string arguments, each NUL-ended */
	char msg[1024];		/* English */
	struct pt_sub sub[PT_ERR_SUBS];
	struct pt_arg sub_args[PT_ERR_SUB_ARGS];
	char sub_strs[2048];
};

void err_clear(struct pt_err *err);
/* Sets the error unless one is already set: the first cause wins.
 * Returns whether it set it. */
bool err_set(struct pt_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* err_set with the format for n: one (singular) or many (plural), as the
 * language counts. */
bool err_setn(struct pt_err *err, int code, unsigned long n, const char *one,
    const char *many, ...) __attribute__((format(printf, 4, 6)));
/* Replaces any earlier error. */
void err_reset(struct pt_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Copies src into err unless err is set already (the first cause wins). */
void err_copy(struct pt_err *err, const struct pt_err *src);
/* Marks string argument i (from 0) as a msgid the presentation
 * translates. */
void err_arg_msgid(struct pt_err *err, int i);

/* The typed sub-items of err, just set: err_subs_begin says what they
 * are (kind, not 0) and which string argument they are the English of;
 * err_sub_add appends error e as one, err_sub_record an empty record
 * that err_sub_int/err_sub_str append values to. One that does not fit
 * drops them all (the presentation then says the English argument);
 * each returns whether it kept it. */
void err_subs_begin(struct pt_err *err, int kind, int arg);
bool err_sub_add(struct pt_err *err, int tag, const struct pt_err *e);
bool err_sub_record(struct pt_err *err, int tag);
bool err_sub_int(struct pt_err *err, long long v);
bool err_sub_str(struct pt_err *err, const char *s);
/* Sub-item i of err as an error of its own (a record: its values as
 * arguments, no id) and its tag; false when there is no such item. */
bool err_sub_get(const struct pt_err *err, int i, int *tag,
    struct pt_err *out);

/* A string argument's text; the string argument i, or NULL when argument
 * i is not a string. */
const char *err_arg_str(const struct pt_err *err, int i);

/* Whether err_set can record every conversion of fmt (and at most
 * PT_ERR_ARGS of them): the test of every format in the sources. */
bool err_format_ok(const char *fmt);

/* One conversion of a format: "%[n$][flags][width][.prec][len]conv".
 * Parses the one at fmt (just after its '%'); returns the length parsed,
 * 0 for one that is not supported (a '*' width, %n, %p, long double).
 * pos is n of "n$" or 0; spec gets "%[flags][width][.prec]" (without n$
 * nor the length) for re-printing one argument; type what it takes. */
struct err_conv {
	int pos;
	char conv;
	enum pt_arg_type type;
	enum { ERR_LEN_NONE, ERR_LEN_HH, ERR_LEN_H, ERR_LEN_L, ERR_LEN_LL,
		ERR_LEN_Z, ERR_LEN_J, ERR_LEN_T } len;
	char spec[32];
};
int err_conv_parse(const char *fmt, struct err_conv *c);

#endif
