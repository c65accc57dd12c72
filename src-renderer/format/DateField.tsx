import type { SxProps, Theme } from '@mui/material/styles';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import { DesktopDateTimePicker } from '@mui/x-date-pickers/DesktopDateTimePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import type { DateValidationError, DateTimeValidationError } from '@mui/x-date-pickers/models';
import dayjs, { type Dayjs } from 'dayjs';
import en from 'dayjs/locale/en';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime, formatDay } from '../../src-shared/format/display-format';
import { dayFieldPattern, dayTimeFieldPattern, monthNames } from './field-pattern';

/**
 * The one date field of LabFlow (and its day-and-time sibling): a picker that reads and writes dates
 * in the app's one format ("16 Mar 2026"), typed section by section from the keyboard or picked from a
 * calendar, with a clear button, limits, and its problem said under the field. Callers keep the
 * plain strings they store: 'YYYY-MM-DD' for a day, 'YYYY-MM-DDTHH:mm' (this PC's time) for a day and
 * time, '' when empty or not yet a whole date.
 */

// English everywhere else in the UI, but the month names Intl gives this PC's locale, so the field
// reads like the dates next to it (src-shared/format/display-format.ts).
const LOCALE = 'labflow';
dayjs.locale({
  ...en, name: LOCALE, months: monthNames().long, monthsShort: monthNames().short,
  // The pickers' own labels use dayjs's localized formats, which a locale built here must declare.
  formats: { LT: 'HH:mm', LTS: 'HH:mm:ss', L: 'YYYY-MM-DD', LL: 'D MMMM YYYY', LLL: 'D MMMM YYYY HH:mm', LLLL: 'dddd, D MMMM YYYY HH:mm' },
}, undefined, true);

const DAY = 'YYYY-MM-DD';
const DAY_TIME = 'YYYY-MM-DDTHH:mm';

interface CommonProps {
  label: string;
  /** 'YYYY-MM-DD' (or 'YYYY-MM-DDTHH:mm' for DateTimeField); '' when empty. */
  value: string;
  onChange: (value: string) => void;
  /** Earliest and latest allowed, in the same form as `value`. */
  min?: string;
  max?: string;
  /** The host's (or the form's) problem with this field; a problem the field sees itself comes first. */
  error?: boolean;
  helperText?: string;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  sx?: SxProps<Theme>;
  /**
   * For fields saved as soon as they change: a half-typed date sends nothing (rather than '') so the
   * stored date is not cleared while the person is still typing; only the clear button empties it.
   */
  isSavedOnChange?: boolean;
}

type Problem = DateValidationError | DateTimeValidationError;

function problemText(problem: Problem, example: string, min?: string, max?: string, write: (value: string) => string = formatDay): string | undefined {
  switch (problem) {
    case null: return undefined;
    case 'minDate': case 'minTime': return min ? `Choose ${write(min)} or later.` : undefined;
    case 'maxDate': case 'maxTime': return max ? `Choose ${write(max)} or earlier.` : undefined;
    default: return `Enter a whole date, e.g. ${example}.`;
  }
}

/** Keeps what the person is typing (a half-typed date is not a value yet) apart from the stored string. */
function useTypedValue({ value, onChange, isSavedOnChange }: CommonProps, storedAs: string) {
  // Both stored forms are ISO 8601 without a zone, which dayjs reads as this PC's local time.
  const parse = (text: string) => (text ? dayjs(text) : null);
  const [typed, setTyped] = useState<Dayjs | null>(() => parse(value));
  const lastSent = useRef(value);
  useEffect(() => {
    // Only a change from outside (a reset, a loaded record) replaces what is being typed.
    if (value !== lastSent.current) {
      lastSent.current = value;
      setTyped(value ? dayjs(value) : null);
    }
  }, [value, storedAs]);
  const change = (next: Dayjs | null) => {
    setTyped(next);
    if (isSavedOnChange && next && !next.isValid()) return;
    const text = next && next.isValid() ? next.format(storedAs) : '';
    lastSent.current = text;
    if (text !== value) onChange(text);
  };
  return { typed, change, parse };
}

function fieldSlotProps(props: CommonProps, ownProblem: string | undefined) {
  return {
    textField: {
      size: props.size,
      fullWidth: props.fullWidth,
      required: props.required,
      autoFocus: props.autoFocus,
      sx: props.sx,
      error: Boolean(ownProblem) || Boolean(props.error),
      helperText: ownProblem ?? props.helperText,
    },
    field: { clearable: !props.disabled && !props.required },
  };
}

/** A calendar day, e.g. "16 Mar 2026". */
export function DateField(props: CommonProps) {
  const { typed, change, parse } = useTypedValue(props, DAY);
  const [problem, setProblem] = useState<DateValidationError>(null);
  const ownProblem = problemText(problem, formatDay('2026-03-16'), props.min, props.max);
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={LOCALE}>
      <DesktopDatePicker label={props.label} value={typed} onChange={change} onError={setProblem} format={dayFieldPattern()}
        minDate={props.min ? parse(props.min) ?? undefined : undefined} maxDate={props.max ? parse(props.max) ?? undefined : undefined}
        disabled={props.disabled} slotProps={fieldSlotProps(props, ownProblem)} />
    </LocalizationProvider>
  );
}

/** A day and time on this PC's clock, e.g. "16 Mar 2026, 14:00". */
export function DateTimeField(props: CommonProps) {
  const { typed, change, parse } = useTypedValue(props, DAY_TIME);
  const [problem, setProblem] = useState<DateTimeValidationError>(null);
  const write = (text: string) => formatDateTime(dayjs(text).toISOString());
  const ownProblem = problemText(problem, write('2026-03-16T14:00'), props.min, props.max, write);
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={LOCALE}>
      <DesktopDateTimePicker label={props.label} value={typed} onChange={change} onError={setProblem} format={dayTimeFieldPattern()} ampm={false}
        minDateTime={props.min ? parse(props.min) ?? undefined : undefined} maxDateTime={props.max ? parse(props.max) ?? undefined : undefined}
        disabled={props.disabled} slotProps={fieldSlotProps(props, ownProblem)} />
    </LocalizationProvider>
  );
}
