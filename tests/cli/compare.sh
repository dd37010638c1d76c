#!/bin/sh
# --compare: one column per scenario, each the figures --report gives for
# it, and the change against the first; every format; bad scenarios exit 2.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/answers-lib.sh"

expect 0 "three scenarios" -p apac-3region --compare . \
	"hardware.gpu=h200 hardware.gpus=2" per-token-70b-2xa100 --format csv
cp "$tmp/out" "$tmp/cmp.csv"
has "$tmp/cmp.csv" '^figure,base,hardware.gpu=h200 hardware.gpus=2,per-token-70b-2xa100,delta\.' "a column per scenario, then the changes"
# the figures, against --report on each scenario
run -p apac-3region --report --format csv;  cp "$tmp/out" "$tmp/a.csv"
run -p apac-3region --set hardware.gpu=h200 --set hardware.gpus=2 --report --format csv; cp "$tmp/out" "$tmp/b.csv"
run -p per-token-70b-2xa100 --report --format csv; cp "$tmp/out" "$tmp/c.csv"
for k in tco.monthly_usd latency.tpot_s fleet.replicas_total; do
	row=$(awk -F, -v k="$k" '$1 == k' "$tmp/cmp.csv")
	a=$(echo "$row" | cut -d, -f2); b=$(echo "$row" | cut -d, -f3)
	c=$(echo "$row" | cut -d, -f4); db=$(echo "$row" | cut -d, -f5)
	same "$a" "$(report_value "$tmp/a.csv" $k)" && same "$b" "$(report_value "$tmp/b.csv" $k)" &&
	same "$c" "$(report_value "$tmp/c.csv" $k)" && ok "$k as --report gives it" ||
		fail "$k: $a $b $c against the reports"
	d=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.12g", b - a }')
	same "$db" "$d" && ok "$k: the change is the difference" || fail "$k: change $db, wanted $d"
done
has "$tmp/cmp.csv" '^hardware.gpu,a100-40g,h200,a100-80g,' "the inputs that differ are listed"
hasnt "$tmp/cmp.csv" '^serving.kv_manager,' "the inputs that do not differ are not"

expect 0 "text" -p apac-3region --compare . "fleet.spares=2"
has "$tmp/out" '^COMPARE: 2 scenarios' "a heading"
has "$tmp/out" '^fleet.spares +1 +2 +\+1' "the changed input with its change"
expect 0 "JSON" -p apac-3region --compare . "hardware.gpu=h200" --format json
has "$tmp/out" '"figure": "tco.monthly_usd", "base": [0-9.]+, "hardware.gpu=h200": [0-9.]+' "numbers bare"
has "$tmp/out" '"figure": "hardware.gpu", "base": "a100-40g", "hardware.gpu=h200": "h200"' "text quoted"
expect 0 "Markdown" --compare . "serving.max_batch=8" --format markdown
has "$tmp/out" '^\| figure \| base \| serving.max_batch=8 \| change' "a Markdown table"

expect 2 "one scenario is not a comparison" --compare .
expect 2 "a bad key in a scenario" --compare . "serving.max_bach=8"
has "$tmp/err" "serving.max_batch" "suggests the near key"
expect 2 "an unknown preset" --compare . no-such-preset
expect 2 "a preset after a key" --compare . "serving.max_batch=8 apac-3region"
has "$tmp/err" "must come first" "says the order"
expect 2 "positional arguments without --compare" --report apac-3region
finish
