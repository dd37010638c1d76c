#!/bin/sh
# A real terminal (tmux): the explorer starts on a preset at 80x24 with
# every panel, the numbers move with the arrow keys, the baseline shows
# deltas, help opens, q quits with the terminal as it was; then the same
# start-and-quit under xterm-256color, screen, tmux-256color and linux.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"

start_pane 80 24
run --preset "$top_srcdir/tests/tui/screen.ini" || exit 1
s=$(screen)
for w in Cost Latency 'Memory fit' 'Fleet / TCO' 'set by max batch' 'Model'; do
	echo "$s" | grep -q "$w" || fail "80x24 lacks '$w'"
done
# no line wider than the terminal
echo "$s" | while IFS= read -r l; do
	[ "$(printf '%s' "$l" | LC_ALL=C.UTF-8 wc -m)" -le 80 ] || { echo "$l"; exit 1; }
done || fail "a line wider than 80 columns"
# select serving.max_batch, one step down: the cost per 1M tokens changes
T send-keys -t 0 Tab
wait_for '▸Max batch' || fail "Tab does not select Max batch"
before=$(screen | grep 'Per 1M tokens')
T send-keys -t 0 Left
i=0
while [ "$(screen | grep 'Per 1M tokens')" = "$before" ] && [ $i -lt 30 ]; do
	sleep 0.1; i=$((i + 1))
done
[ "$(screen | grep 'Per 1M tokens')" != "$before" ] || fail "Left did not change the cost"
echo "ok arrow moves the numbers: $before -> $(screen | grep 'Per 1M tokens' | sed 's/.*│//')"
# baseline, then another step: relative deltas appear
T send-keys -t 0 b Left
wait_for '\[baseline\]' || fail "b does not set the baseline"
wait_for '%' || fail "no relative delta after b and Left"
# save as a preset: written atomically under $XDG_CONFIG_HOME
T send-keys -t 0 s C-u
T send-keys -t 0 -l tmux-saved
T send-keys -t 0 Enter
wait_for 'saved .*tmux-saved.ini' || fail "s: no 'saved' message"
[ -s "$TMPD/config/infertui/presets/tmux-saved.ini" ] || fail "s: no preset file written"
"$INFERTUI" --check "$TMPD/config/infertui/presets/tmux-saved.ini" > /dev/null 2>&1 ||
	fail "the saved preset does not pass --check"
# over a read-only copy: the question says so, y replaces it, mode kept
saved="$TMPD/config/infertui/presets/tmux-saved.ini"
chmod 0444 "$saved"
T send-keys -t 0 Left s C-u
T send-keys -t 0 -l tmux-saved
T send-keys -t 0 Enter
wait_for 'a read-only preset of that name exists: y saves' ||
	fail "s over a read-only preset: no question naming it read-only"
cp "$saved" "$TMPD/before.ini"
T send-keys -t 0 y
wait_for 'saved .*tmux-saved.ini' || fail "y over a read-only preset: not saved"
cmp -s "$saved" "$TMPD/before.ini" && fail "y over a read-only preset: the file is unchanged"
[ "$(stat -c %a "$saved")" = 444 ] || fail "the replaced preset's mode is $(stat -c %a "$saved"), not 444"
echo "ok a read-only preset is replaced after y, mode 0444 kept"
# a typed value out of range: the error in the status line, prompt kept
T send-keys -t 0 Enter C-u
T send-keys -t 0 -l 100000
T send-keys -t 0 Enter
wait_for 'out of range' || fail "typed 100000: no 'out of range' in the status line"
T send-keys -t 0 Escape
sleep 0.3   # a lone Esc is told from Alt+key by a pause
# help
T send-keys -t 0 '?'
wait_for 'Keys' || fail "? does not show the help"
T send-keys -t 0 Escape
sleep 0.3
T send-keys -t 0 q
check_exit 0 "q at 80x24"

for term in xterm-256color screen tmux-256color linux; do
	T send-keys -t 0 "TERM=$term; export TERM" Enter
	sleep 0.1
	STTY_BEFORE=$(stty -g < "$PANE_TTY")
	run --preset "$top_srcdir/tests/tui/screen.ini" || continue
	screen | grep -q 'Fleet / TCO' || fail "TERM=$term: no Fleet panel"
	T send-keys -t 0 q
	check_exit 0 "q under TERM=$term"
done
# terminals that cannot show the screen: a clear message, exit 1
for term in dumb no-such-terminal; do
	T send-keys -t 0 "clear; TERM=$term $INFERTUI; echo EXIT=\$?" Enter
	wait_for 'EXIT=1' 30 || fail "TERM=$term: no EXIT=1"
	screen | grep -q 'use --report' || fail "TERM=$term: no message pointing to --report"
done
# NO_COLOR and a non-UTF-8 locale: ASCII bars
T send-keys -t 0 "TERM=tmux-256color LC_ALL=C NO_COLOR=1; export TERM LC_ALL NO_COLOR" Enter
sleep 0.1
STTY_BEFORE=$(stty -g < "$PANE_TTY")
run --preset "$top_srcdir/tests/tui/screen.ini" || exit 1
screen | grep -q -- '- Cost ---' || fail "LC_ALL=C: no ASCII rules"
screen | grep -q '│' && fail "LC_ALL=C: UTF-8 glyphs on the screen"
T send-keys -t 0 q
check_exit 0 "q with LC_ALL=C NO_COLOR=1"
[ $FAILS -eq 0 ]
