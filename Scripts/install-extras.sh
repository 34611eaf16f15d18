#!/bin/sh
# Installs hearth's shell completions (bash, zsh, fish) and its man page, generated from the
# hearth binary being installed, so they always list the commands that binary has.
#
# Usage: Scripts/install-extras.sh HEARTH_BINARY DESTROOT
#   DESTROOT is $(DESTDIR)$(PREFIX), e.g. /usr/local; files go to
#   DESTROOT/share/bash-completion/completions/hearth
#   DESTROOT/share/zsh/site-functions/_hearth
#   DESTROOT/share/fish/vendor_completions.d/hearth.fish
#   DESTROOT/share/man/man1/hearth.1
set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 HEARTH_BINARY DESTROOT" >&2
    exit 2
fi
binary=$1
destroot=$2
scripts=$(cd "$(dirname "$0")" && pwd)

if [ ! -x "$binary" ]; then
    echo "$0: $binary is not an executable; build hearth first" >&2
    exit 1
fi

# Everything is generated before anything is installed, so a failure leaves no half-installed set.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" --generate-completion-script bash > "$work/hearth.bash"
"$binary" --generate-completion-script zsh > "$work/_hearth"
"$binary" --generate-completion-script fish > "$work/hearth.fish"
python3 "$scripts/generate-manpage.py" "$binary" > "$work/hearth.1"
for file in hearth.bash _hearth hearth.fish hearth.1; do
    if [ ! -s "$work/$file" ]; then
        echo "$0: generating $file from $binary gave nothing" >&2
        exit 1
    fi
done

install -d "$destroot/share/bash-completion/completions" "$destroot/share/zsh/site-functions" \
    "$destroot/share/fish/vendor_completions.d" "$destroot/share/man/man1"
install -m 0644 "$work/hearth.bash" "$destroot/share/bash-completion/completions/hearth"
install -m 0644 "$work/_hearth" "$destroot/share/zsh/site-functions/_hearth"
install -m 0644 "$work/hearth.fish" "$destroot/share/fish/vendor_completions.d/hearth.fish"
install -m 0644 "$work/hearth.1" "$destroot/share/man/man1/hearth.1"
