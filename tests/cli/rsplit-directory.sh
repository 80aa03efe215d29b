mkdir d; rsplit -N d; echo "exit $?"
