/**
 * Logs speak English codes (for whoever reads them later), never the clerk's data: a channel name, an
 * error code, a cause. stderr, so the CLI's --json stdout stays clean.
 */
export interface Logger {
  error(code: string, context: string, cause?: unknown): void;
  info(message: string): void;
}

export const consoleLogger: Logger = {
  error(code, context, cause) {
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : cause === undefined ? '' : String(cause);
    console.error(`[hoso] ${code} ${context}${why ? ` (${why})` : ''}`);
  },
  info(message) {
    console.error(`[hoso] ${message}`);
  },
};

export const silentLogger: Logger = { error: () => {}, info: () => {} };
