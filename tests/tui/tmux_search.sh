#!/bin/sh
# A real terminal (tmux): o opens the search on apac-3region, its first
# answer is the one --optimize gives, Enter applies the selected one to the
# sliders (the title names its accelerator), u undoes it (the preset's
# 8 x a100-40g again); at 80x24 and 160x48.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"

first=$("$INFERTUI" --preset apac-3region --optimize --search top=1 --format csv |
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
	         $1 == "result" { print $c["accelerator"] " x" $c["gpus_per_replica"] }')
[ -n "$first" ] || fail "--optimize gives no answer for apac-3region"
gpu=${first% x*}
n=${first#* x}
start_pane 80 24
for size in "80 24" "160 48"; do
	set -- $size
	T resize-window -t 0 -x "$1" -y "$2"
	sleep 0.2
	STTY_BEFORE=$(stty -g < "$PANE_TTY")
	run --preset apac-3region || exit 1
	T send-keys -t 0 o
	wait_for 'Search: cheapest within the SLOs' || { fail "$1x$2: o does not open the search"; screen; }
	wait_for "^ *1 *$gpu x$n " || { fail "$1x$2: the first answer is not $gpu x$n"; screen; }
	wait_for 'configurations, .* evaluations' || fail "$1x$2: no count of configurations"
	screen | while IFS= read -r l; do
		[ "$(printf '%s' "$l" | LC_ALL=C.UTF-8 wc -m)" -le "$1" ] || { echo "$l"; exit 1; }
	done || fail "$1x$2: a line wider than the terminal"
	# the objective changes on m, and the panel stays open
	T send-keys -t 0 m
	wait_for '\$/month reserved' || fail "$1x$2: m does not change the objective"
	T send-keys -t 0 Enter
	wait_for "applied $gpu x$n " || { fail "$1x$2: Enter does not apply the answer"; screen | tail -3; }
	wait_for "on $n×$gpu" || { fail "$1x$2: the title does not show $n×$gpu"; screen | head -2; }
	T send-keys -t 0 u
	wait_for 'on 8×a100-40g' || { fail "$1x$2: u does not undo the answer"; screen | head -2; }
	T send-keys -t 0 q
	check_exit 0 "search, apply and undo at $1x$2"
done
[ $FAILS -eq 0 ]
