rhead -N -d 1 "$TESTS/fixtures/outline.txt" | cut -f2-
