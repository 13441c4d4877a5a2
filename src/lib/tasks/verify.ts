import { findAnswer, NO_ANSWER } from './extract';
import type { PackLine, Verdict } from './types';
import { combinatorialCalculation, game24, logicalEquation, numeric } from './verifiers/arithmetic';
import type { FamilyVerifier } from './verifiers/common';
import {
  eightQueens,
  letterLogicDiagram,
  lightPuzzles,
  logicPuzzle,
  matrixTransformation,
  pooling,
} from './verifiers/grids';
import { constrainedArrangement, permutations } from './verifiers/ordering';
import { blocksworld, boxLift } from './verifiers/plans';
import { cryptanalysis, sameString, stringSynthesis } from './verifiers/strings';

/** One verifier per family, written for Loupe; see the README for what each checks. */
export const VERIFIERS: Record<string, FamilyVerifier> = {
  game24,
  combinatorial_calculation: combinatorialCalculation,
  new_operator: numeric,
  statistical_counting: numeric,
  logical_equation: logicalEquation,
  permutations_and_combinations: permutations,
  constrained_linear_arrangement: constrainedArrangement,
  letter_logic_diagram: letterLogicDiagram,
  boxlift: boxLift,
  blocksworld,
  eight_queens: eightQueens,
  light_puzzles: lightPuzzles,
  logic_puzzle: logicPuzzle,
  string_insertion: sameString('modified_string', true),
  string_deletion_and_modification: sameString('final_string', true),
  string_synthesis: stringSynthesis,
  matrix_transformation: matrixTransformation,
  pooling,
  cryptanalysis,
};

/** Extracts the final answer from a response and checks it against the instance's rules. */
export function verifyResponse(line: PackLine, response: string): Verdict {
  const verifier = VERIFIERS[line.family];
  if (!verifier)
    return { correct: false, answer: null, reason: `no verifier for the family "${line.family}"` };
  const found = findAnswer(response);
  if (found === null) return { correct: false, answer: null, reason: NO_ANSWER };
  try {
    const check = verifier(found.text, line.reference, line.question);
    return { correct: check.correct, answer: found.text, reason: check.reason };
  } catch (error) {
    return {
      correct: false,
      answer: found.text,
      reason: `could not check: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
