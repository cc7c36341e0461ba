import { Controller, Get, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { Public } from '../src/common/decorators';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { bootstrapCluster, roleUrls } from '../src/database/roles';
import { freePort } from './support/global-setup';
import { createTestApp, type TestApp } from './support/test-app';

/** A route that needs the database, standing in for every domain route. */
@Public()
@Controller('probe')
class ProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async now() {
    const [row] = await this.dataSource.query('SELECT 1 AS one');
    return row;
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('when the database goes away under a running app', () => {
  // A server of this file's own: stopping the shared one would break the other files.
  let server: EmbeddedPostgres;
  let t: TestApp;

  beforeAll(async () => {
    server = new EmbeddedPostgres({
      dataDir: path.join(mkdtempSync(path.join(tmpdir(), 'accord-outage-')), 'postgres'),
      port: await freePort(),
      fsync: false,
      ephemeral: true,
    });
    await server.start();
    await bootstrapCluster(server.superuserUrl(), 'accord');
    const urls = roleUrls('127.0.0.1', server.port, 'accord');
    await runMigrations(urls.ownerUrl, urls.appUrl);
    t = await createTestApp({ db: { name: 'accord', ...urls, drop: async () => undefined }, imports: [ProbeModule] });
  });

  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  it('answers 503 quickly while it is down, and serves again once it is back, without a restart', async () => {
    await t.http.get('/api/probe').expect(200, { one: 1 });
    await t.http.get('/api/health/ready').expect(200);

    await server.kill();

    const started = Date.now();
    const down = await t.http.get('/api/probe');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/database/i) });
    expect(down.headers['retry-after']).toBeDefined();
    const notReady = await t.http.get('/api/health/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: 'error', details: { database: { status: 'down' } } });
    expect(Date.now() - started).toBeLessThan(10_000);
    await t.http.get('/api/health').expect(200); // liveness is not readiness

    await server.start();

    await eventually(() => t.http.get('/api/probe').expect(200, { one: 1 }));
    await t.http.get('/api/health/ready').expect(200);
  });
});

async function eventually(check: () => Promise<unknown>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
