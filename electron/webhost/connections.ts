/**
 * Connection slots of the web host, in two pools. Any local process can open connections to a
 * loopback port; only the page holds the session. A connection is anonymous until a request on
 * it carries the session, and then moves to the session pool, which anonymous connections can
 * never fill. Anonymous connections wait at most a short time for a request's headers. When
 * their pool is full, a new one takes the place of the oldest that is waiting for headers, or
 * else of the oldest whose answer has stalled (its client has not read for a while); an answer
 * that is still moving (the page's bundle, say) is never cut off for a newcomer, which is then
 * closed unanswered instead. A slow-header flood thus only cycles its own connections, and a
 * flood that asks and never reads holds its slots only until its answers stall.
 */
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Connections that have not carried the session: new ones, the launch token, the page's own files. */
  anonymous: number;
  /** Connections that carried the session: one tab opens a handful (calls, one or two event streams). */
  session: number;
  /** How long an anonymous connection may take to send a request's headers, from its start or its last answer. */
  anonymousHeaderTimeoutMs: number;
  /**
   * How long an anonymous answer may wait on a client that does not read (the socket's buffer
   * full, no drain) before its slot may go to a newcomer: checked once per period, so a stall
   * is noticed after one to two periods.
   */
  anonymousStalledAnswerMs: number;
}

export const CONNECTION_LIMITS: ConnectionLimits = {
  anonymous: 32,
  session: 32,
  anonymousHeaderTimeoutMs: 5_000,
  anonymousStalledAnswerMs: 5_000,
};

interface Anonymous {
  /** Requests in progress on the connection; 0 while it waits for headers. */
  busy: number;
  /** The header deadline while idle; the stall check while busy. */
  timer: NodeJS.Timeout | undefined;
  /** The client read (the socket drained) since the last stall check. */
  drained: boolean;
  /** A whole stall period passed with the socket's buffer full and not drained. */
  stalled: boolean;
}

export class ConnectionPools {
  readonly #anonymous = new Map<Socket, Anonymous>();
  readonly #session = new Set<Socket>();

  constructor(private readonly limits: ConnectionLimits) {}

  /** A new connection: anonymous, with the header deadline running; closed at once when no slot can be freed. */
  admit(socket: Socket): void {
    if (this.#anonymous.size >= this.limits.anonymous && !this.#evictIdleOrStalled()) {
      socket.destroy();
      return;
    }
    const entry: Anonymous = { busy: 0, timer: undefined, drained: false, stalled: false };
    this.#anonymous.set(socket, entry);
    this.#startDeadline(socket, entry);
    socket.on('drain', () => {
      entry.drained = true;
      entry.stalled = false;
    });
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
    if (entry.busy === 1) this.#startStallCheck(socket, entry);
  }

  /** The answer to a request has gone (or the client left): an idle anonymous connection waits for headers again. */
  requestEnded(socket: Socket): void {
    const entry = this.#anonymous.get(socket);
    if (!entry) return;
    entry.busy -= 1;
    if (entry.busy === 0 && !socket.destroyed) {
      entry.stalled = false;
      this.#startDeadline(socket, entry);
    }
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
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => socket.destroy(), this.limits.anonymousHeaderTimeoutMs);
    // A pending deadline must not keep a stopping process alive.
    entry.timer.unref();
  }

  /**
   * While an answer is in progress: stalled when, over a whole period, the socket's buffer stayed
   * full (writableNeedDrain) and never drained. A client that reads at all drains it now and then.
   */
  #startStallCheck(socket: Socket, entry: Anonymous): void {
    clearTimeout(entry.timer);
    entry.drained = false;
    entry.timer = setInterval(() => {
      if (socket.writableNeedDrain && !entry.drained) entry.stalled = true;
      entry.drained = false;
    }, this.limits.anonymousStalledAnswerMs);
    entry.timer.unref();
  }

  /** Maps keep insertion order: the first entry found is the oldest. False when every slot is a live answer. */
  #evictIdleOrStalled(): boolean {
    const entries = [...this.#anonymous];
    const found = entries.find(([, each]) => each.busy === 0) ?? entries.find(([, each]) => each.stalled);
    if (!found) return false;
    const [socket, entry] = found;
    clearTimeout(entry.timer);
    this.#anonymous.delete(socket);
    socket.destroy();
    return true;
  }
}
