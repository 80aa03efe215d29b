# --bom: a UTF-8 byte order mark before the first byte, once; none without it.
printf '一、总体\n开展活动3次。\n' >r.txt
rmetric --csv --bom r.txt | od -An -c | head -n 1
rhead --bom r.txt r.txt | head -c 3 | od -An -tx1
rhead r.txt | head -c 3 | od -An -tx1
rcount -m --csv --bom </dev/null | od -An -c
