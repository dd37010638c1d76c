#!/bin/sh
# --charts: the frontier's last point is the report's replica at its
# batch, the volume chart's middle point is the report's fleet and API
# month, the roofline's ridge is the accelerator's peak over its
# bandwidth; every format.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/answers-lib.sh"

expect 0 "charts in CSV" -p apac-3region --charts --format csv
cp "$tmp/out" "$tmp/c.csv"
run -p apac-3region --report --format csv
cp "$tmp/out" "$tmp/r.csv"
v() { awk -F, -v c="$1" -v p="$2" -v k="$3" '$1 == c && $2 == p && $3 == k { print $4 }' "$tmp/c.csv"; }
last=$(awk -F, '$1 == "frontier" { n = $2 } END { print n }' "$tmp/c.csv")
[ "$(v frontier "$last" batch)" = "$(report_value "$tmp/r.csv" memory.batch)" ] &&
	ok "the frontier ends at the report's batch" || fail "frontier ends at batch $(v frontier "$last" batch)"
tok=$(awk -v a="$(v frontier "$last" gpu_tok_s)" 'BEGIN { printf "%.12g", a * 8 }')
# (the frontier ends at the max batch: the report's at_max_batch point;
# its headline figures are at the operating batch, where the fleet is priced)
same "$tok" "$(report_value "$tmp/r.csv" at_max_batch.output_tokens_per_s)" &&
	ok "8 GPUs x its tok/s per GPU is the report's output tok/s at max batch" ||
	fail "frontier $tok tok/s against the report's $(report_value "$tmp/r.csv" at_max_batch.output_tokens_per_s)"
utok=$(awk -v t="$(report_value "$tmp/r.csv" at_max_batch.tpot_s)" 'BEGIN { printf "%.12g", 1 / t }')
same "$(v frontier "$last" user_tok_s)" "$utok" && ok "tok/s per user is 1/TPOT" ||
	fail "user tok/s $(v frontier "$last" user_tok_s), 1/TPOT $utok"
same "$(v volume 7 requests_per_day)" 500000 && ok "the volume chart is centred on the scenario" ||
	fail "volume point 7: $(v volume 7 requests_per_day)"
same "$(v volume 7 fleet_usd_month)" "$(report_value "$tmp/r.csv" tco.monthly_usd)" &&
	ok "there, the fleet's month is the report's" || fail "fleet month $(v volume 7 fleet_usd_month)"
api=$(awk -v d="$(report_value "$tmp/r.csv" api.daily_usd)" 'BEGIN { printf "%.12g", d * 365 / 12 }')
same "$(v volume 7 api_usd_month)" "$api" && ok "and the API's month is 365/12 of its day" ||
	fail "API month $(v volume 7 api_usd_month), wanted $api"
# a100-40g: 312 TFLOPS bf16 over 1.555 TB/s (the catalog, --list-gpus)
ridge=$(awk 'BEGIN { printf "%.12g", 312e12 / 1.555e12 }')
same "$(v roofline '' ridge)" "$ridge" && ok "the ridge is peak over bandwidth" ||
	fail "ridge $(v roofline '' ridge), wanted $ridge"

expect 0 "text" -p apac-3region --charts
has "$tmp/out" '^FRONTIER' "the frontier"
has "$tmp/out" '^ROOFLINE' "the roofline"
has "$tmp/out" '^decode .* memory$' "the decode step is memory-bound"
expect 0 "Markdown" -p apac-3region --charts --format markdown
has "$tmp/out" '^\| batch \| tok/s per user' "a Markdown table"
expect 0 "JSON" --charts --format json
has "$tmp/out" '"roofline": \{"peak_flops": ' "JSON"
expect 0 "a model that does not fit" --set model.name=llama-3.1-405b --charts
has "$tmp/out" 'does not fit' "says so"
hasnt "$tmp/out" ' 0$' "no zero points"
finish
