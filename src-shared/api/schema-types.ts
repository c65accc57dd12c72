import type { z } from 'zod';

/**
 * Ties a response schema written for the API to the contract's TypeScript result type: `tsc` fails
 * when either drifts from the other, so the docs and the response checks in the tests describe what
 * the handler really returns. Use: `exactly<ProjectDocument>()(projectSchema)`.
 */
type IsSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const exactly =
  <T>() =>
  <S extends z.ZodType>(schema: S & (IsSame<z.output<S>, T> extends true ? unknown : { error: 'the schema does not match the type'; schema: z.output<S>; type: T })): S =>
    schema;
