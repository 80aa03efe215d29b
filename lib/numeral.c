/* Numerals as reports write them: 14614, 1,234.5, ５．５, 一百零五, 两千三百,
 * 二〇三五, 3万5千, 1.25万, 10余万.  Values are exact decimals (rk_dec). */
#include <stdio.h>
#include <string.h>

#include "rkit.h"
#include "metric.h"

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

static inline unsigned
cp_at(const char *s, size_t n, int *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0) {
		*len = 0;
		return 0;
	}
	if (u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	if ((u[0] & 0xF0) == 0xE0 && n >= 3) {
		*len = 3;
		return (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
	}
	return rk_u8dec(s, n, len);
}

static int
arabic_digit(unsigned cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

/* Chinese digit value, or -1. */
static int
cjk_digit(unsigned cp)
{
	switch (cp) {
	case 0x3007: case 0x96F6: return 0;         /* 〇 零 */
	case 0x4E00: return 1;                      /* 一 */
	case 0x4E8C: case 0x4E24: case 0x5169: return 2;   /* 二 两 兩 */
	case 0x4E09: return 3;                      /* 三 */
	case 0x56DB: return 4;                      /* 四 */
	case 0x4E94: return 5;                      /* 五 */
	case 0x516D: return 6;                      /* 六 */
	case 0x4E03: return 7;                      /* 七 */
	case 0x516B: return 8;                      /* 八 */
	case 0x4E5D: return 9;                      /* 九 */
	}
	return -1;
}

/* Power of ten of a multiplier, or 0. */
static int
cjk_unit(unsigned cp)
{
	switch (cp) {
	case 0x5341: return 1;                      /* 十 */
	case 0x767E: return 2;                      /* 百 */
	case 0x5343: return 3;                      /* 千 */
	case 0x4E07: case 0x842C: return 4;         /* 万 萬 */
	case 0x4EBF: case 0x5104: return 8;         /* 亿 億 */
	}
	return 0;
}

/* 廿 (20) and 卅 (30): a digit and 十 in one character. */
static int
cjk_tens(unsigned cp)
{
	return cp == 0x5EFF ? 2 : cp == 0x5345 ? 3 : 0;
}

static unsigned char numtab[0x10000 / 8];
static int numtab_ready;

static void
numtab_set(unsigned cp)
{
	numtab[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

static void
numtab_init(void)
{
	static const unsigned extra[] = {
		0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x5169, 0x4E09, 0x56DB, 0x4E94,
		0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07, 0x842C,
		0x4EBF, 0x5104, 0x5EFF, 0x5345,
	};
	unsigned c;
	size_t i;
	for (c = '0'; c <= '9'; c++)
		numtab_set(c);
	for (c = 0xFF10; c <= 0xFF19; c++)
		numtab_set(c);
	for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
		numtab_set(extra[i]);
	numtab_ready = 1;
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
		cp = cp_at(s + i, n - i, &len);
		d = arabic_digit(cp);
		if (d >= 0) {
			if (digits == 0 && d == 0 && i + (size_t)len < n &&
			    arabic_digit(cp_at(s + i + len, n - i - len, &(int){0})) >= 0)
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
			while (k < 4 && j < n && arabic_digit(cp_at(s + j, n - j, &l2)) >= 0) {
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
	if (digits > 0 && (cp == '.' || cp == 0xFF0E)) {
		run_start = i + (size_t)len;
		if (run_start < n && arabic_digit(cp_at(s + run_start, n - run_start, &len)) >= 0) {
			i = run_start;
			nch++;   /* the point */
			while (i < n && (d = arabic_digit(cp_at(s + i, n - i, &len))) >= 0) {
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

/* 千 before 米 瓦 克 伏 帕 卡 is part of a unit (千米, 千瓦时), as 百 before 分 is
 * (百分点, 百分之). */
static int
unit_follows(unsigned mult, const char *s, size_t n)
{
	int len;
	unsigned next = cp_at(s, n, &len);
	if (mult == 0x5343)
		return next == 0x7C73 || next == 0x74E6 || next == 0x514B || next == 0x4F0F ||
		       next == 0x5E15 || next == 0x5361;
	if (mult == 0x767E)
		return next == 0x5206;
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
	cp = cp_at(s, n, &len);
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
			unsigned nx = k < n ? cp_at(s + k, n - k, &l2) : 0;
			if (k == n || ((unsigned char)s[k] < 0x80 && nx != ',' && nx != '.') ||
			    (nx >= 0x80 && !(nx < 0x10000 && (numtab[nx >> 3] >> (nx & 7) & 1)) &&
			     nx != 0x4F59 && nx != 0x591A && nx != 0xFF0E)) {
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
		cp = cp_at(s + i, n - i, &len);
		/* every digit, Chinese numeral and multiplier is in numtab: most
		 * numerals end at a character that is none of them */
		if (!(cp < 0x10000 && (numtab[cp >> 3] >> (cp & 7) & 1)) && cp != 0x4F59 && cp != 0x591A)
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
				unsigned nx = cp_at(s + i + k, n - i - k, &l2);
				if ((a.flags & RK_NUM_DECIMAL) || !cjk_unit(nx) || cjk_unit(nx) >= last_unit)
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
		if ((d = cjk_digit(cp)) >= 0) {
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
		if ((d = cjk_tens(cp)) != 0) {
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
		if ((d = cjk_unit(cp)) != 0) {
			rk_dec part;
			if (unit_follows(cp, s + i + len, n - i - len))
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
		if ((cp == 0x4F59 || cp == 0x591A) && (has_pending || units) && out->infix < 0) {
			int l2;
			unsigned nx = cp_at(s + i + len, n - i - len, &l2);
			int u = cjk_unit(nx);
			if (u && (!units || u > last_unit) &&
			    !unit_follows(nx, s + i + len + l2, n - i - len - l2)) {
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
