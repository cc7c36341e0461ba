import { RACI_LETTERS } from '@accord/raci';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { LetterMap, TrimmedText } from '../../common/dto-fields';
import { ResponsibilityView } from '../../matrices/dto/matrix.dto';

export const CLAIM_STATES = ['open', 'accepted', 'declined'] as const;

const LETTERS_SCHEMA = {
  type: 'object' as const,
  additionalProperties: { type: 'string', enum: [...RACI_LETTERS] },
  example: { '00000000-0000-4000-8000-000000000001': 'R' },
};

export class CreateClaimDto {
  @ApiProperty({ format: 'uuid', description: 'The row the claim is about' })
  @IsUUID('all', { message: 'responsibilityId must be the id of a responsibility' })
  responsibilityId!: string;

  @ApiProperty({ ...LETTERS_SCHEMA, description: "The row's proposed letters by party id; a party left out holds no letter" })
  @LetterMap('letters')
  letters!: Record<string, string>;

  @ApiProperty({ example: 'We onboard every new hire ourselves since we moved to the new HR system.' })
  @TrimmedText('reason', 2000)
  reason!: string;
}

export class DeclineClaimDto {
  @ApiProperty({ example: 'Onboarding needs the RMM, which internal IT cannot use yet.' })
  @TrimmedText('reason', 2000)
  reason!: string;
}

export class ClaimsQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATES })
  @IsOptional()
  @IsIn(CLAIM_STATES, { message: `state must be one of ${CLAIM_STATES.join(', ')}` })
  state?: (typeof CLAIM_STATES)[number];
}

export class PersonRefView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty() name!: string;
}

export class ClaimView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) matrixId!: string;
  @ApiProperty({ format: 'uuid' }) responsibilityId!: string;
  @ApiProperty() responsibilityTitle!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: ['msp', 'internal_it'], description: 'The side that proposes; the other side decides' }) proposedFor!: string;
  @ApiProperty({ ...LETTERS_SCHEMA, description: 'Proposed letters by party id' }) letters!: Record<string, string>;
  @ApiProperty({ ...LETTERS_SCHEMA, description: 'The letters when the claim was made' }) lettersBefore!: Record<string, string>;
  @ApiProperty({ ...LETTERS_SCHEMA, description: 'The letters now' }) lettersNow!: Record<string, string>;
  @ApiProperty({ type: [String], description: 'What accepting would change, in plain words' }) changes!: string[];
  @ApiProperty({ description: 'The row changed since the claim was made: it cannot be accepted as is' }) stale!: boolean;
  @ApiProperty({ type: [String], description: 'What changed on the row since the claim was made' }) changedSince!: string[];
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: CLAIM_STATES }) state!: string;
  @ApiProperty({ type: PersonRefView }) proposedBy!: PersonRefView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: PersonRefView, nullable: true }) decidedBy!: PersonRefView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty() version!: number;
}

export class AcceptedClaimView {
  @ApiProperty({ type: ClaimView }) claim!: ClaimView;
  @ApiProperty({ type: ResponsibilityView }) responsibility!: ResponsibilityView;
}
