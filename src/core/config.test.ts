import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to port 3000 and ./data with the embedded database', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(path.resolve('data'));
    expect(c.databaseUrl).toBeUndefined();
  });

  it('reads PORT, GROVE_DATA_DIR and DATABASE_URL; an empty DATABASE_URL means embedded', () => {
    const c = loadConfig({ PORT: '8080', GROVE_DATA_DIR: '/srv/grove', DATABASE_URL: 'postgres://u@db/grove' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/srv/grove', databaseUrl: 'postgres://u@db/grove' });
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('refuses a bad value with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
