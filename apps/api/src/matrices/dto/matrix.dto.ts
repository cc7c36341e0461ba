import { LetterMap, TrimmedText } from '../../common/dto-fields';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CATEGORIES, GAP_KINDS, GAP_SEVERITIES, RACI_LETTERS } from '@accord/raci';

export const TEMPLATE_CHOICES = ['fully_managed', 'co_managed', 'blank'] as const;
export const TOOL_ACCESS = ['rmm', 'documentation', 'security_dashboards'] as const;
const CATEGORY_KEYS = CATEGORIES.map((c) => c.key);
const categoryMessage = { message: `category must be one of ${CATEGORY_KEYS.join(', ')}` };

export class CreateMatrixDto {
  @ApiProperty({ example: 'IT responsibilities 2027' })
  @TrimmedText('name', 120)
  name!: string;

  @ApiProperty({ description: `A built-in template (${TEMPLATE_CHOICES.join(', ')}) or the id of one of the workspace's own templates` })
  @IsString()
  @Matches(new RegExp(`^(${TEMPLATE_CHOICES.join('|')}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, 'i'), {
    message: `template must be one of ${TEMPLATE_CHOICES.join(', ')} or a template id`,
  })
  template!: string;
}

export class RenameMatrixDto {
  @ApiProperty()
  @TrimmedText('name', 120)
  name!: string;
}

export class ReorderDto {
  @ApiProperty({ type: [String], description: 'Every row id of the matrix, in the new order' })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'order must list row ids' })
  order!: string[];
}

export class SaveTemplateDto {
  @ApiProperty({ example: 'Our dental-practice standard' })
  @TrimmedText('name', 120)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The matrix whose draft becomes the template' })
  @IsUUID('all', { message: 'matrixId must be the id of a matrix' })
  matrixId!: string;
}

export class TemplateView {
  @ApiProperty({ description: 'fully_managed, co_managed, or the id of a workspace template' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['fully_managed', 'co_managed', 'custom'] }) model!: string;
  @ApiProperty() responsibilities!: number;
  @ApiProperty() builtIn!: boolean;
}

export class CreateResponsibilityDto {
  @ApiProperty({ enum: CATEGORY_KEYS, example: 'backups' })
  @IsIn(CATEGORY_KEYS, categoryMessage)
  category!: string;

  @ApiProperty({ example: 'Quarterly restore test' })
  @TrimmedText('title', 160)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  critical?: boolean;
}

export class UpdateResponsibilityDto extends PartialType(CreateResponsibilityDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  afterHours?: boolean;
}

export class SetAssignmentsDto {
  @ApiProperty({
    description: 'The row\'s letters by party id; a party left out holds no letter',
    type: 'object',
    additionalProperties: { type: 'string', enum: [...RACI_LETTERS] },
    example: { '00000000-0000-4000-8000-000000000001': 'R' },
  })
  @LetterMap('letters')
  letters!: Record<string, string>;
}

export class RowViolationView {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [String] }) partyIds!: string[];
}

export class PartyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['msp', 'internal_it', 'business', 'custom'] }) kind!: string;
  @ApiProperty() requiredToSign!: boolean;
  @ApiProperty() position!: number;
  @ApiProperty() version!: number;
}

export class ResponsibilityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() category!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() critical!: boolean;
  @ApiProperty({ enum: TOOL_ACCESS, nullable: true, type: String }) toolAccess!: string | null;
  @ApiProperty() afterHours!: boolean;
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'Send as If-Match to change this row' }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: [...RACI_LETTERS] }, description: 'Letters by party id' })
  letters!: Record<string, string>;
  @ApiProperty({ type: [RowViolationView] }) violations!: RowViolationView[];
}

export class MatrixSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['fully_managed', 'co_managed', 'custom'] }) model!: string;
  @ApiProperty() version!: number;
  @ApiProperty() responsibilities!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MatrixView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['fully_managed', 'co_managed', 'custom'] }) model!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [PartyView] }) parties!: PartyView[];
  @ApiProperty({ type: [ResponsibilityView] }) responsibilities!: ResponsibilityView[];
  @ApiProperty({ description: 'No row breaks a RACI rule, so the draft could be signed' }) signable!: boolean;
}

export class CreatePartyDto {
  @ApiProperty({ example: 'Cloud vendor' })
  @TrimmedText('name', 60)
  name!: string;

  @ApiPropertyOptional({ description: 'Whether this party must sign the agreement' })
  @IsOptional()
  @IsBoolean()
  requiredToSign?: boolean;
}

export class UpdatePartyDto extends PartialType(CreatePartyDto) {}

export const TARGET_MODELS = ['fully_managed', 'co_managed'] as const;

export class TransitionDto {
  @ApiProperty({ enum: TARGET_MODELS })
  @IsIn(TARGET_MODELS, { message: `to must be one of ${TARGET_MODELS.join(', ')}` })
  to!: (typeof TARGET_MODELS)[number];
}

export class TransitionPreviewView {
  @ApiProperty({ enum: ['fully_managed', 'co_managed', 'custom'] }) from!: string;
  @ApiProperty({ enum: TARGET_MODELS }) to!: string;
  @ApiProperty({ type: [String], description: 'Each change in plain language' }) changes!: string[];
  @ApiProperty({ type: [RowViolationView], description: 'Rules the result would break' }) violations!: RowViolationView[];
  @ApiProperty({ description: 'Send as If-Match to apply exactly this preview' }) version!: number;
}

export class GapView {
  @ApiProperty({ description: 'Stable within one report' }) id!: string;
  @ApiProperty({ enum: GAP_KINDS }) kind!: string;
  @ApiProperty({ enum: GAP_SEVERITIES }) severity!: string;
  @ApiProperty({ description: 'In plain language' }) title!: string;
  @ApiProperty({ description: 'Why it matters, for a business owner' }) explanation!: string;
  @ApiPropertyOptional() rowKey?: string;
  @ApiPropertyOptional() partyKey?: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) responsibilityId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) partyId!: string | null;
}
