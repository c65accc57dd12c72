import { minorDigitsOf } from '../../src-shared/finance/money';
import { formatMoney } from '../../src-shared/format/display-format';

/**
 * An axis tick of a money chart (a number in major units, as the chart library draws it) written
 * by the app's money formatter. Display only: the figures themselves stay integer minor units.
 */
export const axisMoney = (major: number, currency: string): string => formatMoney(Math.round(major * 10 ** minorDigitsOf(currency)), currency);
