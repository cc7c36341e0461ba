import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant guard's function keeps one plan per statement. Its look-up of the path's ids is
 * `p_x IS NULL OR EXISTS (...)` for every kind of id; PostgreSQL's plan cache judged a plan made
 * for each call's values (with the NULL branches folded away) cheaper than the shared one and
 * planned the statement again on every request: 0.52 ms a call, against 0.08 ms with the shared
 * plan, on every request of a workspace. The shared plan checks the same ids under the same
 * row-level security; only when it is made changes.
 */
export class GuardGenericPlan1765200000000 implements MigrationInterface {
  name = 'GuardGenericPlan1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION app_resolve_request SET plan_cache_mode = force_generic_plan`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION app_resolve_request RESET plan_cache_mode`);
  }
}
