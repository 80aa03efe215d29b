# A line of 3000 NUL bytes (each replaced with the 3-byte U+FFFD) once
# overran the line buffer; now one row of 3000 replacement characters.
# (-E UTF-8: without it, so many NULs are taken for a binary file.)
head -c 3000 /dev/zero | rsplit -E UTF-8 | tail -n +2 | cut -f 1-4
head -c 3000 /dev/zero | rsplit -E UTF-8 2>/dev/null | tail -n +2 | cut -f 5 | LC_ALL=C sed 's/\xef\xbf\xbd/X/g' | tr -d X | wc -c
head -c 3000 /dev/zero | rsplit -E UTF-8 2>/dev/null | tail -n +2 | cut -f 5 | LC_ALL=C sed 's/\xef\xbf\xbd/X/g' | tr -cd X | wc -c
