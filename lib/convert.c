/* Operands that are not text: PDF and Word files are read through the
 * converter a user would run (pdftotext, pandoc, antiword), started without
 * a shell, its output read as the document; other binary files are
 * reported, not decoded into rows.  What a file is comes from its bytes,
 * never from its name.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"

extern char **environ;

int rk_convert_off;

/* The converters, with FILE where the operand goes ("-" for standard
 * input, which each of them reads too).  pandoc writes a paragraph a line
 * with --wrap=none, as the clean text has it. */
#define FILE_ARG ((const char *)1)
struct rk_conv {
	const char *what;       /* for messages: "a PDF" */
	const char *package;    /* Debian's package holding argv[0] */
	const char *argv[8];
};
static const struct rk_conv conv_pdf =
	{ "a PDF", "poppler-utils", { "pdftotext", "-enc", "UTF-8", FILE_ARG, "-", NULL } };
static const struct rk_conv conv_docx =
	{ "a Word file (.docx)", "pandoc", { "pandoc", "-f", "docx", "-t", "plain", "--wrap=none", FILE_ARG, NULL } };
static const struct rk_conv conv_odt =
	{ "an OpenDocument text (.odt)", "pandoc", { "pandoc", "-f", "odt", "-t", "plain", "--wrap=none", FILE_ARG, NULL } };
static const struct rk_conv conv_doc =
	{ "a Word file (.doc)", "antiword", { "antiword", "-m", "UTF-8.txt", FILE_ARG, NULL } };

/* Binary files that are no report, by their first bytes. */
static const struct { const char *magic; size_t len; const char *what; } binary_magic[] = {
	{ "\x1f\x8b", 2, "gzip data" },
	{ "BZh", 3, "bzip2 data" },
	{ "\xfd" "7zXZ", 6, "xz data" },
	{ "\x28\xb5\x2f\xfd", 4, "zstd data" },
	{ "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive" },
	{ "Rar!\x1a\x07", 6, "a RAR archive" },
	{ "PK\x03\x04", 4, "a ZIP archive" },
	{ "PK\x05\x06", 4, "a ZIP archive" },
	{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "an Office file that is not a Word document" },
	{ "\x7f" "ELF", 4, "an executable" },
	{ "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
	{ "\xff\xd8\xff", 3, "a JPEG image" },
	{ "GIF87a", 6, "a GIF image" },
	{ "GIF89a", 6, "a GIF image" },
	{ "II*\0", 4, "a TIFF image" },
	{ "MM\0*", 4, "a TIFF image" },
	{ "\0\0\0\x0c" "jP  ", 8, "a JPEG 2000 image" },
	{ "SQLite format 3", 16, "an SQLite database" },
};

/* Children still running, killed and reaped when the tool exits early
 * (a closed pipe ends it through exit()). */
static pid_t live[4];

static void
kill_live(void)
{
	for (size_t i = 0; i < sizeof live / sizeof live[0]; i++)
		if (live[i] > 0) {
			kill(live[i], SIGTERM);
			waitpid(live[i], NULL, 0);
			live[i] = 0;
		}
}

static void
set_live(pid_t old, pid_t pid)
{
	static int registered;
	if (!registered++)
		atexit(kill_live);
	for (size_t i = 0; i < sizeof live / sizeof live[0]; i++)
		if (live[i] == old) {
			live[i] = pid;
			return;
		}
}

static int
memfind(const unsigned char *s, size_t n, const char *p, size_t k)
{
	return n >= k && memmem(s, n, p, k) != NULL;
}

/* n bytes at off of a regular file's descriptor into buf; 0 if unread. */
static size_t
read_at(int fd, off_t off, unsigned char *buf, size_t n)
{
	ssize_t r = pread(fd, buf, n, off);
	return r > 0 ? (size_t)r : 0;
}

/* A ZIP archive's member names are in its local headers, in order, and in
 * the central directory at its end: look for the one that marks a Word
 * document in what was read, and in the last 64 KiB of a file. */
static const struct rk_conv *
zip_kind(const rk_input *in, struct stat *st)
{
	static const char odt_mime[] = "mimetypeapplication/vnd.oasis.opendocument.text";
	const unsigned char *s = in->raw;
	size_t n = in->rawlen;
	if (memfind(s, n, "word/document.xml", 17))
		return &conv_docx;
	/* an OpenDocument text starts with its mimetype, stored */
	if (n >= 30 + sizeof odt_mime - 1 && memcmp(s + 30, odt_mime, sizeof odt_mime - 1) == 0)
		return &conv_odt;
	if (S_ISREG(st->st_mode) && st->st_size > (off_t)n) {
		static unsigned char tail[1 << 16];
		off_t at = st->st_size > (off_t)sizeof tail ? st->st_size - (off_t)sizeof tail : 0;
		size_t k = read_at(in->fd, at, tail, sizeof tail);
		if (memfind(tail, k, "word/document.xml", 17))
			return &conv_docx;
	}
	return NULL;
}

/* An OLE2 compound file is a Word document when its directory holds a
 * stream "WordDocument"; Excel and PowerPoint files are OLE2 too, with a
 * "Workbook" or "PowerPoint Document".  The directory may be anywhere: its
 * first 4 KiB are looked at in a file; where neither is seen (standard
 * input), antiword is asked. */
static int
has_utf16(const unsigned char *s, size_t n, const char *name)
{
	char u[64];
	size_t k = 0;
	for (; *name && k + 2 <= sizeof u; name++) {
		u[k++] = *name;
		u[k++] = '\0';
	}
	return memfind(s, n, u, k);
}

static const struct rk_conv *
ole_kind(const rk_input *in, struct stat *st)
{
	const unsigned char *s = in->raw;
	size_t n = in->rawlen, k = 0;
	unsigned shift;
	uint32_t dir;
	unsigned char buf[4096];
	if (has_utf16(s, n, "WordDocument"))
		return &conv_doc;
	if (S_ISREG(st->st_mode) && n >= 52) {
		shift = (unsigned)(s[30] | s[31] << 8);
		dir = (uint32_t)s[48] | (uint32_t)s[49] << 8 | (uint32_t)s[50] << 16 | (uint32_t)s[51] << 24;
		if (shift >= 7 && shift <= 16 && dir < 0xFFFFFFFA)
			k = read_at(in->fd, ((off_t)dir + 1) << shift, buf, sizeof buf);
	}
	if (has_utf16(buf, k, "WordDocument"))
		return &conv_doc;
	if (has_utf16(s, n, "Workbook") || has_utf16(s, n, "PowerPoint Document") ||
	    has_utf16(buf, k, "Workbook") || has_utf16(buf, k, "PowerPoint Document"))
		return NULL;
	return &conv_doc;
}

/* What the first bytes of the input show: a converter to run, or (in
 * *binary) the kind of a binary file, or neither (text). */
static const struct rk_conv *
sniff(const rk_input *in, const char **binary)
{
	const unsigned char *s = in->raw;
	size_t n = in->rawlen, i;
	struct stat st;
	*binary = NULL;
	if (fstat(in->fd, &st) != 0)
		memset(&st, 0, sizeof st);
	/* a PDF may have bytes before its header; readers look at the first KiB */
	if (n >= 5 && memfind(s, n < 1024 ? n : 1024, "%PDF-", 5))
		return &conv_pdf;
	if (n >= 4 && memcmp(s, "PK\x03\x04", 4) == 0) {
		const struct rk_conv *c = zip_kind(in, &st);
		if (c)
			return c;
	}
	if (n >= 8 && memcmp(s, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0) {
		const struct rk_conv *c = ole_kind(in, &st);
		if (c)
			return c;
	}
	for (i = 0; i < sizeof binary_magic / sizeof binary_magic[0]; i++)
		if (n >= binary_magic[i].len && memcmp(s, binary_magic[i].magic, binary_magic[i].len) == 0) {
			*binary = binary_magic[i].what;
			break;
		}
	return NULL;
}

static int
write_all(int fd, const unsigned char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Input that is no regular file (a pipe, a FIFO, a terminal): a process
 * of our own gives the converter what was read already, then the rest.
 * Returns the pipe's reading end, or -1. */
static int
start_feeder(rk_input *in)
{
	int p[2];
	pid_t pid;
	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	if ((pid = fork()) < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		ssize_t r;
		close(p[0]);
		if (write_all(p[1], in->raw, in->rawlen) < 0)
			_exit(0);
		while ((r = read(in->fd, in->raw, sizeof in->raw)) != 0) {
			if (r < 0) {
				if (errno == EINTR)
					continue;
				_exit(1);
			}
			if (write_all(p[1], in->raw, (size_t)r) < 0)
				_exit(0);   /* the converter stopped reading */
		}
		_exit(0);
	}
	close(p[1]);
	in->feeder = pid;
	set_live(0, pid);
	return p[0];
}

/* Run the converter on the operand; its output becomes in->fd.  Returns
 * 0, or -1 after a message. */
static int
start(rk_input *in, const struct rk_conv *c)
{
	const char *argv[8];
	char *dotslash = NULL;
	int out[2], in_fd = -1, err;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t sa;
	sigset_t none, pipe_sig;
	FILE *tmp;
	struct stat st;
	pid_t pid;
	size_t i;

	in->errfd = -1;
	if (fstat(in->fd, &st) != 0)
		st.st_mode = 0;
	/* a file by its name (the converter may seek in it); else through
	 * standard input, from where it started if that is a file, else
	 * through a feeder */
	if (in->fd == 0 && S_ISREG(st.st_mode) && lseek(0, -(off_t)in->rawlen, SEEK_CUR) >= 0)
		in_fd = 0;
	else if ((in->fd == 0 || !S_ISREG(st.st_mode)) && (in_fd = start_feeder(in)) < 0) {
		rk_fail("%s: %s: %s", in->name, c->what, strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof argv / sizeof argv[0]; i++) {
		argv[i] = c->argv[i];
		if (argv[i] != FILE_ARG)
			continue;
		if (in_fd >= 0)
			argv[i] = "-";
		else if (in->name[0] == '-') {
			/* not to be taken for an option */
			dotslash = rk_alloc(strlen(in->name) + 3);
			strcpy(dotslash, "./");
			strcat(dotslash, in->name);
			argv[i] = dotslash;
		} else
			argv[i] = in->name;
	}
	if (pipe2(out, O_CLOEXEC) < 0) {
		rk_fail("%s: %s", in->name, strerror(errno));
		if (in_fd > 0)
			close(in_fd);
		free(dotslash);
		return -1;
	}
	/* its messages go to a file, read when it ends: no pipe to fill up */
	if ((tmp = tmpfile()) != NULL) {
		in->errfd = fcntl(fileno(tmp), F_DUPFD_CLOEXEC, 3);
		fclose(tmp);
	}
	posix_spawn_file_actions_init(&fa);
	if (in_fd < 0)
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	else if (in_fd != 0)
		posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	if (in->errfd >= 0)
		posix_spawn_file_actions_adddup2(&fa, in->errfd, 2);
	else
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	/* the tools ignore SIGPIPE; the converter should not */
	posix_spawnattr_init(&sa);
	sigemptyset(&none);
	sigemptyset(&pipe_sig);
	sigaddset(&pipe_sig, SIGPIPE);
	posix_spawnattr_setsigmask(&sa, &none);
	posix_spawnattr_setsigdefault(&sa, &pipe_sig);
	posix_spawnattr_setflags(&sa, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	err = posix_spawnp(&pid, argv[0], &fa, &sa, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&sa);
	free(dotslash);
	close(out[1]);
	if (in_fd > 0)
		close(in_fd);
	if (err) {
		close(out[0]);
		if (in->errfd >= 0)
			close(in->errfd);
		in->errfd = -1;
		rk_conv_close(in);
		if (err == ENOENT) {
			if (strcmp(c->package, argv[0]) == 0)
				rk_fail("%s: %s; install %s", in->name, c->what, c->package);
			else
				rk_fail("%s: %s; install %s for %s", in->name, c->what, c->package, argv[0]);
		} else
			rk_fail("%s: %s: cannot run %s: %s", in->name, c->what, argv[0], strerror(err));
		return -1;
	}
	in->conv = c;
	in->child = pid;
	set_live(0, pid);
	if (in->fd > 0)
		close(in->fd);
	in->fd = out[0];
	return 0;
}

int
rk_conv_open(rk_input *in)
{
	const char *binary;
	const struct rk_conv *c;
	in->conv = NULL;
	in->child = in->feeder = 0;
	in->errfd = -1;
	in->conv_text = 0;
	if (rk_convert_off)
		return 0;
	c = sniff(in, &binary);
	if (binary) {
		rk_fail("%s: binary file, not a report (%s)", in->name, binary);
		return -1;
	}
	if (!c)
		return 0;
	if (start(in, c) < 0)
		return -1;
	in->rawlen = in->rawpos = 0;
	in->eof = 0;
	return 1;
}

/* Reap a child; its wait status, or -1. */
static int
reap(pid_t *pid)
{
	int status;
	pid_t p = *pid;
	set_live(p, 0);
	*pid = 0;
	while (waitpid(p, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

/* The first line the converter wrote to its standard error that says
 * "Error" (poppler warns before it fails: "Syntax Warning: May not be a
 * PDF file"), else its first line, into buf. */
static const char *
first_error_line(rk_input *in, char *buf, size_t size)
{
	ssize_t r;
	char *line, *nl;
	size_t i, o;
	buf[0] = '\0';
	if (in->errfd < 0 || (r = pread(in->errfd, buf, size - 1, 0)) <= 0)
		return buf;
	buf[r] = '\0';
	for (line = buf; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (strstr(line, "Error")) {
			memmove(buf, line, strlen(line) + 1);
			break;
		}
	}
	/* else buf holds the first line; make it printable text */
	for (i = o = 0; buf[i]; i++)
		if ((unsigned char)buf[i] >= 0x20 || buf[i] == '\t')
			buf[o++] = buf[i] == '\t' ? ' ' : buf[i];
	buf[o] = '\0';
	return buf;
}

void
rk_conv_finish(rk_input *in)
{
	const struct rk_conv *c = in->conv;
	char line[512];
	int status;
	if (!c || in->child <= 0)
		return;
	status = reap(&in->child);
	if (in->feeder > 0) {
		/* the converter has read what it wanted */
		kill(in->feeder, SIGTERM);
		reap(&in->feeder);
	}
	first_error_line(in, line, sizeof line);
	if (status < 0)
		rk_fail("%s: %s: %s", in->name, c->argv[0], strerror(errno));
	else if (WIFSIGNALED(status))
		rk_fail("%s: %s killed by signal %d (%s)", in->name, c->argv[0], WTERMSIG(status),
		        strsignal(WTERMSIG(status)));
	else if (WEXITSTATUS(status) != 0) {
		if (c == &conv_pdf && strstr(line, "password"))
			rk_fail("%s: an encrypted PDF; pdftotext needs its password "
			        "(pdftotext -upw PASSWORD -enc UTF-8 %s - | %s)", in->name, in->name, argv0);
		else if (line[0])
			rk_fail("%s: %s failed: %s", in->name, c->argv[0], line);
		else
			rk_fail("%s: %s failed: exit status %d", in->name, c->argv[0], WEXITSTATUS(status));
	} else if (c == &conv_pdf && !in->conv_text)
		rk_fail("%s: no text layer (a scanned PDF?); run OCR first", in->name);
	if (in->errfd >= 0)
		close(in->errfd);
	in->errfd = -1;
}

void
rk_conv_close(rk_input *in)
{
	if (in->child > 0) {
		/* stopped before the end of its output */
		kill(in->child, SIGTERM);
		reap(&in->child);
	}
	if (in->feeder > 0) {
		kill(in->feeder, SIGTERM);
		reap(&in->feeder);
	}
	if (in->errfd >= 0)
		close(in->errfd);
	in->errfd = -1;
}

void
rk_conv_saw(rk_input *in, const unsigned char *s, size_t n)
{
	/* only form feeds and blanks: pdftotext on pages with no text */
	for (size_t i = 0; i < n && !in->conv_text; i++)
		if (s[i] != '\f' && s[i] != '\n' && s[i] != '\r' && s[i] != ' ' && s[i] != '\t')
			in->conv_text = 1;
}
