# Issue 9: rsplit gives own-line subheadings as heading rows with their
# blocks in their sections.
rsplit "$TESTS/fixtures/subhead-county.txt" | cut -f 2-4
