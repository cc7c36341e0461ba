import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ReviewDueView {
  @ApiProperty() due!: boolean;
  @ApiProperty({ example: '2027-11-28' }) dueOn!: string;
  @ApiProperty({ description: 'Negative once overdue' }) daysLeft!: number;
}

export class AgreementInEffectView {
  @ApiProperty() number!: number;
  @ApiProperty({ format: 'date-time' }) approvedAt!: string;
  @ApiProperty() hash!: string;
  @ApiProperty({ type: ReviewDueView }) review!: ReviewDueView;
}

export class PendingSignOffView {
  @ApiProperty() number!: number;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: [String], description: 'Parties that have not signed yet' }) waitingFor!: string[];
}

export class GapCountsView {
  @ApiProperty() high!: number;
  @ApiProperty() medium!: number;
  @ApiProperty() low!: number;
}

export class DashboardMatrixView {
  @ApiProperty({ format: 'uuid' }) matrixId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['fully_managed', 'co_managed', 'custom'] }) model!: string;
  @ApiProperty({ type: AgreementInEffectView, nullable: true }) inEffect!: AgreementInEffectView | null;
  @ApiProperty({ type: PendingSignOffView, nullable: true }) pending!: PendingSignOffView | null;
  @ApiProperty() openClaims!: number;
  @ApiProperty() ruleBreaks!: number;
  @ApiProperty({ type: GapCountsView }) gaps!: GapCountsView;
}

export class DashboardClientView {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ type: [DashboardMatrixView] }) matrices!: DashboardMatrixView[];
}

export class DashboardTotalsView {
  @ApiProperty() clients!: number;
  @ApiProperty({ description: 'Matrices with an agreement in effect' }) inEffect!: number;
  @ApiProperty() pendingSignOffs!: number;
  @ApiProperty() openClaims!: number;
  @ApiProperty({ description: 'Agreements in effect that are due (or overdue) for review' }) reviewDue!: number;
  @ApiProperty() highGaps!: number;
}

export class DashboardView {
  @ApiProperty() reviewIntervalDays!: number;
  @ApiProperty({ type: DashboardTotalsView }) totals!: DashboardTotalsView;
  @ApiProperty({ type: [DashboardClientView] }) clients!: DashboardClientView[];
}

export class WorkspaceSettingsView {
  @ApiProperty({ description: 'Days after approval at which an agreement is due for review' }) reviewIntervalDays!: number;
  @ApiProperty() version!: number;
}

export class UpdateWorkspaceSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 3650, example: 365 })
  @IsInt({ message: 'reviewIntervalDays must be a whole number of days' })
  @Min(1, { message: 'reviewIntervalDays must be at least 1' })
  @Max(3650, { message: 'reviewIntervalDays must be at most 3650' })
  reviewIntervalDays!: number;
}
