import { InvalidEnvironmentError, parseEnv } from './env';

describe('parseEnv', () => {
  it('fills in defaults for a bare environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, EMBEDDED_PG_PORT: 54329, MIGRATE_ON_START: true });
    expect(env.SEED_DEMO).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names PORT when it is not a number', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(InvalidEnvironmentError);
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT: must be a whole number \(got "abc"\)/);
  });

  it('names PORT when it is out of range', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT: must be between 1 and 65535/);
  });

  it('refuses a DATABASE_URL that is not a postgres URL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL: must start with postgres/);
  });

  it('lists every bad variable at once', () => {
    try {
      parseEnv({ PORT: 'x', LOG_LEVEL: 'loud', SEED_DEMO: 'maybe' });
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as InvalidEnvironmentError).problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL', 'SEED_DEMO']);
    }
  });

  it('treats an empty variable as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', PORT: '' });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
