import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical-json';
import { type Letters, lettersFrom, type MatrixContent, type Party, type Responsibility } from './matrix';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`; the same in Node and in the browser. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The one form of a matrix that versions store and signatures bind to. Two contents that mean the
 * same thing normalise to deep-equal values: members other than the domain's are dropped (an API
 * may carry ids or timestamps alongside), absent letters are left out, `toolAccess` is left out
 * when unset and `afterHours` is present only when true. Array order is kept: it is what people see.
 */
export function normalizeMatrix(content: MatrixContent): MatrixContent {
  return {
    model: content.model,
    parties: content.parties.map(normalizeParty),
    responsibilities: content.responsibilities.map(normalizeResponsibility),
  };
}

export function normalizeParty(party: Party): Party {
  return { key: party.key, name: party.name, kind: party.kind, requiredToSign: party.requiredToSign };
}

export function normalizeResponsibility(row: Responsibility): Responsibility {
  return {
    key: row.key,
    category: row.category,
    title: row.title,
    description: row.description,
    critical: row.critical,
    letters: normalizeLetters(row.letters),
    ...(row.toolAccess === undefined ? {} : { toolAccess: row.toolAccess }),
    ...(row.afterHours === true ? { afterHours: true } : {}),
  };
}

function normalizeLetters(letters: Letters): Letters {
  return lettersFrom(Object.entries(letters));
}

/** The canonical JSON text (RFC 8785 style) of the normalised matrix: the bytes a version hashes. */
export function matrixCanonicalJson(content: MatrixContent): string {
  return canonicalJson(normalizeMatrix(content));
}

/** SHA-256 hex of matrixCanonicalJson: what a signature is bound to. */
export function matrixHash(content: MatrixContent): string {
  return sha256Hex(matrixCanonicalJson(content));
}
