#!/bin/sh
# call-cycles.sh — no circles of calls between the files of a directory:
# file A "calls" file B when A's object uses a symbol B's object defines (nm);
# the graph must have no cycle (tsort finds one).  Directories checked are
# listed below; add one when its circles are gone.
: "${top_builddir:=.}"
command -v nm >/dev/null 2>&1 || { echo "call-cycles: no nm" >&2; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0
for dir in src/tui; do
	set -- "$top_builddir/$dir"/*.o
	[ -e "$1" ] || { echo "call-cycles: no objects in $dir (build first)" >&2; exit 99; }
	: > "$tmp/def"; : > "$tmp/use"
	for o in "$@"; do
		f=$(basename "$o" .o)
		nm --defined-only -g "$o" | awk -v f="$f" 'NF >= 3 { print $3, f }' >> "$tmp/def"
		nm -u "$o" | awk -v f="$f" '{ print $NF, f }' >> "$tmp/use"
	done
	sort -o "$tmp/def" "$tmp/def"
	sort -o "$tmp/use" "$tmp/use"
	# symbol user definer -> "user definer"
	join "$tmp/use" "$tmp/def" | awk '$2 != $3 { print $2, $3 }' | sort -u > "$tmp/edges"
	if tsort "$tmp/edges" > /dev/null 2> "$tmp/err" && ! [ -s "$tmp/err" ]; then
		echo "call-cycles: $dir: $(wc -l < "$tmp/edges") edges (caller callee), no circle"
		sed 's/^/  /' "$tmp/edges"
	else
		echo "call-cycles: $dir has a circle of calls:" >&2
		cat "$tmp/err" "$tmp/edges" >&2
		status=1
	fi
done
exit $status
