#!/bin/sh
# call-cycles.sh — no circles of calls between the files of a directory:
# from each object file's undefined and defined symbols (nm), file A "calls"
# file B when A uses a function B defines; the graph must have no cycle.
# Directories checked: those below (add one when its circles are gone).
: "${top_builddir:=.}"
command -v nm >/dev/null 2>&1 || { echo "call-cycles: no nm" >&2; exit 77; }
status=0
for dir in src/tui; do
	objs=$(ls "$top_builddir/$dir"/*.o 2>/dev/null)
	[ -n "$objs" ] || { echo "call-cycles: no objects in $dir (build first)" >&2; exit 99; }
	edges=$(for o in $objs; do
		nm -u "$o" | awk -v f="$(basename "$o" .o)" '{print f, $NF}'
	done | while read -r from sym; do
		for o in $objs; do
			t=$(basename "$o" .o)
			[ "$t" = "$from" ] && continue
			if nm --defined-only -g "$o" | awk '{print $NF}' | grep -qx "$sym"; then
				echo "$from $t"
			fi
		done
	done | sort -u)
	# tsort reports a cycle on stderr
	if ! out=$(printf '%s\n' "$edges" | tsort 2>&1 >/dev/null) || [ -n "$out" ]; then
		echo "call-cycles: $dir has a circle of calls:" >&2
		printf '%s\n' "$out" >&2
		printf 'edges (caller callee):\n%s\n' "$edges" >&2
		status=1
	else
		echo "call-cycles: $dir: $(printf '%s\n' "$edges" | wc -l) edges, no circle"
		printf '%s\n' "$edges" | sed 's/^/  /'
	fi
done
exit $status
