// Every error text of the web server, so each says what was wrong and what to do in one place.

export const uiMessages = {
  nonLoopbackWithoutToken: (host: string) =>
    `refusing to serve runs on ${host} without a token: ${host} is not a loopback address, so anyone who reaches it ` +
    'could read every run (names, errors, value summaries). Pass --token T (serveUi({ token })) to require ' +
    '"Authorization: Bearer T", or bind 127.0.0.1',
  badToken: () =>
    'the token must be at least 16 characters of letters, digits and - . _ ~ + / = (it travels in an HTTP header); ' +
    'e.g. --token "$(openssl rand -hex 24)"',
  badPort: (port: unknown) => `port ${JSON.stringify(port)} is not a TCP port; give an integer from 0 (any free port) to 65535`,
  portInUse: (host: string, port: number) =>
    `port ${port} on ${host} is already in use; pass --port N for another port (0 picks a free one), or stop the server using it`,
  pageMissing: (dir: string) =>
    `the page's files are missing: neither ${dir} nor the page sources (and esbuild) to build them are there; ` +
    'reinstall @hamilton-ts/ui, or run `npm run build` in a clone of hamilton-ts',
  unauthorized: () => 'this server requires a token: send "Authorization: Bearer <token>", the token given to `hamilton-ts ui --token`',
  foreignHost: (host: string) =>
    `Host ${JSON.stringify(host)} is not this server's loopback name; open the page at 127.0.0.1 or localhost ` +
    '(requests for other host names are refused so that a web page cannot read runs through DNS rebinding)',
  runNotFound: (id: string) => `no run has the id ${JSON.stringify(id)}; GET /api/runs lists the runs this store holds`,
  unknownParameter: (name: string, known: readonly string[]) =>
    `unknown query parameter ${JSON.stringify(name)}; the parameters are ${known.join(', ')}`,
  repeatedParameter: (name: string) => `query parameter ${JSON.stringify(name)} is given more than once; give it once`,
  badStatus: (value: string) => `status ${JSON.stringify(value)} is not a run status; give running, success or failure`,
  badInteger: (name: string, value: string, min: number, max?: number) =>
    `${name} ${JSON.stringify(value)} is not an integer ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}`,
  emptyProject: () => 'project is empty; give a project name, or leave the parameter out for every project',
} as const;
