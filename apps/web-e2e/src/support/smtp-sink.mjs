// A real SMTP server for the browser journeys: it accepts every mail (no TLS, no login) and keeps
// each as a JSON file { envelope, raw, receivedAt } in E2E_MAIL_DIR, for the journeys to read.
// playwright.config.ts starts it before the API, whose SMTP_URL points here.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.E2E_SMTP_PORT);
const dir = process.env.E2E_MAIL_DIR;
if (!Number.isInteger(port) || port <= 0 || !dir) {
  console.error('smtp-sink: set E2E_SMTP_PORT (a port number) and E2E_MAIL_DIR (a folder).');
  process.exit(2);
}

// Every run starts with an empty mailbox.
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      count += 1;
      const name = `${Date.now()}-${String(count).padStart(5, '0')}.json`;
      const mail = {
        envelope: {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        },
        raw: Buffer.concat(chunks).toString('utf8'),
        receivedAt: new Date().toISOString(),
      };
      try {
        // Written aside and renamed, so that a reader never sees half a file.
        const temporary = path.join(dir, `.${name}.tmp`);
        writeFileSync(temporary, JSON.stringify(mail));
        renameSync(temporary, path.join(dir, name));
        callback();
      } catch (error) {
        callback(error);
      }
    });
  },
});

server.on('error', (error) => console.error('smtp-sink:', error.message));
server.listen(port, '127.0.0.1', () => console.log(`smtp-sink: listening on 127.0.0.1:${port}, mail in ${dir}`));

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
