/** The application role's connection URL, as resolved at start (embedded or DATABASE_URL). */
export const DATABASE_URL = Symbol('DATABASE_URL');
