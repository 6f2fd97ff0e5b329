import type { Archive } from '../../db/open';
import type { Values } from '../options';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  untilStopped(): Promise<void>;
}

/** What run.ts hands a command module: the parsed flags, the archive path and the shared helpers. */
export interface CommandEnv {
  /** Positional arguments after the command name. */
  args: string[];
  values: Values;
  /** Absolute path of the archive (--db, HOSO_DB or the app's default). */
  file: string;
  io: CliIo;
  /** Prints `human`, or `machine` as JSON with --json. */
  emit(human: string, machine: unknown): void;
  /** Prints an error (and its JSON with --json); returns exit code 2. */
  fail(error: { code: string; message: string }): number;
  /** Opens the archive for the body; refuses a missing file unless `create`. */
  withArchive(body: (archive: Archive) => Promise<number>, options?: { create: boolean }): Promise<number>;
}

/** A command of `hoso` that lives in its own module (cli/commands/*.ts). */
export interface CliCommand {
  /** Lines for --help, already formatted like the others in run.ts's USAGE. */
  usage: string;
  run(env: CommandEnv): Promise<number>;
}
