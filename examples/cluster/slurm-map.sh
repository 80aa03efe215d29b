#!/bin/sh
# Slurm map step: task N of a job array takes the Nth of K pieces of a
# packed corpus (rsplit -N -u doc: one document a line), cut at line ends
# by split -n l/K/N, so that no document is cut, and runs the tools on it.
# Submitted by slurm-submit.sh; by hand:
#   sbatch --array=0-15 slurm-map.sh corpus.tsv out
#SBATCH --job-name=rkit-map
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --output=slurm-%x-%A_%a.out
set -eu
corpus=$1 out=$2
k=${SLURM_ARRAY_TASK_COUNT:?not in a job array}
n=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0} + 1))
piece=$out/piece.$SLURM_ARRAY_TASK_ID
split -n "l/$n/$k" "$corpus" >"$piece"
# amounts: the rows of the whole are the pieces' rows in order
rmetric -N --id 1 --text 2 <"$piece" >"$out/amounts.$SLURM_ARRAY_TASK_ID"
# counts: added up by the reduce step (rcount -m)
rcount -N -q --by all --id 1 --text 2 <"$piece" >"$out/counts.$SLURM_ARRAY_TASK_ID"
rm -f "$piece"
