import { NotFoundException, Param, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';

/** An id in the path that is not a UUID cannot name anything: 404, like an unknown one. */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No such ${name.replace(/Id$/, '')}.`) }));

/** A version number in the path; anything else names nothing: 404. */
export const NumberParam = (name: string) =>
  Param(
    name,
    new ParseIntPipe({ exceptionFactory: () => new NotFoundException(`No such ${name === 'n' ? 'version' : name}.`) }),
  );
