# Carried columns and the header's names in CSV: unescaped, quoted as
# needed; COPY's \N (NULL) becomes nothing, an empty value "".
printf 'id\tnote,x\tregion\ttext\nA1\t\\N\t东区\\t北片\t全年巡河12次。\nB2\t\t"南"\t完成投资1.5亿元。\n' >in.tsv
rmetric --csv --text text --id id in.tsv
sed 1d in.tsv | rsplit --csv --text 4 --id 1
