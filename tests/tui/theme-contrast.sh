#!/bin/sh
# The high-contrast theme is legible on a projector: every element's
# 256-colour foreground against its background has a WCAG 2 contrast ratio
# of at least 4.5:1 (w3.org/TR/WCAG21, "contrast ratio" and "relative
# luminance"); xterm's 256 colours: 16-231 the 6x6x6 cube (levels 0, 95,
# 135, 175, 215, 255), 232-255 greys 8 + 10 n, 0-15 xterm's defaults.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
awk '
function lin(c) { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ^ 2.4 }
function lum(i,   r, g, b, lv) {
	split("0 95 135 175 215 255", lv, " ")
	if (i >= 232) { r = g = b = 8 + 10 * (i - 232) }
	else if (i >= 16) { i -= 16; r = lv[int(i / 36) + 1]; g = lv[int(i / 6) % 6 + 1]; b = lv[i % 6 + 1] }
	else { split(base[i], lv, " "); r = lv[1]; g = lv[2]; b = lv[3] }
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}
BEGIN {
	base[0] = "0 0 0"; base[1] = "205 0 0"; base[2] = "0 205 0"; base[3] = "205 205 0"
	base[4] = "0 0 238"; base[5] = "205 0 205"; base[6] = "0 205 205"; base[7] = "229 229 229"
	base[8] = "127 127 127"; base[9] = "255 0 0"; base[10] = "0 255 0"; base[11] = "255 255 0"
	base[12] = "92 92 255"; base[13] = "255 0 255"; base[14] = "0 255 255"; base[15] = "255 255 255"
}
/^\[/ { sec = $0; next }
$1 == "fg" && $3 ~ /^[0-9]+$/ { fg[sec] = $3 }
$1 == "bg" && $3 ~ /^[0-9]+$/ { bg[sec] = $3 }
END {
	bad = 0
	for (s in fg) {
		if (!(s in bg) || s == "[theme]") continue
		a = lum(fg[s]); b = lum(bg[s])
		ratio = a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05)
		ok = ratio >= 4.5
		printf "%s %s on %s: %.1f:1 %s\n", s, fg[s], bg[s], ratio, ok ? "ok" : "FAIL"
		if (!ok) bad++
	}
	exit bad > 0
}' "$top_srcdir/themes/high-contrast.ini"
