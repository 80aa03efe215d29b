# -E forces the encoding (here GB18030, written with iconv); a name iconv
# does not know is a usage error.
printf '落实“两个维护”和“三会一课”。\n' | iconv -f UTF-8 -t GB18030 >gb.txt
rcount -N gb.txt
rcount -N -E GB18030 gb.txt
rcount -E NO-SUCH-CODE gb.txt
