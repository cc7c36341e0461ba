import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The privileges of the application role. The role's name comes from the migration connection
 * (`accord.app_role`, set from DATABASE_URL's user), so one migration serves the embedded server
 * and an external one whose roles are named differently.
 */
export class Foundation1764360000000 implements MigrationInterface {
  name = 'Foundation1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE app text := current_setting('accord.app_role');
      BEGIN
        IF app = current_user THEN
          RAISE EXCEPTION 'the application role (%) must not be the owner that runs migrations', app;
        END IF;
        EXECUTE 'REVOKE CREATE ON SCHEMA public FROM PUBLIC';
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO %I', app);
      END $$;
    `);
    // The migrations table belongs to the owner; the app has no business reading or writing it.
    await q.query(`DO $$ BEGIN EXECUTE format('REVOKE ALL ON TABLE migrations FROM %I', current_setting('accord.app_role')); END $$;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE app text := current_setting('accord.app_role');
      BEGIN
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON FUNCTIONS FROM %I', app);
        EXECUTE format('REVOKE USAGE ON SCHEMA public FROM %I', app);
      END $$;
    `);
  }
}
