#!/bin/sh
# The list options print the catalog and exit 0.
. "$top_srcdir/tests/cli/lib.sh"

expect 0 "--list-gpus" --list-gpus
for g in a100-40g a100-80g h100-sxm h100-pcie h200 b200 l4 l40s a10g mi300x \
         tpu-v5e tpu-v6e inferentia2 trainium2 gaudi3 groq-lpu; do
	has "$tmp/out" "^$g " "--list-gpus has $g"
done
# H100 SXM: 80 GiB (nvidia-smi: 81559 MiB), 3.35 TB/s, 989 dense BF16 TFLOPS (NVIDIA datasheet; not the
# 1979 sparsity figure)
# memory in GB (10^9 B) as on the screen and in the report, the GiB the part
# is sold by beside it: 80 * 2^30 B = 85.9 GB (issue 11: one convention)
has "$tmp/out" "^h100-sxm .* 85\.9 GB \(80 GiB\) +3\.350 +989\." "H100 SXM: 85.9 GB (80 GiB), dense TFLOPS"
has "$tmp/out" "^l4 .* 24 GB +0\.300" "L4: its datasheet 24 GB, no GiB figure"
has "$tmp/out" "^GB is 10\^9 bytes here and everywhere" "--list-gpus says what GB means"
expect 0 "the report of an H100" --set hardware.gpu=h100-sxm --report --format markdown
has "$tmp/out" "per replica, 85\.9 GB \(80 GiB\) and 3\.35 TB/s each" "the report gives the H100's memory as 85.9 GB (80 GiB) too"

expect 0 "--list-models" --list-models
for m in llama-2-7b llama-2-13b llama-2-70b llama-3.1-8b llama-3.1-70b \
         llama-3.1-405b llama-3.2-3b mistral-7b mixtral-8x7b mixtral-8x22b \
         qwen2.5-7b qwen2.5-72b deepseek-v3 phi-3-mini gemma-2-9b gemma-2-27b; do
	has "$tmp/out" "^$m " "--list-models has $m"
done
# Llama-2-70B: 68.98e9 parameters (model.md §1), KV 2·80·8·128·2 B = 320 KiB/token
has "$tmp/out" "^llama-2-70b .* 68\.98 .* 320\.0 " "llama-2-70b: 68.98 B params, 320 KiB KV/token"

expect 0 "--list-keys" --list-keys
for k in model.name model.params_b precision.weights hardware.gpu hardware.gpus \
         serving.max_batch serving.kv_manager workload.requests_per_day \
         fleet.min_replicas pricing.reserved_discount; do
	has "$tmp/out" "^$k " "--list-keys has $k"
done

expect 0 "--list-presets" --list-presets
has "$tmp/out" "^apac-3region " "--list-presets shows apac-3region"
expect 0 "--list-themes" --list-themes
has "$tmp/out" "^default " "--list-themes shows default"
finish
