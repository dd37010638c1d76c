#!/bin/sh
# Headless screen tests: every tests/tui/cases/NAME.case is run through
# screen_dump (the explorer's core on a fake terminal) and its screen is
# compared with tests/tui/expected/NAME.txt.
#   tests/tui/screens.sh            compare (make check)
#   tests/tui/screens.sh --regen    rewrite the expected files (then READ
#                                   them: git diff tests/tui/expected)
# The numbers on the screens come from the model and the catalog: when those
# change on purpose, regenerate and check the diff by eye.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
export top_srcdir
DUMP="$top_builddir/tests/tui/screen_dump"
[ -x "$DUMP" ] || { echo "screens.sh: $DUMP not built" >&2; exit 99; }

# a private configuration directory holding the two test presets: the
# picker lists those (the shipped ones are not in a test program's search
# path), and nothing is saved into the user's home
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
XDG_CONFIG_HOME="$tmp/config"; export XDG_CONFIG_HOME
fresh_config() {   # before each case: what a save in an earlier case wrote goes
	rm -rf "$XDG_CONFIG_HOME"
	mkdir -p "$XDG_CONFIG_HOME/infertui/presets" || exit 99
	cp "$top_srcdir/tests/tui/screen.ini" "$top_srcdir/tests/tui/screen-8b.ini" \
		"$XDG_CONFIG_HOME/infertui/presets/" || exit 99
	# writable, as a user's own presets are (make distcheck's source tree
	# is read-only, and a save keeps the file's mode)
	chmod u+w "$XDG_CONFIG_HOME/infertui/presets/"*.ini || exit 99
	mkdir -p "$XDG_CONFIG_HOME/infertui/themes" || exit 99
	cp "$top_srcdir/themes/high-contrast.ini" "$XDG_CONFIG_HOME/infertui/themes/" ||
		exit 99
}
HOME="$tmp"; export HOME
unset NO_COLOR

regen=no
[ "$1" = --regen ] && regen=yes
fail=0
n=0
for c in "$top_srcdir"/tests/tui/cases/*.case; do
	name=$(basename "$c" .case)
	exp="$top_srcdir/tests/tui/expected/$name.txt"
	n=$((n + 1))
	fresh_config
	if ! "$DUMP" "$c" > "$tmp/$name.txt" 2> "$tmp/$name.err"; then
		echo "FAIL $name: screen_dump failed"; cat "$tmp/$name.err"
		fail=$((fail + 1))
		continue
	fi
	if [ $regen = yes ]; then
		cp "$tmp/$name.txt" "$exp"
		echo "wrote $exp"
	elif ! diff -u "$exp" "$tmp/$name.txt"; then
		echo "FAIL $name: screen differs from $exp"
		fail=$((fail + 1))
	else
		echo "ok $name"
	fi
	if [ "$name" = pick-theme-80x24 ] &&
	   [ "$(cat "$XDG_CONFIG_HOME/infertui/theme" 2>/dev/null)" != high-contrast ]; then
		echo "FAIL $name: the chosen theme is not remembered"
		fail=$((fail + 1))
	fi
	if [ "$name" = save-ok-80x24 ] &&
	   ! [ -s "$XDG_CONFIG_HOME/infertui/presets/my-scenario.ini" ]; then
		echo "FAIL $name: no preset file written"
		fail=$((fail + 1))
	fi
done
[ $n -gt 0 ] || { echo "screens.sh: no cases" >&2; exit 99; }
echo "$((n - fail))/$n screens as expected"
[ $fail -eq 0 ]
