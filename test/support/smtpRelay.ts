// A real SMTP server for tests (the `smtp-server` package on loopback), with scripted answers by
// recipient: greylist@… is refused with 451 twice then accepted, down@… always 451, refuse@… 550.
// AUTH is optional; the account netra / rahasia-relay is accepted, anything else gets 535.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ArrivedMail {
  to: string[];
  raw: Buffer;
  secure: boolean;
  user: string | null;
}

export async function startRelay(options: Partial<SMTPServerOptions> = {}) {
  const arrived: ArrivedMail[] = [];
  const tries = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'netra' && auth.password === 'rahasia-relay') callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const local = address.address.split('@')[0];
      const n = (tries.get(address.address) ?? 0) + 1;
      tries.set(address.address, n);
      if (local === 'refuse')
        return callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: Mailbox does not exist`), { responseCode: 550 }),
        );
      if (local === 'down' || (local === 'greylist' && n <= 2))
        return callback(Object.assign(new Error(`4.7.1 <${address.address}>: Greylisted, try again later`), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        arrived.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          secure: session.secure,
          user: (session.user as string | undefined) ?? null,
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { arrived, tries, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
