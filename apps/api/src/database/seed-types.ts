import type { EntityManager } from 'typeorm';

/**
 * A seed is an idempotent step that puts data in place (upserts keyed on fixed ids or natural
 * keys), so `npm run db:seed` can run any number of times and `npm start` at every start.
 */
export interface Seed {
  name: string;
  run(manager: EntityManager): Promise<void>;
}
