/** Starts the HTTP server: refuses to listen beyond loopback with writes open and no token. */
import type { Server } from 'node:http';
import { isLoopback } from '../core/config.js';
import { PolicygraphError } from '../core/errors.js';
import { createApp, type AppDeps } from './app.js';

export function checkExposure(deps: Pick<AppDeps, 'config'>): void {
  const { host, token, allowUpload } = deps.config;
  if (!isLoopback(host) && allowUpload && !token) {
    throw new PolicygraphError(
      'CONFIG',
      `refusing to listen on ${host} with writes enabled and no token: set POLICYGRAPH_TOKEN, or POLICYGRAPH_ALLOW_UPLOAD=0 for a read-only server`,
    );
  }
}

export async function startServer(deps: AppDeps, port = deps.config.port, host = deps.config.host): Promise<{ server: Server; url: string }> {
  checkExposure({ config: { ...deps.config, host } });
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => {
      const addr = server.address();
      const actualPort = typeof addr === 'object' && addr ? addr.port : port;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
      deps.log.info({ url, store: deps.store.kind, model: deps.modelStatus.available }, 'listening');
      resolve({ server, url });
    });
    server.on('error', (e) => reject(new PolicygraphError('CONFIG', `cannot listen on ${host}:${port}: ${e.message}`, { cause: e })));
  });
}
