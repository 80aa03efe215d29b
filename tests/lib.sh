# Sourced by tests/*.test: where things are, PASS/FAIL/SKIP lines, a scratch
# directory removed on exit.  tests/run sets BIN, TESTS, CORPUS and
# RK_SANITIZED; the defaults let a script run alone: sh tests/NAME.test
TESTS=${TESTS:-$(cd "$(dirname "$0")" && pwd)}
top=$(cd "$TESTS/.." && pwd)
BIN=${BIN:-$top/bin}
CORPUS=${CORPUS:-$top/../shared/corpus}
PATH=$BIN:$PATH
export PATH
name=$(basename "$0" .test)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rkit-$name.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

pass() { echo "PASS $name/$*"; }
fail() { echo "FAIL $name/$*"; }
skip() { echo "SKIP $name/$*"; }

# ok TEST WHY-IT-FAILED: PASS when WHY is empty, else FAIL with it.
ok() { if [ -z "$2" ]; then pass "$1"; else fail "$1: $2"; fi; }

# The tools that have been built, in a fixed order.
tools() {
	for t in rsplit rhead rmetric rcount; do
		[ -x "$BIN/$t" ] && echo "$t"
	done
	return 0
}

# The corpus reports, SET/DOC.txt, one a line (names contain no newline);
# formats/ (the same reports converted) is tests/formats.test's.
corpus_files() {
	find "$CORPUS" -mindepth 2 -maxdepth 2 -type f -name "*.txt" 2>/dev/null | LC_ALL=C sort
}

# Deletes every blank character from UTF-8 text on stdin, newlines too: what
# the tools may drop or turn into line breaks (ASCII blanks, NBSP, U+2000-200F
# incl. the zero-width ones, U+202F, U+205F, U+2060, U+3000, U+FEFF, and the
# indent html2text leaves as entities, &emsp; &nbsp; at a line's start, and
# the | at the ends of a table's row that pandoc draws round a page's text
# (a row with nothing between its bars is blank),
# w3m's │ bars and html2text's **** around a heading).
nonblank() {
	blankless | LC_ALL=C tr -d '\n'
}
# The same, line by line: the newlines stay.
blankless() {
	LC_ALL=C sed 's/^[ \t]*|\([ \t]\|\xc2\xa0\|\xe3\x80\x80\)*|[ \t]*$//;
		/^[ \t]*| \{1,\}[^ ]/ { s/^[ \t]*| \{1,\}//; s/ \{1,\}|$//; };
		s/^[ \t]*\*\{2,\} \(.*[^ ]\) \{1,\}\*\{2,\}$/\1/;
		/^[ \t]*\xe2\x94\x82../ { s/^[ \t]*\xe2\x94\x82//; s/\(\xe2\x94\x82\)*$//; }; s/^\([ \t]*&\(emsp\|ensp\|nbsp\|thinsp\|#12288\|#8195\|#160\);\)*//; s/[ \t\r\f\v]//g; s/\xc2\xa0//g; s/\xe3\x80\x80//g;
		s/\xe2\x80[\x80-\x8f\xaf]//g; s/\xe2\x81[\x9f\xa0]//g; s/\xef\xbb\xbf//g'
}

# rows_keep FILE: says why rsplit -N FILE does not give back every non-blank
# character of FILE, nothing when it does.  Meta rows (page numbers, running
# headers, a site's furniture) may come after the paragraph they cut, and
# may run on past another meta row: so the rows must hold the file's
# characters, each as often; the other rows, in order, must be the file's
# text with characters left out (those of the meta rows, then); each meta
# row must be in the file so, starting on its own line.  Invalid bytes (the
# tools write U+FFFD for them) are left out on both sides.
rows_keep() {
	rsplit -N "$1" 2>/dev/null >"$tmp/rk.tsv" || { echo "rsplit failed"; return; }
	cut -f 3,4 "$tmp/rk.tsv" >"$tmp/rk.where"
	text_column 5 <"$tmp/rk.tsv" | blankless | LC_ALL=C sed 's/\xef\xbf\xbd//g' >"$tmp/rk.text"
	iconv -c -f UTF-8 -t UTF-8 <"$1" 2>/dev/null | blankless | LC_ALL=C sed 's/\xef\xbf\xbd//g' >"$tmp/rk.file"
	LC_ALL=C awk -v where="$tmp/rk.where" -v text="$tmp/rk.text" '
	BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
	# chars(s, a): the UTF-8 characters of s into a[1..n]
	function chars(s, a,   i, n, b, k) {
		n = 0
		for (i = 1; i <= length(s); i += k) {
			b = ord[substr(s, i, 1)]
			k = b < 192 ? 1 : b < 224 ? 2 : b < 240 ? 3 : 4
			a[++n] = substr(s, i, k)
		}
		return n
	}
	# the file, a character at a time, with the line of each
	{ first[NR] = n + 1; m = chars($0, c); for (i = 1; i <= m; i++) { f[++n] = c[i]; fline[n] = NR; have[c[i]]++ } }
	END {
		at = 1
		while ((getline w < where) > 0 && (getline t < text) > 0) {
			split(w, x, "\t"); k = chars(t, c)
			for (i = 1; i <= k; i++) got[c[i]]++
			if (x[2] == "meta") {
				# from its line on, with other characters between
				p = first[x[1] + 0]
				if (k && (p == "" || p > n || fline[p] != x[1] + 0)) { print "meta row at line " x[1] ": no such line"; exit }
				for (i = 1; i <= k && p <= n; p++) if (f[p] == c[i]) { if (i == 1 && fline[p] != x[1] + 0) break; i++ }
				if (i <= k) { print "meta row at line " x[1] " is not in the file there: " t; exit }
				continue
			}
			# the text rows in file order, leaving out what meta rows hold
			for (i = 1; i <= k; i++) {
				while (at <= n && f[at] != c[i]) at++
				if (at > n) { print "row at line " x[1] " is not in the file in order from its " i "th character: " t; exit }
				at++
			}
		}
		for (ch in have) if (got[ch] != have[ch]) { print "the file has " ch " " have[ch] " times, the rows " got[ch] + 0; exit }
		for (ch in got) if (!(ch in have)) { print "the rows have " ch " " got[ch] " times, the file none"; exit }
	}' "$tmp/rk.file" | iconv -c -f UTF-8 -t UTF-8 2>/dev/null
}

# The text column ($1, 1-based) of rkit TSV on stdin, unescaped; an escaped
# tab, newline or CR is blank and dropped, as nonblank() would.
text_column() {
	cut -f "$1" | LC_ALL=C sed 's/\\\\/\x01/g; s/\\[tnr]//g; s/\x01/\\/g'
}

# Says where two files first differ, with a little of each side.
first_diff() {
	at=$(cmp "$1" "$2" 2>&1 | sed -n 's/.* differ: \(byte\|char\) \([0-9]*\).*/\2/p')
	[ -n "$at" ] || { cmp "$1" "$2" 2>&1 | head -n 1; return; }
	from=$((at > 30 ? at - 30 : 1))
	# whole characters only, so the FAIL line stays valid UTF-8 for grep
	printf 'first difference at byte %s: [%s] vs [%s]' "$at" \
		"$(tail -c +"$from" "$1" | head -c 90 | tr '\n\t' '  ' | iconv -c -f UTF-8 -t UTF-8)" \
		"$(tail -c +"$from" "$2" | head -c 90 | tr '\n\t' '  ' | iconv -c -f UTF-8 -t UTF-8)"
}

# A python3 that has pandas (Debian's python3-pandas is for /usr/bin/python3,
# which another python3 on PATH, a pyenv one say, may hide); empty if none.
pandas_python() {
	for py in python3 /usr/bin/python3; do
		"$py" -c 'import pandas' 2>/dev/null && { command -v "$py"; return 0; }
	done
	return 0
}

# Drops rmetric's "no report year found" line from the stderr files named:
# for tests whose fixtures have no report year and check other messages
# (cli/rmetric-no-year checks that line).
no_year() { sed -i '/: no report year found; period left empty where it depends on it$/d' "$@"; }
