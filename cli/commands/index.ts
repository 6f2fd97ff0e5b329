import { mergeCommand } from './merge';
import type { CliCommand } from './types';
import { reportCommand } from './report';
import { exportCommand } from './export';
import { verifyCommand } from './verify';
import { importCommand } from './import';

/**
 * Commands kept in their own modules (import, report, export/verify/merge…), by name. run.ts handles
 * the original few itself and looks here for the rest; each feature adds its module with one line.
 */
export const COMMANDS: Record<string, CliCommand> = {
  report: reportCommand,
  export: exportCommand,
  verify: verifyCommand,
  merge: mergeCommand,
  import: importCommand,
};
