import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { mailDir } from './e2e-env';

/** A mail the local SMTP server received (support/smtp-sink.mjs), with its subject and text decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** The plain-text body, transfer encoding undone. */
  text: string;
  raw: string;
  receivedAt: string;
}

/** Every mail received so far in this run, oldest first. */
export async function readMails(): Promise<ReceivedMail[]> {
  const names = (await readdir(mailDir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  const mails: ReceivedMail[] = [];
  for (const name of names) {
    const stored = JSON.parse(await readFile(path.join(mailDir, name), 'utf8')) as {
      envelope: { from: string; to: string[] };
      raw: string;
      receivedAt: string;
    };
    mails.push({ ...stored.envelope, ...decodeMail(stored.raw), raw: stored.raw, receivedAt: stored.receivedAt });
  }
  return mails;
}

/**
 * Waits until `done` holds for the mails matching `filter` (by default: at least one), and returns
 * them. Mail is sent after the API's transaction commits, so it may come a moment after the page
 * shows the change.
 */
export async function waitForMails(
  filter: (mail: ReceivedMail) => boolean,
  {
    done = (found: ReceivedMail[]) => found.length > 0,
    timeoutMs = 15_000,
  }: { done?: (found: ReceivedMail[]) => boolean; timeoutMs?: number } = {},
): Promise<ReceivedMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const all = await readMails();
    const found = all.filter(filter);
    if (done(found)) return found;
    if (Date.now() > until) {
      const seen = all.map((mail) => `${mail.to.join(',')}: ${mail.subject}`).join('\n  ');
      throw new Error(`The expected mail did not arrive in ${timeoutMs} ms. Mails received:\n  ${seen || '(none)'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first http(s) link in a text. */
export function linkIn(text: string): string | undefined {
  return /https?:\/\/[^\s<>"]+/.exec(text)?.[0];
}

/** Subject and plain-text body of a single-part mail as nodemailer writes it (7bit, quoted-printable or base64). */
export function decodeMail(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  // Folded header lines continue with white space.
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? quotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { subject: encodedWords(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n') };
}

function quotedPrintable(body: string): string {
  const bytes: number[] = [];
  const text = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=); white space between two of them goes. */
function encodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : quotedPrintable(data.replace(/_/g, ' ')),
    );
}
