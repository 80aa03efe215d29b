/* Every example of lib/data/cues.tsv gives the stance and period it says:
 * "context | text => amount stance period", the context the title (T:,
 * else 2026年政府工作报告) and headings (H: level 1, H2: level 2) before
 * the paragraph; the amount the first whose text starts so; period "-"
 * for none.  Then the cases of the spec (../shared/specs/indicators.md)
 * that need more than one block. */
#include <stdlib.h>

#include "unit.h"
#include "rkit.h"
#include "metric.h"

static rk_block
block(enum rk_kind kind, const char *text, int level)
{
	rk_block b;
	memset(&b, 0, sizeof b);
	b.kind = kind;
	b.text = text;
	b.len = strlen(text);
	b.para_start = 1;
	b.level = level;
	b.entry = kind == RK_HEADING ? RK_E_HEADING : kind == RK_TITLE ? RK_E_TITLE : RK_E_NONE;
	b.title_len = b.len;
	b.sect = "1";
	b.doc = "t";
	return b;
}

/* Runs the blocks (NULL-terminated "T:…", "H:…", "H2:…" or a paragraph,
 * the last) and writes "stance period" of the first amount of the last
 * whose text starts with amount into got. */
static void
run(const char *const *parts, int n, const char *amount, char *got, size_t gotn)
{
	rk_ind d;
	rk_mscan sc;
	rk_amount a;
	rk_when w;
	int i, titled = 0;
	char per[32];
	rk_ind_doc(&d);
	for (i = 0; i < n; i++)
		titled |= strncmp(parts[i], "T:", 2) == 0;
	if (!titled) {
		rk_block t = block(RK_TITLE, "2026年政府工作报告", 0);
		rk_ind_block(&d, &t);
	}
	snprintf(got, gotn, "(no amount %s)", amount);
	for (i = 0; i < n; i++) {
		const char *p = parts[i];
		rk_block b;
		if (strncmp(p, "T:", 2) == 0)
			b = block(RK_TITLE, p + 2, 0);
		else if (strncmp(p, "H2:", 3) == 0)
			b = block(RK_HEADING, p + 3, 2);
		else if (strncmp(p, "H:", 2) == 0)
			b = block(RK_HEADING, p + 2, 1);
		else
			b = block(RK_PARA, p, 0);
		rk_ind_block(&d, &b);
		if (i < n - 1) {
			rk_ind_end(&d);
			continue;
		}
		rk_mscan_doc(&sc, 0);
		rk_mscan_block(&sc, b.text, b.len, 1);
		while (rk_mscan_next(&sc, &a)) {
			rk_ind_amount(&d, &a, &w);
			if (strncmp(b.text + a.off, amount, strlen(amount)) == 0) {
				int k = rk_when_fmt(&w, per);
				per[k] = 0;
				snprintf(got, gotn, "%s %s", rk_stance_name[w.stance], k ? per : "-");
				return;
			}
		}
	}
}

/* "a | b | c => amount stance period" */
static void
example(const char *where, const char *ex)
{
	char buf[1024], got[128], name[1200], *parts[8], *arrow, *p, *amount, *want;
	int n = 0;
	snprintf(name, sizeof name, "%s: %s", where, ex);
	snprintf(buf, sizeof buf, "%s", ex);
	arrow = strstr(buf, " => ");
	if (!arrow) {
		printf("FAIL %s: not \"context | text => amount stance period\"\n", name);
		unit_failed = 1;
		return;
	}
	*arrow = 0;
	amount = arrow + 4;
	want = strchr(amount, ' ');
	if (!want) {
		printf("FAIL %s: no stance after the amount\n", name);
		unit_failed = 1;
		return;
	}
	*want++ = 0;
	for (p = buf; n < 8;) {
		char *bar = strstr(p, " | ");
		parts[n++] = p;
		if (!bar)
			break;
		*bar = 0;
		p = bar + 3;
	}
	run((const char *const *)parts, n, amount, got, sizeof got);
	CHECK_STR(name, got, want);
}

int
main(void)
{
	size_t i, n;
	const char *const *ex = rk_cue_examples(&n);
	for (i = 0; i < n; i++)
		example("cue", ex[i]);
	/* the spec's table and rules */
	example("spec", "H:2025年工作回顾 | 全市生产总值增长5.4% => 5.4% actual 2025");
	example("spec", "H:2026年重点工作 | 主要预期目标是：全市生产总值增长5%左右 => 5%左右 target 2026");
	example("spec", "H:“十四五”时期工作回顾 | 产业投资占全部投资比重从26.7%提高到52.1% => 26.7% actual 2020");
	example("spec", "H:“十四五”时期工作回顾 | 产业投资占全部投资比重从26.7%提高到52.1% => 52.1% actual 2025");
	example("spec", "H:“十四五”时期工作回顾 | 地区生产总值突破3万亿元、年均增长4.7% => 4.7% actual 2021-2025");
	example("spec", "H:“十五五”时期主要目标 | 居民人均可支配收入年均增长5% => 5% target 2026-2030");
	example("spec", "H:“十五五”时期主要目标 | 到2030年人均地区生产总值达到10万元以上 => 10万元以上 target 2030");
	example("spec", "H:2026年重点工作 | 稳步推进第二轮土地承包到期后再延长30年试点 => 30年 other 2026");
	/* a 从A提高到B in this year's plan: A last year's, B this year's */
	example("spec", "H:2026年重点工作 | 覆盖率从80%提高到85% => 80% actual 2025");
	example("spec", "H:2026年重点工作 | 覆盖率从80%提高到85% => 85% target 2026");
	/* a change over the years named, and a run of months, ending last year */
	example("span", "H:“十四五”时期工作回顾 | 财政收入达到1350亿元，3年增长58.6% => 58.6% actual 2023-2025");
	example("span", "H:“十四五”时期工作回顾 | 新能源汽车产量五年增长29倍 => 29倍 actual 2021-2025");
	example("span", "H:“十四五”时期工作回顾 | 新能源汽车产量五年增长29倍 => 五年 actual 2021-2025");
	example("span", "H:2025年工作回顾 | 销售面积连续13个月正增长 => 13个月 actual 2024-2025");
	example("span", "H:2025年工作回顾 | 连续3年保持增长，产量增长5% => 5% actual 2025");
	/* a plan's name after a verb is not a lead; a fused five-year heading's
	 * paragraph that names the new plan sets out its goals */
	example("lead", "H:2026年重点工作 | 加快建设“十四五”批复的6个基地，争取再纳规3个基地 => 3个 target 2026");
	example("lead", "H:2026年重点工作 | 出台“十五五”支持产业的政策。力争交易额达到100亿元 => 100亿元 target 2026");
	example("lead", "H:2025年工作和“十四五”发展回顾 | 回望“十四五”，我们累计建成5G基站12万个 => 12万个 actual 2021-2025");
	example("fused", "H:“十四五”时期发展成就和“十五五”时期主要目标 | 我们编制了“十五五”规划纲要，提出地区生产总值年均增长5%左右 => 5%左右 target 2026-2030");
	example("other", "H:2026年重点工作 | 实施亿元以上重点技改项目1200项 => 亿元以上 other 2026");
	example("other", "H:2026年重点工作 | 实施1000个以上省重点项目 => 1000个以上 target 2026");
	example("other", "H:2026年重点工作 | 抓好总投资2万亿元的389个省重点项目 => 2万亿元 other 2026");
	/* fused parts: the lead decides */
	example("fused", "H:2025年和“十四五”时期工作回顾 | 过去五年，建成5G基站12万个 => 12万个 actual 2021-2025");
	example("fused", "H:2025年和“十四五”时期工作回顾 | 各位代表！“十四五”以来，建成5G基站12万个 => 12万个 actual 2021-2025");
	example("fused", "H:2025年和“十四五”时期工作回顾 | 刚刚过去的2025年，建成5G基站2万个 => 2万个 actual 2025");
	example("fused", "H:“十五五”时期主要目标和2026年重点工作 | 今后五年，新建住房10万套 => 10万套 target 2026-2030");
	/* a work summary: its own year and its plan part */
	example("summary", "T:2023年工作总结和2024年工作计划 | H:2024年工作计划 | 新建监测站3个 => 3个 target 2024");
	example("summary", "T:某局党建工作情况 | 2023年，全局召开党组会18次 => 18次 actual 2023");
	example("summary", "T:某局党建工作情况 | 今年以来，召开党组会18次 => 18次 actual -");
	/* no year anywhere: the period waits for none */
	example("no year", "T:某局工作情况 | H:工作回顾 | 召开党组会18次 => 18次 actual -");
	return unit_failed;
}
