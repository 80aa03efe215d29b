rsplit -u word a.txt
