# Binary files that are no report are said to be so, once each, and not
# decoded into rows; the report among them is still read, exit status 1.
printf '\037\213\010\000\000\000\000\000\000\003' >notes.txt.gz
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >chart.png
printf '\177ELF\002\001\001\000' >a.out
printf 'PK\003\004\024\000\000\000\010\000' >sheets.zip
{ printf 'SQLite format 3\000'; head -c 200 /dev/zero; } >db.sqlite
{ printf 'header'; head -c 300 /dev/zero; printf 'trailer'; } >data.bin
printf '新增就业岗位1200个。\n' >notes.txt
# a few NULs in a text are damage, replaced and warned about
printf '全年完成\000投资8.6亿元。\n' >damaged.txt
rmetric -N notes.txt.gz chart.png a.out sheets.zip db.sqlite data.bin notes.txt damaged.txt
