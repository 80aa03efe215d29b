rsplit -N -u item < "$TESTS/fixtures/outline.txt" | cut -f2-
