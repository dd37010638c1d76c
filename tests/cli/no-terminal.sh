#!/bin/sh
# Without a terminal the explorer refuses clearly and points to --report.
. "$top_srcdir/tests/cli/lib.sh"

expect 1 "no terminal: exit 1"
has "$tmp/err" "needs a terminal" "says a terminal is needed"
has "$tmp/err" "--report" "points to --report"
empty "$tmp/out" "nothing on stdout"
finish
