// How each API route authenticates, from its method and path, and the OpenAPI `security` that follows.
export type RouteAuth = 'public' | 'session' | 'agency' | 'leadPush';

/** How a route authenticates, from its method and path (the handlers check it; the test suite checks this table). */
export function routeAuth(method: string, url: string): RouteAuth {
  if (url.startsWith('/api/v1/agency/')) return 'agency';
  if (method === 'POST' && url === '/api/v1/leads/push') return 'leadPush';
  if (url.startsWith('/api/v1/public/')) return 'public';
  if (
    [
      '/api/v1/laporan',
      '/api/v1/lacak',
      '/api/v1/lacak/cabut',
      '/api/v1/lacak/tanda-bukti',
      '/api/v1/uploads',
      '/api/v1/auth/login',
      '/api/v1/informasi',
    ].includes(url) &&
    method === 'POST'
  )
    return 'public';
  if (
    method === 'GET' &&
    (url === '/api/v1/health' ||
      url.startsWith('/api/v1/regions') ||
      url.startsWith('/api/v1/elections') ||
      url === '/api/v1/calendar' ||
      url.startsWith('/api/v1/risk') ||
      url.startsWith('/api/v1/problems'))
  )
    return 'public';
  return 'session';
}

export function securityOf(auth: RouteAuth, method: string): Record<string, string[]>[] {
  switch (auth) {
    case 'public':
      return [];
    case 'agency':
      return [{ agencyBearer: [] }];
    case 'leadPush':
      return [{ leadSourceBearer: [] }];
    default:
      return method === 'GET' ? [{ sessionCookie: [] }] : [{ sessionCookie: [], csrfHeader: [] }];
  }
}
