import { DataSource, type EntityManager } from 'typeorm';
import { ownerDataSourceOptions } from './typeorm-options';

/**
 * A seed is an idempotent step that puts data in place (upserts keyed on natural keys), so
 * `npm run db:seed` can run any number of times and `npm start` can run it at every start.
 */
export interface Seed {
  name: string;
  run(manager: EntityManager): Promise<void>;
}

/** The demo workspaces of DESIGN.md section 8 are added here by the identity domain. */
export const demoSeeds: Seed[] = [];

/** Runs each seed in its own transaction as the owner; a failing seed leaves nothing behind. */
export async function runSeeds(ownerUrl: string, appUrl: string, seeds: readonly Seed[]): Promise<string[]> {
  const dataSource = new DataSource(ownerDataSourceOptions(ownerUrl, appUrl));
  await dataSource.initialize();
  try {
    for (const seed of seeds) await dataSource.transaction((manager) => seed.run(manager));
    return seeds.map((s) => s.name);
  } finally {
    await dataSource.destroy();
  }
}
