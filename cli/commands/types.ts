import type { Values } from '../options';
import type { Session } from '../../services/session';
import type { SessionUse } from '../session';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  untilStopped(): Promise<void>;
}

/** What run.ts hands a command: the parsed flags, the archive path and the shared helpers. */
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
  /**
   * Opens the archive behind the same dispatcher as the desktop app and the web host (see
   * cli/session.ts) for the body, and closes it after. Refuses a missing file unless `create`.
   */
  withSession(body: (session: Session) => Promise<number>, use?: SessionUse): Promise<number>;
}

/** A command of `hoso`, one module each in cli/commands/. */
export interface CliCommand {
  /** Lines for --help, aligned like the others. */
  usage: string;
  run(env: CommandEnv): Promise<number>;
}
