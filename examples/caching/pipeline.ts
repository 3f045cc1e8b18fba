// A pipeline with one slow step (a simulated download) and CPU work after it: what the cache is for.
import 'reflect-metadata';
import { Builder, cache, node } from '@hamilton-ts/core';

/** Every node's body that ran, in order: the example prints it to show what the cache skipped. */
export const ran: string[] = [];

export class SensorReport {
  /** Pretends to fetch a day of readings: slow, and the same for the same day. */
  @node({ doc: 'Readings of one sensor for one day (a slow download).' })
  async readings(day: string, sensor: string): Promise<Float64Array> {
    ran.push('readings');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seed = [...`${day}${sensor}`].reduce((a, c) => a + c.charCodeAt(0), 0);
    return Float64Array.from({ length: 50_000 }, (_, i) => 20 + 5 * Math.sin((i + seed) / 500) + ((i * 7919) % 13) / 13);
  }

  @node({ doc: 'A 60-sample moving average.' })
  smoothed(readings: Float64Array): Float64Array {
    ran.push('smoothed');
    const out = new Float64Array(readings.length);
    let sum = 0;
    for (let i = 0; i < readings.length; i++) {
      sum += readings[i] - (i >= 60 ? readings[i - 60] : 0);
      out[i] = sum / Math.min(i + 1, 60);
    }
    return out;
  }

  @node({ doc: 'Readings more than `tolerance` away from the moving average.' })
  anomalies(readings: Float64Array, smoothed: Float64Array, tolerance = 0.45): number {
    ran.push('anomalies');
    let count = 0;
    for (let i = 0; i < readings.length; i++) if (Math.abs(readings[i] - smoothed[i]) > tolerance) count++;
    return count;
  }

  /** The time of the report: never served from the cache. */
  @node()
  @cache({ behavior: 'recompute' })
  generatedAt(): string {
    ran.push('generatedAt');
    return new Date().toISOString();
  }

  @node()
  summary(anomalies: number, generatedAt: string, sensor: string): string {
    ran.push('summary');
    return `${sensor}: ${anomalies} anomalies (report of ${generatedAt.slice(0, 10)})`;
  }
}

/** A driver that caches in `path`. */
export function reportDriver(path: string) {
  return new Builder().withModules(SensorReport).withCache({ path }).build();
}
