#!/bin/sh
# --help, --version, unknown options and stray arguments (GNU conventions).
. "$top_srcdir/tests/cli/lib.sh"

expect 0 "--help exits 0" --help
for o in --preset --set --report --format --theme --save-preset --check \
         --list-presets --list-gpus --list-models --list-themes --list-keys \
         --help --version; do
	has "$tmp/out" "^ +(-[a-zA-Z], )?$o( |$)" "--help lists $o"
done
empty "$tmp/err" "--help writes nothing to stderr"
expect 0 "-h is --help" -h
has "$tmp/out" "^Usage: infertui" "-h prints the usage"

expect 0 "--version exits 0" --version
has "$tmp/out" "^infertui [0-9]+\.[0-9]+\.[0-9]+$" "--version prints name and version"

expect 2 "an unknown long option exits 2" --frobnicate
has "$tmp/err" "^infertui: unknown option '--frobnicate'" "names the unknown option"
has "$tmp/err" "infertui --help" "points to --help"
empty "$tmp/out" "nothing on stdout for a usage error"

expect 2 "an unknown short option exits 2" -Z
has "$tmp/err" "unknown option '-Z'" "names the short option"

expect 2 "a missing argument exits 2" --preset
has "$tmp/err" "needs an argument" "says the argument is missing"

expect 2 "a stray argument exits 2" --report extra
has "$tmp/err" "unexpected argument 'extra'" "names the stray argument"

expect 2 "an unknown report format exits 2" --report --format yaml
has "$tmp/err" "unknown format 'yaml' \(allowed: text, json, markdown, csv\)" "lists the formats"

expect 2 "--check without files exits 2" --check

# every long option of --help is documented in the man page
"$INFERTUI" --help | grep -Eo -- '--[a-z-]+' | sort -u | while read -r o; do
	grep -q -- "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" "$top_srcdir/man/infertui.1" ||
		echo "undocumented $o"
done >"$tmp/undoc"
empty "$tmp/undoc" "every option of --help is in infertui(1)"
finish
