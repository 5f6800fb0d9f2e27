#!/usr/bin/env bash
# Tests of tools/system-deps.sh on a faked machine: fake commands, fake font
# directories, a fake apt-get that records its calls. Nothing of the real
# system is checked or installed, except in the first case, which only checks.
#
#   tools/test-system-deps.sh      (prints one line per case, exits 1 on a failure)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
script=$here/system-deps.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

pass() { echo "ok   $1"; }
fail() {
    echo "FAIL $1: $2"
    failures=$((failures + 1))
}

# A machine in $work/<name>: bin/ (commands), fonts/ and the apt-get log.
# Packages named in $2... are present from the start.
make_machine() {
    local root=$work/$1 package
    shift
    mkdir -p "$root/bin" "$root/fonts"
    for package in "$@"; do fake_install "$root" "$package"; done
    # the fake apt-get: records "ARGS | DEBIAN_FRONTEND", installs by creating
    # the files of each package unless FAKE_APT=noop or FAKE_APT=fail
    cat >"$root/bin/apt-get" <<EOF
#!/usr/bin/env bash
echo "\$* | DEBIAN_FRONTEND=\${DEBIAN_FRONTEND:-}" >>"$root/apt.log"
[ "\${FAKE_APT:-}" = fail ] && { echo "E: Unable to locate package" >&2; exit 100; }
if [ "\$1" = install ] && [ "\${FAKE_APT:-}" != noop ]; then
    for arg in "\$@"; do
        case \$arg in -*|install) ;; *) "$here/test-system-deps.sh" --fake-install "$root" "\$arg" ;; esac
    done
fi
exit 0
EOF
    chmod +x "$root/bin/apt-get"
    echo "$root"
}

fake_install() {
    local root=$1 file
    case $2 in
    poppler-utils) files="bin/pdftotext bin/pdffonts bin/pdfinfo bin/pdftoppm" ;;
    chromium) files="bin/chromium" ;;
    fonts-dejavu-core) files="fonts/truetype/dejavu/DejaVuSans.ttf fonts/truetype/dejavu/DejaVuSans-Bold.ttf" ;;
    fonts-liberation2) files="fonts/truetype/liberation2/LiberationSerif-Regular.ttf
        fonts/truetype/liberation2/LiberationSerif-Bold.ttf fonts/truetype/liberation2/LiberationSerif-Italic.ttf" ;;
    *) return 1 ;;
    esac
    for file in $files; do
        mkdir -p "$(dirname "$root/$file")"
        printf '#!/bin/sh\n' >"$root/$file"
        chmod +x "$root/$file"
    done
}

if [ "${1:-}" = --fake-install ]; then
    fake_install "$2" "$3"
    exit
fi

# run_on ROOT UID [ARGS...]: runs system-deps.sh on that machine; sets rc, out, err
run_on() {
    local root=$1 uid=$2
    shift 2
    out=$(LU_SYSDEPS_PATH=$root/bin LU_SYSDEPS_FONT_DIRS=$root/fonts LU_SYSDEPS_UID=$uid \
        TMPDIR=$root "$script" "$@" 2>"$root/stderr")
    rc=$?
    err=$(cat "$root/stderr")
}

lines() { [ -z "$1" ] && echo 0 || printf '%s\n' "$1" | wc -l; }

# 1. this machine as it is: only checks (everything is expected present here)
if real_err=$("$script" 2>&1); then
    [ -z "$real_err" ] && pass "this machine: everything present, silent, exit 0" ||
        fail "this machine" "printed: $real_err"
else
    fail "this machine" "exit $?: $real_err"
fi

# 2. all present on a fake machine, not root: silent, exit 0, apt-get not called
m=$(make_machine all poppler-utils chromium fonts-dejavu-core fonts-liberation2)
run_on "$m" 1000
if [ $rc = 0 ] && [ -z "$out$err" ] && [ ! -e "$m/apt.log" ]; then
    pass "all present: exit 0, silent, no apt-get"
else fail "all present" "rc=$rc out=$out err=$err"; fi

# 3. chromium under another name Odoo accepts
m=$(make_machine chrome poppler-utils fonts-dejavu-core fonts-liberation2)
printf '#!/bin/sh\n' >"$m/bin/google-chrome" && chmod +x "$m/bin/google-chrome"
run_on "$m" 1000
[ $rc = 0 ] && pass "google-chrome stands for chromium" || fail "google-chrome" "rc=$rc err=$err"

# 4. missing, root: apt-get update once, then install exactly the missing ones
m=$(make_machine root chromium fonts-dejavu-core)
run_on "$m" 0
expected="update -q | DEBIAN_FRONTEND=noninteractive
install -y -q --no-install-recommends poppler-utils fonts-liberation2 | DEBIAN_FRONTEND=noninteractive"
if [ $rc = 0 ] && [ "$(cat "$m/apt.log")" = "$expected" ] && [ -z "$err" ] &&
    [ "$(lines "$out")" = 1 ] && [ -z "$(ls "$m"/lu-system-deps.* 2>/dev/null)" ]; then
    pass "missing + root: apt-get update, install poppler-utils fonts-liberation2, exit 0"
else fail "missing + root" "rc=$rc apt.log=$(cat "$m/apt.log" 2>&1) out=$out err=$err"; fi
# and again: everything is there now, nothing more is called
run_on "$m" 0
[ $rc = 0 ] && [ -z "$out$err" ] && [ "$(lines "$(cat "$m/apt.log")")" = 2 ] &&
    pass "second run after the install: silent, apt-get not called" ||
    fail "second run" "rc=$rc out=$out err=$err"

# 5. missing, root, apt-get installs nothing: exit 2, says what is still missing
m=$(make_machine noop poppler-utils chromium fonts-liberation2)
FAKE_APT=noop run_on "$m" 0
if [ $rc = 2 ] && [[ $err == *"still missing: fonts-dejavu-core (DejaVuSans.ttf DejaVuSans-Bold.ttf)"* ]]; then
    pass "apt-get installs nothing: exit 2, still missing named"
else fail "apt-get installs nothing" "rc=$rc err=$err"; fi

# 6. missing, root, apt-get fails: exit 2, apt-get's error shown
m=$(make_machine aptfail poppler-utils fonts-dejavu-core fonts-liberation2)
FAKE_APT=fail run_on "$m" 0
if [ $rc = 2 ] && [[ $err == *"Unable to locate package"* ]] && [[ $err == *"could not install chromium"* ]]; then
    pass "apt-get fails: exit 2 with its error"
else fail "apt-get fails" "rc=$rc err=$err"; fi

# 7. missing, not root: exit 2, one sentence naming each package and file, no apt-get
m=$(make_machine user fonts-dejavu-core)
rm "$m/bin/apt-get"
printf '#!/bin/sh\necho called >>"%s/apt.log"\n' "$m" >"$m/bin/apt-get" && chmod +x "$m/bin/apt-get"
printf '#!/bin/sh\n' >"$m/bin/pdftotext" && chmod +x "$m/bin/pdftotext"
run_on "$m" 1000
sentence="ERROR: the tests need system packages that are missing: poppler-utils (pdffonts pdfinfo pdftoppm), chromium (chromium), fonts-liberation2 (liberation2/LiberationSerif-Regular.ttf liberation2/LiberationSerif-Bold.ttf liberation2/LiberationSerif-Italic.ttf); install them with 'sudo apt-get update && sudo apt-get install --no-install-recommends poppler-utils chromium fonts-liberation2' (make installs them itself when run as root); no test was run."
if [ $rc = 2 ] && [ "$err" = "$sentence" ] && [ -z "$out" ] && [ ! -e "$m/apt.log" ]; then
    pass "missing + not root: exit 2, one sentence, apt-get not called"
else fail "missing + not root" "rc=$rc apt.log=$(cat "$m/apt.log" 2>/dev/null) err=$err"; fi

# 8. missing, root but no apt-get: exit 2, one sentence
m=$(make_machine noapt poppler-utils chromium fonts-liberation2)
rm "$m/bin/apt-get"
run_on "$m" 0
if [ $rc = 2 ] && [ "$(lines "$err")" = 1 ] && [[ $err == *"missing: fonts-dejavu-core (DejaVuSans.ttf DejaVuSans-Bold.ttf); install them with the system's package manager"* ]]; then
    pass "missing + root without apt-get: exit 2, one sentence"
else fail "missing + no apt-get" "rc=$rc err=$err"; fi

# 9. only the packages asked for are checked (make run asks for the fonts only)
m=$(make_machine fonts fonts-dejavu-core fonts-liberation2)
run_on "$m" 1000 fonts-dejavu-core fonts-liberation2
[ $rc = 0 ] && [ -z "$err" ] && pass "fonts only: poppler and chromium not required" ||
    fail "fonts only" "rc=$rc err=$err"

# 10. an unknown package name is refused
run_on "$m" 1000 poppler
[ $rc = 64 ] && [[ $err == *"unknown package 'poppler'"* ]] && pass "unknown package: exit 64" ||
    fail "unknown package" "rc=$rc err=$err"

if [ $failures -gt 0 ]; then
    echo "$failures case(s) failed"
    exit 1
fi
echo "all cases passed"
