import { z } from 'zod';
import type { InputRecipe } from './http-route';

/**
 * The fields of a contract entry's input as a request sees them: read from the entry's zod schema,
 * minus what the route fills itself (path parameters, fixed values, `commandId`), under the names
 * the route gives them. The contract's schema stays the one that validates; these shapes only say
 * where each field travels (query string, body) and document it.
 */

/** Filled from the `Idempotency-Key` header (or a fresh id): a repeated request is the same command. */
export const COMMAND_ID_FIELD = 'commandId';

/** The object shapes of an input schema: one for an object, one per option of a union; none for anything else. */
export function shapesOf(schema: z.ZodType): Record<string, z.ZodType>[] {
  if (schema instanceof z.ZodObject) return [schema.shape as Record<string, z.ZodType>];
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    return (schema.options as z.ZodType[]).flatMap((option) => shapesOf(option));
  }
  if (schema instanceof z.ZodPipe) return shapesOf(schema.in as z.ZodType);
  return [];
}

/** Whether a field's schema accepts exactly `value` as a literal (a union option's discriminator). */
const acceptsLiteral = (schema: z.ZodType | undefined, value: unknown): boolean => schema instanceof z.ZodLiteral && schema.values.has(value as never);

/** The shape the route's fixed values select: the union option whose literals they match, or the only shape. */
export function shapeFor(schema: z.ZodType, fixed: Readonly<Record<string, unknown>> = {}): Record<string, z.ZodType> | null {
  const shapes = shapesOf(schema);
  const literalFields = Object.entries(fixed);
  const matching = shapes.filter((shape) => literalFields.every(([field, value]) => !(shape[field] instanceof z.ZodLiteral) || acceptsLiteral(shape[field], value)));
  return matching.length === 1 ? (matching[0] ?? null) : shapes.length === 1 ? (shapes[0] ?? null) : null;
}

/** True when every shape of the input requires the field (so a route may take it from its path). */
export const hasField = (schema: z.ZodType, field: string): boolean => {
  const shapes = shapesOf(schema);
  return shapes.length > 0 && shapes.every((shape) => shape[field] !== undefined && !shape[field].safeParse(undefined).success);
};

export interface RequestField {
  /** The input field. */
  field: string;
  /** Its name in the request. */
  name: string;
  schema: z.ZodType;
  isRequired: boolean;
}

/** The fields a request carries itself, under their request names. Null when the input is not an object (taken whole). */
export function requestFields(schema: z.ZodType, recipe: InputRecipe): RequestField[] | null {
  const shape = shapeFor(schema, recipe.fixed);
  if (!shape) return null;
  const filled = new Set([...Object.values(recipe.params ?? {}), ...Object.keys(recipe.fixed ?? {}), COMMAND_ID_FIELD]);
  return Object.entries(shape)
    .filter(([field]) => !filled.has(field))
    .map(([field, fieldSchema]) => ({ field, name: recipe.names?.[field] ?? field, schema: fieldSchema, isRequired: !fieldSchema.safeParse(undefined).success }));
}

/** A request field's name back to the input field (for turning a request into input, and errors into request names). */
export function inputFieldOf(recipe: InputRecipe, name: string): string {
  for (const [field, requestName] of Object.entries(recipe.names ?? {})) if (requestName === name) return field;
  return name;
}

/** An input field's name in the request. */
export const requestNameOf = (recipe: InputRecipe, field: string): string => recipe.names?.[field] ?? field;

/** Whether the contract entry takes a client-made command id (workflow commands do). */
export const takesCommandId = (schema: z.ZodType): boolean => hasField(schema, COMMAND_ID_FIELD);
