# Issue 9: subheadings of that kind directly under 一、 (level 2), one with a
# comma inside, blocks of two paragraphs; the short closing line at the end
# of a block (before 二、) is not one.
rhead "$TESTS/fixtures/subhead-city.txt" | sed "s|^[^	]*/||"
