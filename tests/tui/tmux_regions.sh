#!/bin/sh
# A real terminal (tmux): the regions and options of apac-3region are rows
# of the list.  Four Tabs reach hk's share; 0.5 rescales sg and syd to 0.25
# each; the Fleet panel then shows the replicas and $/month that
# --report --set gives for the same three shares (7 replicas, $167k: 2+1 in
# hk, 1+1 in sg and syd at 4.4 req/s per replica, x $32.77 x 730 h);
# u undoes it (6, $144k).  Then option a's count per region (3: 9 instances,
# 9 x $32.77 x 730 = $215,298.90/mo), its instance (p5.48xlarge) and its
# GPUs per replica (auto, then 4: the report of the same --set); s saves
# the scenario; the file passes --check, its --report is the one of the
# same --set keys, and loading it shows the same list and panels.  At
# 80x24 and 160x48.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"

SETS="--set region.hk.share=0.5 --set region.sg.share=0.25 --set region.syd.share=0.25"
fleet=$("$INFERTUI" --preset apac-3region $SETS --report |
	sed -n 's/^FLEET: .* \([0-9][0-9]*\) replicas;.*/\1/p')
[ "$fleet" = 7 ] || fail "--report with hk 0.5 gives '$fleet' replicas, not 7"
usd=$("$INFERTUI" --preset apac-3region $SETS --report |
	sed -n 's/.*; \$\([0-9,.]*\)\/month on demand,.*/\1/p')
[ "$usd" = "167,454.70" ] || fail "--report with hk 0.5 gives \$$usd/month, not \$167,454.70"

# the list's lines only (left of the rule), and the panels' (right of it),
# without the title, notes and status lines
body() { screen | sed -n "2,$((ROWS - 2))p"; }
left() { body | sed 's/│.*//'; }
right() { body | sed 's/^[^│]*│//'; }

start_pane 80 24
for size in "80 24" "160 48"; do
	set -- $size
	ROWS=$2
	T resize-window -t 0 -x "$1" -y "$2"
	sleep 0.2
	STTY_BEFORE=$(stty -g < "$PANE_TTY")
	run --preset apac-3region || exit 1
	T send-keys -t 0 Tab Tab Tab Tab
	wait_for '▸hk share' || { fail "$1x$2: four Tabs do not reach hk share"; screen; }
	wait_for '^ region.hk.share: ' || fail "$1x$2: the status line does not name region.hk.share"
	T send-keys -t 0 = C-u 0.5 Enter
	wait_for 'Fleet 7 replicas  *\$167k/mo ok' ||
		{ fail "$1x$2: hk share 0.5 does not give 7 replicas, \$167k"; screen; }
	for r in sg syd; do   # the next region's share is three rows down
		T send-keys -t 0 Down Down Down
		wait_for "▸$r share .* 0\.25 *[▼ ]*│" || { fail "$1x$2: $r share is not 0.25"; left; }
	done
	T send-keys -t 0 Up Up Up Up Up Up
	wait_for '▸hk share' || fail "$1x$2: Up does not go back to hk share"
	T send-keys -t 0 u
	wait_for 'Fleet 6 replicas  *\$144k/mo ok' || { fail "$1x$2: u does not undo the share"; screen; }
	left | grep -q '^▸hk share .* 0\.34 *$' || { fail "$1x$2: hk share is not 0.34 after u"; left; }
	T send-keys -t 0 C-r
	wait_for 'Fleet 7 replicas  *\$167k/mo ok' || fail "$1x$2: Ctrl-R does not redo the share"

	# option a: one Tab on from the regions, its count and instance
	T send-keys -t 0 Tab
	wait_for '▸a kind ' || { fail "$1x$2: Tab does not reach option a"; screen; }
	T send-keys -t 0 Down Down = C-u 3 Enter
	wait_for 'a 9×p4d\.24xlarge  *\$215,298\.90/mo' ||
		{ fail "$1x$2: 3 instances per region do not give 9, \$215,298.90"; screen; }
	T send-keys -t 0 Up Enter
	wait_for 'filter:' || fail "$1x$2: Enter on the instance opens no list"
	T send-keys -t 0 p5.48 Enter
	wait_for 'a 9×p5\.48xlarge' || { fail "$1x$2: p5.48xlarge not chosen"; screen; }
	T send-keys -t 0 Down
	wait_for '▸a instances' || fail "$1x$2: Down does not go back to a instances"
	# its GPUs per replica, two rows down: auto, then 4
	T send-keys -t 0 Down Down
	wait_for '▸a GPUs/replica .* auto' || { fail "$1x$2: no a GPUs/replica row at auto"; left; }
	wait_for '^ option\.a\.gpus_per_replica: ' || fail "$1x$2: the status line does not name option.a.gpus_per_replica"
	T send-keys -t 0 = C-u 4 Enter
	wait_for '▸a GPUs/replica .* 4 *[▼ ]*│' || { fail "$1x$2: a GPUs/replica is not 4"; left; }
	T send-keys -t 0 Up Up
	wait_for '▸a instances' || fail "$1x$2: Up Up does not go back to a instances"

	# save, then --check, --report and the explorer read it back
	name=regions-$1
	T send-keys -t 0 s C-u "$name" Enter
	wait_for "saved ~/config/infertui/presets/$name.ini" || { fail "$1x$2: not saved"; screen | tail -2; }
	before_l=$(left); before_r=$(right)
	T send-keys -t 0 q
	check_exit 0 "regions and options at $1x$2"
	f="$TMPD/config/infertui/presets/$name.ini"
	"$INFERTUI" --check "$f" >/dev/null 2>&1 || fail "$1x$2: the saved preset fails --check"
	XDG_CONFIG_HOME="$TMPD/config" "$INFERTUI" --preset "$f" --report > "$TMPD/saved.txt"
	"$INFERTUI" --preset apac-3region $SETS --set option.a.instances_per_region=3 \
		--set option.a.instance=p5.48xlarge --set option.a.gpus_per_replica=4 \
		--report > "$TMPD/set.txt"
	cmp -s "$TMPD/saved.txt" "$TMPD/set.txt" ||
		{ fail "$1x$2: the saved preset's report is not that of the same --set keys";
		  diff "$TMPD/saved.txt" "$TMPD/set.txt" | head; }
	run --preset "$f" || exit 1
	# the same moves as before saving, so that the list scrolls alike
	T send-keys -t 0 Tab Tab Tab Tab Tab Down Down Down Down Up Up
	wait_for '▸a instances' || { fail "$1x$2: no a instances row after loading"; screen; }
	[ "$(left)" = "$before_l" ] || { fail "$1x$2: the list differs after loading"; left; }
	[ "$(right)" = "$before_r" ] || { fail "$1x$2: the panels differ after loading";
		printf '%s\n' "$before_r" > "$TMPD/r1"; right > "$TMPD/r2"; diff "$TMPD/r1" "$TMPD/r2"; }
	T send-keys -t 0 q
	check_exit 0 "the saved preset reloads to the same screen at $1x$2"
done
[ $FAILS -eq 0 ]
