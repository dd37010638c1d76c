#!/bin/sh
# Every shipped preset's first screen at 80x24 (what a projector shows), in
# a real terminal: no SLO FAIL in the Latency panel while an option or the
# fleet beside it says "ok" (both describe the point the fleet is priced
# at), no "$0" price, no "batch 0", no "0 replicas", no "-100%".
. "$(dirname "$0")/tmux_lib.sh"

start_pane 80 24
for f in "$top_srcdir"/presets/*.ini; do
	p=$(basename "$f" .ini)
	run --preset "$f" || continue
	s=$(screen)
	T send-keys -t 0 q
	wait_for 'EXIT=' 50 || fail "$p: q did not quit"
	T send-keys -t 0 clear Enter
	lat=$(printf '%s\n' "$s" | grep -E '(TTFT p95|TPOT|E2E p95) \(SLO' | grep -c 'FAIL')
	oks=$(printf '%s\n' "$s" | sed 's/^.*│//' | grep -cE ' ok *$')
	slo_oks=$(printf '%s\n' "$s" | grep -E '(TTFT p95|TPOT|E2E p95) \(SLO' | grep -c ' ok')
	if [ "$lat" -gt 0 ] && [ $((oks - slo_oks)) -gt 0 ]; then
		fail "$p: an SLO FAILs in Latency while the Fleet panel says ok"
		printf '%s\n' "$s"
	fi
	if printf '%s\n' "$s" | grep -qE '\$0(\.0+)?(/| |$)|batch 0([^.0-9]|$)| 0 replicas|-100%'; then
		fail "$p: a state that is not a number is shown as one"
		printf '%s\n' "$s" | grep -nE '\$0(\.0+)?(/| |$)|batch 0([^.0-9]|$)| 0 replicas|-100%'
	fi
	printf '%s\n' "$s" | grep -q 'seed' && fail "$p: the screen says 'seed'"
	echo "ok: $p"
done
exit $((FAILS > 0))
