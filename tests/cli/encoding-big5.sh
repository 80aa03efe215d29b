# Big5 is told from GB18030 by its second bytes (40-7E, which GB2312 has
# not); traditional characters in GBK stay GBK (its first bytes 81-A0 are
# not Big5); where a text is too short to tell, a warning says so.
printf '一、總體情況\n全年完成投資8.6億元，同比增長12.4%%。我們的工作取得了新進展。\n' >tw.txt
iconv -f UTF-8 -t BIG5 tw.txt >big5.txt
iconv -f UTF-8 -t GBK tw.txt >gbk.txt
rmetric -N tw.txt | cut -f 2- >want
rmetric -N big5.txt | cut -f 2- | cmp -s - want && echo 'Big5: same rows'
rmetric -N gbk.txt | cut -f 2- | cmp -s - want && echo 'GBK: same rows'
printf '報告\n' | iconv -f UTF-8 -t BIG5 >short-big5.txt
printf '报告\n' | iconv -f UTF-8 -t GBK >short-gbk.txt
rsplit -N short-big5.txt short-gbk.txt | cut -f 1,5
