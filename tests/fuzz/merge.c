/* rcount -m's table parser (countmerge.c): lines of rcount tables, any
 * shape, headers anywhere.  No sum may wrap: with nothing held at the
 * ceiling the table must hold exactly the counts of the rows taken, and
 * every count is from 0 on; keys and groups come back as stored. */
#include "fuzz.h"
#include "count.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	rk_count table, groups;
	rk_merge m;
	size_t start = 1, i;
	unsigned __int128 want = 0, got = 0;
	int first = 1;
	if (size == 0)
		return 0;
	rk_count_init(&table, data[0] & 0x80 ? 8 : 0);   /* a small --max-keys too */
	rk_count_init(&groups, 0);
	m.table = &table;
	m.groups = &groups;
	m.keep = data[0] % 3 - 1;
	m.fields = 0;
	while (start <= size) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);
		size_t end = nl ? (size_t)(nl - data) : size;
		char *line = malloc(end - start + 1), *count;
		int k;
		FUZZ_ASSERT(line);
		memcpy(line, data + start, end - start);
		line[end - start] = '\0';
		count = strrchr(line, '\t');
		count = count ? strdup(count + 1) : NULL;
		k = rk_merge_line(&m, line, first);
		FUZZ_ASSERT(k >= RK_MERGE_ROW && k <= RK_MERGE_SHAPE);
		FUZZ_ASSERT(m.fields == 0 || (m.fields >= 2 && m.fields <= 4));
		if (k == RK_MERGE_ROW) {
			FUZZ_ASSERT(count && rk_is_digits(count));
			want += (unsigned __int128)strtoull(count, NULL, 10);
		}
		free(count);
		free(line);
		first = 0;
		if (k == RK_MERGE_SHAPE)
			break;
		start = end + 1;
	}
	rk_count_sort(&table, data[0] & 1);
	for (i = 0; i < table.nsorted; i++) {
		FUZZ_ASSERT(table.ent[i].n >= 0);
		FUZZ_ASSERT(table.ent[i].grp < (groups.nent ? groups.nent : 1));
		got += (unsigned __int128)table.ent[i].n;
	}
	for (i = 0; i < groups.nent; i++) {
		size_t len;
		FUZZ_ASSERT(rk_count_key(&groups, i, &len) != NULL);
	}
	FUZZ_ASSERT(table.dropped >= 0);
	if (!table.saturated)
		FUZZ_ASSERT(got + (unsigned __int128)table.dropped == want ||
		            table.dropped == 9223372036854775807L);
	rk_count_free(&table);
	rk_count_free(&groups);
	return 0;
}
