#!/bin/sh
# Resizing: 80x24 -> 40x10 ("terminal too small") -> 1x1 -> 80x24 (all
# panels again) -> 200x50 (the chart) -> q; the terminal as it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"

start_pane 80 24
run --preset "$top_srcdir/tests/tui/screen.ini" || exit 1
T resize-window -t 0 -x 40 -y 10
wait_for 'Terminal too small' || fail "40x10: no 'too small' screen"
T resize-window -t 0 -x 1 -y 1
sleep 0.3
kill -0 "$PID" 2>/dev/null || fail "died at 1x1"
T resize-window -t 0 -x 80 -y 24
wait_for 'Fleet / TCO' || fail "back at 80x24: no full screen"
screen | grep -q 'too small' && fail "back at 80x24: still 'too small'"
T resize-window -t 0 -x 200 -y 50
wait_for 'Throughput and TPOT against batch size' || fail "200x50: no chart"
T resize-window -t 0 -x 80 -y 24
wait_for 'Memory fit' || fail "80x24 again: no panels"
T send-keys -t 0 q
check_exit 0 "resize 80x24 -> 1x1 -> 200x50 -> q"
[ $FAILS -eq 0 ]
