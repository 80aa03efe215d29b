# A line of 3000 NUL bytes (each replaced with the 3-byte U+FFFD) once
# overran the line buffer; now one row of 3000 replacement characters.
head -c 3000 /dev/zero | rsplit | tail -n +2 | cut -f 1-4
head -c 3000 /dev/zero | rsplit 2>/dev/null | tail -n +2 | cut -f 5 | LC_ALL=C sed 's/\xef\xbf\xbd/X/g' | tr -d X | wc -c
head -c 3000 /dev/zero | rsplit 2>/dev/null | tail -n +2 | cut -f 5 | LC_ALL=C sed 's/\xef\xbf\xbd/X/g' | tr -cd X | wc -c
