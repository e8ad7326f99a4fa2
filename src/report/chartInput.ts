/**
 * The shape checks of the chart renderers: data of the documented shape (any number, `NaN` and
 * ±Infinity included, is a value: the renderers draw non-finite values as gaps) and options of the
 * right types. Anything else is a `RelmarkError`, never a `TypeError` from deep inside d3.
 * @internal
 * @module
 */
import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';

/** Any number (non-finite ones are drawn as gaps) or `null`. @internal */
export const chartValue = z.custom<number | null>((v) => v === null || typeof v === 'number', { message: 'Expected a number or null' });

const label = z.string();
const size = z.number().positive().max(100_000);

/** The options every chart takes. @internal */
export const chartOptionsShape = {
  title: label.optional(),
  width: size.optional(),
  height: size.optional(),
  valueFormat: z.enum(['number', 'integer', 'percent', 'probability']).optional(),
  xLabel: label.optional(),
  yLabel: label.optional(),
};

/** Checks a renderer's data and options; throws `invalid_input` (data) or `invalid_options` (options) with every issue. @internal */
export function checkChartInput(where: string, dataSchema: z.ZodType, data: unknown, optionsSchema: z.ZodType, options: unknown): void {
  const d = dataSchema.safeParse(data);
  if (!d.success) throw fromZodError(d.error, `${where}: invalid data`, { pathPrefix: ['data'] });
  const o = optionsSchema.safeParse(options);
  if (!o.success) throw fromZodError(o.error, `${where}: invalid options`, { pathPrefix: ['options'], code: 'invalid_options' });
}
