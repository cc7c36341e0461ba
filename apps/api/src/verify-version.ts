import { verifyVersionText } from '@accord/raci';
import { readFileSync } from 'node:fs';

/**
 * Checks a version's JSON export: recomputes the SHA-256 of its canonical snapshot with libs/raci,
 * the same code the API signed with. Exit code 0 when it matches, 1 when it does not, 2 when the
 * file cannot be read.
 */
export function verifyVersionFile(file: string | undefined): { exitCode: 0 | 1 | 2; message: string } {
  if (!file) return { exitCode: 2, message: 'usage: npm run verify-version -- <version-export.json>' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { exitCode: 2, message: `cannot read ${file}: ${(error as Error).message}` };
  }
  const result = verifyVersionText(text);
  return { exitCode: result.ok ? 0 : 1, message: result.message };
}
