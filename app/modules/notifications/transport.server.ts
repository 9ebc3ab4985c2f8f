import nodemailer from "nodemailer";

export interface Envelope {
  channel: "sms" | "email";
  recipient: string;
  subject: string | null;
  body: string;
}

export interface Transport {
  /** Throws when the provider refuses or cannot be reached; the worker retries later. */
  send(message: Envelope): Promise<{ delivered: boolean }>;
}

/**
 * SMTP for e-mail (SMTP_URL, MAIL_FROM) and an HTTP SMS gateway (SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN) that takes
 * a JSON POST { to, text }. A channel without configuration keeps its messages visible in the staff outbox page
 * instead of sending them (development and demo).
 */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): Transport {
  const mailer = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  const from = env.MAIL_FROM ?? "Digibrug <noreply@digibrug.invalid>";
  return {
    async send(message) {
      if (message.channel === "email") {
        if (!mailer) return { delivered: false };
        await mailer.sendMail({ from, to: message.recipient, subject: message.subject ?? "Digibrug", text: message.body });
        return { delivered: true };
      }
      if (!env.SMS_GATEWAY_URL) return { delivered: false };
      const response = await fetch(env.SMS_GATEWAY_URL, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(env.SMS_GATEWAY_TOKEN ? { authorization: `Bearer ${env.SMS_GATEWAY_TOKEN}` } : {}),
        },
        body: JSON.stringify({ to: message.recipient, text: message.body }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
      return { delivered: true };
    },
  };
}
