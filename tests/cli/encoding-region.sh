# A UTF-8 report with a page of GBK appended, then UTF-8 again (pages
# saved into one file): each region is read in its own encoding, with one
# warning at the line where the first one that is not UTF-8 starts.  Both
# when the change comes in the first 64 KiB and when it comes later.
{
	printf '一、第一页\n全年完成投资8.6亿元。\n'
	printf '二、第二页\n新增就业岗位1200个。\n' | iconv -f UTF-8 -t GBK
	printf '三、第三页\n同比增长12.4%%。\n'
} >pages.txt
rmetric -N pages.txt | cut -f 2-
{
	yes '一年来，全局上下统筹抓好各项工作，全年完成投资8.6亿元。' | head -n 2000
	yes '新增就业岗位1200个，城镇调查失业率5.1%。' | head -n 2000 | iconv -f UTF-8 -t GBK
} >long.txt
rmetric -N long.txt | cut -f 5 | sort | uniq -c
