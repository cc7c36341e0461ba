import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestApp, type TestApp } from './support/test-app';

describe('health and the HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness without touching the database', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', version: expect.any(String), uptimeSeconds: expect.any(Number) });
  });

  it('reports readiness with the database up', async () => {
    const res = await t.http.get('/api/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });

  it('gives every response a request id, keeping a well-formed one from the caller', async () => {
    const fresh = await t.http.get('/api/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http.get('/api/health').set('X-Request-Id', 'trace-abc-123456');
    expect(kept.headers['x-request-id']).toBe('trace-abc-123456');
    const replaced = await t.http.get('/api/health').set('X-Request-Id', '<script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the one error shape and the request id', async () => {
    const res = await t.http.get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.stringContaining('/api/no-such-thing'),
      requestId: res.headers['x-request-id'],
    });
  });

  it('sends the security headers of helmet', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps API answers out of browser and proxy caches', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves the OpenAPI document, and the committed copy the web types come from is current', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/health/ready']));
    const committed = JSON.parse(readFileSync(path.join(__dirname, '../openapi.json'), 'utf8'));
    // When this fails: run `npm run openapi` and commit apps/api/openapi.json and the web types.
    expect(res.body).toEqual(committed);
  });

  it('serves the OpenAPI UI', async () => {
    const res = await t.http.get('/api/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });
});
