# Issue 9, subheadings that lost their bold: short run-in subheadings set as
# paragraphs of their own ending with 。, each before its own block, are
# headings one level below the （一） above them; the short 请予审议。 line
# before a heading is not one.
rhead "$TESTS/fixtures/subhead-county.txt" | sed "s|^[^	]*/||"
