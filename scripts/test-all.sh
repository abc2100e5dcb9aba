#!/usr/bin/env bash
# `npm test`: lint, types, migration drift, unit and integration tests on the embedded PostgreSQL,
# the integration tests again on an external PostgreSQL, the production build, browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
step() { printf '\n== %s\n' "$1"; }

step 'lint (Biome)'
npx biome check .
step 'type check'
npm run --silent typecheck
step 'migrations match the schema'
node scripts/check-migrations.mjs

step 'unit and integration tests (embedded PostgreSQL)'
env -u DATABASE_URL -u TEST_DATABASE_URL npx vitest run --project unit --project integration \
  --reporter=default --reporter=json --outputFile.json="$results/embedded.json"

external=${TEST_EXTERNAL_DATABASE_URL:-postgres://$(id -un)@127.0.0.1:5432/test}
step "integration tests (external PostgreSQL: ${external%%@*}@…)"
if node -e "const c=new (require('pg').Client)(process.argv[1]);c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$external"; then
  TEST_DATABASE_URL=$external npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/external.json"
elif [ -n "${CI:-}" ]; then
  echo "The external PostgreSQL at $external is not reachable." >&2; exit 1
else
  echo "skipped: no PostgreSQL at $external (set TEST_EXTERNAL_DATABASE_URL)"
fi

step 'production build'
npm run --silent build

step 'browser journeys (headless Chromium)'
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  npx vitest run --project browser --reporter=default --reporter=json --outputFile.json="$results/browser.json"
elif [ -n "${CI:-}" ]; then
  echo "Chromium is missing (apt-get install -y chromium)." >&2; exit 1
else
  echo "skipped: no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}"
fi

# A run that errored before its tests (config, collection) can still exit 0: count what really ran.
node -e '
const fs = require("fs"); let p = 0, f = 0, s = 0, bad = [];
for (const file of fs.readdirSync(process.argv[1])) {
  const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + file, "utf8"));
  p += r.numPassedTests; f += r.numFailedTests; s += r.numPendingTests + (r.numTodoTests || 0);
  if (!r.success || r.numPassedTests === 0) bad.push(file);
}
console.log(`\ntests: ${p} passed, ${f} failed, ${s} skipped`);
if (bad.length) { console.error(`failed or empty runs: ${bad.join(", ")}`); process.exit(1); }' "$results"
rm -rf "$results"
