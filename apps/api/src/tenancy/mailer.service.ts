import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import nodemailer, { type Transporter } from 'nodemailer';

/** Invitation mail through SMTP when SMTP_URL is set; otherwise nothing is sent and the caller shows the link. */
@Injectable()
export class MailerService {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(config: ConfigService) {
    const url = config.get<string>('SMTP_URL');
    this.transport = url ? nodemailer.createTransport(url) : null;
    this.from = config.getOrThrow<string>('SMTP_FROM');
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(to: string, subject: string, text: string): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({ from: this.from, to, subject, text });
      return true;
    } catch (error) {
      this.logger.error({ err: error, to }, 'invitation e-mail could not be sent');
      return false;
    }
  }
}
