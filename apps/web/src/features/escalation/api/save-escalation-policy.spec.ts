import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/api-error';
import { fakeApiClient, jsonResponse } from '../../../test/fake-api';
import { testPolicy } from '../../../test/escalation-policy';
import { reviewEscalationPath } from './review-escalation-path';
import { saveEscalationPolicy, stalePolicyOf } from './save-escalation-policy';
import { simulateOnServer } from './simulate-escalation';

const view = {
  matrixId: 'm1',
  version: 4,
  updatedAt: '2026-11-30T10:00:00.000Z',
  policy: testPolicy(),
  unreviewedPaths: [],
};

describe('saveEscalationPolicy', () => {
  it('sends the whole policy with the version it is based on as If-Match', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, { ...view, version: 5 }));
    const saved = await saveEscalationPolicy('ws-1', 'm1', { version: 4, policy: view.policy }, { client });
    const request = requests[0];
    expect(request?.method).toBe('PUT');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/workspaces/ws-1/matrices/m1/escalation-policy');
    expect(request?.headers.get('If-Match')).toBe('"4"');
    expect(await request?.json()).toEqual(view.policy);
    expect(saved.version).toBe(5);
  });

  it('turns a 400 into an ApiError whose details name the policy fields', async () => {
    const { client } = fakeApiClient(() =>
      jsonResponse(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid paths.0.steps.1.waitMinutes',
        details: [{ field: 'paths.0.steps.1.waitMinutes', message: 'waitMinutes cannot be negative' }],
      }),
    );
    const error = await saveEscalationPolicy('ws-1', 'm1', { version: 4, policy: view.policy }, { client }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldError('paths.0.steps.1.waitMinutes')).toBe('waitMinutes cannot be negative');
  });
});

describe('stalePolicyOf', () => {
  it('finds the other person’s policy in a 412, and nothing in other errors', () => {
    expect(
      stalePolicyOf(new ApiError({ statusCode: 412, error: 'Precondition Failed', message: 'x', current: view })),
    ).toEqual(view);
    expect(
      stalePolicyOf(
        new ApiError({ statusCode: 412, error: 'Precondition Failed', message: 'x', current: { version: 1 } }),
      ),
    ).toBeNull();
    expect(
      stalePolicyOf(new ApiError({ statusCode: 428, error: 'Precondition Required', message: 'x', current: view })),
    ).toBeNull();
    expect(stalePolicyOf(new Error('x'))).toBeNull();
  });
});

describe('reviewEscalationPath and simulateOnServer', () => {
  it('reviews one path by key with If-Match', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, view));
    await reviewEscalationPath('ws-1', 'm1', { pathKey: 'security_incidents', version: 4 }, { client });
    expect(requests[0]?.method).toBe('POST');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(
      '/api/workspaces/ws-1/matrices/m1/escalation-policy/paths/security_incidents/review',
    );
    expect(requests[0]?.headers.get('If-Match')).toBe('"4"');
  });

  it('asks the API for the timeline of a scenario', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, { events: [] }));
    const input = { responsibilityKey: 'incident_handling', severity: 'p1', at: '2026-11-29T07:00:00Z' };
    await simulateOnServer('ws-1', 'm1', input, { client });
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(
      '/api/workspaces/ws-1/matrices/m1/escalation-policy/simulate',
    );
    expect(await requests[0]?.json()).toEqual(input);
  });
});
