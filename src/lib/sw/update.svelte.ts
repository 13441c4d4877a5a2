/** What the service worker tells the page: a newer build waiting, and how much is kept offline. */
export interface OfflineStatus {
  hash: string;
  total: number;
  missing: string[];
}

/**
 * `none`: no service worker here (a development server, or a browser without them); `installing`:
 * registered, keeping this version's files (a first visit); `active`: it can say what it kept.
 */
export type WorkerPhase = 'none' | 'installing' | 'active';

/** What `attach` needs of a registration (a `ServiceWorkerRegistration`, or a test's double). */
type Registration = Pick<ServiceWorkerRegistration, 'active' | 'waiting'>;

export class ServiceWorkerState {
  /** A newer build is installed and waits for the page to reload into it. */
  updateReady = $state(false);
  offline = $state.raw<OfflineStatus | null>(null);
  phase = $state<WorkerPhase>('none');
  #registration: Registration | null = null;
  /** A view asked for the offline status before the worker could answer. */
  #asked = false;

  /** `ready` resolves once a worker is active (on a first visit, after it has kept the files). */
  attach(registration: Registration, ready: Promise<unknown>): void {
    this.#registration = registration;
    this.phase = registration.active ? 'active' : 'installing';
    void ready.then(() => {
      this.phase = 'active';
      if (this.#asked) void this.refreshOffline();
    });
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
    if (!worker) {
      this.#asked = true;
      return;
    }
    const channel = new MessageChannel();
    const reply = new Promise<OfflineStatus>((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data as OfflineStatus);
    });
    worker.postMessage({ type: 'status' }, [channel.port2]);
    this.offline = await reply;
  }
}

export const serviceWorkerState = new ServiceWorkerState();
