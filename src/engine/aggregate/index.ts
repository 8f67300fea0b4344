/** Grouping, roll-up and per-period sums: one pass over the rows, read by the KPI modules. */
export { aggregateSales } from "./salesAggregate";
export type { AggregateOptions, SalesAggregate, LevelSets } from "./salesAggregate";
export { CellView } from "./cellView";
export { MEASURES } from "./measures";
export type { Measure, MeasureOptions, LevelMeasures } from "./measures";
export { BLANK_ENTITY, TOTAL_ENTITY, TOTAL_LEVEL, buildHierarchy } from "./hierarchy";
export type { Hierarchy, HierarchyLevel } from "./hierarchy";
export { buildPeriodGrid } from "./periodGrid";
export type { PeriodGrid } from "./periodGrid";
export { buildCellGrid } from "./cellGrid";
export type { CellGrid, LevelCells } from "./cellGrid";
export { distinctPerCell, rollUpSets } from "./distinctPerCell";
export type { CellSets } from "./distinctPerCell";
