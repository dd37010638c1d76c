#!/bin/sh
# The man pages render and are free of groff warnings.
. "$top_srcdir/tests/cli/lib.sh"
: "${GROFF:=groff}"
if ! command -v "$GROFF" >/dev/null 2>&1; then
	echo "groff is absent (./bootstrap.sh installs groff-base)"; exit 77
fi
for page in "$top_srcdir"/man/*.[1-9]; do
	name=$(basename "$page")
	"$GROFF" -man -ww -z "$page" >"$tmp/warn" 2>&1
	empty "$tmp/warn" "$name has no groff warnings"
	for s in NAME DESCRIPTION; do
		has "$page" "^\.SH \"?$s" "$name has $s"
	done
done
for s in SYNOPSIS OPTIONS FILES ENVIRONMENT "EXIT STATUS"; do
	has "$top_srcdir/man/infertui.1" "^\.SH \"?$s" "infertui.1 has $s"
done
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$top_srcdir/man/infertui.1" >"$tmp/page" 2>"$tmp/err"
	has "$tmp/page" "explore what it costs" "man -l renders infertui.1"
fi
finish
