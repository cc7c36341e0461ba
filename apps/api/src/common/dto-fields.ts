import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { isRaciLetter } from '@accord/raci';
import { IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';

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

/** An object of party id to R, A, C or I; the message names the field, as every other rule does. */
export function LetterMap(field: string) {
  return applyDecorators(
    IsObject({ message: `${field} must be an object of party id to letter` }),
    ValidateBy({
      name: 'letterMap',
      validator: {
        validate: (value: unknown) =>
          value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((letter) => isRaciLetter(letter)),
        defaultMessage: () => `${field} must map party ids to R, A, C or I`,
      },
    }),
  );
}
