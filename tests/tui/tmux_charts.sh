#!/bin/sh
# A real terminal (tmux): g opens the charts on apac-3region; at 80x24 one
# at a time (the frontier with its SLO line and points, Tab to the volume
# chart, 3 the roofline with its decode and prefill marks, 4 the tornado
# with bars), no line wider than the terminal; at 160x48 all four at once.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"

start_pane 80 24
run --preset apac-3region || exit 1
T send-keys -t 0 g
wait_for 'Charts: 1 frontier' || { fail "g does not open the charts"; screen; }
screen | grep -q '^ *[0-9.k]* │:' || fail "the frontier has no SLO line on its left edge"
[ "$(screen | grep -c '│.*\*')" -ge 3 ] || fail "the frontier has fewer than 3 rows with points"
narrow 80 "frontier at 80x24"
T send-keys -t 0 Tab
wait_for 'Charts: 2 \$/month vs volume' || fail "Tab does not move to the volume chart"
wait_for 'no break-even\|break-even at' || fail "the volume chart says nothing of break-even"
T send-keys -t 0 3
wait_for 'Charts: 3 roofline' || fail "3 does not show the roofline"
wait_for 'D decode: memory' || fail "the roofline does not place the decode step"
screen | grep -q ' D' || fail "no D mark on the roofline"
screen | grep -q ' P' || fail "no P mark on the roofline"
T send-keys -t 0 4
wait_for 'Charts: 4 sensitivity' || fail "4 does not show the tornado"
wait_for 'hardware.gpu_hour_usd .*│█' || { fail "no bar for the price"; screen; }
narrow 80 "tornado at 80x24"
T send-keys -t 0 Escape
sleep 0.3
wait_for 'Memory fit' || fail "Esc does not close the charts"
T send-keys -t 0 q
check_exit 0 "charts at 80x24"

resize 160 48
run --preset apac-3region || exit 1
T send-keys -t 0 g
for c in '1 frontier' '2 \$/month vs volume' '3 roofline' '4 sensitivity'; do
	wait_for "─ $c ─" || fail "160x48: no '$c' chart"
done
narrow 160 "charts at 160x48"
T send-keys -t 0 g q
check_exit 0 "charts at 160x48"
[ $FAILS -eq 0 ]
