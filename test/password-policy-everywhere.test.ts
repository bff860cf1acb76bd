// The password policy holds where a password is chosen outside the API too: the first administrator from the
// environment and `kaspr user create`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../src/server/bootstrap.ts';
import { countUsers } from '../src/store/users.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the password policy outside the API', () => {
  it('refuses a first administrator whose password is on the common list or is their own email', async () => {
    for (const password of ['iloveyou12345', 'ada.lovelace@clinic.test']) {
      const ctx = {
        ...server.ctx,
        config: {
          ...server.ctx.config,
          KASPR_ADMIN_EMAIL: 'ada.lovelace@clinic.test',
          KASPR_ADMIN_PASSWORD: password,
        },
      };
      await expect(bootstrapAdmin(ctx), password).rejects.toThrow(/KASPR_ADMIN_PASSWORD/);
    }
    expect(await countUsers(server.ctx.db)).toBe(0);
  });

  it('refuses `kaspr user create` with a password made of the user’s own email, before opening the database', () => {
    const r = spawnSync(
      process.execPath,
      [
        'bin/kaspr.mjs',
        'user',
        'create',
        '--email',
        'nora.nurse@clinic.test',
        '--name',
        'Nora Nurse',
        '--role',
        'nurse',
        '--password',
        'nora.nurse@clinic.test',
      ],
      {
        env: { ...process.env, KASPR_DATA_DIR: mkdtempSync(join(tmpdir(), 'kaspr-cli-')) },
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot create the user:\n {2}password: /);
  });
});
