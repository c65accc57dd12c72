import * as rrulePackage from 'rrule';

/**
 * The `rrule` package as both runtimes load it: bundlers (Vite) read its ES module and see named
 * exports; Node's ESM loader (tsx, vitest, the sync server) reads its UMD build as CommonJS, whose
 * names only the default export carries. One place picks whichever is there.
 */
type RRuleModule = typeof rrulePackage;
const loaded = rrulePackage as RRuleModule & { default?: RRuleModule };

export const rruleLib: RRuleModule = loaded.RRule ? loaded : (loaded.default as RRuleModule);
