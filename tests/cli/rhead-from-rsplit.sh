rsplit "$TESTS/fixtures/outline.txt" | rhead | cmp - /dev/stdin <<EOF2 && echo same
$(rhead "$TESTS/fixtures/outline.txt")
EOF2
