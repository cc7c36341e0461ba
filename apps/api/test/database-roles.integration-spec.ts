import { Client } from 'pg';
import { asOwner, createTestDatabase, type TestDatabase } from './support/test-database-server';

describe('the application role', () => {
  let db: TestDatabase;
  let app: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = new Client({ connectionString: db.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await db.drop();
  });

  it('is no superuser and cannot bypass row-level security', async () => {
    const { rows } = await app.query('SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user');
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcreatedb: false, rolcreaterole: false }]);
  });

  it('owns no table, view, sequence or schema', async () => {
    const { rows } = await app.query(`
      SELECT (SELECT count(*)::int FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS relations,
             (SELECT count(*)::int FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS schemas`);
    expect(rows).toEqual([{ relations: 0, schemas: 0 }]);
  });

  it('is not the role that owns the schema', async () => {
    const owner = await asOwner(db.ownerUrl, (c) => c.query('SELECT current_user AS name'));
    const me = await app.query('SELECT current_user AS name');
    expect(me.rows[0].name).not.toBe(owner.rows[0].name);
  });

  it('cannot create tables', async () => {
    await expect(app.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
  });

  it('cannot read or rewrite the migration history', async () => {
    await expect(app.query('SELECT * FROM migrations')).rejects.toThrow(/permission denied/);
  });

  it('sees the migrations applied to its database', async () => {
    const { rows } = await asOwner(db.ownerUrl, (c) => c.query('SELECT name FROM migrations ORDER BY id'));
    expect(rows.map((r) => r.name)).toContain('Foundation1764360000000');
  });
});
