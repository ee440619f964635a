#!/usr/bin/env python3
"""Writes the licences of the Rust crates compiled into esa-interview, for the packages.

Asks `cargo tree` which crates are linked into the x86_64 Linux binary (normal dependencies,
no dev or build dependencies, no proc macros: those run only at compile time), finds each in
`cargo metadata`, and writes each crate's name, version, declared licence and the text of every
licence file it ships (LICENSE*, LICENCE*, COPYING*, NOTICE*, UNLICENSE), sorted by name.

    pkg/third_party.py OUT.txt
"""

import json
import os
import subprocess
import sys

LICENCE_PREFIXES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "UNLICENSE")


def metadata():
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked",
         "--filter-platform", "x86_64-unknown-linux-gnu"],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def compiled_in(meta):
    """The packages cargo links into the binary: `cargo tree` with normal edges only and no
    proc macros (those, and what only they use, run at compile time)."""
    tree = subprocess.run(
        ["cargo", "tree", "--locked", "-e", "normal,no-proc-macro",
         "--target", "x86_64-unknown-linux-gnu", "--prefix", "none", "-f", "{p}"],
        check=True, capture_output=True, text=True).stdout
    linked = {tuple(line.split()[:2]) for line in tree.splitlines() if line.strip()}
    root = meta["resolve"]["root"]
    kept = [p for p in meta["packages"]
            if (p["name"], "v" + p["version"]) in linked and p["id"] != root]
    return sorted(kept, key=lambda p: (p["name"], p["version"]))


def licence_files(package):
    folder = os.path.dirname(package["manifest_path"])
    names = sorted(n for n in os.listdir(folder)
                   if n.upper().startswith(LICENCE_PREFIXES)
                   and os.path.isfile(os.path.join(folder, n)))
    return [(n, open(os.path.join(folder, n), encoding="utf-8", errors="replace").read())
            for n in names]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: pkg/third_party.py OUT.txt")
    crates = compiled_in(metadata())
    parts = [
        "Rust crates compiled into /usr/bin/esa-interview, with their licences\n"
        "=====================================================================\n\n"
        "Written by pkg/third_party.py from Cargo.lock. Each crate's declared licence comes\n"
        "first, then the licence files the crate ships, word for word.\n\n"
    ]
    parts += [f"  {p['name']} {p['version']}: {p.get('license') or 'no licence declared'}\n"
              for p in crates]
    for p in crates:
        parts.append(f"\n\n{'-' * 78}\n{p['name']} {p['version']} ({p.get('license')})\n")
        files = licence_files(p)
        if not files:
            parts.append("\nThe crate ships no licence file; its licence is the one declared "
                         "above (see /usr/share/common-licenses for Apache-2.0).\n")
        for name, text in files:
            parts.append(f"\n--- {name} ---\n\n{text.rstrip()}\n")
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("".join(parts))
    print(f"{len(crates)} crates")


if __name__ == "__main__":
    main()
