# rkit TSV read back with a row whose text is empty, first in its
# document: a heading with no words.  Found by the tsv fuzz target (the
# sanitizer build stopped on a NULL buffer).
printf 'doc\ttext\tline\tkind\na.txt\t\t1\theading\na.txt\t召开会议3次。\t2\tpara\n' >e.tsv
rsplit e.tsv
rhead e.tsv
rmetric e.tsv
rcount -n 2 --by doc e.tsv
