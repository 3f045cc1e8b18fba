// Many generated pipelines in one module, for engines whose workers load their modules once at start
// (cluster worker processes): a worker builds a driver's graph from the classes the driver names, so
// each seed's pipeline is a class of its own name, `Seed<seed>`, exported here.
import { dagFromSpec } from './random-dag.js';
import { parityCase } from './random-spec.js';

/** Seeds 0..SEED_COUNT-1 have a class here. */
export const SEED_COUNT = 200;

const dags = Array.from({ length: SEED_COUNT }, (_, seed) => dagFromSpec(parityCase(seed).spec, `Seed${seed}`));

/** Seed `seed`'s class: the very class this module exports, so a driver names what the workers load. */
export function seededDag(seed: number): new () => object {
  const dag = dags[seed];
  if (dag === undefined) throw new RangeError(`seededDag: seed ${seed} is outside 0..${SEED_COUNT - 1}`);
  return dag;
}

// A worker finds classes among a module's exports only, and ESM exports are static: hence the list, which
// must name SEED_COUNT bindings (the export name is not what a worker matches, the class name is).
// biome-ignore format: 200 names, kept on a few lines
export const [
  Seed0, Seed1, Seed2, Seed3, Seed4, Seed5, Seed6, Seed7, Seed8, Seed9, Seed10, Seed11, Seed12, Seed13, Seed14, Seed15, Seed16,
  Seed17, Seed18, Seed19, Seed20, Seed21, Seed22, Seed23, Seed24, Seed25, Seed26, Seed27, Seed28, Seed29, Seed30, Seed31, Seed32,
  Seed33, Seed34, Seed35, Seed36, Seed37, Seed38, Seed39, Seed40, Seed41, Seed42, Seed43, Seed44, Seed45, Seed46, Seed47, Seed48,
  Seed49, Seed50, Seed51, Seed52, Seed53, Seed54, Seed55, Seed56, Seed57, Seed58, Seed59, Seed60, Seed61, Seed62, Seed63, Seed64,
  Seed65, Seed66, Seed67, Seed68, Seed69, Seed70, Seed71, Seed72, Seed73, Seed74, Seed75, Seed76, Seed77, Seed78, Seed79, Seed80,
  Seed81, Seed82, Seed83, Seed84, Seed85, Seed86, Seed87, Seed88, Seed89, Seed90, Seed91, Seed92, Seed93, Seed94, Seed95, Seed96,
  Seed97, Seed98, Seed99, Seed100, Seed101, Seed102, Seed103, Seed104, Seed105, Seed106, Seed107, Seed108, Seed109, Seed110,
  Seed111, Seed112, Seed113, Seed114, Seed115, Seed116, Seed117, Seed118, Seed119, Seed120, Seed121, Seed122, Seed123, Seed124,
  Seed125, Seed126, Seed127, Seed128, Seed129, Seed130, Seed131, Seed132, Seed133, Seed134, Seed135, Seed136, Seed137, Seed138,
  Seed139, Seed140, Seed141, Seed142, Seed143, Seed144, Seed145, Seed146, Seed147, Seed148, Seed149, Seed150, Seed151, Seed152,
  Seed153, Seed154, Seed155, Seed156, Seed157, Seed158, Seed159, Seed160, Seed161, Seed162, Seed163, Seed164, Seed165, Seed166,
  Seed167, Seed168, Seed169, Seed170, Seed171, Seed172, Seed173, Seed174, Seed175, Seed176, Seed177, Seed178, Seed179, Seed180,
  Seed181, Seed182, Seed183, Seed184, Seed185, Seed186, Seed187, Seed188, Seed189, Seed190, Seed191, Seed192, Seed193, Seed194,
  Seed195, Seed196, Seed197, Seed198, Seed199
] = dags;
