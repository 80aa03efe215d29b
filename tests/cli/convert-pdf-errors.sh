# PDFs pdftotext cannot give text for: a cut-off file, an encrypted one,
# and pages with an image and no text (a scan).  Each is one line of
# stderr; the report after them is still read, exit status 1.
printf '一、总体情况\n全年完成投资8.6亿元。\n' | sh "$TESTS/mkpdf" >good.pdf
head -c 2000 good.pdf >cut.pdf
qpdf --encrypt secret owner 256 -- good.pdf locked.pdf
sh "$TESTS/mkpdf" -i </dev/null >scan.pdf
printf '新增就业岗位1200个。\n' >notes.txt
rmetric cut.pdf locked.pdf scan.pdf notes.txt
