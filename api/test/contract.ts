import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type request from 'supertest';

type Http = ReturnType<typeof request>;
type Document = {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseSpec> }>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, ResponseSpec> };
};
type ResponseSpec = { content?: Record<string, { schema?: unknown }> };
interface CheckedResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * What checks every answer a test receives against the published contract (`GET /api/docs-json`):
 * the operation its method and path name must exist, document the status, and the JSON body must
 * match the schema documented for that status. A response that breaks its contract fails the test
 * that received it, whatever that test was about.
 */
export class ContractChecker {
  private readonly ajv: Ajv;
  private readonly routes: { method: string; pattern: RegExp; path: string; literal: number }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Document) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(document as object, 'contract');
    this.routes = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => ({
          method,
          path,
          pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          // "/api/appeals/deadline" wins over "/api/appeals/{id}".
          literal: path.replace(/\{[^}]+\}/g, '').length,
        })),
      )
      .sort((a, b) => b.literal - a.literal);
  }

  /** The contract's complaint about this answer, or null when it keeps the contract. */
  problem(method: string, url: string, response: CheckedResponse): string | null {
    const path = new URL(url, 'http://x').pathname;
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return null;
    // Refused by Node's HTTP parser before the API saw it (a request line or headers too long).
    if (response.status === 431 || response.status === 414) return null;
    const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    const where = `${method.toUpperCase()} ${path} → ${response.status}`;
    if (!route) {
      // A route nobody serves: Nest's own 404, in the error shape.
      if (response.status === 404 || response.status === 405) return this.check(where, 'Error', jsonOf(response.body));
      return `${where}: no operation in the contract`;
    }
    const responses = this.document.paths[route.path][route.method].responses ?? {};
    const status = String(response.status);
    const key = status in responses ? status : 'default' in responses ? 'default' : null;
    if (!key) return `${where}: the contract documents no ${status} for ${route.method} ${route.path}`;
    // A shared response (`#/components/responses/Forbidden`) is read where it is defined.
    const ref = (responses[key] as { $ref?: string }).$ref;
    const location = ref ? ref.slice(2).split('/') : ['paths', route.path, route.method, 'responses', key];
    const answer = ref ? this.document.components.responses[ref.split('/').pop()!] : responses[key];
    const content = answer.content;
    const type = (response.headers['content-type'] ?? '').split(';')[0].trim();
    if (!content) {
      return type && response.status !== 204 && response.status !== 304
        ? `${where}: the contract documents no body, the answer has ${type}`
        : null;
    }
    if (!type) return `${where}: the answer has no Content-Type`;
    if (!content[type]) return `${where}: ${type} is not among ${Object.keys(content).join(', ')}`;
    if (type !== 'application/json') return null;
    const pointer = [...location, 'content', type, 'schema']
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    return this.check(where, `contract#/${pointer}`, jsonOf(response.body));
  }

  private check(where: string, reference: string, body: unknown): string | null {
    const ref = reference === 'Error' ? 'contract#/components/schemas/Error' : reference;
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    if (validate(body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
    return `${where}: the body breaks the contract: ${errors.join('; ')}`;
  }

  /**
   * `http` whose every answer is checked: a broken contract makes the request fail, as a network
   * error would, with what broke.
   */
  wrap(http: Http): Http {
    const wrapped = { ...http } as Record<string, unknown>;
    for (const method of METHODS) {
      const original = (http as unknown as Record<string, (url: string) => unknown>)[method];
      wrapped[method] = (url: string) => {
        const test = original(url) as {
          end(callback: (error: unknown, response: CheckedResponse) => void): unknown;
        };
        const end = test.end.bind(test);
        test.end = (callback) =>
          end((error, response) => {
            const problem = response ? this.problem(method, url, response) : null;
            callback(problem ? new Error(problem) : error, response);
          });
        return test;
      };
    }
    return wrapped as unknown as Http;
  }
}

/** The JSON body, also when a test asked for the raw bytes (a PDF download that answered an error). */
function jsonOf(body: unknown): unknown {
  return Buffer.isBuffer(body) ? JSON.parse(body.toString('utf8')) : body;
}
