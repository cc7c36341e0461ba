import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A name or title: trimmed, not empty, at most `max` characters; the messages name the field. */
export function TrimmedText(field: string, max: number, options: { optional?: boolean } = {}) {
  return applyDecorators(
    ...(options.optional ? [IsOptional()] : []),
    Transform(trim),
    IsString({ message: `${field} must be a string` }),
    MinLength(1, { message: `${field} must not be empty` }),
    MaxLength(max, { message: `${field} must be at most ${max} characters` }),
  );
}
