import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The ports and folders of one e2e run, from the environment, shared by playwright.config.ts and
 * the journeys. Two runs side by side differ in E2E_PORT and E2E_PG_PORT, and so in everything here.
 */
export const port = Number(process.env.E2E_PORT ?? 3199);
export const pgPort = Number(process.env.E2E_PG_PORT ?? 54398);
// Per user: a folder left by a run as root must not block a run as a normal user, or the reverse.
const runName = `accord-e2e-${process.getuid?.() ?? 0}-${pgPort}`;
/** The embedded PostgreSQL's data folder; its parent is removed before every run. */
export const dataDir = path.join(tmpdir(), runName, 'postgres');
/** The local SMTP server the API sends mail to; unique per run like the database port. */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 25000 + (pgPort % 10000));
/** Where the SMTP server keeps each mail it receives, one JSON file per mail; emptied when it starts. */
export const mailDir = path.join(tmpdir(), `${runName}-mail`);
