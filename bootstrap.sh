#!/bin/sh
# bootstrap.sh — from a fresh clone on Debian to a built src/infertui.
#
# Idempotent: installs only the Debian packages that are missing, regenerates
# the build system only when configure.ac or a Makefile fragment changed,
# configures only when there is no Makefile (or configure changed), then runs
# make.  Extra ./configure flags come from $CONFIGURE_FLAGS (CI passes
# --enable-werror).  Exits non-zero, with the reason, on any failure.
set -eu

cd "$(dirname "$0")"
say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# Build and test dependencies, by Debian package name.
PACKAGES="gcc make autoconf automake pkg-config libncurses-dev libtermkey-dev
libiniparser-dev libcmocka-dev tmux groff-base man-db locales cppcheck"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		die "missing packages:$missing — this script knows Debian's apt-get only; install their equivalents and run it again"
	fi
	if [ "$(id -u)" -eq 0 ]; then
		SUDO=""
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		SUDO="sudo"
	else
		say "missing packages:$missing"
		say "run as root:  apt-get update && apt-get install -y$missing"
		exit 1
	fi
	say "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq || die "apt-get update failed"
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq $missing >/dev/null || die "apt-get install failed for:$missing"
fi

# A UTF-8 locale for the screen tests (Unicode bar glyphs); C.UTF-8 ships
# with libc, so this only checks.
if ! locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then
	say "warning: no C.UTF-8 locale; the explorer will draw ASCII bars"
fi

newer() {  # newer TARGET SOURCES...: true when TARGET is missing or older
	t=$1; shift
	[ -e "$t" ] || return 0
	for s in "$@"; do [ "$s" -nt "$t" ] && return 0; done
	return 1
}

fragments=$(find src presets themes tests -name '*.mk' 2>/dev/null)
# shellcheck disable=SC2086
if newer configure configure.ac Makefile.am $fragments || newer Makefile.in Makefile.am $fragments; then
	say "autoreconf -fi"
	autoreconf -fi || die "autoreconf failed"
fi
# $CONFIGURE_FLAGS, when set, must match the flags the tree was configured
# with; otherwise configure again and rebuild everything (objects do not
# depend on the flags they were compiled with).
reconfigure=no
if [ ! -f Makefile ] || newer config.status configure; then
	reconfigure=yes
elif [ -n "${CONFIGURE_FLAGS+set}" ]; then
	have=$(./config.status --config 2>/dev/null | tr -d "'" | sed 's/^ *//; s/ *$//')
	want=$(printf '%s' "$CONFIGURE_FLAGS" | sed 's/^ *//; s/ *$//')
	if [ "$have" != "$want" ]; then
		say "configured with '$have', CONFIGURE_FLAGS asks for '$want'"
		reconfigure=yes
		make clean >/dev/null 2>&1 || true
	fi
fi
if [ "$reconfigure" = yes ]; then
	say "./configure ${CONFIGURE_FLAGS:-}"
	# shellcheck disable=SC2086
	./configure -q ${CONFIGURE_FLAGS:-} || die "./configure failed (see config.log)"
fi
make -j"$(nproc 2>/dev/null || echo 2)" || die "make failed"
