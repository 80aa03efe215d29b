# -U with a unit longer than any (40 bytes) and repeated ones: those are
# left out (their copies once leaked, which failed the ASan build).
printf '个超级超级超级超级超级超级超级超级超级长的单位\n立方\n立方\n个\n' >units
printf '一、总体情况\n全年新增5个项目，运输8立方。\n' >r.txt
rmetric -U units r.txt >out
echo "exit $?"
cut -f 5-7 out
