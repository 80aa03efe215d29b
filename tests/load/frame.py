"""Loads each table with the pandas recipe of rkit(7) and dumps it (see
compare.py), then counts the rows of each table whose doc, sect are in its
set's para table.
usage: frame.py 'RECIPE' TABLES OUTDIR, RECIPE the pd.read_csv(...) call of
rkit(7) on 't.csv'; TABLES lines of NAME<TAB>SET<TAB>FILE.csv"""
import math
import sys

import pandas as pd

recipe, tables, out = sys.argv[1], sys.argv[2], sys.argv[3]


def esc(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return '\\N'
    if isinstance(v, str):
        return v.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
    return repr(v)


loaded = {}
for line in open(tables, encoding='utf-8').read().splitlines():
    name, set_, path = line.split('\t')
    t = eval(recipe.replace("'t.csv'", repr(path)), {'pd': pd})
    loaded[name] = (set_, t)
    with open('%s/%s.dump' % (out, name), 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('\t'.join('%s:%s' % (c, t[c].dtype) for c in t.columns) + '\n')
        for row in t.itertuples(index=False):
            fh.write('\t'.join(esc(v) for v in row) + '\n')
with open(out + '/joins', 'w') as fh:
    for name, (set_, t) in loaded.items():
        para = loaded.get(set_ + '_para')
        if para is None or 'sect' not in t.columns or name == set_ + '_para':
            continue
        keys = para[1][['doc', 'sect']].drop_duplicates()
        fh.write('%s %d\n' % (name, len(t[['doc', 'sect']].merge(keys, on=['doc', 'sect']))))
