import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';

/**
 * Measurement points of a calibration plan (a nominal value and a ± tolerance in a unit) and the
 * verdict of readings against them. A reading exactly on the limit passes; the comparison allows
 * for binary floating point (10.0 ± 0.1 takes 10.1), never for a real excess. Pure.
 */

const finite = (what: string) => z.number({ error: `Enter the ${what} as a number.` }).refine(Number.isFinite, `Enter the ${what} as a number.`);

export const measurementPointSchema = z.object({
  id: recordIdSchema,
  name: z.string().trim().min(1, 'Name the measurement point, e.g. "10 g check weight".').max(200),
  unit: z.string().trim().max(20).default(''),
  nominal: finite('nominal value'),
  tolerance: finite('tolerance').refine((t) => t >= 0, 'A tolerance cannot be negative.'),
});
export type MeasurementPoint = z.infer<typeof measurementPointSchema>;

export type Verdict = 'pass' | 'fail';
/** As found: the instrument's state before any adjustment; not measured when no as-found readings were taken. */
export type AsFoundVerdict = Verdict | 'not_measured';

/** Whether `reading` lies within nominal ± tolerance. */
export function isWithinTolerance(point: Pick<MeasurementPoint, 'nominal' | 'tolerance'>, reading: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(point.nominal), Math.abs(point.tolerance));
  return Math.abs(reading - point.nominal) <= point.tolerance + slack;
}

/** How far a reading is off, in tolerances (0 = on nominal, 1 = on the limit); for the entry form's colour. */
export const toleranceUsed = (point: Pick<MeasurementPoint, 'nominal' | 'tolerance'>, reading: number): number =>
  point.tolerance === 0 ? (reading === point.nominal ? 0 : Infinity) : Math.abs(reading - point.nominal) / point.tolerance;

export interface PointReading {
  pointId: string;
  nominal: number;
  tolerance: number;
  asFound?: number | undefined;
  asLeft: number;
}

export interface ReadingsVerdict {
  /** Fail when any as-found reading was out of tolerance: the instrument was out of calibration while in use. */
  asFound: AsFoundVerdict;
  /** The calibration's result: every as-left reading within tolerance. */
  asLeft: Verdict;
  points: { pointId: string; asFound: AsFoundVerdict; asLeft: Verdict }[];
}

/** The verdict of a calibration's readings, point by point and overall. */
export function judgeReadings(readings: readonly PointReading[]): ReadingsVerdict {
  const points = readings.map((r) => ({
    pointId: r.pointId,
    asFound: r.asFound === undefined ? ('not_measured' as const) : isWithinTolerance(r, r.asFound) ? ('pass' as const) : ('fail' as const),
    asLeft: isWithinTolerance(r, r.asLeft) ? ('pass' as const) : ('fail' as const),
  }));
  const measured = points.filter((p) => p.asFound !== 'not_measured');
  return {
    asFound: measured.length === 0 ? 'not_measured' : measured.some((p) => p.asFound === 'fail') ? 'fail' : 'pass',
    asLeft: points.length > 0 && points.every((p) => p.asLeft === 'pass') ? 'pass' : 'fail',
    points,
  };
}
