# The notebook baseline for rmetric's accuracy (tests/rmetric.test): one
# regex, Arabic digits with an optional point, 万 or 亿, then one of the
# common units; no exclusions.  Writes "line col value unit" per match, as
# rmetric's columns 3, 4, 6, 7 (value exact: the point shifted, not a float).
# usage: perl -CSD notebook-regex.pl FILE
use utf8;
while (<>) {
	chomp;
	while (/([0-9]+(?:\.[0-9]+)?)(万|亿)?(个百分点|百分点|%|％|元|人次|人|个|名|次|项|家|户|所|件|座|条|公里|亩|吨|千瓦|倍|天|小时)/g) {
		my ($col, $n, $m, $u) = ($-[0], $1, $2 // "", $3);
		my ($i, $f) = split /\./, $n . ".";
		$f //= "";
		my $sh = $m eq "万" ? 4 : $m eq "亿" ? 8 : 0;
		$f .= "0" x $sh;
		$i .= substr($f, 0, $sh);
		$f = substr($f, $sh);
		$i =~ s/^0+(?=\d)//;
		$f =~ s/0+$//;
		$u = "%" if $u eq "％";
		$u = "百分点" if $u eq "个百分点";
		print "$.\t$col\t", ($f eq "" ? $i : "$i.$f"), "\t$u\n";
	}
}
