#!/usr/bin/env node
/** Entry of `npm run --silent hoso -- <command>`: wires the CLI to the real process. */
import { runCli } from './run';

const stop = new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  untilStopped: () => stop,
}).then(
  (code) => {
    process.exitCode = code;
    // serve keeps handles open until closed; other commands end naturally.
    if (code !== 0 || !process.argv.includes('serve')) setImmediate(() => process.exit(code));
  },
  (e: unknown) => {
    process.stderr.write(`[hoso] INTERNAL ${(e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
