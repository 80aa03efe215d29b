#!/bin/sh
# GNU parallel over the machines of --sshlogin: a packed corpus cut in
# blocks at line ends (--pipepart), each block piped through rmetric on one
# of the machines, the rows gathered in order (-k); counts summed with
# rcount -m.  LOGINS as parallel takes them: 8/alice@node1,8/node2, or ":"
# for this machine without ssh (the binaries must be on each one's PATH).
#   sh parallel-sshlogin.sh corpus.tsv out 4/node1,4/node2
# BAR=1 shows parallel's progress bar on standard error; BLOCK sets the
# block size (default 8M); SSH the command parallel runs instead of ssh.
set -eu
corpus=$1 out=$2 logins=${3:-:}
mkdir -p "$out"
set -- --pipepart -a "$corpus" --block "${BLOCK:-8M}" -k --sshlogin "$logins"
[ -n "${BAR:-}" ] && set -- --bar "$@"
[ -n "${SSH:-}" ] && set -- --ssh "$SSH" "$@"
parallel "$@" rmetric -N --id 1 --text 2 >"$out/amounts.tsv"
parallel "$@" rcount -N -q --by all --id 1 --text 2 | rcount -N -m --by all >"$out/counts.tsv"
