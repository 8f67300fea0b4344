export * from "./totalWords";
export * from "./detectLayout";
export * from "./layoutTable";
