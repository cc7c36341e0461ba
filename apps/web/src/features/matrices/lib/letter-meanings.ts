import { RACI_LETTER_NAMES, RACI_LETTERS, type RaciLetter } from '@accord/raci';

export interface LetterMeaning {
  letter: RaciLetter;
  /** "Accountable": the RACI word, for people who know it. */
  name: string;
  /** "answers for the result": what the letter means, in plain words. */
  meaning: string;
  /** The longer explanation of the legend. */
  explanation: string;
  /** "Accountable for": the heading of a party's list of rows with this letter. */
  listHeading: string;
}

const MEANINGS: Record<RaciLetter, Omit<LetterMeaning, 'letter' | 'name'>> = {
  R: {
    meaning: 'does the work',
    explanation: 'Does the hands-on work. Every responsibility needs at least one party who does it.',
    listHeading: 'Responsible for',
  },
  A: {
    meaning: 'answers for the result',
    explanation:
      'Answers for the result: makes the final call and makes sure the work is done. Exactly one party per responsibility.',
    listHeading: 'Accountable for',
  },
  C: {
    meaning: 'is asked for advice',
    explanation: 'Is asked for advice before the work is decided or done.',
    listHeading: 'Consulted on',
  },
  I: {
    meaning: 'is kept up to date',
    explanation: 'Is told about progress and outcomes; no action needed.',
    listHeading: 'Kept informed about',
  },
};

/** R, A, C and I explained for a business owner, in the order RACI names them. */
export const LETTER_MEANINGS: readonly LetterMeaning[] = RACI_LETTERS.map((letter) => ({
  letter,
  name: RACI_LETTER_NAMES[letter],
  ...MEANINGS[letter],
}));

export function letterMeaning(letter: RaciLetter): LetterMeaning {
  return { letter, name: RACI_LETTER_NAMES[letter], ...MEANINGS[letter] };
}

/** What the "Critical" mark on a row means. */
export const CRITICAL_MEANING =
  'The business depends on it: a failure cannot wait, so it needs cover outside business hours too.';
