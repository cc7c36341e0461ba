import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Strategy } from 'passport-local';
import type { SessionUser } from '../common/context';
import { type AccordRequest, metaOf } from '../common/decorators';
import { fieldProblems, FieldValidationException, reservedKeyProblems } from '../common/validation';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/auth.dto';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: AccordRequest, email: string, password: string): Promise<SessionUser> {
    return this.auth.validateLogin(email, password, metaOf(req));
  }
}

/**
 * Guards run before pipes, and passport answers a bare 401 to a body it cannot read; so the body
 * is validated (and normalised) here first, with the same field messages as everywhere else.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AccordRequest>();
    const reserved = reservedKeyProblems(req.body);
    if (reserved.length) throw new FieldValidationException(reserved);
    const dto = plainToInstance(LoginDto, req.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new FieldValidationException(fieldProblems(errors));
    req.body = { email: dto.email, password: dto.password };
    return (await super.canActivate(context)) as boolean;
  }
}
