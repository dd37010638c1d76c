#!/bin/sh
# A real terminal (tmux): bytes the explorer has no key for are dropped and
# the keys after them still work; the explorer neither crashes nor stalls,
# and quits leaving the terminal as it was, mouse reporting off.
#   ESC [ SP A, ESC [ 1 . A, ESC [ $ A (CSI with an intermediate byte:
#   libtermkey 0.22 crashed on these), ESC ] 0 ; x BEL (an OSC: keys were
#   swallowed until 256 bytes pended, then the explorer exited 1 without a
#   word, mouse reporting left on), an unterminated 300-byte OSC and a
#   100-byte CSI.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"

hexes() {  # hexes BYTE COUNT: COUNT times the hex byte
	n=0; while [ $n -lt "$2" ]; do printf '%s ' "$1"; n=$((n + 1)); done
}
mouse_flag() { T display -p -t 0 '#{mouse_any_flag}'; }

# help_toggles WHAT: ? opens the help and Esc closes it, after WHAT was sent
help_toggles() {
	T send-keys -t 0 '?'
	wait_for 'Keys' 30 || { fail "$1: ? does not show the help after it"; return; }
	T send-keys -t 0 Escape
	sleep 0.3   # a lone Esc is told from Alt+key by a pause
	i=0
	while screen | grep -q 'Keys' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	screen | grep -q 'Keys' && { fail "$1: Esc does not close the help"; return; }
	echo "ok keys work after $1"
}

start_pane 80 24
run --preset "$top_srcdir/tests/tui/screen.ini" || exit 1
[ "$(mouse_flag)" = 1 ] || fail "mouse reporting is not on while the explorer runs"

T send-keys -t 0 -H 1b 5b 20 41
T send-keys -t 0 -H 1b 5b 31 2e 41  1b 5b 24 41  1b 5b 2e 45
help_toggles "CSI with intermediate bytes"

T send-keys -t 0 -H 1b 5d 30 3b 78 07
help_toggles "ESC ] 0 ; x BEL"

# shellcheck disable=SC2046
T send-keys -t 0 -H 1b 5d $(hexes 78 300)
sleep 0.3   # the pause ends the unterminated string
help_toggles "an unterminated 300-byte OSC"

# shellcheck disable=SC2046
T send-keys -t 0 -H 1b 5b $(hexes 31 97) 41
help_toggles "a 100-byte CSI"

# the keys still drive the screen: Max batch is selected and steps down
T send-keys -t 0 Tab
wait_for '▸Max batch' || fail "Tab does not select Max batch"
T send-keys -t 0 q
check_exit 0 "q after hostile input"
[ "$(mouse_flag)" = 0 ] || fail "mouse reporting left on after q"
[ $FAILS -eq 0 ]
