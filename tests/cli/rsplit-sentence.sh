rsplit -N -u sentence < "$TESTS/fixtures/outline.txt" | cut -f2-
