#!/usr/bin/env bash
# Regenerates what is generated from the catalogs and limits: the JSON Schema and FORMAT.md's reference and Limits.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh" "$root/build" >/dev/null
bin="$root/build/promptotype"
"$bin" schema > "$root/specs/promptotype.schema.json.tmp" && mv "$root/specs/promptotype.schema.json.tmp" "$root/specs/promptotype.schema.json"
doc="$root/specs/FORMAT.md"
begin='<!-- BEGIN GENERATED: promptotype docs -->'
end='<!-- END GENERATED -->'
{
  sed "/^$begin\$/q" "$doc"
  "$bin" docs
  echo "$end"
} > "$doc.tmp"
mv "$doc.tmp" "$doc"
