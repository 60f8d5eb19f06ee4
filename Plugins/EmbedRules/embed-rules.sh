#!/bin/sh
# Writes a Swift file holding every Rules/**/*.yaml file as a raw string literal.
# usage: embed-rules.sh RULES_DIR OUTPUT.swift
set -eu
rules=$1
output=$2
delimiter='####'
mkdir -p "$(dirname "$output")"
tmp="$output.tmp.$$"
trap 'rm -f "$tmp"' EXIT
{
  echo '// Generated from the package'"'"'s Rules/ folder by Plugins/EmbedRules. Do not edit.'
  echo
  echo 'enum EmbeddedRules {'
  echo '    /// (path relative to Rules/, contents) of every built-in rule file, sorted by path.'
  echo '    static let files: [(path: String, contents: String)] = ['
  if [ -d "$rules" ]; then
    (cd "$rules" && find . -type f \( -name '*.yaml' -o -name '*.yml' \) | sed 's|^\./||' | LC_ALL=C sort) |
    while IFS= read -r path; do
      if grep -q "\"$delimiter" "$rules/$path" || grep -q "\\\\$delimiter" "$rules/$path"; then
        echo "error: $rules/$path contains the sequence \"$delimiter, which cannot be embedded" >&2
        exit 1
      fi
      case $path in *'"'*|*'\'*) echo "error: unsupported rule file name: $path" >&2; exit 1 ;; esac
      printf '        ("%s",\n%s"""\n' "$path" "$delimiter"
      cat "$rules/$path"
      printf '\n"""%s),\n' "$delimiter"
    done
  fi
  echo '    ]'
  echo '}'
} >"$tmp"
if ! cmp -s "$tmp" "$output" 2>/dev/null; then
  mv "$tmp" "$output"
fi
