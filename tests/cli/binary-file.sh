# Binary files that are no report are said to be so, once each, and not
# decoded into rows; the report among them is still read, exit status 1.
printf '\037\213\010\000\000\000\000\000\000\003' >notes.txt.gz
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >chart.png
printf '\177ELF\002\001\001\000' >a.out
printf 'PK\003\004\024\000\000\000\010\000' >sheets.zip
# an OLE2 file whose directory names a Workbook: Excel's, not Word's
{ printf '\320\317\021\340\241\261\032\341'; head -c 120 /dev/zero; printf 'W\000o\000r\000k\000b\000o\000o\000k\000'; } >sheet.xls
{ printf 'SQLite format 3\000'; head -c 200 /dev/zero; } >db.sqlite
{ printf 'header'; head -c 300 /dev/zero; printf 'trailer'; } >data.bin
printf '新增就业岗位1200个。\n' >notes.txt
# a few NULs in a text are damage, replaced and warned about
printf '全年完成\000投资8.6亿元。\n' >damaged.txt
rmetric -N notes.txt.gz chart.png a.out sheets.zip sheet.xls db.sqlite data.bin notes.txt damaged.txt
