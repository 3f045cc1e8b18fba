// Every user-facing error text of the core, in one place, so wording stays consistent.

const list = (names: readonly string[]): string => names.join(', ');
const bullets = (lines: readonly string[]): string => lines.map((l) => `  - ${l}`).join('\n');
/** At most `max` names, then how many more: messages about thousands of outputs stay readable. */
const someOf = (names: readonly string[], max = 20): string =>
  names.length <= max ? list(names) : `${list(names.slice(0, max))} and ${names.length - max} more`;
/** A value as it would be written in code, for "wrap it in value(...)" hints. */
const literal = (value: unknown): string =>
  ['string', 'number', 'boolean'].includes(typeof value) || value === null ? JSON.stringify(value) : '...';

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
  emptyVariantSuffix: (where: string, method: string) =>
    `${where}: method name "${method}" ends in "__" with no variant after it; write the variant (e.g. ${method}v2) or drop the "__"`,
  badNodeName: (where: string, name: string) =>
    `${where}: "${name}" is not a usable node name; a node name is non-empty and does not end in "__"`,
  notAModule: (index: number, value: string) =>
    `module #${index} is ${value}; pass a class, an instance of a decorated class, or an array of these`,
  noNodes: (where: string) => `${where} has no @node methods; decorate at least one method with @node()`,
  adapterRejected: (hook: string, adapter: string, what: string, reason: string) => `${adapter}.${hook} rejected ${what}: ${reason}`,
  notIterable: (parallel: string, value: unknown) =>
    `@parallelizable node "${parallel}" returned ${describeValue(value)}, which is not iterable; return an array, a Set, a generator or an async iterable of the items`,
  outputInBlock: (name: string, parallel: string, collect: string) =>
    `"${name}" runs once per item of @parallelizable "${parallel}", so it has no single value to return; request "${collect}", which collects it, or a node after it`,
  parallelWithoutCollect: (parallel: string) =>
    `@parallelizable node "${parallel}" has no @collect downstream; add a node with @collect('param') that gathers the per-item values`,
  collectWithoutParallel: (collect: string, gathered: string) =>
    `@collect node "${collect}" gathers "${gathered}", which is not downstream of any @parallelizable node; collect a value computed per item, or remove @collect`,
  nestedBlock: (inner: string, outer: string) =>
    `@parallelizable node "${inner}" is inside the block of "${outer}"; nested blocks are not supported: collect the outer block first`,
  twoCollects: (parallel: string, collects: readonly string[]) =>
    `the block of @parallelizable "${parallel}" is gathered by ${collects.length} @collect nodes (${list(collects)}); gather it with one @collect and derive the others from it`,
  collectReadsBlock: (collect: string, node: string, parallel: string) =>
    `@collect node "${collect}" reads "${node}", which runs once per item of "${parallel}", through a parameter it does not collect; only the collected parameter may come from inside the block`,
  blockNodeAfterCollect: (node: string, parallel: string, collect: string) =>
    `"${node}" runs once per item of "${parallel}" but also depends on "${collect}", which collects that block; move it after the collect or out of the block`,
  nodeInTwoBlocks: (node: string, blocks: readonly string[]) =>
    `"${node}" is downstream of two @parallelizable nodes (${list(blocks)}); collect one block before the other starts`,
  collectUnknownParam: (where: string, param: unknown, params: readonly string[]) =>
    `${where}: @collect(${JSON.stringify(param)}) names no parameter of the method (it has ${list(params) || 'none'}); name the parameter that receives the gathered array`,
  dynamicManyNodes: (where: string, decorator: string, nodes: readonly string[]) =>
    `${where}: @${decorator} needs a method that makes one node, but it makes ${nodes.length} (${someOf(nodes)})`,
  dynamicItemType: (where: string, decorator: string, value: unknown) =>
    `${where}: @${decorator} item type is ${describeValue(value)}; pass a constructor such as Number or Float64Array, or nothing for "any"`,
  noCache: () =>
    'this driver has no cache; build it with new Builder().withCache({ path: ".hamilton-cache" }), or new Driver(config, modules, { cache: { path } })',
  twoEngines: (names: readonly string[]) =>
    `more than one adapter decides where nodes run (${list(names)}); pass at most one engine (an adapter with runNode)`,
  twoResultBuilders: (names: readonly string[]) => `more than one adapter builds results (${list(names)}); pass at most one result builder`,
  unknownNodes: (role: string, unknown: readonly string[], suggestions: Readonly<Record<string, readonly string[]>>) =>
    `unknown ${role}${unknown.length === 1 ? '' : 's'}: ` +
    unknown.map((u) => (suggestions[u]?.length ? `"${u}" (did you mean ${suggestions[u].join(' or ')}?)` : `"${u}"`)).join(', ') +
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
  inputNamesNode: (key: string) => `input "${key}" names a computed node; to replace its value pass it in overrides instead`,
  nodeFailed: (node: string, className: string | undefined, cause: unknown) =>
    `node "${node}"${className ? ` (${className})` : ''} failed: ${cause instanceof Error ? cause.message : describeValue(cause)}`,
  svgRendererMissing:
    'SVG output needs the optional package @viz-js/viz (graphviz in wasm): npm install @viz-js/viz; or ask for format "dot" or "mermaid"',
  testNodeMissing: (node: string, missing: readonly string[]) =>
    `testNode("${node}") needs ${list(missing)}; pass ${missing.length === 1 ? 'it' : 'them'} in the values argument`,
  configType: (key: string, expected: string, value: unknown, users: readonly string[]) =>
    `config "${key}" should be ${expected} but is ${describeValue(value)}; ${users.length ? `${list(users)} take${users.length === 1 ? 's' : ''} it` : 'it replaces a node of that type'}`,
  badMaxConcurrency: (value: unknown) =>
    `maxConcurrency is ${describeValue(value)}; give a whole number of at least 1, or Infinity for no limit`,
  edgeRejected: (from: string, fromType: string, to: string, param: string, toType: string, adapter: string) =>
    `${adapter}.checkEdgeTypesMatch rejected ${from} -> ${to} ("${from}" returns ${fromType}, ${to} takes ${param}: ${toType})`,
  decoratorWithoutNode: (where: string, decorators: readonly string[]) =>
    `${where} has ${decorators.map((d) => `@${d}`).join(', ')} but no @node(); add @node() to make it a node, or remove the decorator`,
  asyncVerdict: (hook: string, adapter: string) =>
    `${adapter}.${hook} returned a promise; validation hooks run while the graph is built or inputs are checked and must answer synchronously`,
  // function modifiers, part A: parameterize, inject, does, extractColumns, extractFields, tagOutputs
  emptyModifier: (where: string, modifier: string, what: string) => `${where}: @${modifier} was given no ${what}; name at least one`,
  bindingsNotRecord: (where: string, label: string, value: unknown) =>
    `${where}: ${label} must map parameter names to value(...), source(...) or group(...), got ${describeValue(value)}`,
  unknownParameter: (where: string, label: string, param: string, params: readonly string[]) =>
    `${where}: ${label} names "${param}", which is not a parameter of the method; its parameters are ${params.length ? list(params) : '(none)'}`,
  bareBinding: (where: string, label: string, param: string, value: unknown) =>
    `${where}: ${label} binds "${param}" to ${describeValue(value)}; wrap it in value(${literal(value)}) for a fixed value` +
    (typeof value === 'string' ? `, or write source(${literal(value)}) to read that node` : ", or use source('node') to read a node"),
  badGroupMember: (where: string, label: string, param: string, member: unknown) =>
    `${where}: ${label} puts ${describeValue(member)} in the group bound to "${param}"; a group member is value(...) or source(...) (groups do not nest)`,
  badSourceName: (where: string, label: string, param: string, name: unknown) =>
    `${where}: ${label} binds "${param}" to source(${describeValue(name)}); source() takes the name of a node or input`,
  boundValueType: (where: string, label: string, param: string, type: string, value: unknown) =>
    `${where}: ${label} binds "${param}" to ${describeValue(value)} but the parameter takes ${type}; bind a value of that type or change the parameter type`,
  boundGroupType: (where: string, label: string, param: string, type: string, shape: string) =>
    `${where}: ${label} binds "${param}" to a group, which passes ${shape}, but the parameter takes ${type}; type the parameter to match`,
  notAFunction: (where: string, modifier: string, value: unknown) => `${where}: @${modifier} needs a function, got ${describeValue(value)}`,
  badDoesMapping: (where: string, mapping: unknown) =>
    `${where}: @does takes its mapping as a record { fnArgument: 'methodParameter' }, got ${describeValue(mapping)}`,
  tagsNotRecord: (where: string, output: string, tags: unknown) =>
    `${where}: @tagOutputs gives "${output}" ${describeValue(tags)}; give a record of tags such as { owner: 'growth' }`,
  badMappingTarget: (where: string, key: string, target: unknown, params: readonly string[]) =>
    `${where}: @does maps "${key}" to ${describeValue(target)}, which is not a parameter of the method; its parameters are ${params.length ? list(params) : '(none)'}`,
  badOutputDoc: (where: string, output: string, doc: unknown) =>
    `${where}: @parameterize output "${output}" has the doc ${describeValue(doc)}; give [bindings, 'a doc'] with the doc as a string`,
  badOutputName: (where: string, modifier: string, name: unknown) =>
    `${where}: @${modifier} names output ${describeValue(name)}; a node name is a non-empty string that does not end in "__"`,
  duplicateOutputName: (where: string, modifier: string, name: string) =>
    `${where}: @${modifier} names "${name}" twice; name each output once`,
  notObjectReturn: (where: string, modifier: string, type: string) =>
    `${where}: @${modifier} needs the method to return ${modifier === 'extractFields' ? 'an object' : 'a table or a record of columns'}, but it returns ${type}; fix the return type or remove @${modifier}`,
  notAFieldRecord: (where: string, fields: unknown) =>
    `${where}: @extractFields takes a record of field types such as { mean: Number, rows: Float64Array }, got ${describeValue(fields)}`,
  badFieldType: (where: string, field: string, type: unknown) =>
    `${where}: @extractFields gives field "${field}" the type ${describeValue(type)}; give a constructor such as Number, String, Float64Array or Object (any)`,
  unknownTaggedOutput: (where: string, name: string, outputs: readonly string[]) =>
    `${where}: @tagOutputs names "${name}", which is not an output of the method; its outputs are ${someOf(outputs)}`,
  notColumnar: (node: string, value: unknown) =>
    `extractColumns needs "${node}" to return an arquero table or a record of columns, but it returned ${describeValue(value)}`,
  missingColumn: (node: string, column: string, present: readonly string[]) =>
    `column "${column}" is not in the output of "${node}", which has columns ${present.length ? someOf(present) : '(none)'}; produce it, or pass { fillWith } to extractColumns`,
  notARecord: (node: string, value: unknown) =>
    `extractFields needs "${node}" to return an object, but it returned ${describeValue(value)}`,
  missingField: (node: string, field: string, present: readonly string[]) =>
    `field "${field}" is not in the output of "${node}", which has fields ${present.length ? someOf(present) : '(none)'}; return it, pass { fillWith } to extractFields, or remove it from there`,
  fieldType: (node: string, field: string, type: string, value: unknown) =>
    `field "${field}" of "${node}" should be ${type} (as extractFields declares) but is ${describeValue(value)}`,
} as const;

/** A bad decorator argument as written: JSON where possible (`[5, 1]`), else its short description. */
const written = (value: unknown): string => {
  if (typeof value === 'function' || typeof value === 'bigint' || value === undefined) return describeValue(value);
  try {
    const json = JSON.stringify(value);
    return json === undefined ? describeValue(value) : json.length > 60 ? `${json.slice(0, 60)}…` : json;
  } catch {
    return describeValue(value);
  }
};

/** Messages about user tags (`@tag`, `@tagOutputs`). */
export const tagMessages = {
  badKey: (label: string, key: string, why: string) => `${label}: tag key "${key}" is not allowed: ${why}`,
  badValue: (label: string, key: string, value: unknown, why: string) =>
    `${label}: tag "${key}" is ${JSON.stringify(value) ?? describeValue(value)}: ${why}`,
};

/** Texts of `@checkOutput`. */
export const checkOutputMessages = {
  notAnObject: (where: string, value: unknown) =>
    `${where}: @checkOutput needs an object of validators such as { range: [0, 1] }, got ${written(value)}`,
  noValidators: (where: string, known: readonly string[]) =>
    `${where}: @checkOutput names no validator; give at least one of ${list(known)} or custom: [validator]`,
  unknownValidator: (where: string, key: string, known: readonly string[]) =>
    `${where}: @checkOutput has no validator "${key}"; the known ones are ${list(known)}, and custom: [validator] for your own`,
  badArgument: (where: string, key: string, value: unknown, expected: string) =>
    `${where}: @checkOutput ${key} is ${written(value)}; ${expected}`,
  badCustom: (where: string, index: number, value: unknown) =>
    `${where}: @checkOutput custom[${index}] is ${written(value)}; a custom validator is an object { name: string (non-empty), validate(value) } (see DataValidator)`,
  duplicateValidator: (where: string, node: string, name: string) =>
    `${where}: validator "${name}" is given twice for node "${node}"; give each validator of a node a distinct name`,
  badImportance: (where: string, value: unknown) => `${where}: @checkOutput importance is ${written(value)}; use 'warn' or 'fail'`,
  unknownOption: (where: string, key: string) => `${where}: @checkOutput has no option "${key}"; its options are importance and columns`,
  badColumns: (where: string, value: unknown) =>
    `${where}: @checkOutput columns is ${written(value)}; give an array of column names, e.g. { columns: ['a', 'b'] }`,
  failed: (node: string, validator: string, message: string) => `node "${node}" failed validator ${validator}: ${message}`,
  failHint: `; fix the data or the node, or use { importance: 'warn' } to only log`,
} as const;

/** Texts of `@pipe` and `step()` (function modifiers, part B). */
export const pipeMessages = {
  noSteps: (where: string) => `${where}: @pipe() names no step; pass at least one step(fn, ...args)`,
  notAStep: (where: string, index: number, value: unknown, kind = 'pipe') =>
    `${where}: @${kind} step #${index + 1} is ${written(value)}; make each step with step(fn, ...args)`,
  notAFunction: (where: string, index: number, value: unknown, kind = 'pipe') =>
    `${where}: @${kind} step #${index + 1} needs a function, got ${written(value)}; write step(fn, ...args)`,
  anonymous: (where: string, index: number, kind = 'pipe') =>
    `${where}: @${kind} step #${index + 1} has an anonymous function, so its node has no name; add .named('stepName')`,
  badName: (where: string, index: number, name: unknown, kind = 'pipe') =>
    `${where}: @${kind} step #${index + 1} is named ${written(name)}; a step name is a non-empty string that does not end in "__"`,
  duplicateName: (where: string, name: string, kind = 'pipe') =>
    `${where}: @${kind} has two steps named "${name}"; give one of them another name with .named('...')`,
  groupArgument: (where: string, label: string, index: number) =>
    `${where}: ${label} argument ${index + 1} is a group(...); a step argument is value(x) or source('node')`,
  noParameter: (where: string, node: string) =>
    `${where}: @pipe pipes into the first parameter of "${node}", but it takes none; add a parameter or remove @pipe`,
} as const;

/** Texts of `@pipeOutput` and `@mutate`. */
export const mutateMessages = {
  onNode: (where: string) =>
    `${where}: @mutate is on a @node method; a mutator is a helper that transforms other nodes' outputs, so remove @node (or @mutate)`,
  noOutputSteps: (where: string) => `${where}: @pipeOutput() names no step; pass at least one step(fn, ...args)`,
  badStepName: (where: string, name: unknown) =>
    `${where}: applyTo(...).named(${written(name)}) is not a usable node name; give a non-empty string that does not end in "__"`,
  noTargets: (where: string) => `${where}: @mutate() names no target; name the nodes to transform, e.g. @mutate('spend')`,
  badTarget: (where: string, index: number, target: unknown) =>
    `${where}: @mutate target #${index + 1} is ${written(target)}; give a node name or applyTo('node', { param: value(x) })`,
  unknownTarget: (where: string, target: string, close: readonly string[]) =>
    `${where}: @mutate targets "${target}", which is not a node${close.length ? `; did you mean ${list(close)}?` : ''}`,
  firstParameterBound: (where: string, param: string) =>
    `${where}: @mutate binds "${param}", the parameter that receives the target's value; bind only the other parameters`,
  noParameter: (where: string) =>
    `${where}: a @mutate method receives the target's value as its first parameter, but it takes none; add one`,
  unsupportedModifier: (where: string, kinds: readonly string[]) =>
    `${where}: ${list(kinds.map((k) => `@${k}`))} cannot be used on a @mutate method; only @config.* conditions apply to mutators`,
  noOutputs: (where: string, wanted: readonly string[], outputs: readonly string[]) =>
    `${where}: @pipeOutput onOutput names ${list(wanted)}, which ${wanted.length > 1 ? 'are' : 'is'} not an output of the method; its outputs are ${someOf(outputs)}`,
  twoTargetLevels: (where: string) =>
    `${where}: @pipeOutput has onOutput both on the decorator and on a step; choose one level (Hamilton refuses this too)`,
  badOnOutput: (where: string, value: unknown) =>
    `${where}: @pipeOutput onOutput is ${written(value)}; give an output name or an array of output names`,
  badOptions: (where: string, modifier: string, key: string, allowed: readonly string[]) =>
    `${where}: @${modifier} has no option "${key}"; its options are ${list(allowed)}`,
  /** `onStep`: a namespace given with `.named(name, namespace)`, where false is not offered. */
  badNamespace: (where: string, modifier: string, value: unknown, onStep = false) =>
    `${where}: @${modifier} namespace is ${written(value)}; give a non-empty string${onStep ? " or true (the node's name)" : ", true (the node's name) or false (no namespace)"}`,
  twoNamespaceLevels: (where: string, modifier: string) =>
    `${where}: @${modifier} sets a namespace both on the decorator and on a step (.named(name, namespace)); choose one level`,
  badOnInput: (where: string, value: unknown, params: readonly string[]) =>
    `${where}: @pipe onInput is ${written(value)}, which is not a parameter of the method; its parameters are ${params.length ? list(params) : '(none)'}`,
};

/** Texts of `@subdag` and `@parameterizedSubdag` (function modifiers); `label` names the use, e.g. `@parameterizedSubdag entry "v1"`. */
export const subdagMessages = {
  badOptions: (where: string, value: unknown, label = '@subdag', shape = '{ inputs?, config?, namespace?, externalInputs? }') =>
    `${where}: ${label} options are ${written(value)}; give ${shape}`,
  unknownOption: (
    where: string,
    key: string,
    label = '@subdag',
    known: readonly string[] = ['inputs', 'config', 'namespace', 'externalInputs'],
  ) =>
    `${where}: ${label} has no option "${key}"; its options are ${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}` +
    (key === 'namespace' ? " (the namespace is the entry's key)" : ''),
  badNamespace: (where: string, value: unknown) =>
    `${where}: @subdag namespace is ${written(value)}; give a non-empty string (the default is the method's node name)`,
  badRecord: (where: string, option: string, value: unknown, label = '@subdag') =>
    `${where}: ${label} ${option} is ${written(value)}; give a plain object, e.g. ${option === 'inputs' ? "{ raw: source('spend') }" : "{ region: 'US' }"}`,
  badExternalInputs: (where: string, value: unknown, label = '@subdag') =>
    `${where}: ${label} externalInputs is ${written(value)}; give an array of the method's parameter names that the outer graph supplies, e.g. ['fx']`,
  configAndInputs: (where: string, keys: readonly string[], label = '@subdag') =>
    `${where}: ${label} gives ${keys.map((k) => `"${k}"`).join(', ')} both in config and in inputs; keep each in one of them (config is fixed when the subdag is built and drives config.when, inputs bind value(x) or source('node'))`,
  unknownExternalInput: (where: string, name: string, params: readonly string[], label = '@subdag') =>
    `${where}: ${label} externalInputs names "${name}", which is not a parameter of the method; its parameters are ${params.length ? list(params) : '(none)'}`,
  unknownInput: (where: string, key: string, inputs: readonly string[], label = '@subdag') =>
    `${where}: ${label} inputs names "${key}", which is not an input of the subdag; its inputs are ${inputs.length ? someOf(inputs) : '(none)'}`,
  groupInput: (where: string, key: string, label = '@subdag') =>
    `${where}: ${label} inputs binds "${key}" to a group(...); bind a subdag input to value(x) or source('node')`,
  unknownParameter: (where: string, param: string, nodes: readonly string[], label = '@subdag') =>
    `${where}: parameter "${param}" names no node of its ${label}; the method's parameters name subdag nodes, which are ${nodes.length ? someOf(nodes) : '(none)'}, or are listed in externalInputs when the outer graph supplies them`,
  recursive: (where: string, label = '@subdag') =>
    `${where}: ${label} contains the method that declares it; a subdag cannot include itself`,
  noModules: (where: string, label = '@subdag') =>
    `${where}: ${label} was given no modules; pass a class, an instance or an array of these`,
  inner: (where: string, message: string, label = '@subdag') => `${where} ${label}: ${message}`,
  noEntries: (where: string, value: unknown) =>
    `${where}: @parameterizedSubdag needs a record of entries, one subdag per key, such as { us: { inputs: { raw: source('usSpend') } } }, got ${written(value)}`,
  badEntryName: (where: string, key: string) =>
    `${where}: @parameterizedSubdag entry "${key}" is not a usable node name (it names the entry's output and namespace); a node name is non-empty and does not end in "__"`,
} as const;

/** A string as it would be written in code: `'a'`. */
const quoted = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const ordinal = (index: number): string => `#${index + 1}`;
const SHAPE_OF_MODULES = 'a class with @node methods, an instance of one, or an array of these';

/** Texts of the run-time checks of public arguments (for JavaScript callers and `any`-typed values). */
export const argumentMessages = {
  notAPlainObject: (argument: string, value: unknown, example: string) =>
    `${argument} is ${describeValue(value)}; pass a plain object such as ${example}`,
  notAnObject: (argument: string, value: unknown, example: string) =>
    `${argument} is ${describeValue(value)}; pass an object such as ${example}, or leave it out`,
  configNotPlain: (argument: string, value: unknown) =>
    `${argument} is ${describeValue(value)}; pass a plain object such as { region: 'US' } ({} for none)` +
    (typeof value === 'function' || Array.isArray(value) ? '; modules come second: new Driver(config, modules, options)' : ''),
  noModules: (argument: string, value: unknown) => `${argument} is ${describeValue(value)} with no module in it; pass ${SHAPE_OF_MODULES}`,
  withModulesEmpty: () => `withModules() was given no module; pass ${SHAPE_OF_MODULES}`,
  badModule: (argument: string, value: unknown) => `${argument} is ${describeValue(value)}; pass ${SHAPE_OF_MODULES}`,
  builderWithoutModules: (method: string) =>
    `Builder.${method}() was called before any module was given; call withModules(...) with ${SHAPE_OF_MODULES} first`,
  badAdapter: (argument: string, value: unknown) =>
    typeof value === 'function'
      ? `${argument} is the class ${value.name || '(anonymous)'}, not an adapter; pass an instance: new ${value.name || 'Adapter'}()`
      : `${argument} is ${describeValue(value)}; pass an adapter object, e.g. new PrintLn()`,
  adaptersAsArray: (index: number, value: unknown) =>
    `withAdapters argument ${ordinal(index)} is ${describeValue(value)}; pass adapters as separate arguments: withAdapters(a, b), or spread the array: withAdapters(...adapters)`,
  notABoolean: (argument: string, value: unknown) => `${argument} is ${describeValue(value)}; pass true or false, or leave it out`,
  outputsNotArray: (value: unknown) =>
    typeof value === 'string'
      ? `outputs is ${describeValue(value)}; pass an array of node names: [${quoted(value)}]`
      : `outputs is ${describeValue(value)}; pass an array of node names such as ['spendPerSignup'] ([] asks for nothing)`,
  outputNotString: (index: number, value: unknown) =>
    `outputs[${index}] is ${describeValue(value)}; every output is a node name (a string), e.g. ['spendPerSignup']`,
  nodeNameNotString: (method: string, index: number, value: unknown) =>
    `${method}: argument ${ordinal(index)} is ${describeValue(value)}; pass node names as strings` +
    (Array.isArray(value) ? `, one per argument (spread an array: ${method}(...names))` : `, e.g. ${method}('spendUsd')`),
  tagFilterValue: (key: string, value: unknown) =>
    `tagFilter "${key}" is ${describeValue(value)}; give a string, an array of strings (any of them) or null (the tag exists)`,
  testNodeName: (value: unknown) =>
    `testNode: the node name is ${describeValue(value)}; pass the name as a string, e.g. testNode(Features, 'spendUsd', values)`,
} as const;

/** Texts of overrides whose value does not fit the node they replace. */
export const overrideMessages = {
  overrideType: (name: string, expected: string, value: unknown, consumers: readonly string[]) =>
    `override "${name}" should be ${expected} (the type of node "${name}") but is ${describeValue(value)}; ` +
    (consumers.length ? `${someOf(consumers)} take${consumers.length === 1 ? 's' : ''} it` : 'it is requested as an output'),
  overrideRejected: (name: string, adapter: string, value: unknown) =>
    `override "${name}" (${describeValue(value)}) was rejected by ${adapter}.validateInput`,
  overrideNotIterable: (name: string, itemType: string, value: unknown, consumers: readonly string[]) =>
    `override "${name}" replaces a @parallelizable node, so it should be an iterable of its items (${itemType}), but is ${describeValue(value)}; ` +
    (consumers.length ? `${someOf(consumers)} take${consumers.length === 1 ? 's' : ''} it` : 'it is requested as an output') +
    '; pass an array of the items',
} as const;

/** Texts of the extraction family: `@extractColumns`, `@extractFields`, `@unpackFields`, `@parameterizeExtractColumns`. */
export const extractMessages = {
  badColumn: (where: string, modifier: string, value: unknown) =>
    `${where}: @${modifier} column ${written(value)} is neither a name nor a [name, doc] pair; write 'spend' or ['spend', 'Weekly spend in USD']` +
    (modifier === 'extractColumns' && Array.isArray(value) && value.length !== 2
      ? '; to pass a list of names, spread it: extractColumns(...names)'
      : ''),
  badOptions: (where: string, modifier: string, value: unknown, known: readonly string[]) =>
    `${where}: @${modifier} options are ${written(value)}; give an object with ${list(known)}, e.g. { fillWith: 0 }`,
  unknownOption: (where: string, modifier: string, key: string, known: readonly string[]) =>
    `${where}: @${modifier} has no option "${key}"; its options are ${list(known)}`,
  fillType: (where: string, fill: unknown, fields: readonly string[], types: readonly string[]) =>
    `${where}: @extractFields fillWith is ${written(fill)}, which does not fit ${fields.map((f, i) => `field "${f}" (${types[i]})`).join(', ')}; give a fill value of the declared type, or declare the field Object (any)`,
  badUnpackField: (where: string, index: number, value: unknown) =>
    `${where}: @unpackFields field #${index + 1} is ${written(value)}; give a name such as 'mean', or a record of one name and its type such as { mean: Number }`,
  manyUnpackFields: (where: string, index: number, names: readonly string[]) =>
    `${where}: @unpackFields field #${index + 1} names ${names.length} fields (${list(names)}), so their positions are unclear; give one per argument, in order, e.g. unpackFields(${names.map((n) => `{ ${n}: Number }`).join(', ')})`,
  notArrayReturn: (where: string, type: string) =>
    `${where}: @unpackFields needs the method to return an array (a tuple such as [number, string]), but it returns ${type}; fix the return type, or use @extractFields for an object`,
  notAnArray: (node: string, field: string, index: number, value: unknown) =>
    `unpackFields needs "${node}" to return an array to take item ${index} ("${field}") from, but it returned ${describeValue(value)}`,
  tooShort: (node: string, field: string, index: number, value: readonly unknown[]) =>
    `unpackFields takes item ${index} of "${node}" as "${field}", but "${node}" returned ${written(value)}, an array of ${value.length} item${value.length === 1 ? '' : 's'}; return at least ${index + 1} items, one per name given to unpackFields`,
  itemType: (node: string, field: string, index: number, type: string, value: unknown) =>
    `item ${index} ("${field}") of "${node}" should be ${type} (as unpackFields declares) but is ${describeValue(value)}`,
  badEntry: (where: string, index: number, value: unknown) =>
    `${where}: @parameterizeExtractColumns entry #${index + 1} is ${written(value)}; give { columns: ['a', 'b'], bindings?: { param: value(x) | source('node') } }`,
  unknownEntryKey: (where: string, index: number, key: string) =>
    `${where}: @parameterizeExtractColumns entry #${index + 1} has no option "${key}"; an entry has columns and bindings`,
  noColumnList: (where: string, index: number, value: unknown) =>
    `${where}: @parameterizeExtractColumns entry #${index + 1} columns is ${written(value)}; give an array of names (or [name, doc] pairs), e.g. columns: ['spend', 'signups']`,
  columnInTwoEntries: (where: string, column: string, first: number, second: number) =>
    `${where}: @parameterizeExtractColumns names column "${column}" in entries #${first + 1} and #${second + 1}; every column is a node, so name each one once`,
  notColumnar: (node: string, value: unknown) =>
    `parameterizeExtractColumns needs "${node}" to return an arquero table or a record of columns, but it returned ${describeValue(value)}`,
  columnCount: (node: string, names: readonly string[], present: readonly string[]) =>
    `"${node}" returned ${present.length} column${present.length === 1 ? '' : 's'} (${someOf(present) || 'none'}) but @parameterizeExtractColumns names ${names.length} (${someOf(names)}), which take the columns by position; return one column per name`,
} as const;
