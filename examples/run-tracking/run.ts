// `npm run example:ui`: records four runs of the marketing pipeline (the last fails on purpose) in
// .hamilton/runs.db, the store `hamilton-ts ui` reads by default, and says how to look at them.
import { trackMarketingRuns } from './track-runs.js';

const STORE = 'sqlite:.hamilton/runs.db';

for (const run of await trackMarketingRuns(STORE))
  console.log(`${run.ok ? 'success' : 'failure'}  ${run.region}${run.message ? `: ${run.message}` : ''}`);
console.log(`\nRecorded in ${STORE}. To see the runs, run this and open http://127.0.0.1:8241/ :\n\n  npm run hamilton-ts -- ui\n`);
