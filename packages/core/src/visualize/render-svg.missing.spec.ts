import { expect, it, jest } from '@jest/globals';

it('says which package to install when the SVG renderer is absent', async () => {
  jest.unstable_mockModule('@viz-js/viz', () => {
    throw new Error("Cannot find package '@viz-js/viz'");
  });
  const { renderSvg } = await import('./render-svg.js');
  const { HamiltonError } = await import('@hamilton-ts/result-builders');
  const attempt = renderSvg('digraph { a -> b }');
  await expect(attempt).rejects.toThrow(HamiltonError);
  await expect(renderSvg('digraph {}')).rejects.toThrow(
    /needs the optional package @viz-js\/viz.*npm install @viz-js\/viz; or ask for format "dot" or "mermaid"/,
  );
});
