import { serviceWorkerState } from './update.svelte';

const RELOAD_FLAG = 'loupe:isolation-reload';

/**
 * Registers Loupe's service worker, which keeps the build for offline use and, on hosts that
 * cannot send COOP/COEP headers, adds them (the coi-serviceworker technique): that takes one
 * reload once it controls the page. A newer build is announced, not forced on the page.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    const hadController = Boolean(navigator.serviceWorker.controller);
    const registration = await navigator.serviceWorker.register('./sw.js');
    serviceWorkerState.attach(registration, navigator.serviceWorker.ready);
    watchForUpdates(registration);
    let reloading = false;
    let firstTakeOver = !hadController;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading) return;
      if (firstTakeOver) {
        // The first build took over: reload only to gain isolation, and only once.
        firstTakeOver = false;
        if (crossOriginIsolated || sessionStorage.getItem(RELOAD_FLAG)) return;
        sessionStorage.setItem(RELOAD_FLAG, '1');
      }
      // Otherwise a newer build took over because the person chose Reload.
      reloading = true;
      location.reload();
    });
    if (crossOriginIsolated) sessionStorage.removeItem(RELOAD_FLAG);
    else if (hadController && !sessionStorage.getItem(RELOAD_FLAG)) {
      // Controlled but not isolated: one try only; if the headers still do not take, Loupe
      // runs without isolation.
      sessionStorage.setItem(RELOAD_FLAG, '1');
      location.reload();
    }
  } catch (error) {
    console.warn('Loupe: the service worker could not be registered', error);
  }
}

function watchForUpdates(registration: ServiceWorkerRegistration): void {
  const announce = () => {
    if (registration.waiting && navigator.serviceWorker.controller)
      serviceWorkerState.updateReady = true;
  };
  announce();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') announce();
    });
  });
  // A tab left open for days still hears about a new deployment when it comes back into view.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void registration.update().catch(() => {});
  });
}
