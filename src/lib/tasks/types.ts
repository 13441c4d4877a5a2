/**
 * Task packs: one instance a line, with what its verifier needs. Categories follow the mapping
 * stated in the README (arXiv 2606.16934 does not publish one).
 */
export type Category = 'math' | 'ordering' | 'optimisation' | 'controls';

export const CATEGORIES: readonly Category[] = ['math', 'ordering', 'optimisation', 'controls'];

export const CATEGORY_LABELS: Record<Category, string> = {
  math: 'Mathematical',
  ordering: 'Ordering',
  optimisation: 'Optimisation and planning',
  controls: 'Controls (string and matrix rules, cryptanalysis)',
};

export interface PackLine {
  id: string;
  family: string;
  category: Category;
  question: string;
  /** Whatever the family's verifier needs: the instance's parameters and a stored solution. */
  reference: unknown;
}

export interface Verdict {
  correct: boolean;
  /** The answer as found in the response, or null when there is none. */
  answer: string | null;
  /** `correct`, or what is wrong. */
  reason: string;
}

export interface FamilyInfo {
  /** The family name used in pack lines. */
  family: string;
  /** The SymBench folder it comes from. */
  folder: string;
  category: Category;
  label: string;
}

export const FAMILIES: readonly FamilyInfo[] = [
  { family: 'game24', folder: 'game24', category: 'math', label: 'Game of 24' },
  {
    family: 'combinatorial_calculation',
    folder: 'combinatorial_calculation',
    category: 'math',
    label: 'Combinatorial calculation',
  },
  {
    family: 'new_operator',
    folder: 'new_operator_dataset',
    category: 'math',
    label: 'New operator',
  },
  {
    family: 'statistical_counting',
    folder: 'statistical_counting_dataset',
    category: 'math',
    label: 'Statistical counting',
  },
  {
    family: 'logical_equation',
    folder: 'logical_equation',
    category: 'math',
    label: 'Logical equation',
  },
  {
    family: 'permutations_and_combinations',
    folder: 'permutations_and_combinations',
    category: 'ordering',
    label: 'Permutations (book shelf)',
  },
  {
    family: 'constrained_linear_arrangement',
    folder: 'constrained_linear_arrangement',
    category: 'ordering',
    label: 'Constrained linear arrangement',
  },
  {
    family: 'letter_logic_diagram',
    folder: 'letter_logic_diagram',
    category: 'ordering',
    label: 'Letter logic diagram',
  },
  { family: 'boxlift', folder: 'BoxLift_dataset', category: 'optimisation', label: 'BoxLift' },
  {
    family: 'blocksworld',
    folder: 'Blocksworld_dataset',
    category: 'optimisation',
    label: 'Blocksworld',
  },
  {
    family: 'eight_queens',
    folder: 'eight_queens_dataset',
    category: 'optimisation',
    label: 'Eight queens',
  },
  {
    family: 'light_puzzles',
    folder: 'light_puzzles_dataset',
    category: 'optimisation',
    label: 'Light puzzles',
  },
  {
    family: 'logic_puzzle',
    folder: 'logic_puzzle_dataset',
    category: 'optimisation',
    label: 'Logic puzzle (grid selection)',
  },
  {
    family: 'string_insertion',
    folder: 'string_insertion',
    category: 'controls',
    label: 'String insertion',
  },
  {
    family: 'string_deletion_and_modification',
    folder: 'string_deletion_and_modification',
    category: 'controls',
    label: 'String deletion and modification',
  },
  {
    family: 'string_synthesis',
    folder: 'string_synthesis',
    category: 'controls',
    label: 'String synthesis',
  },
  {
    family: 'matrix_transformation',
    folder: 'matrix_transformation_dataset',
    category: 'controls',
    label: 'Matrix transformation',
  },
  { family: 'pooling', folder: 'pooling_dataset', category: 'controls', label: 'Pooling' },
  {
    family: 'cryptanalysis',
    folder: 'cryptanalysis',
    category: 'controls',
    label: 'Cryptanalysis',
  },
];

export function familyByFolder(folder: string): FamilyInfo | undefined {
  return FAMILIES.find((f) => f.folder === folder || f.family === folder);
}

export function familyInfo(family: string): FamilyInfo | undefined {
  return FAMILIES.find((f) => f.family === family);
}

/** A pack line read back from JSON, checked field by field; a message says what is missing. */
export function asPackLine(value: unknown): PackLine | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected an object';
  const v = value as Record<string, unknown>;
  for (const key of ['id', 'family', 'question'] as const)
    if (typeof v[key] !== 'string') return `expected a "${key}" string`;
  if (!CATEGORIES.includes(v.category as Category))
    return `expected "category" to be one of ${CATEGORIES.join(', ')}`;
  if (!('reference' in v)) return 'expected a "reference"';
  return v as unknown as PackLine;
}
