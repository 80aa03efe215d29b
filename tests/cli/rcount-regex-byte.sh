# A pattern's \C matches one byte and cuts a character (the key 文 plus
# half of 。 is not UTF-8): refused, exit 2.
printf '中文。\n' | rcount -N -e '文\C'; echo "exit $?"
printf '中文。\n' | rcount -N -e '文.'; echo "exit $?"
