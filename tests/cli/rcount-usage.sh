# Usage errors exit 2 with one line and where to look for help.
rcount -q -b </dev/null
