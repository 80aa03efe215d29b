#!/bin/sh
# Structure of rhead and rsplit output on a corpus file, without report
# text: rhead keeps sect level line marker kind and the title's length in
# bytes; rsplit keeps sect line kind and the text's length.
# usage: tests/golden.sh rhead|rsplit FILE
tool=$1 file=$2
case $tool in
rhead)  rhead -N "$file" | awk -F'\t' 'BEGIN{OFS="\t"} {print $2,$3,$4,$5,$6,length($7)}' ;;
rsplit) rsplit -N "$file" | awk -F'\t' 'BEGIN{OFS="\t"} {print $2,$3,$4,length($5)}' ;;
rsplit-sentence) rsplit -N -u sentence "$file" | awk -F'\t' 'BEGIN{OFS="\t"} {print $2,$3,$4,length($5)}' ;;
esac
