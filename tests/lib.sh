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
# indent html2text leaves as entities, &emsp; &nbsp; at a line's start).
nonblank() {
	LC_ALL=C sed 's/^\([ \t]*&\(emsp\|ensp\|nbsp\|thinsp\|#12288\|#8195\|#160\);\)*//; s/[ \t\r\f\v]//g; s/\xc2\xa0//g; s/\xe3\x80\x80//g;
		s/\xe2\x80[\x80-\x8f\xaf]//g; s/\xe2\x81[\x9f\xa0]//g; s/\xef\xbb\xbf//g' |
		LC_ALL=C tr -d '\n'
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
