#!/bin/sh
# --sweep: one row per scenario of the grid, every input and the headline
# figures; each row agrees with --report on the same scenario; ranges
# expand as written; bad keys, values and ranges exit 2.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/answers-lib.sh"

expect 0 "a 4 x 2 grid" --sweep serving.max_batch=16:64:16 --sweep hardware.gpus=1,2
cp "$tmp/out" "$tmp/grid.csv"
rows=$(($(wc -l <"$tmp/grid.csv") - 1))
[ "$rows" -eq 8 ] && ok "8 rows" || fail "$rows rows, wanted 8"
keys=$("$INFERTUI" --list-keys | wc -l)
cols=$(head -n 1 "$tmp/grid.csv" | tr ',' '\n' | wc -l)
[ "$cols" -gt "$keys" ] && ok "every input key is a column ($keys keys, $cols columns)" ||
	fail "$cols columns for $keys input keys"
mb=$(col "$tmp/grid.csv" serving.max_batch)
got=$(awk -F, -v c="$mb" 'NR > 1 { printf "%s ", $c }' "$tmp/grid.csv")
[ "$got" = "16 16 32 32 48 48 64 64 " ] && ok "16:64:16 is 16, 32, 48, 64 (last key fastest)" ||
	fail "max_batch column: $got"

# a row against --report on the same scenario
line=$(sed -n 7p "$tmp/grid.csv")      # row 6: max_batch 48, gpus 2
mon=$(echo "$line" | cut -d, -f"$(col "$tmp/grid.csv" tco.monthly_usd)")
tpot=$(echo "$line" | cut -d, -f"$(col "$tmp/grid.csv" latency.tpot_s)")
run --set serving.max_batch=48 --set hardware.gpus=2 --report --format csv
same "$(report_value "$tmp/out" tco.monthly_usd)" "$mon" && ok "the row's \$/month is the report's" ||
	fail "row \$$mon/month, report $(report_value "$tmp/out" tco.monthly_usd)"
same "$(report_value "$tmp/out" latency.tpot_s)" "$tpot" && ok "the row's TPOT is the report's" ||
	fail "row TPOT $tpot, report $(report_value "$tmp/out" latency.tpot_s)"

# a model that does not fit: no fleet, no $0
expect 0 "a grid with a model that does not fit" --sweep model.name=llama-3.1-405b,llama-3.1-8b
fits=$(col "$tmp/out" memory.fits)
mon=$(col "$tmp/out" tco.monthly_usd)
row=$(sed -n 2p "$tmp/out")
[ "$(echo "$row" | cut -d, -f"$fits")" = false ] && ok "405B on one H100 does not fit" || fail "405B fits?"
[ -z "$(echo "$row" | cut -d, -f"$mon")" ] && ok "its \$/month is empty, not 0" ||
	fail "405B \$/month: $(echo "$row" | cut -d, -f"$mon")"
# nor a TPOT or throughput of a replica that cannot be loaded
tp=$(col "$tmp/out" latency.tpot_s)
rp=$(col "$tmp/out" throughput.requests_per_s)
[ -z "$(echo "$row" | cut -d, -f"$tp")" ] && [ -z "$(echo "$row" | cut -d, -f"$rp")" ] &&
	ok "its TPOT and req/s are empty" ||
	fail "405B TPOT '$(echo "$row" | cut -d, -f"$tp")', req/s '$(echo "$row" | cut -d, -f"$rp")'"
row8=$(sed -n 3p "$tmp/out")
[ -n "$(echo "$row8" | cut -d, -f"$tp")" ] && ok "8B's TPOT is there" || fail "8B TPOT empty"

expect 0 "JSON Lines" --sweep serving.max_batch=8,16,32 --format json
[ "$(wc -l <"$tmp/out")" -eq 3 ] && ok "three lines" || fail "$(wc -l <"$tmp/out") lines"
has "$tmp/out" '^\{"model.name": "llama-3.1-8b", ' "each line is an object"
hasnt "$tmp/out" 'nan|inf' "no NaN or inf"
expect 0 "Markdown" --sweep serving.max_batch=8,16 --format markdown
[ "$(wc -l <"$tmp/out")" -eq 4 ] && ok "a header, a rule and two rows" || fail "$(wc -l <"$tmp/out") lines"
expect 0 "no progress line when stderr is not a terminal" --sweep serving.max_batch=1:2000:1
empty "$tmp/err" "stderr stays empty"

expect 2 "an unknown key" --sweep serving.max_bach=1,2
has "$tmp/err" "did you mean 'serving.max_batch'" "suggests the near key"
empty "$tmp/out" "nothing written"
expect 2 "a value out of range" --sweep serving.max_batch=0,4
has "$tmp/err" "serving.max_batch: value '0' out of range \\(allowed: 1 to 65536\\)" "names the key, value and range"
expect 2 "a backwards range" --sweep serving.max_batch=64:16:16
has "$tmp/err" "bad range '64:16:16'" "names the range"
expect 2 "a zero step" --sweep workload.peak_factor=1:2:0
expect 2 "a range over a choice" --sweep serving.batching=1:2:1
has "$tmp/err" "numeric key" "says ranges need numbers"
expect 2 "hex in a range" --sweep serving.max_batch=0x10:64:16
expect 2 "a key given twice" --sweep serving.max_batch=1,2 --sweep serving.max_batch=4
expect 2 "an empty value" --sweep serving.max_batch=1,,2
expect 2 "a grid above a million" --sweep serving.max_batch=1:2000:1 --sweep workload.input_tokens=1:1000:1
has "$tmp/err" "1000000" "says the limit"
finish
