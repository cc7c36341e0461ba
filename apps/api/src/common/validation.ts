import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './error-body';

/** Flattens class-validator's tree into one problem per field, named by its dotted path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export class FieldValidationException extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super(`Invalid ${[...new Set(problems.map((p) => p.field))].join(', ')}`);
  }
}

/**
 * Keys that the whitelist lets through or class-transformer drops silently, because every object
 * already has them (toString, constructor, __proto__, ...); a body that carries them is refused by
 * name, like any other field that does not belong.
 */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export function reservedKeyProblems(value: unknown, parent = ''): FieldProblem[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = parent ? `${parent}.${key}` : key;
    const own = RESERVED_KEYS.has(key) ? [{ field, message: `property ${key} should not exist` }] : [];
    return [...own, ...reservedKeyProblems((value as Record<string, unknown>)[key], field)];
  });
}

class AccordValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const problems = reservedKeyProblems(value);
      if (problems.length) throw new FieldValidationException(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AccordValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new FieldValidationException(fieldProblems(errors)),
  });
}
