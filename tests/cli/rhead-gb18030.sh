iconv -f UTF-8 -t GB18030 "$TESTS/fixtures/outline.txt" > gb.txt; rhead -N gb.txt | cut -f2- > gb.out; rhead -N "$TESTS/fixtures/outline.txt" | cut -f2- | cmp - gb.out && echo same
