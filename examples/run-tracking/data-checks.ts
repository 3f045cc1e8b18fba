import 'reflect-metadata';
import { node } from '@hamilton-ts/core';

/** A check beside the marketing features: signups must be positive, or spend per signup means nothing. */
export class DataChecks {
  @node({ doc: 'Signups, checked: every week must have at least one (spend per signup divides by it).' })
  checkedSignups(signups: Float64Array): Float64Array {
    const week = signups.findIndex((s) => !(s > 0));
    if (week >= 0) throw new RangeError(`signups must be positive, but week ${week} has ${signups[week]}; fix the source data`);
    return signups;
  }
}
