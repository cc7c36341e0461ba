import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ description: 'Seconds since this API process started' })
  uptimeSeconds!: number;
}

export class IndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional()
  message?: string;
}

export class ReadinessDetailsDto {
  @ApiProperty({ type: IndicatorDto })
  database!: IndicatorDto;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ type: ReadinessDetailsDto })
  details!: ReadinessDetailsDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: '#/components/schemas/IndicatorDto' } })
  info?: Record<string, IndicatorDto>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: '#/components/schemas/IndicatorDto' } })
  error?: Record<string, IndicatorDto>;
}
