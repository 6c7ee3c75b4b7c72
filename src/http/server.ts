// Starts listening with an app built by app.ts, and closes cleanly.
import type { Express } from 'express';
import type { Server } from 'node:http';

export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolvePromise(server)));
    server.on('error', reject);
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections();
  });
}
