#!/bin/sh
# A real terminal (tmux): P pins the scenario, c compares.  On apac-3region
# pin it, move the accelerator one step, pin again, open the view: every
# figure of the pinned columns (and of "now") is the one `--compare . 
# hardware.gpu=<the new one>` prints, its change included.  A fifth pin is
# refused in the status line; x unpins; a scenario that does not fit says
# so in words, never $0 or -100%.  80x24 (three columns, scrolling) and
# 160x48 (every column, every headline figure).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"

# the cells after a row's label: on screen, and in --compare's text
# (a label is followed by two blanks at least in both)
after() { awk -v l="$1  " 'index($0, l) == 1 { print substr($0, length(l) + 1); exit }'; }
cells() { screen | sed 's/^ //' | after "$1"; }
ccells() { after "$1" <"$TMPD/cmp.txt"; }

start_pane 80 24
run --preset apac-3region || exit 1
T send-keys -t 0 P
wait_for 'pinned as 1 of 4' || fail "P does not pin"
T send-keys -t 0 Right     # the explorer opens on the accelerator
sleep 0.2
T send-keys -t 0 P
wait_for 'pinned as 2 of 4' || fail "the second P does not pin"
T send-keys -t 0 c
wait_for 'Compare: 2 pinned and now; changes against pin 1' || { fail "c does not open the view"; screen; }
gpu=$(screen | sed -n 's/.*gpu=\([a-z0-9-]*\).*/\1/p' | head -n 1)
[ -n "$gpu" ] || { fail "the second column does not say what changed (gpu=...)"; screen; }
"$INFERTUI" -p apac-3region --compare . "hardware.gpu=$gpu" >"$TMPD/cmp.txt" 2>&1 ||
	fail "--compare . hardware.gpu=$gpu failed"
n=0
for label in '$/month' '$/month reserved' '$/1M tokens (fleet)' 'TTFT p95 s' 'TPOT s' \
	'E2E p95 s' 'batch' 'replicas' 'GPUs' 'fits' 'availability' 'all met'; do
	set -- $(cells "$label")
	s1=${1:-}; s2=${2:-}; s3=${3:-}; s4=${4:-}; s5=${5:-}
	set -- $(ccells "$label")
	c1=${1:-}; c2=${2:-}; c3=${3:-}
	if [ -z "$c1" ] || [ "$s1" != "$c1" ] || [ "$s2" != "$c2" ]; then
		fail "$label: the view shows '$s1' '$s2', --compare '$c1' '$c2'"
	elif [ "$c1" = yes ] || [ "$c1" = no ]; then
		# yes/no: no change column unless it changed; now is pin 2
		[ "$s3" = "$c2" ] && n=$((n + 1)) || fail "$label: now '$s3', wanted '$c2'"
	elif [ "$s3" != "$c3" ] || [ "$s4" != "$c2" ] || [ "$s5" != "$c3" ]; then
		fail "$label: change '$s3', now '$s4' '$s5'; --compare's change '$c3'"
	else
		n=$((n + 1))
	fi
done
[ $n -eq 12 ] && echo "ok the 12 figures and changes are --compare's (a100-40g against $gpu)"
screen | grep -q '^ what binds  *SLO-limited' || fail "no 'what binds' row"
narrow 80 "compare at 80x24"

# up to four: the fifth is refused, in the status line
T send-keys -t 0 Escape
sleep 0.2
for i in 3 4; do
	T send-keys -t 0 Right; sleep 0.2; T send-keys -t 0 P
	wait_for "pinned as $i of 4" || fail "pin $i"
done
T send-keys -t 0 Right; sleep 0.2; T send-keys -t 0 P
wait_for 'pinned already, the most' || fail "a fifth pin is not refused in words"
T send-keys -t 0 c
wait_for 'Compare: 4 pinned and now' || fail "the view lost a pin"
wait_for 'columns 3-5 of 5' || { fail "80x24 does not say which columns show"; screen | head -3; }
narrow 80 "five columns at 80x24"
T send-keys -t 0 Home
sleep 0.1
T send-keys -t 0 x
wait_for 'Compare: 3 pinned and now' || fail "x does not unpin"
T send-keys -t 0 X
wait_for 'Compare: 0 pinned and now' || fail "X does not clear"
wait_for 'Nothing pinned: P pins' || fail "an empty view does not say how to pin"
T send-keys -t 0 q q
check_exit 0 "pins at 80x24"

# does not fit (a100-40g x1): words, never $0 or -100%
run --preset apac-3region || exit 1
T send-keys -t 0 P
wait_for 'pinned as 1 of 4' || fail "pin after clearing"
T send-keys -t 0 Down; sleep 0.1; T send-keys -t 0 Home   # 1 GPU per replica
sleep 0.2
T send-keys -t 0 P c
wait_for 'Compare: 2 pinned' || fail "pin a scenario that does not fit"
screen | grep -q '^ \$/month  *143,533  *does not fit' || { fail "\$/month of 1 GPU is not 'does not fit'"; screen; }
screen | grep -q '^ fits  *yes  *no changed' || fail "fits: no, changed"
screen | grep -q -- '-100\|\$0\b\| 0 +\?-' && { fail "a zero or -100% on screen"; screen; }
T send-keys -t 0 q q
check_exit 0 "does not fit at 80x24"

resize 160 48
run --preset apac-3region || exit 1
T send-keys -t 0 P
wait_for 'pinned as 1 of 4' || fail "160x48: P"
for i in 2 3 4; do
	T send-keys -t 0 Right; sleep 0.2; T send-keys -t 0 P
	wait_for "pinned as $i of 4" || fail "160x48: pin $i"
done
T send-keys -t 0 c
wait_for 'Compare: 4 pinned and now' || fail "160x48: the view"
screen | grep -q 'columns [0-9]' && fail "160x48: not every column shows"
for label in 'break-even req/day' '$/year' 'SLO batch' 'what binds'; do
	screen | grep -qF " $label " || fail "160x48: no '$label' row"
done
screen | grep -q '^ *4 apac-3region\*' || screen | grep -q ' 4 apac-3region\* ' || fail "160x48: no fourth column"
screen | grep -q ' now apac-3region\*' || fail "160x48: no now column"
narrow 160 "compare at 160x48"
T send-keys -t 0 Escape
sleep 0.2
T send-keys -t 0 q
check_exit 0 "compare at 160x48"
[ $FAILS -eq 0 ]
