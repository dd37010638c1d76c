#!/bin/sh
# --sensitivity: each row's figures are --report's with that input moved
# by 10 %; rows are ranked by the swing of $/month; every format.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/answers-lib.sh"

expect 0 "sensitivity in CSV" -p apac-3region --sensitivity --format csv
cp "$tmp/out" "$tmp/s.csv"
has "$tmp/s.csv" '^key,value,low,high,monthly_usd_low,monthly_usd_high,monthly_swing' "the columns"
# the price: $/month moves by exactly 10 % each way
row=$(awk -F, '$1 == "hardware.gpu_hour_usd"' "$tmp/s.csv")
lo=$(echo "$row" | cut -d, -f3); mlo=$(echo "$row" | cut -d, -f5)
run -p apac-3region --set hardware.gpu_hour_usd="$lo" --report --format csv
same "$(report_value "$tmp/out" tco.monthly_usd)" "$mlo" && ok "the price at -10% is --report's" ||
	fail "price -10%: $mlo against $(report_value "$tmp/out" tco.monthly_usd)"
same "$(echo "$row" | cut -d, -f7)" 0.1 && ok "a 10% price moves \$/month 10%" ||
	fail "price swing $(echo "$row" | cut -d, -f7)"
# spares 1 -> 2 (a whole number moves by at least one)
row=$(awk -F, '$1 == "fleet.spares"' "$tmp/s.csv")
[ "$(echo "$row" | cut -d, -f3,4)" = "0,2" ] && ok "spares 1 moves to 0 and 2" || fail "spares row: $row"
run -p apac-3region --set fleet.spares=2 --report --format csv
same "$(report_value "$tmp/out" tco.monthly_usd)" "$(echo "$row" | cut -d, -f6)" &&
	ok "spares 2 is --report's" || fail "spares 2: $row"
# ranked by the swing
awk -F, 'NR > 1 && $7 != "" { if (p != "" && $7 + 0 > p + 0) bad = 1; p = $7 } END { exit bad }' "$tmp/s.csv" &&
	ok "ranked by the swing of \$/month" || fail "not ranked"
hasnt "$tmp/s.csv" '^model\.' "the model's shape is not an assumption"

expect 0 "text" -p apac-3region --sensitivity
has "$tmp/out" '^SENSITIVITY' "a heading"
has "$tmp/out" '^hardware.gpu_hour_usd +4.09625 +3.68663 +4.50588 .* #+$' "a tornado bar"
expect 0 "JSON" --sensitivity --format json
has "$tmp/out" '^\[' "a JSON array"
expect 0 "Markdown" --sensitivity --format markdown
has "$tmp/out" '^\| input \| value \| low \| high' "a Markdown table"
finish
