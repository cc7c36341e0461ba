import { readFileSync } from 'node:fs';
import path from 'node:path';

// The root package.json is the one place the version is written; this file sits at the same depth
// below the root in the sources (apps/api/src) and in the build (dist/apps/api).
const manifest = path.join(__dirname, '..', '..', '..', 'package.json');
export const APP_VERSION: string = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
