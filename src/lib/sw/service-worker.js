/*
 * Loupe's one service worker. The build prepends `self.LOUPE_BUILD = { hash, files }` (see
 * build-plugin.ts): the build's hash and the files to keep for offline use, relative to this
 * script. It
 * - keeps those files in a cache named by the build's hash, and every other file of the app
 *   (a chunk loaded on demand, say) in a second cache of the same build as it is first used;
 * - serves the app from those caches, so it opens and runs offline after one visit;
 * - adds the cross-origin isolation headers (COOP/COEP) that SharedArrayBuffer needs, for static
 *   hosts that cannot set headers (the coi-serviceworker technique);
 * - waits, when it is a new build, until the page asks it to take over (the page shows "A new
 *   version is ready"), then removes the caches of older builds.
 */
const { hash, files } = self.LOUPE_BUILD;
const PREFIX = 'loupe-';
const SHELL = `${PREFIX}${hash}`;
const LAZY = `${PREFIX}${hash}-lazy`;
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const scope = () => self.registration.scope;
const inScope = (url) => url.startsWith(scope());
const index = () => new URL('index.html', scope()).href;
/** The app's page: the scope itself or its index.html, whatever the hash or query. */
const isAppPage = (url) => {
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}` === scope() || `${origin}${pathname}` === index();
};

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // A file that cannot be kept is not fatal: the page asks for the status and says so.
      await precache();
      // The first build a browser sees takes over at once (isolation needs it); a newer one waits.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== SHELL && name !== LAZY) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'skip-waiting') void self.skipWaiting();
  else if (type === 'status' && event.ports[0]) {
    const port = event.ports[0];
    event.waitUntil(status().then((value) => port.postMessage(value)));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (new URL(request.url).origin !== self.location.origin) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(respond(request).then(withIsolationHeaders));
});

/** Keeps every file of the build; one that cannot be fetched is left out (see status()). */
async function precache() {
  const cache = await caches.open(SHELL);
  await Promise.all(
    files.map(async (file) => {
      const url = new URL(file, scope()).href;
      try {
        if (await cache.match(url)) return;
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        await cache.put(url, response);
      } catch {
        // Reported by status() as missing.
      }
    }),
  );
}

async function status() {
  const cache = await caches.open(SHELL);
  const kept = await Promise.all(files.map((f) => cache.match(new URL(f, scope()).href)));
  return {
    hash,
    total: files.length,
    missing: files.filter((_, i) => !kept[i]),
    active: self.registration.active === self.serviceWorker,
  };
}

async function respond(request) {
  if (request.method !== 'GET' || !inScope(request.url)) return fetch(request);
  const url = request.mode === 'navigate' && isAppPage(request.url) ? index() : request.url;
  const kept =
    (await caches.match(url, { cacheName: SHELL })) ??
    (await caches.match(url, { cacheName: LAZY }));
  if (kept) return kept;
  const response = await fetch(request);
  if (response.status === 200 && response.type === 'basic' && request.mode !== 'navigate') {
    const copy = response.clone();
    void caches.open(LAZY).then((cache) => cache.put(request.url, copy));
  }
  return response;
}

function withIsolationHeaders(response) {
  if (response.status === 0 || response.type === 'opaque') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
