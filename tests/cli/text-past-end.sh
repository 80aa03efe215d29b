# --text naming a column past the end of the rows: one message for the
# whole input (not one a row), exit 1; the rows that have it are read.
i=0; while [ $i -lt 1000 ]; do printf 'a\tb\n'; i=$((i + 1)); done >short.tsv
rsplit -N --text 3 short.tsv; echo "exit $?"
printf 'a\tb\t完成。\nc\td\n' | rsplit -N --id 1 --text 3; echo "exit $?"
printf 'id\ttext\n1\n2\t正文。\n' | rsplit -N --id id --text text; echo "exit $?"
