import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type MessageEvent, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { filter, interval, map, merge, type Observable, Subject, takeUntil } from 'rxjs';
import type { EntityManager } from 'typeorm';
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
 * Queues a notification inside the writer's transaction. PostgreSQL delivers it at commit, and
 * only then, so no browser hears of an edit that rolled back.
 */
export async function notifyMatrix(tx: EntityManager, event: MatrixEvent): Promise<void> {
  await tx.query(`SELECT pg_notify($1, $2)`, [MATRIX_CHANNEL, JSON.stringify(event)]);
}

/**
 * One LISTEN connection per API process, fanned out to the open event streams of that process;
 * edits made through any process reach every browser. Reconnects after a database outage.
 */
@Injectable()
export class MatrixEvents implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('MatrixEvents');
  private readonly events = new Subject<MatrixEvent>();
  private readonly closing = new Subject<void>();
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

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
      await client.query(`LISTEN ${MATRIX_CHANNEL}`);
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
