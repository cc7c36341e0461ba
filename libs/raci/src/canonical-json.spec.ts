import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('writes numbers in their shortest form as RFC 8785 does', () => {
    expect(canonicalJson([1e21, 0.1, -0, 100, 1.5e-7])).toBe('[1e+21,0.1,0,100,1.5e-7]');
  });

  it('sorts keys by code unit, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, ä: 3 })).toBe('{"B":2,"b":1,"ä":3}');
  });

  it('leaves out undefined members and turns undefined array items into null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('$.n');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('$.f');
  });

  it('names the path of a refused value at any depth', () => {
    expect(() => canonicalJson({ a: [1, { b: Number.POSITIVE_INFINITY }] })).toThrow('$.a[1].b: Infinity has no JSON form');
    expect(() => canonicalJson([{ s: Symbol('x') }])).toThrow('$[0].s: a symbol has no JSON form');
  });

  it('writes the holes of a sparse array as null, as JSON does', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 3])).toBe('[1,null,3]');
  });

  it('writes exactly what the first, path-building version wrote', () => {
    const value = fc.oneof(fc.jsonValue(), fc.object({ values: [fc.jsonValue(), fc.constant(undefined), fc.date({ noInvalidDate: true })] }));
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(firstVersion(v, '$'));
      }),
      { numRuns: 500 },
    );
  });

  it('parses back to the value it was written from', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Compared with JSON's own round trip: -0 is written as 0, as RFC 8785 and JSON.stringify do.
        expect(JSON.parse(canonicalJson(value))).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is a fixed point: writing the parsed text again gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

/** The implementation this one replaced (it built a path string for every value), kept as the reference. */
function firstVersion(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => firstVersion(item === undefined ? null : item, `${path}[${i}]`)).join(',')}]`;
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstVersion(v, `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} has no JSON form`);
  }
}
