rsplit -u doc "$TESTS/fixtures/outline.txt" | sed "s|^[^	]*/||"
