// @jupyterlab/services writes to the global console ("Starting WebSocket: …", "Connection lost, reconnecting
// in 2 seconds.", "Kernel: idle (…)", validation warnings) and offers no logger to inject. While a connection
// is open, console calls that come from the library go to the connection's logger instead; every other console
// call passes through untouched. "From the library" is told by the caller's stack (node_modules/@jupyterlab or
// @lumino, when the code runs unbundled) or by the library's own message texts (which is what remains in a
// webpack bundle, where module paths are gone).
import type { JupyterLog, JupyterLogLevel } from './presignedSession';

const METHODS = ['debug', 'log', 'info', 'warn', 'error'] as const;
type Method = (typeof METHODS)[number];
const LEVEL: Record<Method, JupyterLogLevel> = {
  debug: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
};

const LIBRARY_FRAME = /[\\/]node_modules[\\/]@(?:jupyterlab|lumino)[\\/]/;
const LIBRARY_MESSAGES = [
  /^Starting WebSocket: /,
  /^Connection lost, reconnecting in \d+ seconds\.$/,
  /^Kernel: [\w-]+ \(/,
  /^Server selected unknown kernel wire protocol/,
  /^Removing errant kernel spec: /,
  /^Default kernel not found, using /,
  /^Exception opening new comm$/,
  /^Comm not found for comm id /,
  /^Terminal websocket closed: /,
  /^Subshell identifier not available /,
  /^The (kernel|session|terminal session) "[^"]*"+ does not exist on the server$/,
];

const sinks: JupyterLog[] = [];
let originals: Partial<Record<Method, (...args: unknown[]) => void>> | undefined;
const installed: Partial<Record<Method, (...args: unknown[]) => void>> = {};

/** Routes the library's console output to `log` until the returned function is called. */
export function routeLibraryConsole(log: JupyterLog): () => void {
  sinks.push(log);
  if (!originals) install();
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    sinks.splice(sinks.indexOf(log), 1);
    if (!sinks.length) uninstall();
  };
}

function install(): void {
  const console_ = console as unknown as Record<Method, (...args: unknown[]) => void>;
  originals = {};
  for (const method of METHODS) {
    const original = console_[method];
    originals[method] = original;
    const wrapper = (...args: unknown[]): void => {
      // The oldest open connection's logger gets the line: they normally share one output channel.
      const sink = sinks[0];
      if (sink && fromLibrary(args)) {
        try {
          sink(LEVEL[method], args.map(text).join(' '));
        } catch {
          // a logger that throws must not break the library
        }
        return;
      }
      original.apply(console, args);
    };
    installed[method] = wrapper;
    console_[method] = wrapper;
  }
}

function uninstall(): void {
  const console_ = console as unknown as Record<Method, (...args: unknown[]) => void>;
  for (const method of METHODS) {
    // Someone who wrapped the console after us keeps their wrapper.
    if (console_[method] === installed[method] && originals?.[method]) console_[method] = originals[method];
  }
  originals = undefined;
}

function fromLibrary(args: unknown[]): boolean {
  if (typeof args[0] === 'string' && LIBRARY_MESSAGES.some((pattern) => pattern.test(args[0] as string))) return true;
  const stack = new Error().stack ?? '';
  // Skip this wrapper's own frames: the first lines are Error, fromLibrary and the wrapper.
  return LIBRARY_FRAME.test(stack.split('\n').slice(3).join('\n'));
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
