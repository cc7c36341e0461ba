import { NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';

/** An id in the path that is not a UUID cannot name anything: 404, like an unknown one. */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No such ${name.replace(/Id$/, '')}.`) }));
