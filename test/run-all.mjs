// `npm test`: type check, lint, build, then every Vitest project (unit, integration, Electron shell with
// electron mocked, electronegativity, end-to-end in Chromium). Ends with the one line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['typecheck', bin('tsc'), ['-b']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['build', 'npm', ['run', '-s', 'build']],
];

let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${name} failed (exit ${status})`);
  }
}

console.log('\n▶ vitest');
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  stdio: 'inherit',
  env: { ...process.env, SEKRETARIAT_UI_BUILT: '1' },
});
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  // A file that fails to load has no test results of its own; count it, so it cannot pass silently.
  failed += result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} catch {
  failed++;
  console.log('✗ vitest wrote no report');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
