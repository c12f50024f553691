/* Background work in a child process (job.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/db.h"
#include "core/err.h"
#include "tui/job.h"
#include "present/err_text.h"

void
job_init(struct job *j)
{
	memset(j, 0, sizeof *j);
	j->pid = -1;
	j->fd = -1;
}

bool
job_running(const struct job *j)
{
	return j->pid > 0;
}

void
job_cancel(struct job *j)
{
	if (j->pid > 0) {
		kill(j->pid, SIGKILL);
		waitpid(j->pid, NULL, 0);
	}
	if (j->fd >= 0)
		close(j->fd);
	j->pid = -1;
	j->fd = -1;
	j->got = 0;
}

static void
write_all(int fd, const void *buf, size_t left)
{
	const char *b = buf;

	while (left > 0) {
		ssize_t n = write(fd, b, left);
		if (n <= 0 && errno != EINTR)
			break;
		if (n > 0) {
			b += n;
			left -= (size_t)n;
		}
	}
}

/* The child: its own connection, the work, the result, _exit. */
static void
job_child(int fd, const char *db_path, job_fn *fn, void *arg, void *out,
    size_t size)
{
	struct pt_err err = { 0 };
	struct db *db;

	signal(SIGINT, SIG_IGN);
	db = db_open(db_path, DB_OPEN_READONLY, &err);
	memset(out, 0, size);
	fn(db, PRESENT_ERR(&err), arg, out);
	write_all(fd, out, size);
	_exit(0);
}

bool
job_start(struct job *j, const char *db_path, job_fn *fn, void *arg,
    void *out, size_t size)
{
	int p[2];
	pid_t pid;

	job_cancel(j);
	if (pipe(p) != 0)
		return false;
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return false;
	}
	if (pid == 0) {
		close(p[0]);
		job_child(p[1], db_path, fn, arg, out, size);
	}
	close(p[1]);
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	j->pid = pid;
	j->fd = p[0];
	j->out = out;
	j->size = size;
	j->got = 0;
	return true;
}

enum job_state
job_poll(struct job *j)
{
	ssize_t n;

	if (j->pid <= 0)
		return JOB_NONE;
	while ((n = read(j->fd, j->out + j->got, j->size - j->got)) > 0)
		j->got += (size_t)n;
	if (j->got == j->size) {
		job_cancel(j);
		return JOB_DONE;
	}
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		job_cancel(j);
		return JOB_FAILED;
	}
	return JOB_RUNNING;
}
