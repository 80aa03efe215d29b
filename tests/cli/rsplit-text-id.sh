# A database export: id, year, text, note.  year, before the text, is carried
# to the end of every row; note, after it, is not (with one warning).
printf "id\tyear\tbody\tnote\nA1\t2024\t一、总体\\\\n全年巡河12次。\tx\nB2\t2025\t（一）其他\\\\n\\\\n本年完成\\\\t3项。\ty\n" | rsplit --text body --id id
