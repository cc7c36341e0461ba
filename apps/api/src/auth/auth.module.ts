import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle';

@Module({
  imports: [PassportModule, AuditModule],
  controllers: [AuthController],
  providers: [AuthService, LocalStrategy, LoginThrottle],
  exports: [AuthService],
})
export class AuthModule {}
