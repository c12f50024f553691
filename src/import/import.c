/* The import driver: picks a reader by content, maps the header to one of
 * the project's tables (DESIGN §4), parses every cell strictly, writes
 * through src/core/store in one transaction and records the run. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/appeal.h"
#include "core/clock.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/store.h"
#include "core/text.h"
#include "core/value.h"
#include "import/import.h"
#include "import/internal.h"
#include "import/digest.h"
#include "import/strmap.h"
#include "present/appeal_text.h"
#include "present/err_text.h"
#include "i18n.h"

/* ---- fields and tables ---- */

enum field {
	F_ACCOUNT_ID, F_NAME, F_ACCOUNT_KIND, F_CELEBRITY, F_CERTIFICATION,
	F_PLAN_STATUS, F_BANK_CARD,
	F_WORK_ID, F_TITLE, F_PUBLISHED_AT, F_GENRE, F_DURATION, F_VISIBILITY,
	F_REVIEW, F_ORIGINAL, F_INFRINGING, F_COMMERCIAL, F_SELECTED,
	F_DATE, F_PLAYS, F_PROFITABLE_PLAYS, F_LIKES, F_FAVORITES, F_COMMENTS,
	F_SHARES, F_COMPLETION, F_COMPLETION_5S, F_BOUNCE_2S, F_AVG_PLAY,
	F_USER_VALUE, F_QUALITY, F_REVENUE, F_COVER_CTR, F_PROFILE_VISITS,
	F_FOLLOWERS,
	F_VIOLATION_KIND, F_VIOLATION_STATUS,
	F_SUBMITTED_ON, F_REVIEWED_ON, F_RESULT, F_REASON,
	F_WALLET_KIND, F_AMOUNT, F_ENTRY_ID,
	F_APPEAL_ID, F_FIRST_DAY, F_LAST_DAY, F_APPEAL_RESULT, F_DECIDED_ON,
	F_COMPENSATION,
	F_EFFECTIVE_ON,
	F_COUNT
};

enum ftype {
	FT_ID,		/* non-empty one-line text, at most 255 bytes */
	FT_TEXT,	/* any text (titles keep their newlines) */
	FT_COUNT, FT_REAL, FT_RATE, FT_SECONDS, FT_MONEY,
	FT_DAY,		/* a day; a time after it is accepted and dropped */
	FT_TIME,	/* a day with an optional time */
	FT_BOOL, FT_ENUM,
	FT_STATUS,	/* the Creator Center's 审核状态: a label, see status_labels */
};

static const struct value_enum account_kinds[] = {
	{ "personal", "个人" }, { "enterprise", "企业" },
	{ "enterprise_affiliated", "企业关联" }, { NULL, NULL },
};
static const struct value_enum plan_statuses[] = {
	{ "not_joined", "未加入" }, { "pending", "审核中" },
	{ "joined", "已加入" }, { "rejected", "未通过" }, { NULL, NULL },
};
static const struct value_enum visibilities[] = {
	{ "public", "公开" }, { "one_day", "一日可见" },
	{ "self_only", "仅自己可见" }, { "deleted", "已删除" }, { NULL, NULL },
};
/* The Creator Center writes its own words for the review state. */
static const struct value_enum reviews[] = {
	{ "approved", "通过" }, { "pending", "审核中" },
	{ "rejected", "未通过" }, { "approved", "审核通过" },
	{ "approved", "已通过" }, { "rejected", "审核未通过" },
	{ "rejected", "不通过" }, { "unknown", "未知" }, { NULL, NULL },
};
/* The labels a Creator Center export writes in its 审核状态 column: some
 * say the review, some the visibility, 公开 both. A label not here keeps
 * its row (with a warning): the column describes, it does not count. */
static const struct {
	const char *label, *review, *visibility;
} status_labels[] = {
	{ "公开", "approved", "public" },
	{ "已发布", "approved", NULL },
	{ "审核通过", "approved", NULL },
	{ "已通过", "approved", NULL },
	{ "通过", "approved", NULL },
	{ "approved", "approved", NULL },
	{ "审核中", "pending", NULL },
	{ "pending", "pending", NULL },
	{ "未通过", "rejected", NULL },
	{ "不通过", "rejected", NULL },
	{ "审核未通过", "rejected", NULL },
	{ "rejected", "rejected", NULL },
	{ "私密", NULL, "self_only" },
	{ "仅自己可见", NULL, "self_only" },
	{ "好友可见", NULL, "self_only" },	/* not public: earns nothing */
	{ "一日可见", NULL, "one_day" },
	{ "已删除", NULL, "deleted" },
};

static const struct value_enum commercials[] = {
	{ "none", "无" }, { "ad", "广告" }, { "commercial_order", "商单" },
	{ "sales", "带货" }, { "paid", "付费" }, { NULL, NULL },
};
static const struct value_enum violation_statuses[] = {
	{ "active", "生效" }, { "overturned", "已撤销" }, { NULL, NULL },
};
static const struct value_enum results[] = {
	{ "pending", "审核中" }, { "approved", "通过" },
	{ "rejected", "未通过" }, { NULL, NULL },
};
static const struct value_enum appeal_results[] = {
	{ "approved", "通过" }, { "rejected", "驳回" }, { "paid", "已补款" },
	{ NULL, NULL },
};
static const struct value_enum wallet_kinds[] = {
	{ "settlement", "结算" }, { "compensation", "补款" },
	{ "withdrawal", "提现" }, { "adjustment", "调整" }, { NULL, NULL },
};

struct column {
	enum field field;
	const char *en, *zh, *alias;
	enum ftype type;
	const struct value_enum *values;
	bool required;
};

struct import_ctx;
struct pval;

struct table {
	const char *name;
	const struct column *cols;
	int (*apply)(struct import_ctx *ctx, long line, struct pval *v);
};

/* Each field's names (English, Chinese, an alias), type and values, once:
 * the tables below list the fields they hold (COL) and which they
 * require. */
#define FD_ACCOUNT_ID "account_id", "账号ID", NULL, FT_ID, NULL
#define FD_NAME "name", "账号名称", NULL, FT_TEXT, NULL
#define FD_ACCOUNT_KIND "kind", "账号类型", NULL, FT_ENUM, account_kinds
#define FD_CELEBRITY "celebrity", "明星认证", NULL, FT_BOOL, NULL
#define FD_CERTIFICATION "certification", "专业认证", NULL, FT_TEXT, NULL
#define FD_PLAN_STATUS "plan_status", "计划状态", NULL, FT_ENUM, plan_statuses
#define FD_BANK_CARD "bank_card", "实名银行卡", NULL, FT_BOOL, NULL
#define FD_EFFECTIVE_ON "effective_on", "生效日期", NULL, FT_DAY, NULL
#define FD_WORK_ID "work_id", "作品ID", "item_id", FT_ID, NULL
#define FD_TITLE "title", "作品名称", NULL, FT_TEXT, NULL
#define FD_PUBLISHED_AT "published_at", "发布时间", NULL, FT_TIME, NULL
#define FD_GENRE "genre", "体裁", NULL, FT_TEXT, NULL
#define FD_DURATION "duration", "时长", NULL, FT_SECONDS, NULL
#define FD_VISIBILITY "visibility", "可见性", NULL, FT_ENUM, visibilities
#define FD_REVIEW "review", "审核状态", NULL, FT_ENUM, reviews
#define FD_ORIGINAL "original", "原创", NULL, FT_BOOL, NULL
#define FD_INFRINGING "infringing", "侵权", NULL, FT_BOOL, NULL
#define FD_COMMERCIAL "commercial", "商业内容", NULL, FT_ENUM, commercials
#define FD_SELECTED "selected", "精选", NULL, FT_BOOL, NULL
#define FD_DATE "date", "日期", NULL, FT_DAY, NULL
#define FD_PLAYS "plays", "播放量", NULL, FT_COUNT, NULL
#define FD_PROFITABLE_PLAYS "profitable_plays", "获利播放量", NULL, FT_COUNT, NULL
#define FD_LIKES "likes", "点赞量", NULL, FT_COUNT, NULL
#define FD_FAVORITES "favorites", "收藏量", "favourites", FT_COUNT, NULL
#define FD_COMMENTS "comments", "评论量", NULL, FT_COUNT, NULL
#define FD_SHARES "shares", "分享量", NULL, FT_COUNT, NULL
#define FD_COMPLETION "completion_rate", "完播率", NULL, FT_RATE, NULL
#define FD_COMPLETION_5S "completion_rate_5s", "5s完播率", NULL, FT_RATE, NULL
#define FD_BOUNCE_2S "bounce_rate_2s", "2s跳出率", NULL, FT_RATE, NULL
#define FD_AVG_PLAY "avg_play_duration", "平均播放时长", NULL, FT_SECONDS, NULL
#define FD_USER_VALUE "user_value", "观看用户价值", NULL, FT_REAL, NULL
#define FD_QUALITY "quality", "内容质量", NULL, FT_REAL, NULL
#define FD_REVENUE "revenue", "收益", NULL, FT_MONEY, NULL
#define FD_VIOLATION_KIND "kind", "违规类型", NULL, FT_ID, NULL
#define FD_VIOLATION_STATUS "status", "状态", NULL, FT_ENUM, violation_statuses
#define FD_SUBMITTED_ON "submitted_on", "提交日期", NULL, FT_DAY, NULL
#define FD_REVIEWED_ON "reviewed_on", "审核日期", NULL, FT_DAY, NULL
#define FD_RESULT "result", "审核结果", NULL, FT_ENUM, results
#define FD_REASON "reason", "原因", NULL, FT_TEXT, NULL
#define FD_WALLET_KIND "kind", "类型", NULL, FT_ENUM, wallet_kinds
#define FD_AMOUNT "amount", "金额", NULL, FT_MONEY, NULL
#define FD_ENTRY_ID "entry_id", "流水号", NULL, FT_ID, NULL
#define FD_APPEAL_ID "appeal_id", "申诉编号", NULL, FT_COUNT, NULL
#define FD_FIRST_DAY "first_day", "开始日期", NULL, FT_DAY, NULL
#define FD_LAST_DAY "last_day", "结束日期", NULL, FT_DAY, NULL
#define FD_APPEAL_RESULT "result", "结果", NULL, FT_ENUM, appeal_results
#define FD_DECIDED_ON "decided_on", "处理日期", NULL, FT_DAY, NULL
#define FD_COMPENSATION "compensation", "补款金额", NULL, FT_MONEY, NULL
#define FD_COVER_CTR "cover_ctr", "封面点击率", NULL, FT_RATE, NULL
#define FD_PROFILE_VISITS "profile_visits", "主页访问量", NULL, FT_COUNT, NULL
#define FD_FOLLOWERS "followers_gained", "粉丝增量", NULL, FT_COUNT, NULL
#define COL(f, required) { F_##f, FD_##f, required }
#define END { F_COUNT, NULL, NULL, NULL, 0, NULL, false }

static const struct column accounts_cols[] = {
	COL(ACCOUNT_ID, true),
	COL(NAME, false),
	COL(ACCOUNT_KIND, false),
	COL(CELEBRITY, false),
	COL(CERTIFICATION, false),
	COL(PLAN_STATUS, false),
	COL(BANK_CARD, false),
	COL(EFFECTIVE_ON, false),
	END
};
static const struct column works_cols[] = {
	COL(WORK_ID, true),
	COL(ACCOUNT_ID, true),
	COL(TITLE, false),
	COL(PUBLISHED_AT, false),
	COL(GENRE, false),
	COL(DURATION, false),
	COL(VISIBILITY, false),
	COL(REVIEW, false),
	COL(ORIGINAL, false),
	COL(INFRINGING, false),
	COL(COMMERCIAL, false),
	COL(SELECTED, false),
	COL(EFFECTIVE_ON, false),
	END
};
static const struct column daily_cols[] = {
	COL(DATE, true),
	COL(WORK_ID, true),
	COL(PLAYS, false),
	COL(PROFITABLE_PLAYS, false),
	COL(LIKES, false),
	COL(FAVORITES, false),
	COL(COMMENTS, false),
	COL(SHARES, false),
	COL(COMPLETION, false),
	COL(COMPLETION_5S, false),
	COL(BOUNCE_2S, false),
	COL(AVG_PLAY, false),
	COL(USER_VALUE, false),
	COL(QUALITY, false),
	COL(REVENUE, false),
	END
};
static const struct column violations_cols[] = {
	COL(ACCOUNT_ID, true),
	COL(WORK_ID, false),
	COL(DATE, true),
	COL(VIOLATION_KIND, true),
	COL(VIOLATION_STATUS, false),
	END
};
static const struct column applications_cols[] = {
	COL(ACCOUNT_ID, true),
	COL(SUBMITTED_ON, true),
	COL(REVIEWED_ON, false),
	COL(RESULT, false),
	COL(REASON, false),
	END
};
static const struct column wallet_cols[] = {
	COL(ACCOUNT_ID, true),
	COL(DATE, true),
	COL(WALLET_KIND, true),
	COL(AMOUNT, true),
	COL(ENTRY_ID, false),
	END
};
/* The platform's decisions on appeals: by appeal number, or by work (or
 * account) and the exact days. */
static const struct column appeal_result_cols[] = {
	COL(APPEAL_ID, false),
	COL(ACCOUNT_ID, false),
	COL(WORK_ID, false),
	COL(FIRST_DAY, false),
	COL(LAST_DAY, false),
	COL(APPEAL_RESULT, true),
	COL(DECIDED_ON, false),
	COL(COMPENSATION, false),
	COL(REASON, false),
	END
};
/* The Creator Center export (作品列表导出): totals per work as of a day.
 * work_id is for Open Platform item/base files that name their work. */
static const struct column snapshot_cols[] = {
	COL(TITLE, false),
	COL(PUBLISHED_AT, false),
	COL(WORK_ID, false),
	COL(GENRE, false),
	{ F_REVIEW, "review", "审核状态", NULL, FT_STATUS, NULL, false },
	COL(PLAYS, true),
	COL(COMPLETION, false),
	COL(COMPLETION_5S, false),
	COL(COVER_CTR, false),
	COL(BOUNCE_2S, false),
	COL(AVG_PLAY, false),
	COL(LIKES, false),
	COL(SHARES, false),
	COL(COMMENTS, false),
	COL(FAVORITES, false),
	COL(PROFILE_VISITS, false),
	COL(FOLLOWERS, false),
	END
};

/* Which store metric a field fills (-1: none). */
static int
metric_of(enum field f)
{
	switch (f) {
	case F_PLAYS: return SM_PLAYS;
	case F_PROFITABLE_PLAYS: return SM_PROFITABLE_PLAYS;
	case F_LIKES: return SM_LIKES;
	case F_FAVORITES: return SM_FAVORITES;
	case F_COMMENTS: return SM_COMMENTS;
	case F_SHARES: return SM_SHARES;
	case F_PROFILE_VISITS: return SM_PROFILE_VISITS;
	case F_FOLLOWERS: return SM_FOLLOWERS_GAINED;
	case F_COMPLETION: return SM_COMPLETION_RATE;
	case F_COMPLETION_5S: return SM_COMPLETION_RATE_5S;
	case F_BOUNCE_2S: return SM_BOUNCE_RATE_2S;
	case F_AVG_PLAY: return SM_AVG_PLAY_DURATION;
	case F_USER_VALUE: return SM_USER_VALUE;
	case F_QUALITY: return SM_QUALITY;
	case F_COVER_CTR: return SM_COVER_CTR;
	case F_REVENUE: return SM_REVENUE;
	default: return -1;
	}
}

/* ---- the context ---- */

#define MAX_COLS IMPORT_MAX_COLUMNS
#define REJECTED 100	/* apply's "bad row, reported" */
#define BATCHED 101	/* apply's "counted when its batch is written" */

struct pval {
	bool present;
	char *text;		/* trimmed cell (text, id, enum's canonical) */
	const char *visibility;	/* FT_STATUS: the visibility it says, or NULL */
	const char *label;	/* FT_STATUS: a label not known (warned) */
	int64_t i;
	double d;
	fen_t fen;
	day_t day;
	int sec;
	bool has_time;
	bool b;
};

/* A validated daily row waiting to be written. */
struct daily_row {
	const char *work_id;		/* owned by ctx->work_account */
	const char *account;		/* owned by ctx->account_names */
	day_t day;
	char day_text[DAY_BUFSZ];	/* formatted by the reader thread */
	uint32_t seq;			/* file order, so a later row wins */
	long line;			/* where the file has it */
	struct store_metrics m;
};

/* Daily rows are written in batches sorted by the table's key (work,
 * day): files come day by day, and one work's days then land on the same
 * B-tree page together instead of each visiting every page. Bounded:
 * DAILY_BATCH rows (about 6 MiB). */
#define DAILY_BATCH 32768

struct import_ctx {
	struct db *db;
	const struct import_opts *opts;
	const char *path, *file;	/* file: as shown in messages */
	char *file_shown;		/* file's storage */
	/* the input: a descriptor, or memory (mem != NULL) */
	int fd;
	const unsigned char *mem;
	size_t mem_len;
	uint64_t pos;			/* bytes read (and hashed) so far */
	off_t size;
	bool regular;			/* a regular file (not a pipe) */
	char *all;			/* import_src_all()'s copy */
	struct pt_err *err;
	struct import_stats *stats;
	const struct table *table;
	int ncols;
	int colmap[MAX_COLS];		/* file column -> index in table->cols, -1 */
	char *colname[MAX_COLS];	/* header text as written */
	bool header_done, strict_width, repeats_said;
	int64_t run_id;
	day_t as_of;
	char today_iso[DAY_BUFSZ];
	struct digest sha;
	struct strmap work_account;	/* work_id -> account_id */
	/* Each account's id once (keys): a daily row's account is one of
	 * these, so the writer compares accounts by address. */
	struct strmap account_names;
	const char *last_work;		/* the last daily row's work id */
	const char *last_account;		/* and its account's name */
	/* (account, day) pairs the writer has marked dirty lately: most
	 * rows of a file repeat one, and marking is a formatted key and a
	 * hash look-up. Direct-mapped by address and day. */
	struct marked { const char *account; day_t day; } *marked;
	bool works_loaded;		/* every work read into it once */
	const char *last_daily_account;	/* the last put in daily_accounts */
	struct strmap accounts;		/* known account ids */
	struct strmap dirty;		/* "account\x1f" "day" */
	struct strmap daily_accounts;	/* accounts whose daily rows changed */
	struct strmap wallet_seen;	/* wallet row values -> how many so far */
	struct strmap snap_rows;	/* snapshot work_id -> its line */
	struct daily_row *batch;	/* daily rows waiting, see flush_daily() */
	size_t nbatch;
	/* The batch being written by the writer thread meanwhile: see
	 * flush_daily(). While it runs, this thread touches neither the
	 * database nor `dirty`; wait_writer() before doing either. */
	struct {
		pthread_t tid;
		bool running, ok;
		struct daily_row *rows;
		size_t n;
		int64_t inserted, updated, unchanged;
		struct pt_err err;
	} w;
	/* Rows whose figures replaced an earlier row's of the same work and
	 * day in this file: noted by whichever thread writes, said by this
	 * one when the writing is done (say_repeated). */
	struct repeated_row {
		const char *work_id;
		char day_text[DAY_BUFSZ];
		long line;
	} *repeated;
	size_t nrepeated, caprepeated;
	uint32_t seq;
	int reports;
	off_t done_bytes, total_bytes;
};

static bool wait_writer(struct import_ctx *ctx);
static void say_repeated(struct import_ctx *ctx);

const struct import_opts *
import_ctx_opts(struct import_ctx *ctx)
{
	return ctx->opts;
}

const char *
import_ctx_file(struct import_ctx *ctx)
{
	return ctx->file;
}

int
import_ctx_width(struct import_ctx *ctx)
{
	return ctx->header_done ? ctx->ncols : -1;
}

void
import_repeats_said(struct import_ctx *ctx)
{
	ctx->repeats_said = true;
}

void
import_set_strict_width(struct import_ctx *ctx, bool strict)
{
	ctx->strict_width = strict;
}

ssize_t
import_src_read(struct import_ctx *ctx, void *buf, size_t n,
    struct pt_err *err)
{
	ssize_t got;

	if (ctx->mem != NULL) {
		size_t left = ctx->mem_len - (size_t)ctx->pos;
		got = (ssize_t)(n < left ? n : left);
		memcpy(buf, ctx->mem + ctx->pos, (size_t)got);
	} else {
		do
			got = read(ctx->fd, buf, n);
		while (got < 0 && errno == EINTR);
		if (got < 0) {
			err_set(err, PT_EXIT_DB, "cannot read %s: %s", ctx->file,
			    strerror(errno));
			return -1;
		}
	}
	digest_update(&ctx->sha, buf, (size_t)got);
	ctx->pos += (uint64_t)got;
	return got;
}

bool
import_src_all(struct import_ctx *ctx, size_t max, const char *what,
    const char **buf, size_t *len, struct pt_err *err)
{
	size_t cap, n = 0;
	ssize_t got;

	if (ctx->mem != NULL && ctx->mem_len <= max) {
		digest_update(&ctx->sha, ctx->mem, ctx->mem_len);
		ctx->pos = ctx->mem_len;
		*buf = (const char *)ctx->mem;
		*len = ctx->mem_len;
		return true;
	}
	if (ctx->mem != NULL || (uint64_t)ctx->size > max) {
		err_set(err, PT_EXIT_DATA, "%s: %lld bytes: larger than the "
		    "%zu MiB a %s file may have (see IMPORT FORMATS in "
		    "partner-tui(1))", ctx->file, (long long)(ctx->mem ?
		    (off_t)ctx->mem_len : ctx->size), max >> 20, what);
		return false;
	}
	/* A regular file: up to one byte more than its size (one that grew
	 * is caught by the check at the end). A pipe: up to max + 1. */
	cap = ctx->regular ? (size_t)ctx->size + 1 : max + 1;
	if ((ctx->all = malloc(cap + 1)) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	while (n < cap && (got = import_src_read(ctx, ctx->all + n, cap - n,
	    err)) > 0)
		n += (size_t)got;
	if (err->code != 0)
		return false;
	if (n > max) {
		err_set(err, PT_EXIT_DATA, "%s: larger than the %zu MiB a %s "
		    "file may have (see IMPORT FORMATS in partner-tui(1))",
		    ctx->file, max >> 20, what);
		return false;
	}
	ctx->all[n] = '\0';
	*buf = ctx->all;
	*len = n;
	return true;
}

off_t
import_src_size(struct import_ctx *ctx)
{
	return ctx->mem != NULL ? (off_t)ctx->mem_len : ctx->size;
}

/* Tells the caller how far the import is (it draws, if it wants to). */
static void
progress_tell(struct import_ctx *ctx, bool final)
{
	struct import_progress p;

	if (ctx->opts->progress == NULL)
		return;
	p.file = ctx->file;
	p.rows = ctx->stats->rows;
	p.done_bytes = ctx->done_bytes;
	p.total_bytes = ctx->total_bytes;
	p.final = final;
	ctx->opts->progress(ctx->opts->progress_arg, &p);
}

void
import_progress(struct import_ctx *ctx, off_t done, off_t total)
{
	ctx->done_bytes = done;
	ctx->total_bytes = total;
	progress_tell(ctx, false);
}

/* With --skip-bad-rows every bad row is listed (they are what was left
 * out); a rejected file shows its first 50, then a count. */
static int
report_limit(const struct import_opts *o)
{
	if (o->max_reports > 0)
		return o->max_reports;
	return o->skip_bad_rows ? INT32_MAX : 50;
}

/* A message about the file (a rejected row, a warning) to the caller:
 * fmt is a msgid, translated as err_set's are (xgettext keyword
 * import_warn:2). */
void
import_warn(struct import_ctx *ctx, const char *fmt, ...)
{
	int max = report_limit(ctx->opts);
	char msg[2048];
	va_list ap;

	if (ctx->opts->report == NULL || ctx->reports++ >= max)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	ctx->opts->report(ctx->opts->report_arg, msg);
}

void
import_reject(struct import_ctx *ctx, long line, const char *column,
    const char *reason, const char *value)
{
	char *safe = text_sanitize(value ? value : "", TEXT_ONE_LINE);
	char shown[160];

	/* A long cell is cut: the message must stay one readable line. */
	text_fit(shown, sizeof shown, safe ? safe : "", 60, "…");
	/* The reason is a msgid (xgettext keyword import_reject:4, N_()
	 * where it is chosen elsewhere), or text already translated. */
	if (reason[0] != '\0')
		reason = _(reason);
	if (column != NULL && value == NULL)
		import_warn(ctx, "%s:%ld: %s: %s", ctx->file, line, column, reason);
	else if (column != NULL)
		import_warn(ctx, "%s:%ld: %s: %s (%s)", ctx->file, line, column,
		    reason, shown);
	else if (value != NULL)
		import_warn(ctx, "%s:%ld: %s (%s)", ctx->file, line, reason, shown);
	else
		import_warn(ctx, "%s:%ld: %s", ctx->file, line, reason);
	free(safe);
}

bool
import_bad_row(struct import_ctx *ctx, long line, int field,
    const char *reason, const char *value, struct pt_err *err)
{
	if (!ctx->header_done) {
		err_set(err, PT_EXIT_DATA, "%s:%ld: the header row: %s",
		    ctx->file, line, reason);
		return false;
	}
	ctx->stats->rows++;
	ctx->stats->rejected++;
	import_reject(ctx, line, field >= 0 && field < ctx->ncols ?
	    ctx->colname[field] : NULL, reason, value);
	return true;
}

/* ---- header mapping ---- */

static bool
header_is(const char *h, const char *name)
{
	return name != NULL && strcasecmp(h, name) == 0;
}

/* Matches a header against a table's columns: the English name, the
 * Chinese one, an alias; and the same with a unit in brackets removed
 * ("收益(元)", "平均播放时长（秒）"). */
static int
match_column(const struct column *cols, const char *h)
{
	char base[256];
	char *p;

	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; cols[i].en != NULL; i++)
			if (header_is(h, cols[i].en) || header_is(h, cols[i].zh) ||
			    header_is(h, cols[i].alias))
				return i;
		if (pass == 1)
			break;
		snprintf(base, sizeof base, "%s", h);
		if ((p = strstr(base, "\xef\xbc\x88")) == NULL &&	/* （ */
		    (p = strchr(base, '(')) == NULL)
			return -1;
		while (p > base && p[-1] == ' ')
			p--;
		*p = '\0';
		h = base;
	}
	return -1;
}

static int apply_accounts(struct import_ctx *, long, struct pval *);
static int apply_works(struct import_ctx *, long, struct pval *);
static int apply_daily(struct import_ctx *, long, struct pval *);
static int apply_violations(struct import_ctx *, long, struct pval *);
static int apply_applications(struct import_ctx *, long, struct pval *);
static int apply_wallet(struct import_ctx *, long, struct pval *);
static int apply_appeal_result(struct import_ctx *, long, struct pval *);
static int apply_snapshot(struct import_ctx *, long, struct pval *);

static const struct table tables[] = {
	{ "accounts", accounts_cols, apply_accounts },
	{ "works", works_cols, apply_works },
	{ "daily", daily_cols, apply_daily },
	{ "violations", violations_cols, apply_violations },
	{ "applications", applications_cols, apply_applications },
	{ "wallet", wallet_cols, apply_wallet },
	{ "appeal_results", appeal_result_cols, apply_appeal_result },
	{ "snapshots", snapshot_cols, apply_snapshot },
};
#define NTABLES (sizeof tables / sizeof tables[0])

static void
trim_in_place(char **cell)
{
	char *s = *cell;
	size_t n = strlen(s);

	/* Same spaces as value_trim(); done here without a copy. */
	value_trim(s, s, n + 1);
}

/* Whether the header has a column of field f. */
static bool
has_column(const struct import_ctx *ctx, enum field f)
{
	for (int i = 0; i < ctx->ncols; i++)
		if (ctx->colmap[i] >= 0 && ctx->table->cols[ctx->colmap[i]].field == f)
			return true;
	return false;
}

/* The table whose columns the header names most, among those whose
 * required columns it has; -1 for none. *tie: another with as many. */
static int
best_table(int n, char *const *cells, int *tie)
{
	int best = -1, best_score = 0;

	*tie = -1;
	for (size_t t = 0; t < NTABLES; t++) {
		int score = 0;
		bool have[64] = { false };
		bool ok = true;

		for (int i = 0; i < n; i++) {
			int c = match_column(tables[t].cols, cells[i]);
			if (c >= 0 && !have[c]) {
				have[c] = true;
				score++;
			}
		}
		for (int c = 0; tables[t].cols[c].en != NULL; c++)
			if (tables[t].cols[c].required && !have[c])
				ok = false;
		if (!ok)
			continue;
		if (score > best_score) {
			best = (int)t;
			best_score = score;
			*tie = -1;
		} else if (score == best_score)
			*tie = (int)t;
	}
	return best;
}

/* Each header cell to a column of the chosen table (or -1, reported). */
static bool
map_columns(struct import_ctx *ctx, const char *where, int n,
    char *const *cells, struct pt_err *err)
{
	ctx->ncols = n;
	for (int i = 0; i < n; i++) {
		int c = match_column(ctx->table->cols, cells[i]);
		/* Shown in messages: a header cell is data too. */
		ctx->colname[i] = text_sanitize(cells[i], TEXT_ONE_LINE);
		if (ctx->colname[i] == NULL) {
			err_set(err, PT_EXIT_DB, "out of memory");
			return false;
		}
		for (int j = 0; j < i && c >= 0; j++)
			if (ctx->colmap[j] == c) {
				err_set(err, PT_EXIT_DATA, "%s: column '%s' "
				    "appears twice", where, ctx->colname[i]);
				return false;
			}
		ctx->colmap[i] = c;
		if (c < 0)
			import_warn(ctx, "%s: %s: unknown column, ignored",
			    where, cells[i][0] ? ctx->colname[i] :
			    _("(empty)"));
	}
	return true;
}

/* A Creator Center export needs its account: from the file's work ids,
 * --work, or --account (which must exist). */
static bool
check_snapshot_account(struct import_ctx *ctx, struct pt_err *err)
{
	bool exists = false;
	bool has_work = ctx->opts->work != NULL || has_column(ctx, F_WORK_ID);

	if (ctx->opts->account == NULL && !has_work) {
		err_set(err, PT_EXIT_USAGE, "%s: a Creator Center export "
		    "names no account: give it with --account ID",
		    ctx->file);
		return false;
	}
	if (ctx->opts->account != NULL && ctx->db != NULL) {
		if (!store_account_exists(ctx->db, ctx->opts->account,
		    &exists, err))
			return false;
		if (!exists) {
			err_set(err, PT_EXIT_DATA, "%s: unknown account "
			    "'%s' (--account): import its accounts file "
			    "first", ctx->file, ctx->opts->account);
			return false;
		}
	}
	return true;
}

bool
import_header(struct import_ctx *ctx, long line, int n, char *const *cells,
    struct pt_err *err)
{
	int best, tie;
	char where[1200];

	/* A JSON response's "header" is its keys: no line to name. */
	if (line > 0)
		snprintf(where, sizeof where, "%s:%ld", ctx->file, line);
	else
		snprintf(where, sizeof where, "%s", ctx->file);

	if (!wait_writer(ctx)) {
		err_copy(err, ctx->err);
		return false;
	}

	if (n > MAX_COLS) {
		err_set(err, PT_EXIT_DATA, "%s: %d columns: at most %d are "
		    "read", where, n, MAX_COLS);
		return false;
	}
	for (int i = 0; i < n; i++)
		trim_in_place((char **)&cells[i]);
	if ((best = best_table(n, cells, &tie)) < 0) {
		err_set(err, PT_EXIT_DATA, "%s: the header matches none of "
		    "the known tables (accounts, works, daily, violations, "
		    "applications, wallet, appeal results, the Creator Center "
		    "export): see "
		    "IMPORT FORMATS in partner-tui(1)", where);
		return false;
	}
	if (tie >= 0) {
		err_set(err, PT_EXIT_DATA, "%s: the header fits both %s and "
		    "%s: add the columns that tell them apart", where,
		    tables[best].name, tables[tie].name);
		return false;
	}
	ctx->table = &tables[best];
	ctx->stats->table = ctx->table->name;
	if (!map_columns(ctx, where, n, cells, err))
		return false;
	if (ctx->table->apply == apply_snapshot &&
	    !check_snapshot_account(ctx, err))
		return false;
	ctx->header_done = true;
	return true;
}

/* ---- cells ---- */

/* "7.31E+18", "7.3100000000000901E+18": what a spreadsheet makes of a
 * long ID kept as a number. The digits it had are gone; taking the text
 * would make one ID of many works. */
static const char *
skip_digits(const char *p)
{
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

static bool
id_lost_digits(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-'), *q;

	if ((q = skip_digits(p)) == p)
		return false;
	if (*q == '.')
		q = skip_digits(q + 1);
	if (*q != 'e' && *q != 'E')
		return false;
	p = q + 1;
	p += *p == '+' || *p == '-';
	q = skip_digits(p);
	return q != p && *q == '\0';
}

/* An identifier: one line, at most 255 bytes, not a number a
 * spreadsheet has rounded. */
static const char *
parse_id(const char *text)
{
	if (strlen(text) > 255)
		return N_("longer than 255 bytes");
	for (const char *q = text; *q; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			return N_("control character in an identifier");
	if (id_lost_digits(text))
		return N_("an ID written as a number in scientific "
		    "notation has lost its digits: export the column "
		    "as text");
	return NULL;
}

/* The Creator Center's 审核状态: a label of status_labels, else the
 * review unknown (never a guess) with its visibility as it was. */
static void
parse_status(struct pval *v)
{
	v->visibility = v->label = NULL;
	for (size_t i = 0; i < sizeof status_labels /
	    sizeof status_labels[0]; i++) {
		if (strcasecmp(v->text, status_labels[i].label) == 0) {
			v->visibility = status_labels[i].visibility;
			v->text = (char *)status_labels[i].review;
			v->present = v->text != NULL;
			return;
		}
	}
	v->label = v->text;
	v->text = (char *)"unknown";
	v->present = true;
}

/* A figure out of its field's range (a parsed value, not a notation). */
static const char *
out_of_range(const struct column *col, const struct pval *v)
{
	if (col->field == F_USER_VALUE && v->d < 0)
		return N_("negative user value");
	if (col->field == F_QUALITY && (v->d < 0 || v->d > 100))
		return N_("quality outside 0-100");
	if (col->field == F_REVENUE && v->fen < 0)
		return N_("negative revenue");
	return NULL;
}

/* The value of a cell that is not missing, by its column's type. */
static const char *
parse_typed(const struct column *col, struct pval *v)
{
	const char *why = NULL;
	int e;

	switch (col->type) {
	case FT_ID: why = parse_id(v->text); break;
	case FT_TEXT: break;
	case FT_COUNT: why = value_parse_count(v->text, &v->i); break;
	case FT_REAL: why = value_parse_real(v->text, &v->d); break;
	case FT_RATE: why = value_parse_rate(v->text, &v->d); break;
	case FT_SECONDS: why = value_parse_seconds(v->text, &v->d); break;
	case FT_MONEY: why = value_parse_money(v->text, &v->fen); break;
	case FT_BOOL: why = value_parse_bool(v->text, &v->b); break;
	case FT_DAY:
	case FT_TIME:
		why = value_parse_day(v->text, &v->day, &v->sec, &v->has_time);
		break;
	case FT_ENUM:
		if ((why = value_parse_enum(v->text, col->values, &e)) == NULL)
			v->text = (char *)col->values[e].en;
		break;
	case FT_STATUS:
		parse_status(v);
		return NULL;
	}
	if (why == NULL)
		why = out_of_range(col, v);
	if (why == NULL)
		v->present = true;
	return why;
}

static const char *
parse_cell(const struct column *col, char *cell, struct pval *v)
{
	const unsigned char *p = (const unsigned char *)cell;
	size_t n;

	v->present = false;
	v->text = cell;
	/* Most cells are ASCII: validate UTF-8 only past the first byte
	 * that is not, and trim only when an end looks like space. */
	while (*p != '\0' && *p < 0x80)
		p++;
	n = (size_t)((const char *)p - cell);
	if (*p != '\0') {
		n += strlen((const char *)p);
		if (!text_utf8_valid(cell, n, NULL))
			return N_("invalid UTF-8");
	}
	if (col->type != FT_TEXT && n > 0 &&
	    ((unsigned char)cell[0] <= ' ' || (unsigned char)cell[0] >= 0x80 ||
	    (unsigned char)cell[n - 1] <= ' ' ||
	    (unsigned char)cell[n - 1] >= 0x80))
		trim_in_place(&v->text);
	if (col->type == FT_TEXT) {
		/* Text is kept as written; only a missing marker is NULL. */
		if (value_is_missing(cell))
			return NULL;
		trim_in_place(&v->text);
		v->present = true;
		return NULL;
	}
	if (value_is_missing(v->text))
		return col->required ? N_("required value missing") : NULL;
	return parse_typed(col, v);
}

/* Blank rows are what spreadsheets leave behind. */
static bool
row_blank(int n, char *const *cells)
{
	for (int i = 0; i < n; i++)
		for (const char *p = cells[i]; *p; p++)
			if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
				return false;
	return true;
}

/* Each mapped cell into v[its field]; a bad one is reported. False
 * when any was bad. */
static bool
parse_row(struct import_ctx *ctx, long line, int n, char *const *cells,
    struct pval *v)
{
	bool good = true;

	for (int f = 0; f < F_COUNT; f++) {
		v[f].present = false;
		v[f].visibility = v[f].label = NULL;
	}
	for (int i = 0; i < ctx->ncols; i++) {
		const struct column *col;
		const char *why;
		char blank[1] = "";	/* writable: cells are trimmed in place */
		char *cell = i < n ? cells[i] : blank;
		char exp[300], msg[400];

		if (ctx->colmap[i] < 0)
			continue;
		col = &ctx->table->cols[ctx->colmap[i]];
		if ((why = parse_cell(col, cell, &v[col->field])) == NULL)
			continue;
		if (strcmp(why, "unknown value") == 0) {
			snprintf(msg, sizeof msg, _("unknown value; expected %s"),
			    value_enum_expected(col->values, exp, sizeof exp));
			why = msg;
		}
		import_reject(ctx, line, ctx->colname[i], why, cell);
		good = false;
	}
	return good;
}

/* A status label the export wrote that is not known: the row is kept. */
static void
warn_unknown_labels(struct import_ctx *ctx, long line, const struct pval *v)
{
	for (int i = 0; i < ctx->ncols; i++) {
		const struct column *col;
		char *safe;

		if (ctx->colmap[i] < 0)
			continue;
		col = &ctx->table->cols[ctx->colmap[i]];
		if (col->type != FT_STATUS || v[col->field].label == NULL)
			continue;
		safe = text_sanitize(v[col->field].label, TEXT_ONE_LINE);
		import_warn(ctx, "%s:%ld: %s: unknown label '%s': the row is "
		    "kept with review unknown, its visibility as it "
		    "was", ctx->file, line, ctx->colname[i],
		    safe ? safe : "?");
		free(safe);
	}
}

/* A required column present in the header but beyond a short row. */
static bool
required_present(struct import_ctx *ctx, long line, const struct pval *v)
{
	for (int c = 0; ctx->table->cols[c].en != NULL; c++) {
		const struct column *col = &ctx->table->cols[c];
		if (col->required && !v[col->field].present) {
			import_reject(ctx, line, col->en,
			    "required value missing", "");
			return false;
		}
	}
	return true;
}

/* Writes a good row through its table's apply and counts what became
 * of it. False only on a fatal error (err set). */
static bool
write_row(struct import_ctx *ctx, long line, struct pval *v,
    struct pt_err *err)
{
	int rc;

	/* Parse only (import_parse_buffer): the row is good as far as a
	 * file alone can tell. */
	if (ctx->db != NULL && ctx->table->apply != apply_daily &&
	    !wait_writer(ctx)) {
		err_copy(err, ctx->err);
		return false;
	}
	rc = ctx->db != NULL ? ctx->table->apply(ctx, line, v) :
	    STORE_UNCHANGED;
	switch (rc) {
	case STORE_INSERTED: ctx->stats->inserted++; break;
	case STORE_UPDATED: ctx->stats->updated++; break;
	case STORE_UNCHANGED: ctx->stats->unchanged++; break;
	case BATCHED: break;
	case STORE_FAILED:
		if (ctx->err->code == PT_EXIT_DATA) {
			/* A constraint the checks above did not foresee:
			 * still a bad row, not a broken database. */
			char why[PRESENT_ERR_BUFSZ];
			import_reject(ctx, line, NULL, present_error(ctx->err,
			    PRESENT_UI, why, sizeof why), NULL);
			err_clear(ctx->err);
			ctx->stats->rejected++;
			return true;
		}
		err_copy(err, ctx->err);
		return false;
	default:		/* rejected by apply, already reported */
		ctx->stats->rejected++;
		break;
	}
	return true;
}

bool
import_row(struct import_ctx *ctx, long line, int n, char *const *cells,
    struct pt_err *err)
{
	struct pval v[F_COUNT];

	if (!ctx->header_done)
		return import_header(ctx, line, n, cells, err);
	if (row_blank(n, cells))
		return true;
	ctx->stats->rows++;
	if (ctx->strict_width && n != ctx->ncols) {
		char why[80];
		snprintf(why, sizeof why, _("%d fields where the header has %d"),
		    n, ctx->ncols);
		import_reject(ctx, line, NULL, why, NULL);
		ctx->stats->rejected++;
		return true;
	}
	if (!parse_row(ctx, line, n, cells, v)) {
		ctx->stats->rejected++;
		return true;
	}
	warn_unknown_labels(ctx, line, v);
	if (!required_present(ctx, line, v)) {
		ctx->stats->rejected++;
		return true;
	}
	if (!write_row(ctx, line, v, err))
		return false;
	if (ctx->stats->rows % 4096 == 0)
		progress_tell(ctx, false);
	return true;
}

/* ---- references and dirty marks ---- */

static bool
mark_into(struct import_ctx *ctx, const char *account, day_t day,
    struct pt_err *err)
{
	char key[300], d[DAY_BUFSZ];

	snprintf(key, sizeof key, "%s\x1f%s", account, day_format(day, d));
	if (!strmap_put(&ctx->dirty, key, "", NULL)) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	return true;
}

static bool
mark(struct import_ctx *ctx, const char *account, day_t day)
{
	return wait_writer(ctx) && mark_into(ctx, account, day, ctx->err);
}

static bool
put_work(void *arg, const char *work_id, const char *account_id)
{
	struct import_ctx *ctx = arg;

	if (strmap_get(&ctx->work_account, work_id) != NULL)
		return true;	/* what this import said stays */
	if (!strmap_put(&ctx->work_account, work_id, account_id, NULL)) {
		err_set(ctx->err, PT_EXIT_DB, "out of memory");
		return false;
	}
	return true;
}

/* The account of a work (cached); NULL when the work is unknown or on a
 * database error (ctx->err set). */
static const char *
work_account(struct import_ctx *ctx, const char *work_id)
{
	const char *a = strmap_get(&ctx->work_account, work_id);
	char acc[256];
	bool found;

	if (a != NULL)
		return a;
	/* A daily file names most works of the database: all are read at
	 * the first one not known, so that the reader does not stop for a
	 * look-up (and to wait for the writer thread) at each new work. */
	if (!ctx->works_loaded && ctx->table != NULL &&
	    ctx->table->apply == apply_daily) {
		ctx->works_loaded = true;
		if (!wait_writer(ctx) ||
		    !store_each_work(ctx->db, put_work, ctx, ctx->err))
			return NULL;
		if ((a = strmap_get(&ctx->work_account, work_id)) != NULL)
			return a;
	}
	if (!wait_writer(ctx) ||
	    !store_work_account(ctx->db, work_id, acc, &found, ctx->err) ||
	    !found)
		return NULL;
	if (!strmap_put(&ctx->work_account, work_id, acc, NULL)) {
		err_set(ctx->err, PT_EXIT_DB, "out of memory");
		return NULL;
	}
	return strmap_get(&ctx->work_account, work_id);
}

static bool
account_known(struct import_ctx *ctx, const char *account_id, bool *known)
{
	if (strmap_get(&ctx->accounts, account_id) != NULL) {
		*known = true;
		return true;
	}
	if (!store_account_exists(ctx->db, account_id, known, ctx->err))
		return false;
	if (*known && !strmap_put(&ctx->accounts, account_id, "", NULL)) {
		err_set(ctx->err, PT_EXIT_DB, "out of memory");
		return false;
	}
	return true;
}

/* Rejects the row when the account is unknown; STORE_FAILED on db error,
 * REJECTED when unknown, 0 when known. */
static int
need_account(struct import_ctx *ctx, long line, const char *account_id)
{
	bool known;

	if (!account_known(ctx, account_id, &known))
		return STORE_FAILED;
	if (!known) {
		import_reject(ctx, line, "account_id", "unknown account "
		    "(import its accounts file first)", account_id);
		return REJECTED;
	}
	return 0;
}

static char *
format_time(const struct pval *v, char *buf, size_t size)
{
	char d[DAY_BUFSZ];

	day_format(v->day, d);
	if (!v->has_time)
		snprintf(buf, size, "%s", d);
	else
		snprintf(buf, size, "%s %02d:%02d:%02d", d, v->sec / 3600,
		    v->sec / 60 % 60, v->sec % 60);
	return buf;
}

static int
tri(const struct pval *v)
{
	return v->present ? (v->b ? STORE_YES : STORE_NO) : STORE_ABSENT;
}

#define TEXT(f) (v[f].present ? v[f].text : NULL)

/* ---- one apply per table ---- */

/* The day a change of an account or a work took effect: the row's
 * effective_on (生效日期), else the import's day (--as-of, the file
 * name's day, today). */
static day_t
effective_day(const struct import_ctx *ctx, const struct pval *v)
{
	return v[F_EFFECTIVE_ON].present ? v[F_EFFECTIVE_ON].day : ctx->as_of;
}

/* After an account's or a work's upsert (rc): known to the rest of the
 * file (id -> value in m), and, when it changed, marked for the engine
 * to recompute (mark_changed). Returns rc, or STORE_FAILED. */
static int
remember(struct import_ctx *ctx, int rc, struct strmap *m, const char *id,
    const char *value, bool (*mark_changed)(struct db *, const char *,
    struct pt_err *))
{
	if (rc == STORE_FAILED)
		return rc;
	if (!strmap_put(m, id, value, NULL))
		return STORE_FAILED;
	if (rc == STORE_UPDATED && !mark_changed(ctx->db, id, ctx->err))
		return STORE_FAILED;
	return rc;
}

/* When a row's attributes are in force: its effective_on, else the
 * file's day (then a first value counts since always). */
static struct store_when
when_of(const struct import_ctx *ctx, const struct pval *v)
{
	return (struct store_when){ effective_day(ctx, v),
	    v[F_EFFECTIVE_ON].present, ctx->run_id };
}

static int
apply_accounts(struct import_ctx *ctx, long line, struct pval *v)
{
	struct store_account a = {
		.account_id = v[F_ACCOUNT_ID].text,
		.name = TEXT(F_NAME),
		.kind = TEXT(F_ACCOUNT_KIND),
		.celebrity = tri(&v[F_CELEBRITY]),
		.certification_set = false,
		.certification = TEXT(F_CERTIFICATION),
		.plan_status = TEXT(F_PLAN_STATUS),
		.bank_card = tri(&v[F_BANK_CARD]),
	};
	const struct store_when at = when_of(ctx, v);
	int rc;

	/* "empty = none": the column being there is what counts. */
	a.certification_set = has_column(ctx, F_CERTIFICATION);
	rc = store_save_account(ctx->db, &a, &at, ctx->err);
	return remember(ctx, rc, &ctx->accounts, a.account_id, "",
	    store_mark_dirty_account);
}

static int
apply_works(struct import_ctx *ctx, long line, struct pval *v)
{
	char published[32];
	struct store_work w = {
		.work_id = v[F_WORK_ID].text,
		.account_id = v[F_ACCOUNT_ID].text,
		.title = TEXT(F_TITLE),
		.published_at = v[F_PUBLISHED_AT].present ?
		    format_time(&v[F_PUBLISHED_AT], published, sizeof published) :
		    NULL,
		.genre = TEXT(F_GENRE),
		.has_duration = v[F_DURATION].present,
		.duration_s = (int64_t)(v[F_DURATION].d + 0.5),
		.visibility = TEXT(F_VISIBILITY),
		.review = TEXT(F_REVIEW),
		.commercial = TEXT(F_COMMERCIAL),
		.original = tri(&v[F_ORIGINAL]),
		.infringing = tri(&v[F_INFRINGING]),
		.selected = tri(&v[F_SELECTED]),
	};
	const struct store_when at = when_of(ctx, v);
	char before[256];
	bool found;
	int rc;

	if ((rc = need_account(ctx, line, w.account_id)) != 0)
		return rc;
	/* A Douyin title is a few dozen characters, a caption a few
	 * hundred: more is not a title (a whole document pasted in?). */
	if (w.title != NULL && text_chars(w.title, strlen(w.title)) > IMPORT_MAX_TITLE) {
		char why[80];
		snprintf(why, sizeof why, _("longer than %d characters"),
		    IMPORT_MAX_TITLE);
		import_reject(ctx, line, "title", why, w.title);
		return REJECTED;
	}
	if (!store_work_account(ctx->db, w.work_id, before, &found, ctx->err))
		return STORE_FAILED;
	rc = store_save_work(ctx->db, &w, &at, ctx->err);
	if (rc == STORE_FAILED)
		return rc;
	/* A work moved to another account: the old account's days lose it. */
	if (found && strcmp(before, w.account_id) != 0 &&
	    !store_mark_dirty_account(ctx->db, before, ctx->err))
		return STORE_FAILED;
	return remember(ctx, rc, &ctx->work_account, w.work_id, w.account_id,
	    store_mark_dirty_work);
}

static void
fill_metrics(struct pval *v, struct store_metrics *m)
{
	m->have = 0;
	for (int f = 0; f < F_COUNT; f++) {
		int sm = metric_of((enum field)f);
		if (sm < 0 || !v[f].present)
			continue;
		m->have |= 1u << sm;
		if (sm == SM_REVENUE)
			m->revenue_fen = v[f].fen;
		else if (sm < SM_NCOUNTS)
			m->count[sm] = v[f].i;
		else
			m->real[sm - SM_NCOUNTS] = v[f].d;
	}
}

static int
cmp_daily(const void *a, const void *b)
{
	const struct daily_row *x = a, *y = b;
	/* one work's rows share its id's storage */
	int c = x->work_id == y->work_id ? 0 : strcmp(x->work_id, y->work_id);

	if (c != 0)
		return c;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool mark_into(struct import_ctx *ctx, const char *account, day_t day,
    struct pt_err *err);

/* Notes an account whose daily rows this import wrote. */
static bool
daily_account(struct import_ctx *ctx, const char *account, struct pt_err *err)
{
	if (!strmap_put(&ctx->daily_accounts, account, "", NULL)) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	return true;
}

#define MARKED_SLOTS 8192

/* A daily row written (inserted or updated): its account's day is
 * scored again, and the account noted as one whose daily rows this
 * import wrote. Accounts are ctx->account_names' keys. */
static bool
mark_daily(struct import_ctx *ctx, const struct daily_row *r,
    struct pt_err *err)
{
	struct marked *m;

	if (ctx->marked == NULL &&
	    (ctx->marked = calloc(MARKED_SLOTS, sizeof *ctx->marked)) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	m = &ctx->marked[((uintptr_t)r->account / 8 * 31 + (uintptr_t)r->day) %
	    MARKED_SLOTS];
	if (m->account == r->account && m->day == r->day)
		return true;
	if (!mark_into(ctx, r->account, r->day, err))
		return false;
	m->account = r->account;
	m->day = r->day;
	if (ctx->last_daily_account == r->account)
		return true;
	ctx->last_daily_account = r->account;
	return daily_account(ctx, r->account, err);
}

/* Sorts a batch by key unless it already is (a file sorted by work). */
static void
sort_daily(struct daily_row *rows, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (cmp_daily(&rows[i - 1], &rows[i]) > 0) {
			qsort(rows, n, sizeof *rows, cmp_daily);
			return;
		}
}

/* Writes rows (key order) one by one; as write_daily. */
static bool
upsert_daily_rows(struct import_ctx *ctx, const struct daily_row *rows,
    size_t n, int64_t cnt[3], struct pt_err *err)
{
	for (size_t i = 0; i < n; i++) {
		const struct daily_row *r = &rows[i];
		bool again = false;
		/* a reader that says repeats itself needs no look at them */
		int rc = store_upsert_daily(ctx->db, r->work_id, r->day_text,
		    &r->m, ctx->run_id, ctx->repeats_said ? NULL : &again, err);
		struct repeated_row *note;

		if (again) {
			if ((note = grow_push(&ctx->repeated, &ctx->nrepeated,
			    &ctx->caprepeated, sizeof *note)) == NULL) {
				err_set(err, PT_EXIT_DB, "out of memory");
				return false;
			}
			note->work_id = r->work_id;
			memcpy(note->day_text, r->day_text, sizeof note->day_text);
			note->line = r->line;
		}
		switch (rc) {
		case STORE_INSERTED: cnt[0]++; break;
		case STORE_UPDATED: cnt[1]++; break;
		case STORE_UNCHANGED: cnt[2]++; break;
		default: return false;
		}
		if (rc != STORE_UNCHANGED && !mark_daily(ctx, r, err))
			return false;
	}
	return true;
}

/* Writes daily rows in key order, counting them into cnt (inserted,
 * updated, unchanged) and marking what changed dirty. Where the table
 * has no row yet, STORE_DAILY_MANY rows go in one statement. */
static bool
write_daily(struct import_ctx *ctx, struct daily_row *rows, size_t n,
    int64_t cnt[3], struct pt_err *err)
{
	size_t i = 0;

	sort_daily(rows, n);
	for (; n - i >= STORE_DAILY_MANY; i += STORE_DAILY_MANY) {
		struct store_daily many[STORE_DAILY_MANY];
		int rc;

		for (size_t j = 0; j < STORE_DAILY_MANY; j++)
			many[j] = (struct store_daily){ rows[i + j].work_id,
			    rows[i + j].day_text, &rows[i + j].m };
		rc = store_insert_daily_new(ctx->db, many, ctx->run_id, err);
		if (rc == STORE_FAILED)
			return false;
		if (rc == STORE_UNCHANGED) {
			if (!upsert_daily_rows(ctx, &rows[i], STORE_DAILY_MANY,
			    cnt, err))
				return false;
			continue;
		}
		cnt[0] += STORE_DAILY_MANY;
		for (size_t j = 0; j < STORE_DAILY_MANY; j++)
			if (!mark_daily(ctx, &rows[i + j], err))
				return false;
	}
	return upsert_daily_rows(ctx, &rows[i], n - i, cnt, err);
}

static void *
writer_main(void *arg)
{
	struct import_ctx *ctx = arg;
	int64_t cnt[3] = { 0, 0, 0 };

	ctx->w.ok = write_daily(ctx, ctx->w.rows, ctx->w.n, cnt, &ctx->w.err);
	ctx->w.inserted = cnt[0];
	ctx->w.updated = cnt[1];
	ctx->w.unchanged = cnt[2];
	return NULL;
}

/* Says each row noted as repeating an earlier row's work and day: the
 * later figures are kept (a file's order wins), and nothing goes
 * unsaid. Rows come in key order, not file order. */
static void
say_repeated(struct import_ctx *ctx)
{
	for (size_t i = 0; i < ctx->nrepeated; i++) {
		const struct repeated_row *r = &ctx->repeated[i];
		char what[400];

		snprintf(what, sizeof what, "%s %s", r->work_id, r->day_text);
		import_reject(ctx, r->line, NULL, N_("the same work and day as "
		    "an earlier row: this row's figures replace it"), what);
	}
	ctx->nrepeated = 0;
}

/* Waits for the batch being written, if any, and counts it; false (with
 * ctx->err set) when writing it failed. */
static bool
wait_writer(struct import_ctx *ctx)
{
	if (!ctx->w.running)
		return true;
	pthread_join(ctx->w.tid, NULL);
	ctx->w.running = false;
	say_repeated(ctx);
	ctx->stats->inserted += ctx->w.inserted;
	ctx->stats->updated += ctx->w.updated;
	ctx->stats->unchanged += ctx->w.unchanged;
	if (!ctx->w.ok) {
		if (ctx->w.err.code == 0)
			ctx->w.err.code = PT_EXIT_DB;
		err_copy(ctx->err, &ctx->w.err);
		return false;
	}
	return true;
}

/* Writes the waiting daily rows. A full batch is handed to a writer
 * thread and the reader goes on parsing into the other buffer: parsing
 * and validating is off the writer's critical path, and the import runs
 * at the speed of the slower of the two. The last batch (last) is
 * written here. One connection, used by one thread at a time. */
static bool
flush_daily(struct import_ctx *ctx, bool last)
{
	int64_t cnt[3] = { 0, 0, 0 };
	bool ok;

	if (!wait_writer(ctx))
		return false;
	if (ctx->nbatch == 0)
		return true;
	if (!last && (ctx->w.rows != NULL ||
	    (ctx->w.rows = malloc(DAILY_BATCH * sizeof *ctx->w.rows)) != NULL)) {
		struct daily_row *full = ctx->batch;
		ctx->batch = ctx->w.rows;
		ctx->w.rows = full;
		ctx->w.n = ctx->nbatch;
		ctx->nbatch = 0;
		memset(&ctx->w.err, 0, sizeof ctx->w.err);
		if (pthread_create(&ctx->w.tid, NULL, writer_main, ctx) == 0) {
			ctx->w.running = true;
			return true;
		}
		/* no thread: write it here */
		ok = write_daily(ctx, full, ctx->w.n, cnt, ctx->err);
	} else {
		ok = write_daily(ctx, ctx->batch, ctx->nbatch, cnt, ctx->err);
		ctx->nbatch = 0;
	}
	say_repeated(ctx);
	ctx->stats->inserted += cnt[0];
	ctx->stats->updated += cnt[1];
	ctx->stats->unchanged += cnt[2];
	return ok;
}

/* Makes work_id the last daily row's work (ctx->last_work, its key in
 * ctx->work_account, with its account's name in last_account); false when the work is not known (or
 * on a database error, ctx->err set). */
static bool
daily_work(struct import_ctx *ctx, const char *work_id)
{
	const struct strmap_entry *e;
	const char *account = work_account(ctx, work_id);

	ctx->last_work = NULL;
	if (account == NULL)
		return false;
	if (strmap_get(&ctx->account_names, account) == NULL &&
	    !strmap_put(&ctx->account_names, account, "", NULL)) {
		err_set(ctx->err, PT_EXIT_DB, "out of memory");
		return false;
	}
	ctx->last_account = strmap_entry(&ctx->account_names, account)->key;
	if ((e = strmap_entry(&ctx->work_account, work_id)) == NULL)
		return false;
	ctx->last_work = e->key;
	return true;
}

static int
apply_daily(struct import_ctx *ctx, long line, struct pval *v)
{
	struct daily_row *r;

	if (ctx->last_work == NULL ||
	    strcmp(ctx->last_work, v[F_WORK_ID].text) != 0) {
		/* a new work (a file sorted by work repeats one) */
		if (!daily_work(ctx, v[F_WORK_ID].text)) {
			if (ctx->err->code != 0)
				return STORE_FAILED;
			import_reject(ctx, line, "work_id", "unknown work "
			    "(import its works file first)", v[F_WORK_ID].text);
			return REJECTED;
		}
	}
	if (ctx->batch == NULL &&
	    (ctx->batch = malloc(DAILY_BATCH * sizeof *ctx->batch)) == NULL) {
		err_set(ctx->err, PT_EXIT_DB, "out of memory");
		return STORE_FAILED;
	}
	r = &ctx->batch[ctx->nbatch++];
	r->work_id = ctx->last_work;
	r->account = ctx->last_account;
	r->day = v[F_DATE].day;
	day_format(r->day, r->day_text);
	r->seq = ctx->seq++;
	r->line = line;
	fill_metrics(v, &r->m);
	if (ctx->nbatch == DAILY_BATCH && !flush_daily(ctx, false))
		return STORE_FAILED;
	return BATCHED;
}

/* A row that changed the account's facts (inserted or updated, rc):
 * the account's days are scored again. Returns rc, or STORE_FAILED. */
static int
account_changed(struct import_ctx *ctx, int rc, const char *account)
{
	if ((rc == STORE_INSERTED || rc == STORE_UPDATED) &&
	    !store_mark_dirty_account(ctx->db, account, ctx->err))
		return STORE_FAILED;
	return rc;
}

static int
apply_violations(struct import_ctx *ctx, long line, struct pval *v)
{
	char day[DAY_BUFSZ];
	const char *work = TEXT(F_WORK_ID);
	int rc;

	if ((rc = need_account(ctx, line, v[F_ACCOUNT_ID].text)) != 0)
		return rc;
	if (work != NULL) {
		const char *a = work_account(ctx, work);
		if (a == NULL && ctx->err->code != 0)
			return STORE_FAILED;
		if (a == NULL || strcmp(a, v[F_ACCOUNT_ID].text) != 0) {
			import_reject(ctx, line, "work_id", a == NULL ?
			    N_("unknown work") : N_("work of another account"),
			    work);
			return REJECTED;
		}
	}
	rc = store_upsert_violation(ctx->db, v[F_ACCOUNT_ID].text, work,
	    day_format(v[F_DATE].day, day), v[F_VIOLATION_KIND].text,
	    TEXT(F_VIOLATION_STATUS), ctx->err);
	return account_changed(ctx, rc, v[F_ACCOUNT_ID].text);
}

static int
apply_applications(struct import_ctx *ctx, long line, struct pval *v)
{
	char sub[DAY_BUFSZ], rev[DAY_BUFSZ];
	int rc;

	if ((rc = need_account(ctx, line, v[F_ACCOUNT_ID].text)) != 0)
		return rc;
	if (v[F_REVIEWED_ON].present &&
	    v[F_REVIEWED_ON].day < v[F_SUBMITTED_ON].day) {
		import_reject(ctx, line, "reviewed_on", "reviewed before it "
		    "was submitted", v[F_REVIEWED_ON].text);
		return REJECTED;
	}
	rc = store_upsert_application(ctx->db, v[F_ACCOUNT_ID].text,
	    day_format(v[F_SUBMITTED_ON].day, sub),
	    v[F_REVIEWED_ON].present ? day_format(v[F_REVIEWED_ON].day, rev) :
	    NULL, TEXT(F_RESULT), TEXT(F_REASON), ctx->err);
	return account_changed(ctx, rc, v[F_ACCOUNT_ID].text);
}

static int
apply_wallet(struct import_ctx *ctx, long line, struct pval *v)
{
	char day[DAY_BUFSZ];
	long nth = 0;
	int rc;

	if ((rc = need_account(ctx, line, v[F_ACCOUNT_ID].text)) != 0)
		return rc;
	if (v[F_AMOUNT].fen < 0 && strcmp(v[F_WALLET_KIND].text,
	    "adjustment") != 0) {
		import_reject(ctx, line, "amount", "negative amount (the kind "
		    "gives the direction; only an adjustment may be negative)",
		    v[F_AMOUNT].text);
		return REJECTED;
	}
	day_format(v[F_DATE].day, day);
	/* Withdrawal needs a real-name bank card (seed §10): bound that day,
	 * by the account's history. */
	if (strcmp(v[F_WALLET_KIND].text, "withdrawal") == 0) {
		bool bound;
		if (!store_bank_card_on(ctx->db, v[F_ACCOUNT_ID].text,
		    v[F_DATE].day, &bound, ctx->err))
			return STORE_FAILED;
		if (!bound) {
			char why[400];
			snprintf(why, sizeof why, _("withdrawal on %s, when account "
			    "'%s' had no real-name bank card bound (withdrawal "
			    "needs one)"), day, v[F_ACCOUNT_ID].text);
			import_reject(ctx, line, "kind", why,
			    v[F_WALLET_KIND].text);
			return REJECTED;
		}
	}
	if (!v[F_ENTRY_ID].present) {
		/* The nth identical row of this file is the nth such entry. */
		const char *seen;
		char key[512], count[24];
		snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%lld",
		    v[F_ACCOUNT_ID].text, day, v[F_WALLET_KIND].text,
		    (long long)v[F_AMOUNT].fen);
		seen = strmap_get(&ctx->wallet_seen, key);
		nth = (seen != NULL ? atol(seen) : 0) + 1;
		snprintf(count, sizeof count, "%ld", nth);
		if (!strmap_put(&ctx->wallet_seen, key, count, NULL)) {
			err_set(ctx->err, PT_EXIT_DB, "out of memory");
			return STORE_FAILED;
		}
	}
	rc = store_wallet_entry(ctx->db, v[F_ACCOUNT_ID].text, day,
	    v[F_WALLET_KIND].text, v[F_AMOUNT].fen,
	    v[F_ENTRY_ID].present ? v[F_ENTRY_ID].text : NULL, nth, ctx->err);
	if ((rc == STORE_INSERTED || rc == STORE_UPDATED) &&
	    !mark(ctx, v[F_ACCOUNT_ID].text, v[F_DATE].day))
		return STORE_FAILED;
	return rc;
}

/* The appeal a result row is about: by appeal_id, or by its work (or
 * account) and days. Returns 0 with *id set, REJECTED or STORE_FAILED. */
static int
result_appeal_id(struct import_ctx *ctx, long line, struct pval *v,
    int64_t *id)
{
	char why[300], b1[DAY_BUFSZ], b2[DAY_BUFSZ];
	int n;

	if (v[F_APPEAL_ID].present) {
		*id = v[F_APPEAL_ID].i;
		return 0;
	}
	if (!v[F_FIRST_DAY].present || !v[F_LAST_DAY].present ||
	    (!v[F_WORK_ID].present && !v[F_ACCOUNT_ID].present)) {
		import_reject(ctx, line, "appeal_id", "give appeal_id, or "
		    "work_id (account_id for an account-wide appeal) with "
		    "first_day and last_day", "");
		return REJECTED;
	}
	n = appeal_find(ctx->db, TEXT(F_ACCOUNT_ID),
	    v[F_WORK_ID].present ? v[F_WORK_ID].text : "",
	    v[F_FIRST_DAY].day, v[F_LAST_DAY].day, id, ctx->err);
	if (n < 0)
		return STORE_FAILED;
	if (n != 1) {
		snprintf(why, sizeof why, _("%s over %s..%s"),
		    n == 0 ? _("no submitted appeal") : _("several appeals"),
		    day_format(v[F_FIRST_DAY].day, b1),
		    day_format(v[F_LAST_DAY].day, b2));
		import_reject(ctx, line, "work_id", why,
		    v[F_WORK_ID].present ? v[F_WORK_ID].text : "");
		return REJECTED;
	}
	return 0;
}

/* The appeal of *id, which must be of the row's work and account.
 * Returns 0, REJECTED or STORE_FAILED. */
static int
result_appeal(struct import_ctx *ctx, long line, struct pval *v, int64_t id,
    struct appeal *a)
{
	char why[300];

	if (!appeal_get(ctx->db, id, a, ctx->err)) {
		if (ctx->err->code != PT_EXIT_DATA)
			return STORE_FAILED;
		err_clear(ctx->err);
		import_reject(ctx, line, "appeal_id", "no such appeal",
		    v[F_APPEAL_ID].text);
		return REJECTED;
	}
	if ((v[F_WORK_ID].present && strcmp(v[F_WORK_ID].text, a->work_id) != 0) ||
	    (v[F_ACCOUNT_ID].present &&
	    strcmp(v[F_ACCOUNT_ID].text, a->account_id) != 0)) {
		snprintf(why, sizeof why, _("appeal %lld is of account %s, work %s"),
		    (long long)id, a->account_id, a->work_id[0] ? a->work_id : "-");
		import_reject(ctx, line, "work_id", why, v[F_WORK_ID].present ?
		    v[F_WORK_ID].text : v[F_ACCOUNT_ID].text);
		return REJECTED;
	}
	return 0;
}

/* Approving a submitted appeal: none of its days may be in another
 * appeal that is decided. */
static int
result_approve(struct import_ctx *ctx, long line, struct pval *v,
    struct appeal *a, const struct appeal_decision *dec, bool approved)
{
	struct appeal_overlap o[APPEAL_OVERLAPS_MAX];
	char why[300];
	int no = appeal_overlaps(ctx->db, a, o, ctx->err);

	if (no < 0)
		return STORE_FAILED;
	for (int k = 0; k < no; k++) {
		if (o[k].status == APPEAL_SUBMITTED)
			continue;
		import_reject(ctx, line, "result", present_appeal_overlap(&o[k],
		    PRESENT_UI, why, sizeof why), v[F_APPEAL_RESULT].text);
		return REJECTED;
	}
	if (!appeal_decide(ctx->db, a->id, APPEAL_APPROVED, dec,
	    approved ? TEXT(F_REASON) : NULL, a, ctx->err))
		return STORE_FAILED;
	return 0;
}

/* One decision of the platform, recorded through the appeal workflow
 * and its checks; a state the file contradicts is this line's error.
 * Recording what is already recorded changes nothing. */
static int
apply_appeal_result(struct import_ctx *ctx, long line, struct pval *v)
{
	struct appeal_decision dec = { .on = DAY_NONE };
	struct appeal a;
	enum appeal_status to;
	char why[300], m1[MONEY_BUFSZ];
	const char *result = v[F_APPEAL_RESULT].text;
	int64_t id = 0;
	int rc;

	if (!appeal_status_parse(result, &to)) {
		import_reject(ctx, line, "result", "not a result", result);
		return REJECTED;
	}
	if ((rc = result_appeal_id(ctx, line, v, &id)) != 0 ||
	    (rc = result_appeal(ctx, line, v, id, &a)) != 0)
		return rc;
	dec.on = v[F_DECIDED_ON].present ? v[F_DECIDED_ON].day : DAY_NONE;
	dec.has_compensation = v[F_COMPENSATION].present;
	dec.compensation = v[F_COMPENSATION].fen;
	if (dec.has_compensation && dec.compensation < 0) {
		import_reject(ctx, line, "compensation", "negative amount",
		    v[F_COMPENSATION].text);
		return REJECTED;
	}
	/* already recorded: the same again changes nothing; another amount
	 * is a contradiction */
	if (a.status == to || (to == APPEAL_APPROVED && a.status == APPEAL_PAID)) {
		if (dec.has_compensation && a.has_compensation &&
		    dec.compensation != a.compensation) {
			snprintf(why, sizeof why, _("appeal %lld was approved with "
			    "%s"), (long long)id, money_format(a.compensation, m1));
			import_reject(ctx, line, "compensation", why,
			    v[F_COMPENSATION].text);
			return REJECTED;
		}
		return STORE_UNCHANGED;
	}
	if (!(a.status == APPEAL_SUBMITTED ||
	    (a.status == APPEAL_APPROVED && to == APPEAL_PAID))) {
		snprintf(why, sizeof why, _("appeal %lld is %s: it cannot become %s"),
		    (long long)id, appeal_status_name(a.status), result);
		import_reject(ctx, line, "result", why, result);
		return REJECTED;
	}
	if (a.status == APPEAL_SUBMITTED && to != APPEAL_REJECTED &&
	    (rc = result_approve(ctx, line, v, &a, &dec,
	    to == APPEAL_APPROVED)) != 0)
		return rc;
	if (to != APPEAL_APPROVED && !appeal_decide(ctx->db, id, to, &dec,
	    TEXT(F_REASON), NULL, ctx->err))
		return STORE_FAILED;
	return STORE_UPDATED;
}

/* The daily values of `day` from the snapshots of day - 1 and day (or,
 * for a work published that day, from the day's snapshot alone). Counts
 * are differences; rates and the average watch time are the export's own
 * (they cover the whole period, the best there is). A count that went
 * down is left missing rather than made negative. */
static bool
derive_daily(struct import_ctx *ctx, const char *work_id,
    const char *account, const char *published, day_t day)
{
	static const int counts[] = { SM_PLAYS, SM_LIKES, SM_FAVORITES,
	    SM_COMMENTS, SM_SHARES };
	struct store_metrics cur, prev, out;
	char d0[DAY_BUFSZ], d1[DAY_BUFSZ];
	bool have_prev;
	int rc;

	day_format(day, d1);
	day_format(day - 1, d0);
	if (!store_get_snapshot(ctx->db, work_id, d1, &cur, ctx->err))
		return ctx->err->code == 0;
	have_prev = store_get_snapshot(ctx->db, work_id, d0, &prev, ctx->err);
	if (ctx->err->code != 0)
		return false;
	if (!have_prev) {
		if (published == NULL || strncmp(published, d1, 10) != 0)
			return true;	/* no base to difference against */
		memset(&prev, 0, sizeof prev);
		prev.have = cur.have;
	}
	memset(&out, 0, sizeof out);
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		int c = counts[i];
		if (!STORE_HAS(&cur, c) || !STORE_HAS(&prev, c) ||
		    cur.count[c] < prev.count[c])
			continue;
		out.have |= 1u << c;
		out.count[c] = cur.count[c] - prev.count[c];
	}
	for (int c = SM_COMPLETION_RATE; c <= SM_AVG_PLAY_DURATION; c++) {
		if (STORE_HAS(&cur, c)) {
			out.have |= 1u << c;
			out.real[c - SM_NCOUNTS] = cur.real[c - SM_NCOUNTS];
		}
	}
	if (out.have == 0)
		return true;
	rc = store_upsert_daily(ctx->db, work_id, d1, &out, ctx->run_id, NULL,
	    ctx->err);
	if (rc == STORE_FAILED)
		return false;
	if ((rc == STORE_INSERTED || rc == STORE_UPDATED) &&
	    (!mark(ctx, account, day) ||
	    !daily_account(ctx, account, ctx->err)))
		return false;
	return true;
}

/* The work of a snapshot row: by its work_id (or --work), else by the
 * account's work published then with this title. Returns 0 (work_id
 * and *account set, *found false when no work matched), REJECTED or
 * STORE_FAILED. */
static int
snapshot_work(struct import_ctx *ctx, long line, struct pval *v,
    const char *published, char *work_id, size_t idsz, const char **account,
    bool *found)
{
	char list[700], why[1200];
	int matches;

	*found = false;
	if (v[F_WORK_ID].present || ctx->opts->work != NULL) {
		const char *id = v[F_WORK_ID].present ? v[F_WORK_ID].text :
		    ctx->opts->work;
		const char *a = work_account(ctx, id);
		if (a == NULL) {
			if (ctx->err->code != 0)
				return STORE_FAILED;
			import_reject(ctx, line, "work_id", "unknown work (import "
			    "its works file first)", id);
			return REJECTED;
		}
		snprintf(work_id, idsz, "%s", id);
		*account = a;
		*found = true;
		return 0;
	}
	if (!v[F_PUBLISHED_AT].present) {
		import_reject(ctx, line, "发布时间", "required value missing "
		    "(works are matched by publish time)", "");
		return REJECTED;
	}
	if (!store_find_work_by_publish(ctx->db, *account, published,
	    TEXT(F_TITLE), work_id, &matches, list, sizeof list, ctx->err))
		return STORE_FAILED;
	if (matches > 1) {
		snprintf(why, sizeof why, _("%d works of %s were published "
		    "then with this title: %s; give the export a work_id "
		    "column to tell them apart"), matches, *account, list);
		import_reject(ctx, line, "发布时间", why, published);
		return REJECTED;
	}
	*found = matches == 1;
	return 0;
}

/* The first line of the title cell (which holds the title and the whole
 * description), cut at a whole character. */
static void
snapshot_title(const char *t, char *title, size_t sz)
{
	if (t == NULL)
		t = "";
	text_copy_cut(title, sz, t, strcspn(t, "\r\n"));
}

/* A work the export names without an id: one made from the account and
 * the publish time, stable across exports; a second work of the same
 * second (another title) gets -2, -3 ... */
static bool
snapshot_new_work(struct import_ctx *ctx, struct pval *v, const char *account,
    const char *published, char *work_id, size_t idsz)
{
	char title[512], compact[20];
	struct store_work w = { 0 };
	int j = 0;

	for (const char *p = published; *p && j < 19; p++)
		if (*p >= '0' && *p <= '9')
			compact[j++] = *p;
	compact[j] = '\0';
	snprintf(work_id, idsz, "cc-%s-%s", account, compact);
	for (int k = 2; work_account(ctx, work_id) != NULL; k++)
		snprintf(work_id, idsz, "cc-%s-%s-%d", account, compact, k);
	if (ctx->err->code != 0)
		return false;
	snapshot_title(TEXT(F_TITLE), title, sizeof title);
	w.work_id = work_id;
	w.account_id = account;
	w.title = title;
	w.published_at = published;
	w.genre = TEXT(F_GENRE);
	w.review = TEXT(F_REVIEW);
	w.review_label = v[F_REVIEW].label;
	w.visibility = v[F_REVIEW].visibility;
	w.original = w.infringing = w.selected = STORE_ABSENT;
	/* the export is a snapshot as of its day: so are its flags */
	if (store_save_work(ctx->db, &w, &(struct store_when){ ctx->as_of,
	    true, ctx->run_id }, ctx->err) == STORE_FAILED)
		return false;
	return strmap_put(&ctx->work_account, work_id, account, NULL);
}

/* Two rows of one export are two works: never one merged. Returns 0,
 * REJECTED or STORE_FAILED. */
static int
snapshot_once(struct import_ctx *ctx, long line, const char *work_id)
{
	const char *seen = strmap_get(&ctx->snap_rows, work_id);
	char lno[24], why[400];

	if (seen != NULL) {
		snprintf(why, sizeof why, _("the same work as line %s (%s): "
		    "two rows of one export are never merged"), seen, work_id);
		import_reject(ctx, line, NULL, why, NULL);
		return REJECTED;
	}
	snprintf(lno, sizeof lno, "%ld", line);
	if (!strmap_put(&ctx->snap_rows, work_id, lno, NULL)) {
		err_set(ctx->err, PT_EXIT_DB, "out of memory");
		return STORE_FAILED;
	}
	return 0;
}

/* A known work's status as the export says it on its day (公开, 私密
 * ...): a change of review or visibility from then on. */
static bool
snapshot_status(struct import_ctx *ctx, struct pval *v, const char *account,
    const char *work_id)
{
	struct store_work w = {
		.work_id = work_id,
		.account_id = account,	/* its own: found under it */
		.review = TEXT(F_REVIEW),
		.review_label = v[F_REVIEW].label,
		.visibility = v[F_REVIEW].visibility,
		.original = STORE_ABSENT, .infringing = STORE_ABSENT,
		.selected = STORE_ABSENT,
	};
	int rc;

	if (!v[F_REVIEW].present && v[F_REVIEW].visibility == NULL)
		return true;
	rc = store_save_work(ctx->db, &w, &(struct store_when){ ctx->as_of,
	    true, ctx->run_id }, ctx->err);
	if (rc == STORE_FAILED)
		return false;
	return rc == STORE_UNCHANGED ||
	    store_mark_dirty_work(ctx->db, work_id, ctx->err);
}

static int
apply_snapshot(struct import_ctx *ctx, long line, struct pval *v)
{
	const char *account = ctx->opts->account;
	char work_id[256], published[32] = "", as_of[DAY_BUFSZ];
	struct store_metrics m;
	bool found;
	int rc;

	if (v[F_PUBLISHED_AT].present)
		format_time(&v[F_PUBLISHED_AT], published, sizeof published);
	if ((rc = snapshot_work(ctx, line, v, published, work_id,
	    sizeof work_id, &account, &found)) != 0)
		return rc;
	if (!found && !snapshot_new_work(ctx, v, account, published, work_id,
	    sizeof work_id))
		return STORE_FAILED;
	if ((rc = snapshot_once(ctx, line, work_id)) != 0)
		return rc;
	if (found && !snapshot_status(ctx, v, account, work_id))
		return STORE_FAILED;
	fill_metrics(v, &m);
	rc = store_upsert_snapshot(ctx->db, work_id, day_format(ctx->as_of,
	    as_of), &m, ctx->run_id, ctx->err);
	if (rc == STORE_FAILED)
		return rc;
	if (rc != STORE_UNCHANGED) {
		if (!derive_daily(ctx, work_id, account, published[0] ?
		    published : NULL, ctx->as_of) ||
		    !derive_daily(ctx, work_id, account, NULL, ctx->as_of + 1))
			return STORE_FAILED;
	}
	return rc;
}

/* ---- the run ---- */

static const struct reader *const readers[] = {
	&reader_xlsx, &reader_json, &reader_csv, NULL,
};

/* A day in the file name: 20261125 or 2026-11-25 (Creator Center exports
 * are often saved with the day they were taken). */
static bool
day_in_name(const char *path, day_t *out)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	for (const char *p = base; *p; p++) {
		int y, m, d;
		if (sscanf(p, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
		    p[4] == '-' && day_from_ymd(y, m, d, out))
			return true;
		if (strspn(p, "0123456789") >= 8 && (p == base ||
		    !(p[-1] >= '0' && p[-1] <= '9')) &&
		    sscanf(p, "%4d%2d%2d", &y, &m, &d) == 3 &&
		    day_from_ymd(y, m, d, out))
			return true;
	}
	return false;
}

static bool
flush_dirty(struct import_ctx *ctx)
{
	const struct strmap_entry *e;
	size_t it = 0;

	while ((e = strmap_next(&ctx->dirty, &it)) != NULL) {
		char account[300];
		const char *sep = strchr(e->key, '\x1f');
		snprintf(account, sizeof account, "%.*s", (int)(sep - e->key),
		    e->key);
		if (!store_mark_dirty(ctx->db, account, sep + 1, ctx->err))
			return false;
	}
	it = 0;
	while ((e = strmap_next(&ctx->daily_accounts, &it)) != NULL)
		if (!store_account_import(ctx->db, e->key, ctx->run_id,
		    ctx->err))
			return false;
	return true;
}

static void
ctx_free(struct import_ctx *ctx)
{
	if (ctx->w.running)
		pthread_join(ctx->w.tid, NULL);
	free(ctx->w.rows);
	if (ctx->fd >= 0)
		close(ctx->fd);
	for (int i = 0; i < MAX_COLS; i++)
		free(ctx->colname[i]);
	strmap_free(&ctx->work_account);
	strmap_free(&ctx->account_names);
	free(ctx->marked);
	free(ctx->repeated);
	strmap_free(&ctx->accounts);
	strmap_free(&ctx->dirty);
	strmap_free(&ctx->daily_accounts);
	strmap_free(&ctx->wallet_seen);
	strmap_free(&ctx->snap_rows);
	free(ctx->file_shown);
	free(ctx->all);
	free(ctx->batch);
}

/* Records a run that wrote nothing (rejected, dry run, failed) in a
 * transaction of its own, after the rollback. */
static void
record_after_rollback(struct db *db, struct store_run *run,
    struct import_stats *stats)
{
	struct pt_err e2 = { 0 };
	int64_t id = 0;

	if (db_readonly(db))
		return;
	if (db_begin(db, &e2)) {
		if (store_run_insert(db, run, &id, &e2) && db_commit(db, &e2))
			stats->run_id = id;
		else
			db_rollback(db);
	}
}

static bool
ctx_init(struct import_ctx *ctx, struct db *db, const char *path,
    const struct import_opts *opts, struct import_stats *stats,
    struct pt_err *rerr, struct pt_err *err)
{
	memset(stats, 0, sizeof *stats);
	memset(ctx, 0, sizeof *ctx);
	ctx->db = db;
	ctx->opts = opts;
	ctx->path = path;
	ctx->fd = -1;
	ctx->err = rerr;
	ctx->stats = stats;
	strmap_init(&ctx->work_account);
	strmap_init(&ctx->account_names);
	strmap_init(&ctx->accounts);
	strmap_init(&ctx->dirty);
	strmap_init(&ctx->daily_accounts);
	strmap_init(&ctx->wallet_seen);
	strmap_init(&ctx->snap_rows);
	digest_init(&ctx->sha);
	/* Messages name the file: escaped, as any text from outside. */
	if ((ctx->file_shown = text_sanitize(path, TEXT_ONE_LINE)) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	ctx->file = ctx->file_shown;
	return true;
}

static const struct reader *
pick_reader(const unsigned char *head, size_t n)
{
	for (int i = 0; readers[i] != NULL; i++)
		if (readers[i]->sniff(head, n))
			return readers[i];
	return &reader_csv;
}

/* Reads the input through the reader; then what the import as a whole
 * requires (a header, the batched rows written). */
static int
run_reader(struct import_ctx *ctx, const struct reader *rd,
    struct pt_err *err)
{
	if (!rd->read(ctx, err)) {
		wait_writer(ctx);
		return err->code ? err->code : PT_EXIT_DATA;
	}
	if (!ctx->header_done) {
		wait_writer(ctx);
		err_set(err, PT_EXIT_DATA, "%s: no header row: the file is "
		    "empty", ctx->file);
		return PT_EXIT_DATA;
	}
	if (ctx->db != NULL && (!flush_daily(ctx, true) || !flush_dirty(ctx))) {
		err_copy(err, ctx->err);
		return err->code;
	}
	return PT_EXIT_OK;
}

/* A file that changed while it was read (a copy still being written, an
 * export overwritten): what was read is not the file. Its size, change
 * time and modification time must be those it had when it was opened,
 * and every byte of it must have been read. */
static bool
unchanged_since(struct import_ctx *ctx, const struct stat *st0,
    struct pt_err *err)
{
	struct stat st1;

	if (fstat(ctx->fd, &st1) != 0) {
		err_set(err, PT_EXIT_DB, "cannot read %s: %s", ctx->file,
		    strerror(errno));
		return false;
	}
	if (st1.st_size != st0->st_size ||
	    st1.st_mtim.tv_sec != st0->st_mtim.tv_sec ||
	    st1.st_mtim.tv_nsec != st0->st_mtim.tv_nsec ||
	    st1.st_ctim.tv_sec != st0->st_ctim.tv_sec ||
	    st1.st_ctim.tv_nsec != st0->st_ctim.tv_nsec ||
	    ctx->pos != (uint64_t)st0->st_size) {
		err_set(err, PT_EXIT_DATA, "%s: the file changed while it was "
		    "read (%lld bytes when opened, %lld now, %llu read): "
		    "nothing was imported; import it again once it is "
		    "complete", ctx->file, (long long)st0->st_size,
		    (long long)st1.st_size, (unsigned long long)ctx->pos);
		return false;
	}
	return true;
}

/* Opens the file, checks it is one (not a pipe) and picks its reader by
 * its first bytes. Returns an exit code. */
static int
open_input(struct import_ctx *ctx, struct stat *st0, const struct reader **rd,
    struct pt_err *err)
{
	unsigned char head[512];
	ssize_t n;

	/* One descriptor for the whole import: sniffed, read and checked
	 * for changes through it. */
	if ((ctx->fd = open(ctx->path, O_RDONLY | O_CLOEXEC)) < 0) {
		err_set(err, PT_EXIT_DB, "cannot open %s: %s", ctx->file,
		    strerror(errno));
		return PT_EXIT_DB;
	}
	/* A pipe can be read once only and has no size or times to check
	 * against: the file itself is needed. */
	if (fstat(ctx->fd, st0) == 0 && !S_ISREG(st0->st_mode) &&
	    !S_ISDIR(st0->st_mode)) {
		err_set(err, PT_EXIT_USAGE, "%s is not a regular file (a pipe "
		    "or a device): save it to a file and import that",
		    ctx->file);
		return PT_EXIT_USAGE;
	}
	if (fstat(ctx->fd, st0) != 0 ||
	    (n = pread(ctx->fd, head, sizeof head, 0)) < 0) {
		err_set(err, PT_EXIT_DB, "cannot read %s: %s", ctx->file,
		    strerror(errno));
		return PT_EXIT_DB;
	}
	ctx->size = st0->st_size;
	ctx->regular = S_ISREG(st0->st_mode);
	*rd = pick_reader(head, (size_t)n);
	ctx->stats->format = (*rd)->name;
	if (ctx->opts->as_of != DAY_NONE)
		ctx->as_of = ctx->opts->as_of;
	else if (!day_in_name(ctx->path, &ctx->as_of))
		ctx->as_of = clock_today();
	return PT_EXIT_OK;
}

/* The transaction and the import_run row it starts with. */
static int
begin_run(struct import_ctx *ctx, struct store_run *run, struct pt_err *err)
{
	if (!store_bulk_mode(ctx->db, true, err) || !db_begin(ctx->db, err)) {
		store_bulk_mode(ctx->db, false, NULL);
		return err->code ? err->code : PT_EXIT_DB;
	}
	if (!store_run_insert(ctx->db, run, &ctx->run_id, err)) {
		db_rollback(ctx->db);
		store_bulk_mode(ctx->db, false, NULL);
		return err->code ? err->code : PT_EXIT_DB;
	}
	ctx->stats->run_id = ctx->run_id;
	return PT_EXIT_OK;
}

/* Reads the whole file into the open transaction; then the last
 * progress call and the count of messages left out. */
static int
read_file(struct import_ctx *ctx, const struct reader *rd,
    const struct stat *st0, struct pt_err *err)
{
	const struct import_opts *opts = ctx->opts;
	int code = run_reader(ctx, rd, err);

	/* (A pipe has no size or times to compare: read as it comes.) */
	if (code == PT_EXIT_OK && ctx->regular &&
	    !unchanged_since(ctx, st0, err))
		code = err->code;
	progress_tell(ctx, true);
	if (ctx->reports > report_limit(opts) && opts->report != NULL) {
		char more[300];
		snprintf(more, sizeof more, _("%s: ... and %d more messages"),
		    ctx->file, ctx->reports - report_limit(opts));
		opts->report(opts->report_arg, more);
	}
	if (code == PT_EXIT_OK && ctx->stats->rejected > 0 &&
	    !opts->skip_bad_rows) {
		err_setn(err, PT_EXIT_DATA, (unsigned long)ctx->stats->rejected,
		    "%s: %lld bad row: nothing was imported (fix the rows, or "
		    "give --skip-bad-rows to import the good ones)",
		    "%s: %lld bad rows: nothing was imported (fix the rows, or "
		    "give --skip-bad-rows to import the good ones)", ctx->file,
		    (long long)ctx->stats->rejected);
		code = PT_EXIT_DATA;
	}
	return code;
}

/* Commits the file (code 0, not a dry run) or rolls it back, and records
 * the run either way. Returns the import's exit code. */
static int
end_run(struct import_ctx *ctx, struct store_run *run, int code,
    struct pt_err *err)
{
	const struct import_stats *stats = ctx->stats;
	char finished[CLOCK_ISO_BUFSZ], sum[65], message[1100];

	digest_hex(&ctx->sha, sum);
	run->checksum = sum;
	run->inserted = stats->inserted;
	run->updated = stats->updated;
	run->unchanged = stats->unchanged;
	run->rejected = stats->rejected;
	if (code == PT_EXIT_OK && !ctx->opts->dry_run) {
		run->outcome = stats->rejected > 0 ? "partial" : "ok";
		run->finished_at = clock_now_iso(finished);
		if (store_run_finish(ctx->db, ctx->run_id, run, err) &&
		    db_commit(ctx->db, err)) {
			store_bulk_mode(ctx->db, false, NULL);
			return PT_EXIT_OK;
		}
		db_rollback(ctx->db);
		store_bulk_mode(ctx->db, false, NULL);
		return err->code ? err->code : PT_EXIT_DB;
	}
	db_rollback(ctx->db);
	store_bulk_mode(ctx->db, false, NULL);
	run->outcome = code == PT_EXIT_DATA || code == PT_EXIT_USAGE ?
	    "rejected" : code != PT_EXIT_OK ? "failed" : "dry_run";
	present_error(err, PRESENT_UI, message, sizeof message);
	run->message = message;
	run->finished_at = clock_now_iso(finished);
	record_after_rollback(ctx->db, run, ctx->stats);
	return code;
}

int
import_file(struct db *db, const char *path, const struct import_opts *opts,
    struct import_stats *stats, struct pt_err *err)
{
	struct import_ctx ctx;
	const struct reader *rd = NULL;
	char started[CLOCK_ISO_BUFSZ];
	struct store_run run = { 0 };
	struct stat st0;
	int code;
	struct pt_err rerr = { 0 };

	if (!ctx_init(&ctx, db, path, opts, stats, &rerr, err)) {
		ctx_free(&ctx);
		return PT_EXIT_DB;
	}
	code = open_input(&ctx, &st0, &rd, err);
	if (code == PT_EXIT_OK) {
		run.file = path;
		run.format = rd->name;
		run.who = actor_login();
		run.client = actor_client();
		run.started_at = clock_now_iso(started);
		run.outcome = "failed";
		code = begin_run(&ctx, &run, err);
		/* From here the transaction is open: one way out of it. */
		if (code == PT_EXIT_OK)
			code = end_run(&ctx, &run, read_file(&ctx, rd, &st0,
			    err), err);
	}
	ctx_free(&ctx);
	return code;
}

int
import_parse_buffer(const char *name, const void *buf, size_t len,
    const struct import_opts *opts, struct import_stats *stats,
    struct pt_err *err)
{
	struct import_ctx ctx;
	struct pt_err rerr = { 0 };
	int code;

	if (!ctx_init(&ctx, NULL, name, opts, stats, &rerr, err)) {
		ctx_free(&ctx);
		return PT_EXIT_DB;
	}
	ctx.mem = buf;
	ctx.mem_len = len;
	ctx.as_of = opts->as_of != DAY_NONE ? opts->as_of : clock_today();
	stats->format = pick_reader(buf, len < 512 ? len : 512)->name;
	code = run_reader(&ctx, pick_reader(buf, len < 512 ? len : 512), err);
	if (code == PT_EXIT_OK && stats->rejected > 0 && !opts->skip_bad_rows) {
		err_setn(err, PT_EXIT_DATA, (unsigned long)stats->rejected,
		    "%s: %lld bad row", "%s: %lld bad rows", ctx.file,
		    (long long)stats->rejected);
		code = PT_EXIT_DATA;
	}
	ctx_free(&ctx);
	return code;
}
