// The bearer token of a server started with --token: given once in the page's URL (`?token=`), then kept
// for the tab's lifetime in sessionStorage and removed from the address bar and history.

const KEY = 'hamilton-ts:token';

/** Moves `?token=` from the URL into sessionStorage; call once, before the first request. */
export function takeTokenFromUrl(): void {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  sessionStorage.setItem(KEY, token);
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

/** The token this tab was given, if any. */
export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}
