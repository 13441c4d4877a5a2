/** What the service worker tells the page: a newer build waiting, and how much is kept offline. */
export interface OfflineStatus {
  hash: string;
  total: number;
  missing: string[];
}

export class ServiceWorkerState {
  /** A newer build is installed and waits for the page to reload into it. */
  updateReady = $state(false);
  offline = $state.raw<OfflineStatus | null>(null);
  #registration: ServiceWorkerRegistration | null = null;

  attach(registration: ServiceWorkerRegistration): void {
    this.#registration = registration;
  }

  /** Lets the waiting build take over; the page reloads when it does (see register.ts). */
  applyUpdate(): void {
    const waiting = this.#registration?.waiting;
    if (waiting) waiting.postMessage({ type: 'skip-waiting' });
    else location.reload();
  }

  /** Asks the active worker how many of its build's files are kept for offline use. */
  async refreshOffline(): Promise<void> {
    const worker = this.#registration?.active;
    if (!worker) return;
    const channel = new MessageChannel();
    const reply = new Promise<OfflineStatus>((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data as OfflineStatus);
    });
    worker.postMessage({ type: 'status' }, [channel.port2]);
    this.offline = await reply;
  }
}

export const serviceWorkerState = new ServiceWorkerState();
