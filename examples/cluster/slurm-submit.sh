#!/bin/sh
# Runs rmetric and rcount -q over a packed corpus on a Slurm cluster: a job
# array of K map tasks, then a reduce job that waits for all of them
# (--dependency=afterok).  OUT must be on a file system every node sees.
#   rsplit -N -u doc corpus/*.txt > corpus.tsv
#   sh slurm-submit.sh corpus.tsv 16 out    # then out/amounts.tsv, out/counts.tsv
# The binaries must be on the nodes' PATH; SBATCH_ARGS adds options to both
# jobs (--partition=..., --time=...).  Prints the two job ids.
set -eu
corpus=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") k=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
# shellcheck disable=SC2086
map=$(sbatch --parsable ${SBATCH_ARGS:-} --array=0-$((k - 1)) --chdir="$out" \
	"$here/slurm-map.sh" "$corpus" "$out")
map=${map%%;*}
# shellcheck disable=SC2086
reduce=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency=afterok:"$map" --chdir="$out" \
	"$here/slurm-reduce.sh" "$k" "$out")
echo "$map ${reduce%%;*}"
