import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/bridge/contract';

/**
 * Every command of the UI↔host contract has a test that calls it. Checked by reading the test
 * sources (comments removed) for the command's name as a string — `client.call('tasks/watch', …)`,
 * `{ name: 'tasks/watch', … }` for an end-to-end bridge call. A scan rather than a record of the
 * calls made during a run: it sees integration and end-to-end tests alike (they run in other
 * processes and other runners), needs no run at all, and names the missing command at once.
 * A click in an end-to-end test does not count: each command also needs a test at its boundary,
 * with bad input and a refusal, where a failure says which rule broke.
 */

const root = join(import.meta.dirname, '../..');
const self = relative(root, import.meta.filename);

function testSources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testSources(path);
    if (!/\.(ts|tsx)$/.test(name) || relative(root, path) === self) return [];
    return [{ path: relative(root, path), text: withoutComments(readFileSync(path, 'utf8')) }];
  });
}

/** Block and line comments removed (a URL's `//` inside a string is kept): a mention in a comment is not a call. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const sources = testSources(root);
const commands = Object.entries(contract)
  .filter(([, spec]) => spec.kind === 'command')
  .map(([name]) => name)
  .sort();
const quoted = (name: string) => new RegExp(`['"\`]${name.replace(/[/-]/g, '\\$&')}['"\`]`);
const filesNaming = (name: string) => sources.filter((s) => quoted(name).test(s.text)).map((s) => s.path);

/** Where a missing command's test belongs: beside the tests of its feature's other commands. */
function whereToAdd(name: string): string {
  const feature = name.split('/')[0]!;
  const siblings = commands.filter((c) => c !== name && c.startsWith(`${feature}/`));
  const files = [...new Set(siblings.flatMap(filesNaming))].filter((f) => f.startsWith('integration/') && f.endsWith('.test.ts'));
  const at = files.length > 0 ? `e.g. tests/${files[0]} (it tests other ${feature}/… commands)` : `a test file in tests/integration/ for the ${feature} feature`;
  return `Command '${name}' has no test that calls it. Add one to ${at}: call it through connectTestClient(host).call('${name}', …) with valid input, bad input and someone it must refuse.`;
}

describe('the contract', () => {
  it('has commands to check', () => {
    expect(commands.length).toBeGreaterThan(50);
    expect(sources.length).toBeGreaterThan(50);
  });

  it.each(commands)('has a test that calls %s', (name) => {
    expect(filesNaming(name), whereToAdd(name)).not.toEqual([]);
  });
});
