rsplit < "$TESTS/fixtures/outline.txt"
