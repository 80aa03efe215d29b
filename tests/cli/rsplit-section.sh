rsplit -N -u section < "$TESTS/fixtures/outline.txt" | cut -f2-
