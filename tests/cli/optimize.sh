#!/bin/sh
# --optimize: the cheapest configuration agrees with a brute force over the
# same space run through --sweep; every answer, fed back through --report,
# fits, meets every SLO and the availability target and costs what the
# search said; caps hold; bad --search input exits 2.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/answers-lib.sh"

q="--set model.name=llama-3.1-70b --set workload.requests_per_day=1000000
   --set workload.ttft_slo_s=2 --set workload.tpot_slo_ms=50"

# --- the search against a brute force over the same space -------------
# (5 accelerators x 4 T x 3 weights x 2 KV x 2 batching x 5 limits x 2
# speculative x 4 spare counts = 9,600 scenarios)
space="--search accelerators=h100-sxm,a100-80g,l40s,gaudi3,mi300x
       --search gpus_per_replica=1,2,4,8 --search weights=bf16,fp8,int4
       --search kv_cache=bf16,fp8 --search batching=continuous,static
       --search max_batch=1,4,16,64,256 --search speculative=off,on
       --search instances=no --search spares=3 --search top=1"
# shellcheck disable=SC2086
expect 0 "the search runs" $q --optimize $space --format csv
cp "$tmp/out" "$tmp/opt.csv"
best=$(awk -F, -v c="$(col "$tmp/opt.csv" monthly_usd)" '$1 == "result" { print $c; exit }' "$tmp/opt.csv")
# shellcheck disable=SC2086
expect 0 "the brute force runs" $q --format csv \
	--sweep hardware.gpu=h100-sxm,a100-80g,l40s,gaudi3,mi300x \
	--sweep hardware.gpus=1,2,4,8 --sweep precision.weights=bf16,fp8,int4 \
	--sweep precision.kv_cache=bf16,fp8 --sweep serving.batching=continuous,static \
	--sweep serving.max_batch=1,4,16,64,256 --sweep serving.speculative=false,true \
	--sweep fleet.spares=0:3:1
cp "$tmp/out" "$tmp/brute.csv"
rows=$(($(wc -l <"$tmp/brute.csv") - 1))
[ "$rows" -eq 9600 ] && ok "the brute force has 9600 scenarios" || fail "brute force rows: $rows"
met=$(col "$tmp/brute.csv" slo.met)
mon=$(col "$tmp/brute.csv" tco.monthly_usd)
brute=$(awk -F, -v m="$met" -v c="$mon" 'NR > 1 && $m == "true" {
	if (best == "" || $c + 0 < best + 0) best = $c } END { print best }' "$tmp/brute.csv")
nmet=$(awk -F, -v m="$met" 'NR > 1 && $m == "true"' "$tmp/brute.csv" | wc -l)
[ "$nmet" -gt 0 ] && ok "the brute force finds $nmet answers" || fail "the brute force finds none"
if same "$best" "$brute"; then ok "search and brute force agree: \$$best/month"
else fail "search \$$best/month, brute force \$$brute/month"; fi

# --- every answer of the full default space, fed back through --report ---
# shellcheck disable=SC2086
expect 0 "the default search runs" $q --optimize --search top=5 --format csv
cp "$tmp/out" "$tmp/top.csv"
n=$(awk -F, '$1 == "result"' "$tmp/top.csv" | wc -l)
[ "$n" -eq 5 ] && ok "five answers" || fail "$n answers, wanted 5"
setc=$(col "$tmp/top.csv" set)
monc=$(col "$tmp/top.csv" monthly_usd)
prev=0
i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	line=$(awk -F, '$1 == "result"' "$tmp/top.csv" | sed -n "${i}p")
	sets=$(echo "$line" | cut -d, -f"$setc")
	month=$(echo "$line" | cut -d, -f"$monc")
	args=""
	for a in $sets; do args="$args --set $a"; done
	# shellcheck disable=SC2086
	run $q $args --report --format csv
	cp "$tmp/out" "$tmp/rep.csv"
	for k in memory.fits slo.ttft_ok slo.tpot_ok slo.e2e_ok; do
		[ "$(report_value "$tmp/rep.csv" $k)" = true ] && ok "answer $i: $k" ||
			fail "answer $i ($sets): $k is $(report_value "$tmp/rep.csv" $k)"
	done
	av=$(report_value "$tmp/rep.csv" fleet.availability)
	tg=$(report_value "$tmp/rep.csv" fleet.availability_target)
	awk -v a="$av" -v t="$tg" 'BEGIN { exit !(a + 0 >= t + 0) }' &&
		ok "answer $i: availability $av >= $tg" || fail "answer $i: availability $av < $tg"
	rm=$(report_value "$tmp/rep.csv" tco.monthly_usd)
	same "$rm" "$month" && ok "answer $i: the report costs \$$rm/month too" ||
		fail "answer $i: report \$$rm/month, search \$$month/month"
	awk -v a="$prev" -v b="$month" 'BEGIN { exit !(b + 0 >= a + 0) }' &&
		ok "answer $i is ranked in order" || fail "answer $i: \$$month below \$$prev"
	prev=$month
done

# --- caps ----------------------------------------------------------------
# shellcheck disable=SC2086
expect 0 "a GPU cap" $q --optimize --search max_gpus=4 --search top=5 --format csv
gc=$(col "$tmp/out" fleet_gpus)
over=$(awk -F, -v c="$gc" '$1 == "result" && $c + 0 > 4' "$tmp/out" | wc -l)
[ "$over" -eq 0 ] && ok "no answer above 4 GPUs" || fail "$over answers above 4 GPUs"
# shellcheck disable=SC2086
expect 0 "an impossible SLO" $q --set workload.tpot_slo_ms=0.5 --optimize
has "$tmp/out" "No configuration" "says no configuration meets it"
has "$tmp/out" "TPOT [0-9.]+ ms at batch 1 \\(SLO 0.5 ms\\)" "says why, with the TPOT it gets"
hasnt "$tmp/out" '\$0\.00' "no \$0 answer"
# shellcheck disable=SC2086
expect 0 "a small model in JSON" $q --set model.name=llama-3.1-8b --optimize --format json --search top=2
has "$tmp/out" '"results": \[' "JSON results"
has "$tmp/out" '"excluded": \[' "JSON exclusions"
# shellcheck disable=SC2086
expect 0 "Markdown" $q --optimize --format markdown --search top=2
has "$tmp/out" '^\| # \| configuration' "a Markdown table"

# --- bad input -------------------------------------------------------------
expect 2 "an unknown --search key" --optimize --search acelerators=h100-sxm
has "$tmp/err" "unknown key 'acelerators'" "names it"
has "$tmp/err" "did you mean 'accelerators'" "suggests the near key"
expect 2 "an unknown accelerator" --optimize --search accelerators=h900
has "$tmp/err" "h900" "names the accelerator"
expect 2 "top=0" --optimize --search top=0
has "$tmp/err" "allowed" "says what is allowed"
expect 2 "a bad objective" --optimize --search objective=cheap
has "$tmp/err" "monthly, reserved, tokens" "lists the objectives"
expect 2 "--search without --optimize" --search top=3
expect 2 "two modes at once" --optimize --sensitivity
empty "$tmp/out" "nothing printed on a usage error"
finish
