import { DataSource } from 'typeorm';
import type { Seed } from './seed-types';
import { demoIdentitySeed } from './seeds/demo-identity.seed';
import { demoEscalationSeed } from './seeds/demo-escalation.seed';
import { demoMatricesSeed } from './seeds/demo-matrices.seed';
import { ownerDataSourceOptions } from './typeorm-options';


/** The demo data of DESIGN.md section 8; later domains add their seeds after these. */
export const demoSeeds: Seed[] = [demoIdentitySeed, demoMatricesSeed, demoEscalationSeed];

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
