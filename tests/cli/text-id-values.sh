# Bad --text and --id values are usage errors (exit 2), found before any
# input is read: 0, past the most columns (no wrapping: 4294967298 is not
# 2), empty, the same column for both, a number with a name.
for v in 0 4294967298 99999999999999999999 ''; do
	printf 'a\tb\tc\n' | rsplit --text "$v"; echo "--text '$v' exit $?"
done
printf 'year\ttext\n1\tx\n' | rhead --text year --id year; echo "exit $?"
printf 'a\tb\n' | rmetric --text 2 --id 2; echo "exit $?"
printf 'a\tb\n' | rcount --text 2 --id doc; echo "exit $?"
printf 'a\tb\n' | rsplit --id 1; echo "exit $?"
