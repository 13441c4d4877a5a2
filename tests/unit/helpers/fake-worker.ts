import { expose } from 'comlink';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { WorkerLike } from '../../../src/lib/bridge/worker-bridge';
import { installErrorTransfer } from '../../../src/lib/bridge/transfer';

/**
 * A worker stand-in over a MessageChannel: the API object is exposed on one port, the bridge talks
 * to the other, and `terminate` closes both, as a real terminate drops every pending reply.
 */
export class FakeWorker implements WorkerLike {
  readonly #port: MessagePort;
  readonly #other: MessagePort;
  /** 'error' listeners still attached (comlink's own 'message' listener lives as long as the port). */
  listeners = 0;
  terminated = false;

  constructor(api: object) {
    installErrorTransfer();
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#other = port2;
    expose(api, port2 as unknown as Parameters<typeof expose>[1]);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    if (this.terminated) return;
    this.#port.postMessage(message, transfer as never);
  }

  addEventListener(type: string, listener: (event: Event) => void): void {
    if (type === 'error') this.listeners += 1;
    this.#port.addEventListener(type as 'message', listener as never);
  }

  removeEventListener(type: string, listener: (event: Event) => void): void {
    if (type === 'error') this.listeners -= 1;
    this.#port.removeEventListener(type as 'message', listener as never);
  }

  start(): void {
    this.#port.start();
  }

  terminate(): void {
    this.terminated = true;
    this.#port.close();
    this.#other.close();
  }
}
