# Issue 9: a portal's text (U+3000 indents) with own-line subheadings, items
# in a subheading's block one level below it, and run-in leads of the same
# level in another section.
rhead "$TESTS/fixtures/subhead-portal.txt" | sed "s|^[^	]*/||"
