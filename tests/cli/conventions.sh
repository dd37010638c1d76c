#!/bin/sh
# Conventions a packager checks: licence and --version (GNU style), the
# option a missing argument belongs to (as typed), conflicting modes,
# --save-preset -, --help's search path, the configured data directory in
# the installed man pages, and no build path inside the program.
. "$top_srcdir/tests/cli/lib.sh"

# licence: a LICENSE file, and --version names the same licence, GNU style
has "$top_srcdir/LICENSE" "^MIT License$" "LICENSE is the MIT licence"
has "$top_srcdir/LICENSE" "^Copyright \(c\) [0-9]{4} " "LICENSE carries a copyright line"
expect 0 "--version exits 0" --version
has "$tmp/out" "^infertui [0-9]+\.[0-9]+\.[0-9]+$" "--version: name and version first"
has "$tmp/out" "^Copyright \(C\) [0-9]{4} " "--version: a copyright line"
has "$tmp/out" "^License MIT: <https://" "--version: the licence and where to read it"
has "$tmp/out" "NO WARRANTY" "--version: the warranty disclaimer"

# a missing argument names the option as typed
for o in --preset --set --format --theme --save-preset; do
	expect 2 "$o without an argument exits 2" "$o"
	has "$tmp/err" "option '$o' needs an argument" "names $o, not its short form"
done
expect 2 "-p without an argument exits 2" -p
has "$tmp/err" "option '-p' needs an argument" "names -p when -p was typed"
expect 2 "--pre (an abbreviation) without an argument exits 2" --pre
has "$tmp/err" "option '--pre' needs an argument" "names --pre as typed"

# conflicting modes and repeated single-valued options: usage errors
printf '[preset]\ndescription = x\n' > "$tmp/p.ini"
expect 2 "--check with --report" --check --report "$tmp/p.ini"
has "$tmp/err" "--check and --report cannot be combined" "names both modes"
expect 2 "--report with --save-preset" --report --save-preset "$tmp/s.ini"
has "$tmp/err" "--report and --save-preset cannot be combined" "names both modes"
[ ! -e "$tmp/s.ini" ] && ok "nothing saved on a usage error" || fail "a preset was saved"
expect 2 "two --list options" --list-gpus --list-models
has "$tmp/err" "--list-gpus and --list-models cannot be combined" "names both lists"
expect 2 "two --presets" --preset a --preset b --report
has "$tmp/err" "--preset given twice \('a' and 'b'\)" "names both presets"
expect 2 "two --formats" --report --format json --format=csv
has "$tmp/err" "--format given twice" "names --format"
expect 2 "--check with --preset" --check --preset a "$tmp/p.ini"
has "$tmp/err" "--check takes FILEs only" "says what --check takes"
expect 0 "--report twice is one report" --report --report
expect 0 "--set twice applies both" --set serving.max_batch=8 --set serving.max_batch=16 --report --format csv
has "$tmp/out" "serving\.max_batch,16" "the later --set wins"

# --save-preset -: the preset on standard output, complete and valid
expect 0 "--save-preset - exits 0" --set serving.max_batch=48 --save-preset -
has "$tmp/out" "^max_batch = 48" "the preset is on stdout"
[ ! -e ./- ] && ok "no file named '-'" || fail "a file named '-' was written"
cp "$tmp/out" "$tmp/saved.ini"
expect 0 "what --save-preset - wrote passes --check" --check "$tmp/saved.ini"

# a read-only preset is refused, and replaced with --force, its mode kept
expect 0 "a save to a new file" --set serving.max_batch=48 --save-preset "$tmp/ro.ini"
chmod 0440 "$tmp/ro.ini"
cp "$tmp/ro.ini" "$tmp/ro.before"
expect 1 "a save over a read-only file is refused" --set serving.max_batch=12 --save-preset "$tmp/ro.ini"
has "$tmp/err" "ro\.ini: cannot save: the file is read-only .*--force" "names the file, why, and --force"
cmp -s "$tmp/ro.ini" "$tmp/ro.before" && ok "the read-only file is unchanged" || fail "the read-only file changed"
expect 0 "--force replaces it" --set serving.max_batch=12 --save-preset "$tmp/ro.ini" --force
has "$tmp/ro.ini" "^max_batch = 12" "the forced save wrote the new value"
[ "$(stat -c %a "$tmp/ro.ini")" = 440 ] && ok "--force keeps the mode 0440" ||
	fail "--force changed the mode to $(stat -c %a "$tmp/ro.ini")"
expect 2 "--force without --save-preset" --force --report
has "$tmp/err" "--force applies to --save-preset only" "says what --force is for"
empty "$tmp/out" "no report with a misplaced --force"

# --help: the search path of presets and themes, in order
expect 0 "--help exits 0" --help
has "$tmp/out" "^  $XDG_CONFIG_HOME/infertui/presets" "--help: the user's presets dir"
has "$tmp/out" "^  $PKGDATADIR/presets$" "--help: the installed presets dir"
has "$tmp/out" "^  $PKGDATADIR/themes$" "--help: the installed themes dir"
src=$(cd "$top_srcdir" && pwd)
has "$tmp/out" "^  $src/presets  \(the source tree" "--help: the source tree, run from the build tree"

# the installed man pages name the configured data directory
for page in infertui.1 infertui.ini.5; do
	has "$top_builddir/man/gen/$page" "^\.I $PKGDATADIR/presets/" "$page names $PKGDATADIR"
	hasnt "$top_builddir/man/gen/$page" "@[a-z]+@" "$page has no unsubstituted @variable@"
done

# reproducible: no build or source path inside the program; the source
# tree is found through src/infertui-srcdir, which is not installed
# (the data directory may lie under them, as in make distcheck: it may stay)
# (a --coverage build, as make coverage makes, names its .gcda files by
# absolute path: that one is not a build for installing)
if LC_ALL=C grep -aq '\.gcda' "$INFERTUI"; then
	ok "a --coverage build: build paths allowed for its .gcda files"
else for d in "$top_builddir" "$top_srcdir"; do
	d=$(cd "$d" && pwd)
	LC_ALL=C grep -ao -- "$d[[:print:]]*" "$INFERTUI" | grep -vF -- "$PKGDATADIR" > "$tmp/paths"
	if [ -s "$tmp/paths" ]; then
		fail "the program contains the build path $d:"; head -n 5 "$tmp/paths"
	else ok "no $d inside the program"; fi
done; fi
cp "$INFERTUI" "$tmp/infertui-copy"
"$tmp/infertui-copy" --help > "$tmp/copyhelp"
hasnt "$tmp/copyhelp" "source tree" "a copy outside the build tree does not search the source tree"
finish
