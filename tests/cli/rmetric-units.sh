# -u keeps the listed units (full-width ％ folded); -U adds measure words.
printf '完成检查17车，发放资料300册，达标率98.5％，新增党员12名。\n' >r.txt
printf '车\n# a comment\n\n' >units.txt
rmetric -N -u '次,%,车' -U units.txt r.txt
echo ---
rmetric -N r.txt
