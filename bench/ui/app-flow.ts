import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServeHost } from '../../tests/e2e/support/serve-host';
import { connectBridge, must } from './node-bridge';
import type { ProjectSpec, SeededProject } from './seed-data';

export const admin = { name: 'Rosalind Franklin', email: 'rosalind@lab.example', password: 'photo-51-diffraction' };
const colleagues = [
  { name: 'Barbara McClintock', email: 'barbara@lab.example' },
  { name: 'Dorothy Hodgkin', email: 'dorothy@lab.example' },
  { name: 'Chien-Shiung Wu', email: 'chien@lab.example' },
];

const run = (command: string, args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });

/**
 * A fresh data folder with an administrator and three colleagues (made through the host's commands)
 * and the given projects (written by bench/ui/seed.ts while the host is stopped).
 */
export async function prepareData(specs: ProjectSpec[]): Promise<{ dataDir: string; projects: SeededProject[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'labflow-bench-ui-'));
  const host = await startServeHost(dataDir);
  try {
    const bridge = await connectBridge(host.url);
    must(await bridge.call('auth/create-administrator', admin), 'create administrator');
    for (const person of colleagues) {
      must(await bridge.call('people/create', { ...person, password: 'benchmark-password-1', roles: ['member'] }), `create ${person.name}`);
    }
    bridge.close();
  } finally {
    await host.stop();
  }
  const out = await run(process.execPath, ['--import', 'tsx', 'bench/ui/seed.ts', dataDir, admin.email, JSON.stringify(specs)]);
  const projects = JSON.parse(out.trim().split('\n').at(-1) as string) as SeededProject[];
  return { dataDir, projects };
}

export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  await page.getByRole('button', { name: 'Tasks' }).click();
}

/** Opens a Tasks tab and picks the project (the Board and Gantt tabs share the picker). */
export async function showProject(page: Page, tab: 'Board' | 'Gantt', code: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  const picker = page.getByRole('combobox', { name: 'Project' });
  if (!(await picker.textContent())?.includes(code)) {
    await picker.click();
    await page.getByRole('option', { name: new RegExp(`^${code}`) }).click();
  }
}
