# tests/cli/answers-lib.sh — CSV helpers for the answers' tests (sourced
# after lib.sh).  The tables they read carry no quoted commas in the
# columns asked for.

# col FILE NAME: the 1-based index of column NAME in FILE's header
col() {
	head -n 1 "$1" | tr ',' '\n' | awk -v k="$2" '$0 == k { print NR; exit }'
}

# report_value CSVREPORT KEY: a --report --format csv value
report_value() {
	awk -F, -v k="$2" '$1 == k { print $2; exit }' "$1"
}

# same A B: two numbers agree to 1e-9 relative
same() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		d = a - b; if (d < 0) d = -d; m = a < 0 ? -a : a
		exit !(a != "" && b != "" && d <= 1e-9 * (m > 1 ? m : 1)) }'
}
