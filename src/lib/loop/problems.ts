/** Example problems for the Playground: math, ordering and optimisation, as in arXiv 2606.16934. */
export interface ExampleProblem {
  title: string;
  question: string;
  expected: string;
}

export const EXAMPLE_PROBLEMS: ExampleProblem[] = [
  {
    title: 'Math: eggs at the market',
    question:
      "Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?",
    expected: '18',
  },
  {
    title: 'Math: integer pairs',
    question: 'How many pairs of positive integers (x, y) satisfy x^2 - y^2 = 45?',
    expected: '3',
  },
  {
    title: 'Ordering: who stands where',
    question:
      'Ana, Ben, Cal, Dee and Eli stand in a line. Cal is directly behind Ana. Eli is ahead of Ana but not at either end. Dee is last. Who is at the front of the line?',
    expected: 'Ben',
  },
  {
    title: 'Optimisation: a knapsack',
    question:
      'A hiker can carry at most 9 kg. A stove weighs 3 kg (value 8), water 4 kg (value 9), food 2 kg (value 5), a tent 5 kg (value 10) and a camera 1 kg (value 2). What is the largest total value she can carry?',
    expected: '22',
  },
];
