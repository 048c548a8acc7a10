/**
 * Connection slots of the web host, in two pools. Any local process can open connections to a
 * loopback port; only the page holds the session. A connection is anonymous until a request on
 * it carries the session, and then moves to the session pool, which anonymous connections can
 * never fill. Anonymous connections wait at most a short time for a request's headers; when
 * their pool is full, a new one takes the place of the oldest that is waiting for headers (or,
 * with none waiting, of the oldest, say one that does not read its answer) rather than being
 * refused: a flood then only cycles its own connections, and the browser's, which send their
 * headers at once, get through.
 */
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Connections that have not carried the session: new ones, the launch token, the page's own files. */
  anonymous: number;
  /** Connections that carried the session: one tab opens a handful (calls, one or two event streams). */
  session: number;
  /** How long an anonymous connection may take to send a request's headers, from its start or its last answer. */
  anonymousHeaderTimeoutMs: number;
}

export const CONNECTION_LIMITS: ConnectionLimits = { anonymous: 32, session: 32, anonymousHeaderTimeoutMs: 5_000 };

interface Anonymous {
  /** Requests in progress on the connection; 0 while it waits for headers. */
  busy: number;
  timer: NodeJS.Timeout | undefined;
}

export class ConnectionPools {
  readonly #anonymous = new Map<Socket, Anonymous>();
  readonly #session = new Set<Socket>();

  constructor(private readonly limits: ConnectionLimits) {}

  /** A new connection: anonymous, with the header deadline running. */
  admit(socket: Socket): void {
    if (this.#anonymous.size >= this.limits.anonymous) this.#evictOldest();
    const entry: Anonymous = { busy: 0, timer: undefined };
    this.#anonymous.set(socket, entry);
    this.#startDeadline(socket, entry);
    socket.once('close', () => {
      clearTimeout(this.#anonymous.get(socket)?.timer);
      this.#anonymous.delete(socket);
      this.#session.delete(socket);
    });
  }

  /** A request's headers have arrived on the connection. */
  requestStarted(socket: Socket): void {
    const entry = this.#anonymous.get(socket);
    if (!entry) return;
    entry.busy += 1;
    clearTimeout(entry.timer);
  }

  /** The answer to a request has gone (or the client left): an idle anonymous connection waits for headers again. */
  requestEnded(socket: Socket): void {
    const entry = this.#anonymous.get(socket);
    if (!entry) return;
    entry.busy -= 1;
    if (entry.busy === 0 && !socket.destroyed) this.#startDeadline(socket, entry);
  }

  /** The connection carried the session; false when the session pool is full. */
  promote(socket: Socket): boolean {
    if (this.#session.has(socket)) return true;
    if (this.#session.size >= this.limits.session) return false;
    clearTimeout(this.#anonymous.get(socket)?.timer);
    this.#anonymous.delete(socket);
    this.#session.add(socket);
    return true;
  }

  #startDeadline(socket: Socket, entry: Anonymous): void {
    entry.timer = setTimeout(() => socket.destroy(), this.limits.anonymousHeaderTimeoutMs);
    // A pending deadline must not keep a stopping process alive.
    entry.timer.unref();
  }

  /** Maps keep insertion order: the first entry found is the oldest. */
  #evictOldest(): void {
    const entries = [...this.#anonymous];
    const [socket, entry] = entries.find(([, each]) => each.busy === 0) ?? entries[0]!;
    clearTimeout(entry.timer);
    this.#anonymous.delete(socket);
    socket.destroy();
  }
}
