/* Minimal unit-test helpers: each check prints PASS or FAIL with a name;
 * tests/run counts the lines. */
#ifndef UNIT_H
#define UNIT_H
#include <stdio.h>
#include <string.h>

static int unit_failed;

#define CHECK(name, cond) do { \
	if (cond) printf("PASS %s\n", name); \
	else { printf("FAIL %s (%s:%d)\n", name, __FILE__, __LINE__); unit_failed = 1; } \
} while (0)

/* string equality with the two values shown on failure */
#define CHECK_STR(name, got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ && w_ && strcmp(g_, w_) == 0) printf("PASS %s\n", name); \
	else { printf("FAIL %s: got [%s] want [%s] (%s:%d)\n", name, g_ ? g_ : "(null)", \
	            w_ ? w_ : "(null)", __FILE__, __LINE__); unit_failed = 1; } \
} while (0)

#define CHECK_INT(name, got, want) do { \
	long long g_ = (got), w_ = (want); \
	if (g_ == w_) printf("PASS %s\n", name); \
	else { printf("FAIL %s: got %lld want %lld (%s:%d)\n", name, g_, w_, __FILE__, __LINE__); \
	       unit_failed = 1; } \
} while (0)

#endif
