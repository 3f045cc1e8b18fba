// Every user-facing error text of the core, in one place, so wording stays consistent.

const list = (names: readonly string[]): string => names.join(', ');
const bullets = (lines: readonly string[]): string => lines.map((l) => `  - ${l}`).join('\n');

/** Short, printable description of a value for error messages (never the whole array). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value !== 'object' && typeof value !== 'function') return `${typeof value} ${String(value)}`;
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  const ctor = (value as object).constructor?.name ?? 'Object';
  const length = (value as { length?: unknown }).length;
  return typeof length === 'number' ? `${ctor}(${length})` : ctor;
}

/** Printable name of a type reference; `undefined` means "any". */
export function describeType(type: unknown): string {
  return typeof type === 'function' ? type.name || '(anonymous class)' : 'any';
}

export const messages = {
  graphBuild: (problems: readonly string[]) =>
    `the graph cannot be built (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${bullets(problems)}`,
  duplicateNode: (name: string, first: string, second: string) =>
    `node "${name}" is defined twice: by ${first} and by ${second}; rename one, or pass allowModuleOverrides() so the later module wins`,
  duplicateInModule: (name: string, first: string, second: string) =>
    `node "${name}" is produced twice in one module: by ${first} and by ${second}; rename one or make their config.when conditions exclusive`,
  cycle: (path: readonly string[]) => `cycle: ${path.join(' -> ')}; break it by removing or renaming one dependency`,
  edgeType: (from: string, fromType: string, to: string, param: string, toType: string) =>
    `type mismatch on ${from} -> ${to}: "${from}" returns ${fromType} but ${to} takes ${param}: ${toType}; change one of the types, or annotate the return with @node({ returns })`,
  inputTypeConflict: (input: string, uses: readonly string[]) =>
    `external input "${input}" is required with incompatible types: ${list(uses)}; make the parameter types agree`,
  unreadableParams: (where: string, why: string) =>
    `${where}: ${why}; name its dependencies with @dependsOn('a', 'b', ...) in parameter order`,
  dependsOnArity: (where: string, named: number, params: number) =>
    `${where}: @dependsOn names ${named} dependenc${named === 1 ? 'y' : 'ies'} but the method takes ${params} parameter${params === 1 ? '' : 's'}; name one per parameter, in order`,
  selfDependency: (where: string, name: string) => `${where}: node "${name}" depends on itself`,
  badNodeName: (where: string, name: string) =>
    `${where}: "${name}" is not a usable node name; a node name is non-empty and does not end in "__"`,
  notAModule: (index: number, value: string) =>
    `module #${index} is ${value}; pass a class, an instance of a decorated class, or an array of these`,
  noNodes: (where: string) => `${where} has no @node methods; decorate at least one method with @node()`,
  adapterRejected: (hook: string, adapter: string, what: string, reason: string) =>
    `${adapter}.${hook} rejected ${what}: ${reason}`,
  twoResultBuilders: (names: readonly string[]) =>
    `more than one adapter builds results (${list(names)}); pass at most one result builder`,
  unknownNodes: (role: string, unknown: readonly string[], suggestions: Readonly<Record<string, readonly string[]>>) =>
    `unknown ${role}${unknown.length === 1 ? '' : 's'}: ` +
    unknown
      .map((u) => (suggestions[u]?.length ? `"${u}" (did you mean ${suggestions[u].join(' or ')}?)` : `"${u}"`))
      .join(', ') +
    '; use listAvailableVariables() to see every node',
  inputs: (problems: readonly string[]) =>
    `the inputs cannot be used (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${bullets(problems)}`,
  missingInput: (input: string, neededBy: readonly string[]) =>
    `missing input "${input}", needed by ${list(neededBy)}; pass it in inputs (or config)`,
  inputType: (input: string, expected: string, value: unknown, neededBy: readonly string[]) =>
    `input "${input}" should be ${expected} but is ${describeValue(value)}; ${list(neededBy)} take${neededBy.length === 1 ? 's' : ''} it`,
  inputRejected: (input: string, adapter: string, value: unknown) =>
    `input "${input}" (${describeValue(value)}) was rejected by ${adapter}.validateInput`,
  configAndInput: (key: string) =>
    `"${key}" is given both in config and in inputs; keep one (config is fixed for the driver, inputs vary per call)`,
  inputNamesNode: (key: string) =>
    `input "${key}" names a computed node; to replace its value pass it in overrides instead`,
  nodeFailed: (node: string, className: string | undefined, cause: unknown) =>
    `node "${node}"${className ? ` (${className})` : ''} failed: ${cause instanceof Error ? cause.message : describeValue(cause)}`,
  testNodeMissing: (node: string, missing: readonly string[]) =>
    `testNode("${node}") needs ${list(missing)}; pass ${missing.length === 1 ? 'it' : 'them'} in the values argument`,
} as const;
