// GET /healthz: is the app up, and does the database answer? 503 with a JSON body when it does not.
import { Router } from 'express';

export function healthRoutes(ping: (timeoutMs: number) => Promise<boolean>): Router {
  const r = Router();
  r.get('/healthz', async (_req, res) => {
    const up = await ping(1500);
    res.setHeader('Cache-Control', 'no-store');
    if (up) res.status(200).json({ status: 'ok', db: 'up' });
    else res.status(503).setHeader('Retry-After', '5').json({ status: 'degraded', db: 'down' });
  });
  return r;
}
