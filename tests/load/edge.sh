#!/bin/sh
# Writes the edge cases of tests/load.test into DIR, text made up for it:
#   edge.txt    a report whose tables hold what readers get wrong: a text
#               starting with ", commas, backslashes, tabs inside a line,
#               texts "NA" "NULL" "None" "721" "1.10" counted as keys,
#               redacted amounts (**次: a missing value), a section §1.10,
#               a line over 64 KiB, and over 20480 rows of whole numbers
#               before the first decimal and the first quoted field (the
#               rows DuckDB samples to guess types and quoting)
#   export.tsv  a database export: id, a note that is NULL (\N) or holds a
#               tab, and the text
# usage: edge.sh DIR
d=$1
awk 'BEGIN {
	print "清河区统计工作情况报告"
	print "一、总体情况"
	print "（一）常规检查"
	for (i = 1; i <= 21000; i++)
		printf "第%d组完成检查%d次。\n", i % 7 + 1, i % 90 + 10
	split("（二） （三） （四） （五） （六） （七） （八） （九）", m, " ")
	for (k = 1; k <= 8; k++) {
		printf "%s专项工作%d\n", m[k], k
		printf "推进专项%d，完成项目%d个。\n", k, k * 3
	}
	print "（十）特殊文本"
	print "\"十四五\"规划顺利收官，完成投资12.5亿元，增长8.6%。"
	print "“两个维护”落到实处，开展谈话**次，覆盖**％的党员。"
	print "文件存放在C:\\data\\2025\\目录，共3份，路径以\\结尾\\"
	print "表格一栏\t表格二栏\t共计5项。"
	print "他说：“NA”、“NULL”、“None”、“721”和“1.10”都不是数，“A,B”也不是。"
	print "逗号,分隔,的数据,共4条,以及引号\"在中间\"的2处。"
	s = ""
	for (i = 1; i <= 5000; i++)
		s = s sprintf("推进工作%d项，", i)
	print s "完成。"
	print "二、下一步"
	print "“NA”再次出现，完成整改7项。"
}' >"$d/edge.txt"
printf 'id\tnote\ttext\n' >"$d/export.tsv"
printf 'A1\t\\N\t一、巡河\\n全年巡河12次，整改问题**个。\n' >>"$d/export.tsv"
printf 'B2\t东区\\t北片\t一、投资\\n完成投资1.5亿元，"同比"增长3.2%%。\n' >>"$d/export.tsv"
printf 'C3\t\t一、其他\\n路径D:\\\\x下存放2份。\n' >>"$d/export.tsv"
