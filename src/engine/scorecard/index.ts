export { computeScorecard } from "./computeScorecard";
export { asOfProblem } from "./asOf";
export { dataHasRole } from "./dataRoles";
