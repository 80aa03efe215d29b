# Numeric options: checked for overflow and range, never cut to an int
# (rhead -d 4294967297 was -d 1); a sign or blanks are not a number.
rhead -d 4294967297 </dev/null; echo "exit $?"
rhead -d -1 </dev/null; echo "exit $?"
rhead -d ' 1' </dev/null; echo "exit $?"
rcount --top 99999999999999999999 </dev/null; echo "exit $?"
rcount --min +1 </dev/null; echo "exit $?"
rcount -L 0 </dev/null; echo "exit $?"
rcount --max-keys 1x </dev/null; echo "exit $?"
rcount -n ' 2' </dev/null; echo "exit $?"
printf '一个一个\n' | rhead -N -d 2147483647; echo "exit $?"
