# n-grams of Han runs: punctuation, digits, Latin, spaces and full-width
# digits end a run; 〇 is a Han numeral.
printf '推进PM2.5治理，二〇三五年达到５万亿 龚 正\n' | rcount -n 2 --by all --sort key
printf '发展观\n' | rcount -n 1-3 --by all -N --sort key
rcount -n 0 </dev/null
rcount -n 2-17 </dev/null
