"""rmetric and rcount -q over a packed corpus on a Dask cluster.

The corpus (rsplit -N -u doc: one document a line) is cut into blocks of
about BLOCK bytes, each ending at a line end, so that no document is cut;
each block is piped through the tool on a worker (the workers read their
block from the file: it must be on a file system they all see, with the
binaries on their PATH); the rows come back in block order, the counts are
summed by rcount -m.

    dask scheduler --host 127.0.0.1 --port 8786 &
    dask worker tcp://127.0.0.1:8786 --nworkers 2 --nthreads 1 &
    python3 dask-run.py tcp://127.0.0.1:8786 corpus.tsv out [BLOCK]

The scheduler may be given as the file of dask scheduler --scheduler-file.

With "serial" for the scheduler the same blocks are run here, one after
another, without Dask (what tests/cluster.test runs where Dask is absent).
"""
import os
import subprocess
import sys

AMOUNTS = ['rmetric', '-N', '--id', '1', '--text', '2']
COUNTS = ['rcount', '-N', '-q', '--by', 'all', '--id', '1', '--text', '2']


def blocks(path, size):
    """(start, end) byte ranges of path, each ending after a newline."""
    total = os.path.getsize(path)
    with open(path, 'rb') as f:
        start = 0
        while start < total:
            f.seek(min(start + size, total))
            f.readline()   # on to the end of the line the cut fell in
            end = min(f.tell(), total)
            yield start, end
            start = end


def pipe(cmd, path, start, end):
    """The tool's output on bytes start..end of path."""
    with open(path, 'rb') as f:
        f.seek(start)
        data = f.read(end - start)
    return subprocess.run(cmd, input=data, stdout=subprocess.PIPE, check=True).stdout


def main(scheduler, path, out, size):
    path = os.path.abspath(path)
    os.makedirs(out, exist_ok=True)
    cuts = list(blocks(path, size))
    if scheduler == 'serial':
        amounts = [pipe(AMOUNTS, path, s, e) for s, e in cuts]
        counts = [pipe(COUNTS, path, s, e) for s, e in cuts]
    else:
        from distributed import Client
        where = {'scheduler_file': scheduler} if scheduler.endswith('.json') else {'address': scheduler}
        with Client(**where) as client:
            # pure=False: a block is run again if asked again, not cached
            fa = [client.submit(pipe, AMOUNTS, path, s, e, pure=False) for s, e in cuts]
            fc = [client.submit(pipe, COUNTS, path, s, e, pure=False) for s, e in cuts]
            amounts, counts = client.gather(fa), client.gather(fc)
    with open(os.path.join(out, 'amounts.tsv'), 'wb') as f:
        f.writelines(amounts)
    merged = subprocess.run(['rcount', '-N', '-m', '--by', 'all'], input=b''.join(counts),
                            stdout=subprocess.PIPE, check=True).stdout
    with open(os.path.join(out, 'counts.tsv'), 'wb') as f:
        f.write(merged)
    print('%d blocks' % len(cuts))


if __name__ == '__main__':
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 8 << 20)
