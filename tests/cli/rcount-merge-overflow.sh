# rcount -m: sums past 2^63-1 are held at 9223372036854775807 and said,
# exit 1; they never wrap (the key vanished, or 2^63-1 twice plus 5 gave 3).
printf 'doc\tkey\tcount\na\tx\t9223372036854775807\na\tx\t1\na\ty\t5\n' | rcount -m; echo "exit $?"
printf 'key\tcount\nx\t9223372036854775807\nx\t9223372036854775807\nx\t5\n' | rcount -m; echo "exit $?"
printf 'key\tcount\nx\t9223372036854775808\n' | rcount -m; echo "exit $?"
