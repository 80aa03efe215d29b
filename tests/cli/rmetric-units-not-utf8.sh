# -U: a unit that is not UTF-8 would match part of a character and cut an
# amount's text there (5丫 and half of the next 丫): the file is refused.
printf '丫\344\n' >units.txt
printf '完成5丫丫。\n' | rmetric -U units.txt; echo "exit $?"
