# --csv: a field is quoted when it holds a comma, a quote or a line end, or
# starts or ends with a blank, or is empty (""); quotes doubled; text not
# escaped; a redacted value (\N in TSV) is nothing.
printf '一、总体\n"十四五"规划，开展谈话**次。\n路径C:\\data\\x,以及\t制表符。\n' >r.txt
rsplit --csv r.txt
rsplit -N -u section --csv r.txt
rmetric --csv r.txt
rhead --csv -k heading r.txt
printf '她说“A,B”和“引\\"号”还有“NA”。\n' | rcount --csv -N
