cp "$TESTS/fixtures/outline.txt" a.txt; rsplit -N no-such.txt a.txt > out; echo "exit $?"; cut -f1 out | uniq -c
