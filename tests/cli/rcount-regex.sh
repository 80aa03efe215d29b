# -e: the whole match, or the first group when it took part; empty matches
# are not keys; \w is Unicode (PCRE2_UCP).
printf '全市生产总值增长5.4%%，进出口增长3.2%%，投资下降1.1%%。\n推进改革，深化改革，全面深化改革。\n' >r.txt
rcount -e '增长([0-9.]+%)' -e '(\w{2})改革' -e 'x*' --by all r.txt
