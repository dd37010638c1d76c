# tests/cli/lib.sh — sourced by the command-line tests.
# The harness exports INFERTUI (the binary) and top_srcdir.
set -u
: "${INFERTUI:?run through make check}"
: "${top_srcdir:?run through make check}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/infertui-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# a private configuration directory: the user's own presets never leak in
export XDG_CONFIG_HOME="$tmp/config"
export LC_ALL=C.UTF-8
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# run ARGS...: runs infertui, stdout in $tmp/out, stderr in $tmp/err, status in $rc
run() {
	"$INFERTUI" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
}

# expect STATUS DESCRIPTION ARGS...
expect() {
	local want=$1 what=$2
	shift 2
	run "$@"
	if [ "$rc" -ne "$want" ]; then
		fail "$what: exit $rc, wanted $want (infertui $*)"
		sed 's/^/  stderr: /' "$tmp/err" | head -n 10
		return 1
	fi
	ok "$what"
}

# has FILE PATTERN DESCRIPTION: grep -E must find the pattern
has() {
	if grep -Eq -- "$2" "$1"; then ok "$3"; else
		fail "$3: no /$2/ in $(basename "$1")"
		sed 's/^/  | /' "$1" | head -n 20
	fi
}
hasnt() {
	if grep -Eq -- "$2" "$1"; then
		fail "$3: /$2/ found in $(basename "$1")"
		sed 's/^/  | /' "$1" | head -n 20
	else ok "$3"; fi
}
empty() { if [ -s "$1" ]; then fail "$2: $(basename "$1") not empty"; head -n 5 "$1"; else ok "$2"; fi; }

finish() {
	if [ "$fails" -gt 0 ]; then echo "$fails check(s) failed"; exit 1; fi
	exit 0
}
