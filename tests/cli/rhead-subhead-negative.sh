# Issue 9, negatives: short sentences ending with 。 that are not subheadings:
# one alone in its section before its body (with a figure, or a comment such
# as 成绩来之不易。), a lead-in before items, a closing line before a
# heading, a run of short lines at the end.  Outline: the numbered headings and items.
rhead "$TESTS/fixtures/subhead-negative.txt" | sed "s|^[^	]*/||"
