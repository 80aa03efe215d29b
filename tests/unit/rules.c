/* Every example of every rule (rk_rules[], the list in lib/metric.c) and of
 * every data row (lib/data/) gives the row it says, decided by the rule
 * it says: a rule shadowed by an earlier one fails here, naming both.
 * An example is "text => row", the row as scan() below writes it (text:why,
 * or text=value unit ~approx +/- [subject]); "!text => row": the rule must
 * leave it to another. */
#include <stdlib.h>

#include "unit.h"
#include "rkit.h"
#include "metric.h"

#include "examples.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* The rule each data file's words decide by, where one does. */
static const struct { const char *file, *rule; } file_rule[] = {
	{ "units", "unit" }, { "slogans", "slogan_word" }, { "num_words", "numeral_word" },
	{ "plan_words", "plan_word" }, { "rate_periods", "rate" }, { "reach_verbs", "unit" },
};

static char rows[8192];

/* Scans text with every number reported, the rows into rows[] as
 * "row@rule; ...", and returns the rule of a row equal to want: one decided
 * by rule if there is one (三地三部门 has two rows 三:slogan), else the
 * first; NULL if none is. */
static const char *
scan(const char *text, const char *want, int subject, const char *rule)
{
	rk_mscan sc;
	rk_amount a;
	size_t o = 0, n = strlen(text);
	const char *found = NULL;
	rk_mscan_doc(&sc, 1);
	rk_mscan_block(&sc, text, n, 1);
	rows[0] = 0;
	while (rk_mscan_next(&sc, &a) && o < sizeof rows - 400) {
		char r[512], v[RK_DEC_MAX];
		int k;
		if (a.why != RK_WHY_NONE) {
			k = snprintf(r, sizeof r, "%.*s:%s", (int)a.len, text + a.off, rk_why_name[a.why]);
		} else {
			if (a.na)
				snprintf(v, sizeof v, "NA");
			else
				rk_dec_fmt(a.v, v);
			k = snprintf(r, sizeof r, "%.*s=%s %s", (int)a.len, text + a.off, v, a.unit);
			if (a.approx_len)
				k += snprintf(r + k, sizeof r - (size_t)k, " ~%.*s", (int)a.approx_len,
				              text + a.approx_off);
			if (a.dir)
				k += snprintf(r + k, sizeof r - (size_t)k, " %c", a.dir > 0 ? '+' : '-');
			if (subject)
				k += snprintf(r + k, sizeof r - (size_t)k, " [%.*s%.*s]", (int)a.subj_len,
				              text + a.subj_off, (int)a.subj2_len, text + a.subj2_off);
		}
		(void)k;
		o += (size_t)snprintf(rows + o, sizeof rows - o, "%s%s@%s", o ? "; " : "", r,
		                      a.rule >= 0 ? rk_rules[a.rule].name : "-");
		if (strcmp(r, want) == 0) {
			const char *by = a.rule >= 0 ? rk_rules[a.rule].name : "-";
			if (!found || (rule && strcmp(by, rule) == 0 && strcmp(found, rule) != 0))
				found = by;
		}
	}
	return found;
}

/* Runs one example; rule: the rule that must decide it (NULL: any). */
static void
run(const char *where, const char *example, const char *rule)
{
	char text[1024], name[1200];
	const char *arrow = strstr(example, " => "), *want, *got;
	int negative = example[0] == '!';
	const char *t = example + negative;
	snprintf(name, sizeof name, "%s: %s", where, example);
	if (!arrow || (size_t)(arrow - t) >= sizeof text) {
		printf("FAIL %s: not \"text => row\"\n", name);
		unit_failed = 1;
		return;
	}
	memcpy(text, t, (size_t)(arrow - t));
	text[arrow - t] = 0;
	want = arrow + 4;
	got = scan(text, want, strstr(want, " [") != NULL, negative ? NULL : rule);
	if (!got) {
		printf("FAIL %s: no such row; got [%s]\n", name, rows);
		unit_failed = 1;
	} else if (rule && !negative && strcmp(got, rule) != 0) {
		printf("FAIL %s: decided by %s, an earlier rule than %s or a later one\n", name, got,
		       rule);
		unit_failed = 1;
	} else if (rule && negative && strcmp(got, rule) == 0) {
		printf("FAIL %s: decided by %s, which must leave it\n", name, got);
		unit_failed = 1;
	} else {
		printf("PASS %s\n", name);
	}
}

int
main(void)
{
	size_t i, k;
	for (i = 0; i < rk_nrules; i++) {
		const char *const *e;
		int positive = 0;
		char where[128];
		snprintf(where, sizeof where, "rule %s", rk_rules[i].name);
		for (e = rk_rules[i].examples; *e; e++) {
			run(where, *e, rk_rules[i].name);
			positive += (*e)[0] != '!';
		}
		CHECK(where, positive > 0);   /* every rule has an example of its own */
		for (k = 0; k < i; k++)
			CHECK("rule names differ", strcmp(rk_rules[k].name, rk_rules[i].name) != 0);
	}
	for (i = 0; i < NELEM(data_examples); i++) {
		const char *rule = NULL;
		char where[256];
		for (k = 0; k < NELEM(file_rule); k++)
			if (strcmp(file_rule[k].file, data_examples[i].file) == 0)
				rule = file_rule[k].rule;
		snprintf(where, sizeof where, "data %s %s", data_examples[i].file,
		         data_examples[i].entry);
		/* the example shows its own entry */
		if (!strstr(data_examples[i].example, data_examples[i].entry)) {
			printf("FAIL %s: the example does not hold the entry\n", where);
			unit_failed = 1;
		}
		run(where, data_examples[i].example, rule);
	}
	return unit_failed;
}
