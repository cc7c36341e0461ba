import { TrimmedText } from '../../common/dto-fields';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

const normaliseEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LoginDto {
  @ApiProperty({ example: 'alex@northwind.example' })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'accord-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class NewPasswordFields {
  @ApiProperty({ example: 'Alex Morgan' })
  @TrimmedText('name', 120)
  name!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters' })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;
}

export class SignupDto extends NewPasswordFields {
  @ApiProperty({ example: 'Northwind IT Services' })
  @TrimmedText('workspaceName', 120)
  workspaceName!: string;

  @ApiProperty({ example: 'alex@northwind.example' })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class MembershipView {
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty() workspaceName!: string;
  @ApiProperty({ format: 'uuid' }) membershipId!: string;
  @ApiProperty({ enum: ['msp_admin', 'msp_engineer', 'client_it_admin', 'client_owner', 'client_viewer'] }) role!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) clientId!: string | null;
  @ApiProperty({ nullable: true, type: String }) clientName!: string | null;
  @ApiProperty({ type: [String], description: 'The actions this role may take (the permission table)' }) permissions!: string[];
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class MeView {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({ type: [MembershipView] }) memberships!: MembershipView[];
}
