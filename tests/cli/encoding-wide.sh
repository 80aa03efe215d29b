# UTF-16 and UTF-32, with a byte order mark or without one, give the rows
# of the UTF-8 text (UTF-16 of Chinese text has no NUL bytes at all).
rmetric -N "$TESTS/fixtures/outline.txt" | cut -f 2- >want
for e in UTF-16LE UTF-16BE UTF-32LE UTF-32BE UTF-16 UTF-32; do
	iconv -f UTF-8 -t $e "$TESTS/fixtures/outline.txt" >$e.txt
	rmetric -N $e.txt | cut -f 2- | cmp -s - want && echo "$e: same rows" || echo "$e: rows differ"
done
# and a short one of Han characters only
printf '全年完成投资八亿元' | iconv -f UTF-8 -t UTF-16LE >short.txt
rsplit -N short.txt
