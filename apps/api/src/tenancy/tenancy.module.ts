import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';
import { InvitationsService } from './invitations.service';
import { InvitationAcceptController, MembersController } from './members.controller';
import { MembersService } from './members.service';
import { WorkspacesController } from './workspaces.controller';

@Module({
  imports: [AuditModule, AuthModule, MailModule],
  controllers: [WorkspacesController, ClientsController, MembersController, InvitationAcceptController],
  providers: [ClientsService, MembersService, InvitationsService],
})
export class TenancyModule {}
