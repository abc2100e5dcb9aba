// Fails when the schema in code (src/**/*.schema.ts) and the committed SQL migrations disagree:
// drizzle-kit generates into a scratch copy of migrations/, and any new migration there is drift.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scratch = `.drift-check-${process.pid}`; // relative: drizzle-kit resolves `out` against the cwd
const config = path.join(root, `${scratch}.config.mjs`);
const journal = () => JSON.parse(fs.readFileSync(path.join(root, scratch, 'meta/_journal.json'), 'utf8')).entries.length;
try {
  fs.cpSync(path.join(root, 'migrations'), path.join(root, scratch), { recursive: true });
  fs.writeFileSync(
    config,
    `export default ${JSON.stringify({ dialect: 'postgresql', schema: './src/core/db/schema.ts', out: `./${scratch}` })};\n`,
  );
  const before = journal();
  const output = execFileSync(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config, '--name', 'drift'], {
    cwd: root,
    encoding: 'utf8',
    stdio: 'pipe',
  });
  const drift = fs.readdirSync(path.join(root, scratch)).find((f) => f.endsWith('_drift.sql'));
  if (drift || journal() !== before) {
    const sql = drift ? fs.readFileSync(path.join(root, scratch, drift), 'utf8') : output;
    console.error(`Schema and migrations have drifted. Run \`npm run db:generate\` and commit the new migration:\n${sql}`);
    process.exitCode = 1;
  } else if (!/No schema changes/i.test(output)) {
    console.error(`Could not compare schema and migrations:\n${output}`);
    process.exitCode = 1;
  } else {
    console.log('migrations: in step with the schema');
  }
} finally {
  fs.rmSync(path.join(root, scratch), { recursive: true, force: true });
  fs.rmSync(config, { force: true });
}
