# --max-keys: keys past the cap are not counted, and that is said on
# stderr and in the exit status; known keys go on being counted.
printf '甲乙丙甲丁戊甲。\n' >r.txt
rcount -a -n 1 --max-keys 3 r.txt
