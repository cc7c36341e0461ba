import { HttpException, HttpStatus } from '@nestjs/common';

/** ETags are the row's version number. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version a write was based on, from If-Match. Missing: 428, so no client can overwrite
 * blindly. Unparseable: 412, as a stale one.
 */
export function expectedVersion(ifMatch: string | undefined): number {
  if (!ifMatch) throw new HttpException({ message: 'This change needs an If-Match header with the ETag you read.' }, HttpStatus.PRECONDITION_REQUIRED);
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) throw new PreconditionFailed('If-Match does not name a version of this resource.', null);
  return Number(match[1]);
}

/** 412 with the current state, so the client can show what changed and merge. */
export class PreconditionFailed extends HttpException {
  constructor(message: string, current: unknown) {
    super({ message, current }, HttpStatus.PRECONDITION_FAILED);
  }
}
