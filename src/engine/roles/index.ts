/** Column roles: header synonyms, automatic detection, the user's corrections. */
export { ROLE_SYNONYMS } from "./roleSynonyms";
export { detectColumns, DETECTION_SAMPLE_ROWS } from "./detectColumns";
export { resolveMapping } from "./resolveMapping";
export { rolesMissingFor } from "./rolesMissingFor";
export { foldHeader } from "./foldHeader";
export { matchHeader } from "./headerMatch";
