# Word (.docx) and OpenDocument (.odt) operands are read through pandoc,
# named or on standard input, with the rows of pandoc's plain text; a
# cut-off .docx is one line of stderr, exit status 1.
printf '一、总体情况\n\n全年完成投资8.6亿元，同比增长12.4%%。\n\n二、下步打算\n\n新增就业岗位1200个。\n' >r.md
pandoc -f markdown -t docx -o r.docx r.md
pandoc -f markdown -t odt -o r.odt r.md
head -c 3000 r.docx >cut.docx
rhead r.docx r.odt cut.docx; echo "exit status $?"
pandoc -f docx -t plain --wrap=none r.docx | rmetric -N | cut -f 2- >piped
rmetric -N r.docx | cut -f 2- | cmp - piped && echo 'r.docx: the rows of pandoc | rmetric'
cat r.docx | rmetric -N | cut -f 2- | cmp - piped && echo 'r.docx on a pipe: the same'
