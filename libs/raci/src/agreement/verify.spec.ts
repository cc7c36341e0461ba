import fc from 'fast-check';
import { agreementSnapshotArb, harborAgreement, versionExportOf } from '../testing/agreement';
import { withShuffledKeys } from '../testing/arbitraries';
import { type AgreementSnapshot, agreementHash } from './snapshot';
import { type VersionExport, verifyVersionExport, verifyVersionText } from './verify';

const { snapshot } = harborAgreement();
const exported = versionExportOf(snapshot);
const hash = agreementHash(snapshot);

/** A deep copy to edit, as someone editing the file would. */
function copy(): VersionExport {
  return JSON.parse(JSON.stringify(exported)) as VersionExport;
}

function failure(input: unknown) {
  const result = verifyVersionExport(input);
  if (result.ok) throw new Error(`expected a failure, got ${result.message}`);
  return result;
}

describe('verifyVersionExport: an untouched export', () => {
  it('recomputes the hash every signature binds to', () => {
    expect(exported.signatures.map((s) => s.party)).toEqual(['msp', 'internal_it', 'business']);
    expect(verifyVersionExport(exported)).toEqual({
      ok: true,
      hash,
      message: `OK: the snapshot hashes to ${hash}, the hash every signature binds to.`,
    });
  });

  it('finds the stored hash again after a JSON round trip of the export', () => {
    const text = JSON.stringify(exported, null, 2);
    const result = verifyVersionText(text);
    expect(result).toMatchObject({ ok: true, hash: exported.version.hash });
  });

  it('verifies any exported agreement after a JSON round trip with its keys in another order', () => {
    fc.assert(
      fc.property(agreementSnapshotArb, fc.integer(), (s, seed) => {
        const file = JSON.stringify(withShuffledKeys(versionExportOf(s), seed));
        expect(verifyVersionText(file)).toMatchObject({ ok: true, hash: agreementHash(s) });
      }),
    );
  });

  it('says so when nobody has signed yet', () => {
    const pending = { ...copy(), signatures: [] };
    expect(verifyVersionExport(pending)).toEqual({
      ok: true,
      hash,
      message: `OK: the snapshot hashes to ${hash}, the hash the version records. Nobody has signed it yet.`,
    });
  });

  it('ignores members it does not know around the snapshot, which a later exporter may add', () => {
    const later = { ...copy(), exportedAt: '2026-04-01T00:00:00Z', version: { ...exported.version, note: 'x' } };
    expect(verifyVersionExport(later)).toMatchObject({ ok: true, hash });
  });
});

describe('verifyVersionExport: an edited export', () => {
  it('fails when one letter of the file changed, and shows both hashes', () => {
    const text = JSON.stringify(exported);
    const edited = text.replace('"Operating system patching"', '"Operating system patchinq"');
    expect(edited).not.toBe(text);
    const changedSnapshot = (JSON.parse(edited) as VersionExport).snapshot;
    const found = agreementHash(changedSnapshot);
    expect(found).not.toBe(hash);
    expect(verifyVersionText(edited)).toEqual({
      ok: false,
      expected: hash,
      found,
      message: `MISMATCH: the snapshot hashes to ${found} but the version says ${hash}: the file was changed after it was signed.`,
    });
  });

  it('fails when a RACI letter moved', () => {
    const file = copy();
    const row = file.snapshot.matrix.responsibilities.find((r) => r.key === 'os_patching');
    if (row === undefined) throw new Error('the template has no os_patching row');
    row.letters = { msp: 'R', business: 'A' };
    expect(failure(file)).toMatchObject({ expected: hash, found: agreementHash(file.snapshot) });
  });

  it('fails when the version hash was rewritten to fit the edit but a signature still binds the old one', () => {
    const file = copy();
    file.snapshot.escalation.paths[0].steps[0].waitMinutes = 30;
    const forged = agreementHash(file.snapshot);
    file.version.hash = forged;
    expect(failure(file)).toEqual({
      ok: false,
      expected: hash,
      found: forged,
      message: `MISMATCH: the snapshot hashes to ${forged} but the signature of Sam Rivera for MSP binds to ${hash}: it was given to other content, or the file was changed after it was given.`,
    });
  });

  it('names a rejection as a rejection', () => {
    const file = copy();
    const other = 'f'.repeat(64);
    file.signatures[2] = { ...file.signatures[2], decision: 'rejected', reason: 'Too slow at night', hash: other };
    expect(failure(file).message).toBe(
      `MISMATCH: the snapshot hashes to ${hash} but the rejection by Olivia Grant for Business binds to ${other}: it was given to other content, or the file was changed after it was given.`,
    );
  });

  it('does not claim a signature was broken when there is none', () => {
    const file = { ...copy(), signatures: [] };
    file.snapshot.escalation.severities[0].name = 'P1 Whenever';
    expect(failure(file).message).toMatch(/the file was changed after the version was frozen for sign-off\.$/);
  });

  it('fails whichever single character of a text in the snapshot is changed', () => {
    const leaves: string[][] = [];
    const walk = (node: unknown, path: string[]) => {
      if (typeof node === 'string') leaves.push(path);
      else if (node !== null && typeof node === 'object')
        for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    };
    walk(exported.snapshot, []);
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.nat(), fc.constantFrom('x', '0', ' ', 'é'), (path, at, char) => {
        const file = copy();
        let holder = file.snapshot as unknown as Record<string, unknown>;
        for (const k of path.slice(0, -1)) holder = holder[k] as Record<string, unknown>;
        const last = path[path.length - 1];
        const value = holder[last] as string;
        const i = value.length === 0 ? 0 : at % value.length;
        const edited = value.slice(0, i) + char + value.slice(i + 1);
        fc.pre(edited !== value);
        holder[last] = edited;
        expect(verifyVersionExport(file).ok).toBe(false);
      }),
    );
  });
});

describe('verifyVersionExport: what is not a complete export', () => {
  it.each([
    ['null', null, 'This is not an Accord version export: it holds null, not an object.'],
    ['a list', [exported], 'This is not an Accord version export: it holds a list, not an object.'],
    ['a text', 'accord', "This is not an Accord version export: it holds the text 'accord', not an object."],
    ['an empty object', {}, "This is not an Accord version export: it has no format, not 'accord.version-export/1'."],
    [
      'another format',
      { ...exported, format: 'accord.version-export/2' },
      "This is not an Accord version export: its format is 'accord.version-export/2', not 'accord.version-export/1'.",
    ],
    [
      'a format that is no text',
      { ...exported, format: 1 },
      "This is not an Accord version export: its format is a number, not 'accord.version-export/1'.",
    ],
  ])('refuses %s with a message', (_what, input, message) => {
    expect(failure(input)).toEqual({ ok: false, expected: null, found: null, message });
  });

  it('names a missing or mistyped field around the snapshot, and still reports both hashes', () => {
    const { hash: _omitted, ...version } = exported.version;
    expect(failure({ ...exported, version })).toEqual({
      ok: false,
      expected: null,
      found: hash,
      message: 'The version export is incomplete: version.hash is missing.',
    });
    const signatures = [{ ...exported.signatures[0], decision: 'maybe' }];
    expect(failure({ ...exported, signatures }).message).toBe(
      'The version export is incomplete: signatures.0.decision must be one of signed, rejected.',
    );
    expect(failure({ ...exported, version: { ...exported.version, number: '1' } }).message).toBe(
      'The version export is incomplete: version.number must be a number.',
    );
  });

  it('names what is wrong in the snapshot, and still reports the recorded hash', () => {
    const file = copy();
    (file.snapshot.matrix.parties[0] as unknown as Record<string, unknown>).requiredToSign = 'yes';
    expect(failure(file)).toEqual({
      ok: false,
      expected: hash,
      found: null,
      message: 'The version export cannot be checked: snapshot.matrix.parties.0.requiredToSign must be true or false.',
    });
    const noSnapshot = { ...copy(), snapshot: undefined };
    expect(failure(noSnapshot).message).toBe('The version export cannot be checked: snapshot is missing.');
    const otherFormat = copy();
    (otherFormat.snapshot as unknown as Record<string, unknown>).format = 'accord.agreement/0';
    expect(failure(otherFormat).message).toBe(
      'The version export cannot be checked: snapshot.format must be "accord.agreement/1".',
    );
  });

  it('refuses a member added to the snapshot, since only what was signed may be in it', () => {
    const file = copy();
    (file.snapshot.escalation.contacts[1] as unknown as Record<string, unknown>).mobile = '+1 555 0199';
    expect(failure(file).message).toBe(
      'The version export cannot be checked: snapshot.escalation.contacts.1.mobile is not part of an agreement.',
    );
  });

  it('refuses a review in the snapshot', () => {
    const file = copy();
    file.snapshot.escalation.paths[2].review = { userId: 'u', name: 'Sam Rivera', at: '2026-03-01T10:00:00Z' };
    expect(failure(file).message).toBe(
      'The version export cannot be checked: snapshot.escalation.paths.2.review must be null: reviews are not part of a signed agreement.',
    );
  });

  it('refuses a snapshot that is not in normal form even where the hash would not change', () => {
    const file = copy();
    const hours = file.snapshot.escalation.businessHours;
    hours.weekly = [...hours.weekly].reverse();
    expect(agreementHash(file.snapshot)).toBe(hash);
    expect(failure(file)).toEqual({
      ok: false,
      expected: hash,
      found: null,
      message:
        'The version export cannot be checked: snapshot.escalation.businessHours.weekly.0.day is not written the way Accord writes a signed agreement, so the file was edited.',
    });
    const explicit = copy();
    explicit.snapshot.matrix.responsibilities[0].afterHours = false;
    expect(failure(explicit).message).toMatch(/snapshot\.matrix\.responsibilities\.0\.afterHours is not written/);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(verifyVersionExport(value).ok).toBe(false);
      }),
    );
  });

  it('never throws on an export whose parts are replaced by arbitrary JSON', () => {
    const parts = ['matrix', 'version', 'snapshot', 'signatures'] as const;
    fc.assert(
      fc.property(fc.subarray([...parts], { minLength: 1 }), fc.jsonValue(), (replaced, value) => {
        const file: Record<string, unknown> = { ...copy() };
        for (const part of replaced) file[part] = value;
        const result = verifyVersionExport(file);
        expect(typeof result.message).toBe('string');
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const file = copy();
        (file.snapshot.escalation as unknown as Record<string, unknown>).paths = value;
        expect(verifyVersionExport(file).ok).toBe(false);
      }),
    );
  });

  it('does not throw on what is not plain data', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(failure(hostile)).toEqual({
      ok: false,
      expected: null,
      found: null,
      message: 'The file could not be read as an Accord version export.',
    });
  });
});

describe('verifyVersionText', () => {
  it('refuses text that is not JSON', () => {
    const result = verifyVersionText('{"format": "accord.version-export/1",');
    expect(result).toMatchObject({ ok: false, expected: null, found: null });
    expect(result.message).toMatch(/^The file is not JSON \(.+\): an Accord version export is a JSON file\.$/);
  });

  it('refuses an empty file', () => {
    expect(verifyVersionText('').ok).toBe(false);
  });

  it('checks what the text holds', () => {
    const snapshotOnly: AgreementSnapshot = exported.snapshot;
    expect(verifyVersionText(JSON.stringify(snapshotOnly)).message).toBe(
      "This is not an Accord version export: its format is 'accord.agreement/1', not 'accord.version-export/1'.",
    );
  });
});
