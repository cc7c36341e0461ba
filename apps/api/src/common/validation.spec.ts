import type { ValidationError } from '@nestjs/common';
import { fieldProblems, reservedKeyProblems } from './validation';

describe('fieldProblems', () => {
  it('names nested fields by their dotted path, one problem per broken constraint', () => {
    const errors = [
      { property: 'name', constraints: { isString: 'name must be a string', maxLength: 'name is too long' }, children: [] },
      {
        property: 'policy',
        children: [{ property: 'levels', children: [{ property: '0', children: [{ property: 'label', constraints: { isNotEmpty: 'label should not be empty' } }] }] }],
      },
    ] as ValidationError[];
    expect(fieldProblems(errors)).toEqual([
      { field: 'name', message: 'name must be a string' },
      { field: 'name', message: 'name is too long' },
      { field: 'policy.levels.0.label', message: 'label should not be empty' },
    ]);
  });
});

describe('reservedKeyProblems', () => {
  it('names keys that object mapping would drop silently, at any depth', () => {
    expect(reservedKeyProblems(JSON.parse('{"name":"x","prototype":1,"nested":{"constructor":{}}}'))).toEqual([
      { field: 'prototype', message: 'property prototype should not exist' },
      { field: 'nested.constructor', message: 'property constructor should not exist' },
    ]);
    expect(reservedKeyProblems(JSON.parse('{"__proto__":{"admin":true}}'))).toEqual([{ field: '__proto__', message: 'property __proto__ should not exist' }]);
  });
});
