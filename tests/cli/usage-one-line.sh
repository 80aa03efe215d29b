# A usage error is one line under the tool's name (not the path it was run
# by) and where to look for help, exit 2; not the whole help.
for t in rsplit rhead rmetric rcount; do "$BIN/$t" --no-such-option </dev/null; echo "$t exit $?"; done
"$BIN/rhead" -x </dev/null; echo "exit $?"
"$BIN/rmetric" -u; echo "exit $?"
"$BIN/rcount" --top; echo "exit $?"
"$BIN/rsplit" -u word </dev/null; echo "exit $?"
