import { listItems } from '../parse';
import { field, multisetDifference, ok, wrong, type FamilyVerifier } from './common';

/** A shelf order: every book once, and every constraint of the instance met. */
export const permutations: FamilyVerifier = (answer, reference) => {
  const items = field<string[]>(reference, 'items');
  const constraints = field<string>(reference, 'constraints_text').split('\n').filter(Boolean);
  const order = listItems(answer).map((x) => x.toUpperCase());
  const difference = multisetDifference(order, items);
  if (difference) return wrong(`not an order of the books ${items.join(', ')}: it ${difference}`);
  const position = (book: string) => order.indexOf(book) + 1;
  for (const line of constraints) {
    const text = line.replace(/^\d+\.\s*/, '');
    let m = /^Book (\w) must be to the (left|right) of book (\w)\.?$/.exec(text);
    if (m) {
      const [a, b] = [position(m[1] as string), position(m[3] as string)];
      if (m[2] === 'left' ? a >= b : a <= b) return wrong(`breaks "${text}"`);
      continue;
    }
    m = /^Book (\w) must be adjacent to book (\w)\.?$/.exec(text);
    if (m) {
      if (Math.abs(position(m[1] as string) - position(m[2] as string)) !== 1)
        return wrong(`breaks "${text}"`);
      continue;
    }
    m = /^Book (\w) (must|cannot) be placed in position (\d+)\.?$/.exec(text);
    if (m) {
      const there = position(m[1] as string) === Number(m[3]);
      if (there !== (m[2] === 'must')) return wrong(`breaks "${text}"`);
      continue;
    }
    throw new Error(`unknown constraint in the pack: "${text}"`);
  }
  return ok;
};

type Outcome = 'win' | 'loss' | 'draw';

/**
 * The referees of the three games, from the player's side, as the benchmark's generator applies
 * them (in the five-element game only the player's card is tested as "card 1": the recorded
 * results follow that, so a literal two-sided reading of the rules would contradict them).
 */
const REFEREES: Record<
  string,
  { pieces: string; judge: (player: string, opponent: string) => Outcome }
> = {
  elements: {
    pieces: 'ABCDE',
    judge: (p, o) => {
      const generates: Record<string, string> = { A: 'B', B: 'C', C: 'D', D: 'E', E: 'A' };
      const overcomes: Record<string, string> = { A: 'C', C: 'E', E: 'B', B: 'D', D: 'A' };
      return generates[p] === o ? 'loss' : overcomes[p] === o ? 'win' : 'draw';
    },
  },
  stick_game: {
    pieces: 'ABCD',
    judge: (p, o) => {
      const beats: Record<string, string> = { A: 'B', B: 'C', C: 'D', D: 'A' };
      return beats[p] === o ? 'win' : beats[o] === p ? 'loss' : 'draw';
    },
  },
  animal: {
    pieces: 'ABCDEFGH',
    judge: (p, o) => {
      if (p === o) return 'draw';
      if (p === 'H' && o === 'A') return 'win';
      if (p === 'A' && o === 'H') return 'loss';
      return p < o ? 'win' : 'loss';
    },
  },
};

/** The opponent's cards: one per round, none twice, each giving the announced result. */
export const constrainedArrangement: FamilyVerifier = (answer, reference) => {
  const game = REFEREES[field<string>(reference, 'game_type')];
  if (!game) return wrong('unknown game in the pack');
  const moves = field<string[]>(reference, 'player_moves');
  const results = field<Outcome[]>(reference, 'results');
  const cards = listItems(answer).map((x) => x.toUpperCase());
  if (cards.length !== moves.length)
    return wrong(`${cards.length} cards for ${moves.length} rounds`);
  for (const [i, card] of cards.entries()) {
    if (card.length !== 1 || !game.pieces.includes(card))
      return wrong(
        `round ${i + 1}: "${card}" is not one of the cards ${[...game.pieces].join(', ')}`,
      );
    if (cards.indexOf(card) !== i)
      return wrong(`card ${card} is played twice (each card only once)`);
    const outcome = game.judge(moves[i] as string, card);
    if (outcome !== results[i])
      return wrong(
        `round ${i + 1}: ${moves[i]} against ${card} is a ${outcome}, not a ${results[i]}`,
      );
  }
  return ok;
};
