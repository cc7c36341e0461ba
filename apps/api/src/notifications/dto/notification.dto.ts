import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { NOTIFICATION_KINDS } from '../notifications.service';

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: 'A path in the web app' }) link!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationListView {
  @ApiProperty() unread!: number;
  @ApiProperty({ type: [NotificationView], description: 'The latest 50, newest first' }) items!: NotificationView[];
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'The notifications to mark read; all of them when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'ids must list notification ids' })
  ids?: string[];
}

export class UnreadView {
  @ApiProperty() unread!: number;
}
