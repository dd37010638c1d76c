#!/bin/sh
# A real terminal (tmux) at 80x24: the own-vs-rent preset shows its owned
# option ("own 8×h100-sxm bought") in the Fleet / TCO panel, and moving the
# server-price slider of the Own section changes that option's month live.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"

start_pane 80 24
run --preset "$top_srcdir/presets/own-vs-rent-70b.ini" || exit 1
wait_for 'Fleet / TCO' || fail "80x24 lacks the Fleet / TCO panel"
wait_for 'own 8.h100-sxm bought' || { screen; fail "no owned option in the Fleet / TCO panel"; }
own_line() { screen | grep -o 'own 8.h100-sxm bought.*' | head -1; }
before=$(own_line)
# back-tab from the first section lands on the last one, Own, at its first
# row: the server price
T send-keys -t 0 BTab
wait_for '▸Server price' || T send-keys -t 0 BTab
wait_for '▸Server price' || { screen; fail "Shift-Tab does not reach Server price"; }
T send-keys -t 0 Right
i=0
while [ "$(own_line)" = "$before" ] && [ $i -lt 30 ]; do
	sleep 0.1; i=$((i + 1))
done
after=$(own_line)
[ -n "$after" ] && [ "$after" != "$before" ] ||
	fail "Right on Server price did not move the owned option ($before)"
echo "ok the server price moves the owned option: $before -> $after"
T send-keys -t 0 q
check_exit 0 "q at 80x24"
exit $FAILS
