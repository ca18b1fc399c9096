// The command line's entry point, kept apart from cli.ts so that importing runCli never runs it.
import { runCli } from './cli';

process.exitCode = await runCli(process.argv.slice(2));
