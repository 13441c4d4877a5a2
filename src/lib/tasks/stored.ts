import type { PackLine } from './types';

type Ref = Record<string, unknown>;

/**
 * The instance's stored solution written as an answer, for the families that store one (null for
 * Game of 24, BoxLift and Blocksworld). `loupe pack` checks it against the rules before packing.
 */
export function storedAnswer(line: PackLine): string | null {
  const ref = line.reference as Ref;
  switch (line.family) {
    case 'combinatorial_calculation':
      return `[${(ref.solution as string[]).join(', ')}]`;
    case 'new_operator':
    case 'statistical_counting':
      return String(ref.solution);
    case 'logical_equation':
      return `[${(ref.solution as number[]).join(', ')}]`;
    case 'permutations_and_combinations':
      return JSON.stringify(ref.correct_solution);
    case 'constrained_linear_arrangement':
      return (ref.solution as string[]).join(',');
    case 'letter_logic_diagram':
      return '\n' + (ref.solution as string[][]).map((row) => row.join(',')).join('\n') + '\n';
    case 'eight_queens':
    case 'logic_puzzle':
      return (ref.solution as number[][]).map(([r, c]) => `${r} ${c}`).join(', ');
    case 'light_puzzles':
      return (ref.solution as number[]).join(',');
    case 'pooling':
    case 'matrix_transformation':
      return (ref.solution as unknown[][]).flat().join(',');
    case 'string_insertion':
      return String(ref.modified_string);
    case 'string_deletion_and_modification':
      return `"${String(ref.final_string)}"`;
    case 'string_synthesis':
      return (ref.final_counts as number[]).join(' ');
    case 'cryptanalysis':
      return JSON.stringify(ref.answer);
    default:
      return null;
  }
}
