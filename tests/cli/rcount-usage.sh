# Usage errors exit 2 with a usage summary.
rcount -q -b </dev/null
