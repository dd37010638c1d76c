#!/bin/sh
# --list-presets (and so the explorer's p list) marks a user copy that hides
# a shipped preset of the same name, and only that one.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/infertui/presets" || exit 99
cp "$top_srcdir/presets/apac-3region.ini" "$tmp/infertui/presets/" || exit 99
cp "$top_srcdir/tests/tui/screen.ini" "$tmp/infertui/presets/" || exit 99
out=$(XDG_CONFIG_HOME="$tmp" "$top_builddir/src/infertui" --list-presets) || exit 1
fail=0
echo "$out" | grep -q '^apac-3region .*\[your copy, hides the shipped one\]' ||
	{ echo "FAIL: the user's apac-3region is not marked"; fail=1; }
echo "$out" | grep '^screen ' | grep -q 'hides' &&
	{ echo "FAIL: a preset with no shipped twin is marked"; fail=1; }
echo "$out" | grep '^finserv-after ' | grep -q 'hides' &&
	{ echo "FAIL: a shipped preset with no user copy is marked"; fail=1; }
echo "$out"
exit $fail
