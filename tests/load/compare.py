"""Checks a table as a reader loaded it against the rkit TSV it came from.

usage: compare.py REF.tsv DUMP NUMERIC-COLUMNS     (a dump, as below)
       compare.py --miller REF.tsv VALUES.json TYPES.json NUMERIC-COLUMNS
       compare.py --csv REF.tsv T.csv              (the same table in CSV)
       compare.py --semijoin REF.tsv PARA.tsv      (rows of REF whose doc, sect
                                                    are in PARA: the join's answer)
A dump is what a reader's script wrote back: a line of NAME:TYPE (the
reader's own type names), then the rows, fields escaped as rkit's TSV (\\t
\\n \\r \\\\) with \\N for a missing value.  NUMERIC-COLUMNS is a comma list
(may be empty).  Checks: the same columns and rows; numbers are of a
numeric type and equal; sect and every other text column of text type,
and equal byte for byte (a missing text counts as the empty text: CSV and
the typed readers do not keep them apart); a column that is empty in
every row may have any type.  Prints nothing and exits 0 when all holds,
else one line saying where it first fails.
"""
import json
import sys

NUMERIC = {'int64', 'float64', 'Int64', 'integer', 'numeric', 'double', 'BIGINT', 'DOUBLE',
           'INTEGER', 'HUGEINT', 'DECIMAL', 'real', 'int', 'float', 'empty', 'number'}
TEXT = {'object', 'string', 'str', 'character', 'VARCHAR', 'text'}


def unescape(f):
    if f == '\\N':
        return None
    if '\\' not in f:
        return f
    out, i = [], 0
    while i < len(f):
        c = f[i]
        if c == '\\' and i + 1 < len(f):
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}.get(f[i + 1], '\\' + f[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def read_tsv(path, typed=False):
    with open(path, encoding='utf-8', newline='\n') as fh:
        lines = fh.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    head = lines[0].split('\t')
    types = None
    if typed:
        head, types = zip(*(h.rsplit(':', 1) for h in head))
    return list(head), types, [[unescape(f) for f in l.split('\t')] for l in lines[1:]]


def number(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def check(names, ref, got_names, got_types, got, numeric, loose_text=False):
    if list(got_names) != names:
        return 'columns %s, want %s' % (','.join(got_names), ','.join(names))
    if len(got) != len(ref):
        return '%d rows, want %d' % (len(got), len(ref))
    for c, name in enumerate(names):
        empty = all(r[c] in (None, '') for r in ref)
        t = got_types[c]
        kinds = set(t.split('|'))
        if name in numeric:
            if not empty and not kinds <= NUMERIC:
                return 'column %s is %s, not a number' % (name, t)
        elif not empty and not (loose_text and name != 'sect') and not kinds <= TEXT:
            return 'column %s is %s, not text' % (name, t)
    for i, (r, g) in enumerate(zip(ref, got)):
        if len(g) != len(names):
            return 'row %d: %d fields' % (i + 1, len(g))
        for c, name in enumerate(names):
            want, have = r[c], g[c]
            if name in numeric:
                if (want is None) != (have is None or have == ''):
                    return 'row %d %s: %r, want %r' % (i + 1, name, have, want)
                if want is not None:
                    w, h = float(want), number(have)
                    if h is None or abs(w - h) > 1e-12 * max(1.0, abs(w)):
                        return 'row %d %s: %r, want %r' % (i + 1, name, have, want)
            elif (want or '') != (have or ''):
                return 'row %d %s: %r, want %r' % (i + 1, name, (have or '')[:60], (want or '')[:60])
    return ''


def main(argv):
    if argv[1] == '--semijoin':
        names, _, ref = read_tsv(argv[2])
        pn, _, para = read_tsv(argv[3])
        keys = {(r[pn.index('doc')], r[pn.index('sect')]) for r in para}
        d, s = names.index('doc'), names.index('sect')
        print(sum((r[d], r[s]) in keys for r in ref))
        return 0
    if argv[1] == '--csv':
        # the CSV of a table, read by Python's csv module, against its TSV
        import csv
        csv.field_size_limit(sys.maxsize)   # a document of the packed form is one field
        names, _, ref = read_tsv(argv[2])
        with open(argv[3], encoding='utf-8', newline='') as fh:
            rows = list(csv.reader(fh))
        why = check(names, ref, rows[0], ['text'] * len(names), rows[1:], set())
    elif argv[1] == '--miller':
        names, _, ref = read_tsv(argv[2])
        keep = lambda s: s
        with open(argv[3], encoding='utf-8') as fh:
            vals = json.load(fh, parse_float=keep, parse_int=keep)
        with open(argv[4], encoding='utf-8') as fh:
            types = json.load(fh)
        numeric = set(filter(None, argv[5].split(',')))
        got_names = list(vals[0].keys()) if vals else names
        got = [[str(v) if v is not None else None for v in row.values()] for row in vals]
        # Miller types each value; a whole number over 2^63 - 1 it reads as
        # text (Miller 6.6; rkit(7) says so), and its type is not held against it
        huge = lambda v: v is not None and v.isdigit() and int(v) > 2**63 - 1
        got_types = ['|'.join(sorted({t[n] for t, r in zip(types, ref)
                                      if not (n in numeric and huge(r[names.index(n)]))}) or {'empty'})
                     if n in names else 'empty' for n in got_names]
        why = check(names, ref, got_names, got_types, got, numeric, loose_text=True)
    else:
        names, _, ref = read_tsv(argv[1])
        got_names, got_types, got = read_tsv(argv[2], typed=True)
        why = check(names, ref, got_names, got_types, got, set(filter(None, argv[3].split(','))))
    if why:
        print(why)
        return 1
    return 0


sys.exit(main(sys.argv))
