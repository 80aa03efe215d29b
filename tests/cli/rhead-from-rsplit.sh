# rsplit's rows read back give the same outline.  (Files, not cmp - /dev/stdin
# under a here-document: that compares the here-document with itself.)
rhead "$TESTS/fixtures/outline.txt" >want
rsplit "$TESTS/fixtures/outline.txt" | rhead >got
cmp want got && echo same
