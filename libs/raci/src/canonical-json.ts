/**
 * Canonical JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * white space, numbers in their shortest round-trip form. Hashes of versions and of audit events
 * are taken over this text, so the browser and the API must produce the very same bytes.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  return serialize(value, []);
}

/**
 * `path` is where the writer is (keys and indexes), kept as a stack and turned into text only
 * for an error message: every audit event is written this way (a million at once when a chain
 * is bulk-loaded), and building a path string for each value cost more than the writing itself.
 */
function serialize(value: unknown, path: Array<string | number>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${pathText(path)}: ${value} has no JSON form`);
      // ECMAScript's Number-to-String is exactly the serialisation JCS prescribes; -0 is written 0.
      return value === 0 ? '0' : String(value);
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          path.push(i);
          out += serialize(item === undefined ? null : item, path);
          path.pop();
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units, as JCS orders keys.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        if (!first) out += ',';
        first = false;
        path.push(key);
        out += `${JSON.stringify(key)}:${serialize(member, path)}`;
        path.pop();
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`${pathText(path)}: a ${typeof value} has no JSON form`);
  }
}

function pathText(path: ReadonlyArray<string | number>): string {
  return `$${path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('')}`;
}
