# Columns before the text are carried as written, escapes and all (COPY's
# \N for NULL stays \N); without --id every column before the text is.
printf 'id\tregion\tnote\ttext\nA1\t东区\\t北片\t\\N\t全年巡河12次，整改问题3个。\nB2\tC:\\\\data\t见附件\\n二\t完成投资1.5亿元。\n' >in.tsv
cat in.tsv
rmetric --text text --id id in.tsv
rmetric -N -a --text text in.tsv
# headerless rows: the carried columns are named by number
printf 'A1\t2024\t一、总体\n' | rhead --id 1 --text 3
