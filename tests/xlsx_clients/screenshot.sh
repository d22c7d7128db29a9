#!/usr/bin/env bash
# Renders one page of an xlsx export the way LibreOffice Calc prints it, in a Swedish locale
# (space as thousands separator, decimal comma), to a PNG: docs/images/export-libreoffice.png.
#
# Usage: tests/xlsx_clients/screenshot.sh FILE.xlsx OUT.png [PAGE] [DPI] [HEIGHT_PX]
# HEIGHT_PX crops the page to its top HEIGHT_PX pixels.
# Needs soffice (libreoffice-calc) and pdftoppm (poppler-utils).
set -euo pipefail
xlsx=${1:?usage: screenshot.sh FILE.xlsx OUT.png [PAGE] [DPI]}
out=${2:?usage: screenshot.sh FILE.xlsx OUT.png [PAGE] [DPI]}
page=${3:-1}
dpi=${4:-110}
height=${5:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/profile/user"
cat > "$tmp/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
</oor:items>
XCU
soffice "-env:UserInstallation=file://$tmp/profile" --headless --norestore --convert-to pdf --outdir "$tmp" "$xlsx" >/dev/null
pdf="$tmp/$(basename "${xlsx%.*}").pdf"
crop=()
if [ -n "$height" ]; then crop=(-x 0 -y 0 -W 100000 -H "$height"); fi
pdftoppm -f "$page" -l "$page" -r "$dpi" "${crop[@]}" -png -singlefile "$pdf" "$tmp/page"
mkdir -p "$(dirname "$out")"
cp "$tmp/page.png" "$out"
echo "screenshot.sh: page $page of $xlsx -> $out"
