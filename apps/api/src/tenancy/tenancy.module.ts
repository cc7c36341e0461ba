import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';
import { InvitationsService } from './invitations.service';
import { MailerService } from './mailer.service';
import { InvitationAcceptController, MembersController } from './members.controller';
import { MembersService } from './members.service';
import { WorkspacesController } from './workspaces.controller';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [WorkspacesController, ClientsController, MembersController, InvitationAcceptController],
  providers: [ClientsService, MembersService, InvitationsService, MailerService],
})
export class TenancyModule {}
