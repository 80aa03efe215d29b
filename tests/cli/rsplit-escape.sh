printf "一、反斜杠\\\\和\\t制表符\n" | rsplit -N
