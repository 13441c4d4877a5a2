/**
 * Prompts for the two families whose benchmark code writes the question instead of storing it.
 * Written for Loupe; like the stored questions, they ask for the answer inside <<<...>>>.
 */
export function boxLiftQuestion(boxes: number[], lifters: number[], maxSteps: number): string {
  return `Boxes of these weights must all be lifted: ${boxes.join(', ')}.
There are ${lifters.length} lifters, numbered 0 to ${lifters.length - 1}, with these maximum capacities: ${lifters.join(', ')}.

Lift the boxes in steps. In one step:
- several boxes can be lifted at the same time;
- a lifter takes part in at most one box;
- several lifters can lift one box together if their capacities add up to at least its weight.

Lift every box in at most ${maxSteps} steps (fewer is better).

Write one line per step, each box as (weight, [lifter numbers]), and put the whole plan inside <<< and >>>. For instance, a plan for other boxes could read:
<<<Step 1: [(70, [0, 1]), (25, [2])]
Step 2: [(40, [0]), (35, [1, 2])]>>>`;
}

export function blocksworldQuestion(
  initial: Record<string, string[]>,
  goal: Record<string, string[]>,
): string {
  const show = (stacks: Record<string, string[]>) =>
    Object.entries(stacks)
      .map(([name, blocks]) => `${name}: ${blocks.join(' ') || '(empty)'}`)
      .join('\n');
  return `Blocks are piled in stacks. Each stack is written from bottom to top: in "stack1: A B C", A is at the bottom and C is on top.

Initial state:
${show(initial)}

Goal state:
${show(goal)}

A stack not listed in the goal must end empty. You may move one block at a time, and only the top block of a stack. Blocks can only go onto the existing stacks (no new stacks, no table).

Give the moves in order, one per line, as "Move X from N to M" (N and M are stack numbers), all inside <<< and >>>. For instance:
<<<Move C from 1 to 3
Move A from 2 to 1>>>`;
}
