import type { ValidationError } from '@nestjs/common';
import { fieldProblems } from './validation';

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
