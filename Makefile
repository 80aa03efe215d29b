# rkit - see README.md.  Plain make: a helper library, then one binary per cmd/*.c.

VERSION != sed -n 's/^\#define RKIT_VERSION "\(.*\)"/\1/p' lib/rkit.h

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DESTDIR =

CC = cc
PKG_CONFIG = pkg-config
CFLAGS = -O2 -g -Wall -Wextra
LDFLAGS =
# CI sets WERROR=-Werror
WERROR =
PCRE2_CFLAGS != $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null || true
PCRE2_LIBS != $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8
ICONV_LIBS != sh mk/iconv-libs "$(CC)"

ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread $(CFLAGS) $(WERROR) $(PCRE2_CFLAGS) -Ilib -I$(GEN)
ALL_LIBS = $(PCRE2_LIBS) $(ICONV_LIBS) -pthread

# B is the build directory: . for the normal build, asan for the sanitizer one.
B = .
LIBSRC != echo lib/*.c
CMDSRC != echo cmd/*.c
UNITSRC != echo tests/unit/*.c
HDR != echo lib/*.h
LIBOBJ = $(LIBSRC:lib/%.c=$(B)/obj/%.o)
BINS = $(CMDSRC:cmd/%.c=$(B)/bin/%)
UNITS = $(UNITSRC:tests/unit/%.c=$(B)/obj/unit-%)
# C tables made from the data files at build time (mk/tables.awk)
GEN = $(B)/obj/gen
WORDS != echo lib/data/words/*.tsv
GENHDR = $(GEN)/numerals.h $(GEN)/lexicon.h $(GEN)/cues.h
MAN1 != echo man/*.1
MAN7 != echo man/*.7

ASAN_CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -Wall -Wextra

all: $(BINS)

$(B)/obj/%.o: lib/%.c $(HDR) $(GENHDR)
	@mkdir -p $(B)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(GEN)/numerals.h: lib/data/numerals.tsv lib/data/units.tsv mk/tables.awk
	@mkdir -p $(GEN)
	LC_ALL=C awk -v out=numerals -f mk/tables.awk lib/data/numerals.tsv lib/data/units.tsv >$@.tmp
	mv $@.tmp $@

$(GEN)/lexicon.h: lib/data/units.tsv $(WORDS) mk/tables.awk
	@mkdir -p $(GEN)
	LC_ALL=C awk -v out=lexicon -f mk/tables.awk lib/data/units.tsv $(WORDS) >$@.tmp
	mv $@.tmp $@

$(GEN)/cues.h: lib/data/cues.tsv mk/tables.awk
	@mkdir -p $(GEN)
	LC_ALL=C awk -v out=cues -f mk/tables.awk lib/data/cues.tsv >$@.tmp
	mv $@.tmp $@

$(GEN)/examples.h: lib/data/numerals.tsv lib/data/units.tsv $(WORDS) mk/tables.awk
	@mkdir -p $(GEN)
	LC_ALL=C awk -v out=examples -f mk/tables.awk lib/data/numerals.tsv lib/data/units.tsv $(WORDS) >$@.tmp
	mv $@.tmp $@

$(B)/obj/librkit.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(B)/bin/%: cmd/%.c $(B)/obj/librkit.a $(HDR) $(GENHDR)
	@mkdir -p $(B)/bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/obj/librkit.a $(ALL_LIBS)

$(B)/obj/unit-%: tests/unit/%.c $(B)/obj/librkit.a $(HDR) $(GENHDR) $(GEN)/examples.h tests/unit/unit.h
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< $(B)/obj/librkit.a $(ALL_LIBS)

units: $(UNITS)

asan:
	$(MAKE) B=asan CFLAGS="$(ASAN_CFLAGS)" LDFLAGS="-fsanitize=address,undefined" all units

# Runs every test on the normal build and again on the sanitizer build;
# the last line is "N passed, N failed, N skipped".
check: all units asan
	sh tests/run . asan

# Long fuzz campaigns (tests/fuzz/run): each target in FUZZ_TARGETS (default
# all) for FUZZ_SECONDS, one after another on one core, the corpora kept in
# FUZZ_DIR so that the next campaign goes on from them.  make check runs
# each for 60 s only.
FUZZ_SECONDS = 1800
FUZZ_DIR = $(CURDIR)/fuzz-work
FUZZ_TARGETS =
fuzz: all
	RK_FUZZ_SECONDS=$(FUZZ_SECONDS) RK_FUZZ_DIR=$(FUZZ_DIR) sh tests/fuzz/run $(FUZZ_TARGETS)

bench: all
	sh tests/bench

demo: all
	@sh examples/demo

deps:
	@sh mk/deps

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	cp -f $(BINS) $(DESTDIR)$(BINDIR)/
	cp -f $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp -f $(MAN7) $(DESTDIR)$(MANDIR)/man7/

uninstall:
	for f in $(BINS); do rm -f $(DESTDIR)$(BINDIR)/$${f##*/}; done
	for f in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${f##*/}; done
	for f in $(MAN7); do rm -f $(DESTDIR)$(MANDIR)/man7/$${f##*/}; done

clean:
	rm -rf bin obj asan tests/out

.PHONY: all units asan check fuzz bench demo deps install uninstall clean
