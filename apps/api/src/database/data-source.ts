/**
 * The TypeORM CLI's entry (`npm run db:migrate`, `db:migrate:revert`): connects as the owner. With
 * no DATABASE_URL it starts the embedded server, or attaches to the one `npm start` is running.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseEnv } from '../config/env';
import { resolveDatabase } from './connection';
import { ownerDataSourceOptions } from './typeorm-options';

export const dataSource = (async () => {
  const db = await resolveDatabase(parseEnv(process.env), (m) => console.error(m));
  // The CLI ends with process.exit(), which skips async cleanup; the stop is synchronous.
  if (db.embedded) process.on('exit', () => db.embedded?.stopSync());
  return new DataSource(ownerDataSourceOptions(db.ownerUrl, db.appUrl));
})();
