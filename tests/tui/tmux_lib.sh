# tmux_lib.sh — shared by the tmux tests: a private tmux server
# (-L infertui-test-PID, no config file), a pane running sh, and helpers to
# start the explorer in it, wait for text, and check that the pane's
# terminal settings (stty -g) are the same after the explorer as before.
# Sourced, not run.

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${INFERTUI:=$top_builddir/src/infertui}"
if [ -z "$TMUX_BIN" ]; then TMUX_BIN=$(command -v tmux); fi
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "tmux not found: skipping"
	exit 77
fi
[ -x "$INFERTUI" ] || { echo "$INFERTUI not built" >&2; exit 99; }

SOCK="infertui-test-$$"
TMPD=$(mktemp -d) || exit 99
T() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -rf "$TMPD"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
FAILS=0

fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }

# start_pane COLS ROWS [TERM]: a fresh session running sh; sets PANE_TTY
start_pane() {
	T kill-server 2>/dev/null
	T -f /dev/null start-server \; set -g default-terminal "${3:-tmux-256color}" \; \
		new-session -d -x "$1" -y "$2" \
		"env -u TMUX PS1='$ ' HOME='$TMPD' XDG_CONFIG_HOME='$TMPD/config' LANG=C.UTF-8 LC_ALL=C.UTF-8 sh" \
		|| { echo "tmux new-session failed" >&2; exit 99; }
	PANE_TTY=$(T display -p -t 0 '#{pane_tty}')
	wait_for '\$' 50 || { echo "no shell prompt in the pane" >&2; exit 99; }
	STTY_BEFORE=$(stty -g < "$PANE_TTY")
}

screen() { T capture-pane -p -J -t 0; }   # -J: wrapped lines joined

# resize COLS ROWS: the window takes that size; the pane's terminal settings
# now are the ones check_exit compares with
resize() {
	T resize-window -t 0 -x "$1" -y "$2"
	sleep 0.2
	STTY_BEFORE=$(stty -g < "$PANE_TTY")
}

# narrow COLS WHAT: no line of the pane is wider than COLS columns
narrow() {
	screen | while IFS= read -r l; do
		[ "$(printf '%s' "$l" | LC_ALL=C.UTF-8 wc -m)" -le "$1" ] || { echo "$l"; exit 1; }
	done || fail "$2: a line wider than $1 columns"
}

# wait_for REGEX [TENTHS]: until the pane shows it (default 5 s)
wait_for() {
	i=0
	while [ $i -lt "${2:-50}" ]; do
		screen | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# run ARGS: start the explorer in the pane, wait for its first frame, set PID
run() {
	T send-keys -t 0 "ulimit -c 0; clear; $INFERTUI $*; echo EXIT=\$?" Enter
	if ! wait_for 'Memory fit\|Terminal too small' 50; then
		fail "no first frame for: $*"; screen; return 1
	fi
	PID=$(ps -t "${PANE_TTY#/dev/}" -o pid=,comm= | awk '$2 == "infertui" { print $1 }')
	[ -n "$PID" ] || { fail "no infertui process on $PANE_TTY"; return 1; }
}

# gone PID: no such process, or a zombie waiting for its parent
gone() {
	st=$(ps -o stat= -p "$1" 2>/dev/null)
	[ -z "$st" ] || [ "${st#Z}" != "$st" ]
}

# wait_gone PID [TENTHS]
wait_gone() {
	i=0
	while ! gone "$1" && [ $i -lt "${2:-30}" ]; do sleep 0.1; i=$((i + 1)); done
	gone "$1"
}

# check_exit EXPECTED WHAT: the explorer ended with that status ("-": the
# shell abandons the command line, as after SIGINT), the process is gone,
# and the terminal settings are as before
check_exit() {
	if [ "$1" = - ]; then
		wait_gone "$PID" 30
		wait_for '^\$ *$' 30 || { fail "$2: no prompt"; screen | tail -5; }
	elif ! wait_for "EXIT=$1" 30; then
		fail "$2: no EXIT=$1"; screen | tail -5
	fi
	if ! wait_gone "$PID" 30; then
		fail "$2: process $PID still running"
		kill -9 "$PID" 2>/dev/null
	fi
	after=$(stty -g < "$PANE_TTY")
	if [ "$after" != "$STTY_BEFORE" ]; then
		fail "$2: terminal settings changed"
		echo " before: $STTY_BEFORE"; echo " after:  $after"
	else
		echo "ok $2"
	fi
	T send-keys -t 0 "clear" Enter
	sleep 0.1
}
