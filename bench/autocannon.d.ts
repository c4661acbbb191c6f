// autocannon ships no types; bench/run.ts describes the part it uses.
declare module "autocannon";
