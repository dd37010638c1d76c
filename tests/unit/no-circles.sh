#!/bin/sh
# no-circles.sh — no two files under the checked directories of src/ call
# each other, directly or round a longer loop.  Edges are cross-file calls
# (and data references) read from the built objects with nm: file A -> B
# when A's object uses a symbol B's object defines.  tsort finds any loop.
# Directories to check: the arguments, else every directory of src/ (the
# program's own objects, main.o included), checked as one graph.
set -u
top_builddir=${top_builddir:-.}
dirs=${*:-src src/answers src/catalog src/config src/model src/params src/report src/tui}
objs=
for d in $dirs; do
	for o in "$top_builddir/$d"/*.o; do
		[ -f "$o" ] && objs="$objs $o"
	done
done
if [ -z "$objs" ]; then
	echo "no-circles: no objects under $dirs in $top_builddir" >&2
	exit 1
fi
# "file symbol" for every global a file defines, "file symbol U" for uses
nm -A $objs 2>/dev/null | awk '
	{ split($1, a, ":"); f = a[1]; sub(".*/src/", "src/", f) }
	$2 ~ /^[TDBRC]$/ { def[$3] = f; next }
	NF == 3 && $2 == "U" { use[++n] = f " " $3 }
	END {
		for (i = 1; i <= n; i++) {
			split(use[i], u, " ")
			if ((u[2] in def) && def[u[2]] != u[1])
				print u[1], def[u[2]]
		}
		for (s in def) print def[s], def[s]   # every file a node
	}' | sort -u >edges.$$
nedges=$(awk '$1 != $2' edges.$$ | wc -l)
if ! tsort edges.$$ >/dev/null 2>loop.$$; then
	echo "no-circles: files that call each other in a loop:" >&2
	cat loop.$$ >&2
	rm -f edges.$$ loop.$$
	exit 1
fi
echo "no-circles: $dirs: $nedges cross-file edges, no loop"
rm -f edges.$$ loop.$$
exit 0
