import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../core/config/app-config.js';
import { APP_CONFIG } from '../core/config/config.module.js';

/** Sends e-mail over SMTP when `SMTP_URL` is set; otherwise notifications stay in the application. */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(to: string, message: { subject: string; text: string }): Promise<void> {
    if (!this.transport) return;
    await this.transport.sendMail({ from: this.config.smtpFrom, to, ...message });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
