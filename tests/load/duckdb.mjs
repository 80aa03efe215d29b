// Loads each table with the DuckDB recipe of rkit(7), through npm's
// @duckdb/node-api, and dumps it (see compare.py), then counts the rows of
// each table whose doc, sect are in its set's para table.
// usage: node duckdb.mjs 'RECIPE' TABLES OUTDIR, RECIPE the read_csv(...)
// call of rkit(7) on 't.csv'; TABLES lines of NAME<TAB>SET<TAB>FILE.csv.
// NODE_PATH-like: RK_DUCKDB names the node_modules holding @duckdb/node-api.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const [recipe, tablesFile, out] = process.argv.slice(2);
const require = createRequire(process.env.RK_DUCKDB + '/');
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const sqlString = (s) => "'" + s.replace(/'/g, "''") + "'";
const esc = (v) => v === null ? '\\N'
	: typeof v === 'string' ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
	: String(v);
const tables = readFileSync(tablesFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
for (const [name, , path] of tables) {
	await c.run(`CREATE TABLE "${name}" AS SELECT * FROM ` + recipe.replace("'t.csv'", sqlString(path)));
	const types = (await c.runAndReadAll(`DESCRIBE "${name}"`)).getRowObjects();
	const rows = (await c.runAndReadAll(`SELECT * FROM "${name}"`)).getRows();
	const lines = [types.map((t) => `${t.column_name}:${t.column_type}`).join('\t')];
	for (const r of rows)
		lines.push(r.map(esc).join('\t'));
	writeFileSync(`${out}/${name}.dump`, lines.join('\n') + '\n');
}
const joins = [];
for (const [name, set] of tables) {
	const para = `${set}_para`;
	if (name === para || !tables.some((t) => t[0] === para))
		continue;
	const cols = (await c.runAndReadAll(`DESCRIBE "${name}"`)).getRowObjects().map((t) => t.column_name);
	if (!cols.includes('sect'))
		continue;
	const n = (await c.runAndReadAll(`SELECT count(*) FROM "${name}" t WHERE EXISTS
		(SELECT 1 FROM "${para}" p WHERE p.doc = t.doc AND p.sect = t.sect)`)).getRows()[0][0];
	joins.push(`${name} ${n}`);
}
writeFileSync(`${out}/joins`, joins.join('\n') + '\n');
