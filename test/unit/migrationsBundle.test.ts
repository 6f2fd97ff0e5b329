import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMigrationsModule } from '../../scripts/embedMigrations';

describe('embedded migrations', () => {
  it('match the SQL drizzle-kit generated (run `npm run db:generate` after changing db/schema)', () => {
    const dir = join(import.meta.dirname, '..', '..', 'db', 'migrations');
    expect(readFileSync(join(dir, 'bundle.generated.ts'), 'utf8')).toBe(renderMigrationsModule(dir));
  });
});
