import { HamiltonError } from '@hamilton-ts/result-builders';
import { messages } from '../errors/messages.js';

interface Viz {
  renderString(dot: string, options: { format: 'svg' }): string;
}

let viz: Promise<Viz> | undefined;

/**
 * Renders DOT to SVG with graphviz compiled to wasm (`@viz-js/viz`, an optional peer dependency:
 * loaded on first use, so drivers that never draw do not pay for it).
 */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= import('@viz-js/viz' as string).then(
    (module: { instance: () => Promise<Viz> }) => module.instance(),
    (error: unknown) => {
      viz = undefined;
      throw new HamiltonError(messages.svgRendererMissing, { cause: error });
    },
  );
  return (await viz).renderString(dot, { format: 'svg' });
}
