#!/usr/bin/env bash
# The Debian packages the tests and the reports need, installed when missing.
#
#   tools/system-deps.sh [PACKAGE...]    (default: every package below)
#
# Each package is checked by what the project uses of it: commands in PATH,
# font files. When some are missing and this runs as root with apt-get, they
# are installed (apt-get update once, then install without recommends) and
# checked again; otherwise one sentence names them and how to install them,
# and the script exits 2 (make stops: no test is run).
#
# For tools/test-system-deps.sh, which fakes the machine:
#   LU_SYSDEPS_PATH       replaces PATH to find the commands and apt-get
#   LU_SYSDEPS_FONT_DIRS  the font directories searched (colon-separated)
#   LU_SYSDEPS_UID        the user id (0 = root)
set -euo pipefail

search_path=${LU_SYSDEPS_PATH:-$PATH}
font_dirs=${LU_SYSDEPS_FONT_DIRS:-/usr/share/fonts:/usr/local/share/fonts}
uid=${LU_SYSDEPS_UID:-$(id -u)}

ALL=(poppler-utils chromium fonts-dejavu-core fonts-liberation2)

# what each package must provide: "cmd:NAME" (every one), "anycmd:A|B" (one of
# them), "font:PATH" (a file whose path ends with PATH under a font directory)
provides() {
    case $1 in
    poppler-utils) echo cmd:pdftotext cmd:pdffonts cmd:pdfinfo cmd:pdftoppm ;;
    # the executables Odoo's browser tests look for (odoo/tests/common.py)
    chromium) echo "anycmd:chromium|chromium-browser|google-chrome|google-chrome-stable" ;;
    fonts-dejavu-core) echo font:DejaVuSans.ttf font:DejaVuSans-Bold.ttf ;;
    # Liberation 2: its Serif (Times New Roman's metrics) has the Vietnamese
    # letters, Debian's fonts-liberation (1.07) has not
    fonts-liberation2) echo font:liberation2/LiberationSerif-Regular.ttf \
        font:liberation2/LiberationSerif-Bold.ttf font:liberation2/LiberationSerif-Italic.ttf ;;
    *) return 1 ;;
    esac
}

find_command() {
    local dir
    local -a dirs
    IFS=: read -ra dirs <<<"$search_path"
    for dir in "${dirs[@]}"; do
        if [ -n "$dir" ] && [ -f "$dir/$1" ] && [ -x "$dir/$1" ]; then
            echo "$dir/$1"
            return 0
        fi
    done
    return 1
}

find_font() {
    local dir
    local -a dirs
    IFS=: read -ra dirs <<<"$font_dirs"
    for dir in "${dirs[@]}"; do
        [ -d "$dir" ] && [ -n "$(find "$dir" -path "*/$1" -print -quit 2>/dev/null)" ] && return 0
    done
    return 1
}

# prints what is missing of package $1 (nothing when it is complete)
missing_of() {
    local item name found
    local -a names
    for item in $(provides "$1"); do
        case $item in
        cmd:*) find_command "${item#cmd:}" >/dev/null || printf '%s ' "${item#cmd:}" ;;
        anycmd:*)
            found=
            IFS='|' read -ra names <<<"${item#anycmd:}"
            for name in "${names[@]}"; do
                find_command "$name" >/dev/null && found=1 && break
            done
            [ -n "$found" ] || printf '%s ' "${names[0]}"
            ;;
        font:*) find_font "${item#font:}" || printf '%s ' "${item#font:}" ;;
        esac
    done
}

packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=("${ALL[@]}")
for package in "${packages[@]}"; do
    provides "$package" >/dev/null || {
        echo "tools/system-deps.sh: unknown package '$package' (known: ${ALL[*]})." >&2
        exit 64
    }
done

# sets $missing (packages) and $details ("package (what)" list)
check() {
    missing=()
    details=()
    local package what
    for package in "${packages[@]}"; do
        what=$(missing_of "$package")
        if [ -n "$what" ]; then
            missing+=("$package")
            details+=("$package (${what% })")
        fi
    done
}

check
[ ${#missing[@]} -eq 0 ] && exit 0

joined() { local IFS=,; echo "$*" | sed 's/,/, /g'; }

apt_get=$(find_command apt-get || true)
if [ "$uid" != 0 ] || [ -z "$apt_get" ]; then
    if [ -n "$apt_get" ]; then
        how="with 'sudo apt-get update && sudo apt-get install --no-install-recommends ${missing[*]}' (make installs them itself when run as root)"
    else
        how="with the system's package manager (Debian names; make installs them itself only as root with apt-get)"
    fi
    echo "ERROR: the tests need system packages that are missing: $(joined "${details[@]}"); install them $how; no test was run." >&2
    exit 2
fi

log=$(mktemp "${TMPDIR:-/tmp}/lu-system-deps.XXXXXX.log")
echo "== Installing system packages with apt-get: ${missing[*]} (log: $log)"
export DEBIAN_FRONTEND=noninteractive
if ! { "$apt_get" update -q && "$apt_get" install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "ERROR: apt-get could not install ${missing[*]} (see $log); no test was run." >&2
    exit 2
fi
check
if [ ${#missing[@]} -gt 0 ]; then
    echo "ERROR: after apt-get install, still missing: $(joined "${details[@]}") (see $log); no test was run." >&2
    exit 2
fi
rm -f "$log"
