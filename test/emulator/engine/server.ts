// The emulator's HTTP server: finds the service and operation of each request, applies faults,
// validates the input against the official model, calls the handler and writes the response in
// the service's wire protocol. `/_emulator/...` is the control API for tests and the sandbox.
import * as http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Readable, type Duplex } from 'node:stream';
import { AwsError, type Clock, type ServiceHandlers, type ServiceName, type RequestContext } from './contract';
import { decodeAwsChunked, isAwsChunked } from './awsChunked';
import { Faults, parseFaultRules } from './faults';
import { fromJson, toJson } from './jsonShapes';
import { fullInput, fullOutput, loadModel, serviceForTarget, type ServiceModel } from './models';
import {
  matchRestOperation,
  parseRestInput,
  serializeRestOutput,
  type RestRequest,
  type WireResponse,
} from './restProtocol';
import { outputProblems, validateInput } from './validate';
import { xmlDocument } from './xmlShapes';
import { fromQuery, queryError, queryResponse } from './queryProtocol';

export const ACCOUNT_ID = '123456789012';
const MAX_RECORDED = 10_000;

export interface RecordedRequest {
  seq: number;
  time: string;
  service: ServiceName;
  operation: string;
  region: string;
  status: number;
  errorCode?: string;
  input?: unknown;
  /** Output members that do not fit the model (strict mode; the conformance test asserts none). */
  outputProblems?: string[];
  /**
   * Milliseconds the emulator spent answering, from the request read to the answer written (AWS's side of the
   * call): a benchmark subtracts it to time the client alone.
   */
  handledMs?: number;
}

export interface EngineOptions {
  clock: Clock;
  handlers: () => ServiceHandlers;
  /** Called by POST /_emulator/reset. */
  reset: (scenario?: string) => Promise<void>;
  /** Called by POST /_emulator/restart: stop listening (every connection dropped) for `downMs`, then listen again. */
  restart?: (downMs: number) => Promise<void>;
  describe: () => Record<string, unknown>;
  strictOutputs?: boolean;
  log?: (line: string) => void;
  /**
   * Presigned notebook URLs and the Jupyter traffic behind them: every request and WebSocket upgrade under
   * `/notebook/`, and the control routes it knows (`control` answers undefined for the others).
   */
  notebooks?: {
    request(request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void>;
    upgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void;
    control(method: string, route: string): { status: number; body: unknown } | undefined;
  };
}

/** Buffers and ArrayBuffers in a recorded input become a short description (bodies can be big). */
function recordable(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(recordable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, recordable(v)]));
  return value;
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function credentialScope(request: http.IncomingMessage, query: URLSearchParams): { region?: string; service?: string } {
  const auth = String(request.headers.authorization ?? '');
  const credential = /Credential=([^,\s]+)/.exec(auth)?.[1] ?? query.get('X-Amz-Credential') ?? '';
  const [, , region, service] = credential.split('/');
  return { region, service };
}

export class EmulatorEngine {
  readonly faults = new Faults();
  private recorded: RecordedRequest[] = [];
  private seq = 0;
  private readonly services: ServiceName[] = [
    'sagemaker',
    'runtime.sagemaker',
    'codepipeline',
    'codecommit',
    'logs',
    'ecr',
    'application-autoscaling',
    'monitoring',
    'iam',
    'pricing',
    's3',
  ];

  constructor(private readonly options: EngineOptions) {}

  createServer(): http.Server {
    const server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.options.log?.(`emulator: unexpected ${error instanceof Error ? error.stack : String(error)}`);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('emulator failure');
      });
    });
    // The kernel WebSocket of a notebook instance's Jupyter; nothing else upgrades.
    server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.options.notebooks && (request.url ?? '').startsWith('/notebook/'))
        return this.options.notebooks.upgrade(request, socket, head);
      socket.destroy();
    });
    server.keepAliveTimeout = 5000;
    return server;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    if (url.pathname.startsWith('/_emulator/')) return this.control(request, response, url);
    if (url.pathname.startsWith('/notebook/')) {
      if (this.options.notebooks) return this.options.notebooks.request(request, response, url);
      response.writeHead(404, { 'content-type': 'text/plain' });
      return void response.end('no notebook instances here');
    }
    let body = await readBody(request);
    const started = performance.now();
    if (isAwsChunked(request.headers)) body = decodeAwsChunked(body);

    const target = request.headers['x-amz-target'];
    const scope = credentialScope(request, url.searchParams);
    const region = scope.region ?? 'us-east-1';
    const requestId = randomUUID();
    let service: ServiceName;
    if (typeof target === 'string') {
      const [prefix] = target.split('.');
      const found = serviceForTarget(prefix, this.services);
      if (!found)
        return this.sendJsonError(
          response,
          requestId,
          new AwsError('UnknownOperationException', `Unknown target ${target}`),
        );
      service = found;
    } else if (scope.service === 'iam') {
      service = 'iam';
    } else if (/^\/endpoints\/[^/]+\/(invocations|async-invocations|invocations-response-stream)$/.test(url.pathname)) {
      service = 'runtime.sagemaker';
    } else {
      service = 's3';
    }
    const model = loadModel(service);
    const handlers = this.options.handlers()[service] ?? {};
    let operationName: string;
    let input: Record<string, unknown>;
    try {
      if (model.protocol === 'query') {
        const params = new URLSearchParams(body.toString('utf8'));
        operationName = params.get('Action') ?? '';
        if (!model.operations[operationName])
          throw new AwsError(
            'InvalidAction',
            `Could not find operation ${operationName} for version ${params.get('Version') ?? '?'}`,
          );
        input = fromQuery(model, params, model.operations[operationName].input ?? {}) as Record<string, unknown>;
      } else if (model.protocol === 'json') {
        operationName = String(target).split('.')[1] ?? '';
        if (!model.operations[operationName]) throw new AwsError('UnknownOperationException', '');
        let parsed: unknown;
        try {
          parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        } catch {
          throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
        }
        input = fromJson(model, parsed, model.operations[operationName].input ?? {}) as Record<string, unknown>;
      } else {
        const restRequest: RestRequest = {
          method: request.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
          body,
        };
        const match = matchRestOperation(model, restRequest, Object.keys(handlers));
        if (!match) {
          const anyMatch = matchRestOperation(model, restRequest, Object.keys(model.operations));
          throw anyMatch
            ? new AwsError(
                'NotImplemented',
                `The SageMaker Workbench emulator does not implement ${anyMatch.operation.name}.`,
                501,
              )
            : new AwsError(
                service === 's3' ? 'MethodNotAllowed' : 'UnknownOperationException',
                'The specified method is not allowed against this resource.',
                service === 's3' ? 405 : 404,
              );
        }
        operationName = match.operation.name;
        input = parseRestInput(model, match, restRequest);
      }
    } catch (error) {
      const awsError = error instanceof AwsError ? error : new AwsError('SerializationException', String(error));
      return this.sendError(response, model, requestId, awsError, request.method === 'HEAD');
    }

    const record: RecordedRequest = {
      seq: ++this.seq,
      time: new Date().toISOString(),
      service,
      operation: operationName,
      region,
      status: 0,
      input: recordable(input),
    };
    this.recorded.push(record);
    if (this.recorded.length > MAX_RECORDED) this.recorded.splice(0, this.recorded.length - MAX_RECORDED);

    const fault = this.faults.apply(service, operationName);
    if (fault.delayMs > 0) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault.kind === 'drop') {
      record.status = -1;
      record.errorCode = 'ConnectionDropped';
      request.socket.destroy();
      return;
    }

    let wire: WireResponse;
    try {
      if (fault.kind === 'error') throw fault.error;
      validateInput(model, operationName, input, fullInput(model, operationName));
      const handler = handlers[operationName];
      if (!handler)
        throw new AwsError(
          model.protocol === 'json' ? 'UnsupportedOperation' : 'NotImplemented',
          `The SageMaker Workbench emulator does not implement ${operationName}.`,
          model.protocol === 'json' ? 400 : 501,
        );
      const context: RequestContext = {
        service,
        operation: operationName,
        region,
        accountId: ACCOUNT_ID,
        clock: this.options.clock,
        requestId,
        origin: `http://${request.headers.host ?? '127.0.0.1'}`,
      };
      const output = ((await handler(input, context)) ?? {}) as Record<string, unknown>;
      if (this.options.strictOutputs) {
        const problems = outputProblems(model, operationName, output, fullOutput(model, operationName));
        if (problems.length > 0) {
          record.outputProblems = problems;
          this.options.log?.(
            `emulator: ${service}.${operationName} output does not fit the model: ${problems.join('; ')}`,
          );
        }
      }
      wire = this.serialize(model, operationName, output, requestId);
      if (fault.kind === 'lost-response') {
        // It happened; the client never hears so.
        record.status = -1;
        record.errorCode = 'ResponseLost';
        request.socket.destroy();
        return;
      }
    } catch (error) {
      if (!(error instanceof AwsError))
        this.options.log?.(
          `emulator: ${service}.${operationName} failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
      const awsError =
        error instanceof AwsError
          ? error
          : new AwsError(
              service === 's3' ? 'InternalError' : 'InternalFailure',
              'The emulator failed to handle the request.',
              500,
            );
      record.status = awsError.statusCode;
      record.errorCode = awsError.code;
      record.handledMs = performance.now() - started;
      return this.sendError(response, model, requestId, awsError, request.method === 'HEAD');
    }
    record.status = wire.status;
    record.handledMs = performance.now() - started;
    const idHeaders: Record<string, string> =
      service === 's3'
        ? { 'x-amz-request-id': requestId, 'x-amz-id-2': Buffer.from(requestId).toString('base64') }
        : { 'x-amzn-requestid': requestId };
    response.writeHead(wire.status, { ...wire.headers, ...idHeaders });
    if (wire.body instanceof Readable) {
      wire.body.pipe(response);
    } else {
      response.end(request.method === 'HEAD' ? undefined : wire.body);
    }
  }

  private serialize(
    model: ServiceModel,
    operationName: string,
    output: Record<string, unknown>,
    requestId: string,
  ): WireResponse {
    const operation = model.operations[operationName];
    if (model.protocol === 'query')
      return {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: queryResponse(model, operationName, output, requestId),
      };
    if (model.protocol === 'json') {
      const body = JSON.stringify(toJson(model, output, operation.output ?? { type: 'structure', members: {} }) ?? {});
      return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from(body) };
    }
    return serializeRestOutput(model, operation, output);
  }

  private sendError(
    response: http.ServerResponse,
    model: ServiceModel,
    requestId: string,
    error: AwsError,
    head: boolean,
  ): void {
    if (model.protocol === 'query') {
      response.writeHead(error.statusCode, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      response.end(head ? undefined : queryError(error.code, error.message, requestId));
      return;
    }
    if (model.protocol === 'rest-xml') {
      const extra = Object.entries(error.extra)
        .map(([k, v]) => `<${k}>${String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${k}>`)
        .join('');
      const message = error.message.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const body = xmlDocument(
        `<Error><Code>${error.code}</Code><Message>${message}</Message>${extra}<RequestId>${requestId}</RequestId></Error>`,
      );
      response.writeHead(error.statusCode, { 'content-type': 'application/xml', 'x-amz-request-id': requestId });
      response.end(head ? undefined : body);
      return;
    }
    this.sendJsonError(response, requestId, error);
  }

  private sendJsonError(response: http.ServerResponse, requestId: string, error: AwsError): void {
    const body = JSON.stringify({ __type: error.code, message: error.message, ...error.extra });
    response.writeHead(error.statusCode, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    });
    response.end(body);
  }

  private async control(request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void> {
    const route = `${request.method} ${url.pathname.slice('/_emulator/'.length)}`;
    const body = await readBody(request);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    let payload: unknown;
    try {
      payload = body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return json(400, { error: 'body is not JSON' });
    }
    try {
      switch (route) {
        case 'GET health':
          return json(200, { status: 'ok', ...this.options.describe() });
        case 'GET requests':
          return json(200, { requests: this.recorded });
        case 'DELETE requests':
          this.recorded = [];
          return json(200, {});
        case 'GET faults':
          return json(200, { rules: this.faults.list(), injected: this.faults.injected });
        case 'PUT faults':
          this.faults.set(parseFaultRules(payload), Number((payload as { seed?: number })?.seed ?? 1));
          return json(200, { rules: this.faults.list() });
        case 'DELETE faults':
          this.faults.clear();
          return json(200, {});
        case 'POST reset':
          await this.options.reset((payload as { scenario?: string }).scenario);
          this.recorded = [];
          this.faults.clear();
          return json(200, {});
        case 'POST restart': {
          const restart = this.options.restart;
          if (!restart) return json(404, { error: 'this emulator cannot restart itself' });
          const downMs = Math.min(60_000, Math.max(0, Number((payload as { downMs?: number }).downMs ?? 2000)));
          // Down only once this answer has left, so the caller knows the restart began.
          response.once(
            'finish',
            () =>
              void restart(downMs).catch((error: unknown) =>
                this.options.log?.(`emulator: restart failed: ${String(error)}`),
              ),
          );
          return json(200, { downMs });
        }
        case 'POST clock/advance': {
          const { ms, seconds } = payload as { ms?: number; seconds?: number };
          this.options.clock.advance(ms ?? (seconds ?? 0) * 1000);
          return json(200, { now: new Date(this.options.clock.now()).toISOString() });
        }
        default: {
          const answer = this.options.notebooks?.control(
            request.method ?? 'GET',
            url.pathname.slice('/_emulator/'.length),
          );
          if (answer) return json(answer.status, answer.body);
          return json(404, { error: `no control route ${route}` });
        }
      }
    } catch (error) {
      return json(400, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
