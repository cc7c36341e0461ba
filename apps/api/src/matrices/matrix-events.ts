import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type MessageEvent, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { filter, interval, map, merge, type Observable, Subject, takeUntil } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { onCommit } from '../database/tenant-db';
import { DATABASE_URL } from '../database/tokens';

export const MATRIX_CHANNEL = 'accord_matrix';

export interface MatrixEvent {
  workspaceId: string;
  matrixId: string;
  kind: 'responsibility.changed' | 'responsibility.created' | 'responsibility.deleted' | 'matrix.changed';
  responsibilityId?: string;
  version?: number;
  actorUserId: string | null;
}

/**
 * One LISTEN connection per API process, fanned out to the open event streams of that process;
 * edits made through any process reach every browser. Reconnects after a database outage.
 *
 * Announcements are sent after the writer's commit, on this connection, not by NOTIFY inside the
 * writer's transaction: PostgreSQL serialises every committing transaction that has notified on
 * one database-wide lock held through its commit's disk flush, which made edits of unrelated
 * workspaces wait for each other. Here they go out in batches, asynchronously committed (losing
 * an announcement in a crash costs a browser a refresh, never data), and still only for changes
 * that committed.
 */
@Injectable()
export class MatrixEvents implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('MatrixEvents');
  private readonly events = new Subject<MatrixEvent>();
  private readonly closing = new Subject<void>();
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private pending: MatrixEvent[] = [];
  private sending = false;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  /** Ends every open stream first, or the HTTP server would wait for them forever on shutdown. */
  beforeApplicationShutdown(): void {
    this.closing.next();
    this.closing.complete();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.events.complete();
    await this.client?.end().catch(() => undefined);
  }

  /** Announces `event` to every API process once the transaction of `tx` has committed. */
  notify(tx: EntityManager, event: MatrixEvent): void {
    onCommit(tx, () => {
      this.pending.push(event);
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, 100);
        const client = this.client;
        if (!client) {
          this.logger.warn(`dropped ${batch.length} matrix announcement(s): no event connection`);
          continue;
        }
        await client
          .query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [MATRIX_CHANNEL, batch.map((e) => JSON.stringify(e))])
          .catch((error: unknown) => this.logger.warn({ err: error }, `dropped ${batch.length} matrix announcement(s)`));
      }
    } finally {
      this.sending = false;
    }
  }

  /** One matrix's changes as server-sent events, with a ping every 25 s so proxies keep the stream open. */
  stream(workspaceId: string, matrixId: string): Observable<MessageEvent> {
    const changes = this.events.pipe(
      filter((e) => e.workspaceId === workspaceId && e.matrixId === matrixId),
      map((event): MessageEvent => ({ type: event.kind, data: event })),
    );
    const pings = interval(25_000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return merge(changes, pings).pipe(takeUntil(this.closing));
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'accord-events' });
    client.on('notification', (msg) => {
      if (msg.channel !== MATRIX_CHANNEL || !msg.payload) return;
      try {
        this.events.next(JSON.parse(msg.payload) as MatrixEvent);
      } catch {
        this.logger.warn('ignored a malformed matrix notification');
      }
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'event connection lost; reconnecting');
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`SET synchronous_commit = off; LISTEN ${MATRIX_CHANNEL}`);
      this.client = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn({ err: error }, 'could not listen for matrix events; retrying');
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    const old = this.client;
    this.client = undefined;
    void old?.end().catch(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, 1000);
    this.retry.unref();
  }
}
