// The README's "Worker threads" module (features.ts there), verbatim.
import 'reflect-metadata';
import { node, tag } from '@hamilton-ts/core';

export class Distances {
  @node()
  @tag({ compute: 'cpu' })
  nearest(points: Float64Array): Float64Array {
    const out = new Float64Array(points.length).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < points.length; i++)
      for (let j = 0; j < points.length; j++) if (i !== j) out[i] = Math.min(out[i], Math.abs(points[i] - points[j]));
    return out;
  }

  @node()
  @tag({ compute: 'cpu' })
  farthest(points: Float64Array): Float64Array {
    const out = new Float64Array(points.length);
    for (let i = 0; i < points.length; i++)
      for (let j = 0; j < points.length; j++) out[i] = Math.max(out[i], Math.abs(points[i] - points[j]));
    return out;
  }

  @node()
  spread(nearest: Float64Array, farthest: Float64Array): number {
    return Math.max(...farthest) / Math.min(...nearest);
  }
}
