rhead "$TESTS/fixtures/outline.txt" | sed "s|^[^	]*/||"
