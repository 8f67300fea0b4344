export { computeScorecard } from "./computeScorecard";
export { dataHasRole } from "./dataRoles";
