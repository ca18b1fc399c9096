// `npm test`: type check, lint, build, then every Vitest project one tier at a time (unit: in-process; renderer: the
// window's logic in jsdom; integration: processes and ports; slow: crash trials and the security scan; e2e: Chromium),
// each tier's time printed. Ends with the one line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['typecheck', bin('tsc'), ['-b']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['build', 'npm', ['run', '-s', 'build']],
];
const TIERS = ['unit', 'renderer', 'integration', 'slow', 'e2e'];

let passed = 0;
let failed = 0;
const times = [];
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  times.push(`${name} ${seconds(started)}`);
  if (status === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${name} failed (exit ${status})`);
  }
}

mkdirSync('test-results', { recursive: true });
for (const tier of TIERS) {
  console.log(`\n▶ vitest --project ${tier}`);
  const report = `test-results/vitest-${tier}.json`;
  rmSync(report, { force: true });
  const started = performance.now();
  spawnSync(bin('vitest'), ['run', '--project', tier, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env: { ...process.env, SEKRETARIAT_UI_BUILT: '1' },
  });
  const took = seconds(started);
  times.push(`${tier} ${took}`);
  console.log(`⏱ ${tier}: ${took}`);
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    // A file that fails to load has no test results of its own; count it, so it cannot pass silently.
    failed += result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  } catch {
    failed++;
    console.log(`✗ vitest --project ${tier} wrote no report`);
  }
}

console.log(`\nTime: ${times.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
