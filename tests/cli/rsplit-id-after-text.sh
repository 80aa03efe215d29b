printf "body\tid\n正文。\t1\n" | rsplit --text body --id id; echo "exit $?"
