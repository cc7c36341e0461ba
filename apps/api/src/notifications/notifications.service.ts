import { Injectable } from '@nestjs/common';
import { type Role, ROLES } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { scopeOf } from '../audit/audit.service';
import type { TenantContext } from '../common/context';
import { rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import { type Mail, MailerService } from '../mail/mailer.service';
import type { NotificationListView } from './dto/notification.dto';

export const NOTIFICATION_KINDS = ['claim.proposed', 'claim.accepted', 'claim.declined', 'signature.requested', 'version.approved', 'version.rejected'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notice {
  kind: NotificationKind;
  clientId: string;
  title: string;
  body: string;
  /** A path in the web app, such as /w/:ws/matrices/:id/versions/3. */
  link: string;
}

/** Who hears about it: everyone holding one of the roles for the client, or named people. */
export type Audience = { roles: readonly Role[]; except?: string } | { userIds: readonly string[]; except?: string };

/**
 * In-app notifications, written in the transaction of the change they announce, and the mail
 * that goes with each, returned for the caller to deliver once that transaction has committed.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly mailer: MailerService,
  ) {}

  async notify(tx: EntityManager, ctx: TenantContext, audience: Audience, notice: Notice): Promise<Mail[]> {
    // Named people are looked up among everyone of the client, through the same narrow function.
    const people: { user_id: string; name: string; email: string }[] = await tx.query(`SELECT user_id, name, email FROM notification_recipients($1, $2)`, [
      notice.clientId,
      'roles' in audience ? audience.roles : ROLES,
    ]);
    const wanted = 'userIds' in audience ? new Set(audience.userIds) : null;
    const recipients = people.filter((p) => p.user_id !== audience.except && (wanted === null || wanted.has(p.user_id)));
    if (!recipients.length) return [];
    await tx.query(
      `INSERT INTO notifications (workspace_id, client_id, user_id, kind, title, body, link)
       SELECT $1, $2, unnest($3::uuid[]), $4, $5, $6, $7`,
      [ctx.workspaceId, notice.clientId, recipients.map((p) => p.user_id), notice.kind, notice.title, notice.body, notice.link],
    );
    return recipients.map((p) => ({
      to: p.email,
      subject: `Accord: ${notice.title}`,
      text: `Hello ${p.name},\n\n${notice.title}.\n\n${notice.body}\n\nOpen it in Accord: ${this.mailer.link(notice.link)}\n\nYou receive this because you take part in this agreement in Accord.`,
    }));
  }

  deliver(mails: readonly Mail[]): void {
    this.mailer.deliver(mails);
  }

  list(ctx: TenantContext): Promise<NotificationListView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const items: { id: string; kind: string; title: string; body: string; link: string | null; created_at: Date; read_at: Date | null }[] = await tx.query(
        `SELECT id, kind, title, body, link, created_at, read_at FROM notifications WHERE workspace_id = $1 AND user_id = $2 ORDER BY created_at DESC LIMIT 50`,
        [ctx.workspaceId, ctx.user.id],
      );
      const [{ unread }] = await tx.query(`SELECT count(*)::int AS unread FROM notifications WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL`, [ctx.workspaceId, ctx.user.id]);
      return {
        unread,
        items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.created_at.toISOString(), readAt: n.read_at?.toISOString() ?? null })),
      } as NotificationListView;
    });
  }

  /** Marks the given notifications, or all of them, as read; the answer is the new unread count. */
  markRead(ctx: TenantContext, ids: string[] | undefined): Promise<{ unread: number }> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      await rows(
        tx,
        `UPDATE notifications SET read_at = now() WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY ($3::uuid[]))`,
        [ctx.workspaceId, ctx.user.id, ids ?? null],
      );
      const [{ unread }] = await tx.query(`SELECT count(*)::int AS unread FROM notifications WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL`, [ctx.workspaceId, ctx.user.id]);
      return { unread };
    });
  }
}
