# A line or col in rkit TSV that is not a count from 0 (negative, not a
# number, past LONG_MAX) skips the row with one warning; never printed as
# 18446744073709551611.
printf 'doc\tsect\tline\tkind\ttext\na\t0\t-5\tpara\t完成投资5万元。\na\t0\t3\tpara\t完成投资6万元。\n' | rmetric
echo "exit $?"
printf 'doc\tsect\tline\tcol\tkind\ttext\na\t0\t2\t-3\tpara\t完成投资5万元。\na\t0\t99999999999999999999\t0\tpara\t完成投资7万元。\na\t0\t4\t1\tpara\t完成投资8万元。\n' | rmetric -N
echo "exit $?"
