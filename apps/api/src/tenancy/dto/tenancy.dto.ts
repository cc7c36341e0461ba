import { TrimmedText } from '../../common/dto-fields';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CLIENT_ROLES, ROLES } from '@accord/raci';


export class CreateClientDto {
  @ApiProperty({ example: 'Harbor Dental' })
  @TrimmedText('name', 120)
  name!: string;
}

export class UpdateClientDto extends PartialType(CreateClientDto) {
  @ApiPropertyOptional({ description: 'true archives the client, false restores it' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class ClientView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) archivedAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WorkspaceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) clientId!: string | null;
  @ApiProperty({ type: [String] }) permissions!: string[];
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'ida@harbordental.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for client roles, absent for MSP roles' })
  @ValidateIf((o: CreateInvitationDto) => (CLIENT_ROLES as readonly string[]).includes(o.role) || o.clientId !== undefined)
  @IsUUID('all', { message: 'clientId must be the id of a client (required for client roles)' })
  clientId?: string;
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) clientId!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ description: 'Shown once, to the inviter, when no SMTP server is configured' }) acceptUrl?: string;
  @ApiProperty({ description: 'Whether an e-mail was sent' }) emailed!: boolean;
}

export class InvitationPreview {
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty() workspaceName!: string;
  @ApiProperty({ description: 'Whether an account with this e-mail exists (then its password accepts)' }) accountExists!: boolean;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String }) clientName!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class AcceptInvitationDto {
  @ApiPropertyOptional({ description: 'For a new account' })
  @TrimmedText('name', 120, { optional: true })
  name?: string;

  @ApiPropertyOptional({ description: 'A new password (new account, at least 12 characters), or the existing account\'s password' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password?: string;
}

export class MemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) clientId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UpdateMemberDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for client roles' })
  @ValidateIf((o: UpdateMemberDto) => (CLIENT_ROLES as readonly string[]).includes(o.role) || o.clientId !== undefined)
  @IsUUID('all', { message: 'clientId must be the id of a client (required for client roles)' })
  clientId?: string;
}
