#!/bin/sh
# Slurm reduce step, run once every task of the map array has ended well
# (--dependency=afterok): the amounts joined in task order, the counts
# summed by rcount -m.
#   sbatch --dependency=afterok:JOBID slurm-reduce.sh K out
#SBATCH --job-name=rkit-reduce
#SBATCH --ntasks=1
#SBATCH --output=slurm-%x-%j.out
set -eu
k=$1 out=$2
i=0
: >"$out/amounts.tsv"
while [ $i -lt "$k" ]; do
	cat "$out/amounts.$i" >>"$out/amounts.tsv"
	i=$((i + 1))
done
i=0
set --
while [ $i -lt "$k" ]; do
	set -- "$@" "$out/counts.$i"
	i=$((i + 1))
done
rcount -N -m --by all "$@" >"$out/counts.tsv"
