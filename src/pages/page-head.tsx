import type { Diagnosis } from '../core/diagnosis';
import { VerdictCard } from '../ui/verdict-card';

/** The head of the report and the troubleshooter: what the page is for, then the verdict as the popup and the panel show it. */
export function PageHead({ title, intro, diagnosis }: { title: string; intro: string; diagnosis: Diagnosis | undefined }) {
  return (
    <>
      <header>
        <h1>{title}</h1>
        <p class="muted">{intro}</p>
      </header>
      <VerdictCard diagnosis={diagnosis} />
    </>
  );
}
