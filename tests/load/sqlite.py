"""Dumps the tables of an SQLite database (see compare.py), a column's type
being the typeof() of its values, and counts the rows of each table whose
doc, sect are in its set's para table.
usage: sqlite.py DB TABLES OUTDIR; TABLES lines of NAME<TAB>SET<TAB>FILE"""
import sqlite3
import sys

db, tables, out = sys.argv[1], sys.argv[2], sys.argv[3]
con = sqlite3.connect(db)


def esc(v):
    if v is None:
        return '\\N'
    if isinstance(v, str):
        return v.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
    return repr(v)


rows = [l.split('\t') for l in open(tables, encoding='utf-8').read().splitlines()]
names = {r[0] for r in rows}
joins = []
for name, set_, _ in rows:
    cols = [r[1] for r in con.execute('PRAGMA table_info("%s")' % name)]
    kinds = []
    for c in cols:
        k = sorted(t for (t,) in con.execute('SELECT DISTINCT typeof("%s") FROM "%s" WHERE "%s" IS NOT NULL'
                                             % (c, name, c)))
        kinds.append('|'.join(k) or 'empty')
    with open('%s/%s.dump' % (out, name), 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('\t'.join('%s:%s' % ck for ck in zip(cols, kinds)) + '\n')
        for r in con.execute('SELECT * FROM "%s" ORDER BY rowid' % name):
            fh.write('\t'.join(esc(v) for v in r) + '\n')
    para = set_ + '_para'
    if name != para and para in names and 'sect' in cols:
        (n,), = con.execute('SELECT count(*) FROM "%s" t WHERE EXISTS (SELECT 1 FROM "%s" p '
                            'WHERE p.doc = t.doc AND p.sect = t.sect)' % (name, para))
        joins.append('%s %d\n' % (name, n))
open(out + '/joins', 'w').write(''.join(joins))
