/** `npm run db:seed`: loads the demo data into the configured (or embedded) database. */
import 'reflect-metadata';
import { parseEnv } from '../config/env';
import { resolveDatabase } from './connection';
import { runMigrations } from './migrate';
import { demoSeeds, runSeeds } from './seed';

async function main(): Promise<void> {
  const db = await resolveDatabase(parseEnv(process.env), (m) => console.error(m));
  try {
    await runMigrations(db.ownerUrl, db.appUrl);
    const names = await runSeeds(db.ownerUrl, db.appUrl, demoSeeds);
    console.log(names.length ? `seeded: ${names.join(', ')}` : 'no seeds to run');
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
