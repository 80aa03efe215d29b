printf "id\tbody\n1\t正文。\n" | rsplit --text content; echo "exit $?"
