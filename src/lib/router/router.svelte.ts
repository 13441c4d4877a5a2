import { formatHash, parseHash, sameRoute, type Route } from './route';

/**
 * The address bar as state: the view, its tab and the open item. Changing view or tab adds a
 * history entry (Back and Forward work); moving within an item (a step) replaces it.
 */
export class Router {
  // Outside a page (Node, tests) there is no address: the router starts empty and never listens.
  route = $state.raw<Route>(parseHash(globalThis.location?.hash ?? ''));
  /** The tab last shown in each view, so coming back to a view finds it as it was left. */
  #tabs = $state.raw<Record<string, string>>({});

  constructor() {
    globalThis.addEventListener?.('hashchange', () => this.#read());
    this.#remember(this.route);
  }

  /** Goes to a view (and tab); params are dropped unless given. */
  go(view: string, tab: string | null = null, params: Record<string, string> = {}): void {
    this.#write({ view, tab: tab ?? this.#tabs[view] ?? null, params }, false);
  }

  /** Changes the open item's params in place (no new history entry). */
  setParams(params: Record<string, string>, replace = true): void {
    this.#write({ ...this.route, params: { ...this.route.params, ...params } }, replace);
  }

  /** The link to a view, with the tab it was left on. */
  href(view: string): string {
    return formatHash({ view, tab: this.#tabs[view] ?? null, params: {} });
  }

  #write(next: Route, replace: boolean): void {
    if (sameRoute(next, this.route)) return;
    const url = `${location.pathname}${location.search}${formatHash(next)}`;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
    this.route = next;
    this.#remember(next);
  }

  #read(): void {
    this.route = parseHash(location.hash);
    this.#remember(this.route);
  }

  #remember(route: Route): void {
    if (route.view && route.tab && this.#tabs[route.view] !== route.tab)
      this.#tabs = { ...this.#tabs, [route.view]: route.tab };
  }
}

export const router = new Router();
