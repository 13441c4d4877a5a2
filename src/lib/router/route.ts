/**
 * Loupe's links: `#/<view>[/<tab>][?key=value&…]`, e.g. `#/playground/recordings`,
 * `#/library?open=run-…`, `#/playground/reason?recording=behaviours-dev.jsonl&item=dev-006&step=40`.
 * Pure: parsed and written here, kept in sync with the address bar by router.svelte.ts.
 */
export interface Route {
  view: string;
  tab: string | null;
  params: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const path = queryAt === -1 ? body : body.slice(0, queryAt);
  const query = queryAt === -1 ? '' : body.slice(queryAt + 1);
  const [view = '', tab = ''] = path.split('/').map(safeDecode);
  return { view, tab: tab || null, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function formatHash(route: Route): string {
  let hash = `#/${encodeURIComponent(route.view)}`;
  if (route.tab) hash += `/${encodeURIComponent(route.tab)}`;
  const query = new URLSearchParams(
    Object.entries(route.params).filter(([, value]) => value !== ''),
  ).toString();
  return query ? `${hash}?${query}` : hash;
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatHash(a) === formatHash(b);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
