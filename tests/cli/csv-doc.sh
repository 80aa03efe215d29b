# The packed form in CSV: one quoted field a document, its lines (blank
# ones and leading blanks too) as they are inside the quotes.
printf '一、总体\n\n  开展"活动"3次。\n' >r.txt
rsplit -u doc --csv r.txt
rsplit -N -u doc r.txt
