import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

const WINDOW_MINUTES = 15;

/**
 * Failed sign-ins counted in PostgreSQL, per account and per IP address, so the limit holds
 * across API processes and restarts.
 */
@Injectable()
export class LoginThrottle {
  private readonly maxFailures: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService,
  ) {
    this.maxFailures = config.getOrThrow<number>('LOGIN_MAX_FAILURES');
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT
         count(*) FILTER (WHERE email = $1)::int AS by_email,
         count(*) FILTER (WHERE ip = $2)::int AS by_ip,
         min(attempted_at) FILTER (WHERE email = $1) AS oldest_email,
         min(attempted_at) FILTER (WHERE ip = $2) AS oldest_ip
       FROM login_attempts
       WHERE NOT succeeded AND attempted_at > now() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
      [email, ip, WINDOW_MINUTES],
    );
    const blockedSince = [row.by_email >= this.maxFailures ? row.oldest_email : null, row.by_ip >= this.maxFailures ? row.oldest_ip : null]
      .filter((d): d is Date => d instanceof Date)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (!blockedSince) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((blockedSince.getTime() + WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
    throw new HttpException(
      { message: `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, retryAfterSeconds },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  async recordAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)`, [email, ip, succeeded]);
  }
}
