import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SessionUser } from '../common/context';
import { type AccordRequest, CurrentUser, Meta, metaOf, Public } from '../common/decorators';
import type { RequestMeta } from '../common/context';
import { AuthService } from './auth.service';
import { LoginGuard } from './local.strategy';
import { LoginDto, MeView, SignupDto } from './dto/auth.dto';
import { SESSION_COOKIE, startSession } from './session';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @ApiCreatedResponse({ type: MeView, description: 'The new workspace with its MSP admin, signed in' })
  async signup(@Body() dto: SignupDto, @Req() req: AccordRequest, @Meta() meta: RequestMeta): Promise<MeView> {
    const user = await this.auth.signup(dto, meta);
    await startSession(req, user);
    return this.auth.me(user);
  }

  @Public()
  @UseGuards(LoginGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: MeView })
  async login(@Req() req: AccordRequest): Promise<MeView> {
    const user = req.user as SessionUser;
    await startSession(req, user);
    await this.auth.recordSignIn(user, metaOf(req));
    return this.auth.me(user);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: SessionUser, @Req() req: AccordRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.recordSignOut(user, metaOf(req));
    await new Promise<void>((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOkResponse({ type: MeView })
  me(@CurrentUser() user: SessionUser): Promise<MeView> {
    return this.auth.me(user);
  }
}
