import { asOwner, createTestDatabase, type TestDatabase } from './support/test-database-server';

/** Tables that hold no tenant's rows, or are the tenant itself. Adding to this list needs a reason. */
const NOT_TENANT_TABLES: Record<string, string> = {
  migrations: 'migration history, owner only',
  users: 'global identities; row-level security on the user and their colleagues instead',
  sessions: 'session store, keyed by an unguessable id',
  login_attempts: 'sign-in throttling, before any tenant is known',
  workspaces: 'the tenant itself; row-level security on its id',
};

/**
 * Reads the schema from PostgreSQL's catalogue, so every table added later is held to the same
 * rules without anyone remembering to add a test.
 */
describe('the tenant tables in the catalogue', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const catalogue = () =>
    asOwner(db.ownerUrl, async (c) => {
      const tables = await c.query<{ name: string; rls: boolean; forced: boolean; workspace_id_not_null: boolean | null }>(`
        SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
               (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped) AS workspace_id_not_null
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`);
      const policies = await c.query<{ table: string; using: string | null; check: string | null; cmd: string }>(
        `SELECT tablename AS table, qual AS using, with_check AS check, cmd FROM pg_policies WHERE schemaname = 'public'`,
      );
      const foreignKeys = await c.query<{ name: string; from_table: string; to_table: string; from_columns: string[] }>(`
        SELECT con.conname AS name, src.relname AS from_table, dst.relname AS to_table,
               array(SELECT a.attname::text FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k) AS from_columns
        FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = src.relnamespace
        WHERE con.contype = 'f' AND n.nspname = 'public'`);
      return { tables: tables.rows, policies: policies.rows, foreignKeys: foreignKeys.rows };
    });

  it('gives every tenant table a NOT NULL workspace_id, forced row-level security and a policy on the workspace', async () => {
    const { tables, policies } = await catalogue();
    const tenantTables = tables.filter((t) => !(t.name in NOT_TENANT_TABLES));
    expect(tenantTables.map((t) => t.name)).toEqual(expect.arrayContaining(['clients', 'memberships', 'invitations', 'audit_events']));
    const problems = tenantTables.flatMap((t) => {
      const own = policies.filter((p) => p.table === t.name);
      const onWorkspace = own.some((p) => `${p.using ?? ''} ${p.check ?? ''}`.includes('workspace_id = app_workspace_id()'));
      return [
        ...(t.workspace_id_not_null ? [] : [`${t.name}: workspace_id missing or nullable`]),
        ...(t.rls ? [] : [`${t.name}: row-level security not enabled`]),
        ...(t.forced ? [] : [`${t.name}: row-level security not forced`]),
        ...(onWorkspace ? [] : [`${t.name}: no policy on workspace_id = app_workspace_id()`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('keeps row-level security forced on the global tables that hold people and tenants', async () => {
    const { tables } = await catalogue();
    for (const name of ['users', 'workspaces']) expect(tables.find((t) => t.name === name)).toMatchObject({ rls: true, forced: true });
  });

  it('lists only tables that exist in the allow-list, so it cannot go stale', async () => {
    const { tables } = await catalogue();
    for (const name of Object.keys(NOT_TENANT_TABLES)) expect(tables.map((t) => t.name)).toContain(name);
  });

  it('makes every foreign key between tenant tables include workspace_id', async () => {
    const { tables, foreignKeys } = await catalogue();
    const tenant = new Set(tables.filter((t) => !(t.name in NOT_TENANT_TABLES)).map((t) => t.name));
    const between = foreignKeys.filter((fk) => tenant.has(fk.from_table) && (tenant.has(fk.to_table) || fk.to_table === 'workspaces'));
    expect(between.length).toBeGreaterThan(0);
    const leaky = between.filter((fk) => !fk.from_columns.includes('workspace_id')).map((fk) => `${fk.from_table}.${fk.name} -> ${fk.to_table}`);
    expect(leaky).toEqual([]);
  });
});
