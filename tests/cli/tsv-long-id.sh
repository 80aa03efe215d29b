# An id or carried column over 1 MiB is not held (memory stays bounded)
# nor cut: its row is skipped, said once, exit 1; the other rows are read.
{
	printf 'id\tyear\ttext\n'
	printf 'a.txt\t2025\t一、总体情况\\n完成投资5万元。\n'
	head -c 2200000 /dev/zero | tr '\0' 'x'; printf '\t2025\t一、总体情况\n'
	printf 'b.txt\t'; head -c 2200000 /dev/zero | tr '\0' '9'; printf '\t一、总体情况\n'
	printf 'c.txt\t2026\t二、下步打算\n'
} >big.tsv
rhead -N --id id --text text big.tsv; echo "exit $?"
