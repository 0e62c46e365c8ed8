import { useLocale } from '../../i18n';
import type { ClaimCalc } from './types';

/** The claim's arithmetic, one step per line, as the server computed it. */
export function CalcLines({ calc }: { calc: ClaimCalc }) {
  const { en } = useLocale();
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="calc-lines">
      {calc.lines.map((l) => <li key={l.key}>{en ? l.en : l.zh}</li>)}
    </ol>
  );
}
