/**
 * Local stand-in for the Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`), so the real AWS
 * SDK client in shared/adapters/lambda/ invokes functions here exactly as it does in AWS. `Event` invocations
 * answer 202 at once and run the handler in-process, retried twice on failure (Lambda's default for
 * asynchronous invocations); `RequestResponse` answers the handler's result. Only the functions listed may be
 * invoked. Signatures are not checked: the front listens on localhost only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

export interface LambdaFrontOptions {
  port: number;
  repoRoot: string;
  /** Function names that may be invoked (the folder names under functions/). */
  functions: readonly string[];
  log: (line: string) => void;
  /** Pause before a retry, in ms (Lambda waits about a minute; locally a moment). */
  retryDelayMs?: number;
}

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

export async function startLambdaFront(opts: LambdaFrontOptions) {
  const inFlight = new Set<Promise<void>>();
  const load = async (name: string): Promise<Handler> => {
    const mod = (await import(pathToFileURL(`${opts.repoRoot}/functions/${name}/handler.ts`).href)) as {
      handler: Handler;
    };
    return mod.handler;
  };
  const runAsync = (name: string, event: unknown) => {
    const p = (async () => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          await (await load(name))(event, { awsRequestId: `local-${Date.now()}-${attempt}` });
          return;
        } catch (e) {
          opts.log(`${name} failed (attempt ${attempt}/3): ${(e as Error).message}`);
          await new Promise((r) => setTimeout(r, (opts.retryDelayMs ?? 300) * attempt));
        }
      }
    })().finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const server: Server = createServer((req, res) => {
    const m = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url?.split('?')[0] ?? '');
    const name = m ? decodeURIComponent(m[1]!) : '';
    if (req.method !== 'POST' || !m || !opts.functions.includes(name)) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${name}` }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      let event: unknown;
      try {
        event = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Type: 'User', message: 'Could not parse request body into json' }));
        return;
      }
      if ((req.headers['x-amz-invocation-type'] ?? 'RequestResponse') === 'Event') {
        res.writeHead(202);
        res.end();
        runAsync(name, event);
        return;
      }
      try {
        const result = await (await load(name))(event, { awsRequestId: `local-${Date.now()}` });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result ?? null));
      } catch (e) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
        res.end(JSON.stringify({ errorMessage: (e as Error).message }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    /** Resolves once every invocation so far has finished (tests wait on it). */
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
