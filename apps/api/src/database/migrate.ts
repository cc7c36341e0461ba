import { DataSource } from 'typeorm';
import { ownerDataSourceOptions } from './typeorm-options';

/** Applies pending migrations as the owner. Returns the names applied. */
export async function runMigrations(ownerUrl: string, appUrl: string): Promise<string[]> {
  const dataSource = new DataSource(ownerDataSourceOptions(ownerUrl, appUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
