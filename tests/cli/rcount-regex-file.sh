# -f: patterns one a line, blank lines skipped; an error names the line.
printf '两个(维护|确立)\n\n(\\d+)个党支部\n' >ok.pat
printf '发展\n*改革\n' >bad.pat
printf '坚定拥护“两个确立”、坚决做到“两个维护”，22个党支部和8个党支部。\n' >r.txt
rcount -f ok.pat --by all r.txt
rcount -f bad.pat r.txt
