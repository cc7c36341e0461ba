import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { TrimmedText } from '../../common/dto-fields';
import { PersonRefView } from './claim.dto';

export const VERSION_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;

export class SignDto {
  @ApiProperty({ example: 'internal_it', description: 'The key of the party you sign for' })
  @IsString({ message: 'party must be the key of a party' })
  @Matches(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, { message: 'party must be the key of a party' })
  party!: string;

  @ApiProperty({ example: 'Ida Lindqvist', description: 'Your name, typed to confirm' })
  @TrimmedText('name', 120)
  name!: string;

  @ApiPropertyOptional({ description: 'The SHA-256 you were shown; refused with 409 if it is not the version stored' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'hash must be a lower-case SHA-256 in hex' })
  hash?: string;
}

export class RequestSignOffDto {
  @ApiPropertyOptional({ type: SignDto, description: "Sign for your own party at once, in the same step" })
  @IsOptional()
  @IsObject({ message: 'sign must be an object with party and name' })
  @ValidateNested()
  @Type(() => SignDto)
  sign?: SignDto;
}

export class RejectDto {
  @ApiProperty({ example: 'internal_it' })
  @IsString({ message: 'party must be the key of a party' })
  @Matches(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, { message: 'party must be the key of a party' })
  party!: string;

  @ApiProperty({ example: 'Backups must stay with the MSP until the new NAS is in.' })
  @TrimmedText('reason', 2000)
  reason!: string;
}

export class SignatureView {
  @ApiProperty() partyKey!: string;
  @ApiProperty() partyName!: string;
  @ApiProperty({ enum: ['signed', 'rejected'] }) decision!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: PersonRefView }) user!: PersonRefView;
  @ApiProperty() role!: string;
  @ApiProperty() hash!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
}

export class SignerView {
  @ApiProperty() partyKey!: string;
  @ApiProperty() partyName!: string;
  @ApiProperty({ enum: ['msp', 'internal_it', 'business', 'custom'] }) kind!: string;
  @ApiProperty({ type: [String], description: 'Roles that may sign for this party' }) roles!: string[];
  @ApiProperty({ type: String, enum: ['signed', 'rejected'], nullable: true }) decision!: string | null;
}

export class VersionSummaryView {
  @ApiProperty() number!: number;
  @ApiProperty({ enum: VERSION_STATUSES }) status!: string;
  @ApiProperty({ description: 'The agreement in effect: the latest approved version' }) inEffect!: boolean;
  @ApiProperty() hash!: string;
  @ApiProperty({ type: PersonRefView }) requestedBy!: PersonRefView;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: [SignerView] }) signers!: SignerView[];
}

export class VersionView extends VersionSummaryView {
  @ApiProperty({ format: 'uuid' }) matrixId!: string;
  @ApiProperty({ description: 'The canonical snapshot: { format, matrix, escalation }', type: 'object', additionalProperties: true }) snapshot!: Record<string, unknown>;
  @ApiProperty({ type: [SignatureView] }) signatures!: SignatureView[];
  @ApiProperty({ type: [String], description: 'Parties you may sign for now' }) canSignFor!: string[];
}

export class VersionDiffView {
  @ApiProperty() number!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The version compared against; null for the first' }) against!: number | null;
  @ApiProperty({ type: [String] }) changes!: string[];
}

export class DiffQuery {
  @ApiPropertyOptional({ description: 'The version to compare with; by default the agreement in effect, else the previous version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'against must be a version number' })
  @Min(1, { message: 'against must be a version number' })
  @Max(1_000_000, { message: 'against must be a version number' })
  against?: number;
}
