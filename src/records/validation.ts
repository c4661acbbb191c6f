import type { z } from "zod";
import { fieldErrors } from "../http/api";
import { validationError } from "../http/errors";

/** Parses service input with its schema, or throws the 400 with every field's Chinese message. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrors(result.error));
  return result.data;
}
