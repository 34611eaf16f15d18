#!/bin/sh
# Installs hearth's shell completions (bash, zsh, fish) and its man page. The completions are
# generated from the hearth binary being installed, the man page by swift-argument-parser's
# GenerateManual plugin from the same binary (`make install` runs
# `swift package plugin generate-manual` first), so both list the commands that binary has.
#
# Usage: Scripts/install-extras.sh HEARTH_BINARY MAN_PAGE DESTROOT
#   MAN_PAGE is the hearth.1 the plugin wrote (.build/plugins/GenerateManual/outputs/hearth/hearth.1);
#   DESTROOT is $(DESTDIR)$(PREFIX), e.g. /usr/local; files go to
#   DESTROOT/share/bash-completion/completions/hearth
#   DESTROOT/share/zsh/site-functions/_hearth
#   DESTROOT/share/fish/vendor_completions.d/hearth.fish
#   DESTROOT/share/man/man1/hearth.1
#
# Every step is checked and a failure says what failed and what to do, exits 1 and leaves
# DESTROOT as it was: no file and no folder of a half-done install stays behind.
set -u

me=$(basename "$0")
fail() {
    echo "$me: $*" >&2
    exit 1
}

if [ $# -ne 3 ]; then
    echo "usage: $0 HEARTH_BINARY MAN_PAGE DESTROOT" >&2
    exit 2
fi
binary=$1
page=$2
destroot=$3

[ -x "$binary" ] && [ ! -d "$binary" ] || fail "$binary is not an executable; build hearth first (swift build, or make install)"
# The plugin writes an mdoc(7) page, which starts with a comment and then the .Dd date macro.
[ -f "$page" ] && [ -s "$page" ] && grep -q '^\.Dd ' "$page" ||
    fail "$page is not a man page; write it first with swift package plugin generate-manual (make install does)"

# Everything is generated before anything is installed, so a failure leaves no half-installed set.
work=$(mktemp -d) || fail "cannot make a temporary folder (is TMPDIR writable?)"
# Newline-separated lists, so paths with spaces survive.
newline='
'
created=""
placed=""
# On any failure, what this run created under DESTROOT goes again: the files it placed, then the
# folders it made (deepest first, and only while empty).
cleanup() {
    status=$?
    rm -rf "$work"
    if [ "$status" -ne 0 ]; then
        IFS=$newline
        for file in $placed; do rm -f "$file"; done
        for folder in $created; do rmdir "$folder" 2> /dev/null; done
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# The last line a failed step wrote to stderr, as `: message` (nothing when it wrote nothing).
said() {
    [ -s "$work/error" ] && printf ': %s' "$(tail -n 1 "$work/error")"
}

for shell in bash zsh fish; do
    "$binary" --generate-completion-script "$shell" > "$work/completion.$shell" 2> "$work/error" ||
        fail "$binary --generate-completion-script $shell failed (exit status $?$(said)): is $binary a hearth binary?"
    [ -s "$work/completion.$shell" ] ||
        fail "$binary --generate-completion-script $shell printed nothing: is $binary a hearth binary?"
done
grep -q hearth "$work/completion.bash" ||
    fail "$binary --generate-completion-script bash printed no completion for hearth: is $binary a hearth binary?"
cp "$page" "$work/hearth.1" 2> "$work/error" || fail "cannot read $page$(said)"

# Folders are made one level at a time, remembering which ones this run made.
make_folder() {
    [ -d "$1" ] && return 0
    make_folder "$(dirname "$1")" || return 1
    mkdir "$1" 2> "$work/error" || fail "cannot make the folder $1$(said): choose a DESTROOT you may write to"
    created="$1$newline$created"
}
# Each file is copied next to its place under a temporary name, then renamed over it, so an
# installed file is always whole; the renames only start once every copy is in place.
for pair in completion.bash:share/bash-completion/completions/hearth completion.zsh:share/zsh/site-functions/_hearth \
    completion.fish:share/fish/vendor_completions.d/hearth.fish hearth.1:share/man/man1/hearth.1; do
    target="$destroot/${pair#*:}"
    make_folder "$(dirname "$target")"
    placed="$placed$target.installing$newline"
    install -m 0644 "$work/${pair%%:*}" "$target.installing" 2> "$work/error" ||
        fail "cannot write $target$(said): choose a DESTROOT you may write to"
done
IFS=$newline
for file in $placed; do
    mv -f "$file" "${file%.installing}" 2> "$work/error" ||
        fail "cannot put ${file%.installing} in place$(said); run the install again"
done
placed=""
