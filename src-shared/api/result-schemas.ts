import type { z } from 'zod';
import type { Contract, ContractName } from '../bridge/contract';
import type { ResultOf } from '../bridge/define';
import { projectResults } from './results/project-results';
import { workflowResults } from './results/workflow-results';

/**
 * Result schemas of contract entries, for the API's docs and the response checks of its tests.
 * Each must describe exactly the entry's result type (checked by `tsc` below); an entry without one
 * is documented as "any JSON". Record kinds have theirs from their declarations (record-routes.ts).
 */
type IsSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Checked<M> = { [K in keyof M]: K extends ContractName ? (M[K] extends z.ZodType ? (IsSame<z.output<M[K]>, ResultOf<Contract[K]>> extends true ? M[K] : never) : never) : never };

const checked = <M extends Record<string, z.ZodType>>(schemas: M & Checked<M>): Readonly<Record<string, z.ZodType>> => schemas;

export const resultSchemas = checked({ ...workflowResults, ...projectResults });
