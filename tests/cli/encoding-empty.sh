# -E '' is no encoding (iconv would take it for the locale's): exit 2.
for t in rsplit rhead rmetric rcount; do printf '完成。\n' | "$t" -E ''; echo "$t exit $?"; done
