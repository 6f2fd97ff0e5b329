import type { CliCommand } from './types';
import { serveCommand } from './serve';
import { checkCommand } from './check';
import { backupCommand } from './backup';
import { searchCommand } from './search';
import { rebuildIndexCommand } from './rebuildIndex';
import { demoCommand } from './demo';
import { reportCommand } from './report';
import { exportCommand } from './export';
import { verifyCommand } from './verify';
import { mergeCommand } from './merge';
import { importCommand } from './import';

/** Every command of `hoso`, by name, in the order --help lists them. A new command adds its module and one line. */
export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  serve: serveCommand,
  check: checkCommand,
  backup: backupCommand,
  search: searchCommand,
  'rebuild-index': rebuildIndexCommand,
  demo: demoCommand,
  report: reportCommand,
  export: exportCommand,
  verify: verifyCommand,
  merge: mergeCommand,
  import: importCommand,
};
