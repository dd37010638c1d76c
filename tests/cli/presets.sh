#!/bin/sh
# Every shipped preset loads, validates and reports; finding presets by name.
. "$top_srcdir/tests/cli/lib.sh"

n=0
for f in "$top_srcdir"/presets/*.ini; do
	name=$(basename "$f" .ini)
	n=$((n + 1))
	expect 0 "$name: text report" --preset "$name" --report || continue
	# user-facing text names the article, never "the seed" (issue 11)
	hasnt "$tmp/out" "[Ss][Ee][Ee][Dd]" "$name: the report never says 'seed'"
	expect 0 "$name: json report" --preset "$name" --report --format json || continue
	hasnt "$tmp/out" "[:,\[] *-?(nan|inf)([^a-z0-9_]|$)" "$name: no NaN or inf in the JSON"
	hasnt "$tmp/out" "[Ss][Ee][Ee][Dd]" "$name: the JSON never says 'seed'"
	expect 0 "$name: markdown report" --preset "$name" --report --format markdown
	expect 0 "$name: csv report" --preset "$name" --report --format csv
	expect 0 "$name: by path" --preset "$f" --report
done
[ "$n" -ge 9 ] && ok "$n presets ship" || fail "only $n presets ship (want at least 9)"

expect 0 "--check passes on every shipped preset and theme" \
	--check "$top_srcdir"/presets/*.ini "$top_srcdir"/themes/*.ini
empty "$tmp/err" "--check prints no problem for shipped files"

expect 2 "an unknown preset name exits 2" --preset no-such-preset --report
has "$tmp/err" "no-such-preset" "names the unknown preset"
has "$tmp/err" "apac-3region" "lists the available presets"
empty "$tmp/out" "no report for an unknown preset"

expect 2 "a missing preset file exits 2" --preset "$tmp/nothing.ini" --report
has "$tmp/err" "nothing\.ini" "names the missing file"

# a user preset in $XDG_CONFIG_HOME is found by name and wins
mkdir -p "$XDG_CONFIG_HOME/infertui/presets"
cat >"$XDG_CONFIG_HOME/infertui/presets/mine.ini" <<'INI'
[preset]
description = "a user preset"
[serving]
max_batch = 7
INI
expect 0 "a user preset is found by name" --preset mine --report --format json
has "$tmp/out" "\"serving\.max_batch\": *\"?7\"?[,}]" "the user preset's value is used"

# a bad preset: exit 2, file:line, key, value, allowed; no report
printf '[serving]\nmax_batch = 64\nmax_bach = 3\n' >"$tmp/bad.ini"
expect 2 "a preset with a misspelt key exits 2" --preset "$tmp/bad.ini" --report
has "$tmp/err" "bad\.ini:3: \[serving\] max_bach" "names file, line, section and key"
empty "$tmp/out" "no report from a bad preset"

# an option whose model does not fit has no price and no replicas, in every
# format: 70B in bf16 (138 GB of weights) on one p5en's single H200 (151 GB,
# less overhead and KV) does not fit; the text says so, JSON gives null
expect 0 "an option that does not fit" --preset h200-single-70b --set precision.weights=bf16 --report
has "$tmp/out" "^  p5en   1 x p5en.48xlarge  does not fit +- +- +- NO: fit" "the option's row: does not fit, no price, no replicas"
has "$tmp/out" "^  p5en: not priced \(does not fit\)" "no TCO for it"
hasnt "$tmp/out" "46,206" "no month of hardware that cannot serve the model"
expect 0 "the same in JSON" --preset h200-single-70b --set precision.weights=bf16 --report --format json
has "$tmp/out" '"monthly_on_demand_usd": null' "JSON: the option's month is null"
has "$tmp/out" '"replicas_total": null' "JSON: its replicas are null, not 0"

# the seed's TCO figures (model.md §8) in the JSON report
expect 0 "apac-3region json" --preset apac-3region --report --format json
has "$tmp/out" "\"monthly_on_demand_usd\": *143532\.6" "option A: \$143,532.60/month on demand"
has "$tmp/out" "\"monthly_reserved_usd\": *86119\.56" "option A: \$86,119.56/month reserved"
has "$tmp/out" "\"monthly_on_demand_usd\": *85278\.6" "option B: \$85,278.60/month (the seed misprints 85,239)"
has "$tmp/out" "35587\.5" "option C: \$35,587.50/year"
finish
