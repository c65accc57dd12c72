// Stand-in for the `clone` package, one of rxdb's devDependencies that rxdb/plugins/test-utils
// imports but npm does not install for us. test-utils only deep-copies JSON schemas with it.
export default function clone<T>(value: T): T {
  return structuredClone(value);
}
