#!/bin/sh
# Random key sequences into the explorer (tests/fuzz/fuzz_keys.c): a fixed
# seed and a bounded count, so a failure reproduces with the same command;
# FUZZ_KEYS_EVENTS and FUZZ_KEYS_SEED run longer or other streams.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
export top_srcdir
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp XDG_CONFIG_HOME=$tmp/config; export HOME XDG_CONFIG_HOME
mkdir -p "$XDG_CONFIG_HOME/infertui/presets" || exit 99
cp "$top_srcdir/tests/tui/screen.ini" "$XDG_CONFIG_HOME/infertui/presets/" || exit 99
exec "$top_builddir/tests/fuzz/fuzz_keys" "${FUZZ_KEYS_EVENTS:-3000}" "${FUZZ_KEYS_SEED:-20261130}"
