/*
 * Background work for the frame: one computation in a child process
 * with its own read-only connection to the database, its fixed-size
 * result sent back through a pipe. The child touches neither curses nor
 * the parent's connection and leaves with _exit; the parent never
 * blocks on it (job_poll reads what has come), and job_cancel ends it
 * at once. A process, not a thread: the UI stays single-threaded and
 * SQLite connections are not shared (STYLE.md).
 *
 * Panes do not use this directly: they ask the frame with
 * pane_job_start() (pane.h), and the frame polls in its loop.
 */
#ifndef PT_TUI_JOB_H
#define PT_TUI_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct db;

/* Runs in the child: fills out (size bytes, zeroed) from db; db is NULL
 * when the database could not be opened, open_error then says why. */
typedef void job_fn(struct db *db, const char *open_error, void *arg,
    void *out);

struct job {
	pid_t pid;		/* -1: none running */
	int fd;
	size_t size, got;
	unsigned char *out;
};

enum job_state {
	JOB_NONE,		/* nothing started, or cancelled */
	JOB_RUNNING,
	JOB_DONE,		/* out holds the whole result */
	JOB_FAILED,		/* the child died or the pipe broke */
};

/* A job that is not running (pid -1, fd -1). */
void job_init(struct job *j);
/* Starts fn in a child with db_path opened read-only; out is where
 * job_poll collects the result. False when it could not fork (run it
 * in-process then). */
bool job_start(struct job *j, const char *db_path, job_fn *fn, void *arg,
    void *out, size_t size);
/* Reads what the child has sent; JOB_DONE or JOB_FAILED once, after
 * which the job is not running any more. */
enum job_state job_poll(struct job *j);
bool job_running(const struct job *j);
/* Ends a running job (SIGKILL) and reaps it. */
void job_cancel(struct job *j);

#endif
