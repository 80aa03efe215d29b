rhead -N -k title,heading "$TESTS/fixtures/outline.txt" | cut -f2-
