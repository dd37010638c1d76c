#!/bin/sh
# Every way out leaves the terminal as it was and the process gone:
# q, Ctrl-C (keys); SIGTERM, SIGHUP, SIGINT, SIGQUIT (die of the signal after
# restoring: exit status 128+N); SIGSEGV, SIGABRT (a crash: restore, then
# re-raise); and a dropped session (the pane killed: exit promptly, no spin).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/tmux_lib.sh"
P="--preset $top_srcdir/tests/tui/screen.ini"

start_pane 80 24
run $P || exit 1
T send-keys -t 0 q
check_exit 0 "q"

run $P || exit 1
T send-keys -t 0 C-c
check_exit 0 "Ctrl-C"

for sig in TERM HUP INT QUIT SEGV ABRT; do
	run $P || continue
	kill -s $sig "$PID"
	case $sig in TERM) n=15;; HUP) n=1;; INT) n=2;; QUIT) n=3;; SEGV) n=11;; ABRT) n=6;; esac
	# an interactive shell drops the rest of a command line whose job
	# died of SIGINT (as if Ctrl-C had been typed): no EXIT line then
	# under AddressSanitizer (--enable-sanitizers) its SEGV handler, to
	# which the explorer chains after restoring, reports and exits 1
	case $sig in
	INT) check_exit - "SIG$sig" ;;
	SEGV) check_exit "\($((128 + n))\|1\)\$" "SIG$sig" ;;
	*) check_exit $((128 + n)) "SIG$sig" ;;
	esac
done

# a dropped SSH session: the terminal goes away under the explorer
run $P || exit 1
T kill-pane -t 0 2>/dev/null || T kill-server
if ! wait_gone "$PID" 20; then
	fail "still running 2 s after its terminal went away"
	kill -9 "$PID"
else
	echo "ok terminal gone (pane killed): exited within $(( (i + 1) * 100 )) ms"
fi
[ $FAILS -eq 0 ]
