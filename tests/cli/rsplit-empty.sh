: > e.txt; rsplit e.txt; echo "exit $?"
