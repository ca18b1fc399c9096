import { build } from 'vite';

/** The tests drive the built UI, exactly as browser mode serves it. `npm test` has built it already. */
export default async function setup() {
  if (process.env.SEKRETARIAT_UI_BUILT === '1') return;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
