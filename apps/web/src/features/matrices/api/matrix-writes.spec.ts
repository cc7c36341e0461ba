import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/api-error';
import { fakeApiClient, jsonResponse } from '../../../test/fake-api';
import { addParty } from './add-party';
import { createResponsibility } from './create-responsibility';
import { deleteParty } from './delete-party';
import { deleteResponsibility } from './delete-responsibility';
import { staleMatrixOf } from './matrix-cache';
import { renameMatrix } from './rename-matrix';
import { reorderResponsibilities } from './reorder-responsibilities';
import { updateParty } from './update-party';
import { updateResponsibility } from './update-responsibility';

const matrix = { id: 'm1', version: 3, name: 'IT 2027', parties: [], responsibilities: [] };
const row = { id: 'r1', version: 5, title: 'Backups', letters: {}, violations: [] };
const base = '/api/workspaces/ws-1/matrices/m1';

/** Runs one write against a fake API and returns the request it sent. */
async function sent(write: (client: ReturnType<typeof fakeApiClient>['client']) => Promise<unknown>, answer: Response) {
  const { client, requests } = fakeApiClient(() => answer);
  await write(client);
  const request = requests[0];
  if (!request) throw new Error('no request was sent');
  return {
    method: request.method,
    path: new URL(request.url).pathname,
    ifMatch: request.headers.get('If-Match'),
    csrf: request.headers.get('X-Accord-Csrf'),
    body: request.method === 'DELETE' ? null : ((await request.json()) as unknown),
  };
}

describe('matrix writes', () => {
  it('edits a responsibility with the row version it started from as If-Match, sending only the changes', async () => {
    const request = await sent(
      (client) =>
        updateResponsibility(
          'ws-1',
          'm1',
          { responsibilityId: 'r1', version: 5, changes: { title: 'Restore test' } },
          { client },
        ),
      jsonResponse(200, { ...row, version: 6 }),
    );
    expect(request).toEqual({
      method: 'PATCH',
      path: `${base}/responsibilities/r1`,
      ifMatch: '"5"',
      csrf: '1',
      body: { title: 'Restore test' },
    });
  });

  it('adds a responsibility to a category', async () => {
    const request = await sent(
      (client) =>
        createResponsibility('ws-1', 'm1', { title: 'Restore test', category: 'backups', critical: true }, { client }),
      jsonResponse(201, row),
    );
    expect(request).toMatchObject({
      method: 'POST',
      path: `${base}/responsibilities`,
      ifMatch: null,
      body: { title: 'Restore test', category: 'backups', critical: true },
    });
  });

  it('deletes a responsibility against the version the person confirmed', async () => {
    const request = await sent(
      (client) => deleteResponsibility('ws-1', 'm1', { responsibilityId: 'r1', version: 5 }, { client }),
      new Response(null, { status: 204 }),
    );
    expect(request).toMatchObject({ method: 'DELETE', path: `${base}/responsibilities/r1`, ifMatch: '"5"' });
  });

  it('reorders with the complete order and the matrix version', async () => {
    const request = await sent(
      (client) => reorderResponsibilities('ws-1', 'm1', { order: ['r2', 'r1'], version: 3 }, { client }),
      jsonResponse(200, { ...matrix, version: 4 }),
    );
    expect(request).toMatchObject({
      method: 'POST',
      path: `${base}/responsibilities/reorder`,
      ifMatch: '"3"',
      body: { order: ['r2', 'r1'] },
    });
  });

  it('renames the matrix against its version', async () => {
    const request = await sent(
      (client) => renameMatrix('ws-1', 'm1', { name: 'IT 2028', version: 3 }, { client }),
      jsonResponse(200, { ...matrix, name: 'IT 2028', version: 4 }),
    );
    expect(request).toMatchObject({ method: 'PATCH', path: base, ifMatch: '"3"', body: { name: 'IT 2028' } });
  });

  it('adds, changes and deletes parties, changes against the party version', async () => {
    expect(
      await sent(
        (client) => addParty('ws-1', 'm1', { name: 'Cloud vendor', requiredToSign: true }, { client }),
        jsonResponse(201, matrix),
      ),
    ).toMatchObject({ method: 'POST', path: `${base}/parties`, body: { name: 'Cloud vendor', requiredToSign: true } });
    expect(
      await sent(
        (client) =>
          updateParty('ws-1', 'm1', { partyId: 'p9', version: 2, changes: { requiredToSign: false } }, { client }),
        jsonResponse(200, matrix),
      ),
    ).toMatchObject({ method: 'PATCH', path: `${base}/parties/p9`, ifMatch: '"2"', body: { requiredToSign: false } });
    expect(
      await sent(
        (client) => deleteParty('ws-1', 'm1', { partyId: 'p9', version: 2 }, { client }),
        jsonResponse(200, matrix),
      ),
    ).toMatchObject({ method: 'DELETE', path: `${base}/parties/p9`, ifMatch: '"2"' });
  });

  it('rejects with the API error, carrying the current state of a 412', async () => {
    const { client } = fakeApiClient(() =>
      jsonResponse(412, { statusCode: 412, error: 'Precondition Failed', message: 'changed', current: matrix }),
    );
    const failure = await reorderResponsibilities('ws-1', 'm1', { order: [], version: 2 }, { client }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(staleMatrixOf(failure)).toEqual(matrix);
  });
});

describe('staleMatrixOf', () => {
  it('finds a matrix only in a 412 that carries one', () => {
    const error = (status: number, current: unknown) =>
      new ApiError({ statusCode: status, error: 'x', message: 'x', current });
    expect(staleMatrixOf(error(412, matrix))).toEqual(matrix);
    expect(staleMatrixOf(error(412, row))).toBeNull();
    expect(staleMatrixOf(error(409, matrix))).toBeNull();
    expect(staleMatrixOf(error(412, null))).toBeNull();
    expect(staleMatrixOf(new Error('x'))).toBeNull();
  });
});
