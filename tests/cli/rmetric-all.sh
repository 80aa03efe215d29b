# -a shows what was ruled out and why; -c adds the clause.
printf '第一，2023年开展“七个一”活动5场；\n（二）局处两级干部每周一次学习，累计3万5千人次。\n' >r.txt
rmetric -a -c r.txt
