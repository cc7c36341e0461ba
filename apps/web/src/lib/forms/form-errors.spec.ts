import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from '../api/api-error';
import { errorMessage, fieldMessage, toFormErrors } from './form-errors';

const badRequest = (details: { field: string; message: string }[]) =>
  new ApiError({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid ${details.map((d) => d.field).join(', ')}`,
    details,
  });

describe('fieldMessage', () => {
  it('drops the field name the API starts its message with, and capitalises', () => {
    expect(fieldMessage('name', 'name must not be empty')).toBe('Must not be empty');
    expect(fieldMessage('password', 'password must be at least 12 characters')).toBe('Must be at least 12 characters');
    expect(fieldMessage('clientId', 'clientId must be the id of a client')).toBe('Must be the id of a client');
  });

  it('leaves messages that do not start with the field name as they are, capitalised', () => {
    expect(fieldMessage('name', 'is already taken')).toBe('Is already taken');
    expect(fieldMessage('email', 'names must be unique')).toBe('Names must be unique');
  });
});

describe('toFormErrors', () => {
  const fields = ['workspaceName', 'name', 'email', 'password'] as const;

  it('puts each 400 detail next to its input and needs no alert', () => {
    const error = badRequest([
      { field: 'workspaceName', message: 'workspaceName must not be empty' },
      { field: 'password', message: 'password must be at least 12 characters' },
    ]);
    expect(toFormErrors(error, fields)).toEqual({
      fields: { workspaceName: 'Must not be empty', password: 'Must be at least 12 characters' },
      message: null,
    });
  });

  it('keeps the first message when the API names a field twice', () => {
    const error = badRequest([
      { field: 'email', message: 'email must be an e-mail address' },
      { field: 'email', message: 'email must be shorter than 254 characters' },
    ]);
    expect(toFormErrors(error, fields).fields).toEqual({ email: 'Must be an e-mail address' });
  });

  it('shows details of fields the form lacks in the alert, so none is lost', () => {
    const error = badRequest([
      { field: 'email', message: 'email must be an e-mail address' },
      { field: 'clientId', message: 'must be absent for MSP roles' },
    ]);
    expect(toFormErrors(error, fields)).toEqual({
      fields: { email: 'Must be an e-mail address' },
      message: 'Invalid email, clientId: clientId must be absent for MSP roles',
    });
  });

  it('puts the full sentence of a 409 on its one field', () => {
    const error = new ApiError({
      statusCode: 409,
      error: 'Conflict',
      message: 'A client named "Harbor Dental" already exists.',
      details: [{ field: 'name', message: 'is already taken' }],
    });
    expect(toFormErrors(error, ['name'])).toEqual({
      fields: { name: 'A client named "Harbor Dental" already exists.' },
      message: null,
    });
  });

  it('shows errors without details, or with no known field, in the alert', () => {
    const unauthorized = new ApiError({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid e-mail or password.',
    });
    expect(toFormErrors(unauthorized, fields)).toEqual({ fields: {}, message: 'Invalid e-mail or password.' });

    const foreign = badRequest([{ field: 'role', message: 'role must be one of ...' }]);
    expect(toFormErrors(foreign, ['name'])).toEqual({ fields: {}, message: 'Invalid role' });
  });

  it('explains an unreachable API and unknown failures in plain words', () => {
    expect(toFormErrors(new ApiUnreachableError(), fields).message).toMatch(/could not be reached/);
    expect(errorMessage(new Error('boom'))).toBe('Something went wrong. Please try again.');
  });
});
