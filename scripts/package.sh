#!/usr/bin/env bash
# Builds what an organisation installs without Rust, and checks each before it says done:
#
#   1. a Debian package (cargo-deb), with the manual page, the bash, zsh and fish completions,
#      the README, the copyright file and the licences of the crates compiled in; lintian must
#      report no error;
#   2. a static binary (glibc's static libraries, `-C target-feature=+crt-static`), which runs
#      on older distributions than the machine it was built on, in a tarball laid out for
#      /usr/local with the same manual page and completions. The script checks with `file` and
#      `ldd` that it is static, and runs it.
#
#   scripts/package.sh              # both, into target/dist/
#   scripts/package.sh deb          # only the .deb
#   scripts/package.sh static       # only the static build
#   DEB_MAINTAINER="Name <addr>" scripts/package.sh deb   # your organisation as maintainer
#
# Installs what it lacks: cargo-deb from crates.io (`cargo install --locked`, about 3 minutes
# once), and lintian, file and binutils from Debian packages (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

WHAT="${1:-all}"
TRIPLE=x86_64-unknown-linux-gnu
NOW=2026-11-25T10:30:00 # the fixed clock every check below runs with

case "$WHAT" in all | deb | static) ;; *)
  echo "usage: scripts/package.sh [all|deb|static]" >&2
  exit 2
  ;;
esac

say() { printf '\n== %s\n' "$*"; }
fail() {
  echo "package.sh: $*" >&2
  exit 1
}

apt_install() {
  local missing=()
  for tool_pkg in "$@"; do
    command -v "${tool_pkg%%:*}" >/dev/null 2>&1 || missing+=("${tool_pkg#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || fail "install ${missing[*]} first"
  say "installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

META=$(cargo metadata --format-version 1 --no-deps --locked)
field() { python3 -c "import json,sys; m=json.load(sys.stdin); print($1)" <<<"$META"; }
TARGET_DIR=$(field 'm["target_directory"]')
VERSION=$(field '[p for p in m["packages"] if p["name"]=="esa-interview"][0]["version"]')
DIST="$TARGET_DIR/dist"
mkdir -p "$DIST"
# The manual page carries the date of the last commit, so one commit makes one page.
PAGE_DATE=$(git log -1 --format=%cs 2>/dev/null || true)
FIXTURE=tests/cases/assess/fifteen-points.toml

# The manual page, the completion scripts and the crates' licences, made by the program
# itself ($1) into a folder ($2).
generated() {
  local bin=$1 out=$2
  mkdir -p "$out"
  "$bin" manpage --date "$PAGE_DATE" >"$out/esa-interview.1"
  gzip -9nkf "$out/esa-interview.1" # Debian policy: manual pages compressed, no time stamp
  "$bin" completions bash >"$out/esa-interview.bash"
  "$bin" completions zsh >"$out/_esa-interview"
  "$bin" completions fish >"$out/esa-interview.fish"
  python3 pkg/third_party.py "$out/third-party-licences.txt" >/dev/null
  grep -q '^.SH EXAMPLES' "$out/esa-interview.1" || fail "the manual page has no EXAMPLES"
}

# Runs a built binary the way an adviser's first commands would, in an empty home.
smoke() {
  local bin=$1 home
  home=$(mktemp -d)
  HOME="$home" XDG_DATA_HOME="$home/data" "$bin" --version
  HOME="$home" XDG_DATA_HOME="$home/data" "$bin" check-content
  HOME="$home" XDG_DATA_HOME="$home/data" "$bin" --now "$NOW" assess "$FIXTURE" | head -3
  printf 'Smoke-test claimant\nquit\n' |
    HOME="$home" XDG_DATA_HOME="$home/data" "$bin" --now "$NOW" --plain >/dev/null ||
    fail "$bin: the plain-text mode did not start and quit"
  [ -n "$(ls -A "$home/data/esa-interview/sessions")" ] || fail "$bin saved no session"
  rm -rf "$home"
}

deb() {
  apt_install lintian:lintian dpkg-deb:dpkg
  if ! cargo deb --version >/dev/null 2>&1; then
    say "installing cargo-deb"
    cargo install cargo-deb --locked
  fi
  say "release build"
  cargo build --release --locked
  local bin="$TARGET_DIR/release/esa-interview"
  generated "$bin" "$TARGET_DIR/release/pkg"
  say "the .deb"
  local args=(--no-build --locked --output "$DIST/")
  [ -n "${DEB_MAINTAINER:-}" ] && args+=(--maintainer "$DEB_MAINTAINER")
  cargo deb "${args[@]}"
  local deb="$DIST/esa-interview_${VERSION}-1_amd64.deb"
  [ -f "$deb" ] || fail "cargo deb made no $deb"
  dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
  dpkg-deb --contents "$deb" | awk '{print $6}'
  say "lintian"
  # --fail-on error: warnings are printed, errors stop the script.
  lintian --fail-on error --info "$deb" || fail "lintian found errors in $deb"
  echo "lintian: no errors"
  local glibc
  glibc=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
  echo "The package's binary needs ${glibc/GLIBC_/glibc }; Depends: $(dpkg-deb -f "$deb" Depends)"
  smoke "$bin"
  echo "deb: $deb ($(du -h "$deb" | cut -f1))"
}

static() {
  apt_install file:file objdump:binutils
  say "static build ($TRIPLE, +crt-static)"
  # The flag goes to the target only, so build scripts and proc macros stay dynamic; the
  # output has its own folder, target/$TRIPLE/release, beside the ordinary build.
  CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS="-C target-feature=+crt-static" \
    cargo build --release --locked --target "$TRIPLE"
  local bin="$TARGET_DIR/$TRIPLE/release/esa-interview"
  file "$bin"
  file "$bin" | grep -Eq 'static(-pie)? linked|statically linked' || fail "$bin is not static"
  if objdump -p "$bin" | grep -q 'NEEDED'; then
    fail "$bin still needs shared libraries: $(objdump -p "$bin" | grep NEEDED | xargs)"
  fi
  # ldd says "statically linked" (or "not a dynamic executable") and exits 1 for a static
  # binary; anything that lists a library is a failure.
  local ldd_says
  ldd_says=$(ldd "$bin" 2>&1 || true)
  echo "ldd: $ldd_says"
  case "$ldd_says" in *"statically linked"* | *"not a dynamic executable"*) ;; *) fail "ldd: $ldd_says" ;; esac
  if objdump -T "$bin" 2>/dev/null | grep -q 'GLIBC_'; then
    fail "$bin asks for versioned glibc symbols"
  fi
  smoke "$bin"
  say "the tarball"
  local name="esa-interview-$VERSION-x86_64-linux-static"
  local stage="$TARGET_DIR/$TRIPLE/release/$name"
  rm -rf "$stage"
  generated "$bin" "$stage/gen"
  install -D -m 755 "$bin" "$stage/bin/esa-interview"
  install -D -m 644 "$stage/gen/esa-interview.1.gz" "$stage/share/man/man1/esa-interview.1.gz"
  install -D -m 644 "$stage/gen/esa-interview.bash" \
    "$stage/share/bash-completion/completions/esa-interview"
  install -D -m 644 "$stage/gen/_esa-interview" "$stage/share/zsh/site-functions/_esa-interview"
  install -D -m 644 "$stage/gen/esa-interview.fish" \
    "$stage/share/fish/vendor_completions.d/esa-interview.fish"
  for f in README.md LICENSE pkg/copyright "$stage/gen/third-party-licences.txt"; do
    install -D -m 644 "$f" "$stage/share/doc/esa-interview/$(basename "$f")"
  done
  rm -rf "$stage/gen"
  tar -C "$(dirname "$stage")" --owner=0 --group=0 --sort=name -czf "$DIST/$name.tar.gz" "$name"
  tar -tzf "$DIST/$name.tar.gz"
  echo "static: $DIST/$name.tar.gz ($(du -h "$DIST/$name.tar.gz" | cut -f1)); the binary is $(du -h "$bin" | cut -f1)"
}

case "$WHAT" in
all) deb && static ;;
deb) deb ;;
static) static ;;
esac
(cd "$DIST" && sha256sum -- *.deb *.tar.gz 2>/dev/null >SHA256SUMS) || true
say "done: $DIST"
ls -l "$DIST"
