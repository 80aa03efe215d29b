# A file name's bytes that are not UTF-8 are U+FFFD in the doc column
# (the table stays UTF-8), said once with the bytes shown as \xHH; the
# packed form read back gives the same names.
printf '完成投资5万元。\n' >"$(printf 'caf\351.txt')"
rmetric caf*; echo "exit $?"
rsplit -u doc caf* | rmetric -N; echo "exit $?"
