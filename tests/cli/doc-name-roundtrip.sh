# Doc names read back from the packed form keep what rsplit -u doc wrote:
# blanks at their ends, and \n or \r inside (x\n1 and x\n2 stay two
# documents, which rcount -m does not merge).
printf '一、总体情况\n完成投资5万元，“两个维护”。\n' >r.txt
cp r.txt ' a.txt '; cp r.txt "$(printf 'x\n1')"; cp r.txt "$(printf 'x\n2')"; cp r.txt "$(printf 'c\r\\d')"
for t in rsplit rhead rmetric rcount; do
	"$t" ' a.txt ' x* c* >direct.tsv
	rsplit -u doc ' a.txt ' x* c* | "$t" >packed.tsv
	cmp -s direct.tsv packed.tsv && echo "$t: packed form gives the same table" || echo "$t: differs"
done
rsplit -u doc x* | rcount -q | rcount -m
