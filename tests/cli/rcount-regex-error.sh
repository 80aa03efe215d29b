# A pattern PCRE2 rejects: its message and offset (in bytes), exit 2,
# before any input is read.
rcount -e '发展' -e '(两个' missing.txt
