import { asOwner, createTestDatabase, type TestDatabase } from './support/test-database-server';

// Its twin file creates the same table. Were the files sharing a database, whichever ran second
// would fail on CREATE TABLE or see the other's row.
describe("a test file's own database (a)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('starts from the migrated template and holds only what this file wrote', async () => {
    const rows = await asOwner(db.ownerUrl, async (c) => {
      await c.query('CREATE TABLE file_probe (file text NOT NULL)');
      await c.query("INSERT INTO file_probe VALUES ('a')");
      await new Promise((r) => setTimeout(r, 300)); // let a twin running in parallel write too
      return (await c.query('SELECT file FROM file_probe')).rows;
    });
    expect(rows).toEqual([{ file: 'a' }]);
    expect(db.name).toMatch(/^accord_t_[0-9a-f]{12}$/);
  });
});
