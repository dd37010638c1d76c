#!/bin/sh
# --set: validated like a preset; a bad value is refused, exit 2, no report.
. "$top_srcdir/tests/cli/lib.sh"

expect 0 "a valid --set reports" --set serving.max_batch=64 --report
has "$tmp/out" "." "the report is printed"

expect 2 "an unknown key exits 2" --set serving.max_bach=64 --report
has "$tmp/err" "serving\.max_bach" "names the unknown key"
has "$tmp/err" "serving\.max_batch" "suggests the near key"
empty "$tmp/out" "no report for an unknown key"

expect 2 "a value out of range exits 2" --set serving.max_batch=0 --report
has "$tmp/err" "serving\.max_batch" "names the key"
has "$tmp/err" "'0'" "names the value"
has "$tmp/err" "allowed" "says what is allowed"
empty "$tmp/out" "no report for a value out of range"

expect 2 "trailing junk exits 2" --set serving.max_batch=64x --report
has "$tmp/err" "64x" "names the malformed value"

expect 2 "NaN exits 2" --set workload.input_tokens=nan --report
expect 2 "inf exits 2" --set workload.input_tokens=inf --report
expect 2 "no '=' exits 2" --set serving.max_batch --report
expect 2 "an unknown choice exits 2" --set precision.weights=int3 --report
has "$tmp/err" "int4" "lists the allowed choices"
expect 2 "an unknown model exits 2" --set model.name=llama-9 --report
has "$tmp/err" "llama-2-70b" "lists the models"

# 010 is ten, never octal eight
expect 0 "010 is accepted" --set serving.max_batch=010 --report --format json
has "$tmp/out" "\"serving\.max_batch\": *\"?10\"?[,}]" "010 means ten"

# later --set wins
expect 0 "two --set, the later wins" --set serving.max_batch=8 --set serving.max_batch=16 --report --format json
has "$tmp/out" "\"serving\.max_batch\": *\"?16\"?[,}]" "the later --set wins"
finish
