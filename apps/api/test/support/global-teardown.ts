import { asOwner } from './test-database-server';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__ACCORD_TEST_PG__;
  if (server) {
    await server.stop(); // ephemeral: the whole cluster goes with it
    return;
  }
  const t = globalThis.__ACCORD_TEST_TEMPLATE__;
  if (!t) return;
  // On an external server, remove this run's databases and leave everything else alone.
  await asOwner(t.ownerUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE 'accord\\_t\\_%'",
      [t.template],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`);
  });
}
