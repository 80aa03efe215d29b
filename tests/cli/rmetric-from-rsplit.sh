# Items and sentences that share a line: read back from rsplit, a row goes on
# counting col from where the row before it on that line ended.  A row does
# not say where a rejoined paragraph broke (60% on line 7 comes back on line
# 6) nor what blanks stood between two rows (3个 comes back one col early):
# rkit(7), PIPELINES.
f=$TESTS/fixtures/items-one-line.txt
rmetric "$f" | cut -f3-6 >want
for u in para sentence; do
	echo "rsplit -u $u | rmetric:"
	rsplit -u $u "$f" | rmetric | cut -f3-6 >got
	if diff want got; then echo same; fi
done
