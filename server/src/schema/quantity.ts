// Kubernetes resource quantities (`500m`, `1.5Gi`, `1e3`) read as the API server reads them:
// kubernetes/apimachinery v0.31.1 (a8f449e2) pkg/api/resource/quantity.go, parseQuantityString and
// ParseQuantity (lines 149–391), and suffix.go (the suffix tables and interpret).

/** The API server's own texts (quantity.go lines 149–156). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/** A parsed quantity as an exact fraction num/den (sign in num), or the reason it does not parse. */
export type Quantity = { ok: true; num: bigint; den: bigint } | { ok: false; error: string };

/** Exponents past this are valid but not compared (the value is not built): 10^100 is no real request. */
const MAX_EXPONENT = 100;

const DECIMAL: Record<string, number> = { '': 0, n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';

export function parseQuantity(str: string): Quantity {
  if (!str.length) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const scanned = scan(str);
  if (!scanned) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const { negative, num, denom, suffix } = scanned;
  let pow10: number;
  let pow2 = 0;
  if (suffix in DECIMAL) pow10 = DECIMAL[suffix]!;
  else if (suffix in BINARY) {
    pow10 = 0;
    pow2 = BINARY[suffix]!;
  } else if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    // strconv.ParseInt(…, 10, 64): an exponent past int64 does not parse.
    const e = BigInt(suffix.slice(1));
    if (e > 9223372036854775807n || e < -9223372036854775808n) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
    if (e > BigInt(MAX_EXPONENT) || e < BigInt(-MAX_EXPONENT)) return { ok: true, num: 0n, den: 0n };
    pow10 = Number(e);
  } else return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  pow10 -= denom.length;
  let n = BigInt(num + denom) * 2n ** BigInt(pow2);
  let d = 1n;
  if (pow10 >= 0) n *= 10n ** BigInt(pow10);
  else d = 10n ** BigInt(-pow10);
  return { ok: true, num: negative ? -n : n, den: d };
}

/** a − b's sign, or undefined when either was not built (den 0: an exponent too large to compare). */
export function compareQuantities(a: { num: bigint; den: bigint }, b: { num: bigint; den: bigint }): number | undefined {
  if (!a.den || !b.den) return undefined;
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** parseQuantityString: sign, digits, `.digits`, then suffix letters and an optional signed exponent. */
function scan(str: string): { negative: boolean; num: string; denom: string; suffix: string } | undefined {
  const end = str.length;
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { negative, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i]!)) i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (pos < end && str[pos] === '.') {
    i = ++pos;
    while (i < end && isDigit(str[i]!)) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos]!)) pos++;
  // A character the suffix cannot hold (`B` in `2GB`, a space) is a format error.
  if (pos < end) return undefined;
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
