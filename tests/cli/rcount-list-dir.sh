# A directory given as a pattern, term, dictionary or unit list is an
# error, exit 2, not an empty list.
mkdir d
rcount -f d </dev/null; echo "-f exit $?"
rcount -w d </dev/null; echo "-w exit $?"
rcount -W -D d </dev/null; echo "-D exit $?"
rmetric -U d </dev/null; echo "-U exit $?"
