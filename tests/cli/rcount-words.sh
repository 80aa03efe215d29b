# -W with a made-up jieba dictionary: the route of highest probability,
# not the longest word; punctuation and spaces are not counted.
printf '研究 500 n\n研究生 80 n\n生命 300 n\n命 50 n\n起源 200 n\n的 1000 uj\n研 5 n\n究 5 n\n生 30 n\n' >dict.txt
printf '研究生命的起源，研究生的生命。2025年\n' >r.txt
rcount -W -D dict.txt --by all r.txt
rcount -W r.txt
