# A PDF operand is read through pdftotext: the rows are those of its text
# (line and col count in pdftotext's output), on a named file, on standard
# input from a file and from a pipe; a missing operand among them is
# reported and the rest read, exit 1.
printf '一、总体情况\n全年完成投资8.6亿元，同比增长12.4%%。\n\f\n二、下步打算\n新增就业岗位1200个。\n' | sh "$TESTS/mkpdf" >r.pdf
rmetric r.pdf missing.pdf; echo "exit status $?"
pdftotext -enc UTF-8 r.pdf - | rmetric -N | cut -f 2- >piped
rmetric -N <r.pdf | cut -f 2- | cmp - piped && echo 'stdin from a file: same rows'
cat r.pdf | rmetric -N | cut -f 2- | cmp - piped && echo 'stdin from a pipe: same rows'
rhead -N r.pdf
# a FIFO is read once, through the converter's standard input
mkfifo fifo
cat r.pdf >fifo &
rmetric -N fifo | cut -f 2- | cmp - piped && echo 'a FIFO: same rows'
wait
