/* Numerals as reports write them: 14614, 1,234.5, ５．５, 一百零五, 两千三百,
 * 二〇三五, 3万5千, 1.25万, 10余万.  Values are exact decimals (rk_dec). */
#include <stdio.h>
#include <string.h>

#include "rkit.h"
#include "metric.h"
#include "chars.h"

/* ---- exact decimals ------------------------------------------------- */

#define MANT_MAX 1000000000000000000ULL   /* 10^18: room for one more digit */

static int
dec_scale(rk_dec *a, int exp)   /* rewrite a with exponent exp (<= a->exp) */
{
	while (a->exp > exp) {
		if (a->mant > MANT_MAX)
			return 0;
		a->mant *= 10;
		a->exp--;
	}
	return 1;
}

static int
dec_add(rk_dec *a, rk_dec b)
{
	int e;
	if (b.mant == 0)
		return 1;
	if (a->mant == 0) {
		*a = b;
		return 1;
	}
	e = a->exp < b.exp ? a->exp : b.exp;
	if (!dec_scale(a, e) || !dec_scale(&b, e) || a->mant > ~0ULL - b.mant)
		return 0;
	a->mant += b.mant;
	return 1;
}

static rk_dec
dec_int(unsigned long long v)
{
	rk_dec d = { v, 0 };
	return d;
}

int
rk_dec_fmt(rk_dec v, char *buf)
{
	/* digits written backwards from the end of tmp, then copied once */
	char tmp[RK_DEC_MAX + 24];
	char *e = tmp + sizeof tmp, *d = e;
	unsigned long long m = v.mant;
	int exp = v.exp, n, i;

	/* drop trailing zeros of the fraction: 37.80 -> 37.8 */
	while (exp < 0 && m != 0 && m % 10 == 0) {
		m /= 10;
		exp++;
	}
	if (m == 0) {
		buf[0] = '0';
		buf[1] = 0;
		return 1;
	}
	if (exp == 0) {
		/* an integer (every line and col, most values): straight into buf */
		unsigned long long t = m;
		n = 0;
		do
			n++;
		while ((t /= 10) != 0);
		buf[n] = 0;
		d = buf + n;
		do
			*--d = (char)('0' + m % 10);
		while ((m /= 10) != 0);
		return n;
	}
	/* Too long to write out (0.<70 zeros>2, a mantissa times 亿亿亿…):
	 * exponent form, still exact and read by awk, sort -g and SQL.  With at
	 * most 20 digits only exponents past these bounds can come near. */
	if (exp > RK_DEC_MAX - 21 || exp < -(RK_DEC_MAX - 3)) {
		long nd = 0, len;
		unsigned long long t = m;
		do
			nd++;
		while ((t /= 10) != 0);
		len = exp >= 0 ? nd + exp : -(long)exp >= nd ? 2 - (long)exp : nd + 1;
		if (len > RK_DEC_MAX - 1) {
			do
				*--d = (char)('0' + m % 10);
			while ((m /= 10) != 0);
			n = (int)(e - d);
			memcpy(buf, d, (size_t)n);
			return n + snprintf(buf + n, (size_t)(RK_DEC_MAX - n), "e%d", exp);
		}
	}
	if (exp >= 0) {
		do
			*--d = (char)('0' + m % 10);
		while ((m /= 10) != 0);
		n = (int)(e - d);
		memcpy(buf, d, (size_t)n);
		for (i = 0; i < exp && n < RK_DEC_MAX - 1; i++)
			buf[n++] = '0';
	} else {
		int point = -exp, k = 0;   /* digits after the point */
		do {
			*--d = (char)('0' + m % 10);
			if (++k == point)
				*--d = '.';
		} while ((m /= 10) != 0);
		if (k <= point) {
			/* no digit before the point: 0.5, 0.05 */
			for (; k < point; k++)
				*--d = '0';
			if (*d != '.')
				*--d = '.';
			*--d = '0';
		}
		n = (int)(e - d);
		memcpy(buf, d, (size_t)n);
	}
	buf[n] = 0;
	return n;
}

/* ---- characters ----------------------------------------------------- */

static int
arabic_digit(unsigned cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= U'０' && cp <= U'９')
		return (int)(cp - U'０');
	return -1;
}

static unsigned char numtab[0x10000 / 8];
static int numtab_ready;

static void
numtab_set(unsigned cp)
{
	numtab[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

/* The digits and every character of lib/data/numerals.tsv. */
static void
numtab_init(void)
{
	static const char cjk[] = RK_CJK_NUMERALS;
	unsigned c;
	size_t i;
	int len;
	for (c = '0'; c <= '9'; c++)
		numtab_set(c);
	for (c = U'０'; c <= U'９'; c++)
		numtab_set(c);
	for (i = 0; i < sizeof cjk - 1; i += (size_t)len)
		numtab_set(cp_at(cjk, sizeof cjk - 1, i, &len));
	numtab_ready = 1;
}

const unsigned char *
rk_num_bits(void)
{
	if (!numtab_ready)
		numtab_init();
	return numtab;
}

int
rk_num_start(unsigned cp)
{
	if (!numtab_ready)
		numtab_init();
	return cp < 0x10000 && (numtab[cp >> 3] >> (cp & 7) & 1);
}

/* ---- Arabic numbers ------------------------------------------------- */

/* Digits with thousands separators and a decimal point.  Returns bytes. */
static size_t
parse_arabic(const char *s, size_t n, rk_num *out, int *chars)
{
	size_t i = 0, run_start;
	int nch = 0;
	int len, d, group = 0, digits = 0, frac = 0, sig = 0, bad = 0;
	unsigned long long m = 0;
	unsigned cp;

	for (;;) {
		cp = cp_at(s + i, n - i, 0, &len);
		d = arabic_digit(cp);
		if (d >= 0) {
			if (digits == 0 && d == 0 && i + (size_t)len < n &&
			    arabic_digit(cp_at(s + i + len, n - i - len, 0, &(int){0})) >= 0)
				out->flags |= RK_NUM_LEAD_ZERO;
			if (sig < 19) {
				m = m * 10 + (unsigned)d;
				sig += m != 0;
			} else
				bad = 1;
			digits++;
			group++;
			nch++;
			i += (size_t)len;
			continue;
		}
		/* 1,234: a comma then exactly three digits, after a group of at most three */
		if (cp == ',' && digits > 0 && group <= 3 && (group == 3 || !(out->flags & RK_NUM_GROUPED))) {
			size_t j = i + 1;
			int k = 0, l2;
			while (k < 4 && j < n && arabic_digit(cp_at(s + j, n - j, 0, &l2)) >= 0) {
				j += (size_t)l2;
				k++;
			}
			if (k == 3) {
				out->flags |= RK_NUM_GROUPED;
				group = 0;
				nch++;
				i++;
				continue;
			}
		}
		break;
	}
	out->int_digits = digits;
	/* the point: '.' or '．' followed by a digit */
	if (digits > 0 && (cp == '.' || cp == U'．')) {
		run_start = i + (size_t)len;
		if (run_start < n && arabic_digit(cp_at(s + run_start, n - run_start, 0, &len)) >= 0) {
			i = run_start;
			nch++;   /* the point */
			while (i < n && (d = arabic_digit(cp_at(s + i, n - i, 0, &len))) >= 0) {
				if (sig < 19) {
					m = m * 10 + (unsigned)d;
					sig += m != 0;
					frac++;
				} else
					bad = 1;   /* beyond 19 significant digits: a code, not a figure */
				out->frac_digits++;
				nch++;
				i += (size_t)len;
			}
			out->flags |= RK_NUM_DECIMAL;
		}
	}
	if (bad)
		out->flags |= RK_NUM_BAD;
	out->v.mant = m;
	out->v.exp = -frac;
	*chars = nch;
	return i;
}

/* ---- the numeral ---------------------------------------------------- */

/* Units that begin with 千 or 百 given with -U (千焦), beside the built-in
 * ones (rk_mult_units[], from lib/data/units.tsv). */
static const char **mult_units_added;
static size_t nmult_units_added;

void
rk_num_add_unit(const char *unit)
{
	if (strncmp(unit, "千", 3) != 0 && strncmp(unit, "百", 3) != 0)
		return;
	mult_units_added = rk_realloc(mult_units_added,
	                              (nmult_units_added + 1) * sizeof *mult_units_added);
	mult_units_added[nmult_units_added++] = unit;
}

/* 千 or 百 at s is the first character of a unit there (千米, 千瓦时,
 * 百分点), not a multiplier; so is 百 of 百分之 (per cent). */
static int
unit_follows(const char *s, size_t n)
{
	size_t i;
	if (n < 6 || (!has_at(s, n, 0, "千") && !has_at(s, n, 0, "百")))
		return 0;
	if (has_at(s, n, 0, "百分之"))
		return 1;
	for (i = 0; i < RK_NMULT_UNITS + nmult_units_added; i++) {
		const char *u = i < RK_NMULT_UNITS ? rk_mult_units[i] :
		                mult_units_added[i - RK_NMULT_UNITS];
		size_t k = strlen(u);
		if (k <= n && memcmp(s, u, k) == 0)
			return 1;
	}
	return 0;
}

size_t
rk_num_parse(const char *s, size_t n, rk_num *out)
{
	rk_dec total = { 0, 0 }, section = { 0, 0 }, pending = { 0, 0 };
	int has_pending = 0, pending_cjk = 0, units = 0, last_unit = 0, zero = 0;
	int any_digit = 0, ok = 1, chars = 0;
	size_t i = 0;
	unsigned cp;
	int len, d;

	memset(out, 0, sizeof *out);
	out->infix = -1;
	cp = cp_at(s, n, 0, &len);
	if (len == 0 || !rk_num_start(cp))
		return 0;

	/* Most Arabic numerals are plain ASCII integers (2023年, 12个): when the
	 * run of digits ends at a character that cannot go on a numeral (no
	 * separator, point, digit, multiplier or 余/多), the answer is the run,
	 * as the general loop below would give it.  A leading 0 and runs of 19
	 * digits or more (LEAD_ZERO, BAD) take the loop. */
	if (cp - '1' < 9) {
		unsigned long long m = 0;
		size_t k = 0;
		while (k < n && k < 19 && (unsigned)(unsigned char)s[k] - '0' < 10)
			m = m * 10 + (unsigned)((unsigned char)s[k++] - '0');
		if (k < 19) {
			int l2 = 0;
			unsigned nx = k < n ? cp_at(s + k, n - k, 0, &l2) : 0;
			if (k == n || ((unsigned char)s[k] < 0x80 && nx != ',' && nx != '.') ||
			    (nx >= 0x80 && !(nx < 0x10000 && (numtab[nx >> 3] >> (nx & 7) & 1)) &&
			     nx != U'余' && nx != U'多' && nx != U'．')) {
				out->len = k;
				out->v.mant = m;
				out->v.exp = 0;
				out->flags = RK_NUM_ARABIC;
				out->int_digits = (int)k;
				out->nchars = (int)k;
				return k;
			}
		}
	}

	while (i < n) {
		cp = cp_at(s + i, n - i, 0, &len);
		/* every digit, Chinese numeral and multiplier is in numtab: most
		 * numerals end at a character that is none of them */
		if (!(cp < 0x10000 && (numtab[cp >> 3] >> (cp & 7) & 1)) && cp != U'余' && cp != U'多')
			break;
		if (arabic_digit(cp) >= 0) {
			rk_num a;
			size_t k;
			int achars;
			/* Arabic digits start a numeral or follow 万/亿 (3万5千, 1亿5000万),
			 * and then only when a multiplier follows them */
			if (i > 0 && !(units && last_unit >= 4 && !has_pending))
				break;
			memset(&a, 0, sizeof a);
			k = parse_arabic(s + i, n - i, &a, &achars);
			if (i > 0) {
				int l2;
				unsigned nx = cp_at(s + i + k, n - i - k, 0, &l2);
				if ((a.flags & RK_NUM_DECIMAL) || !rk_cjk_mult(nx) || rk_cjk_mult(nx) >= last_unit)
					break;
			}
			out->flags |= RK_NUM_ARABIC | (a.flags & (RK_NUM_DECIMAL | RK_NUM_GROUPED |
			                                            RK_NUM_BAD | RK_NUM_LEAD_ZERO));
			if (i == 0) {
				out->int_digits = a.int_digits;
				out->frac_digits = a.frac_digits;
			}
			pending = a.v;
			has_pending = 1;
			pending_cjk = 0;
			any_digit = 1;
			chars += achars;
			i += k;
			continue;
		}
		if ((d = rk_cjk_digit(cp)) >= 0) {
			if (has_pending && !units) {
				/* digit after digit: positional (二〇三五, 六五) */
				if (!dec_scale(&pending, pending.exp) || pending.mant > MANT_MAX) {
					ok = 0;
					break;
				}
				pending.mant = pending.mant * 10 + (unsigned)d;
				out->flags |= RK_NUM_POSITIONAL;
			} else if (has_pending) {
				out->flags |= RK_NUM_BAD;   /* 十四五, 一百二三 */
				pending.mant = pending.mant * 10 + (unsigned)d;
			} else if (d == 0 && units) {
				zero = 1;                   /* 一百零五 */
			} else {
				pending = dec_int((unsigned)d);
				has_pending = 1;
				pending_cjk = 1;
			}
			any_digit = 1;
			out->flags |= RK_NUM_CJK;
			chars++;
			i += (size_t)len;
			continue;
		}
		if ((d = rk_cjk_tens(cp)) != 0) {
			if (has_pending || (units && last_unit <= 1))
				break;
			if (!dec_add(&section, dec_int((unsigned)d * 10))) {
				ok = 0;
				break;
			}
			units = 1;
			last_unit = 1;
			any_digit = 1;
			out->flags |= RK_NUM_CJK;
			chars++;
			i += (size_t)len;
			continue;
		}
		if ((d = rk_cjk_mult(cp)) != 0) {
			rk_dec part;
			if (unit_follows(s + i, n - i))
				break;
			if (out->flags & RK_NUM_POSITIONAL)
				break;      /* 二〇三五万: not a numeral we know */
			if (d < 4) {
				/* 十 百 千 inside a section, each smaller than the last */
				if (units && last_unit < 4 && d >= last_unit && !has_pending)
					break;
				part = has_pending ? pending : dec_int(1);
				part.exp += d;
				if (!dec_add(&section, part)) {
					ok = 0;
					break;
				}
			} else if (d == 4) {
				if (units && last_unit == 4 && !has_pending)
					break;   /* 万万 */
				if (has_pending && !dec_add(&section, pending)) {
					ok = 0;
					break;
				}
				if (section.mant == 0 && !has_pending)
					section = dec_int(1);
				section.exp += 4;
			} else {
				/* 亿 alone is 10^8, but 0亿 and 零万亿 are zero */
				int alone = !has_pending && !units;
				if (has_pending && !dec_add(&section, pending)) {
					ok = 0;
					break;
				}
				if (!dec_add(&total, section)) {
					ok = 0;
					break;
				}
				if (total.mant == 0 && alone)
					total = dec_int(1);
				total.exp += 8;
				section = dec_int(0);
			}
			has_pending = 0;
			pending = dec_int(0);
			units = 1;
			last_unit = d;
			zero = 0;
			out->flags |= RK_NUM_CJK;
			if (d >= 4)
				out->flags |= RK_NUM_BIGMULT;
			chars++;
			i += (size_t)len;
			continue;
		}
		/* 10余万, 三十多万: an approximation between a number and its multiplier */
		if ((cp == U'余' || cp == U'多') && (has_pending || units) && out->infix < 0) {
			int l2;
			unsigned nx = cp_at(s + i + len, n - i - len, 0, &l2);
			int u = rk_cjk_mult(nx);
			if (u && (!units || u > last_unit) &&
			    !unit_follows(s + i + len, n - i - len)) {
				out->infix = (int)i;
				chars++;
				i += (size_t)len;
				continue;
			}
		}
		break;
	}
	if (i == 0)
		return 0;
	if (has_pending) {
		/* 三千五 = 3500, 两万五 = 25000: a trailing digit counts in the next
		 * lower place, unless 零 came between */
		if (pending_cjk && units && last_unit >= 2 && !zero)
			pending.exp += last_unit == 8 ? 7 : last_unit - 1;
		if (!dec_add(&section, pending))
			ok = 0;
	}
	if (!dec_add(&total, section))
		ok = 0;
	if (!ok)
		out->flags |= RK_NUM_BAD;
	if (!any_digit)
		out->flags |= RK_NUM_BARE;
	out->v = total;
	out->len = i;
	out->nchars = chars;
	return i;
}
