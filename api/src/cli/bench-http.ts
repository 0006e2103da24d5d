import { Agent, request } from 'node:http';

/** An answer of the API, read whole. */
export interface Answer {
  status: number;
  ok: boolean;
  body: Buffer;
  header(name: string): string | undefined;
}

/**
 * The bench's requests over kept-alive connections with node:http. The bench shares the machine's
 * two cores with the API it measures, and fetch (undici) took about half a millisecond more of them per
 * list page answered than node:http does (intake the same), time a real client spends on a machine of its own.
 */
export class BenchClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });

  constructor(private readonly base: string) {}

  get(path: string, headers: Record<string, string>): Promise<Answer> {
    return this.send('GET', path, headers);
  }

  /** A request with an optional body, answered whole. */
  send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const sized = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
      const outgoing = request(`${this.base}${path}`, { method, agent: this.agent, headers: sized }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 0;
          resolve({
            status,
            ok: status >= 200 && status < 300,
            body: Buffer.concat(chunks),
            header: (name) => {
              const value = incoming.headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(', ') : value;
            },
          });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
