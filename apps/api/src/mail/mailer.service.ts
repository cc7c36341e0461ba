import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import nodemailer, { type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Mail through SMTP when SMTP_URL is set; otherwise nothing is sent and callers fall back (the
 * inviter is shown the link, notifications stay in the app).
 */
@Injectable()
export class MailerService {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;
  private readonly from: string;
  readonly publicUrl: string;

  constructor(config: ConfigService) {
    const url = config.get<string>('SMTP_URL');
    this.transport = url ? nodemailer.createTransport(url) : null;
    this.from = config.getOrThrow<string>('SMTP_FROM');
    this.publicUrl = (config.get<string>('PUBLIC_URL') ?? `http://localhost:${config.getOrThrow<number>('PORT')}`).replace(/\/$/, '');
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** The address people open, for links in mail. */
  link(path: string): string {
    return `${this.publicUrl}${path}`;
  }

  async send(to: string, subject: string, text: string): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({ from: this.from, to, subject, text });
      return true;
    } catch (error) {
      this.logger.error({ err: error, to, subject }, 'e-mail could not be sent');
      return false;
    }
  }

  /** After the transaction committed: a mail about a change that was rolled back would be a lie. */
  deliver(mails: readonly Mail[]): void {
    for (const mail of mails) void this.send(mail.to, mail.subject, mail.text);
  }
}
