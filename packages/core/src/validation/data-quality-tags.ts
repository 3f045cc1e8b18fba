/**
 * Tags `checkOutput` puts on the nodes it adds, so adapters and `listAvailableVariables` can find the
 * checks. Validator nodes carry `containsResults: 'true'`, `sourceNode`, `validator` and `importance`;
 * the checked node carries `validators` (the names of its validators).
 *
 * @example
 * dr.listAvailableVariables({ tagFilter: { [DATA_QUALITY_TAGS.sourceNode]: 'score' } }); // score's validator nodes
 */
export const DATA_QUALITY_TAGS = {
  containsResults: 'hamilton.data_quality.contains_dq_results',
  sourceNode: 'hamilton.data_quality.source_node',
  validator: 'hamilton.data_quality.validator',
  importance: 'hamilton.data_quality.importance',
  validators: 'hamilton.data_quality.validators',
} as const;
