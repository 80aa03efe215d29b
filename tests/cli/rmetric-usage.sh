# Usage errors exit 2 with a message; --version and -h work.
rmetric --version
rmetric -h | head -n 1
rmetric -x r.txt 2>&1 | head -n 1
rmetric -x r.txt >/dev/null 2>&1; echo "exit $?"
rmetric -U no-such-units.txt r.txt; echo "exit $?"
