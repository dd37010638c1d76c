#!/bin/sh
# config-inputs.sh — what the command line does with odd preset and theme
# inputs (issue 13): a --theme PATH is read or refused, a FIFO is refused
# without blocking, a file that is not a preset is not echoed, region shares
# are checked after the last --set, and an empty listing says where it looked.
. "$top_srcdir/tests/cli/lib.sh"

# --theme PATH: a bad theme file is refused with its messages
printf '[theme]\ndescription = "bad"\n[text]\nfg = 300\n' > "$tmp/bad.ini"
expect 2 "--theme PATH with a bad theme" --theme "$tmp/bad.ini"
has "$tmp/err" "bad.ini:4: \[text\] fg: value '300' out of range" "the theme's message"
expect 2 "--theme PATH that does not exist" --theme "$tmp/none.ini"
has "$tmp/err" "none.ini: cannot read" "says it cannot read it"
# a good one gets as far as the terminal check
cp "$top_srcdir/themes/default.ini" "$tmp/good.ini"
expect 1 "--theme PATH with a good theme (no terminal)" --theme "$tmp/good.ini"
has "$tmp/err" "needs a terminal" "reaches the terminal check"

# a FIFO: refused, never opened for a blocking read
mkfifo "$tmp/fifo.ini"
expect 2 "--check FIFO" --check "$tmp/fifo.ini"
has "$tmp/err" "not a regular file" "says why"
expect 2 "--preset FIFO" --preset "$tmp/fifo.ini" --report
has "$tmp/err" "not a regular file" "says why"

# a file that is not a preset: its lines are not echoed
printf 'root:$6$c2VjcmV0c2FsdA$SECRETHASHVALUE:19000:0:99999:7:::\n' > "$tmp/shadow"
expect 2 "--preset a shadow-like file" --preset "$tmp/shadow" --report
hasnt "$tmp/err" "SECRET|root" "no content of the file in the message"

# two shares that only sum to 1 together
expect 0 "two region shares, each alone off" --preset apac-3region --report \
	--set region.hk.share=0.5 --set region.sg.share=0.3 \
	--set region.syd.share=0.2
expect 2 "shares off after the last --set" --preset apac-3region --report \
	--set region.hk.share=0.9
has "$tmp/err" "shares sum to" "names the sum"

# an empty listing says where it looked
mkdir -p "$tmp/bin"
cp "$INFERTUI" "$tmp/bin/infertui"
XDG_CONFIG_HOME="$tmp/nothing" "$tmp/bin/infertui" --list-themes >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && ok "--list-themes with none: exit 0" || fail "--list-themes with none: exit $rc"
if [ -s "$tmp/out" ]; then
	ok "themes installed here: nothing to check"
else
	has "$tmp/err" "no themes: none found in $tmp/nothing/infertui/themes" "says where it looked"
fi
finish
