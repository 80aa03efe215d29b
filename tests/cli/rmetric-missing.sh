# A missing file is reported, the others are still read, exit status 1.
printf '新建学校3所。\n' >a.txt
printf '新增床位120张。\n' >b.txt
rmetric -N a.txt missing.txt b.txt
