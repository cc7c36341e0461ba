import { CHANNELS, WEEKDAYS } from '@accord/raci';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/*
 * The policy document is validated as a whole by libs/raci (validateEscalationPolicy), because its
 * parts refer to each other and to the matrix. These classes describe it for the OpenAPI document
 * and the generated web types; they carry no class-validator rules on purpose.
 */

export class TargetsDoc {
  @ApiProperty({ minimum: 1, example: 15 }) responseMinutes!: number;
  @ApiProperty({ minimum: 1, example: 240 }) resolutionMinutes!: number;
}

export class SeverityLevelDoc {
  @ApiProperty({ example: 'p1' }) key!: string;
  @ApiProperty({ example: 'P1 Emergency' }) name!: string;
  @ApiProperty({ example: 'The practice cannot see patients, or an attack is under way.' }) criteria!: string;
  @ApiProperty({ type: TargetsDoc }) businessHours!: TargetsDoc;
  @ApiProperty({ type: TargetsDoc }) afterHours!: TargetsDoc;
}

export class WeeklyWindowDoc {
  @ApiProperty({ enum: WEEKDAYS }) day!: string;
  @ApiProperty({ example: '08:00', description: 'Local time, HH:mm' }) start!: string;
  @ApiProperty({ example: '17:00', description: 'Local time, HH:mm; 24:00 ends at midnight' }) end!: string;
}

export class ScheduleDoc {
  @ApiProperty({ example: 'America/New_York', description: 'IANA time zone' }) timeZone!: string;
  @ApiProperty({ description: '24/7: the week and holidays are ignored' }) alwaysOn!: boolean;
  @ApiProperty({ type: [WeeklyWindowDoc] }) weekly!: WeeklyWindowDoc[];
  @ApiProperty({ type: [String], example: ['2026-12-25'], description: 'Local dates without cover' }) holidays!: string[];
}

export class PartyCoverageDoc extends ScheduleDoc {
  @ApiProperty({ example: 'msp' }) partyKey!: string;
}

export class ContactDoc {
  @ApiProperty({ example: 'noc_on_call' }) key!: string;
  @ApiProperty({ example: 'msp' }) partyKey!: string;
  @ApiProperty({ example: 'Northwind NOC on-call' }) name!: string;
  @ApiProperty({ example: 'On-call engineer' }) role!: string;
  @ApiProperty({ example: '+1 555 0100' }) phone!: string;
  @ApiProperty({ example: 'noc@northwind.example' }) email!: string;
}

export class EscalationStepDoc {
  @ApiProperty() partyKey!: string;
  @ApiProperty({ type: String, nullable: true }) contactKey!: string | null;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ minimum: 0, description: 'Minutes to wait before the next step' }) waitMinutes!: number;
}

export class StepSequenceDoc {
  @ApiProperty({ type: [EscalationStepDoc] }) steps!: EscalationStepDoc[];
  @ApiProperty({ minimum: 0, maximum: 10, description: 'Extra passes when nobody answers' }) repeat!: number;
}

export class PathReviewDoc {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class EscalationPathDoc extends StepSequenceDoc {
  @ApiProperty({ example: 'security_incidents' }) key!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Category key; or null when responsibilityKey is set' }) category!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A row key; the more specific scope wins' }) responsibilityKey!: string | null;
  @ApiProperty({ type: [String], description: 'Severity keys; empty means all' }) severities!: string[];
  @ApiProperty({ type: StepSequenceDoc, nullable: true, description: 'Replaces the steps outside business hours' }) afterHours!: StepSequenceDoc | null;
  @ApiProperty({ type: PathReviewDoc, nullable: true, description: 'Set by the review endpoint; cleared by the server when the path changes' }) review!: PathReviewDoc | null;
}

export class EscalationPolicyDoc {
  @ApiProperty({ type: [SeverityLevelDoc] }) severities!: SeverityLevelDoc[];
  @ApiProperty({ type: ScheduleDoc, description: "The client's business hours" }) businessHours!: ScheduleDoc;
  @ApiProperty({ type: [PartyCoverageDoc] }) coverage!: PartyCoverageDoc[];
  @ApiProperty({ type: [ContactDoc] }) contacts!: ContactDoc[];
  @ApiProperty({ type: [EscalationPathDoc] }) paths!: EscalationPathDoc[];
}

export class EscalationPolicyView {
  @ApiProperty({ format: 'uuid' }) matrixId!: string;
  @ApiProperty({ description: '0 until the policy is first saved; send it as If-Match' }) version!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ type: EscalationPolicyDoc }) policy!: EscalationPolicyDoc;
  @ApiProperty({ type: [String], description: 'Keys of the paths nobody from the MSP has reviewed since they last changed' }) unreviewedPaths!: string[];
}

export class SimulateDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The row; or give responsibilityKey' })
  @IsOptional()
  @IsUUID('all', { message: 'responsibilityId must be the id of a responsibility' })
  responsibilityId?: string;

  @ApiPropertyOptional({ description: 'The row key; or give responsibilityId' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  responsibilityKey?: string;

  @ApiProperty({ example: 'p1' })
  @IsString({ message: 'severity must be a severity key' })
  @Matches(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, { message: 'severity must be a severity key' })
  severity!: string;

  @ApiProperty({ example: '2026-11-29T07:00:00Z', description: 'The instant the problem is reported (ISO 8601 with offset)' })
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date and time' })
  at!: string;
}

export class SimulationEventView {
  @ApiProperty() minute!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() round!: number;
  @ApiProperty() stepIndex!: number;
  @ApiProperty() partyKey!: string;
  @ApiProperty() partyName!: string;
  @ApiProperty({ type: String, nullable: true }) contactKey!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ description: 'Whether the party is on duty at that instant' }) covering!: boolean;
  @ApiProperty({ example: 'Sunday 02:00' }) partyLocalTime!: string;
  @ApiProperty() withinResponseTarget!: boolean;
}

export class SimulationTargetsView extends TargetsDoc {
  @ApiProperty({ format: 'date-time' }) respondBy!: string;
  @ApiProperty({ format: 'date-time' }) resolveBy!: string;
}

export class SimulationRefView {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
}

export class SimulationResponsibilityView {
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() category!: string;
}

export class SimulationPathView {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: ['responsibility', 'category'] }) scope!: string;
  @ApiProperty({ enum: ['business_hours', 'after_hours'] }) sequence!: string;
}

export class SimulationAnswerView {
  @ApiProperty() minute!: number;
  @ApiProperty() partyKey!: string;
  @ApiProperty({ type: String, nullable: true }) contactKey!: string | null;
}

export class SimulationDryView {
  @ApiProperty() minute!: number;
  @ApiProperty() message!: string;
}

export class SimulationView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'Sunday 02:00' }) clientLocalTime!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ description: "Whether the instant is inside the client's business hours" }) businessHours!: boolean;
  @ApiProperty({ type: SimulationRefView }) severity!: SimulationRefView;
  @ApiProperty({ type: SimulationTargetsView }) targets!: SimulationTargetsView;
  @ApiProperty({ type: SimulationResponsibilityView }) responsibility!: SimulationResponsibilityView;
  @ApiProperty({ type: SimulationPathView, nullable: true }) path!: SimulationPathView | null;
  @ApiProperty({ type: [SimulationEventView] }) events!: SimulationEventView[];
  @ApiProperty({ type: SimulationAnswerView, nullable: true }) firstAnswer!: SimulationAnswerView | null;
  @ApiProperty({ type: SimulationDryView, nullable: true }) dry!: SimulationDryView | null;
  @ApiProperty({ type: [String] }) warnings!: string[];
}

