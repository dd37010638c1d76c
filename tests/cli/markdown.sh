#!/bin/sh
# Markdown: the report carries the charts as tables after its headline
# figures (the same tables --charts writes, the break-even as the report
# has it), and no Markdown output leaves a '$' a renderer with maths
# (GitHub, pandoc) would read as the start of a formula.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/answers-lib.sh"

# the API at $30 / $60 per 1M tokens: the default scenario's fleet breaks
# even with it (the report's CSV says at which volume)
api="--set pricing.api_input_per_m=30 --set pricing.api_output_per_m=60"
expect 0 "the Markdown report" $api --report --format markdown
cp "$tmp/out" "$tmp/r.md"
has "$tmp/r.md" '^## Charts$' "a Charts section"
# after the headline figures: the fleet, the API, the one replica
awk '/^## Fleet/ { f = NR } /^## One replica/ { o = NR } /^## Charts$/ { c = NR }
	END { exit !(f && o && c > f && c > o) }' "$tmp/r.md" &&
	ok "the charts come after the headline figures" || fail "the Charts section is not after the fleet and the replica"
for t in FRONTIER '\\\$/MONTH AGAINST DAILY VOLUME' ROOFLINE; do
	has "$tmp/r.md" "^### $t" "a heading for $t"
done
# every table row of the section is the one --charts writes
expect 0 "--charts in Markdown" $api --charts --format markdown
grep '^|' "$tmp/out" >"$tmp/charts.rows"
sed -n '/^## Charts$/,$p' "$tmp/r.md" | grep '^|' >"$tmp/report.rows"
[ -s "$tmp/charts.rows" ] && cmp -s "$tmp/charts.rows" "$tmp/report.rows" &&
	ok "the report's chart tables are --charts' ($(wc -l <"$tmp/report.rows") rows)" ||
	{ fail "the report's chart tables differ from --charts"; diff "$tmp/charts.rows" "$tmp/report.rows" | head; }
# the volume table is centred on the scenario's 1M req/day (the 7th of
# its 13 rows)
row=$(sed -n '/DAILY VOLUME/,/^break-even/p' "$tmp/r.md" | grep '^| [0-9]' | sed -n 7p)
case "$row" in "| 1,000,000 |"*) ok "the volume table's middle row is 1,000,000 req/day" ;;
	*) fail "the volume table's middle row: '$row'" ;; esac
run $api --report --format csv
be=$(report_value "$tmp/out" api.break_even_requests_per_day)
be_h=$(awk -v b="$be" 'BEGIN { s = sprintf("%.0f", b); n = length(s); o = "";
	for (i = 1; i <= n; i++) { o = o substr(s, i, 1); if ((n - i) % 3 == 0 && i < n) o = o "," } print o }')
has "$tmp/r.md" "^break-even: $be_h req/day" "the break-even is the report's ($be_h req/day)"
# h100-sxm: 989.4 TFLOPS bf16 dense over 3.35 TB/s (the catalog,
# --list-gpus): ridge 989.4/3.35 = 295 FLOP/byte
has "$tmp/r.md" '^### ROOFLINE \(per GPU\): peak 989\.4 TFLOP/s, 3\.35 TB/s, ridge 295 FLOP/byte' "the roofline's ceilings and ridge"
has "$tmp/r.md" '^\| decode \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| memory \|$' "the decode step placed on it"
expect 0 "without an API break-even" -p apac-3region --report --format markdown
has "$tmp/out" '^break-even: none \(the API is cheaper at every volume\)' "says there is none"
expect 0 "a model that does not fit" --set model.name=llama-3.1-405b --report --format markdown
has "$tmp/out" '^break-even: none \(the model does not fit: no fleet\)' "says why there is none"
hasnt "$tmp/out" '\| 0 \|' "no zero in a table"

# no unescaped '$' in any Markdown output; each has at least one escaped
# one, so the check has something to look at
dollars() {   # WHAT ARGS...
	what=$1; shift
	expect 0 "$what in Markdown" "$@" --format markdown || return
	if grep -nE '(^|[^\\])\$' "$tmp/out" >"$tmp/bad"; then
		fail "$what: an unescaped \$"; head -n 3 "$tmp/bad"
	else ok "$what: every \$ escaped"; fi
	grep -q '\\\$' "$tmp/out" && ok "$what: has an escaped \\\$" ||
		fail "$what: no \\\$ at all (nothing checked)"
}
dollars "--report" -p apac-3region --report
dollars "--compare" -p apac-3region --compare . "hardware.gpu=h200"
dollars "--sensitivity" -p apac-3region --sensitivity
dollars "--optimize" -p apac-3region --optimize --search top=3
dollars "--charts" -p apac-3region --charts
# the sweep's Markdown names its figures by key (no '$' to escape); a
# description with one is written back escaped
cat >"$tmp/d.ini" <<'INI'
[preset]
description = "a $2/h budget | tops at $5k"
INI
expect 0 "a sweep" -p "$tmp/d.ini" --sweep serving.max_batch=8,16 --format markdown
hasnt "$tmp/out" '(^|[^\\])\$' "--sweep: no unescaped \$"
dollars "a report whose description has \$" -p "$tmp/d.ini" --report
dollars "--compare of it" -p "$tmp/d.ini" --compare . "serving.max_batch=8"
finish
