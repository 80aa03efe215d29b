# PDF and Word operands with no converter installed (PATH holds none):
# each says which Debian package to install; the text file is still read,
# exit status 1.  What a file is comes from its bytes, not its name.
printf '一、总体情况\n全年完成投资8.6亿元。\n' | sh "$TESTS/mkpdf" >report.pdf
printf '一、总体情况\n' >notes.txt
cp report.pdf scan.txt
# a .docx is a ZIP holding word/document.xml; a .doc an OLE2 file with a
# WordDocument stream: the names are all the tools look at
printf 'PK\003\004\024\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\021\000\000\000word/document.xml' >letter.docx
{ printf '\320\317\021\340\241\261\032\341'; head -c 120 /dev/zero; printf 'W\000o\000r\000d\000D\000o\000c\000u\000m\000e\000n\000t\000'; } >old.doc
mkdir nothing
PATH=$PWD/nothing "$BIN/rhead" -N report.pdf letter.docx notes.txt old.doc scan.txt
