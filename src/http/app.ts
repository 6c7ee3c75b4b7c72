// Builds the express application from its dependencies. Listening is server.ts's job; nothing here connects.
import express, { type Express } from 'express';
import type { Connection } from 'mongoose';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { healthRoutes } from './routes/health';

export interface AppDeps {
  config: Config;
  connection: Connection;
  logger: Logger;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.config.trustProxy) app.set('trust proxy', 1);
  app.use(healthRoutes(deps.connection));
  app.get('/', (_req, res) => {
    res.type('html').send('<!doctype html><html lang="th"><meta charset="utf-8"><title>MOU Engine</title><h1>MOU Engine</h1></html>');
  });
  return app;
}
