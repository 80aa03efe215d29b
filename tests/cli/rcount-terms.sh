# -w: terms longest first, left to right, not overlapping; a Latin term
# does not match inside a Latin word.
printf '生态\n生态环境\n生态环境局\n环境\nAI\n\n  PM2.5  \n' >terms.txt
printf '市生态环境局加强生态环境保护，环境质量提升，PM2.5下降。MAIN AI。\n' >r.txt
rcount -w terms.txt --by all r.txt
