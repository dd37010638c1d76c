#!/bin/sh
# The key list of man/infertui.ini.5 agrees with the parameter table: every
# line that tests/unit/dump_params prints (key, unit, range, default) must
# appear, whole, in the page.  Also: the page is clean under groff -ww.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
page="$top_srcdir/man/infertui.ini.5"
dump="$top_builddir/tests/unit/dump_params"
fail=0
[ -r "$page" ] || { echo "missing $page"; exit 1; }
[ -x "$dump" ] || { echo "missing $dump"; exit 1; }
lines=$("$dump") || { echo "dump_params failed"; exit 1; }
n=0
printf '%s\n' "$lines" | {
	while IFS= read -r line; do
		case $line in .TP) continue ;; esac
		n=$((n + 1))
		if ! grep -F -x -q -e "$line" "$page"; then
			echo "man page lacks: $line"
			fail=1
		fi
	done
	echo "checked $n lines of the parameter table against $page"
	exit $fail
} || fail=1
# fleet.regions is a list (not in the table): documented by hand
grep -F -q '.B fleet.regions' "$page" || { echo "man page lacks fleet.regions"; fail=1; }
if [ -n "${GROFF:-}" ] || command -v groff >/dev/null 2>&1; then
	g=${GROFF:-groff}
	out=$("$g" -man -ww -z "$page" 2>&1)
	if [ -n "$out" ]; then
		echo "groff -man -ww -z warns:"
		echo "$out"
		fail=1
	fi
fi
exit $fail
