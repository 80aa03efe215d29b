# -m sums tables: shape from the header or the field count, headers
# anywhere, a coarser --by on a finer table; a bad row is reported.
printf 'doc\tsect\tkey\tcount\na.txt\t1\t两个维护\t2\na.txt\t2\t两个维护\t1\nb.txt\t1\t三会一课\t1\n' >s1.tsv
printf 'doc\tsect\tkey\tcount\nb.txt\t1\t三会一课\t4\nb.txt\t1\t四个意识\t2\n' >s2.tsv
printf 'a.txt\ttab\\there\t1\na.txt\ttab\\there\t2\n' >d.tsv
printf 'doc\tkey\tcount\nc.txt\tx\t1\nc.txt\ty\tmany\nc.txt\tz\t2\n' >bad.tsv
rcount -m s1.tsv s2.tsv
cat s2.tsv s1.tsv | rcount -m --by doc
rcount -m --by all -N s1.tsv s2.tsv
rcount -m d.tsv
rcount -m bad.tsv
echo "exit $?"
rcount -m s1.tsv d.tsv
echo "exit $?"
