const RELOAD_FLAG = 'loupe:isolation-reload';

/**
 * Registers Loupe's service worker. On hosts that cannot send COOP/COEP headers it adds them
 * (the coi-serviceworker technique), which takes one reload once it controls the page.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    const registration = await navigator.serviceWorker.register('./sw.js');
    if (crossOriginIsolated) {
      sessionStorage.removeItem(RELOAD_FLAG);
      return;
    }
    const reloadOnce = () => {
      // One try only: if the headers still do not take, Loupe runs without isolation.
      if (sessionStorage.getItem(RELOAD_FLAG)) return;
      sessionStorage.setItem(RELOAD_FLAG, '1');
      location.reload();
    };
    if (navigator.serviceWorker.controller) reloadOnce();
    else if (registration.active || registration.installing || registration.waiting) {
      navigator.serviceWorker.addEventListener('controllerchange', reloadOnce, { once: true });
    }
  } catch (error) {
    console.warn('Loupe: the service worker could not be registered', error);
  }
}
