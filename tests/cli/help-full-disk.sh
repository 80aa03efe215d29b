# --help and --version into a full disk fail with a message, exit 1.
for t in rsplit rhead rmetric rcount; do
	"$BIN/$t" --help >/dev/full; echo "$t --help exit $?"
	"$BIN/$t" --version >/dev/full; echo "$t --version exit $?"
done
